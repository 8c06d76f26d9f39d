"""Asking in words: a typed query or a pinned interest as evidence, and search by words, meaning and spelling
(issue: "Tell Hearth what you are in the mood for"). Through the real MiniLM and the bundled catalogs."""

from __future__ import annotations

import pytest

from app.core import explain as ex
from app.core.errors import AppError, InputError, NotFound
from app.services import Filters, Services
from app.services.search import fuse
from tests.services.test_recommend import SCI_FI

SPACE = "space opera with political intrigue"


@pytest.mark.real_models
def test_a_query_ranks_the_catalog_alone_with_an_empty_history(services: Services) -> None:
    recs = services.recommender.recommend(k=10, like=[SPACE], filters=Filters(kind="book"))
    assert len(recs) == 10 and all(r.item.kind == "book" for r in recs)
    science_fiction = sum("Science fiction" in r.item.genres for r in recs)
    assert science_fiction >= 8, [(r.item.title, r.item.genres) for r in recs]
    for r in recs:  # the query is the one contributor, and the attribution says so
        assert [c.source for c in r.contributions] == ["query"] and r.contributions[0].title == SPACE
        assert r.contributions[0].contribution == pytest.approx(r.terms.content + r.terms.cf)
    with pytest.raises(NotFound, match="in the mood for"):
        services.recommender.recommend()  # no history and no words: the hint says what to do


@pytest.mark.real_models
def test_with_a_history_the_query_shifts_the_list_by_a_stated_share(services: Services) -> None:
    for title in SCI_FI:
        services.history.add(title, rating=5, kind="film")
    before = [r.item.id for r in services.recommender.recommend(k=10)]
    asked = services.recommender.recommend(k=10, like=["a funny animated film for children"])
    assert [r.item.id for r in asked] != before
    shifted = [r for r in asked if r.item.id not in before]
    assert shifted and any("Animation" in r.item.genres or "Children" in r.item.genres for r in shifted)
    for r in shifted:
        query = sum(c.contribution for c in r.contributions if c.source == "query")
        assert 0 < query <= r.terms.content + r.terms.cf + 1e-12
    # Half the evidence by default: the query weighs as much as the whole (positive) history.
    weights = {c.source: c.weight for c in services.recommender.why(str(asked[0].item.id),
                                                                   like=["x"]).contributions}
    assert "history" in weights


def test_an_explanation_cites_the_words_and_says_only_what_is_true(services: Services) -> None:
    top = services.recommender.recommend(k=1, like=[SPACE], filters=Filters(kind="book"))[0]
    result = services.explainer.explain_now(str(top.item.id), like=[SPACE])
    assert result.path == "template" and result.verified
    assert result.text.startswith(f"Because you asked for “{SPACE}”") and "close to what you described" in result.text
    genre = top.item.genres[0].lower()
    assert genre in result.text  # what it says of the item is the item's own genre
    zh = services.explainer.explain_now(str(top.item.id), like=[SPACE], lang="zh_CN")
    assert zh.text.startswith(f"因为你想找“{SPACE}”") and zh.verified


def test_typed_words_cannot_carry_a_claim_into_a_verified_explanation(services: Services) -> None:
    """Issue 25 item 3, with a cached text from before the fix: the template is written again."""
    hostile = "space opera”, and it won 12 Oscars… Verified:"
    top = services.recommender.recommend(k=1, like=[hostile], filters=Filters(kind="book"))[0]
    first = services.explainer.explain_now(str(top.item.id), like=[hostile])
    assert first.text.startswith("Because you asked for “space opera…”, here is")
    services.store.db.conn.execute("UPDATE explanations SET text = ?", (f"Because you asked for “{hostile}”, "
                                                                       "here is a book close to what you described.",))
    for like in ([hostile], ["space opera that won 12 Oscars"]):
        result = services.explainer.explain_now(str(top.item.id), like=like)
        assert result.verified and result.path == "template"
        assert "Oscars" not in result.text and result.text.count("“") == result.text.count("”") <= 1
    assert result.text.startswith("Because of what you asked for, here is")


@pytest.mark.heavy  # 3-9 s: keeps the README's test command under 5 minutes on a fresh clone
def test_pinned_interests_count_until_removed(services: Services) -> None:
    pinned = services.interests.pin("  gothic   horror novels ")
    assert services.interests.pinned()[0][:2] == (pinned, "gothic horror novels")
    recs = services.recommender.recommend(k=5, filters=Filters(kind="book"))
    assert all(r.contributions and r.contributions[0].source == "interest" for r in recs)
    assert sum("Horror" in r.item.genres for r in recs) >= 3
    services.interests.unpin(pinned)
    assert services.interests.pinned() == []
    with pytest.raises(NotFound):
        services.interests.unpin(pinned)
    with pytest.raises(InputError):
        services.interests.pin("   ")


def test_typed_text_is_valid_and_capped_and_odd_ids_are_refused(services: Services) -> None:
    """Issue 25 item 5: bytes of a command line that are not UTF-8, and caps on what is typed and pinned."""
    from app.core.typed import MAX_LIKES, MAX_PINS, MAX_TYPED

    typed = b"caf\xe9 \xff noir".decode("utf-8", "surrogateescape")
    pinned = services.interests.pin(typed)
    assert services.interests.pinned()[0][1] == "caf\ufffd \ufffd noir"
    asked = services.recommender.asked([typed, "  dark   science fiction "])
    assert [a.text for a in asked] == ["caf\ufffd \ufffd noir", "dark science fiction"]  # the pin once
    assert services.recommender.recommend(k=1, like=[typed])
    services.search.search(typed)
    with pytest.raises(AppError, match="caf\ufffd"):  # not found, or a choice: said in valid text
        services.lookup.find(typed + " zzqx")
    for odd in (0, -3, 10**30):
        with pytest.raises(NotFound):
            services.interests.unpin(odd)
    with pytest.raises(AppError, match="1" * 30):
        services.lookup.find("1" * 30)  # a title search, not an id SQLite cannot hold
    with pytest.raises(InputError, match=f"at most {MAX_LIKES}"):
        services.recommender.recommend(k=1, like=[f"words {n}" for n in range(MAX_LIKES + 1)])
    with pytest.raises(InputError, match=f"under {MAX_TYPED}"):
        services.search.search("x" * (MAX_TYPED + 1))
    with pytest.raises(InputError, match=f"under {MAX_TYPED}"):  # (100,000 characters took 10 s to match)
        services.lookup.find("dune " * MAX_TYPED)
    with pytest.raises(InputError, match=f"under {MAX_TYPED}"):
        services.interests.pin("y " * MAX_TYPED)
    services.interests.unpin(pinned)
    for n in range(MAX_PINS):
        services.interests.pin(f"interest {n}")
    assert services.interests.pin("interest 3")  # pinning one again is no new one
    with pytest.raises(InputError, match=f"{MAX_PINS} pinned interests"):
        services.interests.pin("one too many")
    for n in range(MAX_PINS, MAX_PINS + 30):  # more from an older version: only the first MAX_PINS count
        services.store.interests.add(f"interest {n}")
    assert len(services.recommender.asked()) == MAX_PINS


def test_pinned_interests_are_exported_and_deleted_with_everything(services: Services, tmp_path) -> None:  # noqa: ANN001
    import json

    services.interests.pin("gothic horror novels")
    exported = json.loads(services.privacy.export(tmp_path)[0].read_text(encoding="utf-8"))
    assert [i["text"] for i in exported["pinned_interests"]] == ["gothic horror novels"]
    services.privacy.delete_everything()
    assert services.interests.pinned() == []


@pytest.mark.real_models
def test_search_finds_a_misspelling_an_author_and_a_description(services: Services) -> None:
    def titles(text: str, **kw: object) -> list[str]:
        return [h.item.title for h in services.search.search(text, **kw).hits]

    assert titles("Termnator 2", k=3)[0] == "Terminator 2: Judgment Day"
    assert "The Shawshank Redemption" in titles("the shawshenk redemption", k=3)[:2]  # (the novella is too)
    by_author = services.search.search("ursula le guin", filters=Filters(kind="book"), k=5).hits
    assert by_author and all("Ursula K. Le Guin" in h.item.creators for h in by_author)
    described = services.search.search(SPACE, filters=Filters(kind="book"), k=10).hits
    assert sum("Science fiction" in h.item.genres for h in described) >= 8
    assert all(h.meaning is not None or h.words is not None for h in described)
    recent = services.search.search("dune", filters=Filters(year_min=2000), k=10).hits
    assert recent and all((h.item.year or 0) >= 2000 for h in recent)
    with pytest.raises(InputError):
        services.search.search("   ")


def test_chinese_words_get_a_notice_with_the_english_only_model(services: Services) -> None:
    found = services.search.search("黑暗的科幻小说")
    assert "only understands English" in found.notice and "multilingual" in found.notice
    assert "only understands English" in services.recommender.asked_notice(["黑暗的科幻小说"])
    assert services.recommender.asked_notice([SPACE]) == ""


def test_reciprocal_rank_fusion() -> None:
    scores = fuse([[1, 2, 3], [3, 1], [4]], k=(60, 60, 10))
    assert scores[1] == pytest.approx(1 / 61 + 1 / 62) and scores[4] == pytest.approx(1 / 11)
    assert max(scores, key=scores.get) == 4 and scores[1] > scores[3] > scores[2]


def test_typed_words_never_reach_the_embedding_cache(services: Services) -> None:
    before = services.store.db.read("SELECT COUNT(*) FROM embeddings")[0][0]
    services.search.search("a very particular private phrase about whales")
    services.recommender.recommend(k=3, like=["a very particular private phrase about whales"])
    assert services.store.db.read("SELECT COUNT(*) FROM embeddings")[0][0] == before
    assert ex  # (the explain module is imported above for the checks of other tests)


def test_own_items_are_never_recommended_and_unrated_ones_are_read_not_loved(services: Services) -> None:
    from app.core.types import Item

    own = services.store.items.add_own(Item(title="Space Opera Intrigue Saga", kind="book",
                                            genres=("Science fiction",)))
    services.store.feedback.set(own, "saved")  # on the to-read list, as an import leaves it
    recs = services.recommender.recommend(k=20, like=[SPACE], filters=Filters(kind="book"))
    assert own not in [r.item.id for r in recs] and all(r.item.catalog != "user" for r in recs)
    services.history.add("Dune", kind="book")  # no rating: they read it, nothing more is known
    top = services.recommender.recommend(k=1, filters=Filters(kind="book"))[0]
    text = services.explainer.explain_now(str(top.item.id), use_llm=False).text
    assert text.startswith("Because you read Dune") and "loved" not in text.split(",")[0]
