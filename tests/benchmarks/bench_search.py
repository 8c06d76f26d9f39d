"""Search: does fusing words and meaning beat either alone, and how fast is a query?

    python -m tests.benchmarks search [--tags 40] [--seed 0]

Queries that do not leak into the items' text: a tag (MovieLens tags, goodbooks shelves) used by at
least 10 items of a catalog, not a genre's name, is the query, as a phrase, among that catalog's kind;
the items that carry it are the relevant ones, and for that query the tag is held out of everything
searched: removed from those items' tags in the word index and from the text that is embedded (they
are embedded again without it). Their other tags stay, as they would for a tag nobody wrote. NDCG@10
for words only (FTS5 and spelling), meaning only (the embedding) and their reciprocal rank fusion; then
the latency of a fused query over both catalogs once the model and the universe are loaded.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import numpy as np


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tags", type=int, default=40, help="tags sampled per catalog (default 40)")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    from app.core.text import label_key
    from app.lab.metrics import ndcg_at
    from app.services import Filters, Services
    from app.storage import Store

    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(Path(tmp))
        services = Services(store)
        services.catalogs.ensure_bundled()
        queries = _queries(store, args.tags, args.seed, label_key)
        loaded = services.recommender.universe()
        # A writable copy of the embeddings (read from the database, they are a read-only buffer).
        object.__setattr__(loaded.universe, "embeddings", loaded.universe.embeddings.copy())
        print(f"{len(queries)} tag queries", flush=True)
        scores: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
        for kind, tag, relevant in queries:
            with _held_out(services, loaded, tag, relevant, label_key):
                filters = Filters(kind=kind)
                for name, words, meaning in (("words", True, False), ("meaning", False, True),
                                             ("fusion", True, True)):
                    hits = services.search.search(tag, filters=filters, k=10, words=words, meaning=meaning).hits
                    scores[kind][name].append(ndcg_at([int(h.item.id or 0) for h in hits], relevant))
        print(f"\n{'catalog':<10} {'tags':>5} {'words':>8} {'meaning':>8} {'fusion':>8}   (NDCG@10, mean over tags)")
        for kind in sorted(scores):
            row = scores[kind]
            print(f"{kind:<10} {len(row['words']):>5} " + " ".join(f"{np.mean(row[n]):>8.3f}"
                                                              for n in ("words", "meaning", "fusion")))
        every = {n: [v for k in scores for v in scores[k][n]] for n in ("words", "meaning", "fusion")}
        print(f"{'both':<10} {len(every['words']):>5} " + " ".join(f"{np.mean(every[n]):>8.3f}"
                                                                for n in ("words", "meaning", "fusion")))
        _latency(services)
        store.close()


@contextmanager
def _held_out(services, loaded, tag: str, relevant: set[int], label_key) -> Iterator[None]:  # noqa: ANN001
    """The tag gone from the items that carry it, in the word index (by its triggers) and in the
    universe's embeddings (their text embedded again without it); all put back afterwards."""
    import json
    from dataclasses import replace

    from app.core.text import item_text

    store = services.store
    key = label_key(tag)
    items = store.items.get_many(sorted(relevant))
    without = {i: replace(it, tags=tuple(t for t in it.tags if label_key(t) != key)) for i, it in items.items()}
    pos = np.searchsorted(loaded.universe.item_ids, list(without))
    before = loaded.universe.embeddings[pos].copy()
    vectors = services.embeddings.embed_query([item_text(it) for it in without.values()])
    loaded.universe.embeddings[pos] = vectors
    with store.transaction() as conn:
        conn.executemany("UPDATE items SET tags = ? WHERE id = ?",
                         [(json.dumps(list(it.tags)), i) for i, it in without.items()])
    try:
        yield
    finally:
        loaded.universe.embeddings[pos] = before
        with store.transaction() as conn:
            conn.executemany("UPDATE items SET tags = ? WHERE id = ?",
                             [(json.dumps(list(it.tags)), i) for i, it in items.items()])


def _queries(store, per_catalog: int, seed: int, label_key) -> list[tuple[str, str, set[int]]]:  # noqa: ANN001
    """(kind, tag as written, ids of the items carrying it) for tags used by 10+ items of a kind."""
    import json

    by_tag: dict[tuple[str, str], set[int]] = defaultdict(set)
    names: dict[tuple[str, str], str] = {}
    genres: dict[str, set[str]] = defaultdict(set)
    for item_id, kind, tags, item_genres in store.db.read("SELECT id, kind, tags, genres FROM items"):
        for g in json.loads(item_genres):
            genres[kind].add(label_key(g))
        for t in json.loads(tags):
            key = (kind, label_key(t))
            by_tag[key].add(int(item_id))
            names.setdefault(key, t)
    usable = sorted(k for k, ids in by_tag.items() if len(ids) >= 10 and k[1] not in genres[k[0]]
                    and not names[k].lower().endswith(" series") and len(k[1]) > 2)
    rng = np.random.default_rng(seed)
    out = []
    for kind in sorted({k for k, _ in usable}):
        mine = [k for k in usable if k[0] == kind]
        for n in rng.permutation(len(mine))[:per_catalog]:
            key = mine[int(n)]
            out.append((kind, names[key], by_tag[key]))
    return out


def _latency(services) -> None:  # noqa: ANN001
    texts = ["space opera with political intrigue", "Termnator 2", "ursula le guin", "a quiet novel about grief",
             "funny animated film for children", "dune", "heist film with a twist", "the lord of the rings"]
    services.search.search(texts[0])  # warm: the model, the universe, the spelling index
    times = []
    for _ in range(3):
        for text in texts:
            start = time.perf_counter()
            services.search.search(text, k=10)
            times.append((time.perf_counter() - start) * 1000)
    times.sort()
    print(f"\nlatency of a fused query over both catalogs ({len(times)} queries, loaded): p50 "
          f"{statistics.median(times):.0f} ms, p95 {times[int(0.95 * (len(times) - 1))]:.0f} ms")
