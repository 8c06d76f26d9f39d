"""The import formats Hearth reads: one record per format, declared in the format's own module
(``app/importers/formats/<name>.py`` defines ``FORMAT``). Detection, the CLI's help and the window's
file dialog read this registry, so a new format is one new module there."""

from __future__ import annotations

import importlib
import pkgutil
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

__all__ = ["Format", "Opened", "file_formats", "formats", "header_formats"]


@dataclass
class Opened:
    """One export a format opened from files that are not a CSV named by its header (a workbook,
    JSON, an archive of them): its records and what the report says of it."""

    records: Iterator[Any]  # ImportRow | Skip
    paths: tuple[Path, ...]
    layout: str
    why: str
    kind: str | None = None
    size: int = 0  # for progress: records, or bytes, ...
    position: Callable[[], int] = lambda: 0  # ... read so far
    close: Callable[[], None] = lambda: None
    encoding: str = ""
    notes: Counter[str] = field(default_factory=Counter)


@dataclass(frozen=True)
class Format:
    name: str  # what --format takes: "goodreads"
    label: str  # what a person is told: "Goodreads"
    kind: str | None  # what its rows are ("book", "film"); None when the file says per row
    scale: tuple[float, float] | None  # its rating scale; None when read from the ratings themselves
    statuses: str  # what its statuses or shelves mean, in a few words
    recognised: str  # how detection knows it, as the import report says it
    suffixes: tuple[str, ...] = (".csv",)  # the files a folder walk and the file dialog offer
    # The header names this format's columns (formats recognised another way leave it None).
    matches: Callable[[list[str]], bool] | None = None
    read: Callable[..., Iterator[Any]] | None = None  # read(csv_file, ctx) -> ImportRow | Skip
    layout: Callable[[list[str], str], str] | None = None  # (header, file name) -> "library export, 24 columns"
    date_columns: tuple[str, ...] = ()  # where its dates are, to sniff day/month order
    order: int = 100  # detection tries lower first
    # Files that are not a CSV named by its header (JSON, a workbook, a ZIP of JSON): claims(path, limits)
    # says why a file is one of this format's (None if not), cheaply; open(paths, shelves, limits) opens
    # every file it claimed in one import as the exports they make (several files of one export are one).
    claims: Callable[[Path, Any], str | None] | None = None
    open: Callable[..., list[Opened]] | None = None


def _discover() -> Iterator[Format]:
    from app.importers import formats as package

    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{package.__name__}.{info.name}")
        found = getattr(module, "FORMAT", None)
        if isinstance(found, Format):
            yield found


@cache
def formats() -> dict[str, Format]:
    """Every format by name, in detection order (the generic reader last)."""
    found = sorted(_discover(), key=lambda f: (f.order, f.name))
    return {f.name: f for f in found}


def file_formats() -> Sequence[Format]:
    """The formats that open files of their own kind (JSON, workbooks), in detection order."""
    return [f for f in formats().values() if f.claims is not None]


def header_formats() -> Sequence[Format]:
    """The formats recognised by the columns their header names, in detection order."""
    return [f for f in formats().values() if f.matches is not None]
