"""Embedding vectors cached by (model id, text hash)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import numpy as np

from app.storage.db import Database

__all__ = ["EmbeddingRepository"]


class EmbeddingRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    def missing(self, model_id: str, hashes: Iterable[str]) -> list[str]:
        """The hashes (deduplicated, in order) with no vector for this model yet."""
        wanted = list(dict.fromkeys(hashes))
        have = {r[0] for r in self.db.read_in(
            "SELECT text_hash FROM embeddings WHERE model_id = ? AND text_hash IN ({marks})", wanted,
            before=(model_id,))}
        return [h for h in wanted if h not in have]

    def get(self, model_id: str, hashes: Sequence[str]) -> dict[str, np.ndarray]:
        rows = self.db.read_in("SELECT text_hash, vector FROM embeddings WHERE model_id = ? AND text_hash IN ({marks})",
                               hashes, before=(model_id,))
        return {h: np.frombuffer(blob, dtype=np.float32) for h, blob in rows}

    def put(self, model_id: str, vectors: Mapping[str, np.ndarray]) -> None:
        with self.db.transaction() as conn:
            conn.executemany(
                "INSERT OR REPLACE INTO embeddings (model_id, text_hash, dim, vector) VALUES (?,?,?,?)",
                (
                    (model_id, h, int(v.shape[0]), np.ascontiguousarray(v, dtype=np.float32).tobytes())
                    for h, v in vectors.items()
                ),
            )

    def item_matrix(self, model_id: str) -> tuple[np.ndarray, list[int]]:
        """Vectors of every item in id order, one query; (matrix, ids of items without one)."""
        rows = self.db.read(
            "SELECT items.id, embeddings.vector FROM items LEFT JOIN embeddings"
            " ON embeddings.model_id = ? AND embeddings.text_hash = items.text_hash"
            " ORDER BY items.id",
            (model_id,),
        )
        missing = [r[0] for r in rows if r[1] is None]
        dim = next((len(r[1]) // 4 for r in rows if r[1] is not None), 0)
        if missing or not rows:
            return np.zeros((len(rows), dim), dtype=np.float32), missing
        matrix = np.frombuffer(b"".join(r[1] for r in rows), dtype=np.float32)
        return matrix.reshape(len(rows), dim), missing

    def item_vectors(self, model_id: str) -> tuple[np.ndarray, np.ndarray]:
        """Vectors of every item in id order, zero rows where an item has none: (matrix, which have one)."""
        rows = self.db.read(
            "SELECT embeddings.vector FROM items LEFT JOIN embeddings"
            " ON embeddings.model_id = ? AND embeddings.text_hash = items.text_hash"
            " ORDER BY items.id",
            (model_id,),
        )
        present = np.array([r[0] is not None for r in rows], dtype=bool)
        dim = next((len(r[0]) // 4 for r in rows if r[0] is not None), 0)
        matrix = np.zeros((len(rows), dim), dtype=np.float32)
        if present.any():
            matrix[present] = np.frombuffer(b"".join(r[0] for r in rows if r[0] is not None),
                                            dtype=np.float32).reshape(-1, dim)
        return matrix, present

    def count(self, model_id: str | None = None) -> int:
        if model_id is None:
            return int(self.db.read("SELECT COUNT(*) FROM embeddings")[0][0])
        return int(
            self.db.read("SELECT COUNT(*) FROM embeddings WHERE model_id = ?", (model_id,))[0][0]
        )

    # -- each catalog item's nearest texts, kept once computed ------------------------------------

    def text_rows(self, model_id: str, k: int, item_ids: Sequence[int]) -> dict[int, tuple[np.ndarray, np.ndarray]]:
        """Stored rows: item id -> (neighbour item ids, cosines)."""
        rows = self.db.read_in("SELECT item_id, neighbours, sims FROM text_rows"
                               " WHERE model_id = ? AND k = ? AND item_id IN ({marks})",
                               (int(i) for i in item_ids), before=(model_id, k))
        return {item_id: (np.frombuffer(neighbours, dtype=np.int32).astype(np.int64),
                          np.frombuffer(sims, dtype=np.float32)) for item_id, neighbours, sims in rows}

    def put_text_rows(self, model_id: str, k: int, rows: Mapping[int, tuple[np.ndarray, np.ndarray]]) -> None:
        with self.db.transaction() as conn:
            conn.executemany(
                "INSERT OR REPLACE INTO text_rows (model_id, k, item_id, neighbours, sims) VALUES (?, ?, ?, ?, ?)",
                [(model_id, k, int(i), np.asarray(n, dtype=np.int32).tobytes(),
                  np.asarray(s, dtype=np.float32).tobytes()) for i, (n, s) in rows.items()],
            )

    def forget_text_rows(self) -> None:
        """After a catalog changes: rows were computed over the items there were."""
        with self.db.transaction() as conn:
            conn.execute("DELETE FROM text_rows")
