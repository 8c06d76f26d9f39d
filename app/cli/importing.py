"""hearth import: export files or folders, and the report of each."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from app.cli.output import TerminalProgress, print_json
from app.core.text import shorten
from app.services import Services
from app.services.formats import import_formats


def register(sub: Any) -> None:
    known = import_formats()
    formats = "\n".join(f"  {f.name:<11} {f.label}: {f.statuses}" for f in known)
    imp = sub.add_parser("import", help="import your history: export files, or a folder of them",
                         formatter_class=argparse.RawDescriptionHelpFormatter,
                         epilog=f"formats (recognised from the content; --format forces one):\n{formats}")
    imp.add_argument("files", nargs="+", metavar="FILE", help="a Goodreads, StoryGraph or IMDb CSV, a Letterboxd ZIP,"
                     " its CSVs (several at once), any CSV, or a folder of them")
    imp.add_argument("--format", choices=[f.name for f in known], help="the format (default: recognised from the"
                     " content; see below)")
    imp.add_argument("--shelf", action="append", metavar="NAME=MEANING",
                     help="what a shelf or status means: read, reading, saved, dnf, not-interested, shelved or skip"
                     " (repeatable), e.g. --shelf literature=read")
    imp.add_argument("--map", help="column mapping, e.g. title=Name,year=Year,rating=Stars,date=Watched")
    imp.add_argument("--kind", choices=["film", "book", "other"], help="what the rows are, when the file does not say")
    imp.add_argument("--encoding", help="the file's encoding (default: detected)")
    imp.add_argument("--scale", help="the ratings' scale of a CSV of its own layout, MIN-MAX (default: from the"
                     " values); known formats have their own")
    imp.add_argument("--json", action="store_true", help="print the report as JSON")
    imp.set_defaults(func=cmd_import, needs_catalogs=True)


def cmd_import(s: Services, a: argparse.Namespace) -> int:
    with TerminalProgress() as progress:
        reports = s.history.import_files(
            [Path(f) for f in a.files], format=a.format, mapping=a.map, kind=a.kind, encoding=a.encoding,
            scale=a.scale, shelves=a.shelf, progress=progress,
        )
    if a.json:
        print_json(_import_json(reports))
        return 0
    for report in reports:
        _print_report(report)
    return 0


_TOTALS = ("rows", "imported", "added", "updated", "unchanged", "repeated", "history", "saved", "negative", "against",
           "liked", "matched", "unmatched", "loose_count", "skipped")


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
    if r.against:
        below = f"rated {r.against_rating:g} or lower, or not finished" if r.against_rating is not None \
            else "not finished"
        print(f"  against        {r.against}   (counted against in ranking: {below})")
    if r.liked:
        print(f"  liked          {r.liked}   (a like mark, not history: no file says when it was watched)")
    if r.shelved:
        shelves = ", ".join(f"{name!r} {n}" for name, n in sorted(r.shelved.items(), key=lambda kv: -kv[1]))
        print(f"  shelved        {sum(r.shelved.values())}   ({shelves}: unrated, counted weakly;"
              " say what a shelf means with --shelf NAME=read|saved|dnf|not-interested|skip)")
    if r.skipped:
        why = ", ".join(f"{n} {reason}" for reason, n in r.skipped_reasons.items())
        print(f"  skipped        {r.skipped} ({why})")
    print(f"  matched        {r.matched} of {r.matched + r.unmatched} to a catalog ({r.match_rate:.0%});"
          f" {r.unmatched} kept as your own items")
    again = f"; {r.repeated} rows repeat an earlier row's title (kept as one entry)" if r.repeated else ""
    print(f"  changes        {r.added} new, {r.updated} changed, {r.unchanged} already there{again}")
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
