"""The Your year page's actions: the figures (db lane), the year's paragraph and the interest facets that
grew or faded (model lane), saving the charts."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QFileDialog

from app.core.errors import AppError
from app.gui.actions import HISTORY, Host, PageActions
from app.gui.charts import save_charts
from app.gui.pages.stats import StatsPage
from app.services.events import final

__all__ = ["StatsActions"]


class StatsActions(PageActions):
    follows = frozenset({HISTORY})

    def __init__(self, page: StatsPage, host: Host, *, importing: Any = None) -> None:
        super().__init__(page, host)
        self.page: StatsPage = page
        self._stale = True
        if importing is not None:  # the empty page's Import button
            page.import_requested.connect(importing.choose_files)
        page.refresh_requested.connect(self.refresh)
        page.year_changed.connect(self.describe)
        page.save_requested.connect(self.save)

    def on_changed(self, changes: frozenset[str]) -> None:
        if changes & self.follows:
            self._stale = True
            if self.host.current_tab() is self.page:
                self.refresh()

    def on_shown(self) -> None:
        if self._stale:
            self.refresh()

    def refresh(self) -> None:
        services = self.host.services
        self._stale = False
        self.host.run(lambda **_: services.stats.stats(), self._shown)

    def _shown(self, stats: Any) -> None:
        """The charts at once; then, on the model lane (the embeddings: seconds the first time), the
        interest facets that grew or faded, for every year at once."""
        self.page.show_stats(stats)
        services = self.host.services

        def work(progress: Any, cancel: Any) -> Any:
            try:
                return services.stats.facets_moved()
            except AppError:  # no embeddings to cluster: the page just shows no facets
                return {}

        def done(moves: Any) -> None:
            if self.page.stats is stats:  # not the facets of an older history
                self.page.show_facets(moves)

        self.host.run(work, done, lane="model")

    def describe(self, year: int) -> None:
        services, lang, stats = self.host.services, self.host.language(), self.page.stats

        def work(progress: Any, cancel: Any) -> Any:
            return final(services.stats.year_text(year, stats=stats, lang=lang, cancel=cancel))

        def done(result: Any) -> None:
            if self.page.current_year() == year:
                self.page.show_text(result.text, result.path)

        # The template at once (no model: milliseconds), then the model's opening where it passes its checks.
        if stats is not None and year in stats.years:
            done(final(services.stats.year_text(year, stats=stats, lang=lang, use_llm=False)))
        if not lang.startswith("zh"):
            self.host.run(work, done, lane="model")

    def save(self) -> None:
        stats, year = self.page.stats, self.page.current_year()
        if stats is None or year is None:
            return
        folder = QFileDialog.getExistingDirectory(self.host.window(), self.tr("Save the charts in"))
        if folder:
            written = save_charts(stats, Path(folder), year=year, kind=self.page.current_kind())
            self.host.say(self.tr("Saved {0} charts in {1}").format(len(written), folder))
