"""`hearth recommend` in a cold process, bundled catalog, 50-item history.

    python -m tests.benchmarks cli [--runs 5]

The catalog is installed and the history added first (not timed); then each run is
a fresh `python -m app recommend` process, timed from spawn to exit.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    from app.services import Services
    from app.storage import Store

    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(Path(tmp))
        services = Services(store)
        services.catalogs.ensure_bundled()
        popular = store.db.read(
            "SELECT id FROM items ORDER BY popularity DESC, id LIMIT 50"
        )
        for k, (item_id,) in enumerate(popular):
            services.history.add(str(item_id), rating=[5, 4.5, 4, 3, 2][k % 5])
        store.close()
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        times = []
        for _ in range(args.runs):
            start = time.perf_counter()
            result = subprocess.run([sys.executable, "-m", "app", "--data-dir", tmp, "recommend", "--json"],
                                    capture_output=True, text=True, env=env, cwd=ROOT)
            times.append(time.perf_counter() - start)
            assert result.returncode == 0, result.stderr
            assert len(json.loads(result.stdout)) == 10
    print(f"hearth recommend, cold process, 50-item history, {args.runs} runs")
    print(f"wall p50 {statistics.median(times):.2f} s   min {min(times):.2f} s   max {max(times):.2f} s")


if __name__ == "__main__":
    main()
