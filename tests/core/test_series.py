"""Series of books: a book's place read from its catalog title, and the way into a series not started."""

from __future__ import annotations

import numpy as np

from app.core.series import Places, place_of, range_of


def test_an_omnibus_names_its_places() -> None:
    assert range_of(["1Q84 #1-2", "1Q84 #1-2 (1Q84, #1-2)"]) == ("1q84", 1, 2)
    assert range_of(["Dune"]) is None and range_of(["X (Y, #3-3)"]) is None


def test_a_place_is_a_series_and_a_whole_number() -> None:
    assert place_of(["The Fall of Hyperion (Hyperion Cantos, #2)"]) == ("hyperion cantos", 2)
    assert place_of(["Mort", "Mort (Discworld, #4; Death, #1)"]) == ("discworld", 4)
    assert place_of(["Harry Potter and the Order of the Phoenix (Harry Potter, #5, Part 1)"]) == ("harry potter", 5)
    # A novella between two books, an omnibus, and a title without a series have no place.
    assert place_of(["Edgedancer (The Stormlight Archive, #2.5)"]) is None
    assert place_of(["The Harry Potter Collection 1-4 (Harry Potter, #1-4)"]) is None
    assert place_of(["The Hobbit"]) is None


def _places() -> Places:
    return Places.of([
        ("Harry Potter and the Philosopher's Stone", "Harry Potter and the Sorcerer's Stone (Harry Potter, #1)"),
        ("Harry Potter and the Chamber of Secrets", "Harry Potter and the Chamber of Secrets (Harry Potter, #2)"),
        ("Harry Potter and the Goblet of Fire", "Harry Potter and the Goblet of Fire (Harry Potter, #4)"),
        ("The Hobbit",),
        ("Shift", "Shift (Silo, #2)"),  # the catalog lacks the first book: its first is #2
        ("Dust", "Dust (Silo, #3)"),
    ])


def test_a_series_not_started_is_entered_by_its_first_book() -> None:
    out = set(_places().out_of_order(np.array([3])).tolist())  # read only The Hobbit
    assert out == {1, 2, 5}


def test_a_series_started_keeps_all_its_books() -> None:
    # Chamber of Secrets read: Philosopher's Stone (skipped) and Goblet of Fire stay; Silo still waits.
    assert set(_places().out_of_order(np.array([1])).tolist()) == {5}
    assert _places().out_of_order(np.array([1, 4])).tolist() == []


def test_a_prequel_numbered_zero_does_not_hide_the_first_book() -> None:
    places = Places.of([
        ("New Spring", "New Spring (Wheel of Time, #0)"),
        ("The Eye of the World", "The Eye of the World (Wheel of Time, #1)"),
        ("The Great Hunt", "The Great Hunt (Wheel of Time, #2)"),
    ])
    assert places.out_of_order(np.array([], dtype=np.int64)).tolist() == [2]


def test_a_later_book_more_people_read_than_the_first_is_a_way_in() -> None:
    poirot = [(f"Poirot {n}", f"Poirot {n} (Hercule Poirot, #{n})") for n in range(1, 11)]
    lecter = [("Red Dragon", "Red Dragon (Hannibal Lecter, #1)"),
              ("The Silence of the Lambs", "The Silence of the Lambs (Hannibal Lecter, #2)"),
              ("Hannibal", "Hannibal (Hannibal Lecter, #3)")]
    academy = [("Vampire Academy", "Vampire Academy (Vampire Academy, #1)"),
               ("Frostbite", "Frostbite (Vampire Academy, #2)")]
    # Goodreads' counts: Orient Express (#10) as read as Styles (#1) in a long series; The Silence of the
    # Lambs 1.8 times Red Dragon; Frostbite only a little above Vampire Academy, a short series read in order.
    readers = [135_514, *[20_000] * 8, 138_444, 194_013, 351_107, 150_000, 248_283, 256_745]
    places = Places.of([*poirot, *lecter, *academy], readers)
    out = set(places.out_of_order(np.array([], dtype=np.int64)).tolist())
    assert out == {*range(1, 9), 12, 14}  # Poirot 2-9, Hannibal, Frostbite
    # Without the counts, every later book waits for the first.
    assert set(Places.of([*poirot, *lecter, *academy]).out_of_order(np.array([], dtype=np.int64)).tolist()) \
        == {*range(1, 10), 11, 12, 14}


def test_numbered_film_titles_are_a_series_entered_by_its_first_film() -> None:
    """Scream 2 and Psycho III were offered to someone who had seen neither Scream nor Psycho."""
    from app.core.series import Film

    films = [Film("Scream", 1996, ("Horror",)), Film("Scream 2", 1997, ("Horror", "Thriller")),
             Film("Psycho", 1960, ("Horror",)), Film("Psycho III", 1986, ("Horror",)),
             Film("Psycho II", 1983, ("Horror",)),
             Film("Super", 2010, ("Comedy",)), Film("Super 8", 2011, ("Sci-Fi",)),  # no genre shared: not a sequel
             Film("The Game", 1997, ("Drama",)), Film("Game 6", 2005, ("Drama",)),  # a sixth part with none between
             Film("Apollo 13", 1995, ("Drama",)), None]
    places = Places.of([(f.title,) if f else ("Dune",) for f in films], films=films)
    assert set(places.out_of_order(np.array([10])).tolist()) == {1, 3, 4}
    assert set(places.out_of_order(np.array([0])).tolist()) == {3, 4}  # Scream seen: its sequel may come


def test_films_sharing_a_name_are_a_series_in_the_order_of_their_years() -> None:
    """A person who had seen no Harry Potter film was offered the seventh. Remakes under the same title, films
    that share only a genre, a long pause, and stand-up specials are no series."""
    from app.core.series import Film

    magic = ("Adventure", "Fantasy")
    films = [Film("Harry Potter and the Sorcerer's Stone", 2001, magic, ("wizard", "magic")),
             Film("Harry Potter and the Chamber of Secrets", 2002, magic, ("magic",)),
             Film("Harry Potter and the Deathly Hallows: Part 1", 2010, magic, ("wizard",)),
             Film("Alien", 1979, ("Horror", "Sci-Fi"), ("alien",), ("Ridley Scott",)),
             Film("Alien: Covenant", 1987, ("Sci-Fi",), (), ("Ridley Scott",)),  # the director, not a keyword
             Film("Ali: Fear Eats the Soul", 1974, ("Drama",), ("racism",)),
             Film("Ali", 1985, ("Drama",), ("boxing",)),  # a drama, and no more
             Film("Batman", 1966, ("Comedy",), ("batman",)), Film("Batman", 1970, ("Comedy",), ("batman",)),
             Film("The Lord of the Rings", 1978, magic, ("ring",)),
             Film("The Lord of the Rings: The Two Towers", 2002, magic, ("ring",)),  # after 24 years: a new start
             Film("Louis C.K.: Shameless", 2007, ("Comedy",), ("stand-up",)),
             Film("Louis C.K.: Chewed Up", 2008, ("Comedy",), ("stand-up",)),
             Film("The Princess and the Frog", 2009, magic, ("princess",)),
             Film("The Princess and the Pirate", 2010, magic, ("princess",)), None]
    places = Places.of([(f.title,) if f else ("Dune",) for f in films], films=films)
    assert set(places.out_of_order(np.array([15])).tolist()) == {1, 2, 4}
    assert set(places.out_of_order(np.array([0])).tolist()) == {4}  # the first seen: the rest may come
