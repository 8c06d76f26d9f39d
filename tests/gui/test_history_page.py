"""Issue 22 item 7, the History and Catalogs pages as testers used them: the sample profile kept apart,
adding from the catalogs with a rating, undo's message, sorting, the Source column, translation, shortcuts."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtWidgets import QApplication

from app.core.types import HistoryEntry, Item
from app.gui.pages.catalogs import CatalogPage
from app.gui.pages.history import HistoryPage
from app.services import Services
from app.services.catalogs import resources_dir
from tests.gui.conftest import EXPORTS, wait_idle

TITLE, BY, KIND, DATE, SOURCE = 0, 1, 3, 5, 7  # the History page's columns


def _entry(n: int, title: str, date: str | None, source: str = "manual", kind: str = "film") -> HistoryEntry:
    return HistoryEntry(item=Item(id=n, title=title, kind=kind, year=2000 + n), consumed_at=date, source=source,
                        added_at="2026-01-01 10:00:00", seq=n)


def _column(page: HistoryPage, column: int, role: int = Qt.ItemDataRole.DisplayRole) -> list:
    return [page.proxy.index(row, column).data(role) for row in range(page.proxy.rowCount())]


@pytest.mark.heavy  # 3-9 s: keeps the README's test command under 5 minutes on a fresh clone
def test_the_sample_is_marked_undated_and_removed_in_one_click(qtbot, window, services: Services) -> None:  # noqa: ANN001
    window.welcome_actions.load_sample()
    page = window.history
    qtbot.waitUntil(lambda: page.model.rowCount() >= 6, timeout=60000)
    wait_idle(qtbot, window)
    assert page.sample_banner.isVisibleTo(page) and "sample profile" in page.sample_text.text()
    assert set(_column(page, SOURCE)) == {"Sample"} and set(_column(page, DATE)) == {""}  # not "today"

    # The person's own file comes in: the banner says the sample is still mixed in.
    window.importing.import_files([EXPORTS / "imdb_ratings.csv"])
    qtbot.waitUntil(lambda: window.importing.last_report is not None, timeout=60000)
    wait_idle(qtbot, window)
    assert "Your own entries are here now" in page.sample_text.text()

    qtbot.mouseClick(page.remove_sample, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.sample_banner.isVisibleTo(page), timeout=30000)
    wait_idle(qtbot, window)
    left = services.history.entries()
    assert left and all(e.source.startswith("imdb:") for e in left)  # exactly the sample went
    assert "Sample" not in _column(page, SOURCE)
    assert window.message.text().startswith("Removed the sample profile")


def test_adding_from_the_catalogs_asks_for_a_rating_and_stays_there(qtbot, window, services: Services) -> None:  # noqa: ANN001,E501
    window.welcome.pick_requested.emit()  # from the Welcome page, with an empty history
    catalogs = window.catalogs
    assert window.tabs.currentWidget() is catalogs
    catalogs.search.setText("Hunger Games")
    qtbot.waitUntil(lambda: sum("Hunger Games" in i.title for i in catalogs.model.rows) >= 2, timeout=30000)
    wait_idle(qtbot, window)
    first, second = [i for i in catalogs.model.rows if "Hunger Games" in i.title][:2]
    rows = [i.id for i in catalogs.model.rows]

    catalogs.table.selectRow(rows.index(first.id))
    catalogs._add()
    dialog = catalogs.rating_dialog
    assert dialog is not None and dialog.isVisible() and services.store.history.count() == 0
    dialog.rating.setValue(3.5)
    qtbot.mouseClick(dialog.rated, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: services.store.history.count() == 1, timeout=30000)
    wait_idle(qtbot, window)
    assert services.store.history.entries()[0].rating == 3.5
    # The Welcome page left, and the person is still where they were, the list as it was.
    assert window.tabs.indexOf(window.welcome) < 0 and window.tabs.currentWidget() is catalogs
    assert [i.id for i in catalogs.model.rows] == rows
    assert catalogs.table.currentIndex().row() == rows.index(first.id)

    catalogs.table.selectRow(rows.index(second.id))
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    catalogs.table.setFocus()
    qtbot.keyClick(catalogs.table, Qt.Key.Key_Return)  # Enter adds, as the button's tooltip says
    qtbot.waitUntil(lambda: catalogs.rating_dialog is not None and catalogs.rating_dialog.isVisible(), timeout=5000)
    qtbot.mouseClick(catalogs.rating_dialog.unrated, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: services.store.history.count() == 2, timeout=30000)
    wait_idle(qtbot, window)
    assert next(e for e in services.history.entries() if e.item.id == second.id).rating is None
    assert window.tabs.currentWidget() is catalogs

    catalogs._add()
    catalogs.rating_dialog.reject()  # Cancel adds nothing
    wait_idle(qtbot, window)
    assert services.store.history.count() == 2


def test_undo_replaces_the_removed_message(qtbot, window, services: Services) -> None:  # noqa: ANN001
    services.history.add("Blade Runner (1982)", rating=3, kind="film")
    window.history_actions.refresh()
    qtbot.waitUntil(lambda: window.history.model.rowCount() == 1, timeout=60000)
    wait_idle(qtbot, window)
    window.history.table.selectRow(0)
    window.history._delete()
    qtbot.waitUntil(lambda: "Undo with Ctrl+Z" in window.message.text(), timeout=30000)
    wait_idle(qtbot, window)
    window.history_actions.undo_delete()
    qtbot.waitUntil(lambda: services.store.history.count() == 1, timeout=30000)
    wait_idle(qtbot, window)
    assert window.message.text() == "Restored Blade Runner (1982)."


def test_history_is_newest_first_and_titles_sort_regardless_of_case(qtbot) -> None:  # noqa: ANN001
    page = HistoryPage()
    qtbot.addWidget(page)
    page.show_entries([_entry(1, "zodiac", "2019-05-01"), _entry(2, "Alpha", "2021-02-03"),
                       _entry(3, "beta", "2023-07-08"), _entry(4, "Zelig", "2020-01-01"),
                       _entry(5, "Éclair", "2018-01-01")])
    assert _column(page, TITLE) == ["beta", "Alpha", "Zelig", "zodiac", "Éclair"]
    page.table.sortByColumn(TITLE, Qt.SortOrder.AscendingOrder)
    assert _column(page, TITLE) == ["Alpha", "beta", "Éclair", "Zelig", "zodiac"]


def test_a_search_says_how_many_of_the_entries_it_shows(qtbot) -> None:  # noqa: ANN001
    page = HistoryPage()
    qtbot.addWidget(page)
    page.show_entries([_entry(1, "zodiac", "2019-05-01"), _entry(2, "Alpha", "2021-02-03"),
                       _entry(3, "Zelig", "2020-01-01")])
    assert page.count.text() == "3 entries"
    page.search.setText("z")
    assert page.count.text() == "2 of 3 entries"
    page.search.setText("nothing like it")
    assert page.count.text() == "0 of 3 entries"  # it said "3 entries" over an empty table
    page.search.clear()
    assert page.count.text() == "3 entries"


def test_a_search_finds_a_title_by_its_other_title(qtbot) -> None:  # noqa: ANN001
    """malinkang's Douban history: "Rick" found nothing, the row being "瑞克和莫蒂 第一季" (its other title "Rick and
    Morty Season 1")."""
    page = HistoryPage()
    qtbot.addWidget(page)
    season = Item(id=1, title="瑞克和莫蒂 第一季", kind="other", alt_titles=("Rick and Morty Season 1",))
    rick = HistoryEntry(item=season, consumed_at="2022-05-27", source="douban", added_at="2026-01-01 10:00:00", seq=1)
    page.show_entries([rick, _entry(2, "Alpha", "2021-02-03")])
    page.search.setText("rick and")
    assert _column(page, TITLE) == ["瑞克和莫蒂 第一季"] and page.count.text() == "1 of 2 entries"
    page.search.setText("morty season 2")
    assert page.count.text() == "0 of 2 entries"


def test_a_matched_entry_shows_and_finds_its_files_title_beside_the_catalogs(qtbot) -> None:  # noqa: ANN001
    """A Douban row "功夫" matched Kung Fu Hustle, and mmai's "Sur la route" On the Road: the History showed only the
    catalog's English title, and a search for the person's own title found nothing."""
    page = HistoryPage()
    qtbot.addWidget(page)
    hustle = HistoryEntry(item=Item(id=1, title="Kung Fu Hustle", kind="film", year=2004), file_title="功夫",
                          consumed_at="2024-02-01", source="douban", added_at="2026-01-01 10:00:00", seq=1)
    page.show_entries([hustle, _entry(2, "Alpha", "2021-02-03")])
    assert "功夫 → Kung Fu Hustle" in _column(page, TITLE)
    for text in ("功夫", "hustle"):
        page.search.setText(text)
        assert _column(page, TITLE) == ["功夫 → Kung Fu Hustle"]


def test_the_history_shows_who_made_each_title_and_its_search_finds_them(qtbot) -> None:  # noqa: ANN001
    """"Murakami" found none of a reader's 1,374 books: the page had no author."""
    page = HistoryPage()
    qtbot.addWidget(page)
    kafka = HistoryEntry(item=Item(id=1, title="Kafka on the Shore", kind="book",
                                   creators=("Haruki Murakami", "Lourdes Porta Fuentes")),  # and its translator
                         consumed_at=None, source="goodreads", added_at="2026-01-01 10:00:00", seq=1)
    page.show_entries([kafka, _entry(2, "Heat", None)])
    assert _column(page, BY) == ["Haruki Murakami", ""] or _column(page, BY) == ["", "Haruki Murakami"]
    page.search.setText("murakami")
    assert _column(page, TITLE) == ["Kafka on the Shore"] and page.count.text() == "1 of 2 entries"


def test_the_source_column_says_the_format_and_leaves_the_width_to_the_title(qtbot) -> None:  # noqa: ANN001
    page = HistoryPage()
    qtbot.addWidget(page)
    long_name = "goodreads_library_export_2024-11-30_with_every_shelf.csv"
    page.show_entries([_entry(1, "Dune", "2024-01-01", f"goodreads:{long_name}", "book"),
                       _entry(2, "Heat", "2023-01-01", "letterboxd:letterboxd-me-2024.zip"),
                       _entry(3, "Alien", "2022-01-01", "generic:my films.csv"),
                       _entry(4, "Amelie", "2021-01-01"), _entry(5, "Inception", None, "sample")])
    assert _column(page, SOURCE) == ["Goodreads", "Letterboxd", "CSV", "Added by hand", "Sample"]
    tips = _column(page, SOURCE, Qt.ItemDataRole.ToolTipRole)
    assert long_name in tips[0] and "letterboxd-me-2024.zip" in tips[1] and "sample" in tips[4]
    page.resize(1024, 600)
    page.show()
    qtbot.waitExposed(page)
    header = page.table.horizontalHeader()
    assert header.sectionSize(SOURCE) < 130 and header.sectionSize(TITLE) > 0.35 * page.table.viewport().width()
    assert header.sectionSize(TITLE) > 2 * header.sectionSize(BY)  # the credits do not take the title's width


def test_the_kind_and_source_columns_are_translated(qtbot) -> None:  # noqa: ANN001
    app = QApplication.instance()
    translator = QTranslator()  # the shipped translation
    assert translator.load("hearth_zh_CN", str(resources_dir() / "translations"))
    app.installTranslator(translator)
    try:
        page = HistoryPage()
        qtbot.addWidget(page)
        # A TV season of a Douban export ("瑞克和莫蒂 第一季") is kind "other": it showed as "other".
        page.show_entries([_entry(1, "Dune", "2024-01-01", "manual", "book"), _entry(2, "Heat", None, "sample"),
                           _entry(3, "瑞克和莫蒂 第一季", "2022-05-27", "manual", "other")])
        assert sorted(_column(page, KIND)) == sorted(["图书", "电影", "剧集等"])
        assert sorted(_column(page, SOURCE)) == sorted(["手动添加", "示例", "手动添加"])
        catalogs = CatalogPage()
        qtbot.addWidget(catalogs)
        catalogs.show_items([Item(id=1, title="Heat", kind="film")])
        assert catalogs.model.index(0, 2).data() == "电影"
    finally:
        app.removeTranslator(translator)
    assert QCoreApplication.translate("Kinds", "film") == "film"


def test_the_buttons_tell_their_keys(qtbot) -> None:  # noqa: ANN001
    history, catalogs = HistoryPage(), CatalogPage()
    qtbot.addWidget(history)
    qtbot.addWidget(catalogs)
    assert "(Del)" in history.delete.toolTip() and "(Ctrl+Z)" in history.undo.toolTip()
    assert "Enter" in catalogs.add_button.toolTip()


def test_an_entry_without_a_date_shows_none_and_sorts_last(qtbot) -> None:  # noqa: ANN001
    """A did-not-finish shelf without dates showed the import's day, and sorted first as the newest."""
    page = HistoryPage()
    qtbot.addWidget(page)
    page.show_entries([_entry(1, "Dated", "2019-05-01", source="goodreads:x.csv"),
                       _entry(2, "Undated", None, source="goodreads:x.csv"), _entry(3, "By hand", None)])
    assert _column(page, TITLE)[0] == "Dated" and _column(page, DATE) == ["2019-05-01", "", ""]
