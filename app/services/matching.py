"""Matching imported rows to catalog items: exact ids first, then title, year and author."""

from __future__ import annotations

import json
from collections import defaultdict
from typing import NamedTuple

from app.core.text import normalize_title, strip_series, surname
from app.importers.generic import ImportRow
from app.storage import Store

__all__ = ["Matcher"]


class _Candidate(NamedTuple):
    id: int
    year: int | None
    kind: str
    popularity: int
    surnames: frozenset[str]


class Matcher:
    """An in-memory index of the catalogs (not of the file), so memory stays bounded."""

    def __init__(self, store: Store) -> None:
        self._by_title: dict[str, list[_Candidate]] = defaultdict(list)
        self._by_id: dict[tuple[str, str], int] = {}
        for item_id, title, year, kind, alts, popularity, imdb, isbn13, goodreads, creators in (
            store.items.catalog_match_rows()
        ):
            names = [title, strip_series(title), *json.loads(alts)]
            candidate = _Candidate(item_id, year, kind, popularity,
                                   frozenset(surname(c) for c in json.loads(creators)))
            for name in {normalize_title(t) for t in names}:
                self._by_title[name].append(candidate)
            for scheme, value in (("imdb", imdb), ("isbn13", isbn13), ("goodreads", goodreads)):
                if value:
                    self._by_id.setdefault((scheme, value), item_id)

    def _candidates(self, key: str, kind: str | None) -> list[_Candidate]:
        return [c for c in self._by_title.get(key, ()) if kind is None or c.kind == kind]

    def match(self, row: ImportRow) -> int | None:
        for scheme in ("imdb", "goodreads", "isbn13"):
            value = getattr(row, scheme)
            if value and (scheme, value) in self._by_id:
                return self._by_id[(scheme, value)]
        title = strip_series(row.title)
        candidates = self._candidates(normalize_title(title), row.kind)
        if not candidates and ":" in title:
            # "Frankenstein: The 1818 Text" is "Frankenstein" once the subtitle goes.
            candidates = self._candidates(normalize_title(title.split(":")[0]), row.kind)
        if not candidates:
            return None
        best = lambda found: max(found, key=lambda c: (c.popularity, -c.id)).id  # noqa: E731
        row_surnames = {surname(c) for c in row.creators} - {""}
        if row_surnames and any(c.surnames for c in candidates):
            # Books: the author decides; editions disagree about the year.
            same_author = [c for c in candidates if c.surnames & row_surnames]
            return best(same_author) if same_author else None
        if row.year is not None:
            # Sources disagree by a year now and then (festival vs release date).
            for tolerance in (0, 1):
                close = [c for c in candidates if c.year is not None and abs(c.year - row.year) <= tolerance]
                if close:
                    return best(close)
            return None
        # No year: the best-known item of that title is what people mean.
        return best(candidates)
