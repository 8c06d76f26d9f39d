"""hearth search and interests: finding titles by words, and words pinned as interests."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from app.cli.output import TerminalProgress, print_json
from app.core.errors import InputError
from app.core.typed import item_id
from app.services import Filters, Services


def register(sub: Any) -> None:
    srch = sub.add_parser("search", help="find titles by words, meaning or a misspelling")
    srch.add_argument("text", help="a title, an author or director, or a description")
    srch.add_argument("--kind", choices=["film", "book", "other"])
    srch.add_argument("--year-min", type=int)
    srch.add_argument("--year-max", type=int)
    srch.add_argument("-k", type=int, default=10, help="how many (default 10)")
    srch.add_argument("--json", action="store_true")
    srch.set_defaults(func=cmd_search, needs_catalogs=True)

    inter = sub.add_parser("interests", help="your pinned interests: words that count in every list")
    inter.add_argument("action", nargs="?", choices=["list", "pin", "unpin"], default="list")
    inter.add_argument("value", nargs="*", help="pin: the words; unpin: the number")
    inter.add_argument("--json", action="store_true")
    inter.set_defaults(func=cmd_interests)


def cmd_search(s: Services, a: argparse.Namespace) -> int:
    with TerminalProgress():
        result = s.search.search(a.text, filters=Filters(kind=a.kind, year_min=a.year_min, year_max=a.year_max),
                                 k=a.k)
    if result.notice:
        print(f"hearth: {result.notice}", file=sys.stderr)
    if a.json:
        print_json([{"item_id": h.item.id, "title": h.item.title, "year": h.item.year, "kind": h.item.kind,
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
        number = item_id(a.value[0]) if len(a.value) == 1 else None
        if number is None:
            raise InputError("Give the number of the interest to unpin (hearth interests lists them).")
        s.interests.unpin(number)
        print("Unpinned.")
        return 0
    pinned = s.interests.pinned()
    if a.json:
        print_json([{"id": i, "text": t, "added_at": d} for i, t, d in pinned])
        return 0
    if not pinned:
        print('No pinned interests. Pin one: hearth interests pin "slow-burning Nordic crime", '
              'or hearth recommend --like "..." --pin.')
    for i, t, d in pinned:
        print(f"[{i}] {t}  (since {d[:10]})")
    return 0
