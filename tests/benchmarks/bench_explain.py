"""Explanations of the top 3 for hand-made histories (films, books, mixed), to be read as a person would:
which path wrote each one (the language model or the template), how long it took, and the text.

    python -m tests.benchmarks explain [--set dev|check|all] [--no-llm]

"dev" are the histories the claim checker and the prompt were developed on; "check" were written
afterwards and read once, to see how the explanations do on histories nobody tuned for. Prints the
share written by the model, the latency p50/p95 and every text; nothing is cached between runs.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import tempfile
import time
from pathlib import Path

HISTORIES = Path(__file__).with_name("histories.json")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--set", choices=["dev", "check", "all"], default="all")
    parser.add_argument("--no-llm", action="store_true")
    args = parser.parse_args(argv)
    from app.core.errors import AppError
    from app.services import Services
    from app.storage import DB_FILENAME, Store

    sets = json.loads(HISTORIES.read_text(encoding="utf-8"))
    chosen = {name: h for s, hs in sets.items() if args.set in (s, "all") for name, h in hs.items()}
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        template = Path(tmp) / "template"
        template.mkdir()
        store = Store.open(template)
        Services(store).catalogs.ensure_bundled()
        store.close()
        llm = None
        for n, (name, history) in enumerate(chosen.items()):
            data = Path(tmp) / f"h{n}"
            data.mkdir()
            shutil.copy(template / DB_FILENAME, data / DB_FILENAME)
            store = Store.open(data)
            services = Services(store)
            if llm is not None:
                services.explainer._llm = llm  # loaded once: the app keeps its model loaded too
            for title, kind, rating in history:
                try:
                    services.history.add(title, rating=rating, kind=kind)
                except AppError as exc:  # the catalogs do not hold every title a person names
                    print(f"  [{name}] left out {title!r}: {str(exc).splitlines()[0]}")
            for rec in services.recommender.recommend(k=3):
                start = time.perf_counter()
                done = services.explainer.explain_now(str(rec.item.id), use_llm=not args.no_llm)
                seconds = time.perf_counter() - start
                rows.append((name, rec.item.title, done.path, seconds, done.text))
                print(f"{done.path:<8} {seconds:4.1f} s  [{name}] {rec.item.title}\n    {done.text}", flush=True)
            llm = services.explainer._llm or llm
            store.close()
    if not rows:
        return
    seconds = sorted(r[3] for r in rows)
    share = sum(r[2] == "llm" for r in rows) / len(rows)
    print(f"\n{len(rows)} explanations of {len(chosen)} histories: written by the model {share:.0%}, "
          f"latency p50 {statistics.median(seconds):.2f} s, p95 {seconds[int(0.95 * (len(seconds) - 1))]:.2f} s")
