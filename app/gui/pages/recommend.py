"""Recommendations: filters, the ranked list, feedback actions and the explanation panel."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSlider,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QStyle,
    QStyledItemDelegate,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.core.types import Recommendation
from app.gui.explain_panel import ExplainPanel
from app.gui.plain import catalog_title, genre_label, plain_label
from app.gui.tables import RowsModel, fit_columns, kind_label
from app.services import Filters

__all__ = ["RecommendPage"]


class MatchBar(QStyledItemDelegate):
    """The match (0-1, against the person's best candidate) as a bar with its percentage beside it, never
    on it: text half over a bar was hard to read."""

    def paint(self, painter: Any, option: Any, index: Any) -> None:
        self.initStyleOption(option, index)
        style = option.widget.style() if option.widget else None
        if style is None:
            return
        style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, option.widget)
        value = min(max(float(index.data(Qt.ItemDataRole.UserRole) or 0.0), 0.0), 1.0)
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        room = option.fontMetrics.horizontalAdvance("100%") + 8
        rect = option.rect.adjusted(4, 0, -4, 0)
        bar = rect.adjusted(0, 0, -room, 0)
        bar.setHeight(max(6, rect.height() // 3))
        bar.moveCenter(rect.adjusted(0, 0, -room, 0).center())
        painter.save()
        groove = option.palette.color(option.palette.ColorRole.Mid)
        groove.setAlpha(70)
        painter.fillRect(bar, groove)
        filled = bar.adjusted(0, 0, 0, 0)
        filled.setWidth(max(1, round(bar.width() * value)))
        painter.fillRect(filled, option.palette.color(option.palette.ColorRole.Highlight)
                         if not option.state & QStyle.StateFlag.State_Selected
                         else option.palette.color(option.palette.ColorRole.HighlightedText))
        role = option.palette.ColorRole.HighlightedText if option.state & QStyle.StateFlag.State_Selected \
            else option.palette.ColorRole.Text
        painter.setPen(option.palette.color(role))
        painter.drawText(rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, text)
        painter.restore()


class RecommendPage(QWidget):
    refresh_requested = Signal()
    explain_requested = Signal(object)  # Recommendation
    feedback_requested = Signal(object, str)  # Recommendation, kind
    consumed_requested = Signal(object, float)  # Recommendation, rating
    more_like_requested = Signal(object)
    pin_requested = Signal(str)  # the words to keep as a standing interest

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.mood = QLineEdit()
        self.mood.setPlaceholderText(self.tr("What are you in the mood for? e.g. dark science fiction with a twist"))
        self.mood.setClearButtonEnabled(True)
        self.mood.setAccessibleName(self.tr("What you are in the mood for"))
        self.mood.returnPressed.connect(self.refresh_requested)
        self._asked = ""
        self.mood.textChanged.connect(self._mood_cleared)
        self.pin = QPushButton(self.tr("Pin"))
        self.pin.setToolTip(self.tr("Keep these words as a standing interest (listed on the Interests page)"))
        self.pin.clicked.connect(lambda: self.mood.text().strip() and self.pin_requested.emit(self.mood.text().strip()))
        self.kind = QComboBox()
        for label, value in ((self.tr("Films and books"), None), (self.tr("Films"), "film"),
                             (self.tr("Books"), "book")):
            self.kind.addItem(label, value)
        self.kind.setAccessibleName(self.tr("Kind"))
        self.year_min = QSpinBox()
        self.year_max = QSpinBox()
        bounds = ((self.year_min, 1870, self.tr("From year")), (self.year_max, 2030, self.tr("To year")))
        for box, value, name in bounds:
            box.setRange(1870, 2030)
            box.setValue(value)
            box.setAccessibleName(name)
        # At its lowest the first year is no bound at all (Filters gets None): it says so, not "1870" above
        # Shakespeare's and Rumi's books. The last year, 2030, is past every item anyway.
        self.year_min.setSpecialValueText(self.tr("any"))
        self.catalog = QComboBox()
        self.catalog.addItem(self.tr("All catalogs"), None)
        self.catalog.setAccessibleName(self.tr("Catalog"))
        self.genre = QComboBox()
        self.genre.addItem(self.tr("All genres"), None)
        self.genre.setAccessibleName(self.tr("Genre"))
        self.genre.setMinimumWidth(160)
        self.diversity = QSlider(Qt.Orientation.Horizontal)
        self.diversity.setRange(0, 100)
        self.diversity.setMinimumWidth(80)  # the filters share one row: keep the slider usable
        self.diversity.setAccessibleName(self.tr("Diversity"))
        self.diversity.setToolTip(self.tr("0: by score only · 100: as varied as possible"))
        self.refresh = QPushButton(self.tr("Refresh"))
        self.refresh.setShortcut("Ctrl+R")
        self.refresh.clicked.connect(self.refresh_requested)
        for widget in (self.kind, self.catalog, self.genre):
            widget.currentIndexChanged.connect(self.refresh_requested)
        for box in (self.year_min, self.year_max):
            box.editingFinished.connect(self.refresh_requested)
        self.diversity.sliderReleased.connect(self.refresh_requested)

        # Two rows, so that the window's narrowest width stays what it was before the genre filter.
        filters, tuning = QHBoxLayout(), QHBoxLayout()
        for row, label, widget in ((filters, self.tr("Show"), self.kind), (filters, self.tr("Years"), self.year_min),
                                   (filters, "–", self.year_max), (filters, self.tr("Catalog"), self.catalog),
                                   (tuning, self.tr("Genre"), self.genre), (tuning, self.tr("Diversity"),
                                                                           self.diversity)):
            text = QLabel(label)
            text.setBuddy(widget)
            row.addWidget(text)
            row.addWidget(widget)
        filters.addStretch(1)
        tuning.addWidget(self.refresh)

        self.model = RowsModel([
            ("#", lambda r: r.rank),
            (self.tr("Title"), lambda r: r.item.title),
            (self.tr("Year"), lambda r: r.item.year),
            (self.tr("Kind"), lambda r: kind_label(r.item.kind)),
            (self.tr("Match"), lambda r: f"{r.match:.0%}"),
            (self.tr("Yours"), self._mark),  # a to-read shelf's or a saved title is shown as such
        ])
        self.marks: dict[int, set[str]] = {}
        self.model.sort_keys = {4: lambda r: r.match, 0: lambda r: r.rank}
        self.model.tips = {4: self.match_tip}
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setItemDelegateForColumn(4, MatchBar(self.table))
        self.table.verticalHeader().hide()
        fit_columns(self.table, stretch=1, wide=(4,), wide_px=120)  # the title takes what the numbers leave
        self.table.setAccessibleName(self.tr("Recommendations"))
        self.table.selectionModel().currentRowChanged.connect(self._selected)

        # While a list is being made (the catalogs loading, the first words read): progress, never an empty list.
        self.busy = QWidget()
        busy_layout = QVBoxLayout(self.busy)
        self.busy_text = plain_label(self.tr("Preparing your recommendations…"))
        self.busy_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        busy_bar = QProgressBar()
        busy_bar.setRange(0, 0)
        busy_bar.setMaximumWidth(260)
        busy_layout.addStretch(1)
        busy_layout.addWidget(self.busy_text)
        busy_layout.addWidget(busy_bar, 0, Qt.AlignmentFlag.AlignHCenter)
        busy_layout.addStretch(2)
        self.list_stack = QStackedWidget()
        self.list_stack.addWidget(self.table)
        self.list_stack.addWidget(self.busy)
        self._wait = QTimer(self)
        self._wait.setSingleShot(True)
        self._wait.setInterval(500)  # a shorter wait shows no progress: it would only flicker
        self._wait.timeout.connect(self._show_busy)

        self.buttons: dict[str, QPushButton] = {}
        actions = QGridLayout()  # two rows of three: the labels are read whole, each with its key
        for n, (key, label, shortcut) in enumerate((
                ("like", self.tr("Like"), "L"), ("dislike", self.tr("Dislike"), "D"),
                ("not_interested", self.tr("Not interested"), "N"), ("saved", self.tr("Save for later"), "S"),
                ("consumed", self.tr("Mark as read/watched…"), "W"), ("more", self.tr("More like this"), "M"))):
            button = QPushButton(f"{label}  ({shortcut})")
            button.setShortcut(shortcut)
            button.setToolTip(self.tr("Key: {0}").format(shortcut))
            button.setEnabled(False)
            button.clicked.connect(lambda _=False, k=key: self._act(k))
            self.buttons[key] = button
            actions.addWidget(button, n // 3, n % 3)
        self.status = plain_label("")  # wraps: a notice never widens the window

        mood = QHBoxLayout()
        mood.addWidget(self.mood, 1)
        mood.addWidget(self.pin)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.addLayout(mood)
        left_layout.addLayout(filters)
        left_layout.addLayout(tuning)
        left_layout.addWidget(self.list_stack, 1)
        left_layout.addLayout(actions)
        left_layout.addWidget(self.status)
        self.panel = ExplainPanel()
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(self.panel)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        # Three fifths for the list, two for the explanation, from the first show: left to the widgets'
        # preferred widths, the panel got ~290 px of 1,360 and cut its chart's title.
        split.setSizes([600, 400])
        layout = QVBoxLayout(self)
        layout.addWidget(split)

    # -- state ------------------------------------------------------------------------------

    def like(self) -> list[str]:
        """The words typed in the mood box (they count in the list while they are there)."""
        text = self.mood.text().strip()
        self._asked = text
        return [text] if text else []

    def _mood_cleared(self, text: str) -> None:
        if not text.strip() and self._asked:  # the clear button: back to the list without the words
            self.refresh_requested.emit()

    def filters(self) -> Filters:
        return Filters(kind=self.kind.currentData(), year_min=self.year_min.value() if self.year_min.value() > 1870
                       else None, year_max=self.year_max.value() if self.year_max.value() < 2030 else None,
                       catalog=self.catalog.currentData(), genre=self.genre.currentData())

    def set_genres(self, genres: list[tuple[str, int]]) -> None:
        """The catalogs' genres, most common first (names from the catalogs: shown as plain text)."""
        current = self.genre.currentData()
        self.genre.blockSignals(True)
        while self.genre.count() > 1:
            self.genre.removeItem(1)
        for name, _ in genres:
            self.genre.addItem(genre_label(name), name)
        self.genre.setCurrentIndex(max(self.genre.findData(current), 0))
        self.genre.blockSignals(False)

    def set_catalogs(self, names: list[tuple[str, str]]) -> None:
        current = self.catalog.currentData()
        self.catalog.blockSignals(True)
        while self.catalog.count() > 1:
            self.catalog.removeItem(1)
        for name, title in names:
            self.catalog.addItem(catalog_title(title), name)
        index = self.catalog.findData(current)
        self.catalog.setCurrentIndex(max(index, 0))
        self.catalog.blockSignals(False)

    def waiting(self) -> None:
        """A list is being made: after half a second, progress shows."""
        self._wait.start()

    def _show_busy(self) -> None:
        if self.model.rows:  # the list stays readable; the note says it is being updated
            self.status.setText(self.tr("Updating the list…"))
        else:
            self.list_stack.setCurrentWidget(self.busy)

    def stop_waiting(self) -> None:
        self._wait.stop()
        self.list_stack.setCurrentWidget(self.table)

    def show_recommendations(self, recs: list[Recommendation], note: str = "") -> None:
        """A new list; the item that was selected stays selected where it is still there (a Like or Save
        for later refreshes the list: the selection jumped back to row 1)."""
        self.stop_waiting()
        was, at = self.current(), max(self.table.currentIndex().row(), 0)
        before = {r.item.id for r in self.model.rows}
        self.model.set_rows(recs)
        self.status.setText(note or self.tr("{0} recommendations").format(len(recs)))
        if recs:
            ids = [r.item.id for r in recs]
            # ...and where it is gone (Not interested), the one that took its place; but a list of other items
            # (another kind, genre or request) starts at its top: its row 7 has nothing to do with the last one's.
            same_list = 2 * len(before & set(ids)) >= len(ids)
            row = ids.index(was.item.id) if was is not None and was.item.id in ids else \
                min(at, len(recs) - 1) if was is not None and same_list else 0
            self.table.selectRow(row)
            self.table.scrollTo(self.model.index(row, 0))
        else:
            for button in self.buttons.values():
                button.setEnabled(False)

    def _mark(self, rec: Recommendation) -> str:
        kinds = self.marks.get(int(rec.item.id or 0), set())
        return self.tr("Liked") if "like" in kinds else self.tr("Saved") if "saved" in kinds else ""

    def match_tip(self, rec: Recommendation) -> str:
        """The exact numbers behind the match, for whoever wants them."""
        t = rec.terms
        return self.tr("{0:.0%} of the score of your best match\nP(i|u) = {1:.4%} (the chance, among all the"
                       " candidates, that this is the one for you)\nscore {2:.5f} = text similarity {3:+.5f}"
                       " + liked by the same people {4:+.5f} + popularity {5:+.5f} + your feedback {6:+.5f}"
                       ).format(rec.match, rec.probability, rec.score, t.content, t.cf, t.prior, t.feedback)

    def current(self) -> Recommendation | None:
        index = self.table.currentIndex()
        return self.model.row(index) if index.isValid() else None

    def _selected(self, *_: Any) -> None:
        rec = self.current()
        for button in self.buttons.values():
            button.setEnabled(rec is not None)
        if rec is not None:
            self.explain_requested.emit(rec)

    def rating_dialog(self, title: str) -> QInputDialog:
        """Asks for a rating; the title is shown as written (QInputDialog's label would render markup)."""
        dialog = QInputDialog(self)
        dialog.setInputMode(QInputDialog.InputMode.DoubleInput)
        dialog.setWindowTitle(self.tr("Your rating"))
        dialog.setDoubleRange(0.5, 5.0)
        dialog.setDoubleDecimals(1)
        dialog.setDoubleValue(4.0)
        dialog.setLabelText(self.tr("How did you like {0}? (0.5 to 5)").format(title))
        for label in dialog.findChildren(QLabel):
            label.setTextFormat(Qt.TextFormat.PlainText)
        return dialog

    def _act(self, key: str) -> None:
        rec = self.current()
        if rec is None:
            return
        if key == "more":
            self.more_like_requested.emit(rec)
        elif key == "consumed":
            dialog = self.rating_dialog(rec.item.title)
            if dialog.exec():
                self.consumed_requested.emit(rec, dialog.doubleValue())
        else:
            self.feedback_requested.emit(rec, key)
