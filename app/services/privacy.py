"""Where the data lives, exporting all of it, and deleting all of it."""

from __future__ import annotations

import csv
import json
from dataclasses import asdict
from pathlib import Path
from typing import Any

from app.storage import Store

__all__ = ["PrivacyService", "STATEMENT"]

STATEMENT = (
    "Hearth keeps everything on this computer: your history, ratings and feedback live in one "
    "SQLite file, the models run here, and nothing is sent anywhere. The only network use is a "
    "model download you start yourself."
)


class PrivacyService:
    def __init__(self, store: Store) -> None:
        self.store = store

    def info(self) -> dict[str, Any]:
        return {
            "folder": str(self.store.db.path.parent),
            "database": str(self.store.db.path),
            "bytes": self.store.size_bytes(),
            "history": self.store.history.count(),
            "feedback": len(self.store.feedback.all()),
            "statement": STATEMENT,
        }

    def export(self, folder: Path) -> list[Path]:
        """Everything that is the person's own, as JSON (all of it) and CSV (the history)."""
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        entries = self.store.history.entries()
        feedback = self.store.feedback.all()
        items = self.store.items.get_many([i for i, _ in feedback])
        raw = self.store.history.raw_rows()
        data = {
            "history": [
                {**{k: v for k, v in asdict(e).items() if k != "item"},
                 "item": {k: (list(v) if isinstance(v, tuple) else v) for k, v in asdict(e.item).items()},
                 "imported_row": raw.get(int(e.item.id or 0))}  # the file's row: reviews and notes too
                for e in entries
            ],
            "imports": self.store.imports.all(),
            "feedback": [{"item_id": i, "title": items[i].title if i in items else None, "kind": k}
                         for i, k in feedback],
            "settings": self.store.settings.all(),
            "pinned_interests": [{"text": t, "added_at": d} for _, t, d in self.store.interests.all()],
        }
        json_path = folder / "hearth-export.json"
        json_path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
        csv_path = folder / "hearth-history.csv"
        with csv_path.open("w", encoding="utf-8", newline="") as f:
            writer = csv.writer(f)
            writer.writerow(["title", "year", "kind", "catalog", "rating", "rating_min", "rating_max",
                             "consumed_at", "status", "source"])
            for e in entries:
                writer.writerow([e.item.title, e.item.year or "", e.item.kind, e.item.catalog,
                                 "" if e.rating is None else e.rating, e.rating_min or "", e.rating_max or "",
                                 e.consumed_at or "", e.status, e.source])
        return [json_path, csv_path]

    def damage(self) -> list[str]:
        """What SQLite's quick_check finds wrong anywhere in the file (a second or two)."""
        return self.store.db.problems(full=True)

    def delete_everything(self) -> None:
        self.store.forget_everything()
