"""Parsing the values found in exported files: dates, ratings, years, ids."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta
from typing import Literal

__all__ = [
    "DateOrder",
    "garbled_number",
    "parse_date",
    "parse_float",
    "parse_isbn13",
    "parse_imdb",
    "parse_year",
    "rating_scale",
    "sniff_date_order",
]

DateOrder = Literal["dmy", "mdy"]

_DATE_FORMATS = (
    "%Y-%m-%d",
    "%Y/%m/%d",
    "%Y.%m.%d",
    "%d.%m.%Y",
    "%d/%m/%Y",
    "%m/%d/%Y",
    "%d-%m-%Y",
    "%m-%d-%Y",
    "%d/%m/%y",
    "%m/%d/%y",
    "%Y-%m",
    "%d %b %Y",
    "%d %B %Y",
    "%b %d, %Y",
    "%B %d, %Y",
    "%a %b %d %H:%M:%S %Y",  # IMDb's layout before 2018: "Sun Jan 29 00:00:00 2017"
)
_MONTH_FIRST = tuple(f for f in _DATE_FORMATS if f.startswith("%m"))
_NUMERIC = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$")


def sniff_date_order(values: Iterable[str | None]) -> DateOrder | None:
    """Whether a column's a/b/yyyy dates put the day or the month first; None if no value tells."""
    for text in values:
        match = _NUMERIC.match((text or "").strip())
        if match:
            a, b = int(match.group(1)), int(match.group(2))
            if a > 12 >= b:
                return "dmy"
            if b > 12 >= a:
                return "mdy"
    return None


def parse_date(text: str | None, order: DateOrder = "dmy") -> str | None:
    """An ISO date from the usual export formats or a Unix timestamp; None if not a date.

    ``order`` settles a/b/yyyy dates where both could be a month: US services and
    spreadsheets write month first ("4/1/2024" is April 1st), most of the world day first.
    """
    text = (text or "").strip()
    if not text:
        return None
    latest = date.today() + timedelta(days=1)  # a day's grace for time zones; later is no history date
    if re.fullmatch(r"\d{9,10}(\.\d+)?", text):
        stamp = datetime.fromtimestamp(float(text), tz=UTC).date()
        return stamp.isoformat() if stamp <= latest else None
    head = text[:10] if re.match(r"\d{4}-\d{2}-\d{2}[T ]", text) else text
    formats = _DATE_FORMATS
    if order == "mdy":
        formats = _MONTH_FIRST + tuple(f for f in _DATE_FORMATS if f not in _MONTH_FIRST)
    for fmt in formats:
        try:
            parsed = datetime.strptime(head, fmt).date()
        except ValueError:
            continue
        if date(1800, 1, 1) <= parsed <= latest:
            return parsed.isoformat()
    return None


def parse_float(text: str | None) -> float | None:
    text = (text or "").strip().replace(",", ".")
    if not text:
        return None
    try:
        value = float(text)
    except ValueError:
        return None
    return value if value == value and abs(value) != float("inf") else None


def parse_year(text: str | None) -> int | None:
    match = re.search(r"\b(1[5-9]\d\d|2[01]\d\d)\b", text or "")
    return int(match.group(1)) if match else None


def parse_imdb(text: str | None) -> str | None:
    """IMDb ids as digits without the 'tt' and leading zeros, the catalog's form."""
    match = re.search(r"(?:tt)?(\d{5,10})", (text or "").strip())
    return str(int(match.group(1))) if match else None


def garbled_number(text: str | None) -> bool:
    """A long number a spreadsheet rewrote in scientific notation ("9.78053E+12"): its digits are lost."""
    return bool(re.fullmatch(r"\s*=?\"?\d(?:[.,]\d+)?[eE]\+?\d+\"?\s*", text or ""))


def parse_isbn13(text: str | None) -> str | None:
    """ISBN-13 from '="9780439023481"', '978-0-439-02348-1' or an ISBN-10."""
    digits = re.sub(r"[^0-9Xx]", "", text or "")
    if len(digits) == 13 and digits.isdigit():
        return digits
    if len(digits) == 10:
        core = "978" + digits[:9]
        if not core.isdigit():
            return None
        check = (10 - sum(int(d) * (1 if i % 2 == 0 else 3) for i, d in enumerate(core)) % 10) % 10
        return core + str(check)
    return None


def rating_scale(low: float, high: float) -> tuple[float, float]:
    """The scale a column of ratings was given on, from the smallest and largest seen."""
    if high <= 5:
        top = 5.0
    elif high <= 10:
        top = 10.0
    else:
        top = 100.0
    if low <= 0:
        bottom = 0.0
    elif top == 5 and low == 0.5:
        bottom = 0.5
    else:
        bottom = min(1.0, low)
    return bottom, top
