"""The first start: a way in at once while the catalogs install, and progress for any wait, never an empty list."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication

from app.services import Services
from app.storage import Store
from tests.fakes import FakeLlm, HashEmbedder
from tests.gui.conftest import wait_idle


@pytest.fixture
def fresh(tmp_path: Path, hash_embedder: HashEmbedder) -> Iterator[Services]:
    """A data folder as a person's first start finds it: nothing installed yet."""
    store = Store.open(tmp_path / "first")
    yield Services(store, embedder_factory=lambda: hash_embedder, llm_factory=FakeLlm,
                   multilingual_factory=lambda: None)
    store.close()


@pytest.mark.heavy  # ~6-13 s: keeps the README's command near its 5 minutes (.ci/run runs it)
def test_a_fresh_data_folder_shows_the_welcome_page_while_the_catalogs_install(qtbot, fresh: Services) -> None:  # noqa: ANN001
    from app.gui.app import make_app
    from app.gui.window import MainWindow

    make_app()
    window = MainWindow(fresh)
    qtbot.addWidget(window)
    window.show()
    QCoreApplication.processEvents()  # the window's first turn of the event loop: start-up begins
    assert window.tabs.currentWidget() is window.welcome and window.welcome.isVisible()
    assert not window._catalogs_ready and window.progress.isVisible()  # installing, and saying so
    # Words typed on the Welcome page while the catalogs install: the list waits for them, with progress.
    window.welcome.mood.setText("a light comedy for the weekend")
    window.welcome.mood.returnPressed.emit()
    page = window.recommend
    assert window.tabs.currentWidget() is page and not page.model.rows
    qtbot.waitUntil(lambda: page.list_stack.currentWidget() is page.busy, timeout=5000)
    assert page.busy.isVisible() and page.busy_text.text()
    qtbot.waitUntil(lambda: len(page.model.rows) > 0, timeout=240000)
    assert page.list_stack.currentWidget() is page.table
    assert any("Comedy" in r.item.genres for r in page.model.rows[:10])
    wait_idle(qtbot, window)
    window.lanes.cancel_all()
    window.lanes.wait(30000)
