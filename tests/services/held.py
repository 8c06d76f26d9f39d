"""Checking that recommendations never list a work an imported file already holds."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from app.core.text import strip_series
from app.core.titles import author_key, match_key, title_keys
from app.core.types import Item, Recommendation
from app.importers.detect import open_sources
from app.importers.records import ImportRow


def held_rows(paths: Sequence[Path], **options: object) -> list[ImportRow]:
    """The rows of the files that a list may not hold: history (read, watched, shelved, did not finish), and
    what they saved for later (the file has it already); not what they marked not interested."""
    rows: list[ImportRow] = []
    for source in open_sources(list(paths), **options):  # type: ignore[arg-type]
        try:
            rows += [r for r in source.records if isinstance(r, ImportRow) and not r.not_interested]
        finally:
            source.close()
    return rows


def _keys(title: str, kind: str | None) -> set[str]:
    return set(title_keys(title, book=kind == "book")[:3])


def _same_work(row: ImportRow, item: Item) -> bool:
    """For rows sharing a title key with the item: a film of the same year (within one), a book by the same author."""
    if row.kind not in (None, item.kind) and not (row.kind == "other" and item.kind == "film"):
        return False
    if item.kind == "book":
        surnames = {author_key(c)[0] for c in row.creators}
        return not surnames or bool(surnames & {author_key(c)[0] for c in item.creators})
    return row.year is None or item.year is None or abs(row.year - item.year) <= 1


def recommended_but_held(recs: Sequence[Recommendation], rows: Sequence[ImportRow]) -> list[str]:
    """Recommended items that some history row of the file names, as "row title -> item label"."""
    by_key: dict[str, list[ImportRow]] = {}
    for row in rows:
        for key in _keys(row.title, row.kind):
            by_key.setdefault(key, []).append(row)
    out = []
    for rec in recs:
        item = rec.item
        # The item's whole titles: "Dune: House Atreides" is not "Dune".
        keys = {match_key(v) for t in (item.title, *item.alt_titles) for v in (t, strip_series(t))}
        found = next((r for k in keys for r in by_key.get(k, ()) if _same_work(r, item)), None)
        if found is not None:
            out.append(f"{found.title} -> {item.label}")
    return out
