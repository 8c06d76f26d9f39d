"""hearth history add|list|remove, and feedback on an item."""

from __future__ import annotations

import argparse
from typing import Any

from app.cli.output import print_json
from app.core.errors import InputError
from app.core.text import shorten
from app.services import Services


def register(sub: Any) -> None:
    h = sub.add_parser("history", help="add, list or remove what you have read or watched")
    hs = h.add_subparsers(dest="action", metavar="ACTION", required=True)
    add = hs.add_parser("add", help="add an item by title (optionally with year) or id")
    add.add_argument("title")
    add.add_argument("--rating", type=float, help="your rating (default scale 0.5-5)")
    add.add_argument("--scale", help="the rating's scale, MIN-MAX (default 0.5-5)")
    add.add_argument("--date", help="when you read or watched it (YYYY-MM-DD)")
    add.add_argument("--kind", choices=["film", "book", "other"])
    add.set_defaults(func=cmd_history_add, needs_catalogs=True)
    ls = hs.add_parser("list", help="list your history")
    ls.add_argument("--json", action="store_true")
    ls.set_defaults(func=cmd_history_list)
    rm = hs.add_parser("remove", help="remove an item from your history")
    rm.add_argument("item")
    rm.set_defaults(func=cmd_history_remove, needs_catalogs=True)

    fb = sub.add_parser("feedback", help="like, dislike, not interested, save for later")
    fb.add_argument("action", choices=["like", "dislike", "not-interested", "save", "clear"])
    fb.add_argument("item")
    fb.set_defaults(func=cmd_feedback, needs_catalogs=True)


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
        print_json([
            {"item_id": e.item.id, "title": e.item.title, "year": e.item.year, "kind": e.item.kind,
             "catalog": e.item.catalog, "rating": e.rating, "rating_scale": [e.rating_min, e.rating_max]
             if e.rating is not None else None, "rating_norm": e.rating_norm,
             "consumed_at": e.consumed_at, "source": e.source, "added_at": e.added_at, "status": e.status,
             "shelf": e.shelf, "file_title": e.file_title}
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
        label = f"{e.file_title} → {e.item.label}" if e.file_title else e.item.label
        print(f"[#{e.item.id:>6}] {shorten(label, 60):<60} {e.item.kind:<5} {rating:>8}  {when}{status}")
    print(f"{len(entries)} entries")
    return 0


def cmd_history_remove(s: Services, a: argparse.Namespace) -> int:
    item = s.history.remove(a.item)
    print(f"Removed {item.label} [#{item.id}] from your history")
    return 0


def cmd_feedback(s: Services, a: argparse.Namespace) -> int:
    kinds = {"like": "like", "dislike": "dislike", "not-interested": "not_interested", "save": "saved",
             "clear": None}
    item = s.history.set_feedback(a.item, kinds[a.action])
    done = "Cleared feedback on" if a.action == "clear" else "Marked"
    print(f"{done} {item.label}" + ("" if a.action == "clear" else f" as {a.action}"))
    return 0
