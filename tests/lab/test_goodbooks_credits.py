"""goodbooks-10k lists illustrators, translators and foreword writers beside a book's author."""

from __future__ import annotations

from app.lab.goodbooks import credited


def test_only_the_author_and_co_authors_with_books_of_their_own_are_credited() -> None:
    writers = {"J.K. Rowling", "Terry Pratchett", "Neil Gaiman", "George Orwell"}
    assert credited(["J.K. Rowling", "Mary GrandPré"], writers) == ("J.K. Rowling",)
    assert credited(["Terry Pratchett", "Neil Gaiman"], writers) == ("Terry Pratchett", "Neil Gaiman")
    assert credited(["George Orwell", "Celâl Üster"], writers) == ("George Orwell",)
    assert credited([], writers) == ()
