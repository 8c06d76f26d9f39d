"""The explanation of the selected item: streamed text, its badge, and what its match is made of."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from app.core.shares import shares
from app.core.types import Item, Recommendation
from app.gui.plain import genre_label, interface_is_chinese, plain_tip, runtime_label
from app.gui.share_bars import ShareBars

__all__ = ["ExplainPanel"]


class ExplainPanel(QWidget):
    stop_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(self.tr("Select a recommendation to see why it is there."))
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setWordWrap(True)
        self.title.setObjectName("explainTitle")
        self.details = QLabel()  # who made it, its genres, a film's length
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.details.setWordWrap(True)
        self.details.setObjectName("explainDetails")
        self.details.setAccessibleName(self.tr("About this title"))
        # The title and the line under it keep two lines' height whatever they hold (a longer one is cut
        # with "…"): a title that wrapped moved the explanation down, and a short one moved it back.
        self._full = {self.title: self.title.text(), self.details: ""}
        for label in self._full:
            label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.text.setAccessibleName(self.tr("Explanation"))
        self.text.setMaximumHeight(110)
        self.badge = QLabel()
        self.badge.setTextFormat(Qt.TextFormat.PlainText)
        self.badge.setWordWrap(True)  # "The language model could not be used: …" must not widen the panel
        self.badge.setAccessibleName(self.tr("How the explanation was made"))
        # Two lines too: "Writing…" took one, then "Written by the local language model · checked against the
        # evidence" two, and the bars under it moved down as each explanation finished.
        self._full[self.badge] = ""
        self.badge.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self._tips: dict[QLabel, str] = {}  # a label's own tooltip, where it is not cut (the model's error)
        self.stop = QPushButton(self.tr("Stop"))
        self.stop.setEnabled(False)
        self.stop.setShortcut("Esc")
        self.stop.setAccessibleName(self.tr("Stop writing the explanation"))
        self.stop.clicked.connect(self.stop_requested)
        self.shares = ShareBars()
        self.shares.setAccessibleName(self.tr("What the match is made of"))
        row = QHBoxLayout()
        row.addWidget(self.badge, 1)
        row.addWidget(self.stop)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.details)
        layout.addWidget(self.text)
        layout.addLayout(row)
        layout.addWidget(self.shares, 1)

    def _set(self, label: QLabel, text: str) -> None:
        self._full[label] = text
        self._fit(label)

    def _fit(self, label: QLabel) -> None:
        """``label`` at two lines' height, its text cut with "…" where it needs more (the whole in its tooltip)."""
        metrics = label.fontMetrics()
        label.setFixedHeight(2 * metrics.lineSpacing() + 2)
        text, width = self._full[label], label.width()
        if not label.isVisible() or width < 50:  # not laid out yet: cut when it is (resizeEvent)
            label.setText(text)
            return
        flags = int(Qt.TextFlag.TextWordWrap)
        shown = text
        while shown and metrics.boundingRect(0, 0, width, 10_000, flags, shown).height() > 2 * metrics.lineSpacing():
            shown = shown[: max(len(shown) - max(len(shown) // 10, 1), 0)].rstrip()
        label.setText(shown if shown == text else shown.rstrip(" ,·、") + "…")
        tip = "\n\n".join(t for t in ((text if shown != text else ""), self._tips.get(label, "")) if t)
        label.setToolTip(plain_tip(tip) if tip else "")

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        for label in self._full:
            self._fit(label)

    def begin(self, rec: Recommendation) -> None:
        self._set(self.title, rec.item.label)
        self.show_details(rec.item)
        self.text.setPlainText("")
        self._badge(self.tr("Writing…"))
        self.stop.setEnabled(True)
        self.show_evidence(rec)

    def show_details(self, item: Item) -> None:
        """The item's creators, genres and (a film's) runtime under its title, as plain text."""
        genres = ("、" if interface_is_chinese() else ", ").join(genre_label(g) for g in item.genres[:4])
        # The runtime first: a wrapped line then breaks between genres, never inside "3小时21分钟".
        parts = [runtime_label(item.runtime) if item.runtime else "", ", ".join(item.creators[:3]), genres]
        self._set(self.details, " · ".join(p for p in parts if p))

    def add_text(self, piece: str) -> None:
        cursor = self.text.textCursor()
        cursor.movePosition(cursor.MoveOperation.End)
        cursor.insertText(piece)  # insertText: plain text, never markup
        self.text.setTextCursor(cursor)

    def reset_text(self, reasons: Any) -> None:
        self.text.setPlainText("")
        self._badge(self.tr("Draft rejected by the checker; writing again…"))

    def finish(self, result: Any) -> None:
        self.stop.setEnabled(False)
        if result is None:
            return
        if result.path == "llm":
            badge = self.tr("Written by the local language model · checked against the evidence")
        else:
            badge = self.tr("Built from the evidence (template)")
        if not result.verified:
            badge = self.tr("Not verified")
        errors = [d["error"] for d in result.drafts if "error" in d]
        if errors:  # the model could not be used: say so first (a narrow panel cuts the end), why in the tooltip
            badge = self.tr("The language model could not be used: built from the evidence (template)")
        self._badge(badge, errors[0] if errors else "")

    def _badge(self, text: str, tip: str = "") -> None:
        self._tips[self.badge] = tip
        self._set(self.badge, text)

    def stopped(self) -> None:
        self.stop.setEnabled(False)
        self._badge(self.tr("Stopped"))

    def show_evidence(self, rec: Recommendation) -> None:
        self.shares.show_shares(shares(rec))
