"""Series of books: the way into a series the person has not started is its first book.

A book's place in its series comes from the catalog's full title ("The Fall of Hyperion (Hyperion
Cantos, #2)"). Without this rule a reader who never opened Harry Potter could be offered its fourth
book, because the people who loved what they read also loved that one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from app.core.text import normalize_title

__all__ = ["Places", "place_of"]

# "(The Stormlight Archive, #2)", "(Discworld, #5; Rincewind #2)", "(Harry Potter, #5, Part 1)": a whole
# number only ("#2.5" is a novella between two books, "#1-3" an omnibus).
_PLACE = re.compile(r"\(([^()#]*?),?\s*#\s*(\d+)(?:\s*,\s*part\s+\w+)?(?:\s*;[^()]*)?\)\s*$", re.IGNORECASE)


def place_of(titles: Sequence[str]) -> tuple[str, int] | None:
    """(series key, number) from the first of an item's titles that names its place, else None."""
    for title in titles:
        found = _PLACE.search(title)
        if found and found.group(1).strip():
            return normalize_title(found.group(1)), int(found.group(2))
    return None


@dataclass(frozen=True, eq=False)
class Places:
    """The series books of a universe: per series, (number, position) in order."""

    members: dict[str, list[tuple[int, int]]] = field(default_factory=dict)

    @classmethod
    def of(cls, titles: Sequence[Sequence[str]]) -> Places:
        """From each universe position's titles (title, then other titles)."""
        members: dict[str, list[tuple[int, int]]] = {}
        for p, names in enumerate(titles):
            found = place_of(names)
            if found is not None:
                members.setdefault(found[0], []).append((found[1], p))
        for books in members.values():
            books.sort()
        return cls(members)

    def out_of_order(self, history: np.ndarray) -> np.ndarray:
        """The positions of the books after the first of each series none of whose books is at ``history``
        (positions): not "Harry Potter and the Goblet of Fire" to someone who read none of them. A series
        started keeps all its books (the co-liked term puts the next one first)."""
        held = set(np.asarray(history).tolist())
        out: list[int] = []
        for books in self.members.values():
            if not any(p in held for _, p in books):
                first = books[0][0]
                out += [p for n, p in books if n > first]
        return np.asarray(out, dtype=np.int64)
