"""Issue 22.5, in the window: the import report counts what counts against and says what likes are; the
Privacy page says what each count is; in Chinese, the format and why it was recognised read in Chinese
(file names, titles and column names as written)."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication

from app.gui.app import install_translation
from app.gui.import_report import ImportReportDialog
from app.gui.pages.privacy import PrivacyPage
from app.gui.report_text import report_line
from app.services.formats import import_formats
from app.services.history import ImportReport

GOODREADS = ImportReport(
    format="goodreads", file="goodreads_library_export.csv", files=["goodreads_library_export.csv"],
    layout="library export, 31 columns", history=10, against=3, against_rating=1.5, matched=9, unmatched=1,
    detected="its header names a Goodreads export's columns (Book Id, My Rating, Exclusive Shelf)")
LETTERBOXD = ImportReport(
    format="letterboxd", file="diary.csv, ratings.csv", files=["diary.csv", "ratings.csv"],
    layout="loose CSVs (diary, ratings)", history=4, liked=2,
    detected="diary.csv: the columns of Letterboxd's diary.csv; ratings.csv: the columns of Letterboxd's ratings.csv")
CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture
def zh(qtbot) -> Iterator[None]:  # noqa: ANN001
    app = QApplication.instance()
    before = set(app.findChildren(QTranslator))
    assert install_translation(app, "zh_CN") == "zh_CN"
    yield
    for translator in set(app.findChildren(QTranslator)) - before:
        app.removeTranslator(translator)
    app.setProperty("hearth_language", "en")


def test_the_summary_counts_what_counts_against(qtbot) -> None:  # noqa: ANN001
    dialog = ImportReportDialog([GOODREADS, LETTERBOXD])
    qtbot.addWidget(dialog)
    assert dialog.summary().startswith("14 read or watched, 0 saved for later, 3 counted against;")
    text = dialog.text()
    assert "  Counted against in ranking: 3 (rated 1.5 or lower, or not finished)" in text
    assert "  Liked, not said to be watched (likes, not history): 2" in text
    assert "Goodreads (library export, 31 columns)" in text  # English stays as written


def test_the_privacy_page_says_what_each_count_is(qtbot) -> None:  # noqa: ANN001
    page = PrivacyPage()
    qtbot.addWidget(page)
    page.show_info({"statement": "", "folder": "/data", "bytes": 0, "history": 2, "saved": 32, "feedback": 4})
    assert page.where.text().endswith("2 history entries · 32 to read or watch later · 4 feedback marks (like,"
                                      " dislike, not interested)")


def test_each_formats_reason_reads_in_chinese(zh: None) -> None:
    for fmt in import_formats():
        assert CJK.search(report_line(fmt.recognised)), fmt.recognised


@pytest.mark.parametrize(("english", "chinese"), [
    pytest.param("library export, 31 columns", "书库导出，31 列", id="goodreads-layout"),
    pytest.param("export cut down to 8 columns (no Star Rating)", "删减到 8 列的导出文件（没有 Star Rating）",
                 id="storygraph-layout"),
    pytest.param("ratings, layout before 2018", "评分，2018 年以前的格式", id="imdb-layout"),
    pytest.param("export ZIP", "导出的 ZIP", id="letterboxd-zip"),
    pytest.param("loose CSVs (ratings, diary, watched)", "单独的 CSV 文件（ratings, diary, watched）",
                 id="letterboxd-loose"),
    pytest.param("its header names a Goodreads export's columns (Book Id, My Rating, Exclusive Shelf)",
                 "表头列出了 Goodreads 导出的列（Book Id、My Rating、Exclusive Shelf）", id="goodreads-why"),
    pytest.param("diary.csv: the columns of Letterboxd's diary.csv; my;watch list.csv: the columns of Letterboxd's"
                 " watched.csv and watchlist.csv, named watchlist",
                 "diary.csv: Letterboxd 的 diary.csv 的列；my;watch list.csv: Letterboxd 的 watched.csv 和"
                 " watchlist.csv 共有的列，文件名含 watchlist", id="letterboxd-loose-why"),
    pytest.param("line 20: a quote opened there seems never to be closed, so the next 3 lines were read as part of"
                 " one row; check the file",
                 "第 20 行：那里开始的引号似乎一直没有闭合，所以后面的 3 行被读成了同一行；请检查文件",
                 id="unclosed-quote"),
    pytest.param("liked films that an earlier import had as watched on the day of the import are likes again, not"
                 " history: 2", "以前的导入把喜欢的电影记为在导入当天看过，现在它们又算作喜欢，不算历史：2",
                 id="likes-again"),
    pytest.param("an entry Douban took down: it shows only as 未知电视剧", "豆瓣已下架的条目：只显示为“未知电视剧”",
                 id="douban-took-down"),
    pytest.param("rating outside 1-10", "评分超出 1-10", id="rating-outside"),
    pytest.param("on the shelf 'abandoned', which you chose to skip", "在书架 'abandoned' 上，你选择了跳过它",
                 id="shelf-skipped"),
])
def test_layouts_and_reasons_in_chinese(zh: None, english: str, chinese: str) -> None:
    assert report_line(english) == chinese


def test_the_report_in_chinese(qtbot, zh: None) -> None:  # noqa: ANN001
    dialog = ImportReportDialog([GOODREADS])
    qtbot.addWidget(dialog)
    text = dialog.text()
    assert "goodreads_library_export.csv" in text  # the file's name as it is
    assert "Goodreads（书库导出，31 列）" in text
    assert "识别依据：表头列出了 Goodreads 导出的列（Book Id、My Rating、Exclusive Shelf）" in text
