"""GUI fixtures: the real window over the real services, QSettings kept in a temporary folder."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

pytest.importorskip("PySide6")

from PySide6.QtCore import QSettings  # noqa: E402

from app.gui.app import make_app  # noqa: E402
from app.services import Services  # noqa: E402


@pytest.fixture(scope="session", autouse=True)
def isolated_qsettings(tmp_path_factory: pytest.TempPathFactory) -> None:
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                      str(tmp_path_factory.mktemp("qsettings")))


@pytest.fixture(scope="session")
def qapp_cls():  # noqa: ANN201 - pytest-qt hook: our own QApplication setup
    from PySide6.QtWidgets import QApplication

    return QApplication


@pytest.fixture
def window(qtbot, services: Services) -> Iterator:  # noqa: ANN001
    make_app()
    from app.gui.window import MainWindow

    win = MainWindow(services)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: win._long_op is None and win.history.count.text() != "", timeout=60000)
    yield win
    win.lanes.cancel_all()
    win.lanes.wait(30000)


def wait_idle(qtbot, win, timeout: int = 120000) -> None:  # noqa: ANN001
    """Until no Op is running on any lane."""
    qtbot.waitUntil(lambda: not win.lanes._running, timeout=timeout)


EXPORTS = Path(__file__).resolve().parents[1] / "fixtures" / "exports"


@contextmanager
def in_chinese() -> Iterator[None]:
    """The interface in zh_CN for the block, then English again (the translators taken out)."""
    from PySide6.QtCore import QTranslator
    from PySide6.QtWidgets import QApplication

    from app.gui.app import install_translation

    app = QApplication.instance()
    before = set(app.findChildren(QTranslator))
    assert install_translation(app, "zh_CN") == "zh_CN"
    try:
        yield
    finally:
        for translator in set(app.findChildren(QTranslator)) - before:
            app.removeTranslator(translator)
        app.setProperty("hearth_language", "en")
