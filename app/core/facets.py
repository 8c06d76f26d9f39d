"""Interest facets: the history's embeddings clustered, each cluster named by the genres, tags and creators it
shares (in English and Chinese), with its share of the history and how it changed over time."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace

import numpy as np

from app.core.text import NOT_GENRES, label_key, surname
from app.core.types import Item
from app.core.zh import genre_zh

__all__ = ["RECENT_DAYS", "Facet", "facet_name", "find_facets", "kmeans", "label_text"]


@dataclass(frozen=True)
class Facet:
    """One interest: a cluster of what the person liked, named by the genres, tags and creators most of it
    shares."""

    label: str  # its English name: "Christopher Nolan's sci-fi films (dreams)"; name(lang) in another language
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
    creators: tuple[str, ...] = ()  # the directors or authors in the name ("Christopher Nolan's sci-fi films")
    more_creators: bool = False  # the creators are the facet's most frequent, not most of it ("by A, B and others")
    kind: str = ""  # "book", "film" or "other" when every title is of that kind, else ""
    anchor: str = ""  # where nothing is shared: a title the person rated ("books close to Dune"), or ""
    # Where another facet has the same name in a language ("en", "zh"): one of its titles tells them apart.
    example: str = ""
    example_in: tuple[str, ...] = ()
    # (a facet with neither is of titles the person never rated: "unrated books")

    def name(self, lang: str = "en", *, tags: bool = True) -> str:
        """The facet's name in ``lang`` ("en", "zh_CN"): what its titles share, never a title the person did
        not rate. ``tags=False`` leaves the keywords out (the sentences about time)."""
        return facet_name(self, lang, tags=tags)


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


_NO_CREATOR = {"unknown", "anonymous", "various", "variousauthors", "na", "none"}
RECENT_DAYS = 365


def _coverage(members: Sequence[int] | np.ndarray, items: Sequence[Item],
              w: np.ndarray) -> tuple[Counter, Counter, Counter]:
    """The weighted share of members that have each genre, each tag and each creator (by label_key). A label
    one title alone carries in a facet of several is left out ("dragons" of The Hobbit beside Dune), and so
    are series names among goodbooks' shelves ("Dune Chronicles series")."""
    genres: Counter[str] = Counter()
    tags: Counter[str] = Counter()
    creators: Counter[str] = Counter()
    held: Counter[str] = Counter()
    total = float(w[list(members)].sum()) or 1.0
    for m in members:
        mine_g = {label_key(g) for g in items[m].genres if label_key(g) not in NOT_GENRES}
        mine_t = {label_key(t) for t in items[m].tags if not t.lower().endswith(" series")}
        mine_c = {"@" + k for k in map(label_key, items[m].creators) if k and k not in _NO_CREATOR}
        genres.update({g: w[m] / total for g in mine_g})
        tags.update({t: w[m] / total for t in mine_t})
        creators.update({c: w[m] / total for c in mine_c})
        held.update(mine_g | mine_t | mine_c)
    if len(members) > 1:
        genres = Counter({k: v for k, v in genres.items() if held[k] > 1})
        tags = Counter({k: v for k, v in tags.items() if held[k] > 1})
        creators = Counter({k: v for k, v in creators.items() if held[k] > 1})
    return genres, tags, creators


def _names(items: Sequence[Item]) -> dict[str, str]:
    """label_key -> the name as the catalog writes it (creators' keys start with "@")."""
    out: dict[str, str] = {}
    for it in items:
        for name in (*it.genres, *it.tags):
            out.setdefault(label_key(name), name)
        for name in it.creators:
            out.setdefault("@" + label_key(name), " ".join(name.split()))
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


# -- names -----------------------------------------------------------------------------------
# A facet is named by what its titles share: "Christopher Nolan's sci-fi films", "fantasy and classics",
# "action and adventure films (magic, philosophy)"; where they share nothing, by a title the person rated
# ("books close to Dune"), never by one they only shelved or put on a watchlist.

_KIND_EN = {"book": "books", "film": "films", "other": "titles", "": "titles"}
_KIND_ZH = {"book": "图书", "film": "电影", "other": "作品", "": "作品"}
# Genres that are nouns already ("fantasy and classics", not "classics books"), put last in a name.
_NOUN_GENRES = {label_key(g) for g in ("Classics", "Graphic novels", "Short stories", "Plays", "Poetry",
                                       "Documentary", "Film-Noir", "Mythology")}
# How a genre reads before "films" or "books" ("children's films", "animated films").
_GENRE_EN = {label_key("Children"): "children's", label_key("Animation"): "animated",
             label_key("Documentary"): "documentaries", label_key("Film-Noir"): "film noir"}


def _and_en(parts: Sequence[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def facet_name(f: Facet, lang: str = "en", *, tags: bool = True) -> str:
    """``f``'s name in ``lang``: its creators, genres and kind, then its keywords in brackets; where it has
    none of these, a title the person rated, else "unrated books". In Chinese every frame word is Chinese
    (genres and keywords through genre_zh; a keyword without a Chinese name stays as the catalog writes it)."""
    return _name_zh(f, tags) if lang.startswith("zh") else _name_en(f, tags)


def _name_en(f: Facet, tags: bool) -> str:
    kind = _KIND_EN.get(f.kind, "titles")
    if not (f.genres or f.tags or f.creators):
        return f"{kind} close to {f.anchor}" if f.anchor else f"unrated {kind}"
    genres = [_GENRE_EN.get(label_key(g), g.lower()) for g in f.genres]
    noun = bool(f.genres) and label_key(f.genres[-1]) in _NOUN_GENRES
    what = _and_en(genres) if genres else ""
    if not noun and (f.kind or f.creators or not genres):  # "fantasy books"; "fantasy" for books and films
        what = f"{what} {kind}".strip()
    if f.creators and f.more_creators:
        text = f"{what} by {', '.join(f.creators)} and others"
    elif len(f.creators) > 1:
        text = f"{what} by {_and_en(list(f.creators))}"
    elif f.creators:
        text = f"{f.creators[0]}'s {what}"
    else:
        text = what
    if tags and f.tags:
        text = f"{text} ({', '.join(_tag(t) for t in f.tags)})"
    if "en" in f.example_in:
        text = f"{text} (like {f.example})"
    return text


def _tag(tag: str) -> str:
    """A keyword as the others read: "Magic" beside "philosophy" is "magic" (names of two words keep theirs)."""
    return tag.lower() if " " not in tag.strip() else tag


def _name_zh(f: Facet, tags: bool) -> str:
    kind = _KIND_ZH.get(f.kind, "作品")
    if not (f.genres or f.tags or f.creators):
        return f"与《{f.anchor}》相近的{kind}" if f.anchor else f"未评分的{kind}"
    what = ("、".join(genre_zh(g) for g in f.genres) + "类" if f.genres else "") + kind
    if f.creators and f.more_creators:
        what = f"{'、'.join(f.creators)}等人的{what}"
    elif f.creators:
        what = f"{'和'.join(f.creators)}的{what}"
    # Only keywords with a Chinese name: a Chinese reader saw "（brother brother relationship、father son
    # relationship）" after a Chinese name.
    named = [genre_zh(t) for t in f.tags if genre_zh(t) != t]
    if tags and named:
        what = f"{what}（{'、'.join(named)}）"
    if "zh" in f.example_in:
        what = f"{what}（如《{f.example}》）"
    return what


def _anchor(item: Item) -> str:
    """A title as a facet's name says it: without its subtitle or series."""
    return re.split(r"\s*[:(]", item.title, maxsplit=1)[0].strip() or item.title


def _kind_of(items: Sequence[Item]) -> str:
    kinds = {i.kind for i in items}
    return kinds.pop() if len(kinds) == 1 else ""


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
                dates: Sequence[str | None] | None = None, rated: Sequence[bool] | None = None,
                max_facets: int = 6, per_facet: int = 5, seed: int = 0) -> list[Facet]:
    """Cluster what the person liked (positive weights) into a few facets, each named by the genres, tags
    and creators most of it shares (those it has more than the rest of the history first), with how much of
    the history it holds and, from the dates, whether it grew lately, stayed or belongs to earlier years.
    ``rated`` says which items the person rated (all, if not given): where a facet shares nothing, only one
    of those may name it (a title only shelved or on a watchlist is no taste of theirs)."""
    keep = np.flatnonzero(np.asarray(weights) > 0)
    if not len(keep):
        return []
    x = embeddings[keep].astype(np.float64)
    w = np.asarray(weights, dtype=np.float64)[keep]
    kept = [items[int(k)] for k in keep]
    kept_rated = [bool(rated[int(k)]) for k in keep] if rated is not None else [True] * len(kept)
    k = int(np.clip(round(np.sqrt(len(keep) / 2)), 1, max_facets))
    labels = kmeans(x, k, weights=w, seed=seed)
    groups = []
    for j in np.unique(labels):
        members = np.flatnonzero(labels == j)
        centre = (x[members] * w[members, None]).sum(axis=0)
        centre /= np.linalg.norm(centre) or 1.0
        groups.append(members[np.argsort(-(x[members] @ centre) * w[members], kind="stable")])
    all_genres, all_tags, all_creators = _coverage(range(len(kept)), kept, w)
    names = _names(kept)
    # Name each cluster; clusters given the same name are one interest to a person: merged.
    named: dict[tuple, tuple[_Parts, list[int]]] = {}
    for members in groups:
        parts = _parts(members, kept, kept_rated, w, all_genres, all_tags, all_creators, names)
        shared = tuple(sorted(label_key(n) for n in parts.genres + parts.tags)) + tuple(sorted(parts.creators))
        key = (shared, parts.more) if shared else ("#", parts.anchor)
        if key in named:
            named[key][1].extend(int(m) for m in members)
        else:
            named[key] = (parts, [int(m) for m in members])
    # A cluster named by its creators alone (titles of the person's own carry no genres) is one interest with a
    # cluster of the same creators that has genres: IvanAlba97's Sanderson read in Spanish and the catalog's
    # Sanderson were "Brandon Sanderson's books" and "Brandon Sanderson's fantasy books".
    for key, (parts, members) in list(named.items()):
        if parts.genres or parts.tags or parts.more or not parts.creators:
            continue
        home = next((k for k, (p, _) in named.items() if k != key and p.creators == parts.creators
                     and (p.genres or p.tags)), None)
        if home is not None:
            named[home][1].extend(members)
            del named[key]
    merged = [(p, np.array(m)) for p, m in named.values()]
    kept_dates = [dates[int(k)] for k in keep] if dates is not None else [None] * len(kept)
    trends = _trends([m for _, m in merged], kept_dates)
    recent_total = sum(len(r) for _, r in trends)
    facets = []
    for (parts, members), (trend, recent) in zip(merged, trends):
        # Examples that carry the facet's genres (and one of its creators) first: they are what its name claims.
        wanted, makers = {label_key(g) for g in parts.genres}, {label_key(c) for c in parts.creators}
        has = [wanted <= {label_key(g) for g in kept[m].genres}
               and (not makers or bool(makers & {label_key(c) for c in kept[m].creators})) for m in members]
        chosen = [kept[m] for _, m in sorted(zip([not h for h in has], members), key=lambda t: t[0])]
        years = [y for y in (_year(kept_dates[m]) for m in members) if y]
        facet = Facet(
            label="", items=tuple(chosen[:per_facet]), weight=float(w[members].sum() / w.sum()),
            genres=parts.genres, tags=parts.tags, trend=trend, since=min(years) if years else None,
            last=max(years) if years else None, recent=tuple(kept[m] for m in recent),
            recent_count=recent_total,
            members=tuple(int(i) for i in (kept[m].id for m in members) if i is not None),
            creators=parts.creators, more_creators=parts.more, kind=_kind_of([kept[m] for m in members]),
            anchor=parts.anchor,
        )
        facets.append(facet)
    facets.sort(key=lambda f: -f.weight)
    return [replace(f, label=f.name("en")) for f in _told_apart(facets)]


def _told_apart(facets: list[Facet]) -> list[Facet]:
    """Facets of one name in a language given one of their titles each: two interests read "纯文学、经典类图书"
    (the keyword that told them apart in English, "american", has no Chinese name)."""
    for lang, code in (("en", "en"), ("zh", "zh_CN")):
        names = Counter(f.name(code) for f in facets)
        facets = [replace(f, example=f.example or _anchor(f.items[0]), example_in=(*f.example_in, lang))
                  if names[f.name(code)] > 1 and f.items else f for f in facets]
    return facets


@dataclass(frozen=True)
class _Parts:
    genres: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    creators: tuple[str, ...] = ()
    more: bool = False
    anchor: str = ""


def _parts(members: np.ndarray, kept: Sequence[Item], rated: Sequence[bool], w: np.ndarray, all_genres: Counter,
           all_tags: Counter, all_creators: Counter, names: dict[str, str]) -> _Parts:
    """What one cluster's name says: the genres (nouns last), tags and creators most of it shares; else the
    creators with the most of its titles (two titles at least, a fifth of it together: "by A, B and others");
    else its most typical title the person rated; else nothing ("unrated books")."""
    here_g, here_t, here_c = _coverage(members, kept, w)
    genres = sorted(_pick(here_g, all_genres, floor=0.4, most=2, skip=set()), key=lambda g: g in _NOUN_GENRES)
    creators = _pick(here_c, all_creators, floor=0.4, most=2, skip=set())
    # A tag that is a creator's name says it twice ("J.R.R. Tolkien's fantasy books (tolkien)").
    makers = {label_key(surname(names[c])) for c in creators} | {c[1:] for c in creators}
    tags = _pick(here_t, all_tags, floor=0.3, most=2, skip=set(genres) | makers)
    if genres or tags or creators:
        return _Parts(tuple(names[g] for g in genres), tuple(names[t] for t in tags),
                      tuple(names[c] for c in creators))
    frequent = sorted(here_c.items(), key=lambda t: (-t[1], t[0]))[:2]
    if len(members) > 1 and frequent and sum(v for _, v in frequent) >= 0.2:
        return _Parts(creators=tuple(names[c] for c, _ in frequent), more=True)
    own = next((kept[m] for m in members if rated[m]), None)
    return _Parts(anchor=_anchor(own) if own is not None else "")
