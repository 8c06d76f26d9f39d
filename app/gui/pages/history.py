"""History: search, sort, edit ratings, delete with undo, add from the catalogs, import."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCollator, QLocale, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.core.types import HistoryEntry
from app.gui.plain import plain_label, plain_tip
from app.gui.tables import RowsModel, fit_columns, kind_label
from app.services.formats import import_formats
from app.services.sample import is_sample

__all__ = ["HistoryPage", "TitleOrder"]

TITLE, BY, RATING, DATE, SOURCE = 0, 1, 4, 5, 7


def _rating(entry: HistoryEntry) -> str:
    if entry.rating is None:
        return ""
    return f"{entry.rating:g}/{entry.rating_max:g}" if entry.rating_max else f"{entry.rating:g}"


def _title(entry: HistoryEntry) -> str:
    # The file's own title beside the catalog's, where they differ: a person looks for "Sur la route" or "功夫", and
    # the reasons of the recommendations say On the Road and Kung Fu Hustle. The search finds either.
    return f"{entry.file_title} → {entry.item.title}" if entry.file_title else entry.item.title


def _date(entry: HistoryEntry) -> str:
    # When it was read or watched, as the file said; none is none (the day it was added or imported read as
    # watched then: a did-not-finish shelf without dates showed the import's day). Your year counts the same.
    return entry.consumed_at or ""


class TitleOrder(QSortFilterProxyModel):
    """Text sorts as the person's language sorts it, case aside ("amelie" beside "Amelie", not after "Z"); a
    search finds a history entry by its other titles too."""

    def __init__(self) -> None:
        super().__init__()
        locale = QLocale()
        # The C locale (a bare environment) compares bytes: accented titles would sort after "z".
        self.collator = QCollator(locale if locale.language() != QLocale.Language.C else QLocale("en_US"))
        self.collator.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.collator.setNumericMode(True)  # "Alien 3" before "Alien 10"

    def lessThan(self, left: QModelIndex | QPersistentModelIndex,  # noqa: N802
                 right: QModelIndex | QPersistentModelIndex) -> bool:
        a, b = left.data(self.sortRole()), right.data(self.sortRole())
        if isinstance(a, str) and isinstance(b, str):
            return self.collator.compare(a, b) < 0
        return super().lessThan(left, right)

    def filterAcceptsRow(self, row: int, parent: QModelIndex | QPersistentModelIndex) -> bool:  # noqa: N802
        """A row is found by its cells, and by its other titles: a Douban title "瑞克和莫蒂 第一季" by "Rick"."""
        if super().filterAcceptsRow(row, parent):
            return True
        found = self.filterRegularExpression()
        rows = getattr(self.sourceModel(), "rows", ())
        return bool(found.pattern()) and row < len(rows) and any(
            found.match(t).hasMatch() for t in rows[row].item.alt_titles)


class _Rows(RowsModel):
    """Rows with a tooltip of their own in some columns (the Source's file name)."""

    def __init__(self, columns: Any, tips: dict[int, Any]) -> None:
        super().__init__(columns)
        self.tips = tips

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and index.isValid() and index.column() in self.tips:
            tip = self.tips[index.column()](self.rows[index.row()])
            return plain_tip(tip) if tip else None
        return super().data(index, role)


class HistoryPage(QWidget):
    rating_changed = Signal(object, float)  # entry, rating on a 0.5-5 scale
    delete_requested = Signal(object)
    undo_requested = Signal()
    add_requested = Signal()
    import_requested = Signal()
    remove_sample_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._saved = 0
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search your history"))
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName(self.tr("Search your history"))
        self._formats = {f.name: f.label for f in import_formats()} | {"generic": "CSV"}
        self.model = _Rows([
            (self.tr("Title"), _title),
            # The first credit: a Goodreads row's others are its translators and narrators ("Haruki Murakami,
            # Fernando Cordobés"). The search finds an author's books by it.
            (self.tr("By"), lambda e: e.item.creators[0] if e.item.creators else ""),
            (self.tr("Year"), lambda e: e.item.year),
            (self.tr("Kind"), lambda e: kind_label(e.item.kind)),
            (self.tr("Rating"), _rating),
            (self.tr("Date"), _date),
            (self.tr("Status"), lambda e: {"done": "", "reading": self.tr("in progress"),
                                          "dnf": self.tr("did not finish"),
                                          "shelved": self.tr("on the shelf {0}").format(e.shelf or "")}
             .get(e.status, e.status)),
            (self.tr("Source"), self._source),
        ], {SOURCE: self._source_tip})
        self.model.sort_keys = {BY + 1: lambda e: e.item.year or 0, RATING: lambda e: e.rating_norm or -1.0}
        self.model.editable = {RATING: self._edit_rating}
        self.proxy = TitleOrder()
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setSortRole(Qt.ItemDataRole.UserRole)
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        self.search.textChanged.connect(self._show_count)
        self.table = QTableView()
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(DATE, Qt.SortOrder.DescendingOrder)  # the latest first, as people keep a diary
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        fit_columns(self.table, stretch=TITLE, wide=(BY,), wide_px=180)
        self.table.setAccessibleName(self.tr("History"))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed)
        add = QPushButton(self.tr("Add from catalog…"))
        add.setToolTip(self.tr("Find a title in the catalogs and add it with your rating"))
        add.clicked.connect(self.add_requested)
        imp = QPushButton(self.tr("Import a file…"))
        imp.setToolTip(self.tr("Import an export from Goodreads, Letterboxd, StoryGraph, IMDb or a CSV (Ctrl+I)"))
        imp.clicked.connect(self.import_requested)
        self.delete = QPushButton(self.tr("Delete"))
        self.delete.setShortcut("Del")
        self.delete.setToolTip(self.tr("Delete the selected entry (Del)"))
        self.delete.clicked.connect(self._delete)
        self.undo = QPushButton(self.tr("Undo"))
        self.undo.setShortcut("Ctrl+Z")
        self.undo.setToolTip(self.tr("Put back the entry deleted last (Ctrl+Z)"))
        self.undo.setEnabled(False)
        self.undo.clicked.connect(self.undo_requested)
        self.count = QLabel()
        self.count.setTextFormat(Qt.TextFormat.PlainText)
        self.count.setToolTip(self.tr("Titles saved for later (a watchlist or a to-read shelf) are not history,"
                                      " but they count as what you want to watch or read."))
        buttons = QHBoxLayout()
        for button in (add, imp, self.delete, self.undo):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.count)
        layout = QVBoxLayout(self)
        layout.addWidget(self._sample_banner())
        layout.addWidget(self.search)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    def _sample_banner(self) -> QFrame:
        """Said while sample entries are in the history: they are not the person's, and one click removes them."""
        self.sample_banner = QFrame()
        self.sample_banner.setFrameShape(QFrame.Shape.StyledPanel)
        self.sample_banner.setAutoFillBackground(True)
        self.sample_banner.setBackgroundRole(QPalette.ColorRole.AlternateBase)
        self.sample_text = plain_label("")
        self.remove_sample = QPushButton(self.tr("Remove sample"))
        self.remove_sample.setToolTip(self.tr("Remove the sample's entries; your own stay"))
        self.remove_sample.clicked.connect(self.remove_sample_requested)
        row = QHBoxLayout(self.sample_banner)
        row.addWidget(self.sample_text, 1)
        row.addWidget(self.remove_sample)
        self.sample_banner.hide()
        return self.sample_banner

    def _show_count(self, *_: object) -> None:
        """How many entries there are, and while a search narrows them, how many it shows; and how many titles
        are saved for later, which are not history (an imported watchlist alone left this page at "0 entries")."""
        total = len(self.model.rows)
        if self.search.text().strip():
            self.count.setText(self.tr("{0} of {1} entries").format(self.proxy.rowCount(), total))
        elif self._saved:
            self.count.setText(self.tr("{0} entries · {1} saved for later, not history").format(total, self._saved))
        else:
            self.count.setText(self.tr("{0} entries").format(total))

    def show_entries(self, entries: list[HistoryEntry], *, saved: int = 0) -> None:
        self._saved = saved
        self.model.set_rows(entries)
        self._show_count()
        samples = sum(1 for e in entries if is_sample(e))
        if samples == len(entries):
            text = self.tr("You are trying the sample profile: these {0} entries are examples, not yours.")
        else:  # an import or titles added since: the sample is still mixed in with them
            text = self.tr("Your own entries are here now; {0} entries of the sample profile are still mixed in.")
        self.sample_text.setText(text.format(samples))
        self.sample_banner.setVisible(samples > 0)

    def selected(self) -> HistoryEntry | None:
        index = self.table.currentIndex()
        return self.model.row(self.proxy.mapToSource(index)) if index.isValid() else None

    def _source(self, entry: HistoryEntry) -> str:
        if is_sample(entry):
            return self.tr("Sample")
        if entry.source == "manual":
            return self.tr("Added by hand")
        name = entry.source.partition(":")[0]
        return self._formats.get(name, name)

    def _source_tip(self, entry: HistoryEntry) -> str:
        if is_sample(entry):
            return self.tr("An example entry of the sample profile, not yours")
        file = entry.source.partition(":")[2]
        return self.tr("Imported from {0}").format(file) if file else ""

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
