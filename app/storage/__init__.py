"""The only layer with SQL: one SQLite file, its schema and its repositories."""

from __future__ import annotations

from pathlib import Path

from app.storage.db import DB_FILENAME, Database, default_data_dir
from app.storage.embeddings import EmbeddingRepository
from app.storage.history import FeedbackRepository, HistoryRepository
from app.storage.interests import InterestRepository
from app.storage.items import USER_CATALOG, CatalogInfo, ItemRepository, UniverseRows
from app.storage.settings import ExplanationCache, ImportLog, SettingsRepository

__all__ = [
    "DB_FILENAME",
    "USER_CATALOG",
    "CatalogInfo",
    "Database",
    "Store",
    "UniverseRows",
    "default_data_dir",
]


class Store:
    """The repositories over one database file."""

    def __init__(self, db: Database) -> None:
        self.db = db
        self.items = ItemRepository(db)
        self.history = HistoryRepository(db)
        self.feedback = FeedbackRepository(db)
        self.embeddings = EmbeddingRepository(db)
        self.settings = SettingsRepository(db)
        self.imports = ImportLog(db)
        self.explanations = ExplanationCache(db)
        self.interests = InterestRepository(db)

    @classmethod
    def open(cls, data_dir: Path | str) -> Store:
        return cls(Database.in_folder(data_dir))

    def forget_everything(self) -> None:
        """Delete the person's data: history and its viewings, feedback, own items, imports, explanations, settings,
        interests."""
        with self.db.transaction() as conn:
            for table in ("history", "viewings", "also_named", "feedback", "imports", "explanations", "settings",
                          "interests"):
                conn.execute(f"DELETE FROM {table}")
            # The vectors of the person's own items (keyed by a hash of their text, which a guessed title
            # would confirm) go with them; the catalogs' stay.
            conn.execute("DELETE FROM embeddings WHERE text_hash IN (SELECT text_hash FROM items WHERE catalog_id IN"
                         " (SELECT id FROM catalogs WHERE name = ?)) AND text_hash NOT IN (SELECT text_hash FROM"
                         " items WHERE catalog_id NOT IN (SELECT id FROM catalogs WHERE name = ?))",
                         (USER_CATALOG, USER_CATALOG))
            conn.execute("DELETE FROM items WHERE catalog_id IN (SELECT id FROM catalogs WHERE name = ?)",
                         (USER_CATALOG,))
            # A deleted row's words stay in the word index's segments (FTS5 only marks them deleted) until
            # the index is written afresh from what is left: the catalogs' items.
            conn.execute("INSERT INTO items_fts(items_fts) VALUES ('rebuild')")
        self.db.conn.execute("VACUUM")  # no deleted rows left in free pages
        self.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # nor in the write-ahead log

    def size_bytes(self) -> int:
        path = self.db.path
        return sum(p.stat().st_size for p in path.parent.glob(path.name + "*") if p.is_file())

    def transaction(self):  # noqa: ANN201 - a context manager from Database
        return self.db.transaction()

    def close(self) -> None:
        self.db.close()
