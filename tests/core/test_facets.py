"""Interest facets and the taste paragraph: named by genres and tags, with shares and what changed lately."""

from __future__ import annotations

import datetime as dt

import numpy as np

from app.core.facets import find_facets
from app.core.profile import profile_text
from app.core.types import Item


def _history() -> tuple[list[Item], np.ndarray, np.ndarray, list[str]]:
    """Ten sci-fi films watched 2015-2022, six romances of which four in the last year (2024)."""
    rng = np.random.default_rng(0)
    scifi = [Item(title=f"Space Film {i}", kind="film", genres=("Sci-Fi", "Action"), tags=("space",))
             for i in range(10)]
    romance = [Item(title=f"Love Book {i}", kind="book", genres=("Romance", "Contemporary"), tags=("chick lit",))
               for i in range(6)]
    a, b = np.eye(8)[0], np.eye(8)[1]
    emb = np.array([a + 0.05 * rng.standard_normal(8) for _ in scifi] + [b + 0.05 * rng.standard_normal(8)
                                                                         for _ in romance])
    emb /= np.linalg.norm(emb, axis=1, keepdims=True)
    dates = [f"{2015 + i % 8}-06-01" for i in range(10)] + ["2019-03-01", "2020-03-01", "2024-01-10", "2024-02-10",
                                                             "2024-03-10", "2024-04-10"]
    dates[9] = "2024-04-01"  # one sci-fi film in the last year too
    return scifi + romance, emb, np.ones(16), dates


def test_facets_are_named_by_what_most_of_them_share() -> None:
    items, emb, w, dates = _history()
    facets = find_facets(items, emb, w, dates=dates, max_facets=2)
    assert [f.genres for f in facets] == [("Action", "Sci-Fi"), ("Contemporary", "Romance")]
    assert facets[0].label == "action and sci-fi films (space)" and facets[0].tags == ("space",)
    assert facets[1].label == "contemporary and romance books (chick lit)"
    assert abs(facets[0].weight - 10 / 16) < 1e-9 and abs(sum(f.weight for f in facets) - 1) < 1e-9
    assert {i.title for i in facets[1].items} <= {i.title for i in items[10:]}


def test_what_grew_lately_and_what_stayed_come_from_the_dates() -> None:
    items, emb, w, dates = _history()
    scifi, romance = find_facets(items, emb, w, dates=dates, max_facets=2)
    assert romance.trend == "recent" and len(romance.recent) == 4 and romance.recent_count == 5
    assert scifi.trend == "steady" and scifi.since == 2015
    undated = find_facets(items, emb, w, max_facets=2)
    assert all(f.trend == "" and f.since is None for f in undated)


def test_an_interest_of_earlier_years() -> None:
    items, emb, w, dates = _history()
    dates = dates[:10] + ["2010-01-01", "2010-02-01", "2011-01-01", "2011-05-01", "2012-01-01", "2012-02-01"]
    dates[9] = "2022-06-01"
    scifi, romance = find_facets(items, emb, w, dates=dates, max_facets=2)
    assert romance.trend == "earlier" and romance.last == 2012


def test_the_paragraph_says_shares_examples_and_changes_in_english_and_chinese() -> None:
    items, emb, w, dates = _history()
    facets = find_facets(items, emb, w, dates=dates, max_facets=2)
    text = profile_text(facets, newest=dt.date(2024, 4, 10))
    assert text.startswith("Your strongest interest is action and sci-fi films (space) (62% of your taste), with "
                           "Space Film")
    assert "You also like contemporary and romance books (chick lit) (38%: Love Book" in text
    assert "Lately you turn to contemporary and romance books more: 4 of the 5 titles you liked in the year up to " \
           "April 2024" in text
    assert "You have kept coming back to action and sci-fi films since 2015." in text
    zh = profile_text(facets, "zh_CN", newest=dt.date(2024, 4, 10))
    # A keyword with no Chinese name ("space") is left out of a Chinese name; one with a name stays (女性小说).
    assert zh.startswith("你最主要的兴趣是动作、科幻类电影，占你口味的62%") and "截至2024年4月的一年里" in zh
    assert "当代、爱情类图书（女性小说）" in zh and "space" not in zh
    assert "最近你更常选择当代、爱情类图书" in zh and "你一直在回到2015年起的动作、科幻类电影。" in zh


def test_clusters_of_the_same_name_are_one_interest_and_unnamed_ones_are_named_by_a_title() -> None:
    rng = np.random.default_rng(1)
    comedies = [Item(title=f"Comedy {i}", kind="film", genres=("Comedy",)) for i in range(12)]
    own = [Item(title=f"Own Book {i}: A Subtitle", kind="book") for i in range(6)]  # not in a catalog: no genres
    emb = np.array([np.eye(8)[i % 2] + 0.05 * rng.standard_normal(8) for i in range(12)]  # two comedy clusters
                   + [np.eye(8)[2] + 0.05 * rng.standard_normal(8) for _ in own])
    emb /= np.linalg.norm(emb, axis=1, keepdims=True)
    facets = find_facets(comedies + own, emb, np.ones(18), max_facets=3)
    assert len(facets) == 2 and facets[0].label == "comedy films" and abs(facets[0].weight - 12 / 18) < 1e-9
    first = facets[1].items[0].title
    assert facets[1].label == f"books close to {first.split(':')[0]}"  # the most typical one, without subtitle
    text = profile_text(facets)
    assert f"You also like books close to {first.split(':')[0]} (33%: {first}" in text


def _own(title: str, **kw: object) -> Item:
    return Item(title=title, kind="book", **kw)  # type: ignore[arg-type]


def test_no_facet_is_named_by_a_title_the_person_never_rated() -> None:
    """Testers saw "books close to Into the Dark" (29% of their taste): a book they only shelved. A facet that
    shares nothing is named by its most typical title the person rated, else says it is unrated."""
    rng = np.random.default_rng(2)
    shelved = [_own(f"Into the Dark {i}") for i in range(3)]  # unrated, and the cluster's most typical
    rated = [_own("Harbour Lights"), _own("Quiet Rooms")]
    never = [_own(f"Watchlist Film {i}") for i in range(4)]
    emb = np.array([np.eye(8)[0] + 0.01 * rng.standard_normal(8) for _ in shelved]
                   + [np.eye(8)[0] + 0.3 * rng.standard_normal(8) for _ in rated]
                   + [np.eye(8)[1] + 0.05 * rng.standard_normal(8) for _ in never])
    emb /= np.linalg.norm(emb, axis=1, keepdims=True)
    w = np.array([0.5, 0.5, 0.5, 0.3, 0.3, 0.5, 0.5, 0.5, 0.5])  # a shrug of a rating weighs less than unrated
    facets = find_facets(shelved + rated + never, emb, w, rated=[False] * 3 + [True] * 2 + [False] * 4, max_facets=2)
    names = {f.label for f in facets} | {f.name("zh_CN") for f in facets}
    assert facets[0].items[0].title.startswith("Into the Dark")  # listed, as in the history, but no name
    assert not any("Into the Dark" in n or "Watchlist Film" in n for n in names)
    close, unrated = facets
    assert close.anchor in {"Harbour Lights", "Quiet Rooms"} and close.label == f"books close to {close.anchor}"
    assert unrated.label == "unrated books"  # the watchlist: the person rated none of it
    assert (close.name("zh_CN"), unrated.name("zh_CN")) == (f"与《{close.anchor}》相近的图书", "未评分的图书")


def test_a_facet_is_named_by_its_creator_and_examples_show_it() -> None:
    rng = np.random.default_rng(3)
    nolan = [Item(title=f"Nolan {i}", kind="film", creators=("Christopher Nolan",), genres=("Sci-Fi", "Thriller"))
             for i in range(4)]
    other = [Item(title="Other", kind="film", genres=("Sci-Fi", "Thriller"), creators=("Someone Else",))]
    romance = [Item(title=f"Love {i}", kind="film", genres=("Romance",)) for i in range(5)]
    emb = np.array([np.eye(8)[0] + 0.05 * rng.standard_normal(8) for _ in nolan + other]
                   + [np.eye(8)[1] + 0.05 * rng.standard_normal(8) for _ in romance])
    emb /= np.linalg.norm(emb, axis=1, keepdims=True)
    w = np.array([0.5] * 4 + [1.0] + [1.0] * 5)  # the one not by Nolan is the most typical
    facets = find_facets(nolan + other + romance, emb, w, max_facets=2)
    top = next(f for f in facets if f.creators)
    assert top.label == "Christopher Nolan's sci-fi and thriller films"
    assert top.name("zh_CN") == "Christopher Nolan的科幻、惊悚类电影"
    assert top.items[0].title.startswith("Nolan")  # the name's claim is what the list shows first


def test_the_persons_own_titles_of_a_creator_join_that_creators_interest() -> None:
    """IvanAlba97's Sanderson read in Spanish (not in a catalog: no genres) and the catalog's Sanderson were two
    interests, "Brandon Sanderson's books" (73%) and "Brandon Sanderson's fantasy books" (20%)."""
    rng = np.random.default_rng(5)
    theirs = [Item(title=f"Mistborn {i}", kind="book", creators=("Brandon Sanderson",), genres=("Fantasy",))
              for i in range(4)]
    own = [_own(f"El libro {i}", creators=("Brandon Sanderson",)) for i in range(5)]
    romance = [Item(title=f"Love {i}", kind="book", genres=("Romance",)) for i in range(5)]
    emb = np.array([np.eye(8)[k] + 0.05 * rng.standard_normal(8) for k, group in enumerate((theirs, own, romance))
                    for _ in group])
    emb /= np.linalg.norm(emb, axis=1, keepdims=True)
    facets = find_facets(theirs + own + romance, emb, np.ones(14), max_facets=3)
    sanderson = [f for f in facets if "Brandon Sanderson" in f.label]
    assert len(sanderson) == 1 and sanderson[0].label == "Brandon Sanderson's fantasy books"
    assert abs(sanderson[0].weight - 9 / 14) < 1e-9 and sanderson[0].items[0].title.startswith("Mistborn")


def test_titles_that_share_only_a_few_creators_are_named_by_them() -> None:
    rng = np.random.default_rng(4)
    books = [_own(f"Libro {i}", creators=(("Camilla Läckberg",) if i < 3 else ("Jo  Nesbø",) if i < 5
                                           else (f"Autor {i}",))) for i in range(12)]
    emb = np.array([np.eye(8)[0] + 0.05 * rng.standard_normal(8) for _ in books])
    emb /= np.linalg.norm(emb, axis=1, keepdims=True)
    (facet,) = find_facets(books, emb, np.ones(12), max_facets=1)
    assert facet.label == "books by Camilla Läckberg, Jo Nesbø and others"
    assert facet.name("zh_CN") == "Camilla Läckberg、Jo Nesbø等人的图书"


def test_two_interests_of_one_short_name_keep_their_keywords_in_the_sentences_about_time() -> None:
    """"You have kept coming back to literary fiction and classics since 2017 and literary fiction and classics
    since 2017": the keywords told the two apart."""
    from app.core.facets import Facet

    books = [Item(id=i, title=f"Book {i}", kind="book", genres=("Classics",)) for i in range(4)]
    plain = Facet(label="", items=tuple(books[:2]), weight=0.5, genres=("Classics",), trend="steady", since=2017,
                  kind="book")
    american = Facet(label="", items=tuple(books[2:]), weight=0.4, genres=("Classics",), tags=("American",),
                     trend="steady", since=2017, kind="book")
    text = profile_text([plain, american])
    assert "classics (like Book 0) since 2017 and classics (american) since 2017" in text, text
    zh = profile_text([plain, american], "zh_CN")  # (no Chinese name for the keyword: an example tells them apart)
    assert "《Book 2》" in zh.split("一直在回到")[1], zh


def test_interests_of_one_name_in_a_language_are_told_apart_by_a_title() -> None:
    """Two interests read "纯文学、经典类图书" on the Chinese page and its legend: the keyword "american" that told
    them apart in English has no Chinese name."""
    from app.core.facets import Facet, _told_apart

    books = [Item(id=i, title=t, kind="book", genres=("Classics",))
             for i, t in enumerate(["East of Eden", "Moby-Dick or, The Whale: A Novel", "Dune"])]
    a = Facet(label="", items=(books[0],), weight=0.5, genres=("Classics",), kind="book")
    b = Facet(label="", items=(books[1],), weight=0.3, genres=("Classics",), tags=("American",), kind="book")
    c = Facet(label="", items=(books[2],), weight=0.2, genres=("Science fiction",), kind="book")
    a2, b2, c2 = _told_apart([a, b, c])
    assert a2.name("en") == a.name("en") and b2.name("en") == b.name("en")  # apart in English already
    assert a2.name("zh_CN").endswith("（如《East of Eden》）")
    assert b2.name("zh_CN").endswith("（如《Moby-Dick or, The Whale》）")
    assert c2 == c
