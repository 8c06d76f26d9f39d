"""The charts of a year in books and films (pyqtgraph), for the "Your year" page and as PNG files.

``Charts`` draws each chart from the plain figures of ``app.core.stats.Stats``; ``save_charts`` renders
them offscreen into a folder (``hearth stats --out DIR``, and the page's Save charts). Every label is
plain text: axis ticks and the numbers over the bars are drawn as text, never read as markup.
"""

from __future__ import annotations

import html
import math
import os
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

import pyqtgraph as pg  # noqa: E402
from PySide6.QtCore import QObject, Qt  # noqa: E402
from PySide6.QtGui import QFontMetrics  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from app.core.stats import KINDS, Stats  # noqa: E402
from app.core.text import shorten  # noqa: E402
from app.gui.plain import genre_label, interface_is_chinese  # noqa: E402
from app.gui.theme import colours, style_plot  # noqa: E402

__all__ = ["CHART_NAMES", "Charts", "save_charts"]

_APP: Any = None  # the command line's QApplication, kept until the process ends
_KEPT: list[Any] = []

CHART_NAMES = ("months", "ratings", "genres", "creators", "decades")
_FILM, _BOOK = (31, 119, 180), (255, 127, 14)
_LINES = [(31, 119, 180), (255, 127, 14), (44, 160, 44), (214, 39, 40), (148, 103, 189), (140, 86, 75)]


def _colour(kind: str) -> tuple[int, int, int]:
    return _FILM if kind == "film" else _BOOK


def _steps() -> Iterator[int]:
    """1, 2, 5, 10, 20, 50, ...: the steps between whole-number ticks."""
    unit = 1
    while True:
        for k in (1, 2, 5):
            yield k * unit
        unit *= 10


class _Axis(pg.AxisItem):
    """Ticks that never collide, at any size: whole numbers only (counts, years), or named places (months,
    stars, decades, creators at 0, 1, 2 ...), every second or fifth one where the axis has no room for all."""

    def __init__(self, orientation: str) -> None:
        super().__init__(orientation)
        self.names: dict[int, str] = {}
        self.anchor = 0  # where names are left out, the one every kept name is a whole step from
        self.within: tuple[float, float] | None = None  # whole-number ticks only here (not under a key)

    def set_names(self, names: Sequence[tuple[int, str]], anchor: int = 0) -> None:
        self.names, self.anchor = dict(names), anchor
        self.picture = None
        self.update()

    def _room(self, strings: Sequence[str]) -> float:
        """The pixels one tick's label needs along the axis."""
        metrics = QFontMetrics(self.style.get("tickFont") or self.font())
        if self.orientation in ("bottom", "top"):
            return max((metrics.horizontalAdvance(s) for s in strings), default=0) + metrics.height() * 0.6
        return metrics.height() * (1.2 if self.names else 2)  # names close together; numbers further apart

    def tickValues(self, minVal: float, maxVal: float, size: float) -> list[tuple[float, list[float]]]:  # noqa: N802, N803
        low, high = min(minVal, maxVal), max(minVal, maxVal)
        if size <= 0 or high - low <= 0:
            return []
        pixels = size / (high - low)  # per unit
        if self.names:
            keys = sorted(k for k in self.names if low - 1e-6 <= k <= high + 1e-6)
            if not keys:
                return []
            step = max(1, math.ceil(self._room([self.names[k] for k in keys]) / pixels))
            return [(float(step), [float(k) for k in keys if (k - self.anchor) % step == 0])]
        if self.within is not None:
            low, high = max(low, self.within[0]), min(high, self.within[1])
        room = self._room([str(int(high)), str(int(low))]) / pixels
        step = next(s for s in _steps() if s >= room)
        first = math.ceil(low / step - 1e-9) * step
        return [(float(step), [float(v) for v in range(first, int(math.floor(high)) + 1, step)])]

    def tickStrings(self, values: Sequence[float], scale: float, spacing: float) -> list[str]:  # noqa: N802
        if self.names:
            return [self.names.get(int(round(v)), "") for v in values]
        return [str(int(round(v))) for v in values]


def _axis(plot: pg.PlotWidget, name: str) -> _Axis:
    axis = plot.getAxis(name)
    assert isinstance(axis, _Axis)
    return axis


class Charts(QObject):
    """Builds each chart as a PlotWidget (its title and labels in the interface's language)."""

    def month_names(self) -> list[str]:
        return [self.tr("Jan"), self.tr("Feb"), self.tr("Mar"), self.tr("Apr"), self.tr("May"), self.tr("Jun"),
                self.tr("Jul"), self.tr("Aug"), self.tr("Sep"), self.tr("Oct"), self.tr("Nov"), self.tr("Dec")]

    def kind_name(self, kind: str) -> str:
        return self.tr("Films") if kind == "film" else self.tr("Books")

    def count(self, n: int, kind: str) -> str:
        """``n`` with its unit: 1 film, 12 films, 3 books."""
        if kind == "film":
            text = self.tr("{0} film") if n == 1 else self.tr("{0} films")
        else:
            text = self.tr("{0} book") if n == 1 else self.tr("{0} books")
        return text.format(f"{n:,}")

    def decade(self, decade: int) -> str:
        return self.tr("{0}s").format(decade)

    def genre_name(self, genre: str) -> str:
        """A catalog's genre in the interface's language (the Chinese names the paragraph uses)."""
        return genre_label(genre)

    def title(self, name: str, year: int | None, kind: str | None) -> str:
        what = self.kind_name(kind) if kind else self.tr("Films and books")
        if name == "months":
            text = self.tr("{0} in {1}, month by month")
        elif name == "ratings":
            text = self.tr("{0} in {1}: your ratings")
        elif name == "genres":
            text = self.tr("{0}: top genres, year by year")
        elif name == "creators":
            text = self.tr("{0} in {1}: most seen creators")
        else:
            text = self.tr("{0} in {1}: decade of release")
        return text.format(what, year if year is not None else "")

    def plot(self, title: str, left: str = "", bottom: str = "") -> pg.PlotWidget:
        """A chart with ``title`` and the axes' titles (the interface's own words, never data)."""
        plot = pg.PlotWidget(axisItems={"left": _Axis("left"), "bottom": _Axis("bottom")})
        plot.setMenuEnabled(False)
        plot.setMouseEnabled(False, False)
        plot.hideButtons()
        plot.setMinimumHeight(200)
        if left and interface_is_chinese():  # rotated Chinese is drawn clipped: the unit goes in the title,
            title, left = (title if left in title else f"{title}（{left}）"), ""  # once ("图书：逐月（图书）")
        style_plot(plot, title)
        for name, text in (("left", left), ("bottom", bottom)):
            if text:
                plot.setLabel(name, html.escape(text))
        return plot

    def _bars(self, plot: pg.PlotWidget, xs: Sequence[float], heights: Sequence[int], colour: tuple[int, int, int],
              width: float = 0.8) -> None:
        plot.addItem(pg.BarGraphItem(x=list(xs), height=list(heights), width=width, brush=pg.mkBrush(*colour, 220),
                                     pen=pg.mkPen(None)))
        _, foreground = colours()
        for x, h in zip(xs, heights):
            if h:
                label = pg.TextItem(f"{h:,}", color=foreground, anchor=(0.5, 1.0))
                label.setPos(x, h)
                plot.addItem(label)
        top = max(heights, default=0)
        plot.setYRange(0, max(1, top) * 1.18, padding=0)

    def months(self, stats: Stats, year: int, kinds: Sequence[str]) -> pg.PlotWidget:
        one = kinds[0] if len(kinds) == 1 else None
        plot = self.plot(self.title("months", year, one),
                         left=self.kind_name(one) if one else self.tr("Films and books"))
        width = 0.8 / len(kinds)
        for k, kind in enumerate(kinds):
            fig = stats.years[year][kind]
            xs = [m + 1 + (k - (len(kinds) - 1) / 2) * width for m in range(12)]
            self._bars(plot, xs, fig.months, _colour(kind), width)
        top = max((max(stats.years[year][k].months) for k in kinds), default=0)
        if len(kinds) > 1:  # the key, above the bars
            plot.setYRange(0, max(1, top) * 1.45, padding=0)
            _key(plot, [(self.kind_name(k), _colour(k)) for k in kinds], 0.6, max(1, top) * 1.42, max(1, top) * 0.11)
        _axis(plot, "bottom").set_names([(m + 1, name) for m, name in enumerate(self.month_names())], anchor=1)
        plot.setXRange(0.4, 12.6, padding=0)
        return plot

    def ratings(self, stats: Stats, year: int, kind: str) -> pg.PlotWidget:
        fig = stats.years[year][kind]
        plot = self.plot(self.title("ratings", year, kind), left=self.kind_name(kind), bottom=self.tr("Your rating"))
        keys = list(fig.ratings)
        self._bars(plot, range(len(keys)), [fig.ratings[k] for k in keys], _colour(kind))
        whole = next((i for i, k in enumerate(keys) if float(k).is_integer()), 0)  # 1★ 2★ ... where not all fit
        _axis(plot, "bottom").set_names([(i, f"{k}★") for i, k in enumerate(keys)], anchor=whole)
        plot.setXRange(-0.6, max(len(keys), 1) - 0.4, padding=0)
        return plot

    def genres(self, stats: Stats, kind: str, year: int | None = None) -> pg.PlotWidget:
        """The top genres' counts, year by year; ``year`` marked with a dashed line."""
        plot = self.plot(self.title("genres", None, kind), left=self.kind_name(kind))
        years = stats.year_list()
        series = stats.genres_by_year.get(kind, {})
        entries = []
        for n, (genre, counts) in enumerate(series.items()):
            colour = _LINES[n % len(_LINES)]
            plot.plot(years, counts, pen=pg.mkPen(*colour, width=2), symbol="o", symbolSize=5,
                      symbolBrush=pg.mkBrush(*colour))
            entries.append((shorten(self.genre_name(genre), 20), colour))
        if years:
            _, foreground = colours()
            if year is not None:
                plot.addItem(pg.InfiniteLine(pos=year, angle=90, pen=pg.mkPen(foreground, width=1,
                                                                             style=Qt.PenStyle.DashLine)))
            # The key to the right of the lines, in a margin of its own.
            first, last = years[0], years[-1]
            span = max(last - first, 1)
            top = max((max(c) for c in series.values()), default=1) or 1
            plot.setXRange(first - 0.02 * span - 0.5, last + 0.45 * span + 0.5, padding=0)
            _axis(plot, "bottom").within = (first, last)
            plot.setYRange(0, top * 1.1, padding=0)
            # Set against the right edge: a name longer than the margin ("Literary fiction" in a narrow window)
            # reaches over the lines' end rather than being cut at the edge.
            _key(plot, entries, last + 0.45 * span + 0.5, top * 1.05, top * 1.05 / max(len(entries), 6), right=True)
        return plot

    def creators(self, stats: Stats, year: int, kind: str) -> pg.PlotWidget:
        fig = stats.years[year][kind]
        plot = self.plot(self.title("creators", year, kind), bottom=self.kind_name(kind))
        top = fig.creators[:8][::-1]  # the most seen at the top
        rows = max(len(top), 5)  # bars as thick with one creator as with five
        ys = [rows - len(top) + i for i in range(len(top))]
        if top:
            plot.addItem(pg.BarGraphItem(x0=0, y=ys, height=0.7, width=[n for _, n in top],
                                         brush=pg.mkBrush(*_colour(kind), 220), pen=pg.mkPen(None)))
            _, foreground = colours()
            for y, (_, n) in zip(ys, top):
                label = pg.TextItem(f"{n:,}", color=foreground, anchor=(0, 0.5))
                label.setPos(n, y)
                plot.addItem(label)
        left = _axis(plot, "left")
        names = [shorten(name, 20) for name, _ in top]
        left.set_names(list(zip(ys, names)))
        metrics = QFontMetrics(left.font())
        left.setWidth(max([metrics.horizontalAdvance(n) for n in names], default=20) + 16)
        plot.setXRange(0, max([n for _, n in top], default=1) * 1.25, padding=0)
        plot.setYRange(-0.6, rows - 0.4, padding=0)
        return plot

    def decades(self, stats: Stats, year: int, kind: str) -> pg.PlotWidget:
        fig = stats.years[year][kind]
        plot = self.plot(self.title("decades", year, kind), left=self.kind_name(kind))
        decades = fig.decades
        self._bars(plot, range(len(decades)), [n for _, n in decades], _colour(kind))
        _axis(plot, "bottom").set_names([(i, self.decade(d)) for i, (d, _) in enumerate(decades)])
        plot.setXRange(-0.6, max(len(decades), 1) - 0.4, padding=0)
        return plot

    def build(self, stats: Stats, year: int, kind: str, kinds: Sequence[str]) -> dict[str, pg.PlotWidget]:
        """Every chart of one year: the months of ``kinds``, the rest of ``kind``."""
        return {"months": self.months(stats, year, kinds), "ratings": self.ratings(stats, year, kind),
                "genres": self.genres(stats, kind, year), "creators": self.creators(stats, year, kind),
                "decades": self.decades(stats, year, kind)}


def _key(plot: pg.PlotWidget, entries: Sequence[tuple[str, tuple[int, int, int]]], x: float, y: float,
         step: float, *, right: bool = False) -> None:
    """A key of coloured names, one a line down from (x, y) in the data's units (x their left end, or their
    right end with ``right``): plain text (pyqtgraph's legend lays names out as HTML)."""
    for n, (name, colour) in enumerate(entries):
        label = pg.TextItem(f"■ {name}", color=pg.mkColor(*colour), anchor=(1 if right else 0, 0))
        label.setPos(x, y - n * step)
        plot.addItem(label)


def render(plot: pg.PlotWidget, path: Path, size: tuple[int, int] = (900, 520)) -> Path:
    """The chart as a PNG of ``size`` pixels."""
    plot.resize(*size)
    image = plot.grab()
    if not image.save(str(path), "PNG"):
        raise OSError(f"could not write {path}")
    return path


def save_charts(stats: Stats, folder: Path, *, year: int | None, kind: str | None = None) -> list[Path]:
    """Every chart of ``year`` as a PNG in ``folder`` (made if need be); per kind where a chart is of one
    kind. Drawn offscreen on this computer; returns the files written."""

    global _APP
    if QApplication.instance() is None:  # the command line: drawn offscreen, never shown
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        _APP = QApplication([])
        _APP.setProperty("hearth_language", "en")
    folder.mkdir(parents=True, exist_ok=True)
    if year is None or year not in stats.years:
        return []
    kinds = [k for k in KINDS if kind in (None, k) and (kind == k or stats.years[year][k].count)] or \
        [kind or "film"]
    charts = Charts()
    plots = [(charts.months(stats, year, kinds), f"{year}-months.png")]
    for k in kinds:
        plots += [(charts.ratings(stats, year, k), f"{year}-{k}-ratings.png"),
                  (charts.genres(stats, k, year), f"{k}-genres-by-year.png"),
                  (charts.creators(stats, year, k), f"{year}-{k}-creators.png"),
                  (charts.decades(stats, year, k), f"{year}-{k}-decades.png")]
    written = []
    for plot, name in plots:
        written.append(render(plot, folder / name))
        _KEPT.append(plot)
    return written
