"""Use cases on the person's history: add, list, remove, import a file."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass, field, replace
from itertools import chain, islice
from pathlib import Path
from typing import Any

import numpy as np

from app.core import scoring
from app.core.errors import InputError, NotFound
from app.core.progress import CancelToken, Progress, no_progress
from app.core.stats import Viewing
from app.core.titles import match_key, title_keys
from app.core.types import HistoryEntry, Item, RankingParams
from app.importers.detect import Source, open_sources
from app.importers.files import sha256_file
from app.importers.formats.generic import parse_mapping
from app.importers.limits import LIMITS, Limits
from app.importers.records import ImportRow, Skip, mended
from app.importers.shelves import parse_shelf_map
from app.services.embeddings import EmbeddingService
from app.services.lookup import ItemLookup
from app.services.matching import CJK_ONLY, Match, Matcher
from app.storage import Store

__all__ = ["HistoryService", "ImportReport"]


_SAMPLE = 12  # unmatched rows shown in a report
_KIND_SAMPLE = 200  # rows of a file that does not say its kind, matched to learn it
_LOOSE_KEPT = 200  # loose matches listed in a report
_LIKES = "likes/films.csv"  # the raw row of an entry Letterboxd's likes alone made (before likes were likes)
_UNWATCHED = ("liked films that an earlier import had as watched on the day of the import are likes again,"
              " not history")


@dataclass
class ImportReport:
    """What one export (a file, or the files of one Letterboxd export) held and what became of it."""

    format: str
    file: str  # the file's name, or the names joined
    files: list[str] = field(default_factory=list)
    layout: str = ""  # which export of the service
    detected: str = ""  # why it was taken for that format
    guessed: bool = False  # recognised from the shape of its data, not from named columns
    encoding: str = ""
    rows: int = 0  # records read (after merging the files of one export)
    imported: int = 0  # history entries added or changed
    added: int = 0
    updated: int = 0
    unchanged: int = 0  # already in the history exactly so
    repeated: int = 0  # rows naming an entry an earlier row of this export made (two editions, a re-read)
    history: int = 0  # read or watched (or being read)
    saved: int = 0  # want-to-read / watchlist rows saved for later
    negative: int = 0  # did not finish, or not interested
    against: int = 0  # entries that count against what resembles them in ranking (rated low, not finished)
    against_rating: float | None = None  # the highest rating among them, on the export's scale
    liked: int = 0  # liked, never said to be watched or read: a like mark, not history
    shelved: dict[str, int] = field(default_factory=dict)  # unrated rows on shelves that say nothing
    matched: int = 0  # rows matched to a catalog item
    unmatched: int = 0  # rows that became items of the person's own
    loose: list[dict[str, Any]] = field(default_factory=list)  # loose matches, for the person to check
    loose_count: int = 0
    unmatched_sample: list[dict[str, Any]] = field(default_factory=list)
    skipped: int = 0
    skipped_reasons: dict[str, int] = field(default_factory=dict)
    notes: dict[str, int] = field(default_factory=dict)
    rating_scale: list[float] | None = None
    already_imported: bool = False

    @property
    def match_rate(self) -> float:
        return self.matched / max(self.matched + self.unmatched, 1)

    def as_dict(self) -> dict[str, Any]:
        return {**asdict(self), "match_rate": round(self.match_rate, 4)}


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


def counted_against(entries: Sequence[HistoryEntry], params: RankingParams) -> set[int]:
    """The entries that count against what resembles them in ranking: those whose evidence weight is
    negative, by the very function the recommender weighs the history with (a rating below the person's
    own neutral point, a book or film not finished, or whatever the settings make negative)."""
    weights = scoring.evidence_weights(entries, params=params)
    return {int(e.item.id or 0) for e, w in zip(entries, weights) if w < 0}


class HistoryService:
    def __init__(self, store: Store, lookup: ItemLookup, embeddings: EmbeddingService | None = None, *,
                 params: Callable[[], RankingParams] = RankingParams) -> None:
        self.store = store
        self.params = params  # the ranking's parameters now, for what counts against
        self.lookup = lookup
        self.embeddings = embeddings
        self._bare: dict[int, Any] = {}  # catalog item id -> vector of its "Title. By Author."
        self._listed: dict[tuple[int, str], list[Viewing]] = {}  # (item, format) -> viewings of this export
        self._outcome: dict[int, str] = {}  # item -> what its last row of this export did to the entry
        self._like_made: set[int] | None = None  # entries made of a like alone (read when a like alone is met)
        self._stored: set[int] = set()  # the history entries this export wrote or left as they were
        self._hashes: dict[Path, str] = {}  # each file's SHA-256, logged with its report once all are counted

    def entries(self) -> list[HistoryEntry]:
        return self.store.history.entries()

    def saved_count(self) -> int:
        """Titles saved for later (a watchlist, a to-read shelf) that are not in the history."""
        held = self.store.history.item_ids()
        return len({i for i, kind in self.store.feedback.all() if kind == "saved" and i not in held})

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
            raise InputError(f"A rating must be between {scale[0]:g} and {scale[1]:g}, not {rating:g}.",
                             zh=f"评分必须在 {scale[0]:g} 到 {scale[1]:g} 之间，不能是 {rating:g}。")
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
            raise NotFound("Your history is empty: there is nothing to remove.",
                           zh="你的历史记录是空的：没有可删除的内容。")
        item = self.lookup.find(query, among=in_history)
        assert item.id is not None
        self.store.history.remove(item.id)
        return item

    def set_rating(self, item_id: int, rating: float | None, *, scale: tuple[float, float] = (0.5, 5.0)) -> None:
        """Change (or clear) the rating of a history entry."""
        if rating is not None and not scale[0] <= rating <= scale[1]:
            raise InputError(f"A rating must be between {scale[0]:g} and {scale[1]:g}.",
                             zh=f"评分必须在 {scale[0]:g} 到 {scale[1]:g} 之间。")
        if not self.store.history.set_rating(item_id, rating, scale):
            raise NotFound("That item is not in your history.")

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

    def marks(self) -> dict[int, set[str]]:
        """The person's marks by item: like, dislike, not_interested, saved (to read, watchlist, save for later)."""
        out: dict[int, set[str]] = {}
        for item_id, kind in self.store.feedback.all():
            out.setdefault(int(item_id), set()).add(kind)
        return out

    def set_feedback(self, query: str, kind: str | None) -> Item:
        """Mark an item liked, disliked, not interested or saved; ``None`` clears all marks."""
        item = self.lookup.find(query)
        assert item.id is not None
        if kind is None:
            self.store.feedback.clear(item.id)
        else:
            self.store.feedback.set(item.id, kind)
        return item

    def import_file(self, path: Path | str, **options: Any) -> ImportReport:
        """Import one export file (see ``import_files``); a folder may hold several exports."""
        reports = self.import_files([Path(path)], **options)
        if len(reports) != 1:
            raise InputError(f"{Path(path).name} holds {len(reports)} exports: use import_files.")
        return reports[0]

    def import_files(
        self,
        paths: list[Path] | list[str],
        *,
        format: str | None = None,
        mapping: str | dict[str, str] | None = None,
        kind: str | None = None,
        encoding: str | None = None,
        scale: str | None = None,
        shelves: list[str] | dict[str, str] | None = None,
        progress: Progress = no_progress,
        cancel: CancelToken | None = None,
        limits: Limits = LIMITS,
    ) -> list[ImportReport]:
        """Import exports in one transaction: all of them, or (on any error or kill) none.

        Each path is a file or a folder. The format of each file (Goodreads, Letterboxd ZIP
        or CSVs, StoryGraph, IMDb, or a generic CSV) is detected unless given; the loose
        CSVs of one Letterboxd export are merged. ``mapping`` names the columns of a
        generic CSV; ``shelves`` says what custom shelves mean ("literature=read").
        """
        if isinstance(mapping, str):
            mapping = parse_mapping(mapping)
        if not isinstance(shelves, dict):
            shelves = parse_shelf_map(shelves)
        self._bare.clear()  # vectors of the model in use now
        self._hashes.clear()
        self._own_ids: dict[str, int] | None = None  # source id -> item of the person's own, read when needed
        sources = open_sources([Path(p) for p in paths], format=format, mapping=mapping or None, kind=kind,
                               encoding=encoding, scale=_parse_scale(scale), shelves=shelves, limits=limits)
        reports: list[ImportReport] = []
        try:
            multilingual = self.embeddings.multilingual if self.embeddings else None
            matcher = Matcher(self.store, similarity=self._similarity if self.embeddings else None,
                              translations=_normalised(multilingual.encode) if multilingual is not None else None)
            with self.store.transaction():
                stored: list[set[int]] = []
                for source in sources:
                    reports.append(self._import_source(source, matcher, progress, cancel))
                    stored.append(set(self._stored))
                    if sum(r.rows for r in reports) > limits.rows:
                        raise InputError(f"These files hold more than {limits.rows:,} rows together: more than"
                                         " one person's history, so nothing was imported.",
                                         hint="Import one export at a time.")
                self._count_against(reports, stored)
                for source, report in zip(sources, reports):
                    for path in source.paths:
                        self.store.imports.record(sha256=self._hashes[path], path=str(path), format=report.format,
                                                  report=report.as_dict())
        finally:
            for source in sources:
                source.close()
        self.lookup.invalidate()
        return reports

    def _import_source(self, source: Source, matcher: Matcher, progress: Progress,
                       cancel: CancelToken | None) -> ImportReport:
        report = ImportReport(
            format=source.format, file=", ".join(source.files), files=list(source.files), layout=source.layout,
            detected=source.why, guessed=source.guessed, encoding=source.encoding,
            rating_scale=list(source.rating_scale) if source.rating_scale else None,
        )
        self._listed.clear()  # (a failed import's rows were rolled back)
        self._outcome.clear()
        self._like_made = None
        self._stored.clear()
        self._unsettled: list[tuple[int, ImportRow]] = []  # rows that matched and named nothing (Matcher.settle)
        files = list(source.paths)
        hashes = [sha256_file(p) for p in files]
        self._hashes.update(zip(files, hashes))
        report.already_imported = bool(hashes) and all(self.store.imports.seen(h) for h in hashes)
        reasons: Counter[str] = Counter()
        label = f"Importing {report.file}"
        progress(0, source.size, label)
        tag = f"{source.format}:{files[0].name if len(files) == 1 else report.file}"[:200]
        records, kind = self._settle_kind(source, matcher)
        if kind is not None:
            report.notes[f"the file does not say what its rows are; read as {kind}s, as most of them match {kind}s"] = 1
        for n, record in enumerate(records):
            if n % 500 == 0:
                if cancel is not None:
                    cancel.check()
                progress(source.position(), source.size, label)
            report.rows += 1
            if isinstance(record, Skip):
                reasons[record.reason] += 1
                continue
            if kind is not None and record.kind is None:
                record = replace(record, kind=kind)
            self._store_row(record, source, matcher, report, source=tag)
        for own, named in matcher.settle(self._unsettled).items():
            self.store.history.add_names(own, named)
        self._unsettled.clear()
        self._write_viewings(report)
        report.skipped = sum(reasons.values())
        report.skipped_reasons = dict(reasons)
        kept = report.notes.pop(CJK_ONLY, 0)
        unwatched = report.notes.pop(_UNWATCHED, 0)
        report.notes = {**report.notes, **source.notes}  # the kind settled above, then what the reader saw
        if unwatched:
            report.notes[f"{_UNWATCHED}: {unwatched}"] = 1
        if kept:
            report.notes[f"{kept} rows have only a Chinese (or Japanese, Korean) title: such a title is matched only"
                         " to a catalog work whose own title it is, or of that title with the same year and the same"
                         " director or author, as a wrong match is worse than none; these are kept as your own"
                         " items"] = 1
        report.imported = report.added + report.updated
        progress(source.size, source.size, label)
        return report

    def _count_against(self, reports: list[ImportReport], stored: list[set[int]]) -> None:
        """How many of each export's entries count against in ranking, by the ranking's own rule, over the
        whole history as it now is (a rating is read against the person's own average and spread)."""
        entries = self.store.history.entries()
        against = counted_against(entries, self.params())
        for report, ids in zip(reports, stored):
            mine = [e for e in entries if e.item.id in ids and e.item.id in against]
            report.against = len(mine)
            report.against_rating = max((e.rating for e in mine if e.rating is not None and e.status != "dnf"),
                                        default=None)

    def _unwatch(self, item_id: int, origin: str, report: ImportReport) -> None:
        """A film an earlier import made watched (on the day of the import) from its like alone: the like
        stays, the entry goes. An entry another file, or the person, rated or added is left as it is."""
        if self._like_made is None:
            raw = self.store.history.raw_rows()
            self._like_made = {int(e.item.id or 0) for e in self.store.history.entries()
                               if e.rating is None and e.source.startswith(f"{origin}:")
                               and set(raw.get(int(e.item.id or 0)) or {}) == {_LIKES}}
        if item_id in self._like_made:
            self._like_made.discard(item_id)
            self.store.history.remove(item_id)
            self.store.history.set_viewings(item_id, origin, [])
            report.notes[_UNWATCHED] = report.notes.get(_UNWATCHED, 0) + 1
            report.updated += 1

    def _write_viewings(self, report: ImportReport) -> None:
        """Each item's viewings as this export lists them; an entry the file left as it was but whose
        viewings changed (a new diary entry of a film already there) counts as updated."""
        for (item_id, origin), viewings in self._listed.items():
            if self.store.history.set_viewings(item_id, origin, viewings) and self._outcome.get(item_id) == "unchanged":
                self._outcome[item_id] = "updated"
                report.unchanged -= 1
                report.updated += 1
        self._listed.clear()
        self._outcome.clear()

    @staticmethod
    def _settle_kind(source: Source, matcher: Matcher) -> tuple[Iterator[ImportRow | Skip], str | None]:
        """For a file that does not say whether it lists films or books: the kind most of its first
        rows match, when they clearly agree ("Alien (1979)" in a list of films is the film)."""
        if source.kind is not None:
            return source.records, None
        head = list(islice(source.records, _KIND_SAMPLE))
        kinds = Counter()
        for record in head:
            if isinstance(record, ImportRow) and record.kind is None:
                found = matcher.match(record)
                if found.item_id is not None:
                    kinds[matcher.kind_of(found.item_id)] += 1
        top = kinds.most_common(1)
        kind = top[0][0] if top and top[0][1] >= 0.9 * sum(kinds.values()) else None
        return chain(head, source.records), kind

    def _own_item(self, row: ImportRow, src: Source) -> int:
        """The person's own item for an unmatched row: found again by the source's id of it ("douban:1292052"),
        so a re-import updates the entry even under a changed title; else by its kind, title and year."""
        if row.alt_ids and self._own_ids is None:
            self._own_ids = self.store.items.own_alt_ids()
        found = next((self._own_ids[a] for a in row.alt_ids if a in self._own_ids), None) if self._own_ids else None
        if found is not None:
            return found
        item_id = self.store.items.add_own(
            Item(title=row.title, year=row.year, kind=row.kind or src.kind or "other", creators=row.creators,
                 imdb=row.imdb, tmdb=row.tmdb, isbn13=row.isbn13, goodreads=row.goodreads,
                 alt_titles=row.alt_titles, alt_ids=row.alt_ids, genres=row.genres, description=row.description)
        )
        if self._own_ids is not None:
            self._own_ids.update({a: item_id for a in row.alt_ids})
        return item_id

    def _similarity(self, text: str, item_ids: Sequence[int]) -> list[float]:
        """Cosine of a row's "Title. By Author." to the same short text of catalog items: like with
        like (an item's full text, with genres and tags, would be further from any bare title)."""
        assert self.embeddings is not None
        embedder = self.embeddings.embedder
        todo = [i for i in item_ids if i not in self._bare]
        if todo:
            items = self.store.items.get_many(todo)
            texts = [f"{items[i].title}. By {', '.join(items[i].creators)}." for i in todo]
            self._bare.update(zip(todo, embedder.encode(texts)))
        row = embedder.encode([text])[0]
        return [float(self._bare[i] @ row) for i in item_ids]

    def _file_title(self, row: ImportRow, item_id: int) -> str | None:
        """The row's own title where the catalog item it matched is called otherwise ("Sur la route": On the Road,
        "功夫": Kung Fu Hustle); None where it is the same title, a series suffix or an edition's note aside."""
        item = self.store.items.get(item_id)
        if item is None or match_key(item.title) in title_keys(row.title, book=row.kind == "book"):
            return None
        return row.title

    def _store_row(self, row: ImportRow, src: Source, matcher: Matcher, report: ImportReport, *,
                   source: str) -> None:
        row = mended(row)
        found: Match = matcher.match(row)
        item_id = found.item_id
        if item_id is None:
            report.unmatched += 1
            if len(report.unmatched_sample) < _SAMPLE:
                report.unmatched_sample.append({"line": row.line, "title": row.title, "year": row.year,
                                                "creators": list(row.creators[:2]), "reason": found.reason})
            if found.reason.startswith(CJK_ONLY):
                report.notes[CJK_ONLY] = report.notes.get(CJK_ONLY, 0) + 1
            item_id = self._own_item(row, src)
            if not found.also and row.kind == "book" and row.creators:
                self._unsettled.append((item_id, row))
        else:
            report.matched += 1
            if found.loose:
                report.loose_count += 1
                if len(report.loose) < _LOOSE_KEPT:
                    item = self.store.items.get(item_id)
                    report.loose.append({"line": row.line, "title": row.title, "creators": list(row.creators[:2]),
                                         "matched": item.label if item else str(item_id), "item_id": item_id,
                                         "how": found.how})
        if found.also:
            self.store.history.add_names(item_id, found.also)
        if row.liked:
            # A like alone was seen all the same: the import says so, and it is never recommended back.
            self.store.feedback.set(item_id, "like", origin=src.format if row.liked_only else None)
        if row.liked_only:
            report.liked += 1
            self._unwatch(item_id, src.format, report)
            return
        if row.saved or row.not_interested:
            if self.store.history.status_of(item_id) == "shelved":
                self.store.history.remove(item_id)  # a shelf re-mapped since the last import
            self.store.feedback.set(item_id, "saved" if row.saved else "not_interested", origin=src.format)
            if row.saved:
                report.saved += 1
            else:
                report.negative += 1
            return
        repeat = item_id in self._stored  # a fresh import said "14 changed" of mmai's two-copy rows
        outcome = self.store.history.upsert(
            item_id, rating=row.rating, scale=row.scale, consumed_at=row.consumed_at,
            source=source, raw=row.raw, status=row.status, shelf=row.shelf if row.status == "shelved" else None,
            file_title=self._file_title(row, item_id) if found.item_id is not None else None,
        )
        self._stored.add(item_id)
        if row.viewings:
            # Two rows of one import can be one item (two editions read): each read counts. Written when
            # the export is read (_write_viewings), so that an unchanged file changes nothing.
            self._listed.setdefault((item_id, src.format), []).extend(row.viewings)
            if not repeat:  # (the export's first row of the item says what the import did to it)
                self._outcome[item_id] = outcome
        if row.status == "shelved":
            shelf = row.shelf or "?"
            report.shelved[shelf] = report.shelved.get(shelf, 0) + 1
        elif row.status == "dnf":
            report.negative += 1
        else:
            report.history += 1
        if repeat:
            report.repeated += 1
        elif outcome == "added":
            report.added += 1
        elif outcome == "updated":
            report.updated += 1
        else:
            report.unchanged += 1


def _normalised(encode: Callable[[list[str]], np.ndarray]) -> Callable[[Sequence[str]], np.ndarray]:
    """Titles' vectors by the multilingual model, L2-normalised (for the matcher's Chinese-only rows)."""
    def vectors(texts: Sequence[str]) -> np.ndarray:
        v = np.asarray(encode(list(texts)), dtype=np.float32)
        return v / np.maximum(np.linalg.norm(v, axis=1, keepdims=True), 1e-12)
    return vectors
