"""History: search, sort, edit ratings, delete with undo, add from the catalogs, import."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.core.types import HistoryEntry
from app.gui.tables import RowsModel, fit_columns

__all__ = ["HistoryPage"]


def _rating(entry: HistoryEntry) -> str:
    if entry.rating is None:
        return ""
    return f"{entry.rating:g}/{entry.rating_max:g}" if entry.rating_max else f"{entry.rating:g}"


class HistoryPage(QWidget):
    rating_changed = Signal(object, float)  # entry, rating on a 0.5-5 scale
    delete_requested = Signal(object)
    undo_requested = Signal()
    add_requested = Signal()
    import_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search your history"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search your history"))
        self.model = RowsModel([
            (self.tr("Title"), lambda e: e.item.title),
            (self.tr("Year"), lambda e: e.item.year),
            (self.tr("Kind"), lambda e: e.item.kind),
            (self.tr("Rating"), _rating),
            (self.tr("Date"), lambda e: e.consumed_at or e.added_at[:10]),
            (self.tr("Status"), lambda e: {"done": "", "reading": self.tr("in progress"),
                                          "dnf": self.tr("did not finish"),
                                          "shelved": self.tr("on the shelf {0}").format(e.shelf or "")}
             .get(e.status, e.status)),
            (self.tr("Source"), lambda e: e.source),
        ])
        self.model.sort_keys = {1: lambda e: e.item.year or 0, 3: lambda e: e.rating_norm or -1.0}
        self.model.editable = {3: self._edit_rating}
        self.proxy = QSortFilterProxyModel()
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setSortRole(Qt.ItemDataRole.UserRole)
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        fit_columns(self.table, stretch=0)
        self.table.setAccessibleName(self.tr("History"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed)
        add = QPushButton(self.tr("Add from catalog…"))
        add.clicked.connect(self.add_requested)
        imp = QPushButton(self.tr("Import a file…"))
        imp.clicked.connect(self.import_requested)
        self.delete = QPushButton(self.tr("Delete"))
        self.delete.setShortcut("Del")
        self.delete.clicked.connect(self._delete)
        self.undo = QPushButton(self.tr("Undo"))
        self.undo.setShortcut("Ctrl+Z")
        self.undo.setEnabled(False)
        self.undo.clicked.connect(self.undo_requested)
        self.count = QLabel()
        self.count.setTextFormat(Qt.TextFormat.PlainText)
        buttons = QHBoxLayout()
        for button in (add, imp, self.delete, self.undo):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    def show_entries(self, entries: list[HistoryEntry]) -> None:
        self.model.set_rows(entries)
        self.count.setText(self.tr("{0} entries").format(len(entries)))

    def selected(self) -> HistoryEntry | None:
        index = self.table.currentIndex()
        return self.model.row(self.proxy.mapToSource(index)) if index.isValid() else None

    def _delete(self) -> None:
        entry = self.selected()
        if entry is not None:
            self.delete_requested.emit(entry)

    def _edit_rating(self, entry: HistoryEntry, value: Any) -> None:
        text = str(value).split("/")[0].strip().replace(",", ".")
        try:
            rating = float(text)
        except ValueError:
            return
        if 0.5 <= rating <= 5:
            self.rating_changed.emit(entry, rating)
