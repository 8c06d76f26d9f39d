"""The schema as a list of migrations; ``PRAGMA user_version`` is the index reached.

Never edit a released migration: add a new one. ``tests/storage/test_db.py`` (test_an_old_file_is_upgraded_with_its_data)
opens a file written by version 1 and checks the upgrade keeps its data.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from app.core.text import normalize_title

__all__ = ["MIGRATIONS", "SCHEMA_VERSION"]

_V1 = """
CREATE TABLE catalogs (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,          -- stable key, e.g. "movielens-small"
    title TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('book', 'film', 'other', 'mixed')),
    version TEXT NOT NULL DEFAULT '',
    bundled INTEGER NOT NULL DEFAULT 0,
    license TEXT NOT NULL DEFAULT '',
    attribution TEXT NOT NULL DEFAULT '',
    installed_at TEXT
);

CREATE TABLE items (
    id INTEGER PRIMARY KEY,
    catalog_id INTEGER NOT NULL REFERENCES catalogs(id) ON DELETE CASCADE,
    source_key TEXT NOT NULL,           -- the item's id in its source (movieId, book id, ...)
    kind TEXT NOT NULL CHECK (kind IN ('book', 'film', 'other')),
    title TEXT NOT NULL,
    year INTEGER,
    creators TEXT NOT NULL DEFAULT '[]',    -- JSON list
    description TEXT NOT NULL DEFAULT '',
    genres TEXT NOT NULL DEFAULT '[]',      -- JSON list
    tags TEXT NOT NULL DEFAULT '[]',        -- JSON list
    alt_titles TEXT NOT NULL DEFAULT '[]',  -- JSON list
    imdb TEXT, tmdb TEXT, goodreads TEXT, isbn13 TEXT,
    popularity INTEGER NOT NULL DEFAULT 0,
    text_hash TEXT NOT NULL,            -- hash of the text the item is embedded from
    UNIQUE (catalog_id, source_key)
);
CREATE INDEX items_imdb ON items(imdb) WHERE imdb IS NOT NULL;
CREATE INDEX items_goodreads ON items(goodreads) WHERE goodreads IS NOT NULL;
CREATE INDEX items_isbn13 ON items(isbn13) WHERE isbn13 IS NOT NULL;

CREATE TABLE history (
    id INTEGER PRIMARY KEY,
    item_id INTEGER NOT NULL UNIQUE REFERENCES items(id) ON DELETE CASCADE,
    rating REAL,                        -- on the source's own scale
    rating_min REAL,
    rating_max REAL,
    consumed_at TEXT,                   -- ISO date
    source TEXT NOT NULL DEFAULT 'manual',
    raw TEXT,                           -- the imported row, JSON
    added_at TEXT NOT NULL
);

CREATE TABLE feedback (
    item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('like', 'dislike', 'not_interested', 'saved')),
    created_at TEXT NOT NULL,
    PRIMARY KEY (item_id, kind)
) WITHOUT ROWID;

CREATE TABLE embeddings (
    model_id TEXT NOT NULL,
    text_hash TEXT NOT NULL,
    dim INTEGER NOT NULL,
    vector BLOB NOT NULL,               -- float32, L2-normalised
    PRIMARY KEY (model_id, text_hash)
) WITHOUT ROWID;

CREATE TABLE item_weights (
    catalog_id INTEGER NOT NULL REFERENCES catalogs(id) ON DELETE CASCADE,
    item_id INTEGER NOT NULL,
    neighbour_id INTEGER NOT NULL,
    weight REAL NOT NULL,
    PRIMARY KEY (item_id, neighbour_id)
) WITHOUT ROWID;

CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL                 -- JSON
);
"""

# Version 2: titles get a normalised search key (backfilled), the rating is kept
# normalised to [0, 1], and imports are logged by file hash so a re-import is a no-op.
_V2 = """
ALTER TABLE items ADD COLUMN norm_title TEXT NOT NULL DEFAULT '';
CREATE INDEX items_norm_title ON items(norm_title, year);
ALTER TABLE history ADD COLUMN rating_norm REAL CHECK (rating_norm BETWEEN 0 AND 1);
UPDATE history SET rating_norm = MIN(1.0, MAX(0.0, (rating - rating_min) / (rating_max - rating_min)))
    WHERE rating IS NOT NULL AND rating_max > rating_min;
CREATE TABLE imports (
    id INTEGER PRIMARY KEY,
    sha256 TEXT NOT NULL UNIQUE,
    path TEXT NOT NULL,
    format TEXT NOT NULL,
    imported_at TEXT NOT NULL,
    report TEXT NOT NULL                -- JSON
);
"""


# Version 3: how far the person got: finished, still reading/watching, or gave up
# (did-not-finish counts as a weak negative).
_V3 = """
ALTER TABLE history ADD COLUMN status TEXT NOT NULL DEFAULT 'done'
    CHECK (status IN ('done', 'reading', 'dnf'));
"""


# Version 4: explanations cached by (item, evidence, model, prompt version).
_V4 = """
CREATE TABLE explanations (
    item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
    evidence_hash TEXT NOT NULL,
    model_id TEXT NOT NULL,
    prompt_version TEXT NOT NULL,
    text TEXT NOT NULL,
    path TEXT NOT NULL CHECK (path IN ('llm', 'template')),
    verified INTEGER NOT NULL,
    cited TEXT NOT NULL,                -- JSON list of the names the text cites
    created_at TEXT NOT NULL,
    PRIMARY KEY (item_id, evidence_hash, model_id, prompt_version)
) WITHOUT ROWID;
"""


# Version 5: a catalog's item-to-item weights are stored one row per item, its neighbours and
# weights packed (int32, float32): reading the rows of a 3,000-entry history is 3,000 lookups,
# not 600,000. The weights of installed catalogs come back when they are installed again. Each
# catalog item's nearest texts are kept once computed (per model), not computed in every process.
# Imports keep what the source meant. Catalog items carry more ids of the same work
# (goodbooks' best book and work ids); an entry can be "shelved" (on a custom shelf whose name
# says nothing, a weak unrated signal) with the shelf's name; and a history entry can name
# catalog items besides its own (other editions, or the candidates of an ambiguous row), which
# are never recommended. SQLite cannot change a CHECK constraint, so history is rebuilt.
_V5 = """
ALTER TABLE items ADD COLUMN alt_ids TEXT NOT NULL DEFAULT '[]';
CREATE TABLE history_v5 (
    id INTEGER PRIMARY KEY,
    item_id INTEGER NOT NULL UNIQUE REFERENCES items(id) ON DELETE CASCADE,
    rating REAL,
    rating_min REAL,
    rating_max REAL,
    consumed_at TEXT,
    source TEXT NOT NULL DEFAULT 'manual',
    raw TEXT,
    added_at TEXT NOT NULL,
    rating_norm REAL CHECK (rating_norm BETWEEN 0 AND 1),
    status TEXT NOT NULL DEFAULT 'done' CHECK (status IN ('done', 'reading', 'dnf', 'shelved')),
    shelf TEXT
);
INSERT INTO history_v5 (id, item_id, rating, rating_min, rating_max, consumed_at, source, raw, added_at,
    rating_norm, status)
    SELECT id, item_id, rating, rating_min, rating_max, consumed_at, source, raw, added_at, rating_norm, status
    FROM history;
DROP TABLE history;
ALTER TABLE history_v5 RENAME TO history;
DROP TABLE item_weights;
CREATE TABLE weight_rows (
    item_id INTEGER PRIMARY KEY REFERENCES items(id) ON DELETE CASCADE,
    catalog_id INTEGER NOT NULL REFERENCES catalogs(id) ON DELETE CASCADE,
    neighbours BLOB NOT NULL,           -- int32 item ids
    weights BLOB NOT NULL               -- float32, one per neighbour
);
CREATE INDEX weight_rows_catalog ON weight_rows(catalog_id);
UPDATE catalogs SET version = '';
CREATE TABLE text_rows (
    model_id TEXT NOT NULL,
    k INTEGER NOT NULL,
    item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
    neighbours BLOB NOT NULL,           -- int32 item ids: the item's k nearest texts among the catalogs'
    sims BLOB NOT NULL,                 -- float32 cosines
    PRIMARY KEY (model_id, k, item_id)
) WITHOUT ROWID;
CREATE TABLE also_named (
    item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
    named_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
    PRIMARY KEY (item_id, named_id)
) WITHOUT ROWID;
"""


# v6: the person's standing interests (queries they pinned), and a full-text index over the items'
# titles, alternative titles, creators, genres, tags (JSON arrays tokenise into their words) and
# descriptions, kept in step with the items table by triggers. Each trigger is on one line: _run
# splits on ";\n".
_FTS_COLUMNS = "title, alt_titles, creators, genres, tags, description"
_NEW = "new.title, new.alt_titles, new.creators, new.genres, new.tags, new.description"
_OLD = "old.title, old.alt_titles, old.creators, old.genres, old.tags, old.description"
_V6 = f"""
CREATE TABLE interests (
    id INTEGER PRIMARY KEY,
    text TEXT NOT NULL UNIQUE,
    added_at TEXT NOT NULL
);
CREATE VIRTUAL TABLE items_fts USING fts5({_FTS_COLUMNS}, content='items', content_rowid='id',
    tokenize='unicode61 remove_diacritics 2', prefix='2 3');
CREATE TRIGGER items_fts_insert AFTER INSERT ON items BEGIN INSERT INTO items_fts(rowid, {_FTS_COLUMNS}) VALUES (new.id, {_NEW}); END;
CREATE TRIGGER items_fts_delete AFTER DELETE ON items BEGIN INSERT INTO items_fts(items_fts, rowid, {_FTS_COLUMNS}) VALUES ('delete', old.id, {_OLD}); END;
CREATE TRIGGER items_fts_update AFTER UPDATE OF {_FTS_COLUMNS} ON items BEGIN INSERT INTO items_fts(items_fts, rowid, {_FTS_COLUMNS}) VALUES ('delete', old.id, {_OLD}); INSERT INTO items_fts(rowid, {_FTS_COLUMNS}) VALUES (new.id, {_NEW}); END;
INSERT INTO items_fts(items_fts) VALUES ('rebuild')
"""


# v7: every time something was watched or read, as the export says it (a Letterboxd diary entry each,
# rewatches too; a book's date read), which the history's one row per item cannot hold. One row per
# viewing, kept per format (``origin``) so a re-import replaces that format's list for the item and an
# unchanged file changes nothing. Only entries still in the history count (a removal can be undone).
_V7 = """
CREATE TABLE viewings (
    item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
    origin TEXT NOT NULL,               -- the format that said so: "letterboxd", "goodreads", ...
    n INTEGER NOT NULL,                 -- its place in that format's list for the item
    date TEXT,                          -- ISO date, or NULL when the file gives none
    rewatch INTEGER NOT NULL DEFAULT 0, -- the file says it was seen or read before
    rating REAL,                        -- this viewing's own rating (a diary entry's), the entry's scale
    pages INTEGER,                      -- a book's pages, where the export gives them
    PRIMARY KEY (item_id, origin, n)
) WITHOUT ROWID
"""


# v8: a film's runtime in minutes, where its catalog knows it (NULL for books and the person's own items).
# The catalogs are installed again (their version forgotten), so the bundled films get theirs.
_V8 = """
ALTER TABLE items ADD COLUMN runtime INTEGER CHECK (runtime > 0);
UPDATE catalogs SET version = '' WHERE bundled = 1
"""


# v9: which import set a mark (NULL: the person, in the app or the CLI). A film liked on Letterboxd and
# named by no other file is a like, not history, yet it was seen: it is never recommended back.
_V9 = """
ALTER TABLE feedback ADD COLUMN origin TEXT
"""


# v10: the title an imported file gave an entry matched to a catalog item of another title ("Sur la route", "功夫"):
# the History shows and finds it beside the catalog's.
_V10 = """
ALTER TABLE history ADD COLUMN file_title TEXT
"""


def _backfill_norm_titles(conn: sqlite3.Connection) -> None:
    rows = conn.execute("SELECT id, title FROM items").fetchall()
    conn.executemany(
        "UPDATE items SET norm_title = ? WHERE id = ?",
        [(normalize_title(title), item_id) for item_id, title in rows],
    )


def _run(conn: sqlite3.Connection, script: str) -> None:
    # Statement by statement: executescript() would commit the migration's transaction.
    for statement in script.split(";\n"):
        if statement.strip():
            conn.execute(statement)


def _v1(conn: sqlite3.Connection) -> None:
    _run(conn, _V1)


def _v2(conn: sqlite3.Connection) -> None:
    _run(conn, _V2)
    _backfill_norm_titles(conn)


def _v3(conn: sqlite3.Connection) -> None:
    _run(conn, _V3)


def _v4(conn: sqlite3.Connection) -> None:
    _run(conn, _V4)


def _v5(conn: sqlite3.Connection) -> None:
    _run(conn, _V5)


def _v6(conn: sqlite3.Connection) -> None:
    _run(conn, _V6)


def _v7(conn: sqlite3.Connection) -> None:
    _run(conn, _V7)


def _v8(conn: sqlite3.Connection) -> None:
    _run(conn, _V8)


def _v9(conn: sqlite3.Connection) -> None:
    _run(conn, _V9)


def _v10(conn: sqlite3.Connection) -> None:
    _run(conn, _V10)


MIGRATIONS: list[Callable[[sqlite3.Connection], None]] = [_v1, _v2, _v3, _v4, _v5, _v6, _v7, _v8, _v9, _v10]
SCHEMA_VERSION = len(MIGRATIONS)
