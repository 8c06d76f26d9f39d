"""Qt item models over plain Python rows. Every cell is plain text (Qt.DisplayRole), never HTML."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QHeaderView, QTableView

from app.gui.plain import plain_tip

__all__ = ["RowsModel", "fit_columns", "kind_label"]

Index = QModelIndex | QPersistentModelIndex


def kind_label(kind: str) -> str:
    """An item's kind as a table shows it, in the interface's language: "other" is a TV series or a game that an
    IMDb or Douban export holds (it showed as "other" in a Chinese window)."""
    return {
        "film": QCoreApplication.translate("Kinds", "film"),
        "book": QCoreApplication.translate("Kinds", "book"),
        "other": QCoreApplication.translate("Kinds", "TV, other"),
    }.get(kind, kind)


class RowsModel(QAbstractTableModel):
    """A read-only table: ``columns`` are (header, getter) pairs over the row objects."""

    def __init__(self, columns: Sequence[tuple[str, Callable[[Any], Any]]], parent: Any = None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.rows: list[Any] = []
        self.editable: dict[int, Callable[[Any, Any], None]] = {}
        self.sort_keys: dict[int, Callable[[Any], Any]] = {}
        self.tips: dict[int, Callable[[Any], str]] = {}  # a column's own tooltip (plain text)

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def row(self, index: Index) -> Any:
        return self.rows[index.row()]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.columns[section][0]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        value = self.columns[index.column()][1](self.rows[index.row()])
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return "" if value is None else value if isinstance(value, (int, float)) else str(value)
        if role == Qt.ItemDataRole.ToolTipRole and index.column() in self.tips:
            return plain_tip(self.tips[index.column()](self.rows[index.row()]))
        if role == Qt.ItemDataRole.ToolTipRole and isinstance(value, str) and len(value) > 40:
            return plain_tip(value)
        if role == Qt.ItemDataRole.UserRole:  # the sort key
            key = self.sort_keys.get(index.column())
            return key(self.rows[index.row()]) if key else value
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsEditable if index.column() in self.editable else base

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        setter = self.editable.get(index.column())
        if setter is None or role != Qt.ItemDataRole.EditRole:
            return False
        setter(self.rows[index.row()], value)
        return True


def fit_columns(table: QTableView, *, stretch: int, wide: Sequence[int] = (), wide_px: int = 240) -> None:
    """One column takes the spare width; short columns fit their contents; ``wide`` ones
    (names, genres) start at ``wide_px`` and can be dragged wider."""
    header = table.horizontalHeader()
    for column in range(table.model().columnCount()):
        if column == stretch:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        elif column in wide:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, wide_px)
        else:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
