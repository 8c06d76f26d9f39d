"""goodbooks-10k lists illustrators, translators and foreword writers beside a book's author."""

from __future__ import annotations

import json
from pathlib import Path

from app.lab.goodbooks import _names, credited

BUNDLE = Path(__file__).resolve().parents[2] / "resources" / "catalogs" / "goodbooks-10k" / "items.jsonl"

# Each first author with the year of their earliest book in the catalog.
WRITERS = {"J.K. Rowling": 1997, "Terry Pratchett": 1971, "Neil Gaiman": 1987, "George Orwell": 1933,
           "Alfred Bester": 1953, "Douglas Preston": 1994, "Lincoln Child": 2007}


def test_only_the_author_and_co_authors_with_books_of_their_own_are_credited() -> None:
    assert credited(["J.K. Rowling", "Mary GrandPré"], WRITERS, 1997) == ("J.K. Rowling",)
    assert credited(["Terry Pratchett", "Neil Gaiman"], WRITERS, 1990) == ("Terry Pratchett", "Neil Gaiman")
    assert credited(["George Orwell", "Celâl Üster"], WRITERS, 1949) == ("George Orwell",)
    assert credited([], WRITERS) == ()


def test_a_foreword_written_long_before_its_writers_own_books_is_not_theirs() -> None:
    # The Stars My Destination (1955) in the edition with Neil Gaiman's introduction: not "by Neil Gaiman".
    assert credited(["Alfred Bester", "Neil Gaiman"], WRITERS, 1955) == ("Alfred Bester",)
    # Co-authors whose own books came later, within a career: Relic (1995) is Preston and Child's.
    assert credited(["Douglas Preston", "Lincoln Child"], WRITERS, 1995) == ("Douglas Preston", "Lincoln Child")
    assert credited(["Alfred Bester", "Neil Gaiman"], WRITERS, None) == ("Alfred Bester", "Neil Gaiman")


def test_a_name_goodbooks_gives_twice_is_credited_once() -> None:
    assert _names("Louis Sachar, Louis Sachar") == ["Louis Sachar"]  # Holes
    assert _names("Tommy Lee, Nikki Sixx, Neil Strauss, Tommy Lee") == ["Tommy Lee", "Nikki Sixx", "Neil Strauss"]


def test_the_bundled_catalog_credits_each_name_once() -> None:
    items = [json.loads(line) for line in BUNDLE.read_text(encoding="utf-8").splitlines()]
    holes = next(it for it in items if it["title"] == "Holes")
    assert holes["creators"] == ["Louis Sachar"]
    assert all(len(set(it["creators"])) == len(it["creators"]) for it in items)
