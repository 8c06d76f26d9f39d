"""Where the data lives, exporting all of it, and deleting all of it."""

from __future__ import annotations

import csv
import errno
import io
import json
import os
from collections import Counter
from dataclasses import asdict
from pathlib import Path
from typing import Any

from app.core.errors import AppError, InputError, StorageError
from app.storage import Store

__all__ = ["FEEDBACK_MARKS", "PrivacyService", "STATEMENT"]

FEEDBACK_MARKS = ("like", "dislike", "not_interested")  # the person's marks on items; "saved" is a list

STATEMENT = (
    "Hearth keeps everything on this computer: your history, ratings and feedback live in one "
    "SQLite file, the models run here, and nothing is sent anywhere. The only network use is a "
    "model download you start yourself."
)


class PrivacyService:
    def __init__(self, store: Store) -> None:
        self.store = store

    def info(self) -> dict[str, Any]:
        """What the file holds, each kind counted apart: a watchlist is no feedback."""
        marks = Counter(kind for _, kind in self.store.feedback.all())
        return {
            "folder": str(self.store.db.path.parent),
            "database": str(self.store.db.path),
            "bytes": self.store.size_bytes(),
            "history": self.store.history.count(),
            "saved": marks["saved"],  # to read or watch later (a to-read shelf, a watchlist, Save for later)
            "feedback": sum(marks[k] for k in FEEDBACK_MARKS),
            "statement": STATEMENT,
        }

    def export(self, folder: Path) -> list[Path]:
        """Everything that is the person's own, as JSON (all of it) and CSV (the history), each a new file
        readable by the person only; an error leaves no part of an export behind."""
        folder = Path(folder)
        _export_folder(folder)
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
            "viewings": self.store.history.all_viewings(),  # each time watched or read, as the files said
            "imports": self.store.imports.all(),
            "feedback": [{"item_id": i, "title": items[i].title if i in items else None, "kind": k}
                         for i, k in feedback],
            "settings": self.store.settings.all(),
            "pinned_interests": [{"text": t, "added_at": d} for _, t, d in self.store.interests.all()],
        }
        table = io.StringIO()
        writer = csv.writer(table)
        writer.writerow(["title", "year", "kind", "catalog", "rating", "rating_min", "rating_max",
                         "consumed_at", "status", "source"])
        for e in entries:
            writer.writerow([e.item.title, e.item.year or "", e.item.kind, e.item.catalog,
                             "" if e.rating is None else e.rating, e.rating_min or "", e.rating_max or "",
                             e.consumed_at or "", e.status, e.source])
        texts = {"hearth-export.json": json.dumps(data, ensure_ascii=False, indent=2),
                 "hearth-history.csv": table.getvalue()}
        return _write_new(folder, {name: text.encode("utf-8", "replace") for name, text in texts.items()})

    def damage(self) -> list[str]:
        """What SQLite's quick_check finds wrong anywhere in the file (a second or two)."""
        return self.store.db.problems(full=True)

    def delete_everything(self) -> None:
        self.store.forget_everything()


def _export_folder(folder: Path) -> None:
    """Make the export's folder, or say in one line why it cannot be one."""
    if folder.exists() and not folder.is_dir():
        raise InputError(f"Cannot export into {folder}: it is a file, not a folder.",
                         hint="Name a folder (it is made if it is missing).", command="hearth export --out DIR")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _write_error(folder, exc) from exc


def _write_new(folder: Path, files: dict[str, bytes]) -> list[Path]:
    """Each file written whole as a new file (0600, never through a link), then moved over the name: an
    earlier export's mode or a link planted at the name is replaced, not followed. On any error nothing
    of this export is left."""
    made: list[Path] = []
    try:
        for name, data in files.items():
            part = folder / f".{name}.{os.getpid()}.part"
            made.append(part)
            fd = os.open(part, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
            with os.fdopen(fd, "wb") as f:
                if hasattr(os, "fchmod"):
                    os.fchmod(f.fileno(), 0o600)  # whatever the umask
                f.write(data)
                f.flush()
                os.fsync(f.fileno())
        paths = [folder / name for name in files]
        for part, path in zip(made, paths):
            os.replace(part, path)
        return paths
    except OSError as exc:
        raise _write_error(folder, exc) from exc
    finally:
        for part in made:
            part.unlink(missing_ok=True)


def _write_error(folder: Path, exc: OSError) -> AppError:
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return StorageError(f"The disk holding {folder} is full, so nothing was exported.",
                            hint="Free some space, or export to another disk.")
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return StorageError(f"Cannot write into {folder}: it is read-only or not yours.",
                            hint="Choose a folder you can write to.", command="hearth export --out DIR")
    if exc.errno in (errno.ENOTDIR, errno.EEXIST):
        return InputError(f"Cannot export into {folder}: part of that path is a file, not a folder.",
                          hint="Name a folder (it is made if it is missing).", command="hearth export --out DIR")
    if exc.errno == errno.EISDIR:
        return InputError(f"Cannot export into {folder}: a folder there has the export's name.",
                          hint="Move it aside or choose another folder.", command="hearth export --out DIR")
    return StorageError(f"Cannot write the export into {folder}: {exc.strerror or exc}.")
