"""Matching imported rows to catalog items: exact ids first, then title and year."""

from __future__ import annotations

import json
from collections import defaultdict

from app.core.text import normalize_title
from app.importers.generic import ImportRow
from app.storage import Store

__all__ = ["Matcher"]


class Matcher:
    """An in-memory index of the catalogs (not of the file), so memory stays bounded."""

    def __init__(self, store: Store) -> None:
        rows = store.items.catalog_match_rows()
        self._by_title: dict[str, list[tuple[int, int | None, str, int]]] = defaultdict(list)
        self._by_id: dict[tuple[str, str], int] = {}
        for item_id, title, year, kind, alts, popularity, imdb, isbn13, goodreads in rows:
            for name in {normalize_title(t) for t in [title, *json.loads(alts)]}:
                self._by_title[name].append((item_id, year, kind, popularity))
            for scheme, value in (("imdb", imdb), ("isbn13", isbn13), ("goodreads", goodreads)):
                if value:
                    self._by_id.setdefault((scheme, value), item_id)

    def match(self, row: ImportRow) -> int | None:
        for scheme in ("imdb", "goodreads", "isbn13"):
            value = getattr(row, scheme)
            if value and (scheme, value) in self._by_id:
                return self._by_id[(scheme, value)]
        candidates = [
            c for c in self._by_title.get(normalize_title(row.title), ())
            if row.kind is None or c[2] == row.kind
        ]
        if not candidates:
            return None
        if row.year is not None:
            # Sources disagree by a year now and then (festival vs release date).
            for tolerance in (0, 1):
                close = [c for c in candidates if c[1] is not None and abs(c[1] - row.year) <= tolerance]
                if close:
                    return max(close, key=lambda c: (c[3], -c[0]))[0]
            return None
        # No year: the best-known item of that title is what people mean.
        return max(candidates, key=lambda c: (c[3], -c[0]))[0]
