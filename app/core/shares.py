"""A recommendation's score as shares a person can read: what each history item, popularity and their
own feedback make of it, in percent of the whole (the exact terms stay in ``hearth why``)."""

from __future__ import annotations

from dataclasses import dataclass

from app.core.types import Recommendation

__all__ = ["Share", "shares"]


@dataclass(frozen=True, slots=True)
class Share:
    part: str  # "item" (a history item, words typed or pinned), "others", "popularity", "feedback"
    title: str  # the item's title for "item", else ""
    year: int | None
    source: str  # an item's source: "history", "query" or "interest"
    share: float  # signed: -1 to 1, of the sum of the parts' sizes


def shares(rec: Recommendation, top: int = 5) -> list[Share]:
    """The ``top`` largest contributions, then the rest of the history together, popularity and feedback.

    Each is its value over the sum of all the parts' absolute values, so the bars add up to 100% when
    nothing pulls the other way; a dislike that pulls down shows as a negative share. The items come
    largest first, so the first bar is the reason an explanation names first (evidence.prefix_for).
    """
    t = rec.terms
    shown = list(rec.contributions[:top])
    rest = t.content + t.cf - sum(c.contribution for c in shown)
    parts: list[tuple[str, str, int | None, str, float]] = [
        ("item", c.title, c.year, c.source, c.contribution) for c in shown]
    if abs(rest) > 1e-9 * max(1.0, abs(rec.score)):
        parts.append(("others", "", None, "history", rest))
    parts += [("popularity", "", None, "", t.prior), ("feedback", "", None, "", t.feedback)]
    parts = [p for p in parts if p[0] == "item" or abs(p[4]) > 0]
    size = sum(abs(p[4]) for p in parts)
    if size <= 0:
        return []
    out = [Share(part, title, year, source, value / size) for part, title, year, source, value in parts]
    # A title that adds less than half a percent reads "0%" or "−0%": no reason to show it.
    return [s for s in out if s.part != "item" or abs(s.share) >= 0.005]
