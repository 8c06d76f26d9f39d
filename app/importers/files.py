"""Data-set files shared by the importers and catalog builders."""

from __future__ import annotations

import csv
from pathlib import Path

from app.core.errors import InputError
from app.core.files import sha256_file

__all__ = ["read_table", "sha256_file"]


def read_table(path: Path, required: tuple[str, ...], *, hint: str | None = None) -> list[dict[str, str]]:
    """A small, well-formed UTF-8 CSV (a data set, not a user's export) as dicts."""
    if not path.is_file():
        raise InputError(f"{path} is missing.")
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        missing = [c for c in required if c not in (reader.fieldnames or [])]
        if missing:
            raise InputError(f"{path.name} lacks the column(s) {', '.join(missing)}.", hint=hint)
        return list(reader)
