"""The list's numbers a person can read: a match against their own best, the exact terms in the tooltip."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from app.services import Services
from tests.gui.conftest import EXPORTS, wait_idle


def test_the_match_column_tells_the_top_apart_and_a_saved_title_is_marked(qtbot, window, services: Services) -> None:  # noqa: ANN001
    window.importing.import_files([EXPORTS / "goodreads_library_export.csv"])
    qtbot.waitUntil(lambda: len(window.recommend.model.rows) >= 10, timeout=120000)
    wait_idle(qtbot, window)
    model = window.recommend.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert "P(i|u)" not in headers and "Score" not in headers and "Match" in headers
    column = headers.index("Match")
    shown = [model.data(model.index(r, column)) for r in range(10)]
    assert shown[0] == "100%"
    values = [int(text.rstrip("%")) for text in shown]
    assert values == sorted(values, reverse=True) and len(set(values)) >= 5, shown  # not "0.01%" ten times
    tip = model.data(model.index(3, column), Qt.ItemDataRole.ToolTipRole)
    rec = model.rows[3]
    assert "P(i|u)" in tip and f"{rec.score:.5f}" in tip and "popularity" in tip

    # Save for later said the title moved up; with its bonus at 0 nothing in the list changed. It is marked.
    page = window.recommend
    page.table.selectRow(2)
    rec = page.current()
    column = page.model.columns.index(next(c for c in page.model.columns if c[0] == "Yours"))
    assert page.model.data(page.model.index(2, column)) == ""
    page.buttons["saved"].click()
    qtbot.waitUntil(lambda: page.current() is not None and page.current().item.id == rec.item.id
                    and page.model.data(page.model.index(page.table.currentIndex().row(), column)) == "Saved",
                    timeout=60000)
    assert "Saved for later" in window.message.text()


@pytest.mark.heavy  # 3-9 s: keeps the README's test command under 5 minutes on a fresh clone
def test_a_new_list_starts_at_its_top_and_the_same_list_keeps_the_place(qtbot, window) -> None:  # noqa: ANN001
    """After another kind or request the list is another one: its row 5 has nothing to do with the last one's,
    so the top is selected (and explained). A list that lost one item keeps the place."""
    window.importing.import_files([EXPORTS / "goodreads_library_export.csv"])
    qtbot.waitUntil(lambda: len(window.recommend.model.rows) >= 30, timeout=120000)
    wait_idle(qtbot, window)
    page = window.recommend
    recs = list(page.model.rows)
    page.show_recommendations(recs[:12])
    page.table.selectRow(5)
    page.show_recommendations(recs[:5] + recs[6:12])  # the sixth went (Not interested): its place is kept
    assert page.table.currentIndex().row() == 5 and page.current().item.id == recs[6].item.id
    page.show_recommendations(recs[20:30])  # other items (another kind, another request): a new list
    assert page.table.currentIndex().row() == 0
