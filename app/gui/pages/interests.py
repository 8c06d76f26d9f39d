"""Interests: the facets, the profile paragraph, the interest map and the similarity heatmap."""

from __future__ import annotations

import html
import os
from typing import Any

import numpy as np

os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

import pyqtgraph as pg  # noqa: E402
from PySide6.QtCore import QEvent, Qt, Signal  # noqa: E402
from PySide6.QtWidgets import (  # noqa: E402
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
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


class InterestsPage(QWidget):
    refresh_requested = Signal()
    unpin_requested = Signal(int)  # a pinned interest's id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.facets = QTreeWidget()
        self.facets.setHeaderLabels([self.tr("Interest"), self.tr("Share"), self.tr("When")])
        self.facets.setAccessibleName(self.tr("Interest facets"))
        self.facets.header().setStretchLastSection(False)
        self.facets.header().setSectionResizeMode(0, self.facets.header().ResizeMode.Stretch)
        self.paragraph = QPlainTextEdit()
        self.paragraph.setReadOnly(True)
        self.paragraph.setMaximumHeight(130)
        self.paragraph.setAccessibleName(self.tr("Your taste, in words"))
        self.badge = QLabel()
        self.badge.setTextFormat(Qt.TextFormat.PlainText)
        refresh = QPushButton(self.tr("Describe my tastes"))
        refresh.clicked.connect(self.refresh_requested)
        self.map = pg.PlotWidget()
        self.map.setAccessibleName(self.tr("Interest map"))
        self.map.hideAxis("left")
        self.map.hideAxis("bottom")
        self.map.addLegend(offset=(5, 5))
        self.heat = pg.PlotWidget()
        self.heat.setAccessibleName(self.tr("Similarity heatmap"))
        self.heat_image = pg.ImageItem()
        self.heat.addItem(self.heat_image)
        self.heat.invertY(True)
        bar = pg.ColorBarItem(values=(0, 1), colorMap=pg.colormap.get("viridis"))
        bar.setImageItem(self.heat_image, insert_in=self.heat.getPlotItem())
        self.pinned = QListWidget()
        self.pinned.setAccessibleName(self.tr("Pinned interests"))
        self.pinned.setMaximumHeight(90)
        self.pinned.setToolTip(self.tr("Words you pinned on the Recommendations page: they count in every list"))
        self.unpin = QPushButton(self.tr("Remove"))
        self.unpin.setEnabled(False)
        self.unpin.clicked.connect(self._unpin)
        self.pinned.currentRowChanged.connect(lambda row: self.unpin.setEnabled(row >= 0))
        pinned_row = QHBoxLayout()
        pinned_row.addWidget(QLabel(self.tr("Pinned interests")), 1)
        pinned_row.addWidget(self.unpin)
        left = QWidget()
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
        plots.addWidget(self.map)
        plots.addWidget(self.heat)
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(plots)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(split)
        self._style()

    def _style(self) -> None:
        style_plot(self.map, self.tr("Interest map: your history and recommendations"))
        style_plot(self.heat, self.tr("Similarity: history (rows) × recommendations (columns)"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802
        if event.type() == QEvent.Type.PaletteChange:
            self._style()  # the system switched between light and dark
        super().changeEvent(event)

    def show_profile(self, profile: Profile) -> None:
        """Each facet with the titles behind it, so every claim of the paragraph can be checked here."""
        self.facets.clear()
        for facet in profile.facets:
            top = QTreeWidgetItem([facet.label, f"{facet.weight:.0%}", self._when(facet)])
            recent = {i.id for i in facet.recent}
            for item in facet.items:
                top.addChild(QTreeWidgetItem([item.label, "", self.tr("last year") if item.id in recent else ""]))
            for item in facet.recent:  # the titles a "lately" claim rests on, even if not the most typical
                if item not in facet.items:
                    top.addChild(QTreeWidgetItem([item.label, "", self.tr("last year")]))
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

    def _when(self, facet: Any) -> str:
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
        for k, group in enumerate(groups):
            idx = [i for i, g in enumerate(data.group) if g == group]
            history = group != "recommended"
            colour = _COLOURS[k % len(_COLOURS)] if history else (120, 120, 120)
            spots = pg.ScatterPlotItem(
                x=data.xy[idx, 0], y=data.xy[idx, 1], size=12 if history else 9,
                symbol="o" if history else "t", brush=pg.mkBrush(*colour, 200), pen=pg.mkPen(None),
                hoverable=True, data=[data.titles[i] for i in idx],
                tip=lambda x, y, data: plain_tip(str(data)),
                # The legend lays names out as HTML: escape, so a facet label shows as written.
                name=html.escape(group) if history else self.tr("recommended"),
            )
            self.map.addItem(spots)
        heat = np.asarray(data.heat, dtype=float)
        self.heat_image.setImage(heat.T if heat.size else np.zeros((1, 1)), levels=(0, 1))
        bottom, left = self.heat.getAxis("bottom"), self.heat.getAxis("left")
        # Columns are numbered by rank (titles would overlap); the map's tooltips name them.
        bottom.setTicks([[(i + 0.5, str(i + 1)) for i in range(len(data.heat_cols))]])
        bottom.setLabel(self.tr("recommendation rank"))
        left.setTicks([[(i + 0.5, shorten(t, 18)) for i, t in enumerate(data.heat_rows)]])

    def points(self) -> list[Any]:
        return [item for item in self.map.listDataItems()]


