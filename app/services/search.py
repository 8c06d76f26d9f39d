"""Search that finds what people mean: words (SQLite FTS5 over titles, alternative titles, creators,
genres and tags), meaning (the embedding of the text against every item's) and spelling (titles
within a few typos), fused by reciprocal rank."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from app.core.errors import InputError
from app.core.genre_words import keywords_named_zh
from app.core.typed import typed_text
from app.core.types import Item
from app.services.embeddings import EmbeddingService
from app.services.lookup import ItemLookup
from app.services.recommend import Filters, RecommendService
from app.storage import Store

__all__ = ["RRF_K", "SearchHit", "SearchResult", "SearchService", "fuse"]

RRF_K = 60  # the usual constant of reciprocal rank fusion: a list's top few count, not its exact scores
POOL = 200  # candidates taken from the words and spelling lists
MEANING_POOL = 50  # and from meaning: deep in it, a few-word query ("terminatr") finds only noise
# A title spelt within a few typos of the query is the most specific sign there is: its list is fused
# with a small k, so its first places stay ahead ("Termnator 2" is Terminator 2, not 3).
SPELLING_K = 10


@dataclass(frozen=True)
class SearchHit:
    item: Item
    score: float  # the fused score: sum over lists of 1 / (k + rank)
    words: int | None  # rank in each list (1 = first), None if absent
    meaning: int | None
    spelling: int | None


@dataclass(frozen=True)
class SearchResult:
    hits: list[SearchHit]
    notice: str = ""  # e.g. the embedding model cannot read Chinese


def fuse(lists: Sequence[Sequence[int]], *, k: int | Sequence[int] = RRF_K) -> dict[int, float]:
    """Reciprocal rank fusion: each id scores sum 1 / (k + rank) over the lists that hold it (``k`` one
    for all lists, or one per list)."""
    scores: dict[int, float] = {}
    for n, ranked in enumerate(lists):
        kn = k if isinstance(k, int) else k[n]
        for rank, item_id in enumerate(ranked, start=1):
            scores[item_id] = scores.get(item_id, 0.0) + 1.0 / (kn + rank)
    return scores


class SearchService:
    def __init__(self, store: Store, recommender: RecommendService, embeddings: EmbeddingService,
                 lookup: ItemLookup) -> None:
        self.store = store
        self.recommender = recommender
        self.embeddings = embeddings
        self.lookup = lookup

    def search(self, text: str, *, filters: Filters = Filters(), k: int = 20, meaning: bool = True,
               words: bool = True) -> SearchResult:
        text = typed_text(text, "A search")
        if not text:
            raise InputError("Type something to search for: a title, an author or director, or a description.",
                             zh="请输入要搜索的内容：标题、作者或导演，或一段描述。")
        if k < 1:
            raise InputError("Ask for at least one result.", command="-k 1 or more.")
        loaded = self.recommender.universe()
        allowed = self.recommender.allowed(loaded, filters)
        ids = loaded.universe.item_ids
        ok = set(ids[allowed].tolist())
        # Words the English model cannot read (Chinese...) are read by the multilingual one, against the
        # items' vectors of that model (app/services/multilingual.py).
        space = self.recommender.space(loaded) if meaning and self.embeddings.routes(text) else None
        other = self.recommender.multilingual.reads(text, space)
        notice = self.embeddings.query_notice([text]) if meaning and not other else ""
        # Beside meaning, words count only where all of them are found: "opera" alone does not make the
        # horror film Opera an answer to "space opera with political intrigue".
        every = meaning and not notice
        by_words = [i for i in self.store.items.match_words(text, limit=POOL * 5, every=every) if i in ok][:POOL] \
            if words else []
        by_spelling = [i for i in self.lookup.similar_titles(text, limit=POOL) if i in ok] if words else []
        by_meaning: list[int] = []
        if meaning and not notice:
            if other:
                assert space is not None
                sims = self.recommender.multilingual.similarities(space, text)
            else:
                sims = loaded.universe.embeddings @ self.embeddings.embed_query([text])[0]
            sims[~allowed] = -np.inf
            top = np.argpartition(-sims, min(MEANING_POOL, len(sims) - 1))[:MEANING_POOL]
            top = top[np.isfinite(sims[top])]
            by_meaning = ids[top[np.argsort(-sims[top], kind="stable")]].tolist()
            # The subjects its Chinese words name, as the mood box reads them ("育儿": parenting): the items
            # tagged so, nearest first. The model alone read "关于育儿的书" as picture books.
            named = keywords_named_zh(text) if other else []
            if named:
                on_it = self.recommender.labelled(loaded, named)
                on_it = on_it[np.isfinite(sims[on_it])]
                by_words = ids[on_it[np.argsort(-sims[on_it], kind="stable")]].tolist()[:POOL] + by_words
        scores = fuse([by_words, by_meaning, by_spelling], k=(RRF_K, RRF_K, SPELLING_K))
        best = sorted(scores, key=lambda i: (-scores[i], i))[:k]
        items = self.store.items.get_many(best)
        rank = {name: {i: r for r, i in enumerate(lst, start=1)}
                for name, lst in (("words", by_words), ("meaning", by_meaning), ("spelling", by_spelling))}
        hits = [SearchHit(items[i], scores[i], rank["words"].get(i), rank["meaning"].get(i), rank["spelling"].get(i))
                for i in best if i in items]
        return SearchResult(hits, notice)
