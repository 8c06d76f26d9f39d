"""hearth recommend, why and explain: the ranked list, its exact attribution, and the sentence."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from app.cli.output import TerminalProgress, print_json, safe_text
from app.core.errors import InputError
from app.core.text import runtime_text, shorten
from app.core.types import Recommendation
from app.services import Filters, Services
from app.services.events import Finished, Shown, TakenBack


def register(sub: Any) -> None:
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
    rec.set_defaults(func=cmd_recommend, needs_catalogs=True)

    like_help = "the words the list was asked for (recommend --like), which count in the score"
    why = sub.add_parser("why", help="the full attribution of an item's score")
    why.add_argument("item", help="item id or title")
    why.add_argument("--like", action="append", metavar="TEXT", help=like_help)
    why.add_argument("--json", action="store_true")
    why.set_defaults(func=cmd_why, needs_catalogs=True)

    exp = sub.add_parser("explain", help="why an item is recommended, in plain language")
    exp.add_argument("item", help="item id or title")
    exp.add_argument("--like", action="append", metavar="TEXT", help=like_help)
    exp.add_argument("--json", action="store_true")
    exp.add_argument("--no-llm", action="store_true", help="use the template, not the language model")
    exp.set_defaults(func=cmd_explain, needs_catalogs=True)


def _rec_json(rec: Recommendation) -> dict[str, Any]:
    return {
        "rank": rec.rank,
        "item_id": rec.item.id,
        "title": rec.item.title,
        "year": rec.item.year,
        "kind": rec.item.kind,
        "runtime": rec.item.runtime,
        "catalog": rec.item.catalog,
        "match": rec.match,
        "probability": rec.probability,
        "score": rec.score,
        "terms": {"content": rec.terms.content, "cf": rec.terms.cf,
                  "prior": rec.terms.prior, "feedback": rec.terms.feedback},
        "popularity_weight": rec.terms.popularity_weight,
        "popularity_short": rec.terms.popularity_short,
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
        print_json([_rec_json(r) for r in recs])
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
        print_json(_rec_json(rec))
        return 0
    t = rec.terms
    length = f", {runtime_text(rec.item.runtime)}" if rec.item.runtime else ""
    print(f"{rec.item.label} [#{rec.item.id}] - {rec.item.kind}{length}, catalog {rec.item.catalog}")
    print(f"Match {rec.match:.0%} of your best candidate's score   P(i|u) = {rec.probability:.4%}"
          f"   score f(u,i) = {rec.score:.5f}")
    print(f"  content   alpha x text similarity            {t.content:+.5f}")
    print(f"  cf        beta x liked by the same people    {t.cf:+.5f}")
    print(f"  prior     gamma x popularity                 {t.prior:+.5f}")
    print(f"  feedback  your likes and dislikes            {t.feedback:+.5f}")
    print(f"Your history makes {t.history_share:.0%} of the score; popularity and feedback the rest.")
    print(_popularity_note(s, t.popularity_weight, t.popularity_short))
    total = sum(c.contribution for c in rec.contributions)
    print(f"By history item (they add up to content + cf = {total:+.5f}):")
    for c in rec.contributions:
        label = f"{c.title} ({c.year})" if c.year else c.title
        print(f"  {c.contribution:+.5f}  {shorten(label, 55):<55} text {c.content:+.5f}  cf {c.cf:+.5f}")
    if not rec.contributions:
        print("  (no history item contributes: only popularity and feedback)")
    return 0


def _popularity_note(s: Services, weight: float, short: float) -> str:
    """How popularity counted for this person, and why: a short history, then their ratings."""
    value, rated = s.recommender.mainstream()
    default = s.settings.ranking_params().gamma
    base = short if short > 0 else default
    lines = []
    if base > default * 1.05:  # (it fades as 5 / (entries + 5): after ~100 entries it says nothing)
        lines.append(f"Popularity counts more while your history is short (weight {base:.4f}, usually"
                     f" {default:g}): with few entries a catalog knows, well-known titles are the safer guess.")
    if rated < 3 or abs(weight - base) < 1e-9:
        if not lines:
            lines.append(f"Popularity has its usual weight ({default:g})"
                         + (f": too few of your ratings ({rated}) say how you treat popular titles." if rated < 3
                            else "."))
        return "\n".join(lines)
    how = "rate popular titles higher than little-known ones" if value > 0 else \
        "rate little-known titles higher than popular ones"
    more = "more" if weight > base else "less"
    shrunk = ", shrunk toward 0: few ratings" if rated < 100 else ""
    lines.append(f"Popularity counts {more} for you (weight {weight:+.4f}, else {base:.4f}): over {rated} rated"
                 f" titles you {how} (correlation {value:+.2f}{shrunk}).")
    return "\n".join(lines)


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
        print_json(done.as_dict() | {"evidence": done.evidence})
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
