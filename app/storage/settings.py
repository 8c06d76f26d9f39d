"""Settings and the import log: small key-value records."""

from __future__ import annotations

import json
from typing import Any

from app.storage.db import Database, now

__all__ = ["ExplanationCache", "ImportLog", "SettingsRepository"]


class SettingsRepository:
    def __init__(self, db: Database) -> None:
        self.db = db

    def all(self) -> dict[str, Any]:
        return {k: _loaded(v) for k, v in self.db.read("SELECT key, value FROM settings")}

    def get(self, key: str, default: Any = None) -> Any:
        rows = self.db.read("SELECT value FROM settings WHERE key = ?", (key,))
        return _loaded(rows[0][0]) if rows else default

    def set(self, key: str, value: Any) -> None:
        with self.db.transaction() as conn:
            conn.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?)"
                " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                (key, json.dumps(value)),
            )

    def delete(self, key: str) -> None:
        with self.db.transaction() as conn:
            conn.execute("DELETE FROM settings WHERE key = ?", (key,))


def _loaded(value: str) -> Any:
    """A stored value; text that is not JSON (written by hand) as it is, for the settings to judge."""
    try:
        return json.loads(value)
    except (ValueError, TypeError):
        return value


class ImportLog:
    def __init__(self, db: Database) -> None:
        self.db = db

    def record(self, *, sha256: str, path: str, format: str, report: dict[str, Any]) -> None:
        """Log a finished import once per file content; a re-import leaves the log as it was."""
        with self.db.transaction() as conn:
            conn.execute(
                "INSERT OR IGNORE INTO imports (sha256, path, format, imported_at, report)"
                " VALUES (?, ?, ?, ?, ?)",
                (sha256, path, format, now(),
                 json.dumps(report, sort_keys=True)),
            )

    def seen(self, sha256: str) -> bool:
        return bool(self.db.read("SELECT 1 FROM imports WHERE sha256 = ?", (sha256,)))

    def all(self) -> list[dict[str, Any]]:
        """Every import logged, oldest first (for the person's export)."""
        return [{"sha256": h, "path": p, "format": f, "imported_at": t, "report": json.loads(r)}
                for h, p, f, t, r in self.db.read("SELECT sha256, path, format, imported_at, report FROM imports"
                                                  " ORDER BY imported_at")]


class ExplanationCache:
    """Finished explanations, keyed by (item, evidence hash, model, prompt version)."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def get(self, item_id: int, evidence_hash: str, model_id: str, prompt_version: str) -> dict[str, Any] | None:
        rows = self.db.read(
            "SELECT text, path, verified, cited, created_at FROM explanations WHERE item_id = ? AND"
            " evidence_hash = ? AND model_id = ? AND prompt_version = ?",
            (item_id, evidence_hash, model_id, prompt_version),
        )
        if not rows:
            return None
        text, path, verified, cited, created = rows[0]
        return {"text": text, "path": path, "verified": bool(verified), "cited": json.loads(cited),
                "created_at": created}

    def put(self, item_id: int, evidence_hash: str, model_id: str, prompt_version: str, *, text: str,
            path: str, verified: bool, cited: list[str]) -> None:
        with self.db.transaction() as conn:
            conn.execute(
                "INSERT OR REPLACE INTO explanations (item_id, evidence_hash, model_id, prompt_version, text,"
                " path, verified, cited, created_at) VALUES (?,?,?,?,?,?,?,?,?)",
                (item_id, evidence_hash, model_id, prompt_version, text, path, int(verified),
                 json.dumps(cited), now()),
            )

    def count(self) -> int:
        return int(self.db.read("SELECT COUNT(*) FROM explanations")[0][0])
