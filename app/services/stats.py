"""Your year in books and films: the statistics of the history (app/core/stats.py) and a paragraph about
a year (app/core/year_text.py), written by the local model where it passes the checks, else the template."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from app.core.errors import AppError, InputError
from app.core.progress import CancelToken
from app.core.stats import FacetMoves, Stats, Watch, compute, facets_moved
from app.core.year_text import YearFacts, year_facts, year_text
from app.services.events import Event, Finished, Shown
from app.storage import Store
from app.storage.items import ITEM_COLUMN_COUNT, row_to_item

__all__ = ["StatsService", "YearText"]


@dataclass(frozen=True)
class YearText:
    """The paragraph about one year: its text, who wrote it, and the facts it may say."""

    year: int
    text: str
    path: str  # "llm" (an opening by the model, checked) or "template"
    verified: bool = True
    facts: dict[str, Any] = field(default_factory=dict)
    drafts: tuple[str, ...] = ()  # the model's drafts that failed the checks

    def as_dict(self) -> dict[str, Any]:
        return {"year": self.year, "text": self.text, "path": self.path, "verified": self.verified,
                "drafts": list(self.drafts)}


class StatsService:
    def __init__(self, store: Store, explainer: Any = None) -> None:
        self.store = store
        self.explainer = explainer  # ExplainService: its model and its checks (None: the template only)

    def watches(self) -> list[Watch]:
        """Every viewing of every finished entry. An entry that exports listed viewings of has them (from
        the format that listed the most, so a book in two exports is not read twice); any other entry
        was watched or read once, on its date."""
        n = ITEM_COLUMN_COUNT
        by_item: dict[int, dict[str | None, list[tuple[Any, ...]]]] = defaultdict(lambda: defaultdict(list))
        items: dict[int, Any] = {}
        for row in self.store.history.viewings():
            item_id = int(row[0])
            if item_id not in items:
                items[item_id] = row
            by_item[item_id][row[n + 4]].append(row)
        out: list[Watch] = []
        for item_id, origins in by_item.items():
            first = items[item_id]
            item = row_to_item(first[:n])
            rating, lo, hi, consumed = first[n], first[n + 1], first[n + 2], first[n + 3]
            scale = (float(lo), float(hi)) if lo is not None and hi is not None else None
            listed = {o: rows for o, rows in origins.items() if o is not None}
            if not listed:
                out.append(Watch(item=item, date=_date(consumed), rating=rating, scale=scale))
                continue
            rows = max(listed.items(), key=lambda kv: (len(kv[1]), kv[0]))[1]
            for r in rows:
                own = r[n + 7]
                out.append(Watch(item=item, date=_date(r[n + 5]), rewatch=bool(r[n + 6]),
                                 rating=own if own is not None and scale is not None else rating,
                                 scale=scale, pages=r[n + 8]))
        return out

    def stats(self, watches: list[Watch] | None = None) -> Stats:
        return compute(self.watches() if watches is None else watches)

    def facets_moved(self, watches: list[Watch] | None = None) -> dict[int, dict[str, FacetMoves]]:
        """Per year and kind, the interest facets (the Interests page's, ExplainService.facets()) that grew
        and faded most against the year before. Needs the embeddings and the universe loaded (seconds,
        the first time), so the page and ``hearth stats --facets`` ask for it apart from the figures.
        Empty without an explainer or a history."""
        if self.explainer is None:
            return {}
        facets = self.explainer.facets()
        if not facets:
            return {}
        return facets_moved(self.watches() if watches is None else watches, facets)

    def year_text(self, year: int, *, stats: Stats | None = None, lang: str = "en", use_llm: bool = True,
                  cancel: CancelToken | None = None) -> Iterator[Event]:
        """Events like ExplainService.explain: Shown(text), then Finished(YearText). The paragraph is built
        from the year's figures; the model may write its opening sentence, shown only if it passes the
        same checks as an explanation (every word supported by the year's facts)."""
        stats = stats or self.stats()
        if year not in stats.years:
            known = ", ".join(str(y) for y in stats.year_list()) or "none"
            raise InputError(f"Your history has nothing dated {year}.", hint=f"Years with dated entries: {known}.")
        facts = year_facts(stats, year)
        text, path, drafts = year_text(facts, lang), "template", ()
        if use_llm and not lang.startswith("zh") and self.explainer is not None:
            opening, drafts = self._opening(facts, cancel)
            if opening:
                text, path = f"{opening} {text}", "llm"
        yield Shown(text)
        yield Finished(YearText(year=year, text=text, path=path, facts=facts.as_dict(), drafts=drafts))

    def _opening(self, facts: YearFacts, cancel: CancelToken | None) -> tuple[str, tuple[str, ...]]:
        from app.core.year_text import OPENING, year_evidence, year_prompt

        try:
            return self.explainer.checked_opening(year_prompt(facts), year_evidence(facts), OPENING,
                                                  cancel=cancel, accept=facts.names_the_most)
        except AppError:
            return "", ()


def _date(text: Any) -> str | None:
    return str(text)[:10] if text else None
