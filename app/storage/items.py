"""Catalogs, items and their item-to-item weights."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

import numpy as np

from app.core.text import ABOUT_ENOUGH, item_text, label_key, normalize_title, text_hash
from app.core.types import Item
from app.storage.db import Database, now

__all__ = ["ITEM_COLUMN_COUNT", "CatalogInfo", "ItemRepository", "UniverseRows", "USER_CATALOG"]

USER_CATALOG = "user"  # items of the person's own that no catalog knows

ITEM_COLUMNS = (
    "items.id, catalogs.name, items.source_key, items.kind, items.title, items.year, "
    "items.creators, items.description, items.genres, items.tags, items.alt_titles, "
    "items.imdb, items.tmdb, items.goodreads, items.isbn13, items.popularity, items.alt_ids, "
    "items.runtime"
)


def row_to_item(row: Sequence) -> Item:
    return Item(
        id=row[0],
        catalog=row[1],
        source_key=row[2],
        kind=row[3],
        title=row[4],
        year=row[5],
        creators=tuple(json.loads(row[6])),
        description=row[7],
        genres=tuple(json.loads(row[8])),
        tags=tuple(json.loads(row[9])),
        alt_titles=tuple(json.loads(row[10])),
        imdb=row[11],
        tmdb=row[12],
        goodreads=row[13],
        isbn13=row[14],
        popularity=row[15],
        alt_ids=tuple(json.loads(row[16])),
        runtime=row[17],
    )


ITEM_COLUMN_COUNT = 18


_FTS_WORD = re.compile(r"[^\W_]+")  # FTS5 query syntax is never passed through: only quoted words
_FTS_STOP = frozenset("a an the of and or in on at to for with by from about is are was it its as that this "
                      "i me my you your some any very".split())


@dataclass(frozen=True)
class CatalogInfo:
    id: int
    name: str
    title: str
    kind: str
    version: str
    bundled: bool
    license: str
    attribution: str
    items: int


@dataclass(frozen=True, eq=False)
class UniverseRows:
    """Every item as parallel arrays, the raw material of the ranking universe."""

    ids: np.ndarray
    catalog_ids: np.ndarray
    kinds: np.ndarray  # str
    years: np.ndarray  # float, nan where unknown
    popularity: np.ndarray


def _other_work(ids: Sequence[str], others: Sequence[str]) -> bool:
    """Whether two items' source ids name two works: none in common, and one scheme ("douban:") with two numbers."""
    if set(ids) & set(others):
        return False
    schemes = {i.partition(":")[0] for i in ids}
    return any(o.partition(":")[0] in schemes for o in others)


class ItemRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    # -- catalogs ---------------------------------------------------------------

    def catalogs(self) -> list[CatalogInfo]:
        rows = self.db.read(
            "SELECT c.id, c.name, c.title, c.kind, c.version, c.bundled, c.license, c.attribution,"
            " (SELECT COUNT(*) FROM items WHERE catalog_id = c.id) FROM catalogs c ORDER BY c.id"
        )
        return [CatalogInfo(r[0], r[1], r[2], r[3], r[4], bool(r[5]), r[6], r[7], r[8]) for r in rows]

    def catalog(self, name: str) -> CatalogInfo | None:
        rows = self.db.read(
            "SELECT id, name, title, kind, version, bundled, license, attribution FROM catalogs WHERE name = ?",
            (name,),
        )
        if not rows:
            return None
        r = rows[0]
        count = self.db.read("SELECT COUNT(*) FROM items WHERE catalog_id = ?", (r[0],))[0][0]
        return CatalogInfo(r[0], r[1], r[2], r[3], r[4], bool(r[5]), r[6], r[7], count)

    def catalog_id(self, name: str) -> int | None:
        rows = self.db.read("SELECT id FROM catalogs WHERE name = ?", (name,))
        return int(rows[0][0]) if rows else None

    def upsert_catalog(
        self,
        *,
        name: str,
        title: str,
        kind: str,
        version: str = "",
        bundled: bool = False,
        license: str = "",
        attribution: str = "",
    ) -> int:
        with self.db.transaction() as conn:
            conn.execute(
                "INSERT INTO catalogs (name, title, kind, version, bundled, license, attribution,"
                " installed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(name) DO UPDATE SET"
                " title=excluded.title, kind=excluded.kind, version=excluded.version,"
                " bundled=excluded.bundled, license=excluded.license,"
                " attribution=excluded.attribution, installed_at=excluded.installed_at",
                (name, title, kind, version, int(bundled), license, attribution, now()),
            )
            return int(conn.execute("SELECT id FROM catalogs WHERE name = ?", (name,)).fetchone()[0])

    def user_catalog_id(self) -> int:
        found = self.catalog_id(USER_CATALOG)
        if found is not None:
            return found
        return self.upsert_catalog(name=USER_CATALOG, title="My own items", kind="mixed")

    # -- items --------------------------------------------------------------------

    def upsert_items(self, catalog_id: int, items: Iterable[Item]) -> dict[str, int]:
        """Insert or update items by (catalog, source_key); ids of existing items stay."""
        sql = (
            "INSERT INTO items (catalog_id, source_key, kind, title, year, creators, description,"
            " genres, tags, alt_titles, imdb, tmdb, goodreads, isbn13, popularity, text_hash,"
            " norm_title, alt_ids, runtime) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"
            " ON CONFLICT(catalog_id, source_key) DO UPDATE SET kind=excluded.kind,"
            " title=excluded.title, year=excluded.year, creators=excluded.creators,"
            " description=excluded.description, genres=excluded.genres, tags=excluded.tags,"
            " alt_titles=excluded.alt_titles, imdb=excluded.imdb, tmdb=excluded.tmdb,"
            " goodreads=excluded.goodreads, isbn13=excluded.isbn13,"
            " popularity=excluded.popularity, text_hash=excluded.text_hash,"
            " norm_title=excluded.norm_title, alt_ids=excluded.alt_ids, runtime=excluded.runtime"
        )
        with self.db.transaction() as conn:
            conn.executemany(sql, (self._params(catalog_id, it) for it in items))
            rows = conn.execute(
                "SELECT source_key, id FROM items WHERE catalog_id = ?", (catalog_id,)
            ).fetchall()
        return dict(rows)

    @staticmethod
    def _params(catalog_id: int, it: Item) -> tuple:
        return (
            catalog_id,
            it.source_key,
            it.kind,
            it.title,
            it.year,
            json.dumps(list(it.creators), ensure_ascii=False),
            it.description,
            json.dumps(list(it.genres), ensure_ascii=False),
            json.dumps(list(it.tags), ensure_ascii=False),
            json.dumps(list(it.alt_titles), ensure_ascii=False),
            it.imdb,
            it.tmdb,
            it.goodreads,
            it.isbn13,
            it.popularity,
            text_hash(item_text(it)),
            normalize_title(it.title),
            json.dumps(list(it.alt_ids), ensure_ascii=False),
            it.runtime if it.runtime and it.runtime > 0 else None,
        )

    def add_own(self, item: Item) -> int:
        """Add (or find) an item of the person's own, keyed by kind, title and year.

        A missing year matches any year: "Piranesi" from one export and "Piranesi (2020)"
        from another are one book.
        """
        catalog_id = self.user_catalog_id()
        norm = normalize_title(item.title)
        key = f"{item.kind}:{norm}:{item.year or ''}"
        own = replace(item, catalog=USER_CATALOG, source_key=key, id=None)
        with self.db.transaction() as conn:
            for found, year, alt_ids in conn.execute(
                "SELECT id, year, alt_ids FROM items WHERE catalog_id = ? AND kind = ? AND norm_title = ?"
                " ORDER BY year IS NULL, id",
                (catalog_id, item.kind, norm),
            ).fetchall():
                if _other_work(item.alt_ids, json.loads(alt_ids)):
                    # Two Douban subjects of one title: two works, told apart by the id in the key.
                    own = replace(own, source_key=f"{key}:{item.alt_ids[0]}")
                    continue
                if item.year is None or year is None or year == item.year:
                    return int(found)
            conn.execute(
                "INSERT INTO items (catalog_id, source_key, kind, title, year, creators, description,"
                " genres, tags, alt_titles, imdb, tmdb, goodreads, isbn13, popularity, text_hash,"
                " norm_title, alt_ids, runtime) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                self._params(catalog_id, own),
            )
            return int(conn.execute("SELECT last_insert_rowid()").fetchone()[0])

    def own_alt_ids(self) -> dict[str, int]:
        """The source ids ("douban:1292052") of the person's own items, to find an item again by its id."""
        rows = self.db.read("SELECT items.id, items.alt_ids FROM items JOIN catalogs ON catalogs.id = items.catalog_id"
                            " WHERE catalogs.name = ? AND items.alt_ids != '[]'", (USER_CATALOG,))
        return {alt: int(item_id) for item_id, alt_ids in rows for alt in json.loads(alt_ids)}

    def get(self, item_id: int) -> Item | None:
        rows = self.db.read(
            f"SELECT {ITEM_COLUMNS} FROM items JOIN catalogs ON catalogs.id = items.catalog_id"
            " WHERE items.id = ?",
            (item_id,),
        )
        return row_to_item(rows[0]) if rows else None

    def get_many(self, item_ids: Sequence[int]) -> dict[int, Item]:
        rows = self.db.read_in(f"SELECT {ITEM_COLUMNS} FROM items JOIN catalogs ON catalogs.id = items.catalog_id"
                               " WHERE items.id IN ({marks})", (int(i) for i in item_ids))
        return {row[0]: row_to_item(row) for row in rows}

    def by_norm_title(self, norm_title: str, year: int | None = None) -> list[Item]:
        sql = (
            f"SELECT {ITEM_COLUMNS} FROM items JOIN catalogs ON catalogs.id = items.catalog_id"
            " WHERE items.norm_title = ?"
        )
        params: tuple = (norm_title,)
        if year is not None:
            sql += " AND items.year = ?"
            params += (year,)
        return [row_to_item(r) for r in self.db.read(sql + " ORDER BY items.id", params)]

    def search(self, *, catalog: str | None = None, text: str = "", kind: str | None = None,
               year_min: int | None = None, year_max: int | None = None, limit: int = 200) -> list[Item]:
        """Items of a catalog (or all) whose title or creators contain ``text``, most popular first."""
        sql = (f"SELECT {ITEM_COLUMNS} FROM items JOIN catalogs ON catalogs.id = items.catalog_id WHERE 1=1")
        params: list = []
        if catalog:
            sql += " AND catalogs.name = ?"
            params.append(catalog)
        for clause, value in ((" AND items.kind = ?", kind), (" AND items.year >= ?", year_min),
                              (" AND items.year <= ?", year_max)):
            if value is not None:
                sql += clause
                params.append(value)
        if text.strip():
            sql += " AND (items.title LIKE ? ESCAPE '\\' OR items.creators LIKE ? ESCAPE '\\')"
            like = "%" + text.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            params += [like, like]
        sql += " ORDER BY items.popularity DESC, items.id LIMIT ?"
        params.append(limit)
        return [row_to_item(r) for r in self.db.read(sql, tuple(params))]

    def match_words(self, query: str, *, limit: int = 200, every: bool = False) -> list[int]:
        """Item ids whose titles, alternative titles, creators, genres, tags or descriptions hold the query's words
        (each word also as a prefix: "dun" finds Dune), best first by BM25 (titles weigh most); items
        with all the words before those with some (none of those with ``every``)."""
        words = [w for w in _FTS_WORD.findall(query.casefold()) if w not in _FTS_STOP]
        if not words:
            return []
        # A prefix only from three letters on: "a*" would match every item.
        terms = [f'"{w}"*' if len(w) >= 3 else f'"{w}"' for w in dict.fromkeys(words)]
        out: list[int] = []
        # Title 10, alternative titles 5, creators 4, genres 2, tags 1, description 0.5.
        sql = ("SELECT rowid FROM items_fts WHERE items_fts MATCH ? "
               "ORDER BY bm25(items_fts, 10.0, 5.0, 4.0, 2.0, 1.0, 0.5) LIMIT ?")
        matches = [" AND ".join(terms)] + ([" OR ".join(terms)] if len(terms) > 1 and not every else [])
        for match in matches:
            for (item_id,) in self.db.read(sql, (match, limit)):
                if item_id not in out:
                    out.append(item_id)
            if len(out) >= limit:
                break
        return out[:limit]

    def names(self) -> list[str]:
        """Every title, alternative title and creator in the database (for spotting names in text)."""
        out: set[str] = set()
        for title, alts, creators in self.db.read("SELECT title, alt_titles, creators FROM items"):
            out.add(title)
            out.update(json.loads(alts))
            out.update(json.loads(creators))
        return sorted(out)

    def creator_surnames(self) -> set[str]:
        """The last word of every creator's name, lower case ("tolkien", "nolan"): a tag that is one names a
        maker, not what a work is about."""
        out: set[str] = set()
        for (creators,) in self.db.read("SELECT DISTINCT creators FROM items WHERE creators != '[]'"):
            out.update(name.split()[-1].casefold() for name in json.loads(creators) if name.split())
        return out

    def films_known_by_title(self) -> list[int]:
        """The ids of the films whose entry says little of what they are about (fewer than ABOUT_ENOUGH
        keywords or tags, no overview): their text is their title and genres (core.text.item_text)."""
        return [r[0] for r in self.db.read(
            "SELECT id FROM items WHERE kind = 'film' AND json_array_length(tags) < ? AND description = ''"
            " ORDER BY id", (ABOUT_ENOUGH,))]

    def books_known_by_title(self) -> list[int]:
        """The ids of the books whose entry has no shelf tag and no blurb: their text is their title, authors
        and genres."""
        return [r[0] for r in self.db.read(
            "SELECT id FROM items WHERE kind = 'book' AND tags = '[]' AND description = '' ORDER BY id")]

    def titles(self) -> list[tuple[int, str, int | None, str, str]]:
        """(id, title, year, kind, alt_titles JSON) of every item, for title search."""
        return [tuple(r) for r in self.db.read("SELECT id, title, year, kind, alt_titles FROM items")]

    def film_labels(self) -> dict[int, tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]]:
        """Every film's genres, keywords and directors by id (film series read from titles need them)."""
        rows = self.db.read("SELECT id, genres, tags, creators FROM items WHERE kind = 'film'")
        return {int(i): (tuple(json.loads(g)), tuple(json.loads(t)), tuple(json.loads(c))) for i, g, t, c in rows}

    def universe_rows(self) -> UniverseRows:
        rows = self.db.read(
            "SELECT id, catalog_id, kind, year, popularity FROM items ORDER BY id"
        )
        return UniverseRows(
            ids=np.array([r[0] for r in rows], dtype=np.int64),
            catalog_ids=np.array([r[1] for r in rows], dtype=np.int64),
            kinds=np.array([r[2] for r in rows], dtype=object),
            years=np.array([np.nan if r[3] is None else r[3] for r in rows], dtype=np.float64),
            popularity=np.array([r[4] for r in rows], dtype=np.float64),
        )

    def count(self) -> int:
        return int(self.db.read("SELECT COUNT(*) FROM items")[0][0])

    def tag_counts(self) -> dict[str, int]:
        """How many catalog items carry each tag, by label_key (the person's own items left out)."""
        counts: dict[str, int] = {}
        for (name, n) in self.db.read("SELECT t.value, COUNT(*) FROM items, json_each(items.tags) AS t"
                                      " WHERE items.catalog_id NOT IN (SELECT id FROM catalogs WHERE name = ?)"
                                      " GROUP BY t.value", (USER_CATALOG,)):
            key = label_key(name)
            counts[key] = counts.get(key, 0) + int(n)
        return counts

    def genres(self) -> list[tuple[str, int]]:
        """Every genre of the catalogs with how many items have it, most common first; one name for
        genres the catalogs spell differently ("Sci-Fi", "Science fiction"). Not the genres of the person's
        own items (Douban's 武侠 would be a filter that finds nothing: no catalog item has it)."""
        counts: dict[str, int] = {}
        names: dict[str, str] = {}
        for name, n in self.db.read("SELECT g.value, COUNT(*) FROM items, json_each(items.genres) AS g"
                                    " WHERE items.catalog_id NOT IN (SELECT id FROM catalogs WHERE name = ?)"
                                    " GROUP BY g.value ORDER BY COUNT(*) DESC", (USER_CATALOG,)):
            key = label_key(name)
            counts[key] = counts.get(key, 0) + int(n)
            names.setdefault(key, name)
        return sorted(((names[k], n) for k, n in counts.items()), key=lambda kv: (-kv[1], kv[0]))

    def ids_labelled(self, label: str) -> set[int]:
        """Items with this genre or tag, however a catalog spells it."""
        key = label_key(label)
        if not key:
            return set()
        out = set()
        for item_id, genres, tags in self.db.read("SELECT id, genres, tags FROM items"):
            if any(label_key(g) == key for g in (*json.loads(genres), *json.loads(tags))):
                out.add(item_id)
        return out

    def generation(self) -> tuple[int, int]:
        """(count, largest id): changes whenever items are added or removed."""
        count, top = self.db.read("SELECT COUNT(*), COALESCE(MAX(id), 0) FROM items")[0]
        return int(count), int(top)

    def catalog_match_rows(self) -> list[tuple]:
        """What matching imported rows needs of every catalog item (not the person's own)."""
        return [
            tuple(r)
            for r in self.db.read(
                "SELECT items.id, items.title, items.year, items.kind, items.alt_titles, items.popularity,"
                " items.imdb, items.isbn13, items.goodreads, items.creators, items.alt_ids, items.tmdb FROM items"
                " JOIN catalogs ON catalogs.id = items.catalog_id WHERE catalogs.name != ?",
                (USER_CATALOG,),
            )
        ]

    # -- item-to-item weights --------------------------------------------------------

    def replace_weights(self, catalog_id: int, items: np.ndarray, neighbours: np.ndarray,
                        weights: np.ndarray) -> None:
        """A catalog's weights as parallel arrays (item ids, neighbour ids, weights), any order."""
        items = np.asarray(items, dtype=np.int64)
        order = np.lexsort((np.asarray(neighbours), items))
        items, neighbours = items[order], np.asarray(neighbours, dtype=np.int32)[order]
        weights = np.asarray(weights, dtype=np.float32)[order]
        starts = np.flatnonzero(np.r_[True, np.diff(items) != 0]) if len(items) else np.zeros(0, dtype=np.int64)
        ends = np.r_[starts[1:], len(items)]
        with self.db.transaction() as conn:
            conn.execute("DELETE FROM weight_rows WHERE catalog_id = ?", (catalog_id,))
            conn.executemany(
                "INSERT INTO weight_rows (item_id, catalog_id, neighbours, weights) VALUES (?, ?, ?, ?)",
                ((int(items[s]), catalog_id, neighbours[s:e].tobytes(), weights[s:e].tobytes())
                 for s, e in zip(starts, ends)),
            )

    def weights_from(self, item_ids: Sequence[int]) -> dict[int, tuple[np.ndarray, np.ndarray]]:
        """Row h of B for each given item: (neighbour item ids, weights)."""
        rows = self.db.read_in("SELECT item_id, neighbours, weights FROM weight_rows WHERE item_id IN ({marks})",
                               (int(i) for i in item_ids))
        return {item_id: (np.frombuffer(neighbours, dtype=np.int32).astype(np.int64),
                          np.frombuffer(weights, dtype=np.float32)) for item_id, neighbours, weights in rows}

    def weight_count(self, catalog_id: int) -> int:
        rows = self.db.read("SELECT COALESCE(SUM(LENGTH(weights)), 0) FROM weight_rows WHERE catalog_id = ?",
                            (catalog_id,))
        return int(rows[0][0]) // 4
