"""Starting the desktop application: QApplication, language, the main window."""

from __future__ import annotations

import sys
import time
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QSettings, QTimer, QTranslator
from PySide6.QtWidgets import QApplication

from app.services import Services
from app.services.catalogs import resources_dir

__all__ = ["install_translation", "make_app", "run_gui"]


def make_app(argv: Sequence[str] = ()) -> QApplication:
    app = QApplication.instance() or QApplication([sys.argv[0], *argv])
    app.setOrganizationName("Hearth")
    app.setApplicationName("Hearth")
    app.setApplicationDisplayName("Hearth")
    return app  # type: ignore[return-value]


def install_translation(app: QApplication, language: str | None = None) -> str:
    """Load the UI translation: the setting, else the system locale. Returns the one used."""
    code = language if language is not None else str(QSettings().value("language", "") or "")
    code = code or QLocale.system().name()
    folder = resources_dir() / "translations"
    loaded = ""
    for name, path in ((f"hearth_{code}", folder), (f"qtbase_{code}",
                                                    QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))):
        translator = QTranslator(app)
        if translator.load(name, str(path)):
            app.installTranslator(translator)
            loaded = loaded or code
    return loaded


def run_gui(services: Services, argv: Sequence[str] = (), *, self_check: bool = False) -> int:
    started = time.perf_counter()
    app = make_app(argv)
    install_translation(app)
    from app.gui.window import MainWindow  # after the translators, so the window is translated

    window = MainWindow(services)
    window.show()
    shown = time.perf_counter() - started
    if self_check:
        # Packaging smoke test: exit 0 once the window is shown and the first recommendations
        # (or the welcome page) are up, 1 if that takes more than two minutes.
        print(f"window shown in {shown:.2f} s", flush=True)
        window.ready.connect(lambda: (print("ready", flush=True), app.exit(0)))
        QTimer.singleShot(120_000, lambda: app.exit(1))
    code = app.exec()
    window.lanes.wait(10000)
    return int(code)


def data_dir_of(services: Services) -> Path:
    return services.store.db.path.parent
