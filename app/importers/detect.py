"""Which export a file is, from its headers or its archive contents."""

from __future__ import annotations

import zipfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from app.core.errors import InputError
from app.importers import goodreads, imdb, letterboxd, storygraph
from app.importers.csvfile import CsvFile, open_csv
from app.importers.generic import ImportRow, Skip, read_generic, resolve_columns, scan_rating_scale

__all__ = ["FORMATS", "Source", "open_source"]

FORMATS = ("goodreads", "letterboxd", "storygraph", "imdb", "generic")
_CSV_FORMATS = (goodreads, storygraph, imdb)


@dataclass
class Source:
    """An opened export: its format, its records, and how far reading has got."""

    format: str
    encoding: str
    records: Iterator[ImportRow | Skip]
    size: int
    position: Callable[[], int]
    close: Callable[[], None]
    rating_scale: tuple[float, float] | None = None


def open_source(
    path: Path,
    *,
    format: str | None = None,
    mapping: dict[str, str] | None = None,
    kind: str | None = None,
    encoding: str | None = None,
    scale: tuple[float, float] | None = None,
) -> Source:
    """Open any supported export; ``format`` forces one, else it is detected."""
    if format is not None and format not in FORMATS:
        raise InputError(f"Unknown format {format!r}.", hint="Formats: " + ", ".join(FORMATS) + ".")
    if not path.is_file():
        raise InputError(f"There is no file at {path}.")
    if format == "letterboxd" or (format is None and zipfile.is_zipfile(path)):
        return _letterboxd(path)
    csv_file = open_csv(path, encoding=encoding)
    try:
        chosen = format or ("generic" if mapping else _detect(csv_file.header))
        if chosen == "generic":
            columns = resolve_columns(csv_file.header, mapping)
            if scale is None and "rating" in columns:
                scan = open_csv(path, encoding=csv_file.encoding)
                try:
                    scale = scan_rating_scale(scan, columns["rating"])
                finally:
                    scan.close()
            records = read_generic(csv_file, columns, scale=scale, kind=kind)
        else:
            module = next(m for m in _CSV_FORMATS if m.FORMAT == chosen)
            if not module.matches(csv_file.header):
                raise InputError(f"{path.name} is not a {chosen} export: it lacks {', '.join(module.REQUIRED)}.")
            records = module.read(csv_file)
            scale = None
    except BaseException:
        csv_file.close()
        raise
    return _csv_source(chosen, csv_file, records, scale)


def _detect(header: list[str]) -> str:
    for module in _CSV_FORMATS:
        if module.matches(header):
            return module.FORMAT
    return "generic"


def _csv_source(
    fmt: str, csv_file: CsvFile, records: Iterator[ImportRow | Skip], scale: tuple[float, float] | None
) -> Source:
    return Source(
        format=fmt,
        encoding=csv_file.encoding,
        records=records,
        size=csv_file.size,
        position=lambda: csv_file.bytes_read,
        close=csv_file.close,
        rating_scale=scale,
    )


def _letterboxd(path: Path) -> Source:
    records = list(letterboxd.read_zip(path))  # merged across files; bounded by the member caps
    done = [0]

    def counted() -> Iterator[ImportRow | Skip]:
        for record in records:
            done[0] += 1
            yield record

    return Source(
        format="letterboxd",
        encoding="zip",
        records=counted(),
        size=len(records),
        position=lambda: done[0],
        close=lambda: None,
    )
