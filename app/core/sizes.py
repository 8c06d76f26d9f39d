"""Sizes in bytes, read from and written for people ("8G", "64 MiB")."""

from __future__ import annotations

import re

__all__ = ["parse_size", "size_text"]


def parse_size(text: str) -> int:
    """Bytes from ``"8G"``, ``"500M"``, ``"1.5GiB"``, ``"100k"`` or plain ``"1048576"`` (K/M/G/T are 1024-based)."""
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([kmgt]?)(?:i?b)?\s*", text, re.IGNORECASE)
    if not match:
        raise ValueError(f"not a size: {text!r}")
    value = float(match.group(1)) * 1024 ** " kmgt".index(match.group(2).lower() or " ")
    if value < 1:
        raise ValueError(f"not a size: {text!r}")
    return int(value)


def size_text(n: float) -> str:
    """``"512 bytes"``, ``"64 KiB"``, ``"1.5 MiB"``, ``"8 GiB"``."""
    for unit in ("bytes", "KiB", "MiB", "GiB"):
        if n < 1024 or unit == "GiB":
            return f"{n:.0f} {unit}" if unit == "bytes" else f"{n:.1f} {unit}".replace(".0 ", " ")
        n /= 1024
    raise AssertionError("unreachable")
