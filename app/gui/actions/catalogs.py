"""The Catalogs page's actions: browse or search the catalogs, add an item to the history."""

from __future__ import annotations

from typing import Any

from app.core.types import Item
from app.gui.actions import HISTORY, Host, PageActions
from app.gui.actions.startup import State
from app.gui.pages.catalogs import CatalogPage

__all__ = ["CatalogActions"]


class CatalogActions(PageActions):
    def __init__(self, page: CatalogPage, host: Host) -> None:
        super().__init__(page, host)
        self.page: CatalogPage = page
        page.search_requested.connect(self.search)
        page.add_requested.connect(self.add)

    def prepared(self, state: State) -> None:
        self.page.set_catalogs(state.catalogs)

    def on_shown(self) -> None:
        if not self.page.model.rows:
            self.page.request()

    def search(self, catalog: str | None, text: str) -> None:
        """No words: the catalog's most rated items; words: search by words, meaning and spelling."""
        services, filters = self.host.services, self.page.filters(catalog)

        def work(**_: Any) -> tuple[list[Any], str]:
            if not text.strip():
                return services.catalogs.browse(catalog=catalog, text="", kind=filters.kind,
                                                year_min=filters.year_min, year_max=filters.year_max), ""
            found = services.search.search(text, filters=filters, k=100)
            return [h.item for h in found.hits], found.notice

        # On the model lane: a search embeds its words (the db lane must not share the embedder).
        self.host.run(work, lambda result: self.page.show_items(*result), lane="model")

    def add(self, item: Item, rating: float | None = None) -> None:
        services = self.host.services

        def done(_: Any) -> None:
            said = self.tr("Added {0} to your history.") if rating is None else \
                self.tr("Added {0} to your history, rated {1}/5.")
            self.host.say(said.format(item.label, f"{rating:g}" if rating is not None else ""))

        self.host.write(lambda **_: services.history.add(str(item.id), rating=rating), {HISTORY}, done)
