"""What a person types: valid text within caps, and ids that are ids (issue 25 item 5)."""

from __future__ import annotations

import pytest

from app.core.errors import InputError
from app.core.typed import MAX_TYPED, item_id, typed_text, valid_text


def test_bytes_that_were_not_utf8_become_replacement_characters() -> None:
    typed = b"caf\xe9 \xff noir".decode("utf-8", "surrogateescape")  # what Python makes of such an argv
    assert valid_text(typed) == "caf\ufffd \ufffd noir"
    assert typed_text(f"  {typed}\n  ") == "caf\ufffd \ufffd noir"
    valid_text(typed).encode("utf-8")  # (raised UnicodeEncodeError in SQLite, the tokenizer and print)


def test_typed_text_is_capped_with_a_clear_message() -> None:
    assert typed_text("x" * MAX_TYPED) == "x" * MAX_TYPED
    with pytest.raises(InputError, match=f"A search is {MAX_TYPED + 1} characters long"):
        typed_text("x" * (MAX_TYPED + 1), "A search")


@pytest.mark.parametrize(("text", "found"), [("12", 12), ("#12", 12), (" 7 ", 7), ("²", None), ("１２", None),
                                             ("1" * 30, None), (str(2**63), None), (str(2**63 - 1), 2**63 - 1),
                                             ("-1", None), ("1.5", None), ("", None), ("1 2", None)])
def test_an_id_is_ascii_digits_within_sqlites_integers(text: str, found: int | None) -> None:
    assert item_id(text) == found
