"""The kind of work a request names."""

from __future__ import annotations

import pytest

from app.core.kind_words import kind_named


@pytest.mark.parametrize(("texts", "kind"), [
    (["a heist film with car chases"], "film"),
    (["温馨的家庭电影"], "film"),
    (["关于时间旅行的烧脑科幻片"], "film"),
    (["关于友谊的小说"], "book"),
    (["轻松的爱情喜剧"], "film"),  # 喜剧 is a film's (a funny book is 幽默)
    (["一本喜剧小说"], None),
    (["a cozy mystery novel"], "book"),
    (["something to read on a plane"], "book"),
    (["a film based on a novel"], None),  # both
    (["dark science fiction with a twist"], None),  # neither
    (["温馨的推理故事"], None),
    ([], None),
    (["filmmaking", "bookish"], None),  # whole words only
])
def test_the_kind_a_request_names(texts: list[str], kind: str | None) -> None:
    assert kind_named(texts) == kind
