"""Browse and search the catalogs; add an item to the history."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.core.types import Item
from app.gui.tables import RowsModel, fit_columns

__all__ = ["CatalogPage"]


class CatalogPage(QWidget):
    search_requested = Signal(object, str)  # catalog name or None, text
    add_requested = Signal(object)  # Item

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.catalog = QComboBox()
        self.catalog.addItem(self.tr("All catalogs"), None)
        self.catalog.setAccessibleName(self.tr("Catalog"))
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Title or author"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search the catalog"))
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(250)
        self._debounce.timeout.connect(self.request)
        self.search.textChanged.connect(lambda _: self._debounce.start())
        self.catalog.currentIndexChanged.connect(lambda _: self.request())
        self.model = RowsModel([
            (self.tr("Title"), lambda i: i.title),
            (self.tr("Year"), lambda i: i.year),
            (self.tr("Kind"), lambda i: i.kind),
            (self.tr("By"), lambda i: ", ".join(i.creators[:2])),
            (self.tr("Genres"), lambda i: ", ".join(i.genres[:4])),
            (self.tr("Ratings"), lambda i: i.popularity),
        ])
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        fit_columns(self.table, stretch=0, wide=(3, 4))
        self.table.setAccessibleName(self.tr("Catalog items"))
        add = QPushButton(self.tr("Add to my history"))
        add.clicked.connect(self._add)
        self.table.doubleClicked.connect(lambda _: self._add())
        self.note = QLabel()
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.note.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.catalog)
        top.addWidget(self.search, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.note, 1)
        bottom.addWidget(add)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)

    def set_catalogs(self, catalogs: list[tuple[str, str, str]]) -> None:
        self.catalog.blockSignals(True)
        while self.catalog.count() > 1:
            self.catalog.removeItem(1)
        for name, title, _ in catalogs:
            self.catalog.addItem(title, name)
        self.catalog.blockSignals(False)
        self._attribution = {name: text for name, _, text in catalogs}

    def request(self) -> None:
        self.search_requested.emit(self.catalog.currentData(), self.search.text())

    def show_items(self, items: list[Item]) -> None:
        self.model.set_rows(items)
        name = self.catalog.currentData()
        self.note.setText(getattr(self, "_attribution", {}).get(name, "") if name else "")

    def _add(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self.add_requested.emit(self.model.row(index))
