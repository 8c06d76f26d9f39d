"""Reading CSV files people export from other services, whatever their encoding.

Files are streamed: memory stays bounded however large the file is. The encoding
is found from a byte-order mark, else by checking the whole file is valid UTF-8,
else cp1252 / Latin-1; UTF-16 without a BOM is recognised by its zero bytes.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from app.core.errors import InputError
from app.core.sizes import size_text
from app.importers.limits import LIMITS, Limits, checked_size

__all__ = ["CsvFile", "detect_encoding", "find_column", "open_csv"]

_CHUNK = 1 << 20
_FIELD_LIMIT = 16 << 20  # one field above 16 MB is a broken file, not a review
_SNIFF = 64 << 10
_SHAPE_ROWS = 500  # rows that teach what each column holds (for the unclosed-quote check)
_EMPTY, _NUMBER, _TEXT = 0, 1, 2
_ENCODING_HINT = "Leave out --encoding to detect it, or name one such as utf-8, cp1252, latin-1 or utf-16."

csv.field_size_limit(_FIELD_LIMIT)


def _utf16_without_bom(sample: bytes) -> str | None:
    if len(sample) < 4:
        return None
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    half = len(sample) // 2
    if odd > half * 0.3 and even < half * 0.05:
        return "utf-16-le"
    if even > half * 0.3 and odd < half * 0.05:
        return "utf-16-be"
    return None


def _decodes(path: Path, encoding: str) -> tuple[bool, int]:
    """Whether the whole file decodes; else the byte offset of the first bad byte."""
    decoder = codecs.getincrementaldecoder(encoding)()
    offset = 0
    with path.open("rb") as f:
        while chunk := f.read(_CHUNK):
            try:
                decoder.decode(chunk)
            except (UnicodeError, ValueError) as exc:  # "undefined" and "idna" raise plain UnicodeError
                return False, offset + getattr(exc, "start", 0)
            offset += len(chunk)
        try:
            decoder.decode(b"", final=True)
        except (UnicodeError, ValueError):
            return False, offset
    return True, -1


def detect_encoding(path: Path) -> str:
    with path.open("rb") as f:
        sample = f.read(_SNIFF)
    if sample.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    utf16 = _utf16_without_bom(sample)
    if utf16:
        return utf16
    if b"\x00" in sample:
        raise InputError(
            f"{path.name} does not look like a text CSV file (it contains binary data).",
            hint="Export the data as CSV and import that file.",
            zh=f"{path.name} 看起来不是文本 CSV 文件（里面有二进制数据）。",
            zh_hint="请把数据导出为 CSV，再导入那个文件。",
        )
    if _decodes(path, "utf-8")[0]:
        return "utf-8"
    good, bad = _utf8_census(path)
    if good > bad:  # UTF-8 with a few stray Windows bytes (a hand edit): keep the UTF-8 text right
        return MIXED
    # Not UTF-8: Windows exports are cp1252; Latin-1 decodes any byte at all.
    return "cp1252" if _decodes(path, "cp1252")[0] else "latin-1"


def _utf8_census(path: Path) -> tuple[int, int]:
    """(characters that are valid multi-byte UTF-8, bytes that are not UTF-8)."""
    decoder = codecs.getincrementaldecoder("utf-8")("surrogateescape")
    good = bad = 0
    with path.open("rb") as f:
        while chunk := f.read(_CHUNK):
            text = decoder.decode(chunk)
            escaped = sum("\udc80" <= c <= "\udcff" for c in text)
            bad += escaped
            good += sum(c >= "\x80" for c in text) - escaped
    return good, bad


def _cp1252_fallback(exc: UnicodeError) -> tuple[str, int]:
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    bad = exc.object[exc.start:exc.end]
    # cp1252 leaves five bytes undefined; Latin-1 names every byte.
    return "".join(bytes([b]).decode("cp1252", errors="ignore") or chr(b) for b in bad), exc.end


def _mixed_codec(name: str) -> codecs.CodecInfo | None:
    if name != MIXED.replace("-", "_"):
        return None
    utf8 = codecs.lookup("utf-8")
    return codecs.CodecInfo(
        name=MIXED,
        encode=utf8.encode,
        decode=lambda data, errors="strict": codecs.utf_8_decode(data, _FALLBACK, True),
        incrementaldecoder=lambda errors="strict": codecs.getincrementaldecoder("utf-8")(_FALLBACK),
        incrementalencoder=utf8.incrementalencoder,
        streamreader=utf8.streamreader,
        streamwriter=utf8.streamwriter,
    )


MIXED = "utf-8-mixed"  # UTF-8 whose stray undecodable bytes are read as cp1252
_FALLBACK = "hearth-cp1252-fallback"
codecs.register_error(_FALLBACK, _cp1252_fallback)
codecs.register(_mixed_codec)


def _delimiter(header_line: str) -> str:
    counts = {d: header_line.count(d) for d in (",", ";", "\t", "|")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


class _CountingReader(io.RawIOBase):
    """A binary reader that counts the bytes it hands out (for progress)."""

    def __init__(self, raw: io.BufferedReader) -> None:
        self.raw = raw
        self.count = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:  # type: ignore[no-untyped-def]
        n = self.raw.readinto(buffer)
        self.count += n or 0
        return n or 0

    def close(self) -> None:
        self.raw.close()
        super().close()


@dataclass
class CsvFile:
    """An opened CSV: its header, encoding, delimiter and a row iterator.

    ``peek(n)`` reads rows ahead (to recognise a format or a date order from its values)
    without losing them: ``rows()`` yields them first.
    """

    path: Path
    encoding: str
    delimiter: str
    header: list[str]
    size: int
    _counter: _CountingReader
    _reader: Iterator[list[str]]  # a csv.reader
    _ahead: list[tuple[int, list[str]]] = field(default_factory=list)
    line: int = 0  # the line of the row last yielded
    headerless: bool = False  # the first line was data; ``header`` was given
    limits: Limits = LIMITS
    notes: Counter[str] = field(default_factory=Counter)  # what the report should say; shared by detect
    _count: int = 0  # data rows read so far
    _kinds: list[set[int]] = field(default_factory=list)  # per column, the kinds of value its rows hold

    def __post_init__(self) -> None:
        self._kinds = [set() for _ in self.header]

    @property
    def bytes_read(self) -> int:
        return self._counter.count

    def _next_raw(self) -> tuple[int, list[str]] | None:
        try:
            start = self._reader.line_num  # type: ignore[attr-defined]
            for row in self._reader:
                if any(cell.strip() for cell in row):
                    self._count += 1
                    if self._count > self.limits.rows:
                        raise InputError(
                            f"{self.path.name} has more than {self.limits.rows:,} rows: more than one person's"
                            " history, so nothing was imported.",
                            hint="Import your own export; a file of many people's ratings is a dataset.")
                    self._check_quotes(start + 1, row)
                    return self._reader.line_num, row  # type: ignore[attr-defined]
                start = self._reader.line_num  # type: ignore[attr-defined]
            return None
        except csv.Error as exc:
            raise InputError(
                f"{self.path.name} is not a well-formed CSV file (line {self._reader.line_num}: {exc}).",  # type: ignore[attr-defined]
                hint="Check the file in a spreadsheet program and export it again as CSV.",
            zh=f"{self.path.name} 不是格式正确的 CSV 文件（第 {self._reader.line_num} 行：{exc}）。",  # type: ignore[attr-defined]
            zh_hint="请在电子表格程序里检查这个文件，再重新导出为 CSV。",
            ) from exc
        except (UnicodeError, ValueError) as exc:
            raise InputError(
                f"{self.path.name} is not valid {self.encoding} (near line {self._reader.line_num}).",  # type: ignore[attr-defined]
                hint="Save it as UTF-8, or name its real encoding.", command="With --encoding latin-1 (or another).",
            ) from exc

    def _check_quotes(self, first_line: int, row: list[str]) -> None:
        """Say so when a quote seems never closed: the lines after it became one cell, silently. Such a
        cell holds lines shaped like the file's rows (as many cells, each of its column's kind); a review's
        paragraphs, however many commas they hold, are not."""
        lines = self._reader.line_num - first_line + 1  # type: ignore[attr-defined]
        if lines < 3:
            self._learn(row)
            return
        for cell in row:
            if sum(self._row_shaped(line) for line in cell.split("\n")[1:]) >= 2:
                self.notes[f"line {first_line}: a quote opened there seems never to be closed, so the next"
                           f" {lines - 1} lines were read as part of one row; check the file"] += 1
                return
        self._learn(row)

    def _learn(self, row: list[str]) -> None:
        """The kinds of value each column holds, from the file's first well-formed rows."""
        if len(row) == len(self.header) and self._count <= _SHAPE_ROWS:
            for kinds, cell in zip(self._kinds, row):
                kinds.add(_kind(cell))

    def _row_shaped(self, line: str) -> bool:
        cells = next(csv.reader([line.rstrip("\r")], delimiter=self.delimiter, skipinitialspace=True), [])
        if len(cells) != len(self.header):
            return False
        return all(k == _EMPTY or not seen or k in seen for k, seen in zip(map(_kind, cells), self._kinds))

    def _as_dict(self, row: list[str]) -> dict[str, str]:
        width = len(self.header)
        if len(row) < width:
            row = row + [""] * (width - len(row))
        return dict(zip(self.header, row))

    def peek(self, n: int) -> list[dict[str, str]]:
        """The next ``n`` data rows (fewer at the end), kept for ``rows()``."""
        while len(self._ahead) < n:
            raw = self._next_raw()
            if raw is None:
                break
            self._ahead.append(raw)
        return [self._as_dict(row) for _, row in self._ahead[:n]]

    def rows(self) -> Iterator[dict[str, str]]:
        """Each data row as {header name: value}; short rows padded, long rows cut."""
        while True:
            if self._ahead:
                line, row = self._ahead.pop(0)
            else:
                raw = self._next_raw()
                if raw is None:
                    return
                line, row = raw
            self.line = line
            yield self._as_dict(row)

    def close(self) -> None:
        self._counter.close()


def open_csv(path: Path | str, *, encoding: str | None = None, header: list[str] | None = None,
             limits: Limits = LIMITS) -> CsvFile:
    """Open a CSV for streaming. Raises InputError for missing, empty or binary files.

    With ``header``, the file has no header line: its first line is data, and the
    columns are named by ``header``.
    """
    path = Path(path)
    if not path.is_file():
        raise InputError(f"{path} is not a regular file." if path.exists() else f"There is no file at {path}.")
    size = checked_size(path, limits.file_bytes)
    if encoding is None:
        encoding = detect_encoding(path)
    else:
        try:
            info = codecs.lookup(encoding)
        except LookupError as exc:
            raise InputError(f"Unknown encoding {encoding!r}.", hint=_ENCODING_HINT) from exc
        if not getattr(info, "_is_text_encoding", True):  # rot13, hex, zlib_codec: not a text encoding
            raise InputError(f"{encoding!r} is not a text encoding.", hint=_ENCODING_HINT)
        ok, offset = _decodes(path, encoding)
        if not ok:
            raise InputError(
                f"{path.name} is not valid {encoding}: the byte at offset {offset} cannot be decoded.",
                hint="Leave out --encoding to detect it, or name the file's real encoding.",
            )
    notes: Counter[str] = Counter()
    if encoding == MIXED:
        notes["the file is UTF-8 but for a few bytes, which were read as Windows-1252 (cp1252)"] += 1
    counter = _CountingReader(path.open("rb"))
    text = io.TextIOWrapper(io.BufferedReader(counter), encoding=encoding, newline="")
    try:
        first = text.readline(limits.header_bytes)
        if len(first) >= limits.header_bytes and not first.endswith("\n"):
            counter.close()
            raise InputError(f"{path.name}'s first line is longer than {size_text(limits.header_bytes)}:"
                             " it is not the header of a history export.")
        delimiter = _delimiter(first)
        # skipinitialspace: some people pad their columns ("Book Id  , Title   , ..."); a quoted
        # cell after the padding must still be one cell.
        reader = csv.reader(_chain(first, text, path), delimiter=delimiter, skipinitialspace=True)
        first_row = next(reader, None)
    except (csv.Error, UnicodeError, ValueError) as exc:
        counter.close()
        raise InputError(f"{path.name} has an unreadable header line: {exc}.") from exc
    if not first_row or not any(h.strip() for h in first_row):
        counter.close()
        raise InputError(f"{path.name} has no header line naming its columns.",
                             zh=f"{path.name} 没有写明各列名称的表头行。")
    if len(first_row) > limits.columns:
        counter.close()
        raise InputError(f"{path.name} has {len(first_row):,} columns: more than {limits.columns:,}, so it is"
                         " not a history export.")
    ahead: list[tuple[int, list[str]]] = []
    if header is None:
        header = [h.strip().lstrip("\ufeff") for h in first_row]
    else:
        first_row[0] = first_row[0].lstrip("\ufeff")
        ahead.append((1, first_row))
    return CsvFile(path, encoding, delimiter, list(header), size, counter, reader, ahead,
                   headerless=bool(ahead), limits=limits, notes=notes, _count=len(ahead))


def _chain(first: str, rest: io.TextIOWrapper, path: Path) -> Iterator[str]:
    """The file's lines, none longer than a cell may be: a 200 MB line of commas would otherwise
    become 200 million cells in memory at once."""
    yield first
    while line := rest.readline(_FIELD_LIMIT + 1):
        if len(line) > _FIELD_LIMIT:
            raise InputError(f"{path.name} has a line longer than {size_text(_FIELD_LIMIT)}: it is not a history"
                             " export.", hint="Import your own export's file.")
        yield line


def _kind(cell: str) -> int:
    """Empty, a number or date (no letters), or text."""
    cell = cell.strip()
    return _EMPTY if not cell else _TEXT if any(c.isalpha() for c in cell) else _NUMBER


def find_column(header: list[str], names: tuple[str, ...]) -> str | None:
    """The header cell matching one of ``names`` (case and spacing ignored)."""
    norm: Callable[[str], str] = lambda s: " ".join(s.casefold().replace("_", " ").split())
    by_norm = {norm(h): h for h in reversed(header)}
    for name in names:
        if norm(name) in by_norm:
            return by_norm[norm(name)]
    return None
