"""Letterboxd export: the ZIP as downloaded, or its CSVs loose (an unzipped folder, or files
given one by one): diary, ratings, watched, reviews, watchlist and liked films.

One film that appears in several files becomes one entry: the rating from
ratings.csv (the current one), else the latest diary or review rating; the latest
date it was watched (the diary's Watched Date), else the latest date it was logged. Every diary
entry is also kept as a viewing (a rewatch counts again); a film with no diary entry was viewed
once: on the date its review, its watched.csv row or its rating was logged when the person keeps no
diary, and on no known date when they do (as Letterboxd's own year in review counts the diary only: a
film marked watched outside it was seen before, and a back catalogue logged in one April is no 263
films watched that month).
A film only on the watchlist is saved for later. A liked film is a like: watched, and when, only as
the other files say; one no other file names is a like alone, never history (likes/films.csv's Date
is when it was liked, not watched). Ratings are 0.5-5 stars, whatever values a file happens to hold.
The archive is read member by member with hard caps, so a zip bomb or a member named
``../../etc/passwd`` cannot do harm: only the known names are read, and never written to disk under
their own names.
"""

from __future__ import annotations

import tempfile
import zipfile
import zlib
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from app.core.errors import InputError
from app.core.sizes import size_text
from app.core.stats import Viewing
from app.core.text import clean_text
from app.importers.csvfile import CsvFile, open_csv
from app.importers.limits import LIMITS, Limits
from app.importers.records import ImportRow, Skip
from app.importers.registry import Format
from app.importers.values import parse_date, parse_float, parse_year

__all__ = ["FORMAT", "SCALE", "is_letterboxd_zip", "member_of", "read_export", "read_zip"]

SCALE = (0.5, 5.0)
_FILES = ("diary.csv", "ratings.csv", "watched.csv", "reviews.csv", "watchlist.csv", "likes/films.csv")
_HISTORY_FILES = ("diary.csv", "ratings.csv", "watched.csv", "reviews.csv", "likes/films.csv")
_IGNORED_FOLDERS = ("deleted", "orphaned")  # entries the person deleted are not history


def member_of(header: list[str], filename: str) -> tuple[str, str] | None:
    """Which file of a Letterboxd export a loose CSV is, from its columns (and, where two files
    share their columns, its name, "likes/films.csv" with its folder): (member, why). None if it
    is not one."""
    cols = set(header)
    if not {"Name", "Year", "Letterboxd URI"} <= cols:
        return None
    parent, _, name = filename.casefold().rpartition("/")
    if "Review" in cols:
        return "reviews.csv", "the columns of Letterboxd's reviews.csv"
    if "Watched Date" in cols or "Rewatch" in cols:
        return "diary.csv", "the columns of Letterboxd's diary.csv"
    if "Rating" in cols:
        return "ratings.csv", "the columns of Letterboxd's ratings.csv"
    if "watchlist" in name:
        return "watchlist.csv", "the columns of Letterboxd's watched.csv and watchlist.csv, named watchlist"
    if "like" in name or parent.endswith("likes"):
        return "likes/films.csv", "the columns of Letterboxd's liked films, named likes"
    if "watched" in name:
        return "watched.csv", "the columns of Letterboxd's watched.csv and watchlist.csv, named watched"
    return ("watched.csv", "the columns of Letterboxd's watched.csv and watchlist.csv; the name says neither,"
            " so it is read as watched (name it watchlist.csv if it is your watchlist)")


def _safe_name(name: str) -> str | None:
    """The member's path if it is a plain relative path, else None (traversal, absolute)."""
    path = PurePosixPath(name.replace("\\", "/"))
    if path.is_absolute() or ".." in path.parts or not path.parts:
        return None
    return path.as_posix()


# What a damaged, encrypted or exotic archive raises from zipfile: each becomes one clear InputError.
_ZIP_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, OSError, RuntimeError, NotImplementedError, ValueError)


def _zip_problem(exc: BaseException) -> str:
    text = str(exc)
    if "encrypted" in text or "password" in text:
        return "it is encrypted (protected by a password)"
    if isinstance(exc, NotImplementedError):
        return f"it uses a compression or ZIP version Hearth cannot read ({text})"
    if isinstance(exc, OSError):  # "[Errno 22] Invalid argument": a table of contents that points nowhere
        return "it is damaged (its table of contents points outside the file)"
    return f"it is damaged ({text or type(exc).__name__})"


def _members(archive: zipfile.ZipFile, limits: Limits) -> dict[str, zipfile.ZipInfo]:
    infos = archive.infolist()
    if len(infos) > limits.members:
        raise InputError("The archive has too many files to be a Letterboxd export.")
    found: dict[str, zipfile.ZipInfo] = {}
    for info in infos:
        name = _safe_name(info.filename)
        if name is None or info.is_dir():
            continue
        parts = name.split("/")
        if any(p in _IGNORED_FOLDERS for p in parts[:-1]):
            continue
        # Exports sometimes sit in a top folder: match on the trailing path. The exact
        # name wins over one inside a folder.
        for wanted in _FILES:
            depth = wanted.count("/") + 1
            if "/".join(parts[-depth:]) == wanted and len(parts) <= depth + 1:
                if wanted not in found or len(parts) == depth:
                    found[wanted] = info
    return found


def is_letterboxd_zip(path: Path, limits: Limits = LIMITS) -> bool:
    try:
        with zipfile.ZipFile(path) as archive:
            names = _members(archive, limits)
    except (*_ZIP_ERRORS, InputError):
        return False
    return any(n in names for n in _HISTORY_FILES)


def _extract(info: zipfile.ZipInfo, zf: zipfile.ZipFile, folder: Path, index: int, budget: list[int],
             limits: Limits) -> Path:
    """Copy one member out under a name of our own, within the member and archive caps;
    ``budget`` holds the bytes all members may still unpack to."""
    cap = min(limits.member_bytes, budget[0])
    too_large = InputError(
        f"{info.filename} in the archive unpacks to more than {size_text(cap)}: more than any Letterboxd"
        f" export (the caps are {size_text(limits.member_bytes)} a file, {size_text(limits.archive_bytes)}"
        " in all), so nothing was imported.", hint="Import the ZIP exactly as Letterboxd gave it.")
    if info.file_size > cap:
        raise too_large
    target = folder / f"member-{index}.csv"
    written = 0
    with zf.open(info) as src, target.open("wb") as dst:
        while chunk := src.read(1 << 20):
            written += len(chunk)
            if written > cap:  # the header lied about the size
                raise too_large
            dst.write(chunk)
    budget[0] -= written
    return target


@dataclass
class _Film:
    key: str
    title: str
    year: int | None
    rating: float | None = None
    rating_date: str = ""  # the date of the entry the rating came from
    current_rating: bool = False  # from ratings.csv: wins over diary ratings
    watched_on: str | None = None  # the diary's "Watched Date": when it was seen
    logged_on: str | None = None  # any file's "Date": when it was logged or rated
    watched: bool = False  # a file other than the watchlist and the likes names it
    liked: bool = False
    saved: bool = False
    first_line: int = 0
    raw: dict[str, dict[str, str]] = field(default_factory=dict)
    diary: list[Viewing] = field(default_factory=list)  # every diary entry, in the file's order
    dated: dict[str, str] = field(default_factory=dict)  # member -> the first date a row of it gives


def _film_key(row: dict[str, str]) -> tuple[str, str, int | None]:
    # Not the Letterboxd URI: in diary.csv and reviews.csv it names the diary entry, not the film.
    title = clean_text(row.get("Name"))
    year = parse_year(row.get("Year"))
    return f"{title.casefold()}|{year}", title, year


def read_zip(path: Path, limits: Limits = LIMITS) -> Iterator[ImportRow | Skip]:
    """Films merged across the export's files, one ImportRow each."""
    yield from read_export(zips=[path], files=[], limits=limits)


def read_export(*, zips: Sequence[Path], files: Sequence[tuple[str, Path]], limits: Limits = LIMITS,
                notes: Counter[str] | None = None) -> list[ImportRow | Skip]:
    """Films merged across every file given: export ZIPs and loose CSVs as (member, path)."""
    films: dict[str, _Film] = {}
    skips: list[Skip] = []
    line_no = [0]
    notes = Counter() if notes is None else notes
    budget = [limits.archive_bytes]
    with tempfile.TemporaryDirectory(prefix="hearth-letterboxd-") as tmp:
        members: list[tuple[str, Path, str]] = []  # (member, file to read, name for messages)
        for z, path in enumerate(zips):
            members += _unpack(path, Path(tmp), z, budget, limits)
        members += [(member, file, file.name) for member, file in files]
        order = {name: k for k, name in enumerate(_FILES)}
        for member, file, label in sorted(members, key=lambda m: order[m[0]]):
            _read_member(member, file, label, films, skips, line_no, limits, notes)
    out: list[ImportRow | Skip] = list(skips)
    keeps_diary = any(film.diary for film in films.values())
    for film in films.values():
        watched = film.watched or not (film.saved or film.liked)
        out.append(ImportRow(
            line=film.first_line,
            title=film.title,
            year=film.year,
            kind="film",
            rating=film.rating,
            scale=SCALE if film.rating is not None else None,
            consumed_at=(film.watched_on or film.logged_on) if watched else None,
            saved=film.saved and not watched,
            shelf="watchlist" if film.saved and not watched else None,
            liked=film.liked,
            liked_only=film.liked and not watched and not film.saved,
            viewings=_viewings(film, keeps_diary) if watched else (),
            raw={name: " | ".join(f"{k}={v}" for k, v in row.items()) for name, row in film.raw.items()},
        ))
    return out


def _viewings(film: _Film, keeps_diary: bool) -> tuple[Viewing, ...]:
    """Each diary entry; without one, a single viewing: undated beside a diary, else on the date the film
    was reviewed, logged or rated."""
    if film.diary:
        return tuple(film.diary)
    if keeps_diary:
        return (Viewing(date=None, rating=film.rating),)
    date = next((film.dated[m] for m in ("reviews.csv", "watched.csv", "ratings.csv") if m in film.dated), None)
    return (Viewing(date=date, rating=film.rating),)


def _unpack(path: Path, folder: Path, z: int, budget: list[int], limits: Limits) -> list[tuple[str, Path, str]]:
    try:
        zf = zipfile.ZipFile(path)
    except _ZIP_ERRORS as exc:
        raise InputError(f"{path.name} cannot be read as a ZIP archive: {_zip_problem(exc)}.",
                         hint="Download the export from Letterboxd again and import it as it is.") from exc
    with zf:
        members = _members(zf, limits)
        if not any(n in members for n in _HISTORY_FILES):
            raise InputError(
                f"{path.name} is not a Letterboxd export: it has no diary.csv, ratings.csv or watched.csv.",
                hint="Export your data from letterboxd.com (Settings -> Data) and import the ZIP as it is.",
                zh=f"{path.name} 不是 Letterboxd 的导出文件：里面没有 diary.csv、ratings.csv 或 watched.csv。",
                zh_hint="请在 letterboxd.com 导出你的数据（Settings -> Data），原样导入那个 ZIP。",
            )
        out = []
        for index, name in enumerate(_FILES):
            if name not in members:
                continue
            try:
                out.append((name, _extract(members[name], zf, folder, z * 100 + index, budget, limits),
                            f"{name} in {path.name}"))
            except _ZIP_ERRORS as exc:
                raise InputError(f"{name} in {path.name} cannot be unpacked: {_zip_problem(exc)}.",
                                 hint="Download the export from Letterboxd again and import it as it is.") from exc
    return out


def _read_member(member: str, file: Path, label: str, films: dict[str, _Film], skips: list[Skip],
                 line_no: list[int], limits: Limits, notes: Counter[str]) -> None:
    try:
        csv_file = open_csv(file, limits=limits)
    except InputError as exc:
        raise InputError(f"{label}: {exc.message}", hint=exc.hint) from exc
    try:
        if "Name" not in csv_file.header:
            raise InputError(f"{label} has no Name column.")
        for row in _rows(csv_file, label):
            line_no[0] += 1
            if line_no[0] > limits.rows:
                raise InputError(f"The export's files hold more than {limits.rows:,} rows: more than one"
                                 " person's history, so nothing was imported.")
            key, title, year = _film_key(row)
            if not title:
                skips.append(Skip(line_no[0], "no title"))
                continue
            film = films.setdefault(key, _Film(key, title, year, first_line=line_no[0]))
            _merge(film, member, row)
    finally:
        notes.update({f"{label}: {note}": n for note, n in csv_file.notes.items()})
        csv_file.close()


def _rows(csv_file: CsvFile, label: str) -> Iterator[dict[str, str]]:
    try:
        yield from csv_file.rows()
    except InputError as exc:  # name the member, not the temporary file it was unpacked to
        raise InputError(exc.message.replace(csv_file.path.name, label), hint=exc.hint) from exc


def _merge(film: _Film, name: str, row: dict[str, str]) -> None:
    film.raw[name] = dict(row)
    if name == "watchlist.csv":
        film.saved = True
        return
    if name == "likes/films.csv":
        film.liked = True
        return  # a like says nothing of watching: its date is when it was liked
    film.watched = True
    watched_on, logged_on = parse_date(row.get("Watched Date")), parse_date(row.get("Date"))
    if watched_on and (film.watched_on is None or watched_on > film.watched_on):
        film.watched_on = watched_on
    if logged_on and (film.logged_on is None or logged_on > film.logged_on):
        film.logged_on = logged_on
    date = watched_on or logged_on
    rating = parse_float(row.get("Rating"))
    valid = rating is not None and 0.5 <= rating <= 5
    if name == "diary.csv":
        film.diary.append(Viewing(date=date, rewatch=(row.get("Rewatch") or "").strip().casefold() == "yes",
                                  rating=rating if valid else None))
    elif date:
        film.dated.setdefault(name, date)
    if rating is None or not valid:
        return
    if name == "ratings.csv":
        film.rating, film.current_rating = rating, True
    elif not film.current_rating and (date or "") >= film.rating_date:
        film.rating, film.rating_date = rating, date or ""


FORMAT = Format(
    name="letterboxd", label="Letterboxd", kind="film", scale=SCALE, suffixes=(".zip", ".csv"),
    statuses="diary, ratings, watched and reviews: watched; likes: liked (a like alone is not history); the"
             " watchlist: saved for later",
    recognised="the archive or folder holds Letterboxd's files (diary.csv, ratings.csv, watched.csv)",
    order=40,
)
