"""The genres a request names."""

from __future__ import annotations

import pytest

from app.core.genre_words import fiction_named, genres_named


@pytest.mark.parametrize(("text", "genres"), [
    ("a warm family film", ("Children",)),
    ("温馨的家庭电影", ("Children",)),
    ("something for the whole family", ("Children",)),
    ("a funny animated film for children", ("Children", "Animation", "Comedy")),
    ("a funny romantic film", ("Comedy", "Romance")),
    ("恐怖片", ("Horror",)),
    ("二战电影", ("War",)),
    ("a novel set in World War II", ("War",)),
    ("关于时间旅行的烧脑科幻片", ("Science fiction",)),
    ("动画片", ("Animation",)),
    ("a cozy mystery novel", ("Mystery",)),
    ("魔幻现实主义小说", ("Magical realism",)),  # not fantasy
    ("a film about a family falling apart", ()),  # what it is about, not whom it is for
    ("a heist film with car chases", ()),
    ("dark and brooding", ()),
    ("transaction", ()),  # whole words: not "action"
])
def test_the_genres_a_request_names(text: str, genres: tuple[str, ...]) -> None:
    assert genres_named(text) == genres


@pytest.mark.parametrize(("text", "fiction"), [
    ("a war novel", True), ("关于友谊的小说", True), ("historical fiction", True),
    ("non-fiction about the war", False), ("a war movie", False), ("非虚构", False),
])
def test_words_that_ask_for_fiction(text: str, fiction: bool) -> None:
    assert fiction_named(text) == fiction


def test_chinese_words_name_the_catalogs_keywords() -> None:
    """"二战电影" listed Zulu and Kagemusha as war films: 二战 is the keyword world war ii."""
    from app.core.genre_words import keywords_named_zh

    assert keywords_named_zh("二战电影") == ["worldwarii"]
    assert keywords_named_zh("关于抢劫和飞车追逐的电影") == ["heist", "carchase"]
    assert keywords_named_zh("穿越时空的爱情") == ["timetravel"] and keywords_named_zh("温馨的家庭电影") == []


def test_words_that_name_a_genre_and_nothing_more() -> None:
    from app.core.genre_words import genre_only

    for text in ("科幻小说", "a science fiction novel", "一部恐怖片", "推荐几本科幻小说", "a good horror movie"):
        assert genre_only(text), text
    for text in ("a scary movie with ghosts", "a war film about a submarine", "dark science fiction with a twist",
                 "一部让人害怕的恐怖片", "a heist film with car chases", "a book about friendship"):
        assert not genre_only(text), text
