"""Standing interests: what the person asked for in words and pinned, so it keeps counting."""

from __future__ import annotations

from app.storage.db import Database, now

__all__ = ["InterestRepository"]


class InterestRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    def all(self) -> list[tuple[int, str, str]]:
        """(id, text, added_at), oldest first."""
        return [tuple(r) for r in self.db.read("SELECT id, text, added_at FROM interests ORDER BY id")]

    def texts(self) -> list[str]:
        return [text for _, text, _ in self.all()]

    def add(self, text: str) -> int:
        """Pin a text; pinning the same text again keeps the first."""
        with self.db.transaction() as conn:
            conn.execute("INSERT INTO interests (text, added_at) VALUES (?, ?) ON CONFLICT(text) DO NOTHING",
                         (text, now()))
            return int(conn.execute("SELECT id FROM interests WHERE text = ?", (text,)).fetchone()[0])

    def remove(self, interest_id: int) -> bool:
        with self.db.transaction() as conn:
            return conn.execute("DELETE FROM interests WHERE id = ?", (interest_id,)).rowcount > 0
