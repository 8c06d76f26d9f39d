"""The import report's lines in the interface's language: the format's layout and why it was taken for
it, the notes and the reasons.

The importers and the matcher write them in English (the CLI prints them as they are). Here the ones a
reader meets most get the interface's language; file names, titles and column names stay as written,
and any other line stays as written."""

from __future__ import annotations

import re
from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from app.services.formats import import_formats

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


def _not_film_or_book(m: re.Match[str]) -> str:
    return QCoreApplication.translate("ReportText", "not a film or a book (a TV series, a game...), and the catalogs"
                                      " hold films and books")


def _other_author(m: re.Match[str]) -> str:
    return QCoreApplication.translate("ReportText", "a catalog book has this title, by {0}").format(m[1])


def _author_in_chinese(m: re.Match[str]) -> str:
    return QCoreApplication.translate("ReportText", "a catalog book has this title, and the file names its author in"
                                      " Chinese characters only: kept out of your recommendations, not matched")


def _sheets(m: re.Match[str]) -> str:
    return QCoreApplication.translate("ReportText", "sheets that are not film or book history were left out:"
                                      " {0}").format(m[1])


def _no_history_sheet(m: re.Match[str]) -> str:
    return QCoreApplication.translate("ReportText", "no 看过 or 读过 sheet: nothing here was watched or read, only"
                                      " saved for later")


def _deleted(m: re.Match[str]) -> str:
    return QCoreApplication.translate("ReportText", "an entry Douban took down: it shows only as {0}").format(m[1])


def _cp1252(m: re.Match[str]) -> str:
    return QCoreApplication.translate("ReportText", "the file is UTF-8 but for a few bytes, which were read as"
                                      " Windows-1252 (cp1252)")


def _unclosed(m: re.Match[str]) -> str:
    return QCoreApplication.translate("ReportText", "line {0}: a quote opened there seems never to be closed, so the"
                                      " next {1} lines were read as part of one row; check the file").format(m[1], m[2])


def _likes_again(m: re.Match[str]) -> str:
    return QCoreApplication.translate("ReportText", "liked films that an earlier import had as watched on the day of"
                                      " the import are likes again, not history: {0}").format(m[1])


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
    (re.compile(r"a catalog book has this title, and the file names its author in Chinese characters only"),
     _author_in_chinese),
    (re.compile(r"a catalog book has this title, by (.+)"), _other_author),
    (re.compile(r"not a film or a book \(a TV series, a game\.\.\.\), and the catalogs hold films and books"),
     _not_film_or_book),
    (re.compile(r"sheets that are not film or book history were left out: (.*)"), _sheets),
    (re.compile(r"no 看过 or 读过 sheet: .*"), _no_history_sheet),
    (re.compile(r"an entry Douban took down: it shows only as (.+)"), _deleted),
    (re.compile(r"the file is UTF-8 but for a few bytes, which were read as Windows-1252 \(cp1252\)"), _cp1252),
    (re.compile(r"the file does not say what its rows are; read as (film|book)s, as most of them match \1s"),
     _kind_guessed),
    (re.compile(r"line (\d+): a quote opened there seems never to be closed, so the next (\d+) lines were read as"
                r" part of one row; check the file"), _unclosed),
    (re.compile(r"liked films that an earlier import had as watched on the day of the import are likes again, not"
                r" history: (\d+)"), _likes_again),
]


def _skip(text: str) -> Say:
    return lambda m: QCoreApplication.translate("ReportText", text).format(*m.groups())


# Why rows were skipped (app/importers/formats/).
_SKIPS: list[tuple[str, str]] = [
    (r"no title", QT_TRANSLATE_NOOP("ReportText", "no title")),
    (r"not a film", QT_TRANSLATE_NOOP("ReportText", "not a film")),
    (r"not a book record", QT_TRANSLATE_NOOP("ReportText", "not a book record")),
    (r"not a Trakt item", QT_TRANSLATE_NOOP("ReportText", "not a Trakt item")),
    (r"rating outside (.+)", QT_TRANSLATE_NOOP("ReportText", "rating outside {0}")),
    (r"on a sheet you chose to skip", QT_TRANSLATE_NOOP("ReportText", "on a sheet you chose to skip")),
    (r"on the shelf (.+), which you chose to skip", QT_TRANSLATE_NOOP("ReportText", "on the shelf {0}, which you"
                                                                       " chose to skip")),
    (r"with the status (.+), which you chose to skip", QT_TRANSLATE_NOOP("ReportText", "with the status {0}, which"
                                                                         " you chose to skip")),
    (r"in the collection (.+), which you chose to skip", QT_TRANSLATE_NOOP("ReportText", "in the collection {0},"
                                                                           " which you chose to skip")),
    (r"a show, season or episode: Hearth recommends films and books, so these are left out",
     QT_TRANSLATE_NOOP("ReportText", "a show, season or episode: Hearth recommends films and books, so these are"
                                     " left out")),
    (r"music, a game or a stage play on Douban: not film or book history",
     QT_TRANSLATE_NOOP("ReportText", "music, a game or a stage play on Douban: not film or book history")),
]
_PATTERNS += [(re.compile(pattern), _skip(text)) for pattern, text in _SKIPS]


def _t(m: re.Match[str], text: str) -> str:
    return text.format(*m.groups())


# Each format's layout ("which export of the service"), in app/importers/formats/.
_LAYOUTS: list[tuple[str, Say]] = [
    (r"library export, (\d+) columns",
     lambda m: _t(m, QCoreApplication.translate("ReportText", "library export, {0} columns"))),
    (r"library export without its header line, (\d+) columns",
     lambda m: _t(m, QCoreApplication.translate("ReportText", "library export without its header line, {0} columns"))),
    (r"export", lambda m: QCoreApplication.translate("ReportText", "export")),
    (r"export cut down to (\d+) columns \(no Star Rating\)",
     lambda m: _t(m, QCoreApplication.translate("ReportText", "export cut down to {0} columns (no Star Rating)"))),
    (r"ratings", lambda m: QCoreApplication.translate("ReportText", "ratings")),
    (r"ratings, layout before 2018", lambda m: QCoreApplication.translate("ReportText", "ratings, layout before 2018")),
    (r"watchlist", lambda m: QCoreApplication.translate("ReportText", "watchlist")),
    (r"list", lambda m: QCoreApplication.translate("ReportText", "list")),
    (r"豆伴 sheet saved as CSV \((.+)\)",
     lambda m: _t(m, QCoreApplication.translate("ReportText", "豆伴 sheet saved as CSV ({0})"))),
    (r"豆伴 sheet saved as CSV, its status not named",
     lambda m: QCoreApplication.translate("ReportText", "豆伴 sheet saved as CSV, its status not named")),
    (r"userscript CSV \(without release date and country\)",
     lambda m: QCoreApplication.translate("ReportText", "userscript CSV (without release date and country)")),
    (r"userscript CSV \((.+)\)", lambda m: _t(m, QCoreApplication.translate("ReportText", "userscript CSV ({0})"))),
    (r"doumark CSV", lambda m: QCoreApplication.translate("ReportText", "doumark CSV")),
    (r"豆伴 backup: (.+)", lambda m: _t(m, QCoreApplication.translate("ReportText", "豆伴 backup: {0}"))),
    (r"the oldest tab-separated export \((\d+) columns\)",
     lambda m: _t(m, QCoreApplication.translate("ReportText", "the oldest tab-separated export ({0} columns)"))),
    (r"tab-separated export, newer columns \((\d+)\)",
     lambda m: _t(m, QCoreApplication.translate("ReportText", "tab-separated export, newer columns ({0})"))),
    (r"tab-separated export, older columns \((\d+)\)",
     lambda m: _t(m, QCoreApplication.translate("ReportText", "tab-separated export, older columns ({0})"))),
    (r"JSON export", lambda m: QCoreApplication.translate("ReportText", "JSON export")),
    (r"export ZIP: (.+)", lambda m: _t(m, QCoreApplication.translate("ReportText", "export ZIP: {0}"))),
    (r"JSON: (.+)", lambda m: _t(m, QCoreApplication.translate("ReportText", "JSON: {0}"))),
    (r"export ZIP", lambda m: QCoreApplication.translate("ReportText", "export ZIP")),
    (r"loose CSVs \((.+)\)", lambda m: _t(m, QCoreApplication.translate("ReportText", "loose CSVs ({0})"))),
    (r"export ZIP and loose CSVs \((.+)\)",
     lambda m: _t(m, QCoreApplication.translate("ReportText", "export ZIP and loose CSVs ({0})"))),
    (r"columns (.+=.+)", lambda m: _t(m, QCoreApplication.translate("ReportText", "columns {0}"))),
]

# Why a file was taken for its format: each format's ``recognised``, and the few said otherwise.
_REASONS: list[tuple[str, Say]] = [
    (r"its header names a Goodreads export's columns \(Book Id, My Rating, Exclusive Shelf\)",
     lambda m: QCoreApplication.translate("ReportText", "its header names a Goodreads export's columns (Book Id, My"
                                          " Rating, Exclusive Shelf)")),
    (r"it has no header line, and its first line is a row in the shape of a Goodreads export \((\d+) columns: a"
     r" Book Id, a rating of 0-5, dates, a shelf\)",
     lambda m: _t(m, QCoreApplication.translate("ReportText", "it has no header line, and its first line is a row in"
                                                " the shape of a Goodreads export ({0} columns: a Book Id, a rating of"
                                                " 0-5, dates, a shelf)"))),
    (r"its header names a StoryGraph export's columns \(ISBN/UID, Read Status\)",
     lambda m: QCoreApplication.translate("ReportText", "its header names a StoryGraph export's columns (ISBN/UID,"
                                          " Read Status)")),
    (r"its header names an IMDb export's columns \(Const, Title Type\)",
     lambda m: QCoreApplication.translate("ReportText", "its header names an IMDb export's columns (Const, Title"
                                          " Type)")),
    (r"its columns are those of a Douban export \(.*\)",
     lambda m: QCoreApplication.translate("ReportText", "its columns are those of a Douban export (the userscript's"
                                          " 标题/个人评分/条目链接, 豆伴's 标题/简介/我的评分, or doumark's"
                                          " star/star_time/card)")),
    (r"a workbook with 豆伴's sheets \(看过, 想看, 读过, \.\.\.\)",
     lambda m: QCoreApplication.translate("ReportText", "a workbook with 豆伴's sheets (看过, 想看, 读过, ...)")),
    (r"its header names LibraryThing's columns \(Book Id, Primary Author, Collections, ISBNs\)",
     lambda m: QCoreApplication.translate("ReportText", "its header names LibraryThing's columns (Book Id, Primary"
                                          " Author, Collections, ISBNs)")),
    (r"its JSON holds LibraryThing's books \(books_id, primaryauthor, collections\)",
     lambda m: QCoreApplication.translate("ReportText", "its JSON holds LibraryThing's books (books_id,"
                                          " primaryauthor, collections)")),
    (r"the archive holds Trakt's JSON files \(watched, ratings, watchlist\)",
     lambda m: QCoreApplication.translate("ReportText", "the archive holds Trakt's JSON files (watched, ratings,"
                                          " watchlist)")),
    (r"its JSON lists Trakt items( \(a movie, show or episode with Trakt, IMDb and TMDB ids\))?",
     lambda m: QCoreApplication.translate("ReportText", "its JSON lists Trakt items (a movie, show or episode with"
                                          " Trakt, IMDb and TMDB ids)")),
    (r"the archive (?:or folder )?holds Letterboxd's files \(diary\.csv, ratings\.csv, watched\.csv\)",
     lambda m: QCoreApplication.translate("ReportText", "the archive holds Letterboxd's files (diary.csv,"
                                          " ratings.csv, watched.csv)")),
    (r"no known export has these columns; they were found by name",
     lambda m: QCoreApplication.translate("ReportText", "no known export has these columns; they were found by"
                                          " name")),
    (r"named by --map", lambda m: QCoreApplication.translate("ReportText", "named by --map")),
    (r"as you asked", lambda m: QCoreApplication.translate("ReportText", "as you asked")),
]

# Why each loose CSV was taken for a file of a Letterboxd export (letterboxd.member_of); the reason
# lists them as "FILE: why; FILE: why".
_MEMBERS: list[tuple[str, Say]] = [
    (r"the columns of Letterboxd's watched\.csv and watchlist\.csv; the name says neither, so it is read as"
     r" watched \(name it watchlist\.csv if it is your watchlist\)",
     lambda m: QCoreApplication.translate("ReportText", "the columns of Letterboxd's watched.csv and watchlist.csv;"
                                          " the name says neither, so it is read as watched (name it watchlist.csv if"
                                          " it is your watchlist)")),
    (r"the columns of Letterboxd's watched\.csv and watchlist\.csv, named (watchlist|watched)",
     lambda m: _t(m, QCoreApplication.translate("ReportText", "the columns of Letterboxd's watched.csv and"
                                                " watchlist.csv, named {0}"))),
    (r"the columns of Letterboxd's liked films, named likes",
     lambda m: QCoreApplication.translate("ReportText", "the columns of Letterboxd's liked films, named likes")),
    (r"the columns of Letterboxd's (diary|ratings|reviews)\.csv",
     lambda m: _t(m, QCoreApplication.translate("ReportText", "the columns of Letterboxd's {0}.csv"))),
]
_MEMBER = re.compile("|".join(f"(?:{p})" for p, _ in _MEMBERS))


def _members(text: str) -> str | None:
    """"diary.csv: the columns of Letterboxd's diary.csv; ..." with each why translated, or None."""
    parts, pos = [], 0
    for found in _MEMBER.finditer(text):
        name = text[pos:found.start()].removeprefix("; ")
        if not name.endswith(": "):
            return None
        why = found[0]
        parts.append(name + next(say(m) for p, say in _MEMBERS if (m := re.fullmatch(p, why))))
        pos = found.end()
    if not parts or pos != len(text):
        return None
    out = parts[0]
    for part in parts[1:]:
        out = QCoreApplication.translate("ReportText", "{0}; {1}").format(out, part)
    return out


_PATTERNS += [(re.compile(p), say) for p, say in _LAYOUTS + _REASONS]


def format_name(name: str) -> str:
    """A format as a person calls it ("Letterboxd", not the id "letterboxd"), or "generic" for a CSV of its
    own layout."""
    if name == "generic":
        return QCoreApplication.translate("ReportText", "generic")
    known = {f.name: f.label for f in import_formats()}
    return known.get(name, name)


def report_line(text: str) -> str:
    """One line of an import report (a layout, why, a note or a reason) in the interface's language (as
    written if not known)."""
    for pattern, say in _PATTERNS:
        match = pattern.fullmatch(text)
        if match:
            return say(match)
    return _members(text) or text
