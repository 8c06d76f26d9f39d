"""Your year: a year's films and books in charts, with the numbers beside each chart and a paragraph."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from app.core.stats import KINDS, Stats
from app.gui.charts import CHART_NAMES, Charts
from app.gui.plain import plain_label

__all__ = ["StatsPage"]


class StatsPage(QWidget):
    refresh_requested = Signal()
    year_changed = Signal(int)  # the year picked: its paragraph is written again
    save_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.stats: Stats | None = None
        self.charts = Charts(self)
        self.plots: dict[str, QWidget] = {}
        self.year = QComboBox()
        self.year.setAccessibleName(self.tr("Year"))
        self.year.currentIndexChanged.connect(self._year_picked)
        self.kind = QComboBox()
        self.kind.setAccessibleName(self.tr("Films or books"))
        self.kind.addItem(self.tr("Films"), "film")
        self.kind.addItem(self.tr("Books"), "book")
        self.kind.currentIndexChanged.connect(lambda _: self._draw())
        self.save = QPushButton(self.tr("Save charts…"))
        self.save.clicked.connect(self.save_requested)
        self.summary = plain_label("")
        self.paragraph = QPlainTextEdit()
        self.paragraph.setReadOnly(True)
        self.paragraph.setMaximumHeight(90)
        self.paragraph.setAccessibleName(self.tr("Your year, in words"))
        self.badge = QLabel()
        self.badge.setTextFormat(Qt.TextFormat.PlainText)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Year")))
        top.addWidget(self.year)
        top.addWidget(self.kind)
        top.addWidget(self.summary, 1)
        top.addWidget(self.save)
        self.grid = QGridLayout()
        self.numbers: dict[str, QLabel] = {}
        for n, name in enumerate(CHART_NAMES):
            label = plain_label("")
            label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            label.setMinimumWidth(150)
            label.setMaximumWidth(230)
            self.numbers[name] = label
            self.grid.addWidget(label, n // 2, (n % 2) * 2 + 1)
        for column in (0, 2):
            self.grid.setColumnStretch(column, 1)
        charts = QWidget()
        charts.setLayout(self.grid)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(charts)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.paragraph)
        layout.addWidget(self.badge)
        layout.addWidget(scroll, 1)

    def current_year(self) -> int | None:
        value = self.year.currentData()
        return int(value) if value is not None else None

    def current_kind(self) -> str:
        return str(self.kind.currentData() or "film")

    def show_stats(self, stats: Stats) -> None:
        """The years with dated entries (the latest picked, or the one picked before) and their charts."""
        self.stats = stats
        keep = self.current_year()
        years = stats.year_list()
        self.year.blockSignals(True)
        self.year.clear()
        for y in reversed(years):
            self.year.addItem(str(y), y)
        if keep in years:
            self.year.setCurrentIndex(self.year.findData(keep))
        self.year.blockSignals(False)
        self._year_picked()

    def _year_picked(self, *_: object) -> None:
        year = self.current_year()
        if self.stats is not None and year is not None:
            here = self.stats.years[year]
            if here[self.current_kind()].count == 0:  # the kind this year has
                other = next((k for k in KINDS if here[k].count), self.current_kind())
                self.kind.blockSignals(True)
                self.kind.setCurrentIndex(self.kind.findData(other))
                self.kind.blockSignals(False)
        self._draw()
        if year is not None:
            self.year_changed.emit(year)

    def _draw(self) -> None:
        stats, year, kind = self.stats, self.current_year(), self.current_kind()
        for plot in self.plots.values():
            self.grid.removeWidget(plot)
            plot.deleteLater()
        self.plots = {}
        if stats is None or year is None:
            self.summary.setText(self.tr("Nothing with a date yet: import a Letterboxd or Goodreads export.")
                                 if stats is not None else "")
            for label in self.numbers.values():
                label.setText("")
            return
        kinds = [k for k in KINDS if stats.years[year][k].count] or [kind]
        self.plots = self.charts.build(stats, year, kind, kinds)
        for n, name in enumerate(CHART_NAMES):
            self.plots[name].setMinimumHeight(230)
            self.grid.addWidget(self.plots[name], n // 2, (n % 2) * 2)
        self._numbers(stats, year, kind)

    def _numbers(self, stats: Stats, year: int, kind: str) -> None:
        row = next(r for r in stats.by_year if r["year"] == year)
        undated = stats.undated["films"] + stats.undated["books"]
        text = self.tr("{0}: {1} films watched, {2} books read").format(year, f"{row['films']:,}", f"{row['books']:,}")
        if undated:
            text += " · " + self.tr("{0} entries have no date: counted in the totals, in no year").format(
                f"{undated:,}")
        self.summary.setText(text)
        fig = stats.years[year][kind]
        months = self.charts.month_names()
        busiest = max(range(12), key=lambda m: fig.months[m]) if fig.count else None
        again = self.tr("rewatches") if kind == "film" else self.tr("re-reads")
        lines = [self.tr("{0} in all").format(f"{fig.count:,}"), self.tr("{0} new, {1} {2}").format(
            f"{fig.new:,}", f"{fig.again:,}", again)]
        if busiest is not None and fig.months[busiest]:
            lines.append(self.tr("busiest: {0} ({1})").format(months[busiest], fig.months[busiest]))
        if fig.pages:
            lines.append(self.tr("{0} pages").format(f"{fig.pages:,}"))
        self.numbers["months"].setText("\n".join(lines))
        lines = []
        if fig.rated and fig.scale and fig.average is not None:
            lines.append(self.tr("{0} rated, average {1} of {2}").format(
                f"{fig.rated:,}", f"{fig.average:.2f}", f"{fig.scale[1]:g}"))
            lines.append(self.tr("highest ({0}):").format(f"{fig.highest_rating:g}"))
            lines += [f"  {t}" for t in fig.highest[:3]]
        else:
            lines.append(self.tr("no ratings this year"))
        self.numbers["ratings"].setText("\n".join(lines))
        lines = [f"{g}: {n}" for g, n in fig.genres[:5]]
        if fig.grew:
            lines.append(self.tr("more than the year before: {0}").format(", ".join(g for g, _, _ in fig.grew)))
        if fig.faded:
            lines.append(self.tr("less than the year before: {0}").format(", ".join(g for g, _, _ in fig.faded)))
        self.numbers["genres"].setText("\n".join(lines) or self.tr("no genres known"))
        lines = [f"{c}: {n}" for c, n in fig.creators[:5]]
        if fig.longest and fig.shortest:
            lines.append(self.tr("longest: {0} ({1} pages)").format(fig.longest[0], f"{fig.longest[1]:,}"))
            lines.append(self.tr("shortest: {0} ({1} pages)").format(fig.shortest[0], f"{fig.shortest[1]:,}"))
        self.numbers["creators"].setText("\n".join(lines) or self.tr("no creators known"))
        self.numbers["decades"].setText("\n".join(f"{d}s: {n}" for d, n in fig.decades) or self.tr("no years known"))

    def show_text(self, text: str, path: str) -> None:
        self.paragraph.setPlainText(text)
        self.badge.setText(self.tr("Opening by the local language model, checked; the rest from your figures")
                           if path == "llm" else self.tr("Built from your figures (template)"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.PaletteChange and self.stats is not None:
            self._draw()  # the system switched between light and dark
        super().changeEvent(event)
