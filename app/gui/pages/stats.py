"""Your year: a year's films and books in charts, with the numbers beside each chart and a paragraph."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QResizeEvent, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.core.stats import KINDS, FacetMoves, Stats
from app.gui.charts import CHART_NAMES, Charts
from app.gui.plain import heading, interface_is_chinese, plain_label, runtime_label

__all__ = ["StatsPage"]


CHART_HEIGHT = 290  # every chart, at any window size and in any year: the page never jumps
NUMBERS_WIDTH = 190  # the numbers beside each chart
TWO_COLUMNS = 1180  # the page's width from which two charts stand side by side (each chart ~ 400 px wide)


class StatsPage(QWidget):
    refresh_requested = Signal()
    year_changed = Signal(int)  # the year picked: its paragraph is written again
    save_requested = Signal()
    import_requested = Signal()  # the empty page's Import button

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.stats: Stats | None = None
        self.moves: dict[int, dict[str, FacetMoves]] | None = None  # the interest facets that moved, when found
        self.written: int | None = None  # the year the paragraph is about
        self.charts = Charts(self)
        self.plots: dict[str, QWidget] = {}
        self.year = QComboBox()
        self.year.setAccessibleName(self.tr("Year"))
        self.year.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.year.currentIndexChanged.connect(self._year_picked)
        font = self.year.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        self.year.setFont(font)
        self.earlier = QToolButton()
        self.earlier.setArrowType(Qt.ArrowType.LeftArrow)
        self.earlier.setToolTip(self.tr("The year before"))
        self.earlier.setAccessibleName(self.tr("The year before"))
        self.earlier.clicked.connect(lambda: self._step(1))  # the list runs from the latest year down
        self.later = QToolButton()
        self.later.setArrowType(Qt.ArrowType.RightArrow)
        self.later.setToolTip(self.tr("The year after"))
        self.later.setAccessibleName(self.tr("The year after"))
        self.later.clicked.connect(lambda: self._step(-1))
        self.kind = QComboBox()
        self.kind.setAccessibleName(self.tr("Films or books"))
        self.kind.addItem(self.tr("Films"), "film")
        self.kind.addItem(self.tr("Books"), "book")
        self.kind.currentIndexChanged.connect(lambda _: self._draw())
        self.save = QPushButton(self.tr("Save charts…"))
        self.save.clicked.connect(self.save_requested)
        self.summary = heading("", 1.15)  # one line: the year's counts
        self.undated = plain_label("")
        self.undated.setMinimumHeight(self.undated.fontMetrics().height())
        self.paragraph = QPlainTextEdit()
        self.paragraph.setReadOnly(True)
        self.paragraph.setFixedHeight(90)
        self.paragraph.setAccessibleName(self.tr("Your year, in words"))
        self.badge = QLabel()
        self.badge.setTextFormat(Qt.TextFormat.PlainText)
        self.badge.setMinimumHeight(self.badge.fontMetrics().height())
        self.interests = plain_label("")  # the interest facets that grew and faded (found after the charts)
        self.interests.setAccessibleName(self.tr("Interests that grew or faded"))
        self.interests.setMinimumHeight(2 * self.interests.fontMetrics().height())
        top = QHBoxLayout()
        label = QLabel(self.tr("Year"))
        label.setBuddy(self.year)
        top.addWidget(label)
        top.addWidget(self.earlier)
        top.addWidget(self.year)
        top.addWidget(self.later)
        top.addSpacing(12)
        top.addWidget(self.kind)
        top.addStretch(1)
        top.addWidget(self.save)
        self.numbers: dict[str, QLabel] = {}
        self.cells: dict[str, QWidget] = {}
        for name in CHART_NAMES:  # a chart (put in at 0 by _draw) and its numbers
            label = plain_label("")
            label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            label.setFixedWidth(NUMBERS_WIDTH)
            self.numbers[name] = label
            cell = QWidget()
            cell.setMinimumHeight(CHART_HEIGHT)
            row = QHBoxLayout(cell)
            row.setContentsMargins(0, 0, 0, 0)
            row.addWidget(label)
            self.cells[name] = cell
        self.grid = QGridLayout()
        self.columns = 0
        self._place(2)
        charts = QWidget()
        column = QVBoxLayout(charts)
        column.addLayout(self.grid)
        column.addStretch(1)  # spare height below the charts, not in them
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(charts)
        self.content = QWidget()
        inner = QVBoxLayout(self.content)
        inner.setContentsMargins(0, 0, 0, 0)
        line = QHBoxLayout()
        line.addWidget(self.summary)
        line.addSpacing(16)
        line.addWidget(self.undated, 1)
        inner.addLayout(line)
        inner.addWidget(self.paragraph)
        inner.addWidget(self.badge)
        inner.addWidget(self.interests)
        inner.addWidget(scroll, 1)
        self.stack = QStackedWidget()
        self.stack.addWidget(self._empty_page())
        self.stack.addWidget(self.content)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.stack, 1)
        self._enable(False)

    def _empty_page(self) -> QWidget:
        """What the page says while no year can be shown: why, and what gives entries their dates."""
        self.empty_title = heading(self.tr("Nothing to count yet"), 1.5)
        self.empty_title.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.empty_text = plain_label("")
        self.empty_text.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self.empty_import = QPushButton(self.tr("Import a file…"))
        self.empty_import.clicked.connect(self.import_requested)
        column = QWidget()
        column.setFixedWidth(560)  # a wrapped label gets its height for a known width
        inner = QVBoxLayout(column)
        inner.addWidget(self.empty_title)
        inner.addWidget(self.empty_text)
        inner.addSpacing(8)
        inner.addWidget(self.empty_import, 0, Qt.AlignmentFlag.AlignHCenter)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(column)
        row.addStretch(1)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(2)
        return page

    def _place(self, columns: int) -> None:
        """The charts two abreast where the page is wide enough for both, else one under the other."""
        if columns == self.columns:
            return
        self.columns = columns
        for n, name in enumerate(CHART_NAMES):
            self.grid.removeWidget(self.cells[name])
            self.grid.addWidget(self.cells[name], n // columns, n % columns)
        for column in range(2):
            self.grid.setColumnStretch(column, 1 if column < columns else 0)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        self._place(2 if event.size().width() >= TWO_COLUMNS else 1)
        super().resizeEvent(event)

    def _enable(self, on: bool) -> None:
        for widget in (self.year, self.kind, self.save):
            widget.setEnabled(on)
        index = self.year.currentIndex()
        self.earlier.setEnabled(on and index < self.year.count() - 1)
        self.later.setEnabled(on and index > 0)

    def _step(self, by: int) -> None:
        index = self.year.currentIndex() + by
        if 0 <= index < self.year.count():
            self.year.setCurrentIndex(index)

    def current_year(self) -> int | None:
        value = self.year.currentData()
        return int(value) if value is not None else None

    def current_kind(self) -> str:
        return str(self.kind.currentData() or "film")

    def show_stats(self, stats: Stats) -> None:
        """The years with dated entries (the latest picked, or the one picked before) and their charts."""
        self.stats = stats
        self.moves = None  # found again for this history (show_facets)
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
            model = self.kind.model()
            self.kind.blockSignals(True)
            if isinstance(model, QStandardItemModel):  # a kind the year has none of cannot be picked
                for row in range(self.kind.count()):
                    model.item(row).setEnabled(here[str(self.kind.itemData(row))].count > 0)
            if here[self.current_kind()].count == 0:  # the kind this year has
                other = next((k for k in KINDS if here[k].count), self.current_kind())
                self.kind.setCurrentIndex(self.kind.findData(other))
            self.kind.blockSignals(False)
        self._draw()
        if year is not None and year != self.written:  # no paragraph of another year beside these charts
            self.paragraph.clear()
            self.paragraph.setPlaceholderText(self.tr("Writing about {0}…").format(year))
            self.badge.setText("")
        if year is not None:
            self.year_changed.emit(year)

    def _draw(self) -> None:
        stats, year, kind = self.stats, self.current_year(), self.current_kind()
        for plot in self.plots.values():
            plot.hide()
            plot.deleteLater()
        self.plots = {}
        if stats is None or year is None:
            self._empty(stats)
            return
        self._enable(True)
        self.stack.setCurrentWidget(self.content)
        kinds = [k for k in KINDS if stats.years[year][k].count] or [kind]
        self.plots = self.charts.build(stats, year, kind, kinds)
        for name in CHART_NAMES:
            self.plots[name].setFixedHeight(CHART_HEIGHT)
            layout = self.cells[name].layout()
            assert isinstance(layout, QHBoxLayout)
            layout.insertWidget(0, self.plots[name], 1)
        self._numbers(stats, year, kind)
        self._interests()

    def _empty(self, stats: Stats | None) -> None:
        """No year to show: an empty history, or one whose entries have no dates."""
        self._enable(False)
        self.summary.setText("")
        self.undated.setText("")
        self.paragraph.clear()
        self.written = None
        self.badge.setText("")
        self.interests.setText("")
        for label in self.numbers.values():
            label.setText("")
        if stats is None:  # not read yet
            self.empty_title.setText("")
            self.empty_text.setText("")
            self.empty_import.hide()
        elif not stats.total["films"] and not stats.total["books"]:
            self.empty_title.setText(self.tr("Nothing to count yet"))
            self.empty_text.setText(self.tr(
                "Your history is empty. Import an export from Letterboxd, Goodreads, StoryGraph or IMDb: "
                "each film and book is counted in the year and the month you watched or read it, with "
                "your ratings, genres, directors and authors."))
            self.empty_import.show()
        else:
            self.empty_title.setText(self.tr("No dates in your history"))
            self.empty_text.setText(self.tr(
                "Your history has {0} and {1}, but none of them has a date, so none belongs to a year. "
                "Entries you add by hand have no date; an export from Letterboxd, Goodreads, StoryGraph "
                "or IMDb gives each one the day you watched, read or rated it.").format(
                    self.charts.count(stats.total["films"], "film"), self.charts.count(stats.total["books"], "book")))
            self.empty_import.show()
        self.stack.setCurrentIndex(0)

    def _numbers(self, stats: Stats, year: int, kind: str) -> None:
        row = next(r for r in stats.by_year if r["year"] == year)
        count = self.charts.count
        films, books = count(row["films"], "film"), count(row["books"], "book")
        # Only the kinds the year has: a reader of books only read "0 films watched".
        self.summary.setText(self.tr("{0}: {1} watched, {2} read").format(year, films, books)
                             if row["films"] and row["books"] else
                             self.tr("{0}: {1} read").format(year, books) if row["books"] else
                             self.tr("{0}: {1} watched").format(year, films))
        undated = stats.undated["films"] + stats.undated["books"]
        self.undated.setText(self.tr("{0} entries have no date: counted in the totals, in no year").format(
            f"{undated:,}") if undated else "")
        fig = stats.years[year][kind]
        months = self.charts.month_names()
        pair = self.tr("{0}: {1}")
        busiest = max(range(12), key=lambda m: fig.months[m]) if fig.count else None
        lines = [self.tr("{0} in all").format(count(fig.count, kind)),
                 (self.tr("{0} new, {1} rewatches") if kind == "film" else self.tr("{0} new, {1} re-reads")).format(
                     f"{fig.new:,}", f"{fig.again:,}")]
        if busiest is not None and fig.months[busiest]:
            lines.append(self.tr("busiest month: {0} ({1})").format(months[busiest], count(fig.months[busiest], kind)))
        if fig.pages:
            lines.append(self.tr("{0} pages").format(f"{fig.pages:,}"))
        if fig.minutes:  # over the films whose length the catalog knows: say so where that is not all
            lines.append(self.tr("{0} watched").format(runtime_label(fig.minutes)) if fig.timed >= fig.count else
                         self.tr("{0} over the {1} of known length").format(runtime_label(fig.minutes),
                                                                         f"{fig.timed:,}"))
        self.numbers["months"].setText("\n".join(lines))
        lines = []
        if fig.rated and fig.scale and fig.average is not None:
            lines.append(self.tr("{0} rated").format(count(fig.rated, kind)))
            lines.append(self.tr("average {0} of {1}★").format(f"{fig.average:.2f}", f"{fig.scale[1]:g}"))
            lines.append(self.tr("highest rated ({0}★):").format(f"{fig.highest_rating:g}"))
            lines += [f"  {t}" for t in fig.highest[:3]]
        else:
            lines.append(self.tr("no ratings this year"))
        self.numbers["ratings"].setText("\n".join(lines))
        lines = [pair.format(self.charts.genre_name(g), count(n, kind)) for g, n in fig.genres[:5]]
        comma = self.tr(", ")  # between the names of a list
        if fig.grew:
            lines.append(self.tr("more than the year before: {0}").format(
                comma.join(self.charts.genre_name(g) for g, _, _ in fig.grew)))
        if fig.faded:
            lines.append(self.tr("less than the year before: {0}").format(
                comma.join(self.charts.genre_name(g) for g, _, _ in fig.faded)))
        self.numbers["genres"].setText("\n".join(lines) or self.tr("no genres known"))
        lines = [pair.format(c, count(n, kind)) for c, n in fig.creators[:5]]
        if fig.longest and fig.shortest and kind == "film":  # a film's runtime, a book's pages
            lines.append(self.tr("longest: {0} ({1})").format(fig.longest[0], runtime_label(fig.longest[1])))
            lines.append(self.tr("shortest: {0} ({1})").format(fig.shortest[0], runtime_label(fig.shortest[1])))
        elif fig.longest and fig.shortest:
            lines.append(self.tr("longest: {0} ({1} pages)").format(fig.longest[0], f"{fig.longest[1]:,}"))
            lines.append(self.tr("shortest: {0} ({1} pages)").format(fig.shortest[0], f"{fig.shortest[1]:,}"))
        self.numbers["creators"].setText("\n".join(lines) or self.tr("no creators known"))
        self.numbers["decades"].setText("\n".join(pair.format(self.charts.decade(d), count(n, kind))
                                                  for d, n in fig.decades) or self.tr("no years known"))

    def show_facets(self, moves: dict[int, dict[str, FacetMoves]]) -> None:
        """The interest facets (as the Interests page names them) that grew and faded, per year and kind."""
        self.moves = moves
        self._interests()

    def _interests(self) -> None:
        year, kind = self.current_year(), self.current_kind()
        moves = (self.moves or {}).get(year or 0, {}).get(kind)
        lines, zh = [], interface_is_chinese()
        if moves is not None and year is not None:
            between = self.tr("; ")  # between facets, whose labels hold commas
            for text, facets in ((self.tr("Interests that grew since {0}: {1}"), moves.grew),
                                 (self.tr("Interests that faded since {0}: {1}"), moves.faded)):
                if facets:
                    lines.append(text.format(year - 1, between.join(
                        f"{f.label_zh if zh and f.label_zh else f.label} {f.share_before:.0%} → {f.share:.0%}"
                        for f in facets)))
        self.interests.setText("\n".join(lines))

    def show_text(self, text: str, path: str) -> None:
        self.written = self.current_year()
        self.paragraph.setPlainText(text)
        self.badge.setText(self.tr("Opening by the local language model, checked; the rest from your figures")
                           if path == "llm" else self.tr("Built from your figures (template)"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.PaletteChange and self.stats is not None:
            self._draw()  # the system switched between light and dark
        super().changeEvent(event)
