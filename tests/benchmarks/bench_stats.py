"""Your year: the statistics of a 5,000-entry history (hearth stats --json) and the page drawing them.

    python -m tests.benchmarks stats [--entries 5000]

The history is catalog items (films and books) with a viewing each on a date spread over ten years,
and a rewatch for every tenth, added straight to the database (not timed). Timed: the service's
figures (what `stats --json` computes), `stats --json` as a process (Python's start included), and the
page showing them offscreen (figures, charts and numbers).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np


def _timed(fn, repeat: int = 5) -> list[float]:  # noqa: ANN001
    out = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        out.append(time.perf_counter() - start)
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--entries", type=int, default=5000)
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from app.core.stats import Viewing
    from app.services import Services
    from app.storage import Store

    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(Path(tmp))
        services = Services(store)
        services.catalogs.ensure_bundled()
        rng = np.random.default_rng(0)
        ids = [r[0] for r in store.db.read("SELECT id FROM items ORDER BY popularity DESC LIMIT 12000")]
        chosen = rng.choice(ids, size=min(args.entries, len(ids)), replace=False)
        with store.transaction():
            for k, item_id in enumerate(chosen):
                day = f"{2015 + k % 10}-{1 + k % 12:02d}-{1 + k % 28:02d}"
                store.history.upsert(int(item_id), rating=float(1 + k % 5), scale=(1.0, 5.0), consumed_at=day,
                                     source="bench")
                views = [Viewing(date=day, rating=float(1 + k % 5))]
                if k % 10 == 0:
                    views.append(Viewing(date=f"{2016 + k % 9}-06-15", rewatch=True))
                store.history.set_viewings(int(item_id), "bench", views)
        stats = services.stats.stats()
        print(f"history: {store.history.count():,} entries, {sum(stats.total.values()):,} viewings,"
              f" {len(stats.by_year)} years")
        times = _timed(services.stats.stats)
        print(f"figures (service, every year): median {statistics.median(times) * 1000:.0f} ms,"
              f" max {max(times) * 1000:.0f} ms")
        env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])}
        times = _timed(lambda: subprocess.run([sys.executable, "-m", "app", "--data-dir", tmp, "stats", "--json"],
                                              check=True, capture_output=True, env=env), repeat=3)
        print(f"hearth stats --json (a process): median {statistics.median(times):.2f} s, max {max(times):.2f} s")
        from PySide6.QtWidgets import QApplication

        from app.gui.pages.stats import StatsPage

        app = QApplication.instance() or QApplication([])
        page = StatsPage()
        page.resize(1024, 700)
        page.show()

        def show() -> None:
            page.show_stats(services.stats.stats())
            app.processEvents()

        times = _timed(show)
        print(f"page (figures, five charts, numbers): median {statistics.median(times) * 1000:.0f} ms,"
              f" max {max(times) * 1000:.0f} ms")
        page.close()
        store.close()
