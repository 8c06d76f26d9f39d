"""The year's statistics and its paragraph, from viewings written here."""

from __future__ import annotations

from app.core import explain as ex
from app.core.stats import Watch, compute
from app.core.types import Item
from app.core.year_text import OPENING, year_evidence, year_facts, year_text

FILM = (0.5, 5.0)


def film(i: int, title: str, year: int, genres: tuple[str, ...] = ("Drama",), by: str = "Ann Lee") -> Item:
    return Item(id=i, kind="film", title=title, year=year, genres=genres, creators=(by,))


def book(i: int, title: str, genres: tuple[str, ...] = ("Fantasy",)) -> Item:
    return Item(id=i, kind="book", title=title, year=2001, genres=genres, creators=("Jo Writer",))


def watches() -> list[Watch]:
    a, b, c = film(1, "Alpha", 1994), film(2, "Beta", 2011, ("Comedy",)), film(3, "Gamma", 1979, ("Horror",))
    return [
        Watch(a, "2020-01-05", rating=4.0, scale=FILM),
        Watch(a, "2021-03-01", rating=4.5, scale=FILM),  # seen before: a rewatch
        Watch(b, "2021-03-09", rewatch=True, rating=3.0, scale=FILM),  # the diary says so
        Watch(c, "2021-12-31", rating=2.0, scale=(1.0, 10.0)),  # another scale, mapped onto 0.5-5
        Watch(c, None),  # no date: in the totals, in no year
        Watch(book(4, "Delta"), "2021-07-01", rating=5.0, scale=(1.0, 5.0), pages=300),
        Watch(book(5, "Epsilon"), "2021-07-20", rating=3.0, scale=(1.0, 5.0), pages=120),
        Watch(book(6, "Zeta"), None),
    ]


def test_each_viewing_counts_in_its_year_and_month() -> None:
    stats = compute(watches())
    assert [(r["year"], r["films"], r["books"]) for r in stats.by_year] == [(2020, 1, 0), (2021, 3, 2)]
    assert stats.total == {"films": 5, "books": 3}
    assert stats.undated == {"films": 1, "books": 1}
    films = stats.years[2021]["film"]
    assert films.months[2] == 2 and films.months[11] == 1
    assert (films.new, films.again) == (1, 2)
    assert stats.by_year[1]["rewatches"] == 2


def test_ratings_on_the_persons_scale_and_the_highest() -> None:
    films = compute(watches()).years[2021]["film"]
    assert films.scale == FILM
    assert films.ratings["4.5"] == 1 and films.ratings["3"] == 1 and sum(films.ratings.values()) == 3
    assert films.highest == ["Alpha (1994)"] and films.highest_rating == 4.5
    books = compute(watches()).years[2021]["book"]
    assert books.pages == 420 and books.longest == ("Delta (2001)", 300) and books.shortest == ("Epsilon (2001)", 120)


def test_a_scale_of_quarter_stars_rated_in_half_stars_counts_on_half_stars() -> None:
    """StoryGraph's scale runs from 0.25 to 5; a reader who gives half stars had a chart of 0.25★, 0.75★ ... 5.25★
    with no bar at all. Another scale's rating lands on the nearest of those points."""
    story = (0.25, 5.0)
    books = compute([Watch(book(1, "A"), "2025-01-02", rating=4.5, scale=story),
                     Watch(book(2, "B"), "2025-02-02", rating=5.0, scale=story),
                     Watch(book(3, "C"), "2025-03-02", rating=2.0, scale=story),
                     Watch(book(4, "D"), "2025-04-02", rating=7.0, scale=(1.0, 10.0))]).years[2025]["book"]
    assert list(books.ratings) == ["0.5", "1", "1.5", "2", "2.5", "3", "3.5", "4", "4.5", "5"]
    assert (books.ratings["4.5"], books.ratings["5"], books.ratings["2"], books.ratings["3.5"]) == (1, 1, 1, 1)
    assert sum(books.ratings.values()) == books.rated == 4


def test_imax_is_no_genre_of_the_year() -> None:
    """Your year said "with more fantasy and imax": MovieLens lists the screen format among the genres."""
    films = compute([Watch(film(1, "Avatar", 2009, ("Fantasy", "IMAX")), "2024-01-02")]).years[2024]["film"]
    assert films.genres == [("Fantasy", 1)]


def test_films_longest_shortest_and_hours_from_their_runtime() -> None:
    heat = Item(id=7, kind="film", title="Heat", year=1995, runtime=170)
    short = Item(id=8, kind="film", title="La Jetée", year=1962, runtime=28)
    unknown = Item(id=9, kind="film", title="Lost Reel", year=1920)  # the catalog knows no runtime
    stats = compute([Watch(heat, "2022-01-02"), Watch(heat, "2022-06-01"), Watch(short, "2022-02-03"),
                     Watch(unknown, "2022-03-04"), Watch(book(4, "Delta"), "2022-04-05", pages=300)])
    films = stats.years[2022]["film"]
    assert films.longest == ("Heat (1995)", 170) and films.shortest == ("La Jetée (1962)", 28)
    assert films.minutes == 2 * 170 + 28 and films.pages == 0  # a rewatch is watched again
    assert stats.by_year[0]["minutes"] == 368 and stats.by_year[0]["pages"] == 300
    books = stats.years[2022]["book"]
    assert books.minutes == 0 and books.longest == ("Delta (2001)", 300)
    assert stats.as_dict()["years"]["2022"]["film"]["minutes"] == 368
    text = year_text(year_facts(stats, 2022))
    assert text.startswith("In 2022 you watched 4 films (1 of them again; 6 h 8 min over the 3 of known length) and"
                           " read 1 book (300 pages).")
    zh = year_text(year_facts(stats, 2022), "zh_CN")
    assert zh.startswith("2022年，你看了4部电影（其中1次是重看，已知片长的3部共6小时8分钟）")


def test_genres_creators_decades_and_what_moved() -> None:
    stats = compute(watches())
    films = stats.years[2021]["film"]
    assert dict(films.genres) == {"Drama": 1, "Comedy": 1, "Horror": 1}
    assert films.creators == [("Ann Lee", 3)]
    assert films.decades == [(1970, 1), (1990, 1), (2010, 1)]
    assert stats.genres_by_year["film"]["Drama"] == [1, 1]
    data = stats.as_dict(year=2021, kind="film")
    assert data["by_year"] == [{"year": 2021, "films": 3, "books": 2, "rewatches": 2, "rereads": 0, "pages": 420,
                                "minutes": 0}]
    assert list(data["years"]["2021"]) == ["film"]


def test_the_paragraph_says_only_the_figures() -> None:
    stats = compute(watches())
    facts = year_facts(stats, 2021)
    text = year_text(facts)
    assert text.startswith("In 2021 you watched 3 films (2 of them again) and read 2 books (420 pages).")
    assert "Ann Lee" in text and "2 more than in 2020" in text
    zh = year_text(facts, "zh_CN")
    assert zh.startswith("2021年，你看了3部电影") and "《Alpha (1994)》" in zh


def test_the_models_opening_is_checked_against_the_years_facts() -> None:
    facts = year_facts(compute(watches()), 2021)
    evidence = year_evidence(facts)
    index = ex.NameIndex(["Alpha", "Beta", "Gamma", "Ann Lee"])
    good = f"{OPENING} drama and comedy."
    assert ex.check(good, evidence, index, prefix=OPENING).ok and facts.names_the_most(good)
    assert not ex.check(f"{OPENING} 12 award winning westerns.", evidence, index, prefix=OPENING).ok


def test_interest_facets_that_grew_and_faded_against_the_year_before() -> None:
    from app.core.facets import Facet
    from app.core.stats import facets_moved

    space, love, fun = (Facet(label="sci-fi (space)", items=(), weight=0.5, members=(1, 2)),
                        Facet(label="romance", items=(), weight=0.3, members=(3,)),
                        Facet(label="comedy", items=(), weight=0.2, members=(4,)))
    f = {i: film(i, f"Film {i}", 2000) for i in range(1, 6)}  # 5 is in no facet: counted in the whole only
    seen = [Watch(f[1], "2020-02-01"), Watch(f[3], "2020-03-01"), Watch(f[3], "2020-04-01"),
            Watch(f[5], "2020-05-01"),
            Watch(f[1], "2021-01-01"), Watch(f[2], "2021-02-01"), Watch(f[2], "2021-03-01", rewatch=True),
            Watch(f[4], "2021-04-01"), Watch(f[5], "2021-05-01"), Watch(f[1], None),
            Watch(book(6, "Delta"), "2021-07-01"), Watch(book(7, "Epsilon"), "2021-07-20")]
    moved = facets_moved(seen, [space, love, fun])
    films = moved[2021]["film"]
    assert [(m.label, m.share, m.share_before) for m in films.grew] == [("sci-fi (space)", 0.6, 0.25),
                                                                       ("comedy", 0.2, 0.0)]
    assert [(m.label, m.share, m.share_before) for m in films.faded] == [("romance", 0.0, 0.5)]
    assert films.as_dict()["grew"][0] == {"label": "sci-fi (space)", "share": 0.6, "share_before": 0.25}
    assert not moved[2020]["film"].grew and not moved[2021]["book"].grew  # no year before; two books only
    assert facets_moved(seen, []) == {y: {k: type(films)(y, k) for k in ("film", "book")} for y in (2020, 2021)}


def test_a_facet_knows_every_member() -> None:
    import dataclasses

    from app.core.facets import find_facets
    from tests.core.test_facets import _history

    items, emb, w, dates = _history()
    items = [dataclasses.replace(it, id=100 + n) for n, it in enumerate(items)]
    facets = find_facets(items, emb, w, dates=dates, max_facets=2, per_facet=3)
    assert [sorted(f.members) for f in facets] == [list(range(100, 110)), list(range(110, 116))]
    assert all(len(f.items) == 3 and {i.id for i in f.items} <= set(f.members) for f in facets)


def test_many_titles_at_the_highest_rating_are_counted_not_two_named_as_the_best() -> None:
    """'You rated A Bug's Life and August: Osage County highest' was said of a year with 33 films at 5 stars."""
    rows = [Watch(film(10 + n, f"Film {n}", 2000), f"2021-0{1 + n % 9}-01", rating=5.0, scale=FILM) for n in range(4)]
    facts = year_facts(compute(rows), 2021)
    assert "Your highest rating (5 of 5) went to 4 films, among them Film 0 (2000) and Film 1 (2000)." in \
        year_text(facts)
    assert "你给了4部电影最高评分（5/5），其中有《Film 0 (2000)》《Film 1 (2000)》。" in year_text(facts, "zh_CN")
    one = year_facts(compute(rows[:2]), 2021)
    assert "You rated Film 0 (2000) and Film 1 (2000) highest" in year_text(one)


def test_most_often_is_said_only_of_a_genre_on_enough_of_the_years_titles() -> None:
    """112 films of a Trakt year, one of them an action and crime film the catalog knows: the paragraph said
    "your films were most often action and crime"."""
    known = film(1, "Heat", 1995, ("Action", "Crime"), by="Michael Mann")
    own = [film(10 + n, f"New film {n}", 2025, genres=()) for n in range(20)]
    stats = compute([Watch(known, "2026-01-02")] + [Watch(f, "2026-02-03") for f in own])
    text, zh = year_text(year_facts(stats, 2026)), year_text(year_facts(stats, 2026), "zh_CN")
    assert "most often" not in text and "最常是" not in zh
    many = compute([Watch(film(30 + n, f"Thriller {n}", 2000, ("Thriller",)), "2026-05-06") for n in range(5)])
    assert "most often thriller" in year_text(year_facts(many, 2026))
