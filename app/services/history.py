"""Use cases on the person's history: add, list, remove, import a file."""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from app.core.errors import InputError, NotFound
from app.core.progress import CancelToken, Progress, no_progress
from app.core.types import HistoryEntry, Item
from app.importers.detect import open_source
from app.importers.files import sha256_file
from app.importers.generic import ImportRow, Skip, parse_mapping
from app.services.lookup import ItemLookup
from app.services.matching import Matcher
from app.storage import Store

__all__ = ["HistoryService", "ImportReport"]


@dataclass
class ImportReport:
    format: str
    file: str
    encoding: str = ""
    rows: int = 0  # data rows read
    imported: int = 0  # history entries added or changed
    added: int = 0
    updated: int = 0
    unchanged: int = 0  # already in the history exactly so
    matched: int = 0  # rows matched to a catalog item
    unmatched: int = 0  # rows that became items of the person's own
    saved: int = 0  # want-to-read / watchlist rows saved for later
    skipped: int = 0
    skipped_reasons: dict[str, int] = field(default_factory=dict)
    rating_scale: list[float] | None = None
    already_imported: bool = False

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _parse_scale(text: str | None) -> tuple[float, float] | None:
    if not text:
        return None
    low, sep, high = text.partition("-")
    try:
        scale = (float(low), float(high))
    except ValueError as exc:
        raise InputError(f"Cannot read the rating scale {text!r}: write it as MIN-MAX, e.g. 1-10.") from exc
    if not sep or scale[1] <= scale[0]:
        raise InputError(f"The rating scale {text!r} needs MIN-MAX with MIN below MAX.")
    return scale


class HistoryService:
    def __init__(self, store: Store, lookup: ItemLookup) -> None:
        self.store = store
        self.lookup = lookup

    def entries(self) -> list[HistoryEntry]:
        return self.store.history.entries()

    def add(
        self,
        query: str,
        *,
        rating: float | None = None,
        scale: tuple[float, float] = (0.5, 5.0),
        consumed_at: str | None = None,
        kind: str | None = None,
    ) -> tuple[Item, str]:
        """Find the item by title or id and put it in the history; returns (item, outcome)."""
        if rating is not None and not scale[0] <= rating <= scale[1]:
            raise InputError(f"A rating must be between {scale[0]:g} and {scale[1]:g}, not {rating:g}.")
        item = self.lookup.find(query, kind=kind)
        assert item.id is not None
        outcome = self.store.history.upsert(
            item.id, rating=rating, scale=scale if rating is not None else None,
            consumed_at=consumed_at, source="manual",
        )
        return item, outcome

    def remove(self, query: str) -> Item:
        in_history = self.store.history.item_ids()
        if not in_history:
            raise NotFound("Your history is empty: there is nothing to remove.")
        item = self.lookup.find(query, among=in_history)
        assert item.id is not None
        self.store.history.remove(item.id)
        return item

    def set_rating(self, item_id: int, rating: float | None, *, scale: tuple[float, float] = (0.5, 5.0)) -> None:
        """Change (or clear) the rating of a history entry."""
        entry = next((e for e in self.store.history.entries() if e.item.id == item_id), None)
        if entry is None:
            raise NotFound("That item is not in your history.")
        if rating is not None and not scale[0] <= rating <= scale[1]:
            raise InputError(f"A rating must be between {scale[0]:g} and {scale[1]:g}.")
        with self.store.transaction() as conn:
            lo, hi = (scale if rating is not None else (None, None))
            norm = None if rating is None else (rating - scale[0]) / (scale[1] - scale[0])
            conn.execute("UPDATE history SET rating = ?, rating_min = ?, rating_max = ?, rating_norm = ?"
                         " WHERE item_id = ?", (rating, lo, hi, norm, item_id))

    def take_out(self, item_id: int) -> HistoryEntry:
        """Remove an entry and return it, so that ``put_back`` can undo the removal."""
        entry = next((e for e in self.store.history.entries() if e.item.id == item_id), None)
        if entry is None:
            raise NotFound("That item is not in your history.")
        self.store.history.remove(item_id)
        return entry

    def put_back(self, entry: HistoryEntry) -> None:
        scale = (entry.rating_min, entry.rating_max) if entry.rating is not None else None
        self.store.history.upsert(int(entry.item.id or 0), rating=entry.rating, scale=scale,  # type: ignore[arg-type]
                                  consumed_at=entry.consumed_at, source=entry.source, status=entry.status)

    def set_feedback(self, query: str, kind: str | None) -> Item:
        """Mark an item liked, disliked, not interested or saved; ``None`` clears all marks."""
        item = self.lookup.find(query)
        assert item.id is not None
        if kind is None:
            self.store.feedback.clear(item.id)
        else:
            self.store.feedback.set(item.id, kind)
        return item

    def import_file(
        self,
        path: Path | str,
        *,
        format: str | None = None,
        mapping: str | dict[str, str] | None = None,
        kind: str | None = None,
        encoding: str | None = None,
        scale: str | None = None,
        progress: Progress = no_progress,
        cancel: CancelToken | None = None,
    ) -> ImportReport:
        """Import an export in one transaction: all of it, or (on any error or kill) none of it.

        The format (Goodreads, Letterboxd ZIP, StoryGraph, IMDb, or a generic CSV) is
        detected unless given; ``mapping`` names the columns of a generic CSV.
        """
        path = Path(path)
        if isinstance(mapping, str):
            mapping = parse_mapping(mapping)
        source = open_source(path, format=format, mapping=mapping or None, kind=kind, encoding=encoding,
                             scale=_parse_scale(scale))
        report = ImportReport(format=source.format, file=path.name, encoding=source.encoding)
        report.rating_scale = list(source.rating_scale) if source.rating_scale else None
        try:
            sha = sha256_file(path)
            report.already_imported = self.store.imports.seen(sha)
            matcher = Matcher(self.store)
            reasons: Counter[str] = Counter()
            label = f"Importing {path.name}"
            with self.store.transaction():
                progress(0, source.size, label)
                for n, record in enumerate(source.records):
                    if n % 500 == 0:
                        if cancel is not None:
                            cancel.check()
                        progress(source.position(), source.size, label)
                    report.rows += 1
                    if isinstance(record, Skip):
                        reasons[record.reason] += 1
                        continue
                    self._store_row(record, matcher, report, source=f"{source.format}:{path.name}")
                report.skipped = sum(reasons.values())
                report.skipped_reasons = dict(reasons)
                report.imported = report.added + report.updated
                self.store.imports.record(
                    sha256=sha, path=str(path), format=report.format, report=report.as_dict()
                )
                progress(source.size, source.size, label)
        finally:
            source.close()
        self.lookup.invalidate()
        return report

    def _store_row(self, row: ImportRow, matcher: Matcher, report: ImportReport, *, source: str) -> None:
        item_id = matcher.match(row)
        if item_id is None:
            report.unmatched += 1
            item_id = self.store.items.add_own(
                Item(title=row.title, year=row.year, kind=row.kind or "other", creators=row.creators,
                     imdb=row.imdb, isbn13=row.isbn13, goodreads=row.goodreads)
            )
        else:
            report.matched += 1
        if row.saved:
            self.store.feedback.set(item_id, "saved")
            report.saved += 1
            return
        if row.liked:
            self.store.feedback.set(item_id, "like")
        outcome = self.store.history.upsert(
            item_id, rating=row.rating, scale=row.scale, consumed_at=row.consumed_at,
            source=source, raw=row.raw, status=row.status,
        )
        if outcome == "added":
            report.added += 1
        elif outcome == "updated":
            report.updated += 1
        else:
            report.unchanged += 1
