"""What the commands print through: progress bars on stderr, text a terminal cannot act on, safe JSON."""

from __future__ import annotations

import json
import re
import sys
from typing import Any, TextIO

__all__ = ["SafeWriter", "TerminalProgress", "print_json", "safe_text"]


class TerminalProgress:
    """Turns progress(done, total, label) calls into tqdm bars on stderr, one per label."""

    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stderr
        self._bars: dict[str, Any] = {}

    def __call__(self, done: int, total: int, label: str) -> None:
        from tqdm import tqdm

        bar = self._bars.get(label)
        known = total > 0  # a download without Content-Length: a count, no end
        if bar is None:
            big = total > 100_000 or not known  # bytes of a file, not items
            bar = self._bars[label] = tqdm(
                total=total if known else None, desc=label, file=self.stream, leave=False,
                unit="B" if big else "it", unit_scale=big, mininterval=0.2, dynamic_ncols=True,
            )
        bar.update(max(0, done - bar.n))
        if known and done >= total:
            bar.close()
            del self._bars[label]

    def close(self) -> None:
        for bar in self._bars.values():
            bar.close()
        self._bars.clear()

    def __enter__(self) -> TerminalProgress:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


# Characters a terminal acts on instead of showing: C0 controls but tab and newline (ESC starts a
# sequence that can retitle the window or clear the screen), DEL, C1 controls (U+009B is a one-byte
# CSI) and the bidirectional overrides that make text read backwards. Titles, shelves and file names
# come from files anyone can write: never let them reach a terminal raw. Lone surrogates (bytes of a
# command line that were not UTF-8) cannot be written at all.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def safe_text(text: str) -> str:
    """Text to print: every character a terminal would act on replaced by U+FFFD."""
    return _UNSAFE.sub("\ufffd", text)


class SafeWriter:
    """stdout with safe_text applied to everything written (the commands' own output has no controls)."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        return self._stream.write(safe_text(text))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def print_json(data: Any) -> None:
    """JSON with the characters a terminal acts on escaped (\\u009b), so it stays valid and exact."""
    text = json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False)
    print(_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text))
