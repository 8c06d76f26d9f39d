"""Douban (豆瓣) films and books, in the three shapes people export them:

- the userscript CSV (``标题,个人评分,打分日期,我的短评,上映日期,制片国家,条目链接``; also without the release and
  country columns, with a leading 封面 column, or with a trailing comma on every row): what was marked as
  watched or read, titles written "中文名 / Original Title";
- the 豆伴 (tofu) backup, an .xlsx with one sheet per status: 看过/在看/想看 and 读过/在读/想读 are watched,
  watching and want-to-watch, read, reading and want-to-read; music, games, stage plays, lists and reviews
  are not history and are left out, by name, in the report. One of its sheets saved as CSV is read too
  (its status then comes from the file's name, else a rated row counts as seen and an unrated one as
  shelved);
- the doumark CSV (``id,title,intro,poster,pubdate,url,rating,genres,star,comment,tags,star_time,card``):
  ``star`` is the person's 1-5 rating, ``rating`` the site's average (never read as theirs).

Ratings are 1-5 stars; dates are kept as written; the Douban subject id (from the link) is kept as the
entry's id (``douban:1292052``), so a re-import updates an entry rather than adding it again. Titles are
mostly Chinese only: matching (app/services/matching.py) matches such a title only on strong evidence.
"""

from __future__ import annotations

import re
import zipfile
from collections import Counter
from collections.abc import Iterator, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from app.core.errors import InputError
from app.core.text import clean_text
from app.importers.csvfile import CsvFile
from app.importers.files import ZIP_ERRORS
from app.importers.limits import LIMITS, Limits
from app.importers.records import ImportRow, ReadContext, Skip
from app.importers.registry import Format, Opened
from app.importers.values import parse_date, parse_float, parse_year

__all__ = ["FORMAT", "SCALE", "claims", "layout", "matches", "open_workbook", "read", "split_card"]

SCALE = (1.0, 5.0)
USERSCRIPT = ("标题", "个人评分", "条目链接")
TOFU = ("标题", "简介", "链接", "创建时间", "我的评分")
DOUMARK = ("title", "url", "star", "star_time", "card")
# The 豆伴 sheets that are history, and what each means: (kind, status).
SHEETS: dict[str, tuple[str, str]] = {
    "看过": ("film", "done"), "在看": ("film", "reading"), "想看": ("film", "saved"),
    "读过": ("book", "done"), "在读": ("book", "reading"), "想读": ("book", "saved"),
}
_UNKNOWN_SHEET = "douban sheet"  # the shelf of a sheet saved as CSV whose name does not say its status
_SUBJECT = re.compile(r"douban\.com/(?:subject|game|[a-z]+/subject)/(\d+)|/subject/(\d+)")
_PAREN_NAME = re.compile(r"[（(]\s*([A-Za-z][^()（）]*?)\s*[)）]")
_NATIONALITY = re.compile(r"^\s*[\[［【〔(（][^\]］】〕)）]{1,12}[\]］】〕)）]\s*")
_NOT_HISTORY = "music, a game or a stage play on Douban: not film or book history"
# The titles Douban gives an entry it took down: nothing of the work is left (no card, no year), and kept as an
# own item each became a "taste" of its own, and a search for 千与千寻 found eight 未知电影.
DELETED_TITLES = frozenset({"未知电影", "未知电视剧", "未知图书", "未知书籍", "未知音乐", "未知游戏", "未知舞台剧"})
# Douban's film genres as the film catalog names them; the others (传记, 武侠, 古装...) are kept in Chinese,
# which the multilingual model reads.
FILM_GENRES = {
    "剧情": "Drama", "喜剧": "Comedy", "动作": "Action", "爱情": "Romance", "科幻": "Sci-Fi", "动画": "Animation",
    "悬疑": "Mystery", "惊悚": "Thriller", "恐怖": "Horror", "犯罪": "Crime", "纪录片": "Documentary",
    "战争": "War", "奇幻": "Fantasy", "冒险": "Adventure", "家庭": "Children", "儿童": "Children",
    "歌舞": "Musical", "音乐": "Musical", "西部": "Western", "黑色电影": "Film-Noir",
}
ABOUT_CHARS = 1000  # of a blurb: the embedded text is cut at 2,000 characters anyway


def _has(header: list[str], names: Sequence[str]) -> bool:
    cells = {h.strip().lstrip("\ufeff") for h in header}
    return all(n in cells for n in names)


def matches(header: list[str]) -> bool:
    return _has(header, USERSCRIPT) or _has(header, TOFU) or _has(header, DOUMARK)


def layout(header: list[str], filename: str) -> str:
    if _has(header, TOFU):
        status = _status_of_name(filename)
        return "豆伴 sheet saved as CSV" + (f" ({status})" if status else ", its status not named")
    if _has(header, DOUMARK):
        return "doumark CSV"
    extra = [c for c in ("封面", "上映日期", "制片国家") if c in header]
    return "userscript CSV" + (f" ({', '.join(extra)})" if extra else " (without release date and country)")


def _status_of_name(name: str) -> str | None:
    return next((s for s in SHEETS if s in name), None)


def subject_id(url: str | None) -> str | None:
    found = _SUBJECT.search(url or "")
    return (found.group(1) or found.group(2)) if found else None


# A season of a TV series ("黑镜 第六季", "Rick and Morty Season 1"): Douban lists it among films, and it is none.
_SEASON = re.compile(r"第[一二三四五六七八九十百\d]+季|\bseason \d+\b", re.IGNORECASE)


def _kind_of_url(url: str | None) -> str | None:
    text = (url or "").lower()
    if "movie.douban.com" in text:
        return "film"
    if "book.douban.com" in text:
        return "book"
    if any(f"{k}.douban.com" in text for k in ("music", "game", "www", "location")) or "/game/" in text:
        return "other"
    return None


def split_title(cell: str | None) -> tuple[str, tuple[str, ...]]:
    """"肖申克的救赎 / The Shawshank Redemption" -> ("肖申克的救赎", ("The Shawshank Redemption",))."""
    parts = [p for p in (clean_text(x) for x in (cell or "").split(" / ")) if p]
    if not parts:
        return "", ()
    return parts[0], tuple(dict.fromkeys(p for p in parts[1:] if p != parts[0]))


def _names(text: str) -> tuple[str, ...]:
    """The people of a card's field: a name in Latin letters in brackets first ("[美]吉姆·布兰迪（Jim Blandy）"
    gives "Jim Blandy"), then the field as written without nationality marks."""
    latin = [clean_text(m) for m in _PAREN_NAME.findall(text)]
    plain = clean_text(_PAREN_NAME.sub("", _NATIONALITY.sub("", text)))
    return tuple(dict.fromkeys(n for n in (*latin, plain) if n))


_CARD_YEAR = re.compile(r"^\D{0,3}(1[5-9]\d\d|20\d\d)(\D|$)")


def _card_parts(card: str | None) -> list[str]:
    """A card's fields: a film's "2001 / 日本 / 剧情 动画 / 宫崎骏 / 柊瑠美" (its year first), a book's
    "[智利] 罗贝托·波拉尼奥 / 2012 / 上海人民出版社"."""
    return [p.strip() for p in (card or "").split(" / ")]


def split_card(card: str | None, kind: str | None) -> tuple[int | None, tuple[str, ...]]:
    """(year, directors or authors) from a card or 简介 (``_card_parts``)."""
    parts = _card_parts(card)
    if not any(parts):
        return None, ()
    year_at = next((k for k, p in enumerate(parts) if _CARD_YEAR.match(p)), None)
    year = parse_year(parts[year_at]) if year_at is not None else None
    if kind == "film":
        people = parts[3] if year_at == 0 and len(parts) >= 5 else ""
        return year, _directors(people)
    if kind == "book" and year_at:
        return year, _names(parts[0])
    return year, ()


_LATIN_WORD = re.compile(r"^[A-Za-z\u00c0-\u024f][\w.'-]*$")


def _directors(people: str) -> tuple[str, ...]:
    """A card's directors, one space apart ("宫崎骏 宫崎吾朗"); a name in Latin letters keeps its own spaces
    ("Christopher Chulack" was two directors, "Christopher" and "Chulack")."""
    names: list[str] = []
    for word in (clean_text(x) for x in people.split(" ")):
        if word and names and _LATIN_WORD.match(word) and _LATIN_WORD.match(names[-1].split(" ")[-1]):
            names[-1] = f"{names[-1]} {word}"
        elif word:
            names.append(word)
    return tuple(names)


def card_genres(listed: str | None, card: str | None, kind: str | None) -> tuple[str, ...]:
    """A film's genres from doumark's genres column ("喜剧,动作,爱情") or else its card's third part ("2001 /
    日本 / 剧情 动画 / 宫崎骏 / 柊瑠美"), named as the film catalog names them where it can."""
    if kind != "film":
        return ()
    words = [w for w in re.split(r"[,，、\s]+", listed or "") if w]
    if not words:
        parts = _card_parts(card)
        words = parts[2].split() if len(parts) >= 4 and _CARD_YEAR.match(parts[0]) else []
    return tuple(dict.fromkeys(FILM_GENRES.get(w, w) for w in (clean_text(w) for w in words) if w))


def _rating(text: Any) -> tuple[float | None, bool]:
    rating = parse_float(str(text) if text is not None else "")
    if rating is None or rating == 0:
        return None, True
    return (rating, True) if 1 <= rating <= 5 else (None, False)


def _fields(status: str | None, ctx: ReadContext, *, rated: bool) -> dict[str, object] | None:
    """ImportRow fields for a Douban status (看过 ... 想读), or for a sheet whose status is unknown."""
    if status is None:
        return ctx.row_fields(_UNKNOWN_SHEET, rated=rated, finished=False)
    meaning = SHEETS[status][1]
    if meaning == "saved":
        return {"saved": True, "shelf": status}
    return {"status": meaning, "shelf": status}


def _build(line: int, ctx: ReadContext, *, title: str | None, url: str | None, rating: Any, when: Any,
           card: str | None, year: str | None, status: str | None, kind: str | None,
           raw: dict[str, str], people: str | None = None, genres: str | None = None,
           about: str | None = None) -> ImportRow | Skip:
    kind = _kind_of_url(url) or kind
    if kind == "other":
        return Skip(line, _NOT_HISTORY)
    name, alt = split_title(title)
    if not name:
        return Skip(line, "no title")
    if name in DELETED_TITLES:
        return Skip(line, f"an entry Douban took down: it shows only as {name}")
    stars, valid = _rating(rating)
    if not valid:
        return Skip(line, "rating outside 1-5")
    fields = _fields(status, ctx, rated=stars is not None)
    if fields is None:
        return Skip(line, "on a sheet you chose to skip")
    card_year, creators = split_card(card, kind)
    if people:
        creators = tuple(n for part in re.split(r"\s*/\s*", people) for n in _names(part))
    subject = subject_id(url)
    seen = not (fields.get("saved") or fields.get("not_interested"))
    season = kind == "film" and any(_SEASON.search(t) for t in (name, *alt))
    return ImportRow(
        line=line, title=name, year=card_year or parse_year(year), kind="other" if season else kind,
        creators=creators, rating=stars,
        scale=SCALE if stars is not None else None, consumed_at=parse_date(_text(when), "mdy") if seen else None,
        alt_titles=alt, alt_ids=(f"douban:{subject}",) if subject else (), raw=raw,
        genres=card_genres(genres, card, kind), description=clean_text(about)[:ABOUT_CHARS],
        **fields,  # type: ignore[arg-type]
    )


def read(csv_file: CsvFile, ctx: ReadContext) -> Iterator[ImportRow | Skip]:
    header = csv_file.header
    if _has(header, TOFU):
        status = _status_of_name(csv_file.path.name)
        if status is None:
            ctx.notes["the file's name does not say which 豆伴 sheet it is (看过, 想看, ...): a rated row counts as"
                      f" seen, an unrated one is kept on the shelf '{_UNKNOWN_SHEET}'"] += 1
        for row in csv_file.rows():
            yield _build(csv_file.line, ctx, title=row.get("标题"), url=row.get("链接"), rating=row.get("我的评分"),
                         when=row.get("创建时间"), card=row.get("简介"), year=None, status=status,
                         kind=SHEETS[status][0] if status else None, raw=_raw(row))
    elif _has(header, DOUMARK):
        for row in csv_file.rows():
            yield _build(csv_file.line, ctx, title=row.get("title"), url=row.get("url"), rating=row.get("star"),
                         when=row.get("star_time"), card=row.get("card"), year=row.get("pubdate"), status="看过",
                         kind=None, raw=_raw(row, drop=("intro", "poster")), genres=row.get("genres"),
                         about=row.get("intro"))
    else:  # the userscript: what was marked as watched (or read)
        for row in csv_file.rows():
            yield _build(csv_file.line, ctx, title=row.get("标题"), url=row.get("条目链接"),
                         rating=row.get("个人评分"), when=row.get("打分日期"), card=None,
                         year=row.get("上映日期") or row.get("出版日期") or row.get("出版年"), status="看过",
                         kind=None, people=row.get("作者") or row.get("导演"), raw=_raw(row, drop=("封面",)))


def _raw(row: dict[str, Any], drop: Sequence[str] = ()) -> dict[str, str]:
    return {k: _text(v)[:2000] for k, v in row.items() if k and k not in drop and v not in (None, "")}


def _text(value: Any) -> str:
    if isinstance(value, datetime | date):
        return value.isoformat()
    return "" if value is None else str(value)


# -- the 豆伴 workbook --------------------------------------------------------------------------------


def _sheet_names(path: Path, limits: Limits) -> list[str] | None:
    """The sheet names of an .xlsx, from its workbook.xml; None if it is no readable workbook."""
    try:
        with zipfile.ZipFile(path) as archive:
            if len(archive.infolist()) > limits.members:
                return None
            info = archive.getinfo("xl/workbook.xml")
            if info.file_size > 4 << 20:
                return None
            root = ElementTree.fromstring(archive.read(info))
    except (*ZIP_ERRORS, KeyError, ElementTree.ParseError):
        return None
    return [el.get("name", "") for el in root.iter() if el.tag.endswith("}sheet") or el.tag == "sheet"]


def claims(path: Path, limits: Limits = LIMITS) -> str | None:
    with path.open("rb") as f:
        if f.read(4) != b"PK\x03\x04":
            return None
    names = _sheet_names(path, limits)
    if names is None:
        return None
    if any(n in SHEETS or n in _OTHER_SHEETS for n in names):
        return "a workbook with 豆伴's sheets (看过, 想看, 读过, ...)"
    return None


# The backup's other sheets: not history, named in the report.
_OTHER_SHEETS = ("听过", "在听", "想听", "玩过", "在玩", "想玩", "看过的舞台剧", "想看的舞台剧", "创建的豆列",
                 "收藏的豆列", "影评", "书评", "乐评", "评论", "日记", "广播")


def _check_sizes(path: Path, limits: Limits) -> None:
    try:
        with zipfile.ZipFile(path) as archive:
            infos = archive.infolist()
    except ZIP_ERRORS as exc:
        raise InputError(f"{path.name} cannot be read as a workbook: it is damaged ({exc}).") from exc
    if len(infos) > limits.members:
        raise InputError(f"{path.name} lists more than {limits.members:,} files: it is not a 豆伴 backup.")
    big = max((i.file_size for i in infos), default=0)
    if big > limits.member_bytes or sum(i.file_size for i in infos) > limits.archive_bytes:
        raise InputError(f"{path.name} unpacks to more than any 豆伴 backup (a sheet over"
                         f" {limits.member_bytes >> 20} MiB, or {limits.archive_bytes >> 20} MiB in all), so nothing"
                         " was imported.", hint="Import the backup as 豆伴 saved it.")


def open_workbook(paths: Sequence[Path], shelves: dict[str, str], limits: Limits = LIMITS) -> list[Opened]:
    return [_open_one(path, shelves, limits) for path in paths]


def _open_one(path: Path, shelves: dict[str, str], limits: Limits) -> Opened:
    if path.stat().st_size > limits.document_bytes:
        raise InputError(f"{path.name} is larger than any 豆伴 backup ({limits.document_bytes >> 20} MiB).")
    _check_sizes(path, limits)
    import openpyxl  # only for this format

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file; each is this one line
        raise InputError(f"{path.name} cannot be read as a workbook ({type(exc).__name__}: {str(exc)[:100]}).",
                         hint="Open it in a spreadsheet program and save it again, or import a sheet saved as CSV."
                         ) from exc
    names = list(book.sheetnames)
    history = [n for n in names if n in SHEETS]
    if not history:
        book.close()
        raise InputError(f"{path.name} is a 豆伴 backup with no sheet of films or books (看过, 在看, 想看, 读过, 在读,"
                         f" 想读), so there is nothing to import; its sheets: {', '.join(names[:8])}.",
                         zh=f"{path.name} 是豆伴备份，但没有电影或图书的工作表（看过、在看、想看、读过、在读、想读），"
                         f"所以没有可导入的内容；它的工作表：{'、'.join(names[:8])}。")
    notes: Counter[str] = Counter()
    other = [n for n in names if n not in SHEETS]
    if other:
        notes["sheets that are not film or book history were left out: " + ", ".join(other)] += 1
    if not any(SHEETS[n][1] != "saved" for n in history):
        notes["no 看过 or 读过 sheet: nothing here was watched or read, only saved for later"] += 1
    sizes = {n: max((book[n].max_row or 1) - 1, 0) for n in history}
    ctx = ReadContext(shelves=shelves, notes=notes)
    done = [0]

    def records() -> Iterator[ImportRow | Skip]:
        line = 0
        try:
            for name in history:
                kind = SHEETS[name][0]
                rows = book[name].iter_rows(values_only=True)
                header = [_text(c).strip() for c in next(rows, ()) or ()]
                if not _has(header, TOFU):
                    notes[f"sheet {name}: not in 豆伴's columns, left out"] += 1
                    continue
                for cells in rows:
                    if not any(c not in (None, "") for c in cells):
                        continue
                    line += 1
                    done[0] += 1
                    if line > limits.rows:
                        raise InputError(f"{path.name} has more than {limits.rows:,} rows: more than one person's"
                                         " history, so nothing was imported.")
                    row = dict(zip(header, cells, strict=False))
                    yield _build(line, ctx, title=_text(row.get("标题")), url=_text(row.get("链接")),
                                 rating=row.get("我的评分"), when=row.get("创建时间"), card=_text(row.get("简介")),
                                 year=None, status=name, kind=kind, raw=_raw(row))
        except InputError:
            raise
        except Exception as exc:  # a damaged sheet part: one line, never a traceback
            raise InputError(f"{path.name} cannot be read as a workbook ({type(exc).__name__}).") from exc

    layout = "豆伴 backup: " + ", ".join(f"{n} {sizes[n]}" for n in history)
    return Opened(records=records(), paths=(path,), layout=layout,
                  why="a workbook with 豆伴's sheets (看过, 想看, 读过, ...)", kind=None,
                  size=sum(sizes.values()), position=lambda: done[0], close=book.close, encoding="xlsx", notes=notes)


FORMAT = Format(
    name="douban", label="Douban (豆瓣)", kind=None, scale=SCALE, suffixes=(".csv", ".xlsx"),
    statuses="看过/读过: watched/read; 在看/在读: watching/reading; 想看/想读: saved for later; a userscript or"
             " doumark export: watched or read",
    recognised="its columns are those of a Douban export (the userscript's 标题/个人评分/条目链接, 豆伴's"
               " 标题/简介/我的评分, or doumark's star/star_time/card)",
    matches=matches, read=read, layout=layout, claims=claims, open=open_workbook, order=25,
)
