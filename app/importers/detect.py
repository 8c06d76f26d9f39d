"""Which export a file is, from its content: the header's columns, the shape of its rows, the
files in an archive or a folder. Several files (or a folder) are read together: the loose
CSVs of one Letterboxd export are merged as its ZIP is.
"""

from __future__ import annotations

import os
import zipfile
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from app.core.errors import InputError
from app.importers.csvfile import CsvFile, find_column, open_csv
from app.importers.formats import generic, goodreads, letterboxd
from app.importers.formats.generic import guess_kind, read_generic, resolve_columns, scan_rating_scale
from app.importers.limits import LIMITS, Limits
from app.importers.records import ImportRow, ReadContext, Skip
from app.importers.registry import Format, Opened, file_formats, formats, header_formats
from app.importers.values import sniff_date_order

__all__ = ["MAX_FILES", "Source", "open_source", "open_sources"]

MAX_FILES = 200  # files read from one folder
MAX_ENTRIES = 20_000  # files and folders looked at in one folder given to import
_SNIFF_ROWS = 500


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
    paths: tuple[Path, ...] = ()  # the files read
    layout: str = ""  # which export of the service: "library export, 24 columns", "watchlist", ...
    why: str = ""  # how the format was recognised
    guessed: bool = False  # recognised from the shape of the data, not from named columns
    kind: str | None = None  # what the rows are ("film", "book"), None if the file does not say
    notes: Counter[str] = field(default_factory=Counter)

    @property
    def name(self) -> str:
        return formats()[self.format].label

    @property
    def files(self) -> tuple[str, ...]:
        return tuple(p.name for p in self.paths)


@dataclass
class _Options:
    format: str | None
    mapping: dict[str, str] | None
    kind: str | None
    encoding: str | None
    scale: tuple[float, float] | None
    shelves: dict[str, str]
    limits: Limits


def open_source(path: Path, **options: object) -> Source:
    """Open one export file (see ``open_sources``)."""
    sources = open_sources([path], **options)  # type: ignore[arg-type]
    if len(sources) != 1:
        for s in sources:
            s.close()
        raise InputError(f"{path.name} holds {len(sources)} exports; import them with import_files.")
    return sources[0]


def open_sources(
    paths: Sequence[Path],
    *,
    format: str | None = None,
    mapping: dict[str, str] | None = None,
    kind: str | None = None,
    encoding: str | None = None,
    scale: tuple[float, float] | None = None,
    shelves: dict[str, str] | None = None,
    limits: Limits = LIMITS,
) -> list[Source]:
    """Every export in ``paths`` (files or folders); ``format`` forces one, else each is detected."""
    if format is not None and format not in formats():
        raise InputError(f"Unknown format {format!r}.", hint="Formats: " + ", ".join(formats()) + ".")
    opts = _Options(format, mapping, kind, encoding, scale, dict(shelves or {}), limits)
    files, ignored = _expand(paths)
    sources: list[Source] = []
    lb_zips: list[Path] = []
    lb_files: list[tuple[str, Path]] = []
    lb_why: list[str] = []
    claimed: dict[str, list[Path]] = {}  # format -> its files (JSON, workbooks): opened together below
    try:
        for path, explicit in files:
            owner = _claimant(path, opts, explicit=explicit)
            if isinstance(owner, Format):
                claimed.setdefault(owner.name, []).append(path)
                continue
            if owner is not None:
                ignored.append(owner)
                continue
            if format in (None, "letterboxd") and zipfile.is_zipfile(path):
                if not letterboxd.is_letterboxd_zip(path, opts.limits) and not explicit:
                    ignored.append(f"{path.name} (not a Letterboxd export)")
                    continue
                lb_zips.append(path)
                continue
            if _looks_zipped(path):
                raise InputError(f"{path.name} is a ZIP archive, but a damaged one (cut short, or its table of"
                                 " contents is missing).", hint="Download or copy the file again.",
                                 zh=f"{path.name} 是一个 ZIP 压缩包，但已经损坏（不完整，或缺少目录）。",
                                 zh_hint="请重新下载或复制这个文件。")
            found = _open_csv_source(path, opts, explicit=explicit)
            if isinstance(found, tuple):
                member, why = found
                lb_files.append((member, path))
                lb_why.append(f"{path.name}: {why}")
            elif found is None:
                ignored.append(f"{path.name} (not a history file)")
            else:
                sources.append(found)
        if lb_zips or lb_files:
            sources.insert(0, _letterboxd(lb_zips, lb_files, lb_why, opts))
        for name, paths_of in claimed.items():
            sources += _opened(formats()[name], paths_of, opts)
    except BaseException:
        for s in sources:
            s.close()
        raise
    if not sources:
        raise InputError(
            "Nothing to import: " + (", ".join(ignored[:5]) if ignored else "no CSV or ZIP file was found") + ".",
            hint="Give an export: " + ", ".join(f.label for f in formats().values() if f.name != "generic")
            + " (files, a ZIP or a folder), or a CSV with a title column.",
            zh="没有可导入的内容：" + ("、".join(ignored[:5]) if ignored else "没有找到 CSV 或 ZIP 文件") + "。",
            zh_hint="请选择一份导出：" + "、".join(f.label for f in formats().values() if f.name != "generic")
            + "（文件、ZIP 或文件夹），或一个带标题列的 CSV。",
        )
    if ignored:
        sources[0].notes.update({f"left out: {name}": 1 for name in ignored})
    return sources


def _expand(paths: Sequence[Path]) -> tuple[list[tuple[Path, bool]], list[str]]:
    """(file, given by name) for each file to read; folders give their CSVs and ZIPs."""
    files: list[tuple[Path, bool]] = []
    ignored: list[str] = []
    for path in map(Path, paths):
        if path.is_dir():
            found = sorted(_export_files(path))
            if len(found) > MAX_FILES:
                raise InputError(f"{path} holds {len(found)} CSV and ZIP files: too many to be one export.",
                                 hint="Import the export's own folder or files.")
            files += [(p, False) for p in found]
        elif path.is_file():
            files.append((path, True))
        elif path.exists():
            raise InputError(f"{path} is not a regular file or folder.")
        else:
            raise InputError(f"There is no file at {path}.", zh=f"{path} 处没有文件。")
    return files, ignored


def _export_files(folder: Path) -> Iterator[Path]:
    """The CSVs and ZIPs under ``folder`` (hidden, deleted/ and orphaned/ left out; links not followed),
    looking at no more than MAX_ENTRIES entries: a home folder given by mistake is refused at once."""
    seen = 0
    for root, dirs, names in os.walk(folder):
        seen += len(dirs) + len(names)
        if seen > MAX_ENTRIES:
            raise InputError(f"{folder} holds more than {MAX_ENTRIES:,} files and folders: too many to be one"
                             " export.", hint="Import the export's own folder or files.")
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in ("deleted", "orphaned"))
        for name in names:
            path = Path(root) / name
            if not name.startswith(".") and path.suffix.lower() in _suffixes() and path.is_file():
                yield path


def _suffixes() -> set[str]:
    return {suffix for f in formats().values() for suffix in f.suffixes}


def _looks_zipped(path: Path) -> bool:
    with path.open("rb") as f:
        return f.read(4) == b"PK\x03\x04"


def _document(path: Path) -> str | None:
    """What a file that is no CSV is, in words ("a JSON file"); None for a CSV (or a text file read as one)."""
    suffix = path.suffix.lower()
    with path.open("rb") as f:
        head = f.read(512)
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if suffix == ".json" or text[:1] in (b"[", b"{"):
        return "a JSON file"
    if head.startswith(b"PK\x03\x04") and suffix in (".xlsx", ".xlsm", ".ods"):
        return "a spreadsheet workbook"
    if head.startswith(b"\xd0\xcf\x11\xe0"):  # an Excel 97-2003 .xls
        return "an Excel 97-2003 workbook"
    if text[:1] == b"<" and suffix in (".xls", ".html", ".htm"):
        return "a web page (HTML)"
    return None


def _claimant(path: Path, opts: _Options, *, explicit: bool) -> Format | str | None:
    """The format that opens this file itself (a JSON export, a workbook, an archive of JSON); a note for a
    folder's file that no format reads; None for a file the CSV and Letterboxd readers take."""
    what = _document(path)
    zipped = what is None and zipfile.is_zipfile(path)
    for fmt in file_formats():
        if opts.format not in (None, fmt.name):
            continue
        why = fmt.claims(path, opts.limits)  # type: ignore[misc]
        if why is not None:
            return fmt
    if zipped or what is None:
        return None
    forced = f"{path.name} is not a {opts.format} export: it is {what}." if opts.format else None
    readers = ", ".join(f.label for f in file_formats())
    unread = _not_read_yet(path)
    if unread:
        raise InputError(f"{path.name} looks like {unread}, which Hearth does not read yet.",
                         hint="Export a CSV with a title column (and year, rating, date) and import that.",
                         zh=f"{path.name} 看起来是 {unread}，Hearth 目前还读不了这种文件。",
                         zh_hint="请导出一个带标题列（以及年份、评分、日期）的 CSV，再导入它。")
    if explicit:
        raise InputError(forced or f"{path.name} is {what}, but not an export Hearth reads ({readers}).",
                         hint="Export your history as CSV (a spreadsheet program saves a sheet as CSV) and import"
                         " that file." if "workbook" in what else "Import the export's own files.",
                         zh=None if forced else f"{path.name} 不是 Hearth 能读的导出文件（{readers}）。",
                         zh_hint="请把历史记录导出为 CSV（电子表格程序可以把工作表另存为 CSV），再导入它。"
                         if "workbook" in what else "请导入导出文件本身。")
    return f"{path.name} ({what}, not an export)"


def _not_read_yet(path: Path) -> str | None:
    """Exports people have that Hearth does not read, named so that the error says which."""
    with path.open("rb") as f:
        head = f.read(64 << 10)
    if b"<table" in head.lower() and any("моя оценка".encode(e) in head for e in ("cp1251", "utf-8")):
        return "Kinopoisk's ratings export (an HTML table saved as .xls)"
    if b'"timeline"' in head and b'"activity"' in head:
        return "Libby's timeline (JSON)"
    return None


def _opened(fmt: Format, paths: list[Path], opts: _Options) -> list[Source]:
    """The exports a format opened from the files it claimed: one Source each, within the row cap."""
    if opts.scale is not None and fmt.scale is not None:
        lo, hi = fmt.scale
        raise InputError(f"--scale is for CSVs of their own layout; {fmt.label} ratings are always "
                         f"{lo:g}-{hi:g}.", hint="Leave out --scale.")
    out = []
    for found in fmt.open(paths, opts.shelves, opts.limits):  # type: ignore[misc]
        out.append(Source(format=fmt.name, encoding=found.encoding, records=_capped(found, opts.limits),
                          size=found.size, position=found.position, close=found.close, rating_scale=fmt.scale,
                          paths=found.paths, layout=found.layout, why=found.why, kind=found.kind,
                          notes=found.notes))
    return out


def _capped(found: Opened, limits: Limits) -> Iterator[ImportRow | Skip]:
    for n, record in enumerate(found.records, 1):
        if n > limits.rows:
            name = ", ".join(p.name for p in found.paths)
            raise InputError(f"{name} has more than {limits.rows:,} rows: more than one person's history, so"
                             " nothing was imported.",
                             hint="Import your own export; a file of many people's ratings is a dataset.",
                             zh=f"{name} 超过 {limits.rows:,} 行：不止一个人的历史记录，所以什么都没有导入。",
                             zh_hint="请导入你自己的导出文件；很多人的评分是一个数据集。")
        yield record


def _open_csv_source(path: Path, opts: _Options, *, explicit: bool) -> Source | tuple[str, str] | None:
    """A Source, or (member, why) for a loose Letterboxd file, or None for a file to leave out."""
    csv_file = open_csv(path, encoding=opts.encoding, limits=opts.limits)
    try:
        found = _detect(csv_file, path, opts, explicit=explicit)
    except BaseException:
        csv_file.close()
        raise
    if not isinstance(found, Source):
        csv_file.close()
    return found


def _detect(csv_file: CsvFile, path: Path, opts: _Options, *, explicit: bool) -> Source | tuple[str, str] | None:
    header = csv_file.header
    forced = opts.format
    if forced == "generic" or (forced is None and opts.mapping):
        return _generic(csv_file, path, opts, why="named by --map" if opts.mapping else "as you asked")
    named = next((f for f in header_formats() if f.matches(header)), None)  # type: ignore[misc]
    if forced is not None and named is not None and named.name != forced:
        raise InputError(f"{path.name} is not a {forced} export: it looks like {named.label}'s.",
                         hint="Leave out --format to detect the format.")
    if named is not None:
        layout = named.layout(header, path.name) if named.layout else ""
        return _csv_source(named, csv_file, opts, layout=layout, why=named.recognised)
    member = letterboxd.member_of(header, f"{path.parent.name}/{path.name}")  # "likes/films.csv"
    if member is not None and forced in (None, "letterboxd"):
        return member
    layout = goodreads.headerless_layout(csv_file.header)
    if layout is not None and forced in (None, "goodreads"):
        reopened = open_csv(path, encoding=csv_file.encoding, header=layout, limits=opts.limits)
        csv_file.close()
        return _csv_source(goodreads.FORMAT, reopened, opts,
                           layout=f"library export without its header line, {len(layout)} columns",
                           why=f"it has no header line, and its first line is a row in the shape of a Goodreads"
                           f" export ({len(layout)} columns: a Book Id, a rating of 0-5, dates, a shelf)",
                           guessed=True)
    if forced is not None:
        raise InputError(f"{path.name} is not a {forced} export: it lacks its columns.",
                         hint="Leave out --format to detect the format, or name the columns with --map.")
    if not explicit and find_column(header, ("title", "name", "film", "movie", "book")) is None:
        return None  # a folder's other files (profile.csv, comments.csv)
    return _generic(csv_file, path, opts, why=generic.FORMAT.recognised)


def _sniff_order(csv_file: CsvFile, columns: Sequence[str | None], default: str) -> str:
    rows = csv_file.peek(_SNIFF_ROWS)
    order = sniff_date_order(row.get(c, "") for c in columns if c for row in rows)
    return order or default


def _csv_source(fmt: Format, csv_file: CsvFile, opts: _Options, *, layout: str, why: str,
                guessed: bool = False) -> Source:
    if opts.scale is not None and fmt.scale is not None:
        lo, hi = fmt.scale
        raise InputError(f"--scale is for CSVs of their own layout; {fmt.label} ratings are always "
                         f"{lo:g}-{hi:g}.", hint="Leave out --scale.")
    columns = [find_column(csv_file.header, (c,)) for c in fmt.date_columns]
    ctx = ReadContext(shelves=opts.shelves, date_order=_sniff_order(csv_file, columns, "mdy"),  # type: ignore[arg-type]
                      notes=csv_file.notes)
    records = fmt.read(csv_file, ctx)  # type: ignore[misc]
    return Source(format=fmt.name, encoding=csv_file.encoding, records=records, size=csv_file.size,
                  position=lambda: csv_file.bytes_read, close=csv_file.close, rating_scale=fmt.scale,
                  paths=(csv_file.path,), layout=layout, why=why, guessed=guessed, kind=fmt.kind,
                  notes=ctx.notes)


def _generic(csv_file: CsvFile, path: Path, opts: _Options, *, why: str) -> Source:
    columns = resolve_columns(csv_file.header, opts.mapping)
    scale = opts.scale
    if scale is None and "rating" in columns:
        scan = open_csv(path, encoding=csv_file.encoding, limits=opts.limits)
        try:
            scale = scan_rating_scale(scan, columns["rating"], csv_file.notes)
        finally:
            scan.close()
    kind = opts.kind or guess_kind(csv_file.header)
    ctx = ReadContext(shelves=opts.shelves, notes=csv_file.notes,
                      date_order=_sniff_order(csv_file, [columns.get("date")], "dmy"))  # type: ignore[arg-type]
    found = ", ".join(f"{k}={v}" for k, v in columns.items())
    return Source(
        format="generic", encoding=csv_file.encoding,
        records=read_generic(csv_file, columns, scale=scale, kind=kind, ctx=ctx),
        size=csv_file.size, position=lambda: csv_file.bytes_read, close=csv_file.close, rating_scale=scale,
        paths=(path,), layout=f"columns {found}", why=why, guessed=True, kind=kind, notes=ctx.notes,
    )


def _letterboxd(zips: list[Path], files: list[tuple[str, Path]], why: list[str], opts: _Options) -> Source:
    if opts.scale is not None:
        raise InputError("--scale is for CSVs of their own layout; Letterboxd ratings are always 0.5-5.",
                         hint="Leave out --scale.")
    notes: Counter[str] = Counter()
    records = letterboxd.read_export(zips=zips, files=files, limits=opts.limits, notes=notes)  # bounded by the caps
    done = [0]

    def counted() -> Iterator[ImportRow | Skip]:
        for record in records:
            done[0] += 1
            yield record

    if zips and not files:
        layout, reason = "export ZIP", "the archive holds Letterboxd's files (diary.csv, ratings.csv, watched.csv)"
    else:
        members = ", ".join(dict.fromkeys(m.removesuffix(".csv") for m, _ in files))
        layout = ("export ZIP and " if zips else "") + f"loose CSVs ({members})"
        reason = "; ".join(why)
    return Source(format="letterboxd", encoding="zip" if zips and not files else "csv", records=counted(),
                  size=len(records), position=lambda: done[0], close=lambda: None,
                  rating_scale=letterboxd.FORMAT.scale, paths=(*zips, *(p for _, p in files)), layout=layout,
                  why=reason, kind="film", notes=notes)
