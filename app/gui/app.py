"""Starting the desktop application: QApplication, language, the main window."""

from __future__ import annotations

import ctypes
import os
import sys
import time
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QLibraryInfo, QLocale, QSettings, Qt, QTimer, QTranslator
from PySide6.QtWidgets import QApplication, QMessageBox

from app.services import Services
from app.services.catalogs import resources_dir

__all__ = ["install_translation", "make_app", "missing_xcb_libraries", "run_gui", "show_fatal"]

# The libraries Qt's X11 (xcb) platform plugin loads that a bare Debian/Ubuntu desktop may lack,
# with the package that has each. Without them Qt only says "could not load the Qt platform plugin".
XCB_LIBRARIES = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
}


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
    # What the window writes explanations in: Chinese ones come from the Chinese templates.
    app.setProperty("hearth_language", loaded or "en")
    return loaded


def missing_xcb_libraries(load: Any = ctypes.CDLL, environ: Any = os.environ,
                          platform: str = sys.platform) -> list[str]:
    """The packages to install for Qt's X11 window, when that is the platform Qt will use here."""
    chosen = environ.get("QT_QPA_PLATFORM", "")
    if not platform.startswith("linux") or (chosen and not chosen.startswith("xcb")):
        return []
    if not chosen and environ.get("WAYLAND_DISPLAY"):
        return []  # Qt opens a Wayland window
    missing = []
    for library, package in XCB_LIBRARIES.items():
        try:
            load(library)
        except OSError:
            missing.append(package)
    return missing


def show_fatal(text: str) -> None:
    """An error that stops the app before its window exists (a damaged database), in a message box,
    for a person who started Hearth from a desktop and sees no terminal. Not where nobody can see it."""
    if missing_xcb_libraries() or os.environ.get("QT_QPA_PLATFORM", "").startswith(("offscreen", "minimal")):
        return
    app = make_app()
    install_translation(app)
    box = QMessageBox(QMessageBox.Icon.Critical, "Hearth", text)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.exec()


def run_gui(services: Services, argv: Sequence[str] = (), *, self_check: bool = False) -> int:
    started = time.perf_counter()
    missing = missing_xcb_libraries()
    if missing:
        print("hearth: the window cannot open: this system lacks the X11 libraries Qt needs ("
              + ", ".join(missing) + ").\nInstall them, e.g. sudo apt install " + " ".join(missing)
              + "\n(the command line works without them: hearth --help).", file=sys.stderr)
        return 1
    app = make_app(argv)
    install_translation(app)
    from app.gui.window import MainWindow  # after the translators, so the window is translated

    window = MainWindow(services)
    window.show()
    shown = time.perf_counter() - started
    if self_check:
        _self_check(app, window, services, started, shown)
    else:  # the language model loads in the background once the first list (or the Welcome page) is up
        preload = lambda: window.run(services.explainer.warm_up, lane="model")  # noqa: E731
        window.ready.connect(preload, Qt.ConnectionType.SingleShotConnection)
    code = app.exec()
    window.lanes.wait(10000)
    return int(code)


def _self_check(app: QApplication, window: Any, services: Services, started: float, shown: float) -> None:
    """Packaging smoke test: print when the window is shown, then load both models after the
    first recommendations (or the welcome page) are up, then open every page and let its work
    finish; exit 0 when all that has happened without an error, 1 on an error or after three
    minutes."""
    print(f"window shown in {shown:.2f} s", flush=True)
    # After start-up's first step (queued when the window was made): the page a person sees first.
    QTimer.singleShot(0, lambda: print(f"first page: {window.tabs.currentWidget().objectName()} in "
                                       f"{time.perf_counter() - started:.2f} s", flush=True))

    def load_models(**_: Any) -> str:
        device = services.embeddings.embedder.device
        services.explainer.llm.llm  # noqa: B018 - blocks this worker until llama.cpp has loaded it
        return f"models loaded in {time.perf_counter() - started:.2f} s (embeddings on {device})"

    def failed(text: str) -> None:
        print(f"self-check failed: {text}", flush=True)
        app.exit(1)

    def visit(index: int) -> None:
        errors = [box.text() for box in window.findChildren(QMessageBox, "errorBox")]
        if errors:
            failed(errors[0])
        elif window.lanes.busy:  # the page's own work (interests, privacy...) is still running
            QTimer.singleShot(100, lambda: visit(index))
        elif index == window.tabs.count():
            print(f"pages shown: {window.tabs.count()}", flush=True)
            app.exit(0)
        else:
            window.tabs.setCurrentIndex(index)
            QTimer.singleShot(100, lambda: visit(index + 1))

    def loaded(text: str) -> None:
        print(text, flush=True)
        visit(0)

    def ready() -> None:
        print("ready", flush=True)
        op = window.run(load_models, loaded, lane="model")
        op.signals.failed.connect(lambda exc: failed(str(exc)))

    window.ready.connect(ready)
    QTimer.singleShot(180_000, lambda: failed("not done after three minutes"))

