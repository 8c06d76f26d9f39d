"""Browse and search the catalogs; add an item to the history."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.core.types import Item
from app.gui.plain import catalog_title, genre_label, interface_is_chinese, plain_label
from app.gui.tables import RowsModel, fit_columns, kind_label
from app.services import Filters

__all__ = ["CatalogPage", "RatingDialog"]


class RatingDialog(QDialog):
    """How the person liked a title they add: a rating from 0.5 to 5, or none."""

    chosen = Signal(object, object)  # Item, rating (float) or None

    def __init__(self, item: Item, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item = item
        self.setWindowTitle(self.tr("Add to my history"))
        self.rating = QDoubleSpinBox()
        self.rating.setRange(0.5, 5.0)
        self.rating.setSingleStep(0.5)
        self.rating.setDecimals(1)
        self.rating.setValue(4.0)
        self.rating.setSuffix(" / 5")
        self.rating.setAccessibleName(self.tr("Your rating"))
        buttons = QDialogButtonBox()
        self.rated = buttons.addButton(self.tr("Add with this rating"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.unrated = buttons.addButton(self.tr("Add without a rating"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.rated.setDefault(True)
        buttons.rejected.connect(self.reject)
        self.rated.clicked.connect(lambda: self._choose(self.rating.value()))
        self.unrated.clicked.connect(lambda: self._choose(None))
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label(self.tr("How did you like {0}?").format(item.label)))
        layout.addWidget(self.rating)
        layout.addWidget(buttons)

    def _choose(self, rating: float | None) -> None:
        self.chosen.emit(self.item, rating)
        self.accept()


class CatalogPage(QWidget):
    search_requested = Signal(object, str)  # catalog name or None, text
    add_requested = Signal(object, object)  # Item, rating (0.5-5) or None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.catalog = QComboBox()
        self.catalog.addItem(self.tr("All catalogs"), None)
        self.catalog.setAccessibleName(self.tr("Catalog"))
        self.kind = QComboBox()
        for label, value in ((self.tr("Films and books"), None), (self.tr("Films"), "film"),
                             (self.tr("Books"), "book")):
            self.kind.addItem(label, value)
        self.kind.setAccessibleName(self.tr("Kind"))
        self.year_min, self.year_max = QSpinBox(), QSpinBox()
        for box, value, name in ((self.year_min, 1870, self.tr("From year")), (self.year_max, 2030,
                                                                              self.tr("To year"))):
            box.setRange(1870, 2030)
            box.setValue(value)
            # At its least the first box filters nothing ("any"): a book of 1813 is no error under "1870".
            box.setSpecialValueText(self.tr("any") if box is self.year_min else "")
            box.setAccessibleName(name)
            box.editingFinished.connect(self.request)
        self.kind.currentIndexChanged.connect(lambda _: self.request())
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("A title, an author or director, or what it is about"))
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
            (self.tr("Kind"), lambda i: kind_label(i.kind)),
            (self.tr("By"), lambda i: ", ".join(i.creators[:2])),
            (self.tr("Genres"), lambda i: ("、" if interface_is_chinese() else ", ").join(
                genre_label(g) for g in i.genres[:4])),
            (self.tr("Ratings"), lambda i: f"{i.popularity:,}"),  # "4,780,653", sorted as a number
        ])
        self.model.sort_keys[5] = lambda i: i.popularity
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        fit_columns(self.table, stretch=0, wide=(3, 4))
        self.table.setAccessibleName(self.tr("Catalog items"))
        self.add_button = add = QPushButton(self.tr("Add to my history…"))
        add.setToolTip(self.tr("Add the selected title to your history, with your rating if you like (Enter, or "
                               "double-click it)"))
        add.clicked.connect(self._add)
        self.table.doubleClicked.connect(lambda _: self._add())
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            QShortcut(QKeySequence(key), self.table, self._add, context=Qt.ShortcutContext.WidgetShortcut)
        self.rating_dialog: RatingDialog | None = None  # the one open, if any
        self.note = QLabel()
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.note.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.kind)
        top.addWidget(self.year_min)
        top.addWidget(QLabel("–"))
        top.addWidget(self.year_max)
        top.addWidget(self.catalog)
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
            self.catalog.addItem(catalog_title(title), name)
        self.catalog.blockSignals(False)
        self._attribution = {name: text for name, _, text in catalogs}

    def request(self) -> None:
        self.search_requested.emit(self.catalog.currentData(), self.search.text())

    def filters(self, catalog: str | None = None) -> Filters:
        return Filters(kind=self.kind.currentData(), catalog=catalog,
                       year_min=self.year_min.value() if self.year_min.value() > 1870 else None,
                       year_max=self.year_max.value() if self.year_max.value() < 2030 else None)

    def show_items(self, items: list[Item], notice: str = "") -> None:
        self.model.set_rows(items)
        name = self.catalog.currentData()
        self.note.setText(notice or (getattr(self, "_attribution", {}).get(name, "") if name else ""))

    def _add(self) -> None:
        """Ask for a rating; the list stays as it is, so the next title is a click away."""
        index = self.table.currentIndex()
        if not index.isValid():
            return
        dialog = self.rating_dialog = RatingDialog(self.model.row(index), self)
        dialog.chosen.connect(self.add_requested)
        dialog.finished.connect(lambda _: self._closed(dialog))
        dialog.open()

    def _closed(self, dialog: RatingDialog) -> None:
        if self.rating_dialog is dialog:
            self.rating_dialog = None
        dialog.deleteLater()
