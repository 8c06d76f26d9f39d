"""The explanation of the selected item: streamed text, its badge, and the evidence as a chart."""

from __future__ import annotations

import html
import math
from typing import Any

from PySide6.QtCharts import QBarCategoryAxis, QBarSet, QChart, QChartView, QHorizontalBarSeries, QValueAxis
from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from app.core.text import shorten
from app.core.types import Item, Recommendation
from app.core.zh import genre_zh
from app.gui.plain import plain_tip, runtime_label
from app.gui.theme import style_chart

__all__ = ["ExplainPanel"]


def _short(text: str, width: int = 28) -> str:
    text = shorten(text, width)
    # Qt Charts lays axis labels out as rich text: escape, so a title is shown as written.
    return html.escape(text)


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
        self.details.hide()
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.text.setAccessibleName(self.tr("Explanation"))
        self.text.setMaximumHeight(110)
        self.badge = QLabel()
        self.badge.setTextFormat(Qt.TextFormat.PlainText)
        self.badge.setAccessibleName(self.tr("How the explanation was made"))
        self.stop = QPushButton(self.tr("Stop"))
        self.stop.setEnabled(False)
        self.stop.setShortcut("Esc")
        self.stop.setAccessibleName(self.tr("Stop writing the explanation"))
        self.stop.clicked.connect(self.stop_requested)
        self.chart = QChart()
        self.chart.legend().hide()
        self.chart.setTitle(self.tr("What each history item adds to the score"))
        style_chart(self.chart)
        self.chart_view = QChartView(self.chart)
        self.chart_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.chart_view.setMinimumHeight(200)
        self.chart_view.setAccessibleName(self.tr("Contributions chart"))
        row = QHBoxLayout()
        row.addWidget(self.badge, 1)
        row.addWidget(self.stop)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.details)
        layout.addWidget(self.text)
        layout.addLayout(row)
        layout.addWidget(self.chart_view, 1)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.PaletteChange:
            style_chart(self.chart)  # the system switched between light and dark
        super().changeEvent(event)

    def begin(self, rec: Recommendation) -> None:
        self.title.setText(rec.item.label)
        self.show_details(rec.item)
        self.text.setPlainText("")
        self.badge.setText(self.tr("Writing…"))
        self.stop.setEnabled(True)
        self.show_evidence(rec)

    def show_details(self, item: Item) -> None:
        """The item's creators, genres and (a film's) runtime under its title, as plain text."""
        app = QApplication.instance()
        zh = str(app.property("hearth_language") or "").startswith("zh") if app is not None else False
        genres = "、".join(genre_zh(g) for g in item.genres[:4]) if zh else ", ".join(item.genres[:4])
        # The runtime first: a wrapped line then breaks between genres, never inside "3小时21分钟".
        parts = [runtime_label(item.runtime) if item.runtime else "", ", ".join(item.creators[:3]), genres]
        text = " · ".join(p for p in parts if p)
        self.details.setText(text)
        self.details.setVisible(bool(text))

    def add_text(self, piece: str) -> None:
        cursor = self.text.textCursor()
        cursor.movePosition(cursor.MoveOperation.End)
        cursor.insertText(piece)  # insertText: plain text, never markup
        self.text.setTextCursor(cursor)

    def reset_text(self, reasons: Any) -> None:
        self.text.setPlainText("")
        self.badge.setText(self.tr("Draft rejected by the checker; writing again…"))

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
        self.badge.setToolTip("")
        if errors:  # the model could not be used: say so, the reason in the tooltip (as plain text)
            badge = self.tr("Built from the evidence (template): the language model could not be used")
            self.badge.setToolTip(plain_tip(errors[0]))
        self.badge.setText(badge)

    def stopped(self) -> None:
        self.stop.setEnabled(False)
        self.badge.setText(self.tr("Stopped"))

    def show_evidence(self, rec: Recommendation) -> None:
        self.chart.removeAllSeries()
        for axis in self.chart.axes():
            self.chart.removeAxis(axis)
        parts = [c for c in rec.contributions[:8]]
        if not parts:
            return
        bars = QBarSet(self.tr("Contribution"))
        labels = []
        for c in reversed(parts):
            bars.append(c.contribution)
            labels.append(_short(c.title))
        series = QHorizontalBarSeries()
        series.append(bars)
        self.chart.addSeries(series)
        axis_y = QBarCategoryAxis()
        axis_y.append(labels)
        axis_x = QValueAxis()
        values = [c.contribution for c in parts]
        low, high = min(0.0, *values), max(0.0, *values)
        axis_x.setRange(low, high if high > low else low + 1)  # all zero: an empty range is NaN ticks
        axis_x.applyNiceNumbers()  # ticks 1, 2 or 5 times a power of ten
        axis_x.setLabelFormat(tick_format(axis_x.min(), axis_x.max(), axis_x.tickCount()))
        self.chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
        self.chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
        series.attachAxis(axis_y)
        series.attachAxis(axis_x)


def tick_format(low: float, high: float, ticks: int) -> str:
    """A printf format with just enough decimals to tell the axis's ticks apart."""
    step = (high - low) / max(1, ticks - 1)
    return f"%.{max(0, -math.floor(math.log10(step) + 1e-9))}f"
