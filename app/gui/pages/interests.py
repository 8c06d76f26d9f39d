"""Interests: the facets, the profile paragraph, the interest map and the similarity heatmap."""

from __future__ import annotations

import datetime as dt
import html
import math
import os
import re
from collections import Counter
from typing import Any

import numpy as np

os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

import pyqtgraph as pg  # noqa: E402
from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QPointF, QRect, QRectF, QSize, Qt, Signal  # noqa: E402
from PySide6.QtGui import QCursor, QFontMetricsF, QPalette  # noqa: E402
from PySide6.QtWidgets import (  # noqa: E402
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolTip,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.core.text import shorten  # noqa: E402
from app.gui.plain import plain_tip  # noqa: E402
from app.gui.theme import style_plot  # noqa: E402
from app.services import InterestMap, Profile  # noqa: E402

__all__ = ["InterestsPage"]

_COLOURS = [(31, 119, 180), (255, 127, 14), (44, 160, 44), (214, 39, 40), (148, 103, 189), (140, 86, 75)]
_GREY = (120, 120, 120)
_YEAR = re.compile(r"\s*\(\d{4}\)$")
TITLE_CHARS = 18  # a heatmap row's or column's title is cut here; the tooltip has it whole
LEFT_SHARE = 0.38  # of the page's width, the facets' side when the page is first laid out


def _language() -> str:
    app = QApplication.instance()
    return str(app.property("hearth_language") or "en") if app is not None else "en"


class _WrapDelegate(QStyledItemDelegate):
    """Rows of the facet tree as tall as their wrapped text: a facet's name is read whole, not cut to "ac…".
    (A QTreeView wraps text it paints, but sizes every row for one line.)"""

    def __init__(self, tree: QTreeWidget) -> None:
        super().__init__(tree)
        self.tree = tree

    def sizeHint(self, option: QStyleOptionViewItem,  # noqa: N802
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        size = super().sizeHint(option, index)
        if index.column() != 0:
            return size
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        depth, parent = 1, index.parent()
        while parent.isValid():
            depth, parent = depth + 1, parent.parent()
        width = max(40, self.tree.columnWidth(0) - self.tree.indentation() * depth - 10)
        text = opt.fontMetrics.boundingRect(QRect(0, 0, width, 100000), int(Qt.TextFlag.TextWordWrap), opt.text)
        return QSize(size.width(), max(size.height(), text.height() + 4))


class _ColumnAxis(pg.AxisItem):
    """The heatmap's bottom axis: each column's title, slanted so that titles fit under narrow columns
    (the tooltip of a column has its whole title)."""

    ANGLE = 40  # degrees above the horizontal

    def __init__(self) -> None:
        super().__init__("bottom")
        self.labels: list[str] = []
        self._reach = 0.0  # how far left of its column a slanted title reaches

    def set_labels(self, labels: list[str]) -> None:
        self.labels = list(labels)
        self.setTicks([[(i + 0.5, "") for i in range(len(labels))]])
        metrics = QFontMetricsF(self.style["tickFont"] or self.font())
        widest = max((metrics.horizontalAdvance(t) for t in self.labels), default=0.0)
        a = math.radians(self.ANGLE)
        self.prepareGeometryChange()
        self._reach = widest * math.cos(a) + metrics.height()
        self.setHeight(int(self._start() + widest * math.sin(a) + metrics.height() * math.cos(a) + 4))
        self.picture = None
        self.update()

    def _start(self) -> float:
        return max(0, self.style["tickLength"]) + self.style["tickTextOffset"][1]

    def boundingRect(self) -> QRectF:  # noqa: N802
        return super().boundingRect().adjusted(-self._reach, 0, 0, 0)

    def column_x(self, i: int) -> float | None:
        """Column ``i``'s centre in this item's coordinates."""
        view = self.linkedView()
        if view is None:
            return None
        return float(self.mapFromScene(view.mapViewToScene(QPointF(i + 0.5, 0))).x())

    def column_at(self, pos: QPointF) -> int | None:
        """The column whose slanted title is under ``pos`` (this item's coordinates)."""
        depth = pos.y() - self._start()
        xs = [self.column_x(i) for i in range(len(self.labels))]
        if depth < 0 or not xs or any(x is None for x in xs):
            return None
        along = pos.x() + depth / math.tan(math.radians(self.ANGLE))  # back up the slant to the axis
        best = min(range(len(xs)), key=lambda i: abs(xs[i] - along))  # type: ignore[operator]
        step = abs(xs[1] - xs[0]) if len(xs) > 1 else 40.0  # type: ignore[operator]
        return best if abs(xs[best] - along) <= step else None  # type: ignore[operator]

    def generateDrawSpecs(self, p: Any) -> Any:  # noqa: N802
        specs = super().generateDrawSpecs(p)
        if specs is None:
            return None
        axis, ticks, _ = specs
        return axis, ticks, [(x, t) for x, t in ((self.column_x(i), t) for i, t in enumerate(self.labels))
                             if x is not None]

    def drawPicture(self, p: Any, axisSpec: Any, tickSpecs: Any, textSpecs: Any) -> None:  # noqa: N802
        super().drawPicture(p, axisSpec, tickSpecs, [])
        metrics = QFontMetricsF(p.font())
        height = metrics.height()
        for x, text in textSpecs:
            width = metrics.horizontalAdvance(text) + 2
            p.save()
            p.translate(x, self._start() + height * math.cos(math.radians(self.ANGLE)) / 2)
            p.rotate(-self.ANGLE)
            p.drawText(QRectF(-width, -height / 2, width, height),
                       int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), text)
            p.restore()


def _long_ago(newest: dt.date | None) -> bool:
    """The history's latest date is more than two months back: "lately" and "last year" would mislead."""
    return newest is not None and (dt.date.today() - newest).days > 60


class InterestsPage(QWidget):
    refresh_requested = Signal()
    unpin_requested = Signal(int)  # a pinned interest's id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._stale = False  # the history's latest date is long ago: "lately" would mislead
        self.facets = QTreeWidget()
        self.facets.setHeaderLabels([self.tr("Interest"), self.tr("Share"), self.tr("When")])
        self.facets.setAccessibleName(self.tr("Interest facets"))
        self.facets.setWordWrap(True)
        self.facets.setItemDelegate(_WrapDelegate(self.facets))
        self.facets.setIndentation(14)
        header = self.facets.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, header.ResizeMode.Stretch)
        header.setSectionResizeMode(1, header.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, header.ResizeMode.ResizeToContents)
        header.sectionResized.connect(self._rewrap)
        self.paragraph = QPlainTextEdit()
        self.paragraph.setReadOnly(True)
        self.paragraph.setMaximumHeight(130)
        self.paragraph.setAccessibleName(self.tr("Your taste, in words"))
        self.badge = QLabel()
        self.badge.setTextFormat(Qt.TextFormat.PlainText)
        self.badge.setWordWrap(True)
        refresh = self.describe_button = QPushButton(self.tr("Describe my tastes"))
        refresh.clicked.connect(self.refresh_requested)
        self.map = pg.PlotWidget()
        self.map.setAccessibleName(self.tr("Interest map"))
        self.map.hideAxis("left")
        self.map.hideAxis("bottom")
        self.map.getViewBox().setDefaultPadding(0.06)  # no point sits on the frame, half cut
        # The legend is under the map, never over its points: a person reads every name and every point.
        self.legend = _Legend()
        self.legend.setAccessibleName(self.tr("Interest map legend"))
        self.legend.setAutoFillBackground(True)
        self.legend.setBackgroundRole(QPalette.ColorRole.Base)
        self.legend.setContentsMargins(8, 2, 8, 4)
        map_box = QWidget()
        map_layout = QVBoxLayout(map_box)
        map_layout.setContentsMargins(0, 0, 0, 0)
        map_layout.setSpacing(0)
        map_layout.addWidget(self.map, 1)
        map_layout.addWidget(self.legend)
        self.columns = _ColumnAxis()
        self.heat = pg.PlotWidget(axisItems={"bottom": self.columns})
        self.heat.setAccessibleName(self.tr("Similarity heatmap"))
        self.heat_image = pg.ImageItem()
        self.heat.addItem(self.heat_image)
        self.heat.invertY(True)
        self.heat.setMouseEnabled(x=False, y=False)  # a grid of titles: nothing to pan or zoom
        self.heat.setMenuEnabled(False)
        self.heat.hideButtons()
        bar = pg.ColorBarItem(values=(0, 1), colorMap=pg.colormap.get("viridis"))
        bar.setImageItem(self.heat_image, insert_in=self.heat.getPlotItem())
        self.heat.scene().sigMouseMoved.connect(self._hover_heat)
        self._heat: InterestMap | None = None
        self._chars = 0  # the title width the heatmap's labels were cut to
        self._rows: list[str] = []
        self.heat.installEventFilter(self)
        self._names: dict[str, str] = {}  # a facet's label -> its name in the interface's language
        self.pinned = QListWidget()
        self.pinned.setAccessibleName(self.tr("Pinned interests"))
        self.pinned.setMaximumHeight(90)
        self.pinned.setWordWrap(True)
        self.pinned.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.pinned.setToolTip(self.tr("Words you pinned on the Recommendations page: they count in every list"))
        self.unpin = QPushButton(self.tr("Remove"))
        self.unpin.setEnabled(False)
        self.unpin.clicked.connect(self._unpin)
        self.pinned.currentRowChanged.connect(lambda row: self.unpin.setEnabled(row >= 0))
        pinned_row = QHBoxLayout()
        pinned_row.addWidget(QLabel(self.tr("Pinned interests")), 1)
        pinned_row.addWidget(self.unpin)
        left = QWidget()
        left.setMinimumWidth(240)
        left_layout = QVBoxLayout(left)
        left_layout.addLayout(pinned_row)
        left_layout.addWidget(self.pinned)
        left_layout.addWidget(self.facets, 1)
        left_layout.addWidget(self.paragraph)
        row = QHBoxLayout()
        row.addWidget(self.badge, 1)
        row.addWidget(refresh)
        left_layout.addLayout(row)
        plots = QSplitter(Qt.Orientation.Vertical)
        plots.addWidget(map_box)
        plots.addWidget(self.heat)
        self.split = QSplitter()
        self.split.addWidget(left)
        self.split.addWidget(plots)
        self.split.setStretchFactor(0, 2)  # a wider window widens both sides, the names' side too
        self.split.setStretchFactor(1, 3)
        self._shared = False  # the sides are shared once, at the first layout; then as the person drags
        self._left, self._layout = left, QVBoxLayout(self)
        self._layout.addWidget(self.split)
        self._style()

    def showEvent(self, event: Any) -> None:  # noqa: N802
        super().showEvent(event)
        self._share()

    def resizeEvent(self, event: Any) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._share()

    def _share(self) -> None:
        """LEFT_SHARE of the width to the facets, the rest to the plots: once, when the page is first shown
        (a splitter left to itself gives the facets its minimum, ~300 px even at full screen)."""
        margins = self.contentsMargins() + self._layout.contentsMargins()
        width = self.width() - margins.left() - margins.right() - self.split.handleWidth()
        if not self._shared and self.isVisible() and width > 0:
            left = max(self._left.minimumWidth(), int(width * LEFT_SHARE))
            self.split.setSizes([left, width - left])
            self._shared = True

    def _rewrap(self, *_: Any) -> None:
        self.facets.doItemsLayout()  # each row's height again, for the column's new width

    def _style(self) -> None:
        style_plot(self.map, self.tr("Interest map: your history and recommendations"))
        style_plot(self.heat, self.tr("Similarity: history (rows) × recommendations (columns)"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.PaletteChange:
            self._style()  # the system switched between light and dark
        super().changeEvent(event)

    def describing(self, busy: bool) -> None:
        """While the paragraph is written the button waits and the badge says so: it can take half a minute, and
        a click that brought the same template back looked like nothing at all."""
        self.describe_button.setEnabled(not busy)
        describing = self.tr("Describing your tastes…")  # one line, as the badge it stands for: no jump
        if busy:
            self.badge.setText(describing)
        elif self.badge.text() == describing:  # failed or cancelled: no paragraph came to say what it is
            self.badge.setText("")

    def show_profile(self, profile: Profile) -> None:
        """Each facet with the titles behind it, so every claim of the paragraph can be checked here."""
        self.facets.clear()
        lang = _language()
        self._names = {facet.label: facet.name(lang) for facet in profile.facets}
        self._stale = _long_ago(profile.newest)
        recent_word = self._recent_word(profile.newest)
        for facet in profile.facets:
            name = self._names[facet.label]
            top = QTreeWidgetItem([name, f"{facet.weight:.0%}", self._when(facet)])
            top.setToolTip(0, plain_tip(name))
            recent = {i.id for i in facet.recent}
            for item in facet.items:
                child = QTreeWidgetItem([item.label, "", recent_word if item.id in recent else ""])
                child.setToolTip(0, plain_tip(item.label))
                top.addChild(child)
            for item in facet.recent:  # the titles a "lately" claim rests on, even if not the most typical
                if item not in facet.items:
                    child = QTreeWidgetItem([item.label, "", recent_word])
                    child.setToolTip(0, plain_tip(item.label))
                    top.addChild(child)
            self.facets.addTopLevelItem(top)
            top.setExpanded(True)
        self.paragraph.setPlainText(profile.text)
        self.badge.setText(self.tr("Opening by the local language model, checked; the rest from your facets")
                           if profile.path == "llm" else self.tr("Built from your facets (template)"))

    def show_pinned(self, pinned: list[tuple[int, str, str]]) -> None:
        self.pinned.clear()
        for interest_id, text, _ in pinned:
            row = QListWidgetItem(text)  # plain text: a list item never renders markup
            row.setData(Qt.ItemDataRole.UserRole, interest_id)
            self.pinned.addItem(row)
        if not pinned:
            empty = QListWidgetItem(self.tr("None yet: type what you are in the mood for on the Recommendations "
                                            "page and press Pin."))
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.pinned.addItem(empty)
        self.unpin.setEnabled(False)

    def _unpin(self) -> None:
        row = self.pinned.currentItem()
        if row is not None and row.data(Qt.ItemDataRole.UserRole) is not None:
            self.unpin_requested.emit(int(row.data(Qt.ItemDataRole.UserRole)))

    def _recent_word(self, newest: dt.date | None) -> str:
        """"last year" means the year up to the history's latest date: said so where that is long ago (a
        history that ends in April 2021 read "last year" and "growing lately" in 2026)."""
        if not _long_ago(newest):
            return self.tr("last year")
        return self.tr("year to {0}/{1}").format(newest.month, newest.year)

    def _when(self, facet: Any) -> str:
        if facet.trend == "recent" and self._stale:
            return self.tr("grew in your last year")
        if facet.trend == "recent":
            return self.tr("growing lately")
        if facet.trend == "steady" and facet.since:
            return self.tr("since {0}").format(facet.since)
        if facet.trend == "earlier" and facet.last:
            return self.tr("until {0}").format(facet.last)
        return ""

    def show_map(self, data: InterestMap) -> None:
        self.map.clear()
        groups = list(dict.fromkeys(data.group))
        entries = []
        for k, group in enumerate(groups):
            idx = [i for i, g in enumerate(data.group) if g == group]
            history = group != "recommended"
            colour = _COLOURS[k % len(_COLOURS)] if history else _GREY
            name = self._names.get(group, group) if history else self.tr("recommended")
            spots = pg.ScatterPlotItem(
                x=data.xy[idx, 0], y=data.xy[idx, 1], size=12 if history else 9,
                symbol="o" if history else "t", brush=pg.mkBrush(*colour, 200), pen=pg.mkPen(None),
                hoverable=True, data=[data.titles[i] for i in idx],
                tip=lambda x, y, data: plain_tip(str(data)), name=name,
            )
            self.map.addItem(spots)
            entries.append(("●" if history else "▼", colour, name))
        self.map.getViewBox().autoRange()
        self.legend.set_entries(entries)
        heat = np.asarray(data.heat, dtype=float)
        self.heat_image.setImage(heat.T if heat.size else np.zeros((1, 1)), levels=(0, 1))
        self._heat, self._chars = data, 0
        self._label_heat()
        self.heat.getPlotItem().setRange(xRange=(0, max(1, len(data.heat_cols))),
                                         yRange=(0, max(1, len(data.heat_rows))), padding=0)

    def _label_heat(self) -> None:
        """Each column is a recommendation, each row a title of the history: both named, cut to what the
        heatmap's width allows (whole in the tooltip of the cell or of the title under the pointer)."""
        if self._heat is None:
            return
        chars = self.title_chars()
        if chars == self._chars:
            return
        self._chars = chars
        self.columns.set_labels(_distinct(self._heat.heat_cols, chars))
        self._rows = _distinct(self._heat.heat_rows, chars)
        self.heat.getAxis("left").setTicks([[(i + 0.5, t) for i, t in enumerate(self._rows)]])

    def title_chars(self) -> int:
        """How many characters of a title the heatmap shows: 18 at 1024 px, more in a wider window."""
        return int(np.clip(self.heat.width() // 40, TITLE_CHARS, 2 * TITLE_CHARS))

    def column_labels(self) -> list[str]:
        """The titles under the heatmap's columns, as shown."""
        return list(self.columns.labels)

    def row_labels(self) -> list[str]:
        """The titles beside the heatmap's rows, as shown."""
        return list(self._rows)

    def eventFilter(self, watched: Any, event: QEvent) -> bool:  # noqa: N802
        if watched is self.heat and event.type() == QEvent.Type.Resize:
            self._label_heat()
        return super().eventFilter(watched, event)

    def heat_tip(self, scene_pos: QPointF) -> str:
        """What the pointer at ``scene_pos`` is over: a cell (its row's and column's titles and how alike they
        are), a column's title under the map, or a row's title."""
        data = self._heat
        if data is None:
            return ""
        view = self.heat.getViewBox()
        if view.sceneBoundingRect().contains(scene_pos):
            at = view.mapSceneToView(scene_pos)
            row, col = int(math.floor(at.y())), int(math.floor(at.x()))
            if 0 <= row < len(data.heat_rows) and 0 <= col < len(data.heat_cols):
                return self.tr("{0}\n× {1}\nsimilarity {2:.2f}").format(
                    data.heat_rows[row], data.heat_cols[col], float(np.asarray(data.heat)[row, col]))
            return ""
        if self.columns.sceneBoundingRect().contains(scene_pos):
            under = self.columns.column_at(self.columns.mapFromScene(scene_pos))
            return data.heat_cols[under] if under is not None and under < len(data.heat_cols) else ""
        left = self.heat.getAxis("left")
        if left.sceneBoundingRect().contains(scene_pos):
            row = int(math.floor(view.mapSceneToView(scene_pos).y()))
            return data.heat_rows[row] if 0 <= row < len(data.heat_rows) else ""
        return ""

    def _hover_heat(self, scene_pos: QPointF) -> None:
        tip = self.heat_tip(scene_pos)
        if tip:
            QToolTip.showText(QCursor.pos(), plain_tip(tip), self.heat)
        else:
            QToolTip.hideText()

    def points(self) -> list[Any]:
        return [item for item in self.map.listDataItems()]


def _distinct(titles: list[str], width: int = TITLE_CHARS) -> list[str]:
    """Each title in ``width`` characters, its year dropped first ("Spirited Away", not "Spirited Away (20…"),
    and a series' titles, where several are cut, by what follows the series' name ("The Two Towers", not
    "The Lord of the R…" three times)."""
    def fit(text: str) -> str:
        if len(text) <= width:
            return text
        bare = _YEAR.sub("", text)
        return bare if len(bare) <= width else shorten(bare, width)

    series = Counter(t.split(":", 1)[0] for t in titles if ":" in t)
    out = []
    for t in titles:
        shown = fit(t)
        if shown != t and ":" in t and series[t.split(":", 1)[0]] > 1:
            shown = fit(t.split(":", 1)[1].strip())
        out.append(shown)
    return out


class _Legend(QLabel):
    """The map's legend, under the map: each group's mark in its colour and its name, escaped (a facet's name
    holds catalog words, which are data). Lines break between names, not inside one (Chinese text would
    break anywhere), unless a name is wider than the map."""

    GAP = 5  # spaces between two names

    def __init__(self) -> None:
        super().__init__()
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setWordWrap(True)
        self.entries: list[tuple[str, tuple[int, int, int], str]] = []

    def set_entries(self, entries: list[tuple[str, tuple[int, int, int], str]]) -> None:
        self.entries = list(entries)
        self.setToolTip(plain_tip("\n".join(name for _, _, name in entries)))
        self._pack()

    def names(self) -> list[str]:
        return [name for _, _, name in self.entries]

    def resizeEvent(self, event: Any) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._pack()

    def _pack(self) -> None:
        metrics = self.fontMetrics()
        room = max(1, self.contentsRect().width() - 4)
        gap = metrics.horizontalAdvance(" " * self.GAP)
        lines: list[list[str]] = [[]]
        used = 0
        for mark, colour, name in self.entries:
            width = metrics.horizontalAdvance(f"{mark} {name}")
            if lines[-1] and used + gap + width > room:
                lines.append([])
                used = 0
            used += (gap if lines[-1] else 0) + width
            lines[-1].append(f"<span style='color:rgb{colour}'>{mark}</span>&nbsp;{html.escape(name)}")
        text = "<br>".join(("&nbsp;" * self.GAP).join(line) for line in lines if line)
        if text != self.text():
            self.setText(text)
