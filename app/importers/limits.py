"""How much one import may read: far above any person's real export, far below what would
exhaust a desktop. A file past a cap is refused whole, with the cap named, and nothing is
stored. Tests lower the caps through the ``limits`` parameter.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from app.core.errors import InputError
from app.core.sizes import size_text

__all__ = ["LIMITS", "Limits"]


@dataclass(frozen=True)
class Limits:
    rows: int = 100_000  # records in one import (all of one export's files together)
    file_bytes: int = 256 << 20  # one CSV file
    member_bytes: int = 64 << 20  # one file unpacked from a ZIP
    archive_bytes: int = 128 << 20  # everything unpacked from one import's ZIPs
    members: int = 10_000  # entries listed in one ZIP
    header_bytes: int = 64 << 10  # the header line
    columns: int = 1_000
    document_bytes: int = 64 << 20  # one JSON file or workbook, read whole (not streamed like a CSV)


LIMITS = Limits()


def checked_size(path: Path, cap: int) -> int:
    """The file's size in bytes, or a clear error for an empty file or one over ``cap``."""
    size = path.stat().st_size
    if size == 0:
        raise InputError(f"{path.name} is empty: there is nothing to import.",
                         zh=f"{path.name} 是空的：没有可导入的内容。")
    if size > cap:
        raise InputError(f"{path.name} is {size_text(size)}: larger than any history export Hearth reads"
                         f" ({size_text(cap)}).", hint="Import your own export's file.",
                         zh=f"{path.name} 有 {size_text(size)}：比 Hearth 能读的任何历史导出（{size_text(cap)}）都大。",
                         zh_hint="请导入你自己的导出文件。")
    return size
