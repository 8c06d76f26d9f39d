"""What a recommendation's match is made of, as rows of whole titles over bars with their percentages.

A chart's category axis cut titles ("The Lord of the Rin…") and printed raw score units; these rows wrap
a title instead, and keep a fixed number of slots so the panel does not move when another item is chosen.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import QGridLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from app.core.shares import Share
from app.gui.plain import heading, plain_label

__all__ = ["ShareBars"]

SLOTS = 8  # five items, the rest of the history, popularity, feedback


class _Bar(QWidget):
    """One share as a bar from the left, its percentage at the right; a negative share in the palette's
    link-visited colour (pulling the match down)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.share = 0.0
        self.text = ""
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(120, self.fontMetrics().height() + 4)

    def set_share(self, share: float, text: str) -> None:
        self.share, self.text = share, text
        self.setAccessibleName(text)
        self.update()

    def paintEvent(self, event: object) -> None:  # noqa: N802
        painter = QPainter(self)
        room = self.fontMetrics().horizontalAdvance("−100%") + 8
        bar = self.rect().adjusted(0, 3, -room, -3)
        groove = self.palette().color(QPalette.ColorRole.Mid)
        groove.setAlpha(60)
        painter.fillRect(bar, groove)
        bar.setWidth(max(1, round(bar.width() * min(abs(self.share), 1.0))))
        role = QPalette.ColorRole.Highlight if self.share >= 0 else QPalette.ColorRole.LinkVisited
        painter.fillRect(bar, self.palette().color(role))
        painter.setPen(self.palette().color(QPalette.ColorRole.WindowText))
        painter.drawText(self.rect(), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, self.text)


class ShareBars(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = heading("", 1.0)
        self.title.setWordWrap(True)
        self.names: list[QLabel] = []
        self.bars: list[_Bar] = []
        grid = QGridLayout()
        grid.setVerticalSpacing(2)
        for slot in range(SLOTS):
            name = plain_label("")
            bar = _Bar()
            grid.addWidget(name, 2 * slot, 0)
            grid.addWidget(bar, 2 * slot + 1, 0)
            self.names.append(name)
            self.bars.append(bar)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addLayout(grid)
        layout.addStretch(1)
        self.show_shares([])

    def label(self, s: Share) -> str:
        if s.part == "popularity":
            return self.tr("How popular it is")
        if s.part == "feedback":
            return self.tr("Your marks on it (like, dislike, save for later)")
        if s.part == "others":
            return self.tr("The rest of your history")
        if s.source == "query":
            return self.tr("The words you typed: {0}").format(s.title)
        if s.source == "interest":
            return self.tr("Your interest: {0}").format(s.title)
        return f"{s.title} ({s.year})" if s.year else s.title

    def show_shares(self, shares: list[Share]) -> None:
        for slot, (name, bar) in enumerate(zip(self.names, self.bars, strict=True)):
            if slot < len(shares):
                s = shares[slot]
                name.setText(self.label(s))
                bar.set_share(s.share, _percent(s.share))
            name.setVisible(slot < len(shares))
            bar.setVisible(slot < len(shares))
        self.title.setText(self.tr("What the match is made of") if shares else "")

    def rows(self) -> list[tuple[str, str]]:
        """(name, percentage) of each shown row, top first (for tests and accessibility)."""
        return [(n.text(), b.text) for n, b in zip(self.names, self.bars, strict=True) if not n.isHidden()]


def _percent(share: float) -> str:
    """"−12%" with a true minus sign; a share that rounds to nothing is "0%", not "−0%"."""
    text = f"{share:.0%}"
    return "0%" if text in ("-0%", "0%") else text.replace("-", "−")
