"""Finding an item from what a person types: an id, or a title with an optional year."""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Collection

from app.core.errors import AmbiguousItem, NotFound
from app.core.text import normalize_title, split_title_year
from app.core.typed import typed_text
from app.core.types import Item
from app.storage import Store

__all__ = ["ItemLookup"]

_ACCEPT = 90.0  # plain edit-distance similarity that counts as a typo of one title
_NEAR = 85.0  # looser similarity at which a matching year settles it


def _digits(text: str) -> list[str]:
    return re.findall(r"\d+", text)


class ItemLookup:
    def __init__(self, store: Store) -> None:
        self.store = store
        self._index: dict[str, list[int]] | None = None
        self._short: dict[str, list[int]] = {}
        self._rows: dict[int, tuple[str, int | None, str]] = {}

    def _build(self) -> dict[str, list[int]]:
        if self._index is None:
            index: dict[str, list[int]] = defaultdict(list)
            short: dict[str, list[int]] = defaultdict(list)
            for item_id, title, year, kind, alts in self.store.items.titles():
                self._rows[item_id] = (title, year, kind)
                for name in [title, *json.loads(alts)]:
                    key = normalize_title(name)
                    if key and item_id not in index[key]:
                        index[key].append(item_id)
                    # "Terminator 2" names "Terminator 2: Judgment Day" when nothing else does.
                    main = normalize_title(name.split(":")[0])
                    if ":" in name and main and main != key and item_id not in short[main]:
                        short[main].append(item_id)
            self._index, self._short = dict(index), dict(short)
        return self._index

    def invalidate(self) -> None:
        self._index = None
        self._short = {}
        self._rows = {}

    def _label(self, item_id: int) -> str:
        title, year, kind = self._rows[item_id]
        return f"[{item_id}] {title}" + (f" ({year})" if year else "") + f" - {kind}"

    def find(
        self, query: str, *, kind: str | None = None, among: Collection[int] | None = None
    ) -> Item:
        """The one item meant by ``query``; NotFound or AmbiguousItem (with candidates) otherwise."""
        query = text = typed_text(query, "A title")  # (the longest catalog title is under 200 characters)
        id_match = re.fullmatch(r"#?(\d{1,18})", text)  # (a longer number is no id SQLite holds)
        if id_match and (among is None or int(id_match.group(1)) in among):
            item = self.store.items.get(int(id_match.group(1)))
            if item is not None:
                return item
        title, year = split_title_year(text)
        key = normalize_title(title)
        if not key:
            raise NotFound("Type a title (optionally with its year, e.g. \"The Matrix (1999)\") or an item id.",
                           zh="请输入一个标题（可以带上年份，例如 \"The Matrix (1999)\"），或一个条目编号。")
        index = self._build()

        def allowed(item_id: int) -> bool:
            _, y, k = self._rows[item_id]
            return (kind is None or k == kind) and (among is None or item_id in among) and (
                year is None or y is None or y == year
            )

        exact = [i for i in index.get(key, []) if allowed(i)] or [
            i for i in self._short.get(key, []) if allowed(i)
        ]
        if year is not None and len(exact) > 1:
            exact = [i for i in exact if self._rows[i][1] == year] or exact
        if len(exact) == 1:
            return self._get(exact[0])
        if len(exact) > 1:
            kinds = sorted({self._rows[i][2] for i in exact})
            years = {self._rows[i][1] for i in exact}
            by_kind = len(kinds) > 1 and (len(years) == 1 or year is not None)
            hint = ("Say which: the " + " or the ".join(kinds) + "." if by_kind
                    else "Add the year, e.g. \"Title (1999)\", or choose one.")
            command = ("With --kind " + " or --kind ".join(kinds) + ", or the item id." if by_kind
                       else "Or give the item id.")
            raise AmbiguousItem(
                f"{title!r} could be any of {len(exact)} items:",
                candidates=[self._label(i) for i in exact[:10]],
                hint=hint,
                command=command,
                zh=f"“{title}”可能是 {len(exact)} 个条目中的任何一个：" + "；".join(self._label(i) for i in exact[:5]),
                zh_hint="请加上年份，例如 \"Title (1999)\"，或选择其中一个。",
            )

        from rapidfuzz import fuzz, process

        keys = list(index)
        close = process.extract(key, keys, scorer=fuzz.WRatio, limit=25, score_cutoff=60)
        scored: dict[int, tuple[float, float]] = {}
        for name, loose, _ in close:
            strict = fuzz.ratio(key, name)
            for item_id in index[name]:
                if allowed(item_id):
                    best = scored.get(item_id, (0.0, 0.0))
                    scored[item_id] = max(best, (strict, loose))
        # A typo, not another film: "Terminator 2" is not "The Terminator".
        digits = _digits(key)
        typo = [
            i for i, (strict, _) in scored.items()
            if strict >= _ACCEPT and any(_digits(normalize_title(t)) == digits for t in self._names(i))
        ]
        if len(typo) == 1:
            return self._get(typo[0])
        if year is not None:
            same_year = [i for i, (_, loose) in scored.items() if loose >= _NEAR and self._rows[i][1] == year]
            if len(same_year) == 1:
                return self._get(same_year[0])
        ranked = sorted(scored, key=lambda i: (-scored[i][1], -scored[i][0], i))[:8]
        where = "in your history" if among is not None else "in the catalogs"
        if not ranked:
            raise NotFound(f"Nothing {where} matches {query!r}.",
                           hint="Check the spelling, or search with fewer words.",
                           zh=f"{'你的历史记录' if among is not None else '目录'}里没有与“{query}”相符的条目。",
                           zh_hint="请检查拼写，或少用几个词搜索。")
        raise AmbiguousItem(
            f"No single item {where} matches {query!r}. Closest:",
            candidates=[self._label(i) for i in ranked],
            hint="Use the exact title with its year, or the item id shown in brackets.",
            zh=f"{'你的历史记录' if among is not None else '目录'}里没有唯一与“{query}”相符的条目。最接近的："
            + "；".join(self._label(i) for i in ranked[:5]),
            zh_hint="请使用准确的标题和年份，或方括号里的条目编号。",
        )

    def similar_titles(self, text: str, *, limit: int = 50, cutoff: float = 85.0) -> list[int]:
        """Items whose title is spelt close to ``text`` ("Terminatr 2" finds "Terminator 2"), closest first."""
        from rapidfuzz import fuzz, process

        key = normalize_title(text)
        if not key:
            return []
        index = self._build()
        names = {**{k: v for k, v in self._short.items() if k not in index}, **index}  # "terminator 2" too
        best: dict[int, float] = {}
        for name, score, _ in process.extract(key, list(names), scorer=fuzz.ratio, limit=limit,
                                              score_cutoff=cutoff):
            for i in names[name]:
                best[i] = max(best.get(i, 0.0), score)
        # A typo keeps the numbers: "Termnator 2" is the second film, not the first.
        digits = _digits(key)
        return sorted(best, key=lambda i: (_digits(normalize_title(self._rows[i][0])) != digits, -best[i], i))[:limit]

    def _names(self, item_id: int) -> list[str]:
        return [self._rows[item_id][0]]

    def _get(self, item_id: int) -> Item:
        item = self.store.items.get(item_id)
        if item is None:  # removed since the index was built
            self.invalidate()
            raise NotFound(f"Item {item_id} no longer exists.")
        return item
