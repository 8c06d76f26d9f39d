"""The Welcome page's actions: shown while the history is empty; import, pick, a sample, or words."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from app.gui.actions import HISTORY, Host, PageActions
from app.gui.actions.history import HistoryActions
from app.gui.actions.importing import Importing
from app.gui.actions.recommend import RecommendActions
from app.gui.pages.welcome import WelcomePage

__all__ = ["SAMPLE_PROFILE", "WelcomeActions"]

SAMPLE_PROFILE = (
    ("The Matrix (1999)", "film", 5.0), ("Spirited Away (2001)", "film", 5.0),
    ("The Lord of the Rings: The Fellowship of the Ring (2001)", "film", 4.5),
    ("Amelie (2001)", "film", 4.0), ("Inception (2010)", "film", 4.5),
    ("Dune (1965)", "book", 5.0), ("Pride and Prejudice (1813)", "book", 4.0),
    ("The Hobbit (1937)", "book", 4.5),
)


class WelcomeActions(PageActions):
    def __init__(self, page: WelcomePage, host: Host, *, history: HistoryActions, recommend: RecommendActions,
                 importing: Importing, catalogs: QWidget) -> None:
        super().__init__(page, host)
        page.import_requested.connect(importing.choose_files)
        page.pick_requested.connect(lambda: host.show_tab(catalogs))
        page.sample_requested.connect(self.load_sample)
        page.mood_requested.connect(recommend.ask)
        history.entries_shown.connect(lambda entries: host.show_welcome(not entries))

    def load_sample(self) -> None:
        services = self.host.services
        label = self.tr("Adding a sample profile…")  # here: workers touch no Qt object

        def work(progress: Any, cancel: Any) -> None:
            for k, (title, kind, rating) in enumerate(SAMPLE_PROFILE):
                progress(k, len(SAMPLE_PROFILE), label)
                try:
                    services.history.add(title, rating=rating, kind=kind)
                except Exception:  # noqa: BLE001 - a missing sample title is no reason to stop
                    continue

        self.host.write(work, {HISTORY}, long=label)
