"""Screenshots of the real app for the README, taken from an X server (Xvfb) as a person sees it.

    Xvfb :99 -screen 0 1400x900x24 &
    DISPLAY=:99 .venv/bin/python packaging/screenshots.py [--lang zh_CN] [--dark] [--only year] [--size 1024x700]

Uses a throw-away data folder with the sample profile; writes packaging/screenshots/*.png. The Your year
page needs a history of many dated years: a real Letterboxd ZIP and Goodreads export from
../shared/data/real-exports where this checkout has them (read there, never copied into the project),
else the tests' small exports. --only takes shot names (welcome, recommendations, ..., year);
--size another window size (the files are then named with it, e.g. year-1024x700.png).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer  # noqa: E402


def pump(seconds: float) -> None:
    end = time.time() + seconds
    while time.time() < end:
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        time.sleep(0.02)


REAL = ROOT.parent / "shared" / "data" / "real-exports"
FIXTURES = ROOT / "tests" / "fixtures" / "exports"


def year_exports() -> list[Path]:
    """Exports that date their entries over many years (films and books)."""
    real = [REAL / "letterboxd" / "ben7cullimore__letterboxd__letterboxd-misscrabs-2021-04-19-03-53-utc.zip",
            REAL / "goodreads" / "genekaufman__gr-exp-analysis__goodreads_library_export.csv"]
    if all(p.is_file() for p in real):
        return real
    return [FIXTURES / "goodreads_library_export.csv", FIXTURES / "letterboxd_diary_semicolons.csv"]


def wait_for(done: object, seconds: float) -> None:
    end = time.time() + seconds
    while time.time() < end and not done():  # type: ignore[operator]
        pump(0.2)


def close_dialogs() -> None:
    from PySide6.QtWidgets import QApplication, QDialog

    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QDialog) and widget.isVisible():
            widget.close()


def show_year(window: object) -> None:
    """The Your year page at its most telling year: the one with the most films and books both, in the kind
    it has more of; once its paragraph is written."""
    page = window.year_page  # type: ignore[attr-defined]
    window.tabs.setCurrentWidget(page)  # type: ignore[attr-defined]
    wait_for(lambda: page.stats is not None and page.year.count() > 0, 60)
    rows = page.stats.by_year
    best = max(rows, key=lambda r: (min(r["films"], r["books"]), r["films"] + r["books"], r["year"]))
    page.year.setCurrentIndex(page.year.findData(best["year"]))
    page.kind.setCurrentIndex(page.kind.findData("book" if best["books"] > best["films"] else "film"))
    wait_for(lambda: page.written == best["year"], 180)
    pump(2)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lang", default="en")
    parser.add_argument("--dark", action="store_true", help="as with the system's dark mode on")
    parser.add_argument("--only", default="", help="these shots only, comma-separated (e.g. year)")
    parser.add_argument("--size", default="", help="the window's size, WxH (default 1360x860 in a 1400x900 shot)")
    args = parser.parse_args()
    only = {n.strip() for n in args.only.split(",") if n.strip()}
    wanted = lambda name: not only or name in only  # noqa: E731
    from app.gui.app import install_translation, make_app
    from app.services import Services
    from app.storage import Store

    out = ROOT / "packaging" / "screenshots"
    suffix = (f"-{args.size}" if args.size else "") + ("" if args.lang == "en" else f"-{args.lang}") + \
        ("-dark" if args.dark else "")
    with tempfile.TemporaryDirectory() as tmp:
        app = make_app()
        install_translation(app, args.lang)
        if args.dark:
            from app.gui.theme import dark_palette

            app.setPalette(dark_palette())  # Xvfb has no desktop to report dark mode
        from app.gui.window import MainWindow

        services = Services(Store.open(Path(tmp)))
        window = MainWindow(services)
        width, height = (int(v) for v in args.size.split("x")) if args.size else (1360, 860)
        window.resize(width, height)
        window.move(20, 20)
        window.show()
        pump(8)

        def shot(name: str) -> None:
            if wanted(name):  # the window and what it shows, 20 px around it (no window manager draws a frame)
                subprocess.run(["import", "-window", "root", "-crop", f"{width + 40}x{height + 40}+0+0", "+repage",
                                str(out / f"{name}{suffix}.png")], check=True)

        shot("welcome")
        pages = ("recommendations", "history", "catalogs", "interests", "settings", "privacy", "import-report")
        if any(wanted(name) for name in pages):
            window.welcome_actions.load_sample()
            pump(25)
            window.catalogs.search.setText("space opera with political intrigue")
            # (page, seconds to let it settle: models load, the LLM writes, the map is computed)
            for name, page, settle in (("recommendations", window.recommend, 8), ("history", window.history, 2),
                                       ("catalogs", window.catalogs, 3), ("interests", window.interests, 20),
                                       ("settings", window.settings_page, 2), ("privacy", window.privacy, 2)):
                if wanted(name):
                    window.tabs.setCurrentWidget(page)
                    pump(settle)
                    shot(name)
            if wanted("import-report"):
                window.tabs.setCurrentWidget(window.history)
                window.importing.import_files([FIXTURES / "goodreads_shelves.csv"])
                pump(15)
                shot("import-report")
                close_dialogs()
        if wanted("year"):
            window.tabs.setCurrentWidget(window.history)
            window.importing.last_reports = []
            window.importing.import_files(year_exports())
            wait_for(lambda: window.importing.last_reports and not window.lanes.busy, 300)
            pump(2)
            close_dialogs()
            show_year(window)
            shot("year")
        window.close()
        QTimer.singleShot(0, app.quit)
        pump(1)
        services.store.close()
    print("wrote", sorted(p.name for p in out.glob("*.png")))


if __name__ == "__main__":
    main()
