"""Screenshots of the real app for the README, taken from an X server (Xvfb) as a person sees it.

    Xvfb :99 -screen 0 1400x900x24 &
    DISPLAY=:99 .venv/bin/python packaging/screenshots.py [--lang zh_CN] [--dark]

Uses a throw-away data folder with the sample profile; writes packaging/screenshots/*.png.
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


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lang", default="en")
    parser.add_argument("--dark", action="store_true", help="as with the system's dark mode on")
    args = parser.parse_args()
    from app.gui.app import install_translation, make_app
    from app.services import Services
    from app.storage import Store

    out = ROOT / "packaging" / "screenshots"
    suffix = ("" if args.lang == "en" else f"-{args.lang}") + ("-dark" if args.dark else "")
    with tempfile.TemporaryDirectory() as tmp:
        app = make_app()
        install_translation(app, args.lang)
        if args.dark:
            from app.gui.theme import dark_palette

            app.setPalette(dark_palette())  # Xvfb has no desktop to report dark mode
        from app.gui.window import MainWindow

        services = Services(Store.open(Path(tmp)))
        window = MainWindow(services)
        window.resize(1360, 860)
        window.move(20, 20)
        window.show()
        pump(8)
        shot = lambda name: subprocess.run(["import", "-window", "root", "-crop", "1400x900+0+0",  # noqa: E731
                                            str(out / f"{name}{suffix}.png")], check=True)
        shot("welcome")
        window.welcome_actions.load_sample()
        pump(25)
        window.catalogs.search.setText("space opera with political intrigue")
        # (page, seconds to let it settle: models load, the LLM writes, the map is computed)
        for name, page, settle in (("recommendations", window.recommend, 8), ("history", window.history, 2),
                                   ("catalogs", window.catalogs, 3), ("interests", window.interests, 20),
                                   ("settings", window.settings_page, 2), ("privacy", window.privacy, 2)):
            window.tabs.setCurrentWidget(page)
            pump(settle)
            shot(name)
        window.tabs.setCurrentWidget(window.history)
        window.importing.import_files([ROOT / "tests" / "fixtures" / "exports" / "goodreads_shelves.csv"])
        pump(15)
        shot("import-report")
        window.close()
        QTimer.singleShot(0, app.quit)
        pump(1)
        services.store.close()
    print("wrote", sorted(p.name for p in out.glob("*.png")))


if __name__ == "__main__":
    main()
