"""hearth stats: your years in books and films, counted from the history; charts as PNG files."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from app.cli.output import print_json
from app.core.errors import InputError
from app.core.stats import FacetMoves, Stats, YearKind
from app.core.text import runtime_text
from app.services import Services
from app.services.events import final


def register(sub: Any) -> None:
    p = sub.add_parser("stats", help="your year in books and films: counts, ratings, genres, creators, decades")
    p.add_argument("--year", type=int, metavar="Y", help="one year's figures (default: every year's counts)")
    p.add_argument("--kind", choices=("film", "book"), help="films or books only")
    p.add_argument("--json", action="store_true", help="every figure as JSON (by_year: year, films, books, ...)")
    p.add_argument("--out", metavar="DIR", help="write the charts as PNG files into DIR (drawn on this computer)")
    p.add_argument("--paragraph", action="store_true",
                   help="add a paragraph about the year by the local language model, checked (with --year)")
    p.add_argument("--facets", action="store_true",
                   help="add the interest facets that grew or faded against the year before (loads the embeddings:"
                        " seconds; JSON: facets_moved)")
    p.add_argument("--no-llm", action="store_true", help="the paragraph from the template, not the model")
    p.set_defaults(func=cmd_stats)


def cmd_stats(s: Services, a: argparse.Namespace) -> int:
    watches = s.stats.watches()
    stats = s.stats.stats(watches)
    if a.year is not None and a.year not in stats.years:
        known = ", ".join(str(y) for y in stats.year_list()) or "none"
        raise InputError(f"Your history has nothing dated {a.year}.", hint=f"Years with dated entries: {known}.")
    paragraph = None
    if a.paragraph:
        if a.year is None:
            raise InputError("--paragraph is about one year: add --year Y.")
        paragraph = final(s.stats.year_text(a.year, stats=stats, use_llm=not a.no_llm))
    moved: list[FacetMoves] = []
    if a.facets:
        moved = [m for y, kinds in sorted(s.stats.facets_moved(watches).items()) if a.year in (None, y)
                 for k, m in kinds.items() if a.kind in (None, k) and (m.grew or m.faded or a.year is not None)]
    written: list[Path] = []
    if a.out:
        draw = getattr(a, "save_charts", None)  # given by the composition root: drawing needs Qt
        if draw is None:
            raise InputError("Charts cannot be drawn here (no Qt).")
        year = a.year if a.year is not None else (stats.year_list()[-1] if stats.by_year else None)
        written = draw(stats, Path(a.out).expanduser(), year=year, kind=a.kind)
    if a.json:
        data = stats.as_dict(year=a.year, kind=a.kind)
        if a.facets:
            data["facets_moved"] = [m.as_dict() for m in moved]
        if paragraph is not None:
            data["paragraph"] = paragraph.as_dict()
        if written:
            data["charts"] = [str(p) for p in written]
        print_json(data)
        return 0
    _print(stats, a.year, a.kind)
    if a.facets:
        _print_facets(moved)
    if paragraph is not None:
        print()
        print(paragraph.text)
        print(f"[{'language model' if paragraph.path == 'llm' else 'template'}, verified]", file=sys.stderr)
    for path in written:
        print(f"wrote {path}", file=sys.stderr)
    return 0


def _print(stats: Stats, year: int | None, kind: str | None) -> None:
    if not stats.by_year and not any(stats.total.values()):
        print("Your history is empty: import an export first (hearth import FILE).")
        return
    cols = [("films", "film"), ("books", "book")]
    cols = [c for c in cols if kind in (None, c[1])]
    print("year  " + "  ".join(f"{name:>6}" for name, _ in cols))
    for row in stats.by_year:
        if year in (None, row["year"]):
            print(f"{row['year']}  " + "  ".join(f"{row[name]:>6,}" for name, _ in cols))
    print("all   " + "  ".join(f"{stats.total[name]:>6,}" for name, _ in cols))
    undated = [f"{stats.undated[name]:,} {name}" for name, _ in cols if stats.undated[name]]
    if undated:
        print(f"(no date, so in no year: {', '.join(undated)}; counted in all)")
    if year is None:
        return
    for _, k in cols:
        fig = stats.years[year][k]
        if fig.count:
            print()
            _print_year(fig)


def _pairs(pairs: list[tuple[Any, int]], n: int = 5) -> str:
    return ", ".join(f"{name} ({count})" for name, count in pairs[:n]) or "-"


def _print_year(fig: YearKind) -> None:
    what, again = ("Films", "rewatches") if fig.kind == "film" else ("Books", "re-reads")
    print(f"{what} in {fig.year}: {fig.count:,} ({fig.new:,} new, {fig.again:,} {again})")
    print("  by month:  " + " ".join(f"{n:>3}" for n in fig.months))
    if fig.rated and fig.scale:
        dist = " ".join(f"{k}:{v}" for k, v in fig.ratings.items() if v)
        print(f"  ratings:   {fig.rated:,} rated, average {fig.average:.2f} of {fig.scale[1]:g} ({dist})")
        print(f"  highest:   {', '.join(fig.highest)} ({fig.highest_rating:g})")
    print(f"  genres:    {_pairs(fig.genres)}")
    if fig.tags:
        print(f"  tags:      {_pairs(fig.tags)}")
    print(f"  {'directors' if fig.kind == 'film' else 'authors':<10} {_pairs(fig.creators)}")
    print(f"  decades:   {_pairs([(f'{d}s', n) for d, n in fig.decades], 8)}")
    if fig.pages:
        print(f"  pages:     {fig.pages:,}")
    if fig.minutes:
        print(f"  watched:   {runtime_text(fig.minutes)} (the {fig.timed:,} films whose runtime the catalog knows)")
    if fig.longest and fig.shortest:
        size = runtime_text if fig.kind == "film" else (lambda n: f"{n:,} pages")
        print(f"  longest:   {fig.longest[0]} ({size(fig.longest[1])}); shortest: {fig.shortest[0]}"
              f" ({size(fig.shortest[1])})")
    if fig.grew or fig.faded:
        grew = ", ".join(f"{g} {b:.0%}->{a:.0%}" for g, a, b in fig.grew) or "-"
        faded = ", ".join(f"{g} {b:.0%}->{a:.0%}" for g, a, b in fig.faded) or "-"
        print(f"  against {fig.year - 1}: more {grew}; less {faded}")


def _print_facets(moved: list[FacetMoves]) -> None:
    print()
    shown = [m for m in moved if m.grew or m.faded]
    if not shown:
        print("Interest facets: no year moved against the year before (each year needs 3 viewings of a kind).")
        return
    for m in shown:
        what = "films" if m.kind == "film" else "books"
        print(f"Interests in {what}, {m.year} against {m.year - 1}:")
        for name, moves in (("grew", m.grew), ("faded", m.faded)):
            if moves:
                print(f"  {name + ':':<7}" + "; ".join(f"{f.label} {f.share_before:.0%}->{f.share:.0%}" for f in moves))
