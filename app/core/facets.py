"""Interest facets: the history's embeddings clustered, each cluster named by the genres and tags it shares,
with its share of the history and how it changed over time."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from app.core.text import label_key
from app.core.types import Item

__all__ = ["RECENT_DAYS", "Facet", "find_facets", "kmeans", "label_text"]


@dataclass(frozen=True)
class Facet:
    """One interest: a cluster of what the person liked, named by the genres and tags most of it shares."""

    label: str  # "sci-fi, action (space)": its genres, then its tags
    items: tuple[Item, ...]  # the most representative first
    weight: float  # share of the history's (positive) weight
    genres: tuple[str, ...] = ()  # the genres in the label, as the catalog writes them
    tags: tuple[str, ...] = ()  # the tags in the label
    trend: str = ""  # "recent" (grew in the last year), "steady", "earlier" (nothing lately), "" (too few dates)
    since: int | None = None  # the year of its first dated item
    last: int | None = None  # the year of its latest dated item
    recent: tuple[Item, ...] = ()  # its items of the last year, which back a "recent" trend
    recent_count: int = 0  # all items (of every facet) of the last year: "3 of the 5 you finished"
    members: tuple[int, ...] = ()  # every item's id in the facet (``items`` keeps the most representative)


def kmeans(x: np.ndarray, k: int, *, weights: np.ndarray | None = None, seed: int = 0,
           rounds: int = 50) -> np.ndarray:
    """Weighted spherical k-means with k-means++ seeding; returns each row's cluster."""
    n = len(x)
    k = max(1, min(k, n))
    w = np.ones(n) if weights is None else np.asarray(weights, dtype=np.float64)
    rng = np.random.default_rng(seed)
    centres = [x[int(np.argmax(w))]]
    for _ in range(1, k):
        dist = np.min([1 - x @ c for c in centres], axis=0).clip(min=0) * w
        total = dist.sum()
        pick = int(rng.choice(n, p=dist / total)) if total > 0 else int(rng.integers(n))
        centres.append(x[pick])
    c = np.array(centres)
    labels = np.zeros(n, dtype=np.int64)
    for _ in range(rounds):
        new = np.argmax(x @ c.T, axis=1)
        if _ > 0 and np.array_equal(new, labels):
            break
        labels = new
        for j in range(k):
            members = labels == j
            if members.any():
                centre = (x[members] * w[members, None]).sum(axis=0)
                norm = np.linalg.norm(centre)
                c[j] = centre / norm if norm > 0 else c[j]
    return labels


_SKIP_GENRES = {"imax", "nogenreslisted"}
RECENT_DAYS = 365


def _coverage(members: Sequence[int], items: Sequence[Item], w: np.ndarray) -> tuple[Counter, Counter]:
    """The weighted share of members that have each genre and each tag (by label_key). A label one title
    alone carries in a facet of several is left out ("dragons" of The Hobbit beside Dune), and so are
    series names among goodbooks' shelves ("Dune Chronicles series")."""
    genres: Counter[str] = Counter()
    tags: Counter[str] = Counter()
    held: Counter[str] = Counter()
    total = float(w[list(members)].sum()) or 1.0
    for m in members:
        mine_g = {label_key(g) for g in items[m].genres if label_key(g) not in _SKIP_GENRES}
        mine_t = {label_key(t) for t in items[m].tags if not t.lower().endswith(" series")}
        genres.update({g: w[m] / total for g in mine_g})
        tags.update({t: w[m] / total for t in mine_t})
        held.update(mine_g | mine_t)
    if len(members) > 1:
        genres = Counter({k: v for k, v in genres.items() if held[k] > 1})
        tags = Counter({k: v for k, v in tags.items() if held[k] > 1})
    return genres, tags


def _names(items: Sequence[Item]) -> dict[str, str]:
    """label_key -> the name as the catalog writes it."""
    out: dict[str, str] = {}
    for it in items:
        for name in (*it.genres, *it.tags):
            out.setdefault(label_key(name), name)
    return out


def _pick(here: Counter, everywhere: Counter, *, floor: float, most: int, skip: set[str]) -> list[str]:
    """The labels most of the facet has, those it has more than the rest of the history first."""
    scored = [(c * (1 + max(0.0, c - everywhere[k])), k) for k, c in here.items()
              if c >= floor and k not in skip]
    return [k for _, k in sorted(scored, key=lambda t: (-t[0], t[1]))[:most]]


def label_text(genres: Sequence[str], tags: Sequence[str]) -> str:
    text = ", ".join(g.lower() for g in genres)
    if tags:
        text = f"{text} ({', '.join(tags)})" if text else ", ".join(tags)
    return text


def _close_to(item: Item) -> str:
    """A facet whose titles share no genre (often the person's own, uncatalogued titles)."""
    what = {"book": "books", "film": "films"}.get(item.kind, "titles")
    title = re.split(r"\s*[:(]", item.title, maxsplit=1)[0].strip() or item.title
    return f"{what} close to {title}"


def _year(date: str | None) -> int | None:
    return int(date[:4]) if date and date[:4].isdigit() else None


def _trends(groups: list[np.ndarray], dates: Sequence[str | None]) -> list[tuple[str, tuple[int, ...]]]:
    """Per facet: its trend and its members of the last year (RECENT_DAYS up to the newest date).

    Counting is by titles, so the claim reads as the person can check it: "3 of the 5 books you
    finished in the last year". Needs at least two dated titles before and in that year."""
    parsed = [_parse(d) for d in dates]
    known = [d for d in parsed if d is not None]
    if not known:
        return [("", ())] * len(groups)
    newest = max(known)
    recent = {i for i, d in enumerate(parsed) if d is not None and (newest - d).days < RECENT_DAYS}
    older = {i for i, d in enumerate(parsed) if d is not None} - recent
    out = []
    for members in groups:
        mine_recent = tuple(int(m) for m in members if m in recent)
        mine_older = [m for m in members if m in older]
        trend = ""
        if len(recent) >= 2 and len(older) >= 2:
            r, o = len(mine_recent) / len(recent), len(mine_older) / len(older)
            years = [parsed[m].year for m in members if parsed[m] is not None]
            if len(mine_recent) >= 2 and r >= 2 * o + 0.1:
                trend = "recent"
            elif len(mine_older) >= 2 and not mine_recent and o >= 0.15:
                trend = "earlier"
            elif mine_recent and mine_older and max(years) - min(years) >= 2:
                trend = "steady"
        out.append((trend, mine_recent))
    return out


def _parse(date: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(date[:10]) if date else None
    except ValueError:
        return None


def find_facets(items: Sequence[Item], embeddings: np.ndarray, weights: np.ndarray, *,
                dates: Sequence[str | None] | None = None, max_facets: int = 6, per_facet: int = 5,
                seed: int = 0) -> list[Facet]:
    """Cluster what the person liked (positive weights) into a few facets, each named by the genres and
    tags most of it shares (those it has more than the rest of the history first), with how much of
    the history it holds and, from the dates, whether it grew lately, stayed or belongs to earlier years."""
    keep = np.flatnonzero(np.asarray(weights) > 0)
    if not len(keep):
        return []
    x = embeddings[keep].astype(np.float64)
    w = np.asarray(weights, dtype=np.float64)[keep]
    kept = [items[k] for k in keep]
    k = int(np.clip(round(np.sqrt(len(keep) / 2)), 1, max_facets))
    labels = kmeans(x, k, weights=w, seed=seed)
    groups = []
    for j in np.unique(labels):
        members = np.flatnonzero(labels == j)
        centre = (x[members] * w[members, None]).sum(axis=0)
        centre /= np.linalg.norm(centre) or 1.0
        groups.append(members[np.argsort(-(x[members] @ centre) * w[members], kind="stable")])
    all_genres, all_tags = _coverage(range(len(kept)), kept, w)
    names = _names(kept)
    # Name each cluster; clusters given the same name are one interest to a person: merged.
    named: dict[tuple, tuple[list[str], list[str], list[int]]] = {}
    for n, members in enumerate(groups):
        here_g, here_t = _coverage(members, kept, w)
        genres = _pick(here_g, all_genres, floor=0.4, most=2, skip=set())
        tags = _pick(here_t, all_tags, floor=0.3, most=2, skip=set(genres))
        key = tuple(sorted(genres + tags)) or ("#", n)
        if key in named:
            named[key][2].extend(int(m) for m in members)
        else:
            named[key] = (genres, tags, [int(m) for m in members])
    merged = [(g, t, np.array(m)) for g, t, m in named.values()]
    kept_dates = [dates[k] for k in keep] if dates is not None else [None] * len(kept)
    trends = _trends([m for _, _, m in merged], kept_dates)
    recent_total = sum(len(r) for _, r in trends)
    facets = []
    for (genres, tags, members), (trend, recent) in zip(merged, trends):
        # Examples that carry the facet's genres first: they are what its name claims.
        has = [all(g in {label_key(x) for x in kept[m].genres} for g in genres) for m in members]
        chosen = [kept[m] for _, m in sorted(zip([not h for h in has], members), key=lambda t: t[0])]
        g_names, t_names = tuple(names[g] for g in genres), tuple(names[t] for t in tags)
        label = label_text(g_names, t_names) or _close_to(chosen[0])
        years = [y for y in (_year(kept_dates[m]) for m in members) if y]
        facets.append(Facet(
            label=label, items=tuple(chosen[:per_facet]), weight=float(w[members].sum() / w.sum()),
            genres=g_names, tags=t_names, trend=trend, since=min(years) if years else None,
            last=max(years) if years else None, recent=tuple(kept[m] for m in recent),
            recent_count=recent_total,
            members=tuple(int(i) for i in (kept[m].id for m in members) if i is not None),
        ))
    facets.sort(key=lambda f: -f.weight)
    return facets
