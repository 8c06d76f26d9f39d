"""The Welcome page's actions: shown while the history is empty; import, pick, a sample, or words."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from app.gui.actions import HISTORY, Host, PageActions
from app.gui.actions.history import HistoryActions
from app.gui.actions.importing import Importing
from app.gui.actions.recommend import RecommendActions
from app.gui.pages.welcome import WelcomePage
from app.services.sample import add_sample

__all__ = ["WelcomeActions"]


class WelcomeActions(PageActions):
    def __init__(self, page: WelcomePage, host: Host, *, history: HistoryActions, recommend: RecommendActions,
                 importing: Importing, catalogs: QWidget) -> None:
        super().__init__(page, host)
        page.import_requested.connect(importing.choose_files)
        page.pick_requested.connect(lambda: host.show_tab(catalogs))
        page.sample_requested.connect(self.load_sample)
        page.mood_requested.connect(recommend.ask)
        history.entries_shown.connect(self._entries_shown)

    def _entries_shown(self, entries: bool) -> None:
        """The Welcome page shows while the history is empty. When it leaves, a person who is on another
        page (picking titles from the catalogs) stays there, to add the next one."""
        here = self.host.current_tab()
        self.host.show_welcome(not entries)
        if entries and here is not None and here is not self.page and self.host.current_tab() is not here:
            self.host.show_tab(here)

    def load_sample(self) -> None:
        services = self.host.services
        label = self.tr("Adding a sample profile…")  # here: workers touch no Qt object

        def work(progress: Any, cancel: Any) -> int:
            return add_sample(services.history, progress=progress, label=label)

        self.host.write(work, {HISTORY}, long=label)
