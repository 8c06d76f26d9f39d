"""The import report's notes and reasons in the interface's language.

The importers and the matcher write them in English (the CLI prints them as they are). Here the ones a
reader meets most, Douban's first, get the interface's language; any other line stays as written."""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

Say = Callable[[re.Match[str]], str]
CJK = r"only a Chinese \(or Japanese, Korean\) title"


def _kind(word: str) -> str:
    return {
        "film": QCoreApplication.translate("ReportText", "film"),
        "book": QCoreApplication.translate("ReportText", "book"),
        "film or book": QCoreApplication.translate("ReportText", "film or book"),
        "director": QCoreApplication.translate("ReportText", "director"),
        "author": QCoreApplication.translate("ReportText", "author"),
    }.get(word, word)


def _cjk_kept(m: re.Match[str]) -> str:
    return QCoreApplication.translate(
        "ReportText", "{0} rows have only a Chinese (or Japanese, Korean) title: such a title names a catalog work"
        " only when it is that work's own title, or the same title with the same year and director or author, as"
        " a wrong match is worse than none; these are kept as your own items").format(m[1])


def _cjk_none(m: re.Match[str]) -> str:
    return QCoreApplication.translate("ReportText", "only a Chinese (or Japanese, Korean) title, which no catalog"
                                      " work has")


def _cjk_unsure(m: re.Match[str]) -> str:
    return QCoreApplication.translate(
        "ReportText", "only a Chinese (or Japanese, Korean) title: a catalog {0} has it, but the file does not"
        " show the same year and {1}").format(_kind(m[1]), _kind(m[2]))


def _no_title(m: re.Match[str]) -> str:
    return QCoreApplication.translate("ReportText", "no catalog {0} has this title").format(_kind(m[1]))


def _other_year(m: re.Match[str]) -> str:
    return QCoreApplication.translate("ReportText", "a catalog {0} has this title, from {1}, not {2}").format(
        _kind(m[1]), m[2], m[3])


def _sheets(m: re.Match[str]) -> str:
    return QCoreApplication.translate("ReportText", "sheets that are not film or book history were left out:"
                                      " {0}").format(m[1])


def _no_history_sheet(m: re.Match[str]) -> str:
    return QCoreApplication.translate("ReportText", "no 看过 or 读过 sheet: nothing here was watched or read, only"
                                      " saved for later")


def _cp1252(m: re.Match[str]) -> str:
    return QCoreApplication.translate("ReportText", "the file is UTF-8 but for a few bytes, which were read as"
                                      " Windows-1252 (cp1252)")


def _kind_guessed(m: re.Match[str]) -> str:
    return QCoreApplication.translate("ReportText", "the file does not say what its rows are; read as {0}s, as"
                                      " most of them match").format(_kind(m[1]))


_PATTERNS: list[tuple[re.Pattern[str], Say]] = [
    (re.compile(r"(\d+) rows have " + CJK + r": .*"), _cjk_kept),
    (re.compile(CJK + r", which no catalog work has"), _cjk_none),
    (re.compile(CJK + r": a catalog (film|book) has it, but the file does not show the same year and"
                r" (director|author)"), _cjk_unsure),
    (re.compile(r"no catalog (film or book|film|book) has this title"), _no_title),
    (re.compile(r"a catalog (film|book) has this title, from ([\d, ]+), not (\d+)"), _other_year),
    (re.compile(r"sheets that are not film or book history were left out: (.*)"), _sheets),
    (re.compile(r"no 看过 or 读过 sheet: .*"), _no_history_sheet),
    (re.compile(r"the file is UTF-8 but for a few bytes, which were read as Windows-1252 \(cp1252\)"), _cp1252),
    (re.compile(r"the file does not say what its rows are; read as (film|book)s, as most of them match \1s"),
     _kind_guessed),
]


def report_line(text: str) -> str:
    """One note or reason of an import report in the interface's language (as written if not known)."""
    for pattern, say in _PATTERNS:
        match = pattern.fullmatch(text)
        if match:
            return say(match)
    return text
