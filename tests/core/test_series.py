"""Series of books: a book's place read from its catalog title, and the way into a series not started."""

from __future__ import annotations

import numpy as np

from app.core.series import Places, place_of


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
