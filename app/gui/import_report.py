"""The report shown after an import: what each file was taken for and why, what became history,
what was saved or counted against, what matched loosely (to check) and what did not match; and,
for shelves whose names say nothing, a choice of what they mean and an import again."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.gui.plain import plain_label
from app.gui.report_text import format_name, report_line

__all__ = ["ImportReportDialog"]

_MEANINGS = ("shelved", "read", "saved", "dnf", "not-interested", "skip")


class ImportReportDialog(QDialog):
    """Plain text throughout: file names, titles and shelf names come from the person's files."""

    reimport = Signal(list)  # shelf choices, e.g. ["literature=read"]

    def __init__(self, reports: list[Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importReport")
        self.setWindowTitle(self.tr("Import finished"))
        self.reports = reports
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label(self.summary(), self))
        self.details = QPlainTextEdit(self)
        self.details.setReadOnly(True)
        self.details.setFont(QFont("monospace"))
        self.details.setPlainText(self.text())
        self.details.setAccessibleName(self.tr("Import report"))
        self.details.setMinimumSize(640, 320)
        layout.addWidget(self.details)
        self.shelves: dict[str, QComboBox] = {}
        shelved = {name: n for r in reports for name, n in r.shelved.items()}
        if shelved:
            layout.addWidget(self._shelf_box(shelved))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)

    def _shelf_box(self, shelved: dict[str, int]) -> QGroupBox:
        box = QGroupBox(self.tr("Shelves whose names do not say whether you read the book"), self)
        form = QFormLayout(box)
        names = {
            "shelved": self.tr("Keep: counts a little"),
            "read": self.tr("Read"),
            "saved": self.tr("Saved for later"),
            "dnf": self.tr("Did not finish"),
            "not-interested": self.tr("Not interested"),
            "skip": self.tr("Leave out"),
        }
        for shelf, n in sorted(shelved.items(), key=lambda kv: -kv[1]):
            combo = QComboBox(box)
            for meaning in _MEANINGS:
                combo.addItem(names[meaning], meaning)
            combo.setAccessibleName(self.tr("Meaning of the shelf {0}").format(shelf))
            form.addRow(plain_label(self.tr("{0} ({1} entries)").format(shelf, n), box), combo)
            self.shelves[shelf] = combo
        again = QPushButton(self.tr("Import again with these choices"), box)
        again.setObjectName("reimport")
        again.clicked.connect(self._reimport)
        form.addRow(again)
        return box

    def choices(self) -> list[str]:
        return [f"{shelf}={combo.currentData()}" for shelf, combo in self.shelves.items()]

    def _reimport(self) -> None:
        self.reimport.emit(self.choices())
        self.accept()

    def summary(self) -> str:
        history = sum(r.history for r in self.reports)
        matched = sum(r.matched for r in self.reports)
        total = matched + sum(r.unmatched for r in self.reports)
        return self.tr("{0} read or watched, {1} saved for later, {2} counted against; {3} of {4} found in a "
                       "catalog.").format(history, sum(r.saved for r in self.reports),
                                          sum(r.against for r in self.reports), matched, total)

    def text(self) -> str:
        lines: list[str] = []
        for r in self.reports:
            lines.append(", ".join(r.files))
            lines.append(self.tr("  Format: {0} ({1})").format(format_name(r.format), report_line(r.layout)))
            lines.append(("  " + self.tr("Guessed: {0}") if r.guessed else "  " + self.tr("Recognised: {0}"))
                         .format(report_line(r.detected)))
            lines.append(self.tr("  Read or watched: {0}").format(r.history))
            lines.append(self.tr("  Saved for later (to read, watchlist): {0}").format(r.saved))
            lines.append(self.tr("  Did not finish or not interested: {0}").format(r.negative))
            if r.against_rating is not None:
                lines.append(self.tr("  Counted against in ranking: {0} (rated {1} or lower, or not finished)")
                             .format(r.against, f"{r.against_rating:g}"))
            else:
                lines.append(self.tr("  Counted against in ranking: {0}").format(r.against))
            if r.liked:
                lines.append(self.tr("  Liked, not said to be watched (likes, not history): {0}").format(r.liked))
            for shelf, n in r.shelved.items():
                lines.append(self.tr("  On the shelf {0}, unrated: {1}").format(shelf, n))
            if r.skipped:
                why = ", ".join(f"{n} {report_line(reason)}" for reason, n in r.skipped_reasons.items())
                lines.append(self.tr("  Skipped: {0}").format(r.skipped) + f" ({why})")
            lines.append(self.tr("  Found in a catalog: {0} of {1} ({2:.0%})").format(
                r.matched, r.matched + r.unmatched, r.match_rate))
            for note in r.notes:
                lines.append("  " + report_line(note))
            if r.loose:
                lines.append(self.tr("  Matched by author and a similar or translated title (check these):"))
                lines += [f"    {m['title']}  ->  {m['matched']}" for m in r.loose]
            if r.unmatched_sample:
                lines.append(self.tr("  Not in a catalog, for example:"))
                lines += [f"    {m['title']}" + (f" ({m['year']})" if m["year"] else "")
                          + f": {report_line(m['reason'])}"
                          for m in r.unmatched_sample]
            lines.append("")
        return "\n".join(lines)
