"""The Your year page: figures after an import, the year picker, the paragraph, plain text, Chinese."""

from __future__ import annotations

from pathlib import Path

from app.services import Services
from tests.services.test_stats import _exports


def test_your_year_follows_the_history(qtbot, window, services: Services, tmp_path: Path) -> None:  # noqa: ANN001
    page = window.year_page
    window.tabs.setCurrentWidget(page)
    window.importing.import_files(_exports(tmp_path))
    qtbot.waitUntil(lambda: page.year.count() == 2, timeout=60000)
    assert page.current_year() == 2021
    assert page.summary.text() == "2021: 2 films watched, 1 book read"
    qtbot.waitUntil(lambda: page.paragraph.toPlainText().startswith("In 2021"), timeout=60000)
    assert set(page.plots) == {"months", "ratings", "genres", "creators", "decades"}
    assert "rewatches" in page.numbers["months"].text()
    page.year.setCurrentIndex(page.year.findData(2020))
    qtbot.waitUntil(lambda: page.paragraph.toPlainText().startswith("In 2020"), timeout=60000)
    window.resize(1024, 700)
    for plot in page.plots.values():
        assert plot.width() > 200 and plot.height() >= 200


def _page(qtbot, width: int = 1024, height: int = 700):  # noqa: ANN001, ANN202
    from app.gui.app import make_app
    from app.gui.pages.stats import StatsPage

    make_app()
    page = StatsPage()
    qtbot.addWidget(page)
    page.resize(width, height)
    page.show()
    return page


def test_an_empty_history_and_one_without_dates_say_so(qtbot) -> None:  # noqa: ANN001
    from app.core.stats import Watch, compute
    from tests.core.test_stats import book, film

    page = _page(qtbot)
    page.show_stats(compute([]))
    assert page.stack.currentIndex() == 0 and page.empty_title.text() == "Nothing to count yet"
    assert "Letterboxd" in page.empty_text.text() and page.empty_import.isVisible()
    assert not page.year.isEnabled() and not page.save.isEnabled() and not page.earlier.isEnabled()
    page.show_stats(compute([Watch(film(1, "Alpha", 1994), None), Watch(book(2, "Beta"), None)]))
    assert page.empty_title.text() == "No dates in your history"
    assert "1 film and 1 book" in page.empty_text.text()


def test_the_charts_stay_put_when_the_year_changes_and_data_stays_plain(qtbot) -> None:  # noqa: ANN001
    from PySide6.QtCore import Qt

    from app.core.stats import Watch, compute
    from tests.core.test_stats import FILM, film, watches

    odd = film(9, "<b>Bold</b> & <i>co</i>", 2001, ("<u>Noir</u>",), by="<script>x</script>")
    stats = compute([*watches(), Watch(odd, "2020-05-01", rating=5.0, scale=FILM)])
    page = _page(qtbot)
    page.show_stats(stats)
    assert page.current_year() == 2021 and page.year.font().bold()
    assert page.columns == 1  # 1,024 px: one chart under the other, each wide enough to read
    qtbot.wait(50)
    geometry = {name: page.plots[name].geometry() for name in page.plots}
    assert all(g.width() >= 600 and g.height() == 290 for g in geometry.values())
    page.earlier.click()
    assert page.current_year() == 2020 and not page.earlier.isEnabled() and page.later.isEnabled()
    qtbot.wait(50)
    assert {name: page.plots[name].geometry() for name in page.plots} == geometry
    assert "<script>x</script>: 1 film" in page.numbers["creators"].text()
    assert "  <b>Bold</b> & <i>co</i>" in page.numbers["ratings"].text()
    assert all(label.textFormat() == Qt.TextFormat.PlainText for label in page.numbers.values())
    page.resize(1360, 860)
    qtbot.wait(50)
    assert page.columns == 2


def test_the_hours_watched_say_over_how_many_films(qtbot) -> None:  # noqa: ANN001
    """A Trakt history "watched 115 films (12 h 33 min)": the hours were of the 20 the catalog knows the length of."""
    from app.core.stats import Watch, compute
    from app.core.types import Item

    heat = Item(id=7, kind="film", title="Heat", year=1995, runtime=170)
    lost = Item(id=9, kind="film", title="Lost Reel", year=1920)
    page = _page(qtbot)
    page.show_stats(compute([Watch(heat, "2022-01-02"), Watch(lost, "2022-03-04")]))
    assert "2\xa0h\xa050\xa0min over the 1 of known length" in page.numbers["months"].text()  # (kept on one line)
    page.show_stats(compute([Watch(heat, "2022-01-02")]))
    assert "2\xa0h\xa050\xa0min watched" in page.numbers["months"].text()
    assert page.summary.text() == "2022: 1 film watched"  # not "0 books read"
    page.show_stats(compute([Watch(Item(id=5, kind="book", title="Dune", year=1965), "2023-01-02")]))
    assert page.summary.text() == "2023: 1 book read"


def test_axis_ticks_are_whole_numbers_and_never_collide(qtbot) -> None:  # noqa: ANN001
    from app.core.stats import compute
    from app.gui.charts import Charts, _Axis
    from tests.core.test_stats import watches

    _page(qtbot)
    charts = Charts()
    stats = compute(watches())
    plot = charts.ratings(stats, 2021, "film")
    left = plot.getAxis("left")
    assert isinstance(left, _Axis)
    for size in (120, 300, 900):
        for _, values in left.tickValues(0, 1.18, size):
            assert all(v == int(v) for v in values)
    chart = charts.months(stats, 2021, ["film", "book"])
    months = chart.getAxis("bottom")
    assert len(months.tickValues(0.4, 12.6, 800)[0][1]) == 12
    narrow = months.tickValues(0.4, 12.6, 150)[0][1]
    assert narrow[0] == 1 and len(narrow) < 12  # every other month from January where twelve do not fit
    assert charts.decade(1990) == "1990s"


def test_the_interests_that_grew_come_after_the_charts(qtbot, window, tmp_path: Path) -> None:  # noqa: ANN001
    from tests.services.test_stats import SCIFI_YEAR

    page = window.year_page
    window.tabs.setCurrentWidget(page)
    diary = tmp_path / "diary.csv"
    diary.write_text(SCIFI_YEAR, encoding="utf-8")
    window.importing.import_files([diary])
    qtbot.waitUntil(lambda: page.year.count() == 2, timeout=60000)
    qtbot.waitUntil(lambda: bool(page.interests.text()), timeout=60000)
    grew, faded = page.interests.text().split("\n")
    assert grew.startswith("Interests that grew since 2021: sci-fi and action films") and grew.endswith("0% → 100%")
    assert faded.startswith("Interests that faded since 2021: romance") and faded.endswith("100% → 0%")
    page.year.setCurrentIndex(page.year.findData(2021))
    assert page.interests.text() == ""  # nothing dated 2020 to compare with


def test_the_interests_line_is_plain_and_speaks_chinese(qtbot) -> None:  # noqa: ANN001
    from PySide6.QtCore import Qt, QTranslator
    from PySide6.QtWidgets import QApplication

    from app.core.stats import FacetMove, FacetMoves, compute
    from app.gui.app import install_translation
    from tests.core.test_stats import watches

    page = _page(qtbot)
    page.show_stats(compute(watches()))
    assert page.interests.text() == ""  # found after the charts, on the model lane
    moves = FacetMoves(2021, "film", grew=[FacetMove("sci-fi, action (<b>space</b>)", 0.3, 0.125),
                                           FacetMove("comedy", 0.2, 0.0, "喜剧类电影")],
                       faded=[FacetMove("drama", 0.1, 0.5)])
    page.show_facets({2021: {"film": moves}})
    assert page.interests.text() == ("Interests that grew since 2020: sci-fi, action (<b>space</b>) 12% → 30%; "
                                     "comedy 0% → 20%\nInterests that faded since 2020: drama 50% → 10%")
    assert page.interests.textFormat() == Qt.TextFormat.PlainText
    app = QApplication.instance()
    before = set(app.findChildren(QTranslator))
    assert install_translation(app, "zh_CN") == "zh_CN"
    try:
        page.show_facets({2021: {"film": moves}})  # the facets' names as the Chinese Interests page shows them
        assert page.interests.text() == ("比2020年增长的兴趣：sci-fi, action (<b>space</b>) 12% → 30%；"
                                         "喜剧类电影 0% → 20%\n比2020年减少的兴趣：drama 50% → 10%")
    finally:
        for translator in set(app.findChildren(QTranslator)) - before:
            app.removeTranslator(translator)
        app.setProperty("hearth_language", "en")
    page.show_stats(compute(watches()))
    assert page.interests.text() == ""  # another history: its facets are found again


def test_a_chinese_chart_title_names_its_unit_once(qtbot) -> None:  # noqa: ANN001
    from app.core.stats import compute
    from tests.core.test_stats import watches
    from tests.gui.conftest import in_chinese

    with in_chinese():
        page = _page(qtbot)
        page.show_stats(compute(watches()))
        titles = {name: plot.getPlotItem().titleLabel.text for name, plot in page.plots.items()}
    assert "逐月" in titles["months"] and "（" not in titles["months"]  # "2021年的电影：逐月", not "...逐月（电影）"
