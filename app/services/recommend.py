"""Recommending and explaining: the scoring model over everything in the database."""

from __future__ import annotations

import json
import re
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from functools import reduce

import numpy as np

from app.core import ranking, scoring
from app.core.companions import companions_of, is_companion_title, read_keys
from app.core.errors import InputError, NotFound
from app.core.genre_words import NON_FICTION, fiction_named, genre_only, genres_named, keywords_named_zh
from app.core.kind_words import kind_named
from app.core.progress import CancelToken, Progress, no_progress
from app.core.series import Film, Places, range_of
from app.core.text import label_key
from app.core.titles import cjk_only
from app.core.typed import MAX_LIKES, MAX_PINS, typed_text
from app.core.types import HistoryEntry, Item, RankingParams, Recommendation
from app.services.embeddings import EmbeddingService
from app.services.lookup import ItemLookup
from app.services.multilingual import MultilingualSpace, Space
from app.storage import USER_CATALOG, Store

__all__ = ["Asked", "Filters", "RecommendService"]


@dataclass(frozen=True)
class Filters:
    kind: str | None = None
    year_min: int | None = None
    year_max: int | None = None
    catalog: str | None = None
    genre: str | None = None  # a genre or tag, however a catalog spells it ("Sci-Fi", "science fiction")


@dataclass(eq=False)
class _Loaded:
    key: tuple
    universe: scoring.Universe
    catalog_ids: np.ndarray
    kinds: np.ndarray
    years: np.ndarray
    companions: list[tuple[int, str]]  # (item id, title) of books that may be about another book
    # (N,) bool: films known by their title and genres only (fewer than 3 keywords or tags, no overview)
    by_title: np.ndarray
    # (N,) bool: what a history row of such a film keeps no closeness to (_title_pairs_dropped): those films,
    # and books with no shelf tag and no blurb (a book's author, in its text, is closeness to its own kind)
    bare: np.ndarray
    labelled: dict[str, np.ndarray] = field(default_factory=dict)  # a genre's positions (_named_within)
    keywords: set[str] | None = None  # the keywords a request may name (_keywords_named)


ASKED_NEIGHBOURS = 2000  # items a typed text reaches: enough for a filtered list (books only, one decade)
NAMED_AT_LEAST = 30  # items a request's named genres must have together to narrow its neighbours to them
# ... and its named keywords, a subject it asks for: "关于育儿的书" (books about parenting) names the 19 books
# tagged parenting, and among the catalog's books the multilingual model read 育儿 as picture books.
NAMED_KEYWORD_AT_LEAST = 15
KEYWORD_ITEMS = 20  # items a keyword must be on for a request to name it
# Keywords that name no subject: a request's own frame words ("a good book", "a classic film").
_NO_KEYWORDS = frozenset({"book", "books", "film", "movie", "novel", "story", "classic", "good", "great", "best",
                          "favorite", "favourite", "fiction", "series", "read", "watch", "want", "like", "new"})
# What is kept of the spread of a genre-only request's closeness to its genre's items (_flat_where_genre_only).
FLAT_SPREAD = 0.2
BY_TITLE = 0.8  # share of a typed text's closeness to a film known only by its title (_title_discounted)


@dataclass(frozen=True)
class Asked:
    """A text the person asked with: typed for this list ("query") or pinned ("interest")."""

    text: str
    source: str = "query"


def _title_discounted(loaded: _Loaded, rows: scoring.SparseRows) -> scoring.SparseRows:
    """Rows of a typed text with a film known only by its title and genres counting BY_TITLE of its
    closeness: that closeness is its title's words ("Heima", a concert film, came second for "a heist
    film with car chases", "Kidnapping Mr. Heineken" fifth)."""
    thin = loaded.by_title[rows.positions]
    if not thin.any():
        return rows
    values = np.where(thin, rows.values * BY_TITLE, rows.values).astype(np.float32)
    return scoring.SparseRows(offsets=rows.offsets, positions=rows.positions, values=values)


def _title_pairs_dropped(loaded: _Loaded, positions: np.ndarray, rows: scoring.SparseRows) -> scoring.SparseRows:
    """History rows (at universe ``positions``) with no pair of items both known only by their titles: the
    closeness of "情书 (1995)", an own item of a Douban export, to "Let It Be Me (1995)", a catalog film with
    no genre, is the words of two titles, and dozens of such own items made Let It Be Me third (and films
    of a thriller's genres brought thrillers with Arabic titles for books)."""
    thin_row = loaded.by_title[positions]
    if not thin_row.any():
        return rows
    return rows.kept(~(thin_row[rows.row_of_entry] & loaded.bare[rows.positions]))


def _asked_weights(evidence: scoring.Evidence, params: RankingParams, n: int) -> np.ndarray:
    """Each of n asked texts' weight: together query_share of the positive evidence, 1.0 with none."""
    positive = float(np.clip(evidence.weights, 0, None).sum())
    share = min(max(params.query_share, 0.0), 0.95)
    total = positive * share / (1 - share) if positive > 0 else 1.0
    return np.full(n, max(total, 1.0 if positive == 0 else 0.0) / n)


def _plus_asked(loaded: _Loaded, evidence: scoring.Evidence, weights: np.ndarray, vectors: np.ndarray,
                rows: scoring.SparseRows | None) -> scoring.Evidence:
    """The evidence with the asked texts as its last rows: their weights, vectors and text rows (None in
    the dense mode), no co-liked row."""
    dim = loaded.universe.embeddings.shape[1]
    text = _stack(evidence.text, _title_discounted(loaded, rows)) if evidence.text is not None and rows is not None \
        else None
    return scoring.Evidence(
        weights=np.concatenate([evidence.weights, weights]),
        embeddings=np.concatenate([evidence.embeddings.reshape(-1, dim), vectors]).astype(np.float32),
        text=text, cf=_stack(evidence.cf, scoring.SparseRows.empty(len(weights))),
        mainstream=evidence.mainstream, asked=evidence.asked + len(weights),
        kinds=None if evidence.kinds is None else np.concatenate([evidence.kinds, np.full(len(weights), -1, np.int8)]))


def _neighbours(matrix: np.ndarray, queries: np.ndarray, within: Sequence[np.ndarray | None], *,
                k: int) -> scoring.SparseRows:
    """Each query's k nearest rows of the matrix, among the positions ``within`` it where given."""
    rows: list[tuple[np.ndarray, np.ndarray]] = []
    for r, positions in enumerate(within):
        if positions is None:
            found = scoring.text_neighbours(matrix, queries[r : r + 1], k=k)
            rows.append((found.positions, found.values))
        else:
            found = scoring.text_neighbours(matrix[positions], queries[r : r + 1], k=k)
            rows.append((positions[found.positions], found.values))
    return scoring.SparseRows.from_lists(rows)


def _flat_where_genre_only(rows: scoring.SparseRows, asked: Sequence[Asked],
                           within: Sequence[np.ndarray | None]) -> scoring.SparseRows:
    """The rows of texts that name a genre and nothing more ("科幻小说", "a horror movie") with their closeness to
    the genre's items drawn in to its mean (FLAT_SPREAD of the spread kept): the words say nothing to order them
    by, so the person's history and how well known each is do (their nearness put Star Wars tie-ins first)."""
    flat = [within[j] is not None and genre_only(a.text) for j, a in enumerate(asked)]
    if not any(flat):
        return rows
    values = rows.values.copy()
    for j, yes in enumerate(flat):
        span = slice(rows.offsets[j], rows.offsets[j + 1])
        if yes and span.stop > span.start:
            values[span] = values[span].mean() + FLAT_SPREAD * (values[span] - values[span].mean())
    return replace(rows, values=values)


def _stack(a: scoring.SparseRows, b: scoring.SparseRows) -> scoring.SparseRows:
    """The rows of ``a`` then those of ``b``."""
    offsets = np.concatenate([a.offsets, a.offsets[-1] + b.offsets[1:]])
    return scoring.SparseRows(offsets=offsets, positions=np.concatenate([a.positions, b.positions]),
                              values=np.concatenate([a.values, b.values]))


def _as_named(entry: HistoryEntry) -> Item:
    """A history item as the reasons name it: by the Chinese (Japanese, Korean) title its file gave, where it
    matched a catalog item of another ("因为你很喜欢《龙猫》", not My Neighbor Totoro, which that reader never
    saw written); the catalog's title otherwise."""
    if entry.file_title and cjk_only(entry.file_title):
        return replace(entry.item, title=entry.file_title)
    return entry.item


def _prior(popularity: np.ndarray, catalog_ids: np.ndarray) -> np.ndarray:
    """The popularity prior, scaled within each catalog."""
    prior = np.zeros(len(popularity), dtype=np.float32)
    for cat in np.unique(catalog_ids):
        mask = catalog_ids == cat
        prior[mask] = scoring.popularity_prior(popularity[mask])
    return prior



class RecommendService:
    def __init__(
        self,
        store: Store,
        embeddings: EmbeddingService,
        lookup: ItemLookup,
        params: Callable[[], RankingParams],
    ) -> None:
        self.store = store
        self.embeddings = embeddings
        self.lookup = lookup
        self._params = params
        self._loaded: _Loaded | None = None
        self._universe_lock = threading.Lock()
        self._text_rows = scoring.TextRows()
        self.multilingual = MultilingualSpace(store, embeddings)

    def params(self) -> RankingParams:
        return self._params()

    # -- the universe of rankable items -----------------------------------------------

    def _state_key(self) -> tuple:
        return (self.embeddings.model_id, *self.store.items.generation())

    def universe(self, *, progress: Progress = no_progress, cancel: CancelToken | None = None) -> _Loaded:
        """Every item with its embedding; embeds what the cache lacks (and only that)."""
        with self._universe_lock:  # both GUI lanes may ask at once: build it once
            return self._universe(progress, cancel)

    def _universe(self, progress: Progress, cancel: CancelToken | None) -> _Loaded:
        key = self._state_key()
        if self._loaded is not None and self._loaded.key == key:
            return self._loaded
        rows = self.store.items.universe_rows()
        matrix, missing = self.store.embeddings.item_matrix(self.embeddings.model_id)
        if missing:
            items = list(self.store.items.get_many(missing).values())
            self.embeddings.embed_items(items, progress=progress, cancel=cancel)
            matrix, missing = self.store.embeddings.item_matrix(self.embeddings.model_id)
        titles = self.store.items.titles()
        names = {i: (t, *json.loads(alt or "[]")) for i, t, _, _, alt in titles}
        films, labels = {i: (t, y) for i, t, y, kind, _ in titles if kind == "film"}, self.store.items.film_labels()
        universe = scoring.Universe(
            item_ids=rows.ids,
            embeddings=np.ascontiguousarray(matrix, dtype=np.float32),
            prior=_prior(rows.popularity, rows.catalog_ids),
            counts=rows.popularity.astype(np.float32),
            places=Places.of([names.get(int(i), ()) for i in rows.ids], rows.popularity,
                             films=[Film(*films[int(i)], *labels[int(i)]) if int(i) in labels else None
                                    for i in rows.ids]),
            kinds=scoring.kind_codes(rows.kinds),
        )
        companions = [(i, t) for i, t, _, kind, _ in titles if kind == "book" and is_companion_title(t)]
        by_title = np.isin(rows.ids, self.store.items.films_known_by_title())
        bare_books = np.isin(rows.ids, self.store.items.books_known_by_title())
        self._loaded = _Loaded(key, universe, rows.catalog_ids, rows.kinds, rows.years, companions, by_title,
                               by_title | bare_books)
        self._text_rows.clear()
        self.multilingual.warm(key, rows.ids, rows.catalog_ids, self.store.interests.texts()[:MAX_PINS])
        return self._loaded

    def space(self, loaded: _Loaded) -> Space | None:
        """The universe's vectors from the multilingual model (app/services/multilingual.py), or None."""
        return self.multilingual.space(loaded.key, loaded.universe, loaded.catalog_ids)

    def _positions(self, loaded: _Loaded, item_ids: Sequence[int]) -> np.ndarray:
        ids = np.asarray(item_ids, dtype=np.int64)
        pos = np.searchsorted(loaded.universe.item_ids, ids)
        pos = np.minimum(pos, len(loaded.universe) - 1)
        if len(ids) and not np.all(loaded.universe.item_ids[pos] == ids):
            raise NotFound("Some items of the history are missing from the database.")
        return pos

    # -- the person's evidence ----------------------------------------------------------

    def _evidence(
        self, loaded: _Loaded, params: RankingParams, asked: Sequence[Asked] = (),
        within: Sequence[np.ndarray | None] = (),
    ) -> tuple[scoring.Evidence, list[Item], set[int], dict[int, set[str]]]:
        entries = self.store.history.entries()
        feedback: dict[int, set[str]] = {}
        for item_id, kind in self.store.feedback.all():
            feedback.setdefault(item_id, set()).add(kind)
        # Everything the history holds or names (other editions, the candidates of an ambiguous row), and
        # the plays, companions and guides of the books it holds.
        consumed = {e.item.id for e in entries if e.item.id is not None} | self.store.history.named_ids()
        consumed |= set(self._companions(loaded, entries)) | self._omnibus_parts(loaded, entries)
        consumed |= self._omnibuses_holding(loaded, consumed)
        liked = [i for i, k in feedback.items() if "like" in k and i not in consumed]
        disliked = [i for i, k in feedback.items() if "dislike" in k and i not in consumed]
        # What the person means to read or watch says what they like, if less than what they did.
        saved = [i for i, k in feedback.items() if k == {"saved"} and i not in consumed] if params.saved_weight else []
        # What an imported file liked (seen) or saved for later is evidence, above, and no discovery: it is
        # in the file already. A like or a save given in the app keeps its title in the list.
        consumed |= self._imported()
        extra_items = self.store.items.get_many(liked + disliked + saved)
        items = [_as_named(e) for e in entries] + [extra_items[i] for i in liked + disliked + saved]
        ids = [it.id for it in items]
        weights = scoring.evidence_weights(
            entries,
            params=params,
            extra=[params.like_weight] * len(liked) + [-params.dislike_weight] * len(disliked)
            + [params.saved_weight] * len(saved),
        )
        ratings = [e.rating_norm for e in entries] + [None] * (len(ids) - len(entries))
        evidence = self._item_evidence(loaded, ids, weights, params, ratings)
        if asked:
            evidence = self._with_asked(loaded, evidence, asked, params, within or [None] * len(asked))
            items += [Item(id=-(j + 1), title=a.text, kind=a.source) for j, a in enumerate(asked)]
        return evidence, items, consumed, feedback

    def _item_evidence(self, loaded: _Loaded, ids: Sequence[int | None], weights: np.ndarray,
                       params: RankingParams, ratings: Sequence[float | None] = ()) -> scoring.Evidence:
        """The rows of evidence of these items: vectors, text neighbours (kept in the database once
        computed: a 3,000-entry history costs ~0.6 s the first time only) and the catalogs' co-liked rows."""
        k = scoring.neighbours_for(params, len(ids))
        load, save = self._text_store(loaded, k)
        positions = self._positions(loaded, ids)
        evidence = ranking.item_evidence(loaded.universe, positions, weights, params, cf=self._cf_rows(loaded, ids),
                                         text_rows=self._text_rows, load=load, save=save, ratings=ratings)
        own = (self.multilingual.own_routed(loaded.key, loaded.universe.item_ids, loaded.catalog_ids)
               if self.multilingual.available else np.zeros(0, np.int64))
        if np.isin(positions, own).any():
            # The person's own items in Chinese (or another script the English model cannot read): their
            # neighbours come from the multilingual space.
            load, save = self._text_store(loaded, k, model=self.embeddings.multilingual_model_id)
            evidence = self.multilingual.own_evidence(self.space(loaded), loaded.universe, positions, evidence, k=k,
                                                      load=load, save=save)
        if evidence.text is None:
            return evidence
        return replace(evidence, text=_title_pairs_dropped(loaded, positions, evidence.text))

    def _with_asked(self, loaded: _Loaded, evidence: scoring.Evidence, asked: Sequence[Asked],
                    params: RankingParams, within: Sequence[np.ndarray | None]) -> scoring.Evidence:
        """The history's evidence with what the person asked for as more rows: each text embedded, with
        its ASKED_NEIGHBOURS nearest items (among ``within`` it where given: the genres it names), no
        co-liked row, and together query_share of the positive weight (all of it with an empty history)."""
        space = self.space(loaded) if any(self.embeddings.routes(a.text) for a in asked) else None
        routed = [self.multilingual.reads(a.text, space) for a in asked]
        if any(routed):
            assert space is not None
            return self._with_asked_routed(loaded, evidence, asked, params, routed, space, within)
        q = self.embeddings.embed_query([a.text for a in asked])
        rows = (_flat_where_genre_only(_neighbours(loaded.universe.embeddings, q, within, k=ASKED_NEIGHBOURS),
                                       asked, within) if evidence.text is not None else None)
        return _plus_asked(loaded, evidence, _asked_weights(evidence, params, len(asked)), q, rows)

    def _with_asked_routed(self, loaded: _Loaded, evidence: scoring.Evidence, asked: Sequence[Asked],
                           params: RankingParams, routed: list[bool], space: Space,
                           within: Sequence[np.ndarray | None]) -> scoring.Evidence:
        """``_with_asked`` where some texts are read by the multilingual model: their rows are their nearest
        items in its space (the rest as before), their vectors English-space stand-ins (the dense mode's)."""
        dim = loaded.universe.embeddings.shape[1]
        q = np.zeros((len(asked), dim), dtype=np.float32)
        english = [j for j, r in enumerate(routed) if not r]
        other = [j for j, r in enumerate(routed) if r]
        sparse = evidence.text is not None
        rows: list[tuple[np.ndarray, np.ndarray]] = [(np.zeros(0, np.int64), np.zeros(0, np.float32))] * len(asked)
        if english:
            q[english] = self.embeddings.embed_query([asked[j].text for j in english])
            if sparse:
                found = _neighbours(loaded.universe.embeddings, q[english],
                                    [within[j] for j in english], k=ASKED_NEIGHBOURS)
                for r, j in enumerate(english):
                    span = slice(found.offsets[r], found.offsets[r + 1])
                    rows[j] = (found.positions[span], found.values[span])
        bridged, found = self.multilingual.asked(space, loaded.universe, [asked[j].text for j in other],
                                                 k=ASKED_NEIGHBOURS if sparse else None,
                                                 within=[within[j] for j in other])
        q[other] = bridged
        if found is not None:
            for r, j in enumerate(other):
                span = slice(found.offsets[r], found.offsets[r + 1])
                rows[j] = (found.positions[span], found.values[span])
        return _plus_asked(loaded, evidence, _asked_weights(evidence, params, len(asked)), q,
                           _flat_where_genre_only(scoring.SparseRows.from_lists(rows), asked, within)
                           if sparse else None)

    def _named_within(self, loaded: _Loaded, text: str, allowed: np.ndarray) -> np.ndarray | None:
        """The positions of the items a text asks for by the genres and keywords it names, among those the
        filters allow: those with every genre it names ("a funny horror film": comedy horror) and one of its
        keywords ("a heist film with car chases": heist, car chase), else those genres alone, else those
        keywords alone, else any of the genres; None (all of them) where none is named or too few such items
        (NAMED_AT_LEAST) are left. Words that ask for fiction ("a war novel", 小说) leave out non-fiction
        (a war novel listed five history books)."""
        genres, fiction = genres_named(text), fiction_named(text)
        named_genres = {label_key(g) for g in genres}
        keywords = [k for k in self._keywords_named(loaded, text) if k not in named_genres]
        if not genres and not fiction and not keywords:
            return None
        if fiction:
            allowed = allowed.copy()
            allowed[self.labelled(loaded, NON_FICTION)] = False
        each = [p[allowed[p]] for p in (self.labelled(loaded, (g,)) for g in genres)]
        both = reduce(np.intersect1d, each) if each else np.flatnonzero(allowed)
        named = self.labelled(loaded, keywords) if keywords else None
        tries = [np.intersect1d(both, named) if named is not None else both, both if each else None,
                 np.intersect1d(np.flatnonzero(allowed), named) if named is not None else None,
                 reduce(np.union1d, each) if each else None]
        # A subject alone may narrow to fewer items than a genre; with a genre it narrows as far as a genre
        # ("a warm family film": the Children films, not the 20 of them tagged family, Richie Rich and Beethoven).
        least = [NAMED_AT_LEAST if each else NAMED_KEYWORD_AT_LEAST, NAMED_AT_LEAST, NAMED_KEYWORD_AT_LEAST,
                 NAMED_AT_LEAST]
        if not genres and not keywords:
            tries = [both]
        for positions, at_least in zip(tries, least):
            if positions is not None and len(positions) >= at_least:
                return positions
        return None

    def _keywords_named(self, loaded: _Loaded, text: str) -> list[str]:
        """The catalogs' keywords (tags on at least KEYWORD_ITEMS items) that the text's words name, one to three
        words long, plurals aside: "car chases" names car chase."""
        if loaded.keywords is None:
            loaded.keywords = {k for k, n in self.store.items.tag_counts().items()
                               if n >= KEYWORD_ITEMS and k not in _NO_KEYWORDS}
        words = [w[:-1] if len(w) > 3 and w.endswith("s") else w for w in re.findall(r"[a-z0-9]+", text.casefold())]
        found, used = [], set()
        for n in (3, 2, 1):  # the longest first: "car chases" names car chase, not car and chase as well
            for i in range(len(words) - n + 1):
                gram = "".join(words[i:i + n])
                if gram in loaded.keywords and not used & set(range(i, i + n)):
                    found.append(gram)
                    used |= set(range(i, i + n))
        found += [k for k in keywords_named_zh(text) if k in loaded.keywords]
        return sorted(set(found))

    def labelled(self, loaded: _Loaded, labels: Sequence[str]) -> np.ndarray:
        """The positions of the items with any of these genres or tags (kept with the universe)."""
        for label in labels:
            if label not in loaded.labelled:
                ids = np.fromiter(self.store.items.ids_labelled(label), dtype=np.int64)
                loaded.labelled[label] = np.flatnonzero(np.isin(loaded.universe.item_ids, ids))
        return reduce(np.union1d, [loaded.labelled[label] for label in labels])

    def _cf_rows(self, loaded: _Loaded, ids: Sequence[int | None]) -> scoring.SparseRows:
        """Row h of the catalogs' B for each history item, as universe positions (one lookup for all)."""
        found = self.store.items.weights_from([int(i or 0) for i in ids])
        empty = (np.zeros(0, np.int64), np.zeros(0, np.float32))
        rows = [found.get(int(i or 0), empty) for i in ids]
        flat = scoring.SparseRows.from_lists(rows)
        return scoring.SparseRows(offsets=flat.offsets, positions=self._positions(loaded, flat.positions),
                                  values=flat.values)

    def _text_store(self, loaded: _Loaded, k: int, *, model: str | None = None) -> tuple[
            Callable[[list[int]], scoring.RowMap], Callable[[scoring.RowMap], None]]:
        """Loading and saving the history items' k text neighbours (by ``model``: the embedding model's
        by default) in the database."""
        ids = loaded.universe.item_ids
        model = model or self.embeddings.model_id

        def load(todo: list[int]) -> scoring.RowMap:
            out: scoring.RowMap = {}
            stored = self.store.embeddings.text_rows(model, k, ids[todo].tolist())
            for p in todo:
                found = stored.get(int(ids[p]))
                if found is not None:
                    at = np.searchsorted(ids, found[0]).clip(max=len(ids) - 1)
                    keep = ids[at] == found[0]  # an item deleted since is dropped
                    out[p] = (at[keep], found[1][keep])
            return out

        def save(rows: scoring.RowMap) -> None:
            self.store.embeddings.put_text_rows(model, k, {int(ids[p]): (ids[n], v) for p, (n, v) in rows.items()})

        return load, save

    # -- use cases -----------------------------------------------------------------------

    def recommend(
        self,
        *,
        k: int = 10,
        filters: Filters = Filters(),
        diversity: float = 0.0,
        top_contributions: int = 3,
        like: Sequence[str] = (),
        progress: Progress = no_progress,
        cancel: CancelToken | None = None,
    ) -> list[Recommendation]:
        """The top k; ``like`` are texts the person typed ("dark science fiction with a twist"), which
        count with their pinned interests as more evidence (query_share of it). Where ``filters`` name no kind
        and the typed words name one ("a heist film"), only that kind is listed."""
        if k < 1:
            raise InputError("Ask for at least one recommendation.", command="-k 1 or more.")
        if not 0.0 <= diversity <= 1.0:
            raise InputError("Diversity must be between 0 and 1.")
        if filters.kind is None:  # "a heist film", "关于友谊的小说": the kind the words name, if only one
            filters = replace(filters, kind=kind_named(like))
        return self._run(k=k, filters=filters, diversity=diversity, only=None,
                         top_contributions=top_contributions, asked=self.asked(like), progress=progress,
                         cancel=cancel)

    def mainstream(self) -> tuple[float, int]:
        """How the person's ratings follow the popularity of what they rated (scoring.mainstream, in
        [-1, 1]), and over how many rated catalog items."""
        loaded = self.universe()
        rated = [(e.item.id, e.rating_norm) for e in self.store.history.entries()
                 if e.rating_norm is not None and e.item.id is not None]
        pos = self._positions(loaded, [i for i, _ in rated]) if rated else np.zeros(0, np.int64)
        value = ranking.mainstream_of(loaded.universe, pos, [r for _, r in rated])
        counts = loaded.universe.counts
        return value, sum(1 for p in pos.tolist() if counts is None or counts[p] > 0)

    def asked(self, like: Sequence[str] = ()) -> list[Asked]:
        """This request's texts, then the pinned interests (each once; the first MAX_PINS)."""
        texts = [t for t in (typed_text(t, "What you asked for") for t in like if t) if t]
        if len(texts) > MAX_LIKES:
            raise InputError(f"That is {len(texts)} --like texts: give at most {MAX_LIKES}.")
        out = [Asked(t, "query") for t in dict.fromkeys(texts)]
        out += [Asked(t, "interest") for t in self.store.interests.texts()[:MAX_PINS] if t not in texts]
        return out

    def asked_notice(self, like: Sequence[str] = ()) -> str:
        """What to say when the embedding model cannot read the words asked for ("" if it can)."""
        asked = self.asked(like)
        if not asked:
            return ""
        space = self.space(self.universe()) if any(self.embeddings.routes(a.text) for a in asked) else None
        return self.embeddings.query_notice([a.text for a in asked if not self.multilingual.reads(a.text, space)])

    def more_like(self, item_id: int, *, k: int = 10) -> list[Recommendation]:
        """Items like one item: the engine with that item as the whole history."""
        params = self._params()
        loaded = self.universe()
        item = self.store.items.get(item_id)
        if item is None:
            raise NotFound(f"Item {item_id} does not exist.")
        evidence = self._item_evidence(loaded, [item_id], np.ones(1), params)
        consumed = self.store.history.item_ids() | self.store.history.named_ids() | {item_id}
        consumed |= self._imported()
        entries = self.store.history.entries()
        consumed |= set(self._companions(loaded, entries)) | self._omnibus_parts(loaded, entries)
        consumed |= self._omnibuses_holding(loaded, consumed)
        candidates, _ = self._candidates(loaded, Filters(kind=item.kind), consumed, {}, params)
        return ranking.recommend(loaded.universe, evidence, [item], params, items=self._items_at(loaded),
                                 candidates=candidates, k=k, top_contributions=1)

    def why(
        self, query: str, *, like: Sequence[str] = (), progress: Progress = no_progress,
        cancel: CancelToken | None = None,
    ) -> Recommendation:
        """The full attribution of one item's score."""
        item = self.lookup.find(query)
        if item.id in self.store.history.item_ids() | self.store.history.named_ids():
            raise InputError(
                f"{item.label} is in your history (or another edition of it is), so it is not recommended.",
                hint="Remove it from the history to see its score.", command="hearth history remove TITLE",
            )
        found = self._run(k=1, filters=Filters(), diversity=0.0, only=[int(item.id or 0)],
                          top_contributions=None, asked=self.asked(like), progress=progress, cancel=cancel)
        return found[0]

    def _run(
        self,
        *,
        k: int,
        filters: Filters,
        diversity: float,
        only: list[int] | None,
        top_contributions: int | None,
        asked: Sequence[Asked],
        progress: Progress,
        cancel: CancelToken | None,
    ) -> list[Recommendation]:
        marks = ("like", "dislike", "saved") if self._params().saved_weight else ("like", "dislike")
        if self.store.history.count() == 0 and not asked and not any(
            kind in marks for _, kind in self.store.feedback.all()
        ):
            raise NotFound(
                "Your history is empty, so there is nothing to base recommendations on.",
                hint="Add something you loved, import an export file, or say what you are in the mood for.",
                command='hearth history add "The Matrix (1999)" --rating 5, hearth import FILE, or'
                ' hearth recommend --like "dark science fiction with a twist".',
                zh="你的历史记录是空的，所以还没有可以依据的推荐。",
                zh_hint="添加一部你喜欢的作品、导入一份导出文件，或者说说你想看什么。",
            )
        params = self._params()
        loaded = self.universe(progress=progress, cancel=cancel)
        allowed = self.allowed(loaded, filters)
        within = [self._named_within(loaded, a.text, allowed) for a in asked]
        evidence, evidence_items, consumed, feedback = self._evidence(loaded, params, asked, within)
        candidates, bonus = self._candidates(loaded, filters, consumed, feedback, params, allowed=allowed)
        if only is None:  # "a war film": war films, as the kind a request names lists that kind
            for a, positions in zip(asked, within):
                if a.source == "query" and positions is not None:
                    named = np.zeros_like(candidates)
                    named[positions] = True
                    candidates &= named
        only_pos = None
        if only is not None:
            only_pos = self._positions(loaded, only)
            if not candidates[only_pos].all():
                if set(only) & self._imported():
                    raise InputError("That one is in an export you imported (liked, or saved for later), so it is"
                                     " not recommended: it is no discovery.",
                                     zh="它在你导入的导出文件里（喜欢过，或想看/想读），所以不推荐：那算不上新发现。")
                if set(only) & consumed:  # not in the history (why() says so first): a companion of a book read
                    raise InputError("That book is about a book you read (its play, companion, guide or summary),"
                                     " or one of them is in the other (an omnibus), so it is not recommended.",
                                     zh="这本书是关于你读过的一本书的（剧本、伴读、指南或摘要），或者两者中的一本收录了另一本"
                                        "（合集），所以不推荐。")
                if np.isin(only_pos, self._out_of_order(loaded)).any():
                    raise InputError("That book comes later in a series you have not started, so it is not"
                                     " recommended: the series' first book is.",
                                     zh="这本书是你还没开始读的系列中靠后的一本，所以不推荐：推荐的是系列的第一本。")
                raise InputError("That item is marked not interested or disliked, so it is not ranked.",
                                 hint="Clear the feedback to see its score.",
                                 zh="这个条目被标记为不感兴趣或不喜欢，所以不参与排名。",
                                 zh_hint="清除这个标记即可看到它的得分。")
        return ranking.recommend(loaded.universe, evidence, evidence_items, params, items=self._items_at(loaded),
                                 candidates=candidates, feedback=bonus, k=k, diversity=diversity, only=only_pos,
                                 top_contributions=top_contributions)

    def _imported(self) -> set[int]:
        """Items an imported file liked or saved for later (not history, yet in the file), and what their rows
        name besides them: "La batalla del laberinto", to read, kept The Battle of the Labyrinth third."""
        imported = self.store.feedback.imported("like", "saved")
        return imported | self.store.history.names_of(imported)

    def _out_of_order(self, loaded: _Loaded) -> np.ndarray:
        """The later books of the series the history has none of (series.Places.out_of_order). Only what
        the history holds or names starts a series: book 1 saved for later does not bring book 4."""
        places = loaded.universe.places
        if places is None:
            return np.zeros(0, dtype=np.int64)
        held = self.store.history.item_ids() | self.store.history.named_ids()
        return places.out_of_order(self._positions(loaded, sorted(held)))

    def _items_at(self, loaded: _Loaded) -> Callable[[list[int]], dict[int, Item]]:
        """The database's items at universe positions."""
        def items(positions: list[int]) -> dict[int, Item]:
            ids = [int(loaded.universe.item_ids[p]) for p in positions]
            found = self.store.items.get_many(ids)
            return {p: found[i] for p, i in zip(positions, ids)}
        return items

    def _candidates(
        self,
        loaded: _Loaded,
        filters: Filters,
        consumed: set[int],
        feedback: dict[int, set[str]],
        params: RankingParams,
        allowed: np.ndarray | None = None,
    ) -> tuple[np.ndarray, np.ndarray]:
        n = len(loaded.universe)
        mask = self.allowed(loaded, filters) if allowed is None else allowed.copy()
        # The person's own items (titles no catalog knows) are what they imported: read, abandoned or
        # already on their to-read list. A recommendation is a discovery from the catalogs.
        own = self.store.items.catalog_id(USER_CATALOG)
        if own is not None:
            mask &= loaded.catalog_ids != own
        # Disliked items go too (they also count against similar items, as evidence).
        excluded = [*consumed, *(i for i, k in feedback.items() if k & {"not_interested", "dislike"})]
        if excluded:
            mask[self._positions(loaded, excluded)] = False
        mask[self._out_of_order(loaded)] = False
        bonus = np.zeros(n, dtype=np.float64)
        for item_id, kinds in feedback.items():
            term = (params.like_bonus * ("like" in kinds) + params.saved_bonus * ("saved" in kinds)) * params.tau
            if term:
                bonus[self._positions(loaded, [item_id])[0]] = term
        return mask, bonus

    @staticmethod
    def _omnibus_parts(loaded: _Loaded, entries: Sequence[HistoryEntry]) -> set[int]:
        """The books an omnibus the history holds is made of: "1Q84 #1-2" read, 1Q84 BOOK 2 is not recommended."""
        places = loaded.universe.places
        if places is None:
            return set()
        out: set[int] = set()
        for e in entries:
            found = range_of([e.item.title, *e.item.alt_titles]) if e.item.kind == "book" else None
            if found is not None:
                out |= {int(loaded.universe.item_ids[p]) for p in places.within(*found)}
        return out

    def _omnibuses_holding(self, loaded: _Loaded, consumed: set[int]) -> set[int]:
        """The omnibuses that hold a book the history holds or names (series.Places.holding)."""
        places = loaded.universe.places
        if places is None or not places.omnibuses or not consumed:
            return set()
        ids = np.asarray(sorted(consumed), dtype=np.int64)
        found = places.holding(self._positions(loaded, ids[np.isin(ids, loaded.universe.item_ids)]))
        return {int(loaded.universe.item_ids[p]) for p in found}

    @staticmethod
    def _companions(loaded: _Loaded, entries: Sequence[HistoryEntry]) -> list[int]:
        """Books about the books the person read ("Mort: The Play"), and devices' manuals."""
        read = read_keys(e.item.title for e in entries if e.item.kind == "book")
        return companions_of(loaded.companions, read)

    def allowed(self, loaded: _Loaded, filters: Filters) -> np.ndarray:
        """The universe positions the filters let through (kind, years, catalog, genre or tag)."""
        mask = np.ones(len(loaded.universe), dtype=bool)
        if filters.kind:
            mask &= loaded.kinds == filters.kind
        if filters.year_min is not None:
            mask &= loaded.years >= filters.year_min
        if filters.year_max is not None:
            mask &= loaded.years <= filters.year_max
        if filters.catalog:
            found = self.store.items.catalog_id(filters.catalog)
            if found is None:
                raise NotFound(f"There is no catalog called {filters.catalog!r}.")
            mask &= loaded.catalog_ids == found
        if filters.genre:
            labelled = self.store.items.ids_labelled(filters.genre)
            if not labelled:
                known = ", ".join(name for name, _ in self.store.items.genres()[:12])
                raise NotFound(f"No item has the genre or tag {filters.genre!r}.", hint=f"Genres: {known}, ...")
            mask &= np.isin(loaded.universe.item_ids, np.fromiter(labelled, dtype=np.int64))
        return mask
