"""Douban (userscript CSV, 豆伴 workbook, doumark CSV), Trakt JSON and LibraryThing (TSV, JSON): each shape
read from a small file the test writes, and the caps and clear errors of files that are not CSV."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from app.core.errors import InputError
from app.importers.detect import open_sources
from app.importers.formats.douban import card_genres, split_card, split_title
from app.importers.formats.librarything import flip_name
from app.importers.limits import Limits
from app.importers.records import ImportRow, Skip


def _read(paths: list[Path], **kw: object) -> list[tuple[str, str, list[ImportRow], list[Skip], dict[str, int]]]:
    out = []
    for source in open_sources(paths, **kw):  # type: ignore[arg-type]
        try:
            records = list(source.records)
        finally:
            source.close()
        out.append((source.format, source.layout, [r for r in records if isinstance(r, ImportRow)],
                    [r for r in records if isinstance(r, Skip)], dict(source.notes)))
    return out


def _one(path: Path, **kw: object) -> tuple[str, str, list[ImportRow], list[Skip], dict[str, int]]:
    (found,) = _read([path], **kw)
    return found


# -- Douban ----------------------------------------------------------------------------------------------

USERSCRIPT = ("标题,个人评分,打分日期,我的短评,上映日期,制片国家,条目链接\n"
              '"肖申克的救赎 / The Shawshank Redemption","5","2022/09/18","","1994/09/10","美国",'
              '"https://movie.douban.com/subject/1292052/"\n'
              '"活着","4","2021/01/02","好","1994/05/18","中国大陆","https://movie.douban.com/subject/1292365/"\n'
              '"无评分","","2020/03/04","","","","https://movie.douban.com/subject/1/"\n')


@pytest.mark.parametrize("shape", ["full", "no release or country", "cover first", "trailing comma"])
def test_douban_userscript_csv_in_each_shape(tmp_path: Path, shape: str) -> None:
    lines = USERSCRIPT.splitlines()
    if shape == "no release or country":
        lines = [",".join(c for k, c in enumerate(_cells(line)) if k not in (4, 5)) for line in lines]
    elif shape == "cover first":
        lines = ["封面," + lines[0]] + ['"https://img/x.jpg",' + line for line in lines[1:]]
    elif shape == "trailing comma":
        lines = [line + "," for line in lines]
    path = tmp_path / "douban.csv"
    path.write_text("\ufeff" + "\n".join(lines) + "\n", encoding="utf-8")
    fmt, layout, rows, skips, _ = _one(path)
    assert fmt == "douban" and layout.startswith("userscript CSV") and not skips
    shawshank, alive, unrated = rows
    assert (shawshank.title, shawshank.alt_titles) == ("肖申克的救赎", ("The Shawshank Redemption",))
    assert shawshank.kind == "film"
    assert (shawshank.rating, shawshank.scale, shawshank.consumed_at) == (5, (1, 5), "2022-09-18")
    assert shawshank.alt_ids == ("douban:1292052",) and shawshank.status == "done" and not shawshank.saved
    assert shawshank.year == (None if shape == "no release or country" else 1994)
    assert alive.title == "活着" and alive.alt_titles == () and alive.rating == 4
    assert unrated.rating is None and unrated.status == "done"


def _cells(line: str) -> list[str]:
    import csv

    return [f'"{c}"' if c else "" for c in next(csv.reader([line]))]


def _workbook(path: Path, sheets: dict[str, list[list[object]]]) -> Path:
    import openpyxl

    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path


TOFU_HEAD = ["标题", "简介", "豆瓣评分", "链接", "创建时间", "我的评分", "标签", "评论", "可见性"]


def _film(title: str, subject: int, rating: object = "", year: int = 2001) -> list[object]:
    return [title, f"{year} / 日本 / 剧情 动画 / 宫崎骏 / 柊瑠美", "9.4", f"https://movie.douban.com/subject/{subject}/",
            "2024-08-18 03:12:15", rating, "", "", "public"]


def test_the_tofu_workbook_reads_history_sheets_and_names_the_others(tmp_path: Path) -> None:
    path = _workbook(tmp_path / "豆伴(123).xlsx", {
        "看过": [TOFU_HEAD, _film("千与千寻", 1291561, 5), _film("未评分", 2, "")],
        "在看": [TOFU_HEAD, _film("在看的剧", 3)],
        "想看": [TOFU_HEAD, _film("想看的片", 4)],
        "读过": [TOFU_HEAD, ["2666", "[智利] 罗贝托·波拉尼奥（Roberto Bolaño） / 2012 / 上海人民出版社", "8.8",
                           "https://book.douban.com/subject/6800379/", "2024-02-14 17:43:02", 4, "", "", "public"]],
        "听过": [TOFU_HEAD, ["某张专辑", "歌手 / 2024", "0.0", "https://music.douban.com/subject/9/", "", 4, "", "",
                           ""]],
        "创建的豆列": [["豆列名称", "豆列链接"], ["我的收藏", "https://www.douban.com/doulist/1/"]],
    })
    fmt, layout, rows, skips, notes = _one(path)
    assert fmt == "douban" and layout.startswith("豆伴 backup: 看过 2") and not skips
    by = {r.title: r for r in rows}
    spirited = by["千与千寻"]
    assert (spirited.kind, spirited.status, spirited.rating, spirited.year) == ("film", "done", 5, 2001)
    assert spirited.creators == ("宫崎骏",) and spirited.consumed_at == "2024-08-18"
    assert spirited.alt_ids == ("douban:1291561",)
    assert by["未评分"].rating is None and by["在看的剧"].status == "reading"
    assert by["想看的片"].saved and by["想看的片"].consumed_at is None
    book = by["2666"]
    assert (book.kind, book.year, book.creators[0]) == ("book", 2012, "Roberto Bolaño")
    assert "某张专辑" not in by
    assert any("听过" in n and "创建的豆列" in n for n in notes)


def test_a_tofu_backup_without_films_or_books_is_one_clear_line(tmp_path: Path) -> None:
    path = _workbook(tmp_path / "music.xlsx", {"听过": [TOFU_HEAD], "玩过": [TOFU_HEAD]})
    with pytest.raises(InputError, match="no sheet of films or books"):
        _one(path)


def test_another_workbook_is_refused_with_a_hint(tmp_path: Path) -> None:
    path = _workbook(tmp_path / "budget.xlsx", {"Sheet1": [["a", "b"], [1, 2]]})
    with pytest.raises(InputError, match="spreadsheet workbook, but not an export") as err:
        _one(path)
    assert "CSV" in (err.value.hint or "")


@pytest.mark.parametrize("name", ["豆伴-想看.csv", "export.csv"])
def test_one_tofu_sheet_saved_as_csv(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    lines = [",".join(TOFU_HEAD), ",".join(str(c) for c in _film("千与千寻", 1291561, 5)),
             ",".join(str(c) for c in _film("没评分", 7, ""))]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    fmt, layout, rows, _, notes = _one(path)
    assert fmt == "douban" and layout.startswith("豆伴 sheet saved as CSV")
    rated, unrated = rows
    if "想看" in name:
        assert rated.saved and unrated.saved
    else:  # the name does not say: rated is seen, unrated is shelved (the report offers to re-map it)
        assert rated.status == "done" and unrated.status == "shelved" and unrated.shelf == "douban sheet"
        assert any("does not say which 豆伴 sheet" in n for n in notes)
        (_, _, again, _, _) = _one(path, shelves={"douban sheet": "saved"})
        assert again[1].saved


DOUMARK = ("id,title,intro,poster,pubdate,url,rating,genres,star,comment,tags,star_time,card\n"
           '1291561,千与千寻,,https://img/1.jpg,2019-06-21(中国大陆),https://movie.douban.com/subject/1291561/,9.4,'
           '"剧情,动画",,,,2024-04-05 08:00:59,2001 / 日本 / 剧情 动画 奇幻 / 宫崎骏 / 柊瑠美 入野自由\n'
           '36850876,拐点,"一段\n两行的简介",https://img/2.jpg,2024-5-1,https://book.douban.com/subject/36850876/,8.3,,'
           '4,,,2024-06-30 14:58:00,万维钢 / 2024 / 台海出版社\n')


def test_doumark_reads_star_as_the_rating_never_the_site_average(tmp_path: Path) -> None:
    path = tmp_path / "movie.csv"
    path.write_text(DOUMARK, encoding="utf-8")
    fmt, layout, rows, _, _ = _one(path)
    film, book = rows
    assert (fmt, layout) == ("douban", "doumark CSV")
    assert film.rating is None and film.year == 2001 and film.creators == ("宫崎骏",)  # not 9.4, not 2019
    assert (book.kind, book.rating, book.year, book.creators) == ("book", 4, 2024, ("万维钢",))
    assert book.consumed_at == "2024-06-30" and book.alt_ids == ("douban:36850876",)
    # What the work is about, for an item of the person's own: a film's genres as the film catalog names
    # them (奇幻 from the card is Fantasy; a genre it has no name for stays Chinese), a book's blurb.
    assert film.genres == ("Drama", "Animation") and film.description == ""
    assert book.genres == () and book.description == "一段 两行的简介"
    card = "2001 / 日本 / 剧情 动画 奇幻 / 宫崎骏 / 柊瑠美"
    assert card_genres(None, card, "film") == ("Drama", "Animation", "Fantasy")
    assert card_genres("剧情,武侠", None, "film") == ("Drama", "武侠")


def test_an_entry_douban_took_down_is_skipped_with_its_reason(tmp_path: Path) -> None:
    """Douban names a removed entry 未知电影 (未知图书...): no work is left to match or to learn from."""
    path = tmp_path / "movie.csv"
    path.write_text(DOUMARK + '25742129,未知图书,,https://img/3.jpg,,https://book.douban.com/subject/25742129/,0,,2,'
                              '看不下去了,,2015-10-02 20:16:16,\n', encoding="utf-8")
    _, _, rows, skips, _ = _one(path)
    assert [r.title for r in rows] == ["千与千寻", "拐点"]
    assert [s.reason for s in skips] == ["an entry Douban took down: it shows only as 未知图书"]


def test_douban_titles_and_cards() -> None:
    assert split_title("入殓师 / おくりびと") == ("入殓师", ("おくりびと",))
    assert split_card("2023 / 英国 美国 / 剧情 / 乔·拜尔德 / 塔伦·埃哲顿", "film") == (2023, ("乔·拜尔德",))
    # Directors are a space apart; a name in Latin letters keeps its own space (it showed as "Christopher").
    assert split_card("2009 / 美国 / 剧情 / Christopher Chulack 宫崎骏 / x", "film") == (
        2009, ("Christopher Chulack", "宫崎骏"))
    assert split_card("伊藤潤二 伊藤润二 / 1999 年 10 月 05 日 / 東立", "book") == (1999, ("伊藤潤二 伊藤润二",))
    assert split_card("[美]吉姆·布兰迪（Jim Blandy） / 2023 / 人民邮电出版社", "book")[1][0] == "Jim Blandy"


# -- Trakt -----------------------------------------------------------------------------------------------


def _movie(title: str, year: int, trakt: int, imdb: str, tmdb: int) -> dict[str, object]:
    return {"title": title, "year": year, "ids": {"trakt": trakt, "slug": title.lower(), "imdb": imdb, "tmdb": tmdb}}


MATRIX = _movie("The Matrix", 1999, 481, "tt0133093", 603)
HEAT = _movie("Heat", 1995, 117, "tt0113277", 949)
DUNE = _movie("Dune: Part Three", 2026, 9, "tt999", 10)
SHOW = {"title": "Breaking Bad", "year": 2008, "ids": {"trakt": 1, "imdb": "tt0903747", "tmdb": 1396}}


def _trakt(folder: Path) -> dict[str, Path]:
    folder.mkdir(exist_ok=True)
    files = {
        "watched-movies.json": [{"last_watched_at": "2020-01-02T03:04:05.000Z", "plays": 2, "movie": MATRIX},
                                {"last_watched_at": "2019-05-06T00:00:00.000Z", "plays": 1, "movie": HEAT}],
        "ratings-movies.json": [{"rated_at": "2020-01-03T00:00:00.000Z", "rating": 9, "type": "movie",
                                 "movie": MATRIX},
                                {"rated_at": "2020-01-03T00:00:00.000Z", "rating": 8, "type": "show", "show": SHOW}],
        "watchlist.json": [{"rank": 1, "listed_at": "2024-07-09T00:20:02.000Z", "type": "movie", "movie": DUNE},
                           {"rank": 2, "listed_at": "2024-07-09T00:20:02.000Z", "type": "show", "show": SHOW}],
        "watched-shows.json": [{"plays": 40, "last_watched_at": "2021-01-01T00:00:00.000Z", "show": SHOW}],
    }
    out = {}
    for name, data in files.items():
        out[name] = folder / name
        out[name].write_text(json.dumps(data, indent=2), encoding="utf-8")
    return out


def _check_trakt(rows: list[ImportRow], skips: list[Skip]) -> None:
    by = {r.title: r for r in rows}
    matrix = by["The Matrix"]
    assert (matrix.rating, matrix.scale, matrix.consumed_at) == (9, (1, 10), "2020-01-02")
    assert (matrix.imdb, matrix.tmdb, matrix.alt_ids, matrix.kind) == ("133093", "603", ("trakt:481",), "film")
    assert by["Heat"].rating is None and not by["Heat"].saved
    assert by["Dune: Part Three"].saved and by["Dune: Part Three"].consumed_at is None
    assert len(rows) == 3
    assert [s.reason for s in skips].count(skips[0].reason) == 3 and "show" in skips[0].reason


def test_trakt_files_one_at_a_time_together_a_folder_and_a_zip(tmp_path: Path) -> None:
    files = _trakt(tmp_path / "export")
    fmt, layout, rows, _, _ = _one(files["ratings-movies.json"])
    assert fmt == "trakt" and layout == "JSON: ratings-movies" and [r.title for r in rows] == ["The Matrix"]
    (fmt, layout, rows, skips, _), = _read(list(files.values()))
    assert fmt == "trakt"
    _check_trakt(rows, skips)
    (_, _, rows, skips, _), = _read([tmp_path / "export"])
    _check_trakt(rows, skips)
    archive = tmp_path / "trakt-export.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for name, path in files.items():
            zf.write(path, f"user/{name}")
    (fmt, layout, rows, skips, _), = _read([archive])
    assert fmt == "trakt" and layout.startswith("export ZIP")
    _check_trakt(rows, skips)


def test_trakt_caps_hold(tmp_path: Path) -> None:
    files = _trakt(tmp_path / "export")
    with pytest.raises(InputError, match="larger than any history export"):
        _read([files["watched-movies.json"]], limits=Limits(document_bytes=100))
    many = [{"last_watched_at": "2020-01-02T00:00:00.000Z", "plays": 1,
             "movie": _movie(f"Film {k}", 2000, k, f"tt{k:07d}", k)} for k in range(50)]
    path = tmp_path / "big" / "watched-movies.json"
    path.parent.mkdir()
    path.write_text(json.dumps(many), encoding="utf-8")
    with pytest.raises(InputError, match="more than 20 items"):
        _read([path], limits=Limits(rows=20))
    bomb = tmp_path / "bomb.zip"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("watched-movies.json", "[" + " " * 200_000 + "]")
    with pytest.raises(InputError, match="unpacks to more than"):
        _read([bomb], limits=Limits(member_bytes=10_000))


def test_json_that_is_no_export_is_one_clear_line(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    path.write_text('{"theme": "dark"}', encoding="utf-8")
    with pytest.raises(InputError, match="JSON file, but not an export Hearth reads"):
        _read([path])
    broken = tmp_path / "watched-movies.json"
    broken.write_text('[{"movie": {"ids": {"trakt": 1}}, "plays": 1', encoding="utf-8")
    with pytest.raises(InputError, match="not well-formed JSON"):
        _read([broken])


def test_kinopoisk_and_libby_are_named_when_refused(tmp_path: Path) -> None:
    kino = tmp_path / "kinopoisk.xls"
    kino.write_bytes("<html><table><tr><td>русскоязычное название</td><td>моя оценка</td></tr></table></html>"
                     .encode("cp1251"))
    with pytest.raises(InputError, match="Kinopoisk"):
        _read([kino])
    libby = tmp_path / "libbytimeline.json"
    libby.write_text(json.dumps({"version": 1, "timeline": [{"activity": "Borrowed", "title": {"text": "Dune"}}]}))
    with pytest.raises(InputError, match="Libby"):
        _read([libby])


# -- LibraryThing ----------------------------------------------------------------------------------------

LT_OLDER = ("Book Id\tTitle\tSort Character\tPrimary Author\tPrimary Author Role\tSecondary Author\t"
            "Secondary Author Roles\tPublication\tDate\tReview\tRating\tComment\tPrivate Comment\tSummary\t"
            "Physical Description\tWeight\tHeight\tThickness\tLength\tDimensions\tPage Count\tLCCN\tAcquired\t"
            "Date Started\tDate Read\tBCID\tTags\tCollections\tLanguages\tOriginal Languages\tLC Classification\t"
            "ISBN\tISBNs\tSubjects\tDewey Decimal\tDewey Wording\tCopies\tSource\tEntry Date\tOCLC\tWork id"
            ).split("\t")
LT_NEWER = LT_OLDER[:14] + ["Media"] + LT_OLDER[14:26] + ["Barcode"] + LT_OLDER[26:37] + ["From Where"] + \
    LT_OLDER[37:] + ["Lending Patron", "Lending Status", "Lending Start", "Lending End"]

LT_BOOKS = [
    {"Book Id": "1", "Title": "Dune", "Primary Author": "Herbert, Frank", "Date": "1990", "Rating": "4.5",
     "Collections": "Your library", "ISBN": "[0441172717]", "ISBNs": "0441172717, 9780441172719",
     "Entry Date": "[2006-07-25]", "Work id": "3319"},
    {"Book Id": "2", "Title": "L'Étranger", "Primary Author": "Camus, Albert", "Date": "1971", "Rating": "",
     "Collections": "Your library, To read", "ISBN": "[]", "Entry Date": "[2007-01-02]"},
    {"Book Id": "3", "Title": "Piranesi", "Primary Author": "Clarke, Susanna", "Rating": "",
     "Collections": "Your library, Currently reading", "Date Started": "[2024-03-01]"},
    {"Book Id": "4", "Title": "Owned Only", "Primary Author": "Someone, A.", "Rating": "",
     "Collections": "Your library"},
    {"Book Id": "5", "Title": "Tagged", "Primary Author": "Someone, B.", "Rating": "", "Collections": "Your library",
     "Tags": "a_lire, roman"},
    {"Book Id": "6", "Title": "Finished", "Primary Author": "Sømeone, Çé.", "Rating": "", "Collections": "Your library",
     "Date Read": "[2012-09-20]"},
]


def _lt_tsv(path: Path, header: list[str], *, stray: bool = False) -> Path:
    lines = ["\t".join(header)] + ["\t".join(b.get(c, "") for c in header) for b in LT_BOOKS]
    data = ("\n".join(lines) + "\n").encode("utf-8")
    if stray:  # a stray MARC-8 / Windows byte inside one row
        data = data.replace(b"Owned Only", b"Owned \xe9 Only")
    path.write_bytes(data)
    return path


def _check_lt(rows: list[ImportRow]) -> None:
    by = {r.title.replace("\u00e9 ", ""): r for r in rows}
    dune = by["Dune"]
    assert (dune.rating, dune.scale, dune.status, dune.creators) == (4.5, (0.5, 5), "done", ("Frank Herbert",))
    assert dune.isbn13 == "9780441172719" and dune.alt_ids == ("librarything:1", "librarything-work:3319")
    assert dune.consumed_at == "2006-07-25"  # its Entry Date orders the history; read in no known year
    assert [v.date for v in dune.viewings] == [None] and dune.viewings[0].rating == 4.5
    assert by["L'Étranger"].saved and by["Piranesi"].status == "reading"
    assert by["Owned Only"].status == "shelved" and by["Owned Only"].shelf == "Your library"
    assert by["Tagged"].saved  # its tag says to-read
    assert by["Finished"].status == "done" and by["Finished"].consumed_at == "2012-09-20"
    assert [v.date for v in by["Finished"].viewings] == ["2012-09-20"] and not by["L'Étranger"].viewings


@pytest.mark.parametrize("header", [LT_OLDER, LT_NEWER], ids=["older", "newer"])
def test_librarything_tsv_both_column_sets(tmp_path: Path, header: list[str]) -> None:
    fmt, layout, rows, skips, notes = _one(_lt_tsv(tmp_path / "LibraryThing_export.tsv", header, stray=True))
    assert fmt == "librarything" and not skips and len(rows) == len(LT_BOOKS)
    assert ("newer" in layout) == (header is LT_NEWER)
    _check_lt(rows)
    assert any("Windows-1252" in n for n in notes)  # the stray byte was read, the row kept


def test_librarything_json(tmp_path: Path) -> None:
    books = {b["Book Id"]: {
        "books_id": b["Book Id"], "title": b["Title"], "primaryauthor": b["Primary Author"],
        "authors": [{"lf": b["Primary Author"], "fl": flip_name(b["Primary Author"])}],
        "rating": float(b["Rating"]) if b.get("Rating") else 0, "date": b.get("Date", ""),
        "collections": b["Collections"].split(", "), "tags": b.get("Tags", "").split(", ") if b.get("Tags") else [],
        "isbn": {"0": b.get("ISBN", "").strip("[]")}, "originalisbn": b.get("ISBN", "").strip("[]"),
        "entrydate": b.get("Entry Date", "").strip("[]"), "datestarted": b.get("Date Started", "").strip("[]"),
        "dateread": b.get("Date Read", "").strip("[]"), "workcode": b.get("Work id", ""),
    } for b in LT_BOOKS}
    path = tmp_path / "librarything_export.json"
    path.write_text(json.dumps(books, ensure_ascii=False), encoding="utf-8")
    fmt, layout, rows, _, _ = _one(path)
    assert (fmt, layout) == ("librarything", "JSON export")
    _check_lt(rows)


def test_librarything_names() -> None:
    assert flip_name("Covey, Stephen R.") == "Stephen R. Covey" and flip_name("Voltaire") == "Voltaire"
    assert flip_name("Naipaul, V. S. (Vidiadhar Surajprasad)") == "V. S. Naipaul"
    assert flip_name("Hitchcock, Alfred (editor) (Richard Deming; Ed Lacy)") == "Alfred Hitchcock"


def test_a_douban_tv_season_is_no_film(tmp_path: Path) -> None:
    """lmm214's Douban export lists 40 TV seasons among its films ("黑镜 第六季"); malinkang's history showed
    "瑞克和莫蒂 第一季" as a film. A season is kind "other", as IMDb's TV series are: kept, never a film."""
    path = tmp_path / "movie.csv"
    path.write_text(DOUMARK.splitlines()[0] + "\n"
                    '35901863,黑镜 第六季,,https://img/4.jpg,2023-06-15,https://movie.douban.com/subject/35901863/,'
                    '6.8,,4,,,2023-07-01 10:00:00,2023 / 英国 / 剧情 科幻 / 艾丽·斯塔基\n'
                    '1,瑞克和莫蒂 第一季 / Rick and Morty Season 1,,https://img/5.jpg,2013,'
                    'https://movie.douban.com/subject/1/,9.5,,5,,,2022-05-27 10:00:00,2013 / 美国 / 动画\n'
                    '1291561,千与千寻,,https://img/1.jpg,2001,https://movie.douban.com/subject/1291561/,9.4,,5,,,'
                    '2024-04-05 08:00:59,2001 / 日本 / 剧情 动画 奇幻 / 宫崎骏 / 柊瑠美\n', encoding="utf-8")
    _, _, rows, skips, _ = _one(path)
    assert [(r.title, r.kind) for r in rows] == [("黑镜 第六季", "other"), ("瑞克和莫蒂 第一季", "other"),
                                                ("千与千寻", "film")]
    assert not skips
