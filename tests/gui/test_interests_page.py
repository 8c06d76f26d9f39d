"""Issue 22 (items 1 and 6): the Interests page reads well at 1024x700 and at full screen, in English and
Chinese. Facets are named by what they share, never by a title the person did not rate; their names are
read whole; the heatmap's columns carry the recommendations' titles; the map's legend hides no point.
Through the real profile code, the bundled catalogs and the real page (the embedder is the tests' fake)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, QRect, Qt
from PySide6.QtWidgets import QApplication

from app.core.facets import Facet
from app.gui.pages.interests import InterestsPage
from app.services import Services
from app.services.events import final

# Own books no catalog holds, in two groups of shared title words (the fake embedder puts them close):
# one group with a single rated book, one the person shelved as read without rating any.
LANTERN = [("Lantern Harbour Vigil", "Odile Quarrington", 5), ("Lantern Harbour Tides", "Bram Ostrowe", None),
           ("Lantern Harbour Fog", "Ines Valcourt", None), ("Lantern Harbour Night", "Teodor Mirskaya", None)]
ORCHARD = [("Orchard Winter Letters", "Halvard Penmoor", None), ("Orchard Winter Frost", "Calla Dunstreve", None),
           ("Orchard Winter Ashes", "Ysolde Karrow", None), ("Orchard Winter Bells", "Pim Aldergrove", None)]
CATALOG = [("The Matrix (1999)", "film"), ("Alien (1979)", "film"), ("Blade Runner (1982)", "film"),
           ("Pride and Prejudice (1813)", "book"), ("Dune (1965)", "book"), ("The Hobbit (1937)", "book")]
ENGLISH_FRAME = ("films", "books", "titles", "close to", " by ", " and ", "others", "unrated", "'s ")


@pytest.fixture
def lang() -> Iterator[str]:
    """The interface's language for the test (restored after it)."""
    app = QApplication.instance()
    before = app.property("hearth_language")
    yield "en"
    app.setProperty("hearth_language", before)


def _set_language(code: str) -> None:
    QApplication.instance().setProperty("hearth_language", code)


def _history(services: Services, tmp_path: Path, *, own: bool = True, catalog: bool = True) -> None:
    if own:
        path = tmp_path / "books.csv"
        rows = [f"{t},{a},{r if r else ''},read" for t, a, r in LANTERN + ORCHARD]
        path.write_text("Title,Author,Rating,Shelf\n" + "\n".join(rows) + "\n", encoding="utf-8")
        services.history.import_file(path)
    if catalog:
        for title, kind in CATALOG:
            services.history.add(title, rating=5, kind=kind)


def _page(qtbot, services: Services, lang: str, size: tuple[int, int] = (1024, 620)) -> InterestsPage:  # noqa: ANN001
    _set_language(lang)
    page = InterestsPage()
    qtbot.addWidget(page)
    page.resize(*size)
    page.show()
    qtbot.waitExposed(page)
    page.show_profile(final(services.explainer.profile(use_llm=False, lang=lang)))
    page.show_map(services.interests.interest_map())
    qtbot.wait(50)
    return page


def _facet_names(page: InterestsPage) -> list[str]:
    return [page.facets.topLevelItem(i).text(0) for i in range(page.facets.topLevelItemCount())]


def _words(text: str) -> str:
    """A title as a facet's name would say it (no subtitle, no year)."""
    return re.split(r"\s*[:(]", text, maxsplit=1)[0].strip()


def test_no_facet_is_named_by_a_title_the_person_never_rated(qtbot, services: Services, tmp_path: Path,  # noqa: ANN001
                                                            lang: str) -> None:
    _history(services, tmp_path, catalog=False)
    entries = services.history.entries()
    never_rated = {_words(e.item.title) for e in entries if e.rating_norm is None}
    rated = {_words(e.item.title) for e in entries if e.rating_norm is not None}
    assert len(never_rated) == 7 and rated == {"Lantern Harbour Vigil"}  # the import kept them as written
    facets = services.explainer.facets()
    assert len(facets) >= 2
    for code in ("en", "zh_CN"):
        page = _page(qtbot, services, code)
        shown = _facet_names(page) + [f.name(code) for f in facets] + [f.label for f in facets]
        for name in shown:
            assert not any(title in name for title in never_rated), name
        assert page.paragraph.toPlainText()
    anchored = [f for f in facets if f.anchor]
    assert all(f.anchor in rated for f in anchored)
    assert any(f.label == "unrated books" for f in facets)  # the group the person rated none of
    assert any(f.name("zh_CN") == "未评分的图书" for f in facets)


def test_chinese_facet_names_have_no_english_frame_words(qtbot, services: Services, tmp_path: Path,  # noqa: ANN001
                                                         lang: str) -> None:
    _history(services, tmp_path)
    page = _page(qtbot, services, "zh_CN")
    facets = services.explainer.facets()
    names = _facet_names(page)
    assert names == [f.name("zh_CN") for f in facets] and len(names) >= 2
    for facet, name in zip(facets, names):
        # What may stay as the catalog writes it: creators, a rated title, keywords without a Chinese name.
        rest = name
        for kept in sorted((*facet.creators, facet.anchor, *facet.tags, *(t.lower() for t in facet.tags)),
                           key=len, reverse=True):
            rest = rest.replace(kept, "") if kept else rest
        assert not re.search(r"[A-Za-z]", rest), name
        assert not any(word.strip() in name for word in ENGLISH_FRAME), name
    assert page.legend.names()[:len(names)] == names  # the map's legend names them as the list does
    # The paragraph names them as the list does.
    assert names[0] in page.paragraph.toPlainText()


def test_facet_names_are_read_whole_at_1024x700_and_at_full_screen(qtbot, services: Services,  # noqa: ANN001
                                                                    tmp_path: Path, lang: str) -> None:
    _history(services, tmp_path)
    for size in ((1024, 620), (1900, 980)):
        page = _page(qtbot, services, "en", size)
        left, right = page.split.sizes()
        assert left >= 0.33 * (left + right)  # not the ~300 px the splitter gave it at any width
        tree = page.facets
        metrics = tree.fontMetrics()
        for i in range(tree.topLevelItemCount()):
            item = tree.topLevelItem(i)
            rect = tree.visualItemRect(item)
            room = tree.columnWidth(0) - tree.indentation() - 10
            needed = metrics.boundingRect(QRect(0, 0, room, 10000), int(Qt.TextFlag.TextWordWrap), item.text(0))
            assert needed.width() <= room and needed.height() <= rect.height() + 1, (size, item.text(0))
            assert item.text(0) in item.toolTip(0)
        page.close()


def test_the_heatmap_columns_are_the_recommendations_titles(qtbot, services: Services, tmp_path: Path,  # noqa: ANN001
                                                             lang: str) -> None:
    _history(services, tmp_path, own=False)
    page = _page(qtbot, services, "en")
    data = page._heat
    assert data is not None and len(data.heat_cols) == 12
    labels = page.column_labels()
    assert len(labels) == len(data.heat_cols) and len(set(labels)) == len(labels)
    assert not any(label.isdigit() for label in labels)  # no longer ranks 1-12
    for label, title in zip(labels, data.heat_cols):
        assert label.rstrip("…") in title and len(label) <= page.title_chars()
    rows = page.row_labels()
    assert [r.rstrip("…") in t for r, t in zip(rows, data.heat_rows)] == [True] * len(data.heat_rows)
    # Each column's title, whole, under the pointer: in the cell and on the slanted title below it.
    view, axis = page.heat.getViewBox(), page.columns
    for col, title in enumerate(data.heat_cols):
        cell = view.mapViewToScene(QPointF(col + 0.5, 0.5))
        assert title in page.heat_tip(cell) and data.heat_rows[0] in page.heat_tip(cell)
        x = axis.column_x(col)
        assert x is not None
        under = axis.mapToScene(QPointF(x - 8, axis._start() + 8 * 0.84))  # on the title, a little down the slant
        assert page.heat_tip(under) == title
    # A wider window shows more of each title.
    page.resize(1900, 980)
    qtbot.waitUntil(lambda: page.title_chars() > 18)
    assert all(label.rstrip("…") in title for label, title in zip(page.column_labels(), data.heat_cols))


def test_the_map_legend_covers_no_point(qtbot, services: Services, tmp_path: Path, lang: str) -> None:  # noqa: ANN001
    _history(services, tmp_path)
    for code in ("en", "zh_CN"):
        page = _page(qtbot, services, code)
        assert page.map.getPlotItem().legend is None  # nothing drawn over the points
        legend = QRect(page.legend.mapToGlobal(QPoint(0, 0)), page.legend.size())
        plot = page.map.getViewBox()
        seen = QRect(page.map.mapToGlobal(QPoint(0, 0)), page.map.size())
        points = 0
        for spots in page.points():
            for spot in spots.points():
                scene = plot.mapViewToScene(spot.pos())
                at = page.map.mapToGlobal(page.map.mapFromScene(scene))
                assert seen.contains(at), "a point outside the map"
                box = QRect(at - QPoint(6, 6), at + QPoint(6, 6))  # the mark, 12 px across
                assert not legend.intersects(box), (code, spot.data())
                points += 1
        assert points >= 10 and legend.height() > 0 and len(page.legend.names()) >= 3
        # Its lines break between names, never inside one (a Chinese name would break anywhere).
        for line in page.legend.text().split("<br>"):
            assert line.count("&nbsp;") >= 1
        shown = re.sub(r"<[^>]+>", "", page.legend.text()).replace("&nbsp;", " ")
        assert all(" ".join(name.split()) in " ".join(shown.split()) for name in page.legend.names())
        page.close()


def test_a_facet_name_in_both_languages() -> None:
    """The frame of each kind of name, in English and in Chinese (the catalog's own words kept)."""
    nolan = Facet(label="", items=(), weight=1.0, genres=("Sci-Fi", "Thriller"), tags=("Dreams",),
                  creators=("Christopher Nolan",), kind="film")
    assert nolan.name() == "Christopher Nolan's sci-fi and thriller films (dreams)"
    assert nolan.name("zh_CN") == "Christopher Nolan的科幻、惊悚类电影"  # no Chinese name for "dreams"
    assert nolan.name(tags=False) == "Christopher Nolan's sci-fi and thriller films"
    classics = Facet(label="", items=(), weight=1.0, genres=("Fantasy", "Classics"), kind="book")
    assert (classics.name(), classics.name("zh_CN")) == ("fantasy and classics", "奇幻、经典类图书")
    mixed = Facet(label="", items=(), weight=1.0, genres=("Fantasy",))
    assert (mixed.name(), mixed.name("zh_CN")) == ("fantasy", "奇幻类作品")
    crime = Facet(label="", items=(), weight=1.0, creators=("Camilla Läckberg", "Jo Nesbø"), more_creators=True,
                  kind="book")
    assert crime.name() == "books by Camilla Läckberg, Jo Nesbø and others"
    assert crime.name("zh_CN") == "Camilla Läckberg、Jo Nesbø等人的图书"
    close = Facet(label="", items=(), weight=1.0, anchor="Intemporalis", kind="book")
    assert (close.name(), close.name("zh_CN")) == ("books close to Intemporalis", "与《Intemporalis》相近的图书")
    none = Facet(label="", items=(), weight=1.0, kind="film")
    assert (none.name(), none.name("zh_CN")) == ("unrated films", "未评分的电影")


def test_last_year_says_which_year_when_the_history_ended_long_ago(qtbot) -> None:  # noqa: ANN001
    """A history ending in April 2021 read 'last year' and 'growing lately' in 2026."""
    import datetime as dt
    from types import SimpleNamespace

    from app.gui.pages.interests import InterestsPage

    page = InterestsPage()
    qtbot.addWidget(page)
    assert page._recent_word(dt.date.today()) == "last year"
    assert page._recent_word(dt.date(2021, 4, 19)) == "year to 4/2021"
    grew = SimpleNamespace(trend="recent", since=None, last=None)
    assert page._when(grew) == "growing lately"
    page._stale = True
    assert page._when(grew) == "grew in your last year"


def test_the_legend_shows_a_facet_name_as_written(qtbot) -> None:  # noqa: ANN001
    """The legend is rich text for its coloured marks; a name (catalog words, data) is escaped in it."""
    from app.gui.pages.interests import _Legend

    legend = _Legend()
    qtbot.addWidget(legend)
    legend.resize(600, 60)
    legend.set_entries([("●", (31, 119, 180), "<b>bold</b> & <img src=x>")])
    assert "<b>" not in legend.text() and "<img" not in legend.text()
    assert "&lt;b&gt;bold&lt;/b&gt; &amp; &lt;img src=x&gt;" in legend.text()


def test_describe_my_tastes_says_it_is_at_work_until_the_paragraph_comes(qtbot, window,  # noqa: ANN001
                                                                        services: Services) -> None:
    """A helper clicked "Describe my tastes" twice and waited half a minute: the same template came back, and
    nothing on the page had said that anything was happening."""
    from tests.gui.conftest import wait_idle

    for title, kind in CATALOG:
        services.history.add(title, rating=5, kind=kind)
    window.tabs.setCurrentWidget(window.interests)
    wait_idle(qtbot, window)
    page = window.interests
    page.describe_button.click()
    assert not page.describe_button.isEnabled() and page.badge.text() == "Describing your tastes…"
    # One line, as the badge it stands in for: a three-line note pushed the paragraph up by 20 px and back.
    width = page.badge.fontMetrics().horizontalAdvance
    assert width(page.badge.text()) <= width("Built from your facets (template)")
    wait_idle(qtbot, window)
    assert page.describe_button.isEnabled() and not page.badge.text().startswith("Describing")
    assert page.paragraph.toPlainText()
