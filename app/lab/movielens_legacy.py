"""The older MovieLens layouts read as rows of the CSV layout's columns, so that `hearth eval` takes
ml-100k (u.data, u.item), ml-1m and ml-10m (ratings.dat, movies.dat, tags.dat) as they are unpacked.

These files are fixed-column text with no header: tab-separated u.data, pipe-separated u.item whose
genres are 19 flags, and "::"-separated .dat files. ml-100k and ml-1m are Latin-1; ml-10m is UTF-8.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from app.core.errors import InputError

__all__ = ["LEGACY_NAMES", "is_legacy", "legacy_files", "read_legacy"]

# u.genre, in the order of u.item's flags.
_GENRES_100K = ("unknown", "Action", "Adventure", "Animation", "Children's", "Comedy", "Crime", "Documentary",
                "Drama", "Fantasy", "Film-Noir", "Horror", "Musical", "Mystery", "Romance", "Sci-Fi", "Thriller",
                "War", "Western")

# File name -> (separator, the CSV layout's names of its columns, the column of free text that may
# itself hold the separator, or None).
_COLUMNS: dict[str, tuple[str, tuple[str, ...], int | None]] = {
    "u.data": ("\t", ("userId", "movieId", "rating", "timestamp"), None),
    "ratings.dat": ("::", ("userId", "movieId", "rating", "timestamp"), None),
    "movies.dat": ("::", ("movieId", "title", "genres"), 1),
    "tags.dat": ("::", ("userId", "movieId", "tag", "timestamp"), 2),
}
LEGACY_NAMES = (*_COLUMNS, "u.item")


def is_legacy(path: Path) -> bool:
    return Path(path).name in LEGACY_NAMES


def legacy_files(folder: Path) -> tuple[Path, Path, Path | None] | None:
    """(ratings, items, tags or None) of an ml-100k, ml-1m or ml-10m folder; None for another folder."""
    folder = Path(folder)
    if (folder / "u.data").is_file() and (folder / "u.item").is_file():
        return folder / "u.data", folder / "u.item", None
    if (folder / "ratings.dat").is_file() and (folder / "movies.dat").is_file():
        tags = folder / "tags.dat"
        return folder / "ratings.dat", folder / "movies.dat", tags if tags.is_file() else None
    return None


def _lines(path: Path) -> Iterator[str]:
    # A first pass chooses the encoding (a Latin-1 byte may come on any line); the second streams the lines,
    # so a 10-million-line ratings file is never held whole.
    encoding = "utf-8"
    try:
        with path.open(encoding="utf-8") as f:
            for _ in f:
                pass
    except UnicodeDecodeError:
        encoding = "latin-1"  # every byte is a character: ml-100k's and ml-1m's titles
    with path.open(encoding=encoding) as f:
        for line in f:
            # Some copies carry a "#" comment line of column names on top; the originals have none.
            if line.strip() and not line.startswith("#"):
                yield line.rstrip("\r\n")


def _item_row(line: str, path: Path, number: int) -> dict[str, str]:
    """u.item: id|title|release date|video date|IMDb URL|19 genre flags."""
    parts = line.split("|")
    if len(parts) < 5 + len(_GENRES_100K):
        raise InputError(f"{path.name}, line {number}: expected {5 + len(_GENRES_100K)} fields separated by"
                         f" '|', found {len(parts)}.")
    flags = parts[-len(_GENRES_100K):]
    genres = [g for g, flag in zip(_GENRES_100K, flags) if flag.strip() == "1" and g != "unknown"]
    # A title may itself hold a "|"; the fields around it are fixed.
    title = "|".join(parts[1:len(parts) - len(_GENRES_100K) - 3])
    return {"movieId": parts[0].strip(), "title": title.strip(), "genres": "|".join(genres)}


def read_legacy(path: Path, required: tuple[str, ...]) -> Iterator[dict[str, str]]:
    """The rows of an older MovieLens file under the CSV layout's column names, one at a time."""
    path = Path(path)
    if not path.is_file():
        raise InputError(f"{path} is missing.")
    names = ("movieId", "title", "genres") if path.name == "u.item" else _COLUMNS[path.name][1]
    missing = [c for c in required if c not in names]
    if missing:
        raise InputError(f"{path.name} has no column {', '.join(missing)}: its columns are fixed"
                         f" ({', '.join(names)}), so --map does not apply to it.")
    if path.name == "u.item":
        for n, line in enumerate(_lines(path), 1):
            yield _item_row(line, path, n)
        return
    separator, _, free = _COLUMNS[path.name]
    for n, line in enumerate(_lines(path), 1):
        parts = line.split(separator)
        extra = len(parts) - len(names)
        if extra < 0 or (extra and free is None):
            raise InputError(f"{path.name}, line {n}: expected {len(names)} fields separated by"
                             f" {separator!r}, found {len(parts)}.")
        if extra and free is not None:  # a title or tag that holds the separator: its column takes the rest
            parts = [*parts[:free], separator.join(parts[free:free + extra + 1]), *parts[free + extra + 1:]]
        yield dict(zip(names, (p.strip() for p in parts)))
