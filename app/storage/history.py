"""The person's history and feedback."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, Literal

from app.core.stats import Viewing
from app.core.types import FEEDBACK_KINDS, HistoryEntry
from app.storage.db import Database, now
from app.storage.items import ITEM_COLUMN_COUNT, ITEM_COLUMNS, row_to_item

__all__ = ["FeedbackRepository", "HistoryRepository", "Outcome"]

Outcome = Literal["added", "updated", "unchanged"]


def _norm(rating: float | None, lo: float | None, hi: float | None) -> float | None:
    if rating is None or lo is None or hi is None or hi <= lo:
        return None
    return min(1.0, max(0.0, (rating - lo) / (hi - lo)))


class HistoryRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    def upsert(
        self,
        item_id: int,
        *,
        rating: float | None = None,
        scale: tuple[float, float] | None = None,
        consumed_at: str | None = None,
        source: str = "manual",
        raw: dict[str, Any] | None = None,
        status: str = "done",
        shelf: str | None = None,
        file_title: str | None = None,
    ) -> Outcome:
        """Add an entry, or merge into the existing one for the item.

        A new rating replaces the old one, the latest consumed date is kept. Writing
        what is already there changes nothing, so re-importing a file is a no-op.
        """
        lo, hi = scale if scale else (None, None)
        raw_json = json.dumps(raw, ensure_ascii=False, sort_keys=True) if raw is not None else None
        with self.db.transaction() as conn:
            old = conn.execute(
                "SELECT rating, rating_min, rating_max, consumed_at, source, raw, status, shelf, file_title"
                " FROM history WHERE item_id = ?",
                (item_id,),
            ).fetchone()
            if old is None:
                conn.execute(
                    "INSERT INTO history (item_id, rating, rating_min, rating_max, rating_norm,"
                    " consumed_at, source, raw, added_at, status, shelf, file_title) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                    (item_id, rating, lo, hi, _norm(rating, lo, hi), consumed_at, source,
                     raw_json, now(), status, shelf, file_title),
                )
                return "added"
            if rating is None:
                rating, lo, hi = old[0], old[1], old[2]
            if consumed_at is None or (old[3] and old[3] > consumed_at):
                consumed_at = old[3]
            if raw_json is None:
                raw_json = old[5]
            if file_title is None:
                file_title = old[8]
            new = (rating, lo, hi, consumed_at, source, raw_json, status, shelf, file_title)
            if new == tuple(old):
                return "unchanged"
            conn.execute(
                "UPDATE history SET rating=?, rating_min=?, rating_max=?, rating_norm=?,"
                " consumed_at=?, source=?, raw=?, status=?, shelf=?, file_title=? WHERE item_id=?",
                (rating, lo, hi, _norm(rating, lo, hi), consumed_at, source, raw_json, status, shelf, file_title,
                 item_id),
            )
            return "updated"

    def set_rating(self, item_id: int, rating: float | None, scale: tuple[float, float] | None) -> bool:
        """Replace (or clear) an entry's rating, normalised as ``upsert`` does; False if there is no entry."""
        lo, hi = scale if rating is not None and scale else (None, None)
        with self.db.transaction() as conn:
            return conn.execute(
                "UPDATE history SET rating = ?, rating_min = ?, rating_max = ?, rating_norm = ? WHERE item_id = ?",
                (rating, lo, hi, _norm(rating, lo, hi), item_id)).rowcount > 0

    def remove(self, item_id: int) -> bool:
        with self.db.transaction() as conn:
            return conn.execute("DELETE FROM history WHERE item_id = ?", (item_id,)).rowcount > 0

    def entries(self) -> list[HistoryEntry]:
        """Every entry, latest first."""
        rows = self.db.read(
            f"SELECT {ITEM_COLUMNS}, h.rating, h.rating_min, h.rating_max, h.rating_norm,"
            " h.consumed_at, h.source, h.added_at, h.id, h.status, h.shelf, h.file_title FROM history h"
            " JOIN items ON items.id = h.item_id JOIN catalogs ON catalogs.id = items.catalog_id"
            " ORDER BY COALESCE(h.consumed_at, substr(h.added_at, 1, 10)) DESC, h.id DESC"
        )
        n = ITEM_COLUMN_COUNT
        return [
            HistoryEntry(
                item=row_to_item(r[:n]),
                rating=r[n],
                rating_min=r[n + 1],
                rating_max=r[n + 2],
                rating_norm=r[n + 3],
                consumed_at=r[n + 4],
                source=r[n + 5],
                added_at=r[n + 6],
                seq=r[n + 7],
                status=r[n + 8],
                shelf=r[n + 9],
                file_title=r[n + 10],
            )
            for r in rows
        ]

    def item_ids(self) -> set[int]:
        return {r[0] for r in self.db.read("SELECT item_id FROM history")}

    def status_of(self, item_id: int) -> str | None:
        rows = self.db.read("SELECT status FROM history WHERE item_id = ?", (item_id,))
        return str(rows[0][0]) if rows else None

    def add_names(self, item_id: int, named_ids: Sequence[int]) -> None:
        """Record that an entry also names these catalog items (other editions, ambiguous candidates)."""
        with self.db.transaction() as conn:
            conn.executemany("INSERT OR IGNORE INTO also_named (item_id, named_id) VALUES (?, ?)",
                             [(item_id, n) for n in named_ids if n != item_id])

    def forget_names(self, named_ids: Sequence[int] | set[int]) -> None:
        """No entry names these items any more (a replay holds them out)."""
        with self.db.transaction() as conn:
            conn.executemany("DELETE FROM also_named WHERE named_id = ?", [(int(i),) for i in named_ids])

    def named_ids(self) -> set[int]:
        """Catalog items the history names besides its own items: never recommended."""
        return {r[0] for r in self.db.read(
            "SELECT named_id FROM also_named WHERE item_id IN (SELECT item_id FROM history)")}

    def names_of(self, item_ids: set[int]) -> set[int]:
        """Catalog items that these items' rows name besides them (a to-read row's likely translation)."""
        return {named for item, named in self.db.read("SELECT item_id, named_id FROM also_named") if item in item_ids}

    def count(self) -> int:
        return int(self.db.read("SELECT COUNT(*) FROM history")[0][0])

    def set_viewings(self, item_id: int, origin: str, viewings: Sequence[Viewing]) -> bool:
        """Replace what ``origin`` (a format) says of the item's viewings; False if it said exactly that already
        (a re-imported file changes nothing)."""
        new = [(n, v.date, int(v.rewatch), v.rating, v.pages) for n, v in enumerate(viewings)]
        with self.db.transaction() as conn:
            old = conn.execute("SELECT n, date, rewatch, rating, pages FROM viewings WHERE item_id = ? AND origin = ?"
                               " ORDER BY n", (item_id, origin)).fetchall()
            if [tuple(r) for r in old] == new:
                return False
            conn.execute("DELETE FROM viewings WHERE item_id = ? AND origin = ?", (item_id, origin))
            conn.executemany("INSERT INTO viewings (item_id, origin, n, date, rewatch, rating, pages)"
                             " VALUES (?,?,?,?,?,?,?)", [(item_id, origin, *row) for row in new])
            return True

    def viewings(self) -> list[tuple[Any, ...]]:
        """Every finished entry with its viewings, for the statistics: (item row..., rating, rating_min,
        rating_max, consumed_at, origin, date, rewatch, viewing rating, pages); origin is None for an entry
        no export listed viewings of (one viewing, on the entry's date)."""
        return self.db.read(
            f"SELECT {ITEM_COLUMNS}, h.rating, h.rating_min, h.rating_max, h.consumed_at,"
            " v.origin, v.date, v.rewatch, v.rating, v.pages FROM history h"
            " JOIN items ON items.id = h.item_id JOIN catalogs ON catalogs.id = items.catalog_id"
            " LEFT JOIN viewings v ON v.item_id = h.item_id"
            " WHERE h.status = 'done' ORDER BY h.id, v.origin, v.n"
        )

    def all_viewings(self) -> list[dict[str, Any]]:
        """The viewings of the entries in the history, as stored (for the export of everything)."""
        rows = self.db.read("SELECT item_id, origin, n, date, rewatch, rating, pages FROM viewings"
                            " WHERE item_id IN (SELECT item_id FROM history) ORDER BY item_id, origin, n")
        keys = ("item_id", "origin", "n", "date", "rewatch", "rating", "pages")
        return [dict(zip(keys, r)) for r in rows]

    def raw_rows(self) -> dict[int, Any]:
        """item id -> the row of the file it was imported from, as stored (reviews and notes included)."""
        rows = self.db.read("SELECT item_id, raw FROM history WHERE raw IS NOT NULL")
        return {int(i): json.loads(r) for i, r in rows}


class FeedbackRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    def set(self, item_id: int, kind: str, *, origin: str | None = None) -> None:
        """Mark an item; ``origin`` is the import format that says so (None: the person did)."""
        if kind not in FEEDBACK_KINDS:
            raise ValueError(kind)
        opposite = {"like": "dislike", "dislike": "like"}.get(kind)
        with self.db.transaction() as conn:
            if opposite:
                conn.execute(
                    "DELETE FROM feedback WHERE item_id = ? AND kind = ?", (item_id, opposite)
                )
            conn.execute(
                "INSERT INTO feedback (item_id, kind, created_at, origin) VALUES (?, ?, ?, ?)"
                " ON CONFLICT (item_id, kind) DO UPDATE SET origin = COALESCE(excluded.origin, origin)",
                (item_id, kind, now(), origin),
            )

    def imported(self, *kinds: str) -> set[int]:
        """The items an import marked so (a film liked on Letterboxd: seen, so never recommended back)."""
        marks = ",".join("?" * len(kinds))
        return {r[0] for r in self.db.read(
            f"SELECT item_id FROM feedback WHERE kind IN ({marks}) AND origin IS NOT NULL", kinds)}

    def clear(self, item_id: int, kinds: Sequence[str] = FEEDBACK_KINDS) -> None:
        marks = ",".join("?" * len(kinds))
        with self.db.transaction() as conn:
            conn.execute(
                f"DELETE FROM feedback WHERE item_id = ? AND kind IN ({marks})",
                (item_id, *kinds),
            )

    def all(self) -> list[tuple[int, str]]:
        return [(r[0], r[1]) for r in self.db.read("SELECT item_id, kind FROM feedback ORDER BY created_at")]
