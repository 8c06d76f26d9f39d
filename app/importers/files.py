"""Data-set files shared by the importers and catalog builders, and the whole-file reading (JSON, workbooks,
ZIP members) of the export formats that are not CSV, within the caps."""

from __future__ import annotations

import csv
import json
import zipfile
import zlib
from collections.abc import Iterator, Sequence
from pathlib import Path, PurePosixPath
from typing import Any

from app.core.errors import InputError
from app.core.files import sha256_file
from app.core.sizes import size_text
from app.importers.limits import LIMITS, Limits, checked_size

__all__ = ["ZIP_ERRORS", "iter_table", "looks_like_json", "parse_json", "read_document", "read_table", "sha256_file",
           "zip_members", "zip_names"]


def read_table(path: Path, required: tuple[str, ...], *, hint: str | None = None) -> list[dict[str, str]]:
    """A small, well-formed UTF-8 CSV (a data set, not a user's export) as dicts."""
    return list(iter_table(path, required, hint=hint))


def iter_table(path: Path, required: tuple[str, ...], *, hint: str | None = None) -> Iterator[dict[str, str]]:
    """The rows of a well-formed UTF-8 CSV one at a time (a ratings file of millions of rows is not held as
    dicts); a missing file or column raises before the first row."""
    if not path.is_file():
        raise InputError(f"{path} is missing.")
    with path.open(encoding="utf-8", newline="") as f:
        reader = csv.DictReader(f)
        missing = [c for c in required if c not in (reader.fieldnames or [])]
        if missing:
            raise InputError(f"{path.name} lacks the column(s) {', '.join(missing)}.", hint=hint,
                             zh=f"{path.name} 缺少这些列：{'、'.join(missing)}。")
        yield from reader


def read_document(path: Path, limits: Limits = LIMITS) -> bytes:
    """A whole file read at once (JSON, a workbook), within ``limits.document_bytes``."""
    checked_size(path, limits.document_bytes)
    return path.read_bytes()


def parse_json(data: bytes, name: str) -> Any:
    """JSON in UTF-8 (with or without a BOM) or UTF-16; one clear InputError when it is not JSON."""
    encoding = "utf-16" if data[:2] in (b"\xff\xfe", b"\xfe\xff") else "utf-8-sig"
    try:
        return json.loads(data.decode(encoding))
    except RecursionError as exc:
        raise InputError(f"{name} is nested too deeply to be an export.") from exc
    except (UnicodeError, ValueError) as exc:
        raise InputError(f"{name} is not well-formed JSON ({str(exc)[:120]}).",
                         hint="Download the export again and import it as it is.",
                         zh=f"{name} 不是格式正确的 JSON（{str(exc)[:120]}）。",
                         zh_hint="请重新下载导出文件，原样导入。") from exc


def looks_like_json(path: Path) -> bool:
    with path.open("rb") as f:
        head = f.read(64).lstrip(b"\xef\xbb\xbf \t\r\n")
    return head[:1] in (b"[", b"{") or head[:2] in (b"\xff\xfe", b"\xfe\xff")


# What a damaged, encrypted or exotic archive raises from zipfile.
ZIP_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, OSError, RuntimeError, NotImplementedError, ValueError)


def zip_names(path: Path, limits: Limits = LIMITS) -> list[str]:
    """The plain relative file names in a ZIP (no traversal, no folders); [] if it is no readable ZIP."""
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
    except ZIP_ERRORS:
        return []
    if len(infos) > limits.members:
        return []
    return [i.filename for i in infos if not i.is_dir() and _plain(i.filename)]


def _plain(name: str) -> bool:
    path = PurePosixPath(name.replace("\\", "/"))
    return bool(path.parts) and not path.is_absolute() and ".." not in path.parts


def zip_members(path: Path, wanted: Sequence[str], limits: Limits = LIMITS) -> dict[str, bytes]:
    """The named members' bytes, each within ``limits.member_bytes`` and all within ``limits.archive_bytes``:
    an archive that unpacks past them is refused whole."""
    out: dict[str, bytes] = {}
    left = limits.archive_bytes
    try:
        with zipfile.ZipFile(path) as archive:
            if len(archive.infolist()) > limits.members:
                raise InputError(f"{path.name} lists more than {limits.members:,} files: too many to be one export.")
            for name in wanted:
                info = archive.getinfo(name)
                cap = min(limits.member_bytes, left)
                too_large = InputError(f"{name} in {path.name} unpacks to more than {size_text(cap)}: more than"
                                       " any export, so nothing was imported.",
                                       hint="Import the ZIP exactly as the service gave it.")
                if info.file_size > cap:
                    raise too_large
                with archive.open(info) as member:
                    data = member.read(cap + 1)
                if len(data) > cap:  # the header lied about the size
                    raise too_large
                left -= len(data)
                out[name] = data
    except ZIP_ERRORS as exc:
        raise InputError(f"{path.name} cannot be read as a ZIP archive ({str(exc)[:100] or type(exc).__name__}).",
                         hint="Download the export again and import it as it is.",
                         zh=f"{path.name} 无法作为 ZIP 压缩包读取（{str(exc)[:100] or type(exc).__name__}）。",
                         zh_hint="请重新下载导出文件，原样导入。") from exc
    except KeyError as exc:
        raise InputError(f"{path.name} changed while it was read.") from exc
    return out
