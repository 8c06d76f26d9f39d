"""The Interests page's actions: the pinned interests, and the profile with its map (on the model lane)."""

from __future__ import annotations

from typing import Any

from app.gui.actions import INTERESTS, Host, PageActions
from app.gui.pages.interests import InterestsPage
from app.services.events import final

__all__ = ["InterestActions"]


class InterestActions(PageActions):
    follows = frozenset({INTERESTS})

    def __init__(self, page: InterestsPage, host: Host) -> None:
        super().__init__(page, host)
        self.page: InterestsPage = page
        page.refresh_requested.connect(self.describe)
        page.unpin_requested.connect(self.unpin)

    def refresh(self) -> None:
        """The pinned interests (the profile is described when the person asks, or first opens the page)."""
        services = self.host.services
        self.host.run(lambda **_: services.interests.pinned(), self.page.show_pinned)

    def on_shown(self) -> None:
        if self.page.facets.topLevelItemCount() == 0:
            self.describe(quiet=True)

    def describe(self, *, quiet: bool = False) -> None:
        """The profile; ``quiet`` (a visit, not a click) says an empty history on the page, not in a dialog at
        every visit (an imported watchlist alone, which is no history)."""
        services, lang = self.host.services, self.host.language()
        self.refresh()

        def work(progress: Any, cancel: Any) -> tuple[Any, Any] | None:
            if quiet and services.store.history.count() == 0:
                return None
            profile = final(services.explainer.profile(cancel=cancel, lang=lang))
            return profile, services.interests.interest_map()

        def done(result: tuple[Any, Any] | None) -> None:
            self.page.describing(False)
            if result is None:
                self.page.paragraph.setPlainText(self.tr(
                    "Your history is empty, so there is no taste to describe yet. Titles saved for later say what"
                    " you want to read or watch, not what you liked: import or add what you have read or watched."))
                return
            profile, data = result
            self.page.show_profile(profile)
            self.page.show_map(data)

        self.page.describing(True)
        op = self.host.run(work, done, lane="model", long=self.tr("Describing your tastes…"))
        for signal in (op.signals.failed, op.signals.cancelled):
            signal.connect(lambda *_: self.page.describing(False))

    def unpin(self, interest_id: int) -> None:
        services = self.host.services
        self.host.write(lambda **_: services.interests.unpin(interest_id), {INTERESTS})
