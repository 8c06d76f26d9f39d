"""The History page's actions: its entries, ratings edited in place, delete and undo, the sample's removal."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from app.core.types import HistoryEntry
from app.gui.actions import HISTORY, Host, PageActions
from app.gui.actions.importing import Importing
from app.gui.actions.startup import State
from app.gui.pages.history import HistoryPage
from app.services.sample import is_sample, remove_sample

__all__ = ["HistoryActions"]


class HistoryActions(PageActions):
    follows = frozenset({HISTORY})
    # The entries are on screen; True when there are any, or titles saved for later (an imported watchlist
    # alone is something to recommend from). The Welcome page shows while there are none, and the
    # recommendations follow a history change from here (with neither there is no list).
    entries_shown = Signal(bool)

    def __init__(self, page: HistoryPage, host: Host, *, importing: Importing, catalogs: QWidget) -> None:
        super().__init__(page, host)
        self.page: HistoryPage = page
        self._undo: list[HistoryEntry] = []
        page.rating_changed.connect(self.change_rating)
        page.delete_requested.connect(self.delete_entry)
        page.undo_requested.connect(self.undo_delete)
        page.add_requested.connect(lambda: host.show_tab(catalogs))
        page.import_requested.connect(importing.choose_files)
        page.remove_sample_requested.connect(self.remove_sample)

    def prepared(self, state: State) -> None:
        self.show((state.history, state.saved))

    def refresh(self) -> None:
        """The entries again, and then (when there are any) the recommendations."""
        services = self.host.services
        self.host.run(lambda **_: (services.history.entries(), services.history.saved_count()), self.show)

    def show(self, found: tuple[list[HistoryEntry], int]) -> None:
        entries, saved = found
        self.page.show_entries(entries, saved=saved)
        self.entries_shown.emit(bool(entries) or saved > 0)

    def change_rating(self, entry: Any, rating: float) -> None:
        services = self.host.services
        self.host.write(lambda **_: services.history.set_rating(int(entry.item.id), rating), {HISTORY})

    def delete_entry(self, entry: Any) -> None:
        services = self.host.services

        def done(removed: Any) -> None:
            self._undo.append(removed)
            self.page.undo.setEnabled(True)
            self.host.say(self.tr("Removed {0}. Undo with Ctrl+Z.").format(removed.item.label))

        self.host.write(lambda **_: services.history.take_out(int(entry.item.id)), {HISTORY}, done)

    def undo_delete(self) -> None:
        if not self._undo:
            return
        entry = self._undo.pop()
        self.page.undo.setEnabled(bool(self._undo))
        services = self.host.services

        def done(_: Any) -> None:  # the "Undo with Ctrl+Z" line is spent
            self.host.say(self.tr("Restored {0}.").format(entry.item.label))

        self.host.write(lambda **_: services.history.put_back(entry), {HISTORY}, done)

    def remove_sample(self) -> None:
        services = self.host.services
        self._undo = [e for e in self._undo if not is_sample(e)]  # nothing of the sample comes back
        self.page.undo.setEnabled(bool(self._undo))

        def done(count: int) -> None:
            self.host.say(self.tr("Removed the sample profile ({0} entries).").format(count))

        self.host.write(lambda **_: remove_sample(services.history), {HISTORY}, done)

    def forget_undo(self) -> None:
        """After everything was deleted there is nothing to put back."""
        self._undo.clear()
