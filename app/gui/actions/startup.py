"""Start-up: install the bundled catalogs, then read at once what the pages show first."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from app.core.types import HistoryEntry
from app.services import Services

__all__ = ["State", "prepare"]


@dataclass(frozen=True, slots=True)
class State:
    catalogs: list[tuple[str, str, str]]  # name, title, attribution (the person's own "user" left out)
    genres: list[tuple[str, int]]
    history: list[HistoryEntry]
    settings: dict[str, Any]
    saved: int = 0  # items saved for later (a watchlist, a to-read shelf): not history, yet what the person wants


def prepare(services: Services) -> Callable[..., State]:
    """The work of start-up, for the db lane (it reports the catalogs' installation as progress)."""
    def work(progress: Any, cancel: Any) -> State:
        services.catalogs.ensure_bundled(progress=progress)
        return State(catalogs=[(c.name, c.title, c.attribution) for c in services.catalogs.installed()
                               if c.name != "user"],
                     genres=services.catalogs.genres(), history=services.history.entries(),
                     settings=services.settings.all(), saved=services.history.saved_count())

    return work
