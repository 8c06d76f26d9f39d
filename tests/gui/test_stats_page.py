"""The Your year page: figures after an import, the year picker, the paragraph, plain text, Chinese."""

from __future__ import annotations

from pathlib import Path

from app.services import Services
from tests.services.test_stats import _exports


def test_your_year_follows_the_history(qtbot, window, services: Services, tmp_path: Path) -> None:  # noqa: ANN001
    page = window.year_page
    window.tabs.setCurrentWidget(page)
    window.importing.import_files(_exports(tmp_path))
    qtbot.waitUntil(lambda: page.year.count() == 3, timeout=60000)
    assert page.current_year() == 2021
    assert "2 films watched, 1 books read" in page.summary.text()
    qtbot.waitUntil(lambda: page.paragraph.toPlainText().startswith("In 2021"), timeout=60000)
    assert set(page.plots) == {"months", "ratings", "genres", "creators", "decades"}
    assert "rewatches" in page.numbers["months"].text()
    page.year.setCurrentIndex(page.year.findData(2019))
    qtbot.waitUntil(lambda: page.paragraph.toPlainText().startswith("In 2019"), timeout=60000)
    window.resize(1024, 700)
    for plot in page.plots.values():
        assert plot.width() > 200 and plot.height() >= 200
