"""The command line: the same services as the GUI, from a terminal."""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TextIO

from app import __version__
from app.core.errors import AppError, Cancelled, InputError, StorageError
from app.core.sizes import parse_size
from app.core.text import shorten
from app.core.types import Recommendation
from app.services import SETTINGS, Filters, Services
from app.services.catalogs import RECIPES, Recipe, build_goodbooks, build_movielens, repo_root
from app.services.events import Finished, Shown, TakenBack, final

__all__ = ["TerminalProgress", "build_parser", "run"]


class TerminalProgress:
    """Turns progress(done, total, label) calls into tqdm bars on stderr, one per label."""

    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stderr
        self._bars: dict[str, Any] = {}

    def __call__(self, done: int, total: int, label: str) -> None:
        from tqdm import tqdm

        bar = self._bars.get(label)
        known = total > 0  # a download without Content-Length: a count, no end
        if bar is None:
            big = total > 100_000 or not known  # bytes of a file, not items
            bar = self._bars[label] = tqdm(
                total=total if known else None, desc=label, file=self.stream, leave=False,
                unit="B" if big else "it", unit_scale=big, mininterval=0.2, dynamic_ncols=True,
            )
        bar.update(max(0, done - bar.n))
        if known and done >= total:
            bar.close()
            del self._bars[label]

    def close(self) -> None:
        for bar in self._bars.values():
            bar.close()
        self._bars.clear()

    def __enter__(self) -> TerminalProgress:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


# Characters a terminal acts on instead of showing: C0 controls but tab and newline (ESC starts a
# sequence that can retitle the window or clear the screen), DEL, C1 controls (U+009B is a one-byte
# CSI) and the bidirectional overrides that make text read backwards. Titles, shelves and file names
# come from files anyone can write: never let them reach a terminal raw.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def safe_text(text: str) -> str:
    """Text to print: every character a terminal would act on replaced by U+FFFD."""
    return _UNSAFE.sub("\ufffd", text)


class _SafeWriter:
    """stdout with safe_text applied to everything written (the commands' own output has no controls)."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        return self._stream.write(safe_text(text))

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def _print_json(data: Any) -> None:
    """JSON with the characters a terminal acts on escaped (\\u009b), so it stays valid and exact."""
    text = json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False)
    print(_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", text))


def _rec_json(rec: Recommendation) -> dict[str, Any]:
    return {
        "rank": rec.rank,
        "item_id": rec.item.id,
        "title": rec.item.title,
        "year": rec.item.year,
        "kind": rec.item.kind,
        "catalog": rec.item.catalog,
        "probability": rec.probability,
        "score": rec.score,
        "terms": {"content": rec.terms.content, "cf": rec.terms.cf,
                  "prior": rec.terms.prior, "feedback": rec.terms.feedback},
        "history_share": rec.terms.history_share,
        "genres": list(rec.item.genres),
        "creators": list(rec.item.creators),
        "contributions": [
            {"item_id": c.item_id, "title": c.title, "year": c.year, "source": c.source,
             "contribution": c.contribution, "content": c.content, "cf": c.cf, "weight": c.weight}
            for c in rec.contributions
        ],
        "asked_share": _asked_share(rec),
    }


# -- commands ---------------------------------------------------------------------------


def cmd_history_add(s: Services, a: argparse.Namespace) -> int:
    scale = _scale(a.scale) if a.scale else (0.5, 5.0)
    item, outcome = s.history.add(a.title, rating=a.rating, scale=scale, consumed_at=a.date, kind=a.kind)
    verb = {"added": "Added", "updated": "Updated", "unchanged": "Already in your history:"}[outcome]
    rating = f", rated {a.rating:g}" if a.rating is not None else ""
    print(f"{verb} {item.label} [#{item.id}] ({item.kind}{rating})")
    return 0


def _scale(text: str) -> tuple[float, float]:
    low, _, high = text.partition("-")
    try:
        return float(low), float(high)
    except ValueError as exc:
        raise InputError(f"Write the scale as MIN-MAX, e.g. 1-10, not {text!r}.") from exc


def cmd_history_list(s: Services, a: argparse.Namespace) -> int:
    entries = s.history.entries()
    if a.json:
        _print_json([
            {"item_id": e.item.id, "title": e.item.title, "year": e.item.year, "kind": e.item.kind,
             "catalog": e.item.catalog, "rating": e.rating, "rating_scale": [e.rating_min, e.rating_max]
             if e.rating is not None else None, "rating_norm": e.rating_norm,
             "consumed_at": e.consumed_at, "source": e.source, "added_at": e.added_at, "status": e.status,
             "shelf": e.shelf}
            for e in entries
        ])
        return 0
    if not entries:
        print('Your history is empty. Add something: hearth history add "The Matrix (1999)" --rating 5')
        return 0
    for e in entries:
        rating = f"{e.rating:g}/{e.rating_max:g}" if e.rating is not None and e.rating_max else "unrated"
        when = e.consumed_at or e.added_at[:10]
        status = {"reading": "  reading", "dnf": "  did not finish", "shelved": f"  shelf {e.shelf}"}.get(e.status, "")
        print(f"[#{e.item.id:>6}] {shorten(e.item.label, 60):<60} {e.item.kind:<5} {rating:>8}  {when}{status}")
    print(f"{len(entries)} entries")
    return 0


def cmd_history_remove(s: Services, a: argparse.Namespace) -> int:
    item = s.history.remove(a.item)
    print(f"Removed {item.label} [#{item.id}] from your history")
    return 0


def cmd_import(s: Services, a: argparse.Namespace) -> int:
    with TerminalProgress() as progress:
        reports = s.history.import_files(
            [Path(f) for f in a.files], format=a.format, mapping=a.map, kind=a.kind, encoding=a.encoding,
            scale=a.scale, shelves=a.shelf, progress=progress,
        )
    if a.json:
        _print_json(_import_json(reports))
        return 0
    for report in reports:
        _print_report(report)
    return 0


_TOTALS = ("rows", "imported", "added", "updated", "unchanged", "history", "saved", "negative", "matched",
           "unmatched", "loose_count", "skipped")


def _import_json(reports: list[Any]) -> dict[str, Any]:
    """One object: the totals at the top (with the format, when there is one), each export in "exports"."""
    out: dict[str, Any] = {k: sum(getattr(r, k) for r in reports) for k in _TOTALS}
    out["format"] = reports[0].format if len({r.format for r in reports}) == 1 else "several"
    out["files"] = [f for r in reports for f in r.files]
    out["shelved"] = sum(sum(r.shelved.values()) for r in reports)
    out["match_rate"] = round(out["matched"] / max(out["matched"] + out["unmatched"], 1), 4)
    out["exports"] = [r.as_dict() for r in reports]
    return out


def _print_report(r: Any) -> None:
    files = r.files[0] if len(r.files) == 1 else f"{len(r.files)} files ({', '.join(r.files[:6])})"
    print(f"Imported {files}")
    print(f"  format         {r.format}: {r.layout}")
    print(f"                 {'guessed: ' if r.guessed else ''}{r.detected}")
    print(f"  read/watched   {r.history}")
    print(f"  saved          {r.saved}   (to read / watchlist: not history)")
    print(f"  negative       {r.negative}   (did not finish, not interested)")
    if r.shelved:
        shelves = ", ".join(f"{name!r} {n}" for name, n in sorted(r.shelved.items(), key=lambda kv: -kv[1]))
        print(f"  shelved        {sum(r.shelved.values())}   ({shelves}: unrated, counted weakly;"
              " say what a shelf means with --shelf NAME=read|saved|dnf|not-interested|skip)")
    if r.skipped:
        why = ", ".join(f"{n} {reason}" for reason, n in r.skipped_reasons.items())
        print(f"  skipped        {r.skipped} ({why})")
    print(f"  matched        {r.matched} of {r.matched + r.unmatched} to a catalog ({r.match_rate:.0%});"
          f" {r.unmatched} kept as your own items")
    print(f"  changes        {r.added} new, {r.updated} changed, {r.unchanged} already there")
    for note, n in r.notes.items():
        print(f"  note           {note}" + (f" ({n})" if n > 1 else ""))
    if r.loose:
        print(f"  matched loosely ({r.loose_count}; check these):")
        for m in r.loose[:10]:
            print(f"    line {m['line']:>5}  {shorten(m['title'], 40)!r} -> {m['matched']}  [{m['how']}]")
        if r.loose_count > 10:
            print(f"    ... {r.loose_count - 10} more in --json")
    if r.unmatched_sample:
        print("  not in a catalog, for example:")
        for m in r.unmatched_sample[:8]:
            label = m["title"] + (f" ({m['year']})" if m["year"] else "")
            print(f"    line {m['line']:>5}  {shorten(label, 48)!r}: {m['reason']}")


def cmd_recommend(s: Services, a: argparse.Namespace) -> int:
    like = a.like or []
    if a.pin:
        if not like:
            raise InputError("--pin keeps the words of --like: say what to pin, e.g. --like \"Nordic crime\" --pin.")
        for text in like:
            s.interests.pin(text)
    notice = s.recommender.asked_notice(like)
    if notice:
        print(f"hearth: {notice}", file=sys.stderr)
    with TerminalProgress() as progress:
        recs = s.recommender.recommend(
            k=a.k, diversity=a.diversity,
            filters=Filters(kind=a.kind, year_min=a.year_min, year_max=a.year_max, catalog=a.catalog,
                            genre=a.genre),
            like=like, progress=progress,
        )
    if a.json:
        _print_json([_rec_json(r) for r in recs])
        return 0
    if not recs:
        print("No item matches these filters.")
        return 0
    print(f"{'#':>3}  {'P(i|u)':>7}  {'score':>8}  title")
    for r in recs:
        print(f"{r.rank:>3}  {r.probability:>7.2%}  {r.score:>8.4f}  {r.item.label} [#{r.item.id}] {r.item.kind}")
        because = ", ".join(_because(c) for c in r.contributions if c.contribution > 0)
        if because:
            print(f"{'':>23}because of: {because}")
        if any(c.source != "history" for c in r.contributions):
            print(f"{'':>23}what you asked for makes {_asked_share(r):.0%} of the personal part of the score")
    return 0


def _because(c: Any) -> str:
    name = f"you asked for \"{c.title}\"" if c.source == "query" else \
        f"your interest \"{c.title}\"" if c.source == "interest" else c.title
    return f"{name} ({c.contribution:+.4f})"


def _asked_share(rec: Recommendation) -> float:
    """The share of the history terms (content + cf) that typed or pinned words add."""
    asked = sum(c.contribution for c in rec.contributions if c.source != "history")
    personal = rec.terms.content + rec.terms.cf
    return asked / personal if personal > 0 else 0.0


def cmd_why(s: Services, a: argparse.Namespace) -> int:
    with TerminalProgress() as progress:
        rec = s.recommender.why(a.item, like=a.like or [], progress=progress)
    if a.json:
        _print_json(_rec_json(rec))
        return 0
    t = rec.terms
    print(f"{rec.item.label} [#{rec.item.id}] - {rec.item.kind}, catalog {rec.item.catalog}")
    print(f"P(i|u) = {rec.probability:.4%}   score f(u,i) = {rec.score:.5f}")
    print(f"  content   alpha x text similarity            {t.content:+.5f}")
    print(f"  cf        beta x liked by the same people    {t.cf:+.5f}")
    print(f"  prior     gamma x popularity                 {t.prior:+.5f}")
    print(f"  feedback  your likes and dislikes            {t.feedback:+.5f}")
    print(f"Your history makes {t.history_share:.0%} of the score; popularity and feedback the rest.")
    total = sum(c.contribution for c in rec.contributions)
    print(f"By history item (they add up to content + cf = {total:+.5f}):")
    for c in rec.contributions:
        label = f"{c.title} ({c.year})" if c.year else c.title
        print(f"  {c.contribution:+.5f}  {shorten(label, 55):<55} text {c.content:+.5f}  cf {c.cf:+.5f}")
    if not rec.contributions:
        print("  (no history item contributes: only popularity and feedback)")
    return 0


def cmd_search(s: Services, a: argparse.Namespace) -> int:
    with TerminalProgress():
        result = s.search.search(a.text, filters=Filters(kind=a.kind, year_min=a.year_min, year_max=a.year_max),
                                 k=a.k)
    if result.notice:
        print(f"hearth: {result.notice}", file=sys.stderr)
    if a.json:
        _print_json([{"item_id": h.item.id, "title": h.item.title, "year": h.item.year, "kind": h.item.kind,
                      "creators": list(h.item.creators), "catalog": h.item.catalog, "score": h.score,
                      "ranks": {"words": h.words, "meaning": h.meaning, "spelling": h.spelling}}
                     for h in result.hits])
        return 0
    if not result.hits:
        print("Nothing matches.")
        return 0
    for n, h in enumerate(result.hits, start=1):
        by = [name for name, r in (("words", h.words), ("meaning", h.meaning), ("spelling", h.spelling)) if r]
        creators = f" - {', '.join(h.item.creators[:2])}" if h.item.creators else ""
        print(f"{n:>3}  {h.item.label} [#{h.item.id}] {h.item.kind}{creators}  ({', '.join(by)})")
    return 0


def cmd_interests(s: Services, a: argparse.Namespace) -> int:
    if a.action == "pin":
        if not a.value:
            raise InputError("Say what to pin: hearth interests pin \"slow-burning Nordic crime\".")
        print(f"Pinned [{s.interests.pin(' '.join(a.value))}]: it counts in every list until you unpin it.")
        return 0
    if a.action == "unpin":
        if not a.value or not a.value[0].isdigit():
            raise InputError("Give the number of the interest to unpin (hearth interests lists them).")
        s.interests.unpin(int(a.value[0]))
        print("Unpinned.")
        return 0
    pinned = s.interests.pinned()
    if a.json:
        _print_json([{"id": i, "text": t, "added_at": d} for i, t, d in pinned])
        return 0
    if not pinned:
        print('No pinned interests. Pin one: hearth interests pin "slow-burning Nordic crime", '
              'or hearth recommend --like "..." --pin.')
    for i, t, d in pinned:
        print(f"[{i}] {t}  (since {d[:10]})")
    return 0


def cmd_export(s: Services, a: argparse.Namespace) -> int:
    paths = s.privacy.export(Path(a.out or a.folder or "hearth-export"))
    print("Wrote " + " and ".join(str(p) for p in paths) + " (readable by you only).")
    return 0


def cmd_delete_everything(s: Services, a: argparse.Namespace) -> int:
    if not a.yes:
        if not sys.stdin.isatty():
            raise InputError("This deletes your history, feedback, settings and imports for good.",
                             hint="Run it again with --yes to confirm (hearth export --out DIR keeps a copy first).")
        answer = input(f"Delete everything in {s.privacy.info()['folder']}? Type yes: ")
        if answer.strip().lower() != "yes":
            print("Nothing deleted.")
            return 1
    s.privacy.delete_everything()
    print("Deleted your history, feedback, pinned interests, settings, imports, explanations and own items.")
    return 0


def cmd_check(s: Services, a: argparse.Namespace) -> int:
    problems = s.privacy.damage()
    path = s.privacy.info()["database"]
    if problems:
        raise StorageError(f"{path} is damaged: " + "; ".join(problems[:5]) + ".",
                           hint="Move the file aside and restore it from a backup, or start afresh; `sqlite3 FILE"
                           " .recover` may save what is left.")
    print(f"{path}: no damage found.")
    return 0


def cmd_explain(s: Services, a: argparse.Namespace) -> int:
    """Stream the explanation to a terminal, where a draft that fails verification is taken back on
    screen; anywhere else (a file, a pipe) only the verified text is written, once it is final."""
    live = not a.json and sys.stdout.isatty()
    done = None
    for event in s.explainer.explain(a.item, use_llm=not a.no_llm, like=a.like or []):
        if isinstance(event, Shown) and live:
            print(event.text, end="", flush=True)
        elif isinstance(event, TakenBack) and live:
            print(f"\r\033[K(draft rejected: {'; '.join(event.problems)})", file=sys.stderr, flush=True)
        elif isinstance(event, Finished):
            done = event.result
    assert done is not None
    if a.json:
        _print_json(done.as_dict() | {"evidence": done.evidence})
        return 0
    if not live:
        print(done.text, end="")
    print()
    badge = "verified" if done.verified else "NOT verified"
    origin = "language model" if done.path == "llm" else "template"
    speed = f", first token {done.ttft_s:.2f} s, {done.tokens_per_s:.0f} tokens/s" if done.ttft_s else ""
    print(f"[{origin}, {badge}{', cached' if done.cached else ''}{speed}]", file=sys.stderr)
    for draft in done.drafts:  # a model that could not be used: say why the template wrote it
        if "error" in draft and not a.no_llm:
            print(f"hearth: the language model was not used: {safe_text(draft['error'])}", file=sys.stderr)
    return 0


def cmd_profile(s: Services, a: argparse.Namespace) -> int:
    result = final(s.explainer.profile(use_llm=not a.no_llm))
    if a.json:
        _print_json(result.as_dict())
        return 0
    for facet in result.facets:
        examples = ", ".join(i.label for i in facet.items[:4])
        print(f"{facet.weight:>4.0%}  {facet.label}: {examples}")
    print()
    print(result.text)
    print(f"[{'language model' if result.path == 'llm' else 'template'}, verified]", file=sys.stderr)
    return 0


def cmd_model(s: Services, a: argparse.Namespace) -> int:
    if a.action == "download":
        if not a.url:
            raise InputError("Give the address: hearth model download URL [--sha256 HEX].")
        try:
            max_bytes = parse_size(a.max_size) if a.max_size is not None else None
        except ValueError:
            raise InputError(f"--max-size {a.max_size!r} is not a size.",
                             hint="For example 8G, 500M or 1048576.") from None
        if a.idle_timeout is not None and not a.idle_timeout > 0:
            raise InputError("--idle-timeout must be a number of seconds above 0.")
        with TerminalProgress() as progress:
            path = s.download_model(a.url, sha256=a.sha256, progress=progress, max_bytes=max_bytes,
                                    idle_timeout=a.idle_timeout)
        print(f"Downloaded {path}; it is now the explainer's model (llm_model).")
        return 0
    info = s.model_info()
    if a.json:
        _print_json(info)
        return 0
    for key, value in info.items():
        print(f"{key:<11} {value}")
    return 0


def cmd_feedback(s: Services, a: argparse.Namespace) -> int:
    kinds = {"like": "like", "dislike": "dislike", "not-interested": "not_interested", "save": "saved",
             "clear": None}
    item = s.history.set_feedback(a.item, kinds[a.action])
    done = "Cleared feedback on" if a.action == "clear" else "Marked"
    print(f"{done} {item.label}" + ("" if a.action == "clear" else f" as {a.action}"))
    return 0


def cmd_catalogs(s: Services, a: argparse.Namespace) -> int:
    cats = s.catalogs.installed()
    if a.json:
        _print_json([c.__dict__ for c in cats])
        return 0
    for c in cats:
        print(f"{c.name:<20} {c.items:>7} items  {c.kind:<6} {c.title}")
        if c.attribution:
            print(f"{'':<21}{c.attribution}")
    return 0


def cmd_settings(s: Services, a: argparse.Namespace) -> int:
    if a.action == "list":
        values = s.settings.all()
        if a.json:
            _print_json(values)
            return 0
        for key, setting in SETTINGS.items():
            mark = "" if values[key] == setting.default else "  (changed)"
            print(f"{key:<16} {values[key]!s:<12} {setting.help}{mark}")
        return 0
    if a.action == "get":
        print(json.dumps(s.settings.get(a.key)))
        return 0
    if a.action == "set":
        if a.value is None:
            raise InputError("Give a value: hearth settings set KEY VALUE.")
        value = s.settings.set(a.key, a.value)
        print(f"{a.key} = {value}")
        return 0
    s.settings.reset(a.key)
    print(f"{a.key or 'all settings'} reset to default")
    return 0


def cmd_build_catalog(s: Services, a: argparse.Namespace) -> int:
    default_source, default_out = {
        "movielens": ("ml-latest-small", "movielens-small"),
        "goodbooks": ("goodbooks-10k", "goodbooks-10k"),
    }[a.source_kind]
    source = Path(a.source) if a.source else repo_root().parent / "shared" / "data" / default_source
    out = Path(a.out) if a.out else repo_root() / "resources" / "catalogs" / default_out
    embedder = None if a.no_embeddings else s.embeddings.embedder
    with TerminalProgress() as progress:

        def embed(texts: list[str]) -> Any:
            assert embedder is not None
            return embedder.encode(texts, progress=progress)

        common = {"embed": None if embedder is None else embed,
                  "embedding_model": embedder.model_id if embedder else "", "progress": progress}
        recipe = RECIPES[a.source_kind]
        recipe = Recipe(positive=recipe.positive if a.positive is None else a.positive,
                        l2=recipe.l2 if a.l2 is None else a.l2, top_k=recipe.top_k if a.top_k is None else a.top_k)
        build = build_movielens if a.source_kind == "movielens" else build_goodbooks
        manifest = build(source, out, recipe=recipe, **common)
    print(f"Built {out}: {manifest['items']} items, {manifest['weights']} weights, version {manifest['version']}")
    return 0


def _eval_args(a: argparse.Namespace) -> dict[str, Any]:
    from app.services.evaluate import Dataset, Layout, Protocol

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
    from app.services.evaluate import Evaluator

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
        _print_json(result)
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
    from app.services.evaluate import Dataset, Evaluator
    from app.services.explain_eval import LABELLED, ExplanationEvaluator, checker_scores

    labelled = [Path(p) for p in a.labelled] if a.labelled else [p for p in LABELLED if p.exists()]
    if a.checker_only:
        scores = {p.stem: checker_scores(p, s.explainer.index) for p in labelled}
        if a.json:
            _print_json(scores)
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
        _print_json(result)
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
    with TerminalProgress() as progress:
        result = s.replayer().run([Path(f) for f in a.files], holdout=a.holdout, k=a.k, progress=progress)
    if a.json:
        _print_json(result)
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


def cmd_status(s: Services, a: argparse.Namespace) -> int:
    status = s.status()
    print(f"Hearth data: {status['database']}")
    for name, count in dict(status["catalogs"]).items():  # type: ignore[call-overload]
        print(f"  catalog {name}: {count} items")
    print(f"  history: {status['history']} entries")
    print('Try: hearth history add "The Matrix (1999)" --rating 5, then hearth recommend')
    return 0


# -- parser -----------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="hearth", description="Private recommendations for books and films.")
    p.add_argument("--data-dir", metavar="DIR",
                   help="folder of the database (default: per-user data folder; env HEARTH_DATA_DIR)")
    p.add_argument("--self-check", action="store_true", help=argparse.SUPPRESS)  # packaging smoke test
    p.add_argument("--version", action="version", version=f"hearth {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    st0 = sub.add_parser("status", help="where your data is and what it holds")
    st0.set_defaults(func=cmd_status)

    h = sub.add_parser("history", help="add, list or remove what you have read or watched")
    hs = h.add_subparsers(dest="action", metavar="ACTION", required=True)
    add = hs.add_parser("add", help="add an item by title (optionally with year) or id")
    add.add_argument("title")
    add.add_argument("--rating", type=float, help="your rating (default scale 0.5-5)")
    add.add_argument("--scale", help="the rating's scale, MIN-MAX (default 0.5-5)")
    add.add_argument("--date", help="when you read or watched it (YYYY-MM-DD)")
    add.add_argument("--kind", choices=["film", "book", "other"])
    add.set_defaults(func=cmd_history_add)
    ls = hs.add_parser("list", help="list your history")
    ls.add_argument("--json", action="store_true")
    ls.set_defaults(func=cmd_history_list)
    rm = hs.add_parser("remove", help="remove an item from your history")
    rm.add_argument("item")
    rm.set_defaults(func=cmd_history_remove)

    imp = sub.add_parser("import", help="import your history: export files, or a folder of them")
    imp.add_argument("files", nargs="+", metavar="FILE", help="Goodreads, StoryGraph, IMDb or any CSV, a Letterboxd"
                     " ZIP, its CSVs (several at once), or a folder")
    imp.add_argument("--format", choices=["goodreads", "letterboxd", "storygraph", "imdb", "generic"],
                     help="the format (default: recognised from the content)")
    imp.add_argument("--shelf", action="append", metavar="NAME=MEANING",
                     help="what a shelf or status means: read, reading, saved, dnf, not-interested, shelved or skip"
                     " (repeatable), e.g. --shelf literature=read")
    imp.add_argument("--map", help="column mapping, e.g. title=Name,year=Year,rating=Stars,date=Watched")
    imp.add_argument("--kind", choices=["film", "book", "other"], help="what the rows are, when the file does not say")
    imp.add_argument("--encoding", help="the file's encoding (default: detected)")
    imp.add_argument("--scale", help="the ratings' scale of a CSV of its own layout, MIN-MAX (default: from the"
                     " values); known formats have their own")
    imp.add_argument("--json", action="store_true", help="print the report as JSON")
    imp.set_defaults(func=cmd_import)

    rec = sub.add_parser("recommend", help="what to read or watch next")
    rec.add_argument("-k", type=int, default=10, help="how many (default 10)")
    rec.add_argument("--kind", choices=["film", "book", "other"])
    rec.add_argument("--diversity", type=float, default=0.0, help="0 = by score only, 1 = as varied as possible")
    rec.add_argument("--year-min", type=int)
    rec.add_argument("--year-max", type=int)
    rec.add_argument("--catalog", help="only this catalog (see hearth catalogs)")
    rec.add_argument("--genre", help="only this genre or tag, e.g. \"science fiction\" or vampires")
    rec.add_argument("--like", action="append", metavar="TEXT",
                     help="what you are in the mood for, in your words (repeatable); it counts as evidence")
    rec.add_argument("--pin", action="store_true", help="keep the --like words as a standing interest")
    rec.add_argument("--json", action="store_true")
    rec.set_defaults(func=cmd_recommend)

    like_help = "the words the list was asked for (recommend --like), which count in the score"
    why = sub.add_parser("why", help="the full attribution of an item's score")
    why.add_argument("item", help="item id or title")
    why.add_argument("--like", action="append", metavar="TEXT", help=like_help)
    why.add_argument("--json", action="store_true")
    why.set_defaults(func=cmd_why)

    srch = sub.add_parser("search", help="find titles by words, meaning or a misspelling")
    srch.add_argument("text", help="a title, an author or director, or a description")
    srch.add_argument("--kind", choices=["film", "book", "other"])
    srch.add_argument("--year-min", type=int)
    srch.add_argument("--year-max", type=int)
    srch.add_argument("-k", type=int, default=10, help="how many (default 10)")
    srch.add_argument("--json", action="store_true")
    srch.set_defaults(func=cmd_search)

    inter = sub.add_parser("interests", help="your pinned interests: words that count in every list")
    inter.add_argument("action", nargs="?", choices=["list", "pin", "unpin"], default="list")
    inter.add_argument("value", nargs="*", help="pin: the words; unpin: the number")
    inter.add_argument("--json", action="store_true")
    inter.set_defaults(func=cmd_interests)

    ex_ = sub.add_parser("export", help="everything that is yours, as JSON and CSV, into a folder")
    ex_.add_argument("folder", nargs="?", help=argparse.SUPPRESS)
    ex_.add_argument("--out", metavar="DIR", help="the folder to write into (default: ./hearth-export)")
    ex_.set_defaults(func=cmd_export)

    de = sub.add_parser("delete-all", aliases=["delete-everything"],
                        help="delete your history, feedback, settings, imports and everything made from them")
    de.add_argument("--yes", action="store_true", help="do not ask")
    de.set_defaults(func=cmd_delete_everything)

    chk = sub.add_parser("check", help="check the database file for damage (PRAGMA quick_check)")
    chk.set_defaults(func=cmd_check)

    exp = sub.add_parser("explain", help="why an item is recommended, in plain language")
    exp.add_argument("item", help="item id or title")
    exp.add_argument("--like", action="append", metavar="TEXT", help=like_help)
    exp.add_argument("--json", action="store_true")
    exp.add_argument("--no-llm", action="store_true", help="use the template, not the language model")
    exp.set_defaults(func=cmd_explain)

    prof = sub.add_parser("profile", help="what your tastes are: interest facets and a paragraph")
    prof.add_argument("--json", action="store_true")
    prof.add_argument("--no-llm", action="store_true", help="use the template, not the language model")
    prof.set_defaults(func=cmd_profile)

    mod = sub.add_parser("model", help="the explainer's language model: info, or the opt-in download")
    mod.add_argument("action", choices=["info", "download"], nargs="?", default="info")
    mod.add_argument("url", nargs="?", help="for download: the GGUF file's http(s) address")
    mod.add_argument("--sha256", help="for download: the expected checksum (strongly advised)")
    mod.add_argument("--max-size", metavar="SIZE", help="for download: the largest file accepted, e.g. 500M, 16G or"
                     " bytes (K/M/G 1024-based; default 8G)")
    mod.add_argument("--idle-timeout", type=float, metavar="SECONDS", help="for download: stop (resumably) when"
                     " under 64 KiB arrive in this many seconds (default 60)")
    mod.add_argument("--json", action="store_true")
    mod.set_defaults(func=cmd_model)

    fb = sub.add_parser("feedback", help="like, dislike, not interested, save for later")
    fb.add_argument("action", choices=["like", "dislike", "not-interested", "save", "clear"])
    fb.add_argument("item")
    fb.set_defaults(func=cmd_feedback)

    cat = sub.add_parser("catalogs", help="list the installed catalogs")
    cat.add_argument("--json", action="store_true")
    cat.set_defaults(func=cmd_catalogs)

    st = sub.add_parser("settings", help="show or change settings")
    st.add_argument("action", choices=["list", "get", "set", "reset"], nargs="?", default="list")
    st.add_argument("key", nargs="?", choices=list(SETTINGS), metavar="KEY")
    st.add_argument("value", nargs="?")
    st.add_argument("--json", action="store_true")
    st.set_defaults(func=cmd_settings)

    ev = sub.add_parser("eval", help="measure the ranking against baselines on held-out ratings")
    ev.add_argument("--data", help="a data set folder as unpacked: ml-latest-small or goodbooks-10k (instead of"
                    " --ratings/--items/--tags)")
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
    ev.set_defaults(func=cmd_eval)

    ee = sub.add_parser("eval-explanations", help="measure explanations: grounding, claims, faithfulness, speed")
    ee.add_argument("--data", help="ml-latest-small or goodbooks-10k as unpacked (instead of --ratings/--items)")
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
    ee.set_defaults(func=cmd_eval_explanations)

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
    b.set_defaults(func=cmd_build_catalog)
    return p


# eval needs them too: the bundled films' embeddings are its embedding cache.
NEEDS_CATALOGS = {cmd_history_add, cmd_import, cmd_recommend, cmd_why, cmd_feedback, cmd_catalogs, cmd_status,
                  cmd_eval, cmd_explain, cmd_profile, cmd_eval_explanations, cmd_search}


def run(services: Services, args: argparse.Namespace) -> int:
    """Run a parsed command; AppErrors become a message and exit code 1."""
    func = getattr(args, "func", cmd_status)
    stdout, sys.stdout = sys.stdout, _SafeWriter(sys.stdout)  # type: ignore[assignment]
    try:
        if func in NEEDS_CATALOGS or func is cmd_history_remove:
            with TerminalProgress() as progress:
                services.catalogs.ensure_bundled(progress=progress)
        return int(func(services, args))
    except Cancelled:
        print("Cancelled.", file=sys.stderr)
        return 130
    except AppError as exc:
        print(f"hearth: {safe_text(str(exc))}", file=sys.stderr)
        return 1
    finally:
        sys.stdout = stdout


def parse(argv: Sequence[str] | None) -> argparse.Namespace:
    return build_parser().parse_args(argv)
