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
            self.describe()

    def describe(self) -> None:
        services, lang = self.host.services, self.host.language()
        self.refresh()

        def work(progress: Any, cancel: Any) -> tuple[Any, Any]:
            profile = final(services.explainer.profile(cancel=cancel, lang=lang))
            return profile, services.interests.interest_map()

        def done(result: tuple[Any, Any]) -> None:
            profile, data = result
            self.page.show_profile(profile)
            self.page.show_map(data)

        self.host.run(work, done, lane="model", long=self.tr("Describing your tastes…"))

    def unpin(self, interest_id: int) -> None:
        services = self.host.services
        self.host.write(lambda **_: services.interests.unpin(interest_id), {INTERESTS})
