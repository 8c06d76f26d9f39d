"""Matching imported rows to catalog items: the work a person means, under any of its titles.

In order: ids (IMDb, Goodreads edition/best-edition/work, ISBN); the title or an
alternative title, with the year (films) or the author (books); a part of a catalog title
with the exact year or author ("Star Wars" 1977, "The Empire Strikes Back" 1980); for
books, the same author and a close title, or a translated title that agrees with one of
the author's books in its words and its meaning. The last two are loose: the report
lists them for the person to check.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np
from rapidfuzz import fuzz, process

from app.core.series import place_of
from app.core.text import series_name, strip_series
from app.core.titles import (
    author_key,
    cjk_only,
    content_words,
    english_words,
    foreign_title,
    loose_key,
    match_key,
    omnibus_key,
    part_of_key,
    same_author,
    subtitles,
    title_keys,
    title_parts,
)
from app.core.transliteration import is_transliterated, sounds_like
from app.importers.records import ImportRow
from app.storage import Store

__all__ = ["CJK_ONLY", "Match", "Matcher", "Similarity"]

# (row text, candidate item ids) -> cosine similarity of each candidate's text to the row's.
Similarity = Callable[[str, Sequence[int]], Sequence[float]]

_CLOSE_TITLE = 90.0  # edit-distance similarity of two titles by one author that makes them one work
_CLOSE_AUTHOR = 85.0  # ... and of two spellings of a surname, with the same title and first initial
_COGNATE = 72.0  # two words this alike are the same word in two languages ("prejuicio", "prejudice")
_TRANSLATED = 0.5  # agreement of a translated title: 0.7 x cognate share + 0.3 x text cosine
_MARGIN = 0.1  # ... which must beat the author's next-best book by this much
# How the reason for a row with only a Chinese (Japanese, Korean) title that matched nothing begins.
CJK_ONLY = "only a Chinese (or Japanese, Korean) title"
# A Chinese-only title and a catalog title of about its year this close by the multilingual model, and this far
# ahead of the next: most likely the same work translated, so it is not recommended (it is never matched).
TRANSLATED = 0.7
TRANSLATED_MARGIN = 0.05
AUTHOR_TRANSLATED = 0.5  # ... and among the author's own books, a title this close (and _MARGIN ahead)
FOREIGN_TRANSLATED = 0.35  # ... or this close, for a title that reads as not English (_author_translation)
# ... and with no year, a foreign title this close, this far ahead of the author's next book (_clear_translation)
CLEAR_TRANSLATION, CLEAR_MARGIN = 0.65, 0.2
YEAR_TRANSLATED = 0.33  # the multilingual cosine of a title and the one book of its author and year, to match it
# (0.4 left out "Matar un ruiseñor" 0.35, "El guardián entre el centeno" 0.37, "El proceso" 0.34; the wrong
# ones seen are lower: "La larga marcha" and The Dead Zone 0.30, "El spleen de París" and Les Fleurs du Mal 0.31)
# A director's name in Chinese that sounds this much like a same-year film's director's (0-100), with titles this
# close by the multilingual model; or sounds less alike, with closer titles: most likely that film (see _heard).
HEARD, HEARD_TITLE = 70, 0.2
HEARD_WEAK, HEARD_WEAK_TITLE = 50, 0.45
NAME_HEARD = 0.4  # the multilingual cosine of an author's name in Chinese and in Latin letters, for the same title
# A Chinese-only film title and a film of its year: the multilingual cosines of the titles and of the directors'
# names together, this much and this far ahead of the year's next film, make it that film (_directed).
DIRECTED, DIRECTED_MARGIN = 1.15, 0.2


class _Cand(NamedTuple):
    id: int
    title: str
    year: int | None
    kind: str
    popularity: int
    authors: tuple[tuple[str, str], ...]
    series: str = ""  # match key of the series it belongs to
    place: int | None = None  # its number in that series ("(Harry Hole, #3)")


@dataclass(frozen=True)
class Match:
    """What a row matched, how, or why nothing did; ``also`` names more catalog items the row
    means (other editions, or every candidate of an ambiguous row): never recommended."""

    item_id: int | None
    how: str = ""
    loose: bool = False
    reason: str = ""
    also: tuple[int, ...] = ()


def _close(a: str, b: str) -> bool:
    """Two titles that differ only in spelling, word by word: "Divergente" and "Divergent", not
    "Ready Player Two" and "Ready Player One", nor "More Scary Stories" and "Scary Stories"."""
    wa, wb = a.split(), b.split()
    return (len(wa) == len(wb) and fuzz.ratio(a, b) >= _CLOSE_TITLE
            and all(x == y if x.isdigit() or y.isdigit() else fuzz.ratio(x, y) >= 80 for x, y in zip(wa, wb)))


def _close_author(a: tuple[str, str], b: tuple[str, str]) -> bool:
    """One author's name spelled two ways, both with a first initial: "Fyodor Dostoevsky", "Fyodor Dostoyevsky"."""
    return bool(a[1]) and a[1] == b[1] and fuzz.ratio(a[0], b[0]) >= _CLOSE_AUTHOR


def _numbers(text: str) -> set[str]:
    """The numbers a title names ("Vol. 4", "Part 2"; not "10th Anniversary Edition")."""
    return {n.lstrip("0") or "0" for n in re.findall(r"\b\d+\b", text)}


def _best(found: Sequence[_Cand]) -> _Cand:
    return max(found, key=lambda c: (c.popularity, -c.id))


class Matcher:
    """An in-memory index of the catalogs (not of the file), so memory stays bounded."""

    def __init__(self, store: Store, *, similarity: Similarity | None = None,
                 translations: Callable[[Sequence[str]], np.ndarray] | None = None) -> None:
        self._by_key: dict[str, list[_Cand]] = defaultdict(list)
        self._by_compact: dict[str, list[_Cand]] = defaultdict(list)  # "Old Boy" is "Oldboy"
        self._by_loose: dict[str, list[_Cand]] = defaultdict(list)  # words without particles
        self._by_part: dict[str, list[_Cand]] = defaultdict(list)
        self._by_author: dict[str, list[_Cand]] = defaultdict(list)
        self._by_id: dict[tuple[str, str], _Cand] = {}
        self._by_own_script: dict[str, list[_Cand]] = defaultdict(list)  # "霸王别姬": a film's own title
        self._by_year: dict[tuple[str, int], list[_Cand]] = defaultdict(list)
        self._similarity = similarity
        self._translations = translations  # multilingual vectors of titles (L2-normalised), for CJK-only rows
        self._title_vectors: dict[int, np.ndarray] = {}
        self._row_vectors: dict[str, np.ndarray] = {}  # the rows' titles read so far (_title_cosines)
        self._name_vectors: dict[str, np.ndarray] = {}  # a director's name as the catalog writes it (_directed)
        self._claimed: set[int] = set()  # the catalog items this import's rows matched or named so far
        self._kinds: dict[int, str] = {}
        self._directors: dict[int, tuple[str, ...]] = {}  # a film's credited names as written, for _heard
        self._writers: dict[int, str] = {}  # a book's first author as written, for _named_in_chinese
        self._imdb: dict[int, str] = {}  # a film's own IMDb id: a row with another is another work
        for item_id, title, year, kind, alts, popularity, imdb, isbn13, goodreads, creators, alt_ids, tmdb in (
            store.items.catalog_match_rows()
        ):
            authors = tuple(a for a in (author_key(c) for c in json.loads(creators)) if a[0])
            names = [title, *json.loads(alts)]
            series = next((match_key(s) for s in map(series_name, names) if s), "")
            found = place_of(names) if kind == "book" else None
            cand = _Cand(item_id, title, year, kind, popularity, authors, series, found[1] if found else None)
            self._kinds[item_id] = kind
            if kind == "film":
                self._directors[item_id] = tuple(json.loads(creators))
            elif authors:
                self._writers[item_id] = json.loads(creators)[0]
            if year is not None:
                self._by_year[(kind, year)].append(cand)
            keys = {match_key(v) for name in names for v in (name, strip_series(name))} - {""}
            for key in keys:
                self._by_key[key].append(cand)
            for alt in json.loads(alts):
                if cjk_only(alt):  # the catalog's original title, in the work's own script
                    self._by_own_script[match_key(alt)].append(cand)
            for key in {k.replace(" ", "") for k in keys}:
                self._by_compact[key].append(cand)
            for key in {loose_key(name) for name in names} - {""}:
                self._by_loose[key].append(cand)
            for key in {k for name in names for k in title_parts(name)}:
                self._by_part[key].append(cand)
            if kind == "book":
                for a in authors:
                    self._by_author[a[0]].append(cand)
            if imdb:
                self._imdb[item_id] = imdb
            ids = [("imdb", imdb), ("tmdb", tmdb), ("isbn13", isbn13), ("goodreads", goodreads)]
            ids += [tuple(x.split(":", 1)) for x in json.loads(alt_ids)]  # type: ignore[misc]
            for scheme, value in ids:
                if value:
                    self._by_id.setdefault((scheme, value), cand)

    def kind_of(self, item_id: int) -> str:
        return self._kinds[item_id]

    # -- the steps -----------------------------------------------------------------------------

    def match(self, row: ImportRow) -> Match:
        found = self._match(row)
        self._claimed.update(found.also)
        if found.item_id is not None:
            self._claimed.add(found.item_id)
        return found

    def settle(self, rows: Sequence[tuple[int, ImportRow]]) -> dict[int, tuple[int, ...]]:
        """The author's books that rows of one file matching nothing translate, read together: the catalog
        books the file's other rows matched or named are not theirs, and each book is one row's at most.
        "El último héroe del Olimpo" alone is as close to The Lost Hero as to The Last Olympian; the file's
        "El Héroe Perdido" is The Lost Hero, so it is The Last Olympian. Keyed by each row's own item: kept
        out of the recommendations, never matched (as ``_author_translation``)."""
        if self._translations is None:
            return {}
        groups: dict[tuple[str, str], list[tuple[int, ImportRow]]] = defaultdict(list)
        for own, row in rows:
            authors = [a for a in (author_key(c) for c in row.creators) if a[0]]
            if row.kind == "book" and authors and foreign_title(row.title):
                groups[authors[0]].append((own, row))
        out: dict[int, tuple[int, ...]] = {}
        for author, group in groups.items():
            cands = [c for c in self._authors_books((author,)) if c.id not in self._claimed]
            if not cands:
                continue
            cosines = np.stack([self._title_cosines(row.title, cands) for _, row in group])
            while np.isfinite(cosines).any():  # (a row or book taken is -inf)
                order = np.sort(cosines, axis=1)[:, ::-1]
                second = order[:, 1] if order.shape[1] > 1 else np.zeros(len(order))
                sure = (order[:, 0] >= AUTHOR_TRANSLATED) & (order[:, 0] - np.maximum(second, 0.0) >= _MARGIN)
                if not sure.any():
                    break
                r = int(np.argmax(np.where(sure, order[:, 0], -np.inf)))
                c = int(np.argmax(cosines[r]))
                out[group[r][0]] = (cands[c].id,)
                self._claimed.add(cands[c].id)
                cosines[r, :] = -np.inf
                cosines[:, c] = -np.inf
        return out

    def _match(self, row: ImportRow) -> Match:
        kinds = {"film": ("film",), "other": ("film",), "book": ("book",)}.get(row.kind or "", ("film", "book"))
        row_authors = tuple(a for a in (author_key(c) for c in row.creators) if a[0])
        found = self._by_ids(row, row_authors)
        if found is not None:
            return found
        if not row.alt_titles and cjk_only(row.title):
            return self._cjk_only(row, kinds, row_authors)
        reasons: list[str] = []
        book = row.kind == "book"
        keys = [k for t in (row.title, *row.alt_titles) for k in title_keys(t, book=book)]
        # Only a title as given explains a miss: "Avengers" of 2012 says nothing of "Avengers: Endgame".
        given = {ks[0] for t in (row.title, *row.alt_titles) if (ks := title_keys(t, book=book))}
        for key in dict.fromkeys(keys):
            found = self._resolve(self._by_key.get(key, ()), row, kinds, row_authors,
                                  reasons if key in given else [], "title", strict_year=row.kind == "other")
            if found is not None:
                return found
        if keys:
            for index, key in ((self._by_compact, keys[0].replace(" ", "")), (self._by_loose, loose_key(row.title))):
                found = self._resolve(index.get(key, ()), row, kinds, row_authors, [], "title", strict_year=True)
                if found is not None:
                    return found
        # A row's own subtitle must be the catalog title's: "Sherlock: The Blind Banker" is not "Sherlock - A Study in
        # Pink" of the same year (three episodes of afelka's Letterboxd diary were one film); "Star Wars: A New Hope"
        # is "Star Wars: Episode IV - A New Hope".
        # A book's editions differ in subtitle ("The Hare with Amber Eyes: A Hidden Inheritance"): where the part names
        # one book, its numbers only must agree ("Cardcaptor Sakura: Clear Card, Vol. 4" is no "Vol. 1").
        own = {k: sub for t in (row.title, *row.alt_titles) for k, sub in subtitles(t).items()}
        for key in dict.fromkeys(keys):
            parts = list(self._by_part.get(key, ()))
            if key in own:
                one_book = row.kind == "book" and len({c.id for c in parts}) == 1
                parts = [c for c in parts if _numbers(own[key]) <= _numbers(c.title) and (
                    one_book or set(content_words(own[key])) <= set(content_words(c.title)))]
            found = self._resolve(parts, row, kinds, row_authors, [], "part of the title", strict_year=True)
            if found is not None:
                return found
        also: tuple[int, ...] = ()
        if row_authors and "book" in kinds:
            found = self._loose_book(row, row_authors)
            if found is not None:
                return found
            found = self._clear_translation(row, row_authors) or self._named_series_translation(row, row_authors)
            if found is not None:
                return found
            also = self._author_translation(row, row_authors)
        if row.kind == "other" and not reasons:  # IMDb's TV series and games: say why, not only "no film"
            return Match(None, reason="not a film or a book (a TV series, a game...), and the catalogs hold films"
                                      " and books", also=also)
        what = {("film",): "film", ("book",): "book"}.get(kinds, "film or book")
        return Match(None, reason=reasons[0] if reasons else f"no catalog {what} has this title", also=also)

    def _cjk_only(self, row: ImportRow, kinds: tuple[str, ...], row_authors: tuple[tuple[str, str], ...]) -> Match:
        """A title in Chinese (Japanese, Korean) characters alone, with no original title beside it, is most often
        a translation, and the catalogs hold few such titles: it names a catalog work only with strong evidence,
        that work's exact title, the same year and the same director or author, or that work's original title in
        its own script ("霸王别姬") and the same year. A wrong match is worse than
        none, so no part of a title, no loose key, no year apart."""
        keys = title_keys(row.title, book=row.kind == "book")
        found = [c for k in dict.fromkeys(keys) for c in self._by_key.get(k, ()) if c.kind in kinds]
        if not found:
            named = self._translated_by_author(row, row_authors) if "book" in kinds else self._directed(row, kinds)
            if named is not None:
                return named
            return Match(None, reason=f"{CJK_ONLY}, which no catalog work has", also=self._unlisted(row, kinds))
        sure = [c for c in found if row.year is not None and c.year == row.year
                and any(same_author(a, b) for a in row_authors for b in c.authors)]
        # A catalog work whose original title is this very title, in its own script, from the same year: the
        # film's own name ("霸王别姬", 1993), not a translation of it.
        own = {c.id: c for k in dict.fromkeys(keys) for c in self._by_own_script.get(k, ())
               if c.kind in kinds and row.year is not None and c.year == row.year}
        if not sure and len(own) == 1:
            (only,) = own.values()
            return Match(only.id, how="original title and year", also=self._editions(only))
        if len({c.id for c in sure}) == 1:
            return Match(sure[0].id, how="title, year and " + ("author" if sure[0].kind == "book" else "director"),
                         also=self._editions(sure[0]))
        who = "author" if found[0].kind == "book" else "director"
        # Not matched, but not recommended either: the works of that title from about that year.
        near = tuple(c.id for c in found if row.year is None or c.year is None or abs(c.year - row.year) <= 1)
        return Match(None, reason=f"{CJK_ONLY}: a catalog {found[0].kind} has it, but the file does not show the same"
                                  f" year and {who}", also=near + self._unlisted(row, kinds))

    def _directed(self, row: ImportRow, kinds: tuple[str, ...]) -> Match | None:
        """A Chinese title beside its director's name in Chinese ("龙猫", 宫崎骏, 1988): the film of that year whose
        title and director the multilingual model both puts near (My Neighbor Totoro: titles 0.42, names 0.75),
        the two cosines together DIRECTED or more and DIRECTED_MARGIN ahead of the year's next film. Neither
        alone is enough: 千与千寻 is as near Millennium Actress (0.49) as Spirited Away (0.42), and 金知云 (Kim
        Jee-woon) near Kaige Chen (0.73). On chuckleong21's Douban workbook this matched 38 films and lmm214's
        export 10, all of them right; the catalog knows directors up to about 2009 (HetRec)."""
        if self._translations is None or row.year is None or not row.creators or "film" not in kinds:
            return None
        cands = [c for c in self._by_year.get(("film", row.year), ()) if self._directors.get(c.id)]
        if not cands:
            return None
        names = self._translations(list(row.creators[:4]))
        todo = list(dict.fromkeys(d for c in cands for d in self._directors[c.id][:3] if d not in self._name_vectors))
        if todo:
            self._name_vectors.update(zip(todo, self._translations(todo)))
        heard = np.array([float((names @ np.stack([self._name_vectors[d] for d in self._directors[c.id][:3]]).T).max())
                          for c in cands])
        total = self._title_cosines(row.title, cands) + heard
        order = np.argsort(-total)
        second = float(total[order[1]]) if len(order) > 1 else 0.0
        if float(total[order[0]]) < DIRECTED or float(total[order[0]]) - second < DIRECTED_MARGIN:
            return None
        best = cands[int(order[0])]
        return Match(best.id, how="title and director, read across languages", loose=True, also=self._editions(best))

    def _translated_by_author(self, row: ImportRow, row_authors: tuple[tuple[str, str], ...]) -> Match | None:
        """A Chinese title beside its author's name in Latin letters ("动物庄园", 乔治•奥威尔 (George Orwell)): the
        author's catalog book the title means, by the multilingual model, clearly ahead of the author's next."""
        latin = tuple(a for a in row_authors if not cjk_only(a[0]))
        cands = self._authors_books(latin) if latin and self._translations is not None else []
        if not cands:
            return None
        best = self._clearly_closest(row.title, cands, AUTHOR_TRANSLATED, _MARGIN)
        if best is None:
            return None
        return Match(best.id, how="its author's book that the title translates", also=self._editions(best))

    def _unlisted(self, row: ImportRow, kinds: tuple[str, ...]) -> tuple[int, ...]:
        """The catalog works a Chinese-only title most likely is, kept out of the recommendations (never matched):
        its clear translation (``_translated``) and the films whose director's name sounds like the row's
        (``_heard``)."""
        return tuple(dict.fromkeys(self._translated(row, kinds) + self._heard(row, kinds)))

    def _title_cosines(self, title: str, cands: Sequence[_Cand]) -> np.ndarray:
        """The multilingual model's cosine of ``title`` and each candidate's title (the vectors kept)."""
        assert self._translations is not None
        todo = [c for c in cands if c.id not in self._title_vectors]
        if todo:
            for c, v in zip(todo, self._translations([c.title for c in todo])):
                self._title_vectors[c.id] = v
        if title not in self._row_vectors:  # (a row's title is asked about by several rules in turn)
            self._row_vectors[title] = self._translations([title])[0]
        return np.stack([self._title_vectors[c.id] for c in cands]) @ self._row_vectors[title]

    def _clearly_closest(self, title: str, cands: Sequence[_Cand], floor: float, margin: float) -> _Cand | None:
        """The candidate whose title the multilingual model puts closest to ``title``, at ``floor`` or more and
        ``margin`` ahead of the next; None when none is that clear."""
        return self._clear_winner(cands, self._title_cosines(title, cands), floor, margin)

    def _clear_winner(self, cands: Sequence[_Cand], cosines: np.ndarray, floor: float, margin: float) -> _Cand | None:
        """The candidate of the highest cosine, at ``floor`` or more and ``margin`` ahead of its first rival."""
        order = np.argsort(-cosines)
        best = cands[int(order[0])]
        # Another edition of it, or an omnibus that holds it, is no rival: "Los juegos del hambre" is The Hunger
        # Games (0.77) ahead of its author's next book (0.39), whatever The Hunger Games Trilogy Boxset has (0.63).
        same = set(self._editions(best)) if best.kind == "book" else set()
        rivals = [float(cosines[k]) for k in order[1:] if cands[int(k)].id not in same]
        top = float(cosines[order[0]])
        second = rivals[0] if rivals else 0.0
        return best if top >= floor and top - second >= margin else None

    def _translated(self, row: ImportRow, kinds: tuple[str, ...]) -> tuple[int, ...]:
        """The catalog work a Chinese-only title most likely translates, by the multilingual model: never a
        match (千与千寻 is closest to "Millennium Actress", not "Spirited Away"), only kept out of the
        recommendations, and only when it is clearly closest among that year's works ("哈利·波特与魔法石" and
        "Harry Potter and the Sorcerer's Stone": 0.73, the next 0.64)."""
        if self._translations is None or row.year is None:
            return ()
        cands = [c for kind in kinds for y in (row.year - 1, row.year, row.year + 1)
                 for c in self._by_year.get((kind, y), ())]
        if not cands:
            return ()
        best = self._clearly_closest(row.title, cands, TRANSLATED, TRANSLATED_MARGIN)
        return (best.id,) if best is not None else ()

    def _heard(self, row: ImportRow, kinds: tuple[str, ...]) -> tuple[int, ...]:
        """Films of the row's year whose director's name, written in Chinese on the Douban card, sounds like the
        catalog's (app/core/transliteration.py), with titles not far apart by the multilingual model: 黑客帝国
        (1999, 莉莉·沃卓斯基) is The Matrix, whose title says nothing of a hacker's empire. Kept out of the
        recommendations, never matched: on lmm214's doumark export this keeps out 15 films of the file (The
        Truman Show, The Dark Knight, Children of Men...) and 2 of the same years it has not (docs/importing.md)."""
        names = [n for n in row.creators if is_transliterated(n)]
        if self._translations is None or row.year is None or not names or "film" not in kinds:
            return ()
        cands = [c for c in self._by_year.get(("film", row.year), ()) if self._directors.get(c.id)]
        if not cands:
            return ()
        cosines = self._title_cosines(row.title, cands)
        out = []
        for c, cosine in zip(cands, cosines.tolist()):
            heard = max(sounds_like(n, d) for n in names for d in self._directors[c.id])
            if (heard >= HEARD and cosine >= HEARD_TITLE) or (heard >= HEARD_WEAK and cosine >= HEARD_WEAK_TITLE):
                out.append(c.id)
        return tuple(out)

    def _by_ids(self, row: ImportRow, row_authors: tuple[tuple[str, str], ...]) -> Match | None:
        for scheme, value, how in (("imdb", row.imdb, "IMDb id"), ("tmdb", row.tmdb, "TMDB id"),
                                   ("goodreads", row.goodreads, "Goodreads id"),
                                   ("isbn13", row.isbn13, "ISBN")):
            cand = self._by_id.get((scheme, value)) if value else None
            if cand is not None and (row.kind in (None, cand.kind) or row.kind == "other"):
                return Match(cand.id, how=how, also=self._editions(cand))
        # A work id and an edition id are numbered apart: a bare coincidence of numbers is
        # no match, so the author must agree too.
        cand = self._by_id.get(("goodreads-work", row.goodreads)) if row.goodreads else None
        if cand is not None and any(same_author(a, b) for a in row_authors for b in cand.authors):
            return Match(cand.id, how="Goodreads work id", also=self._editions(cand))
        return None

    def _resolve(self, found: Sequence[_Cand], row: ImportRow, kinds: tuple[str, ...],
                 row_authors: tuple[tuple[str, str], ...], reasons: list[str], how: str, *,
                 strict_year: bool) -> Match | None:
        # An IMDb id names one work: a row whose id the catalog does not have is not a film that has another
        # ("Pirates of the Caribbean: The Legend of Jack Sparrow", a 2006 game, took Dead Man's Chest's rating).
        found = [c for c in found if c.kind in kinds and not (row.imdb and self._imdb.get(c.id, row.imdb) != row.imdb)]
        if not found:
            return None
        books = [c for c in found if c.kind == "book"]
        if row_authors and books:
            # Books: the author decides; editions disagree about the year.
            same = ([c for c in books if any(same_author(a, b) for a in row_authors for b in c.authors)]
                    or [c for c in books if any(_close_author(a, b) for a in row_authors for b in c.authors)])
            if same:
                best = _best(same)
                return Match(best.id, how=f"{how} and author", also=self._editions(best, same))
            if row.creators and all(cjk_only(n) for n in row.creators):
                return self._named_in_chinese(row, books, how)
            reasons.append(f"a catalog book has this title, by {books[0].authors[0][0].title()}"
                           if books[0].authors else "a catalog book has this title, by someone else")
            found = [c for c in found if c.kind != "book"]
            if not found:
                return None
        if row.year is not None:
            # Sources disagree by a year now and then (festival vs release date).
            for tolerance in (0,) if strict_year else (0, 1):
                close = [c for c in found if c.year is not None and abs(c.year - row.year) <= tolerance]
                if close:
                    return self._pick(close, row, f"{how} and year", kin=found)
            years = sorted({c.year for c in found if c.year is not None})
            if years and how == "title":
                reasons.append(f"a catalog {found[0].kind} has this title, from "
                               + ", ".join(map(str, years[:3])) + f", not {row.year}")
            return None
        if strict_year:
            return None
        return self._pick(found, row, how)

    def _named_in_chinese(self, row: ImportRow, books: Sequence[_Cand], how: str) -> Match:
        """A catalog book of the very title ("1984") whose author the row writes in Chinese characters ("乔治·奥威尔"):
        the names compared by the multilingual model (George Orwell 0.67; of two unrelated names half are below
        0.29 and nine in ten below 0.41). Close enough, that book; else it is only kept out of the
        recommendations: the person may well have read it (lmm214's Douban books had 1984 41st in their list)."""
        theirs = [c for c in books if c.id in self._writers]
        if self._translations is not None and theirs:
            cosines = (self._translations(list(row.creators))
                       @ self._translations([self._writers[c.id] for c in theirs]).T).max(axis=0)
            best = theirs[int(np.argmax(cosines))]
            if float(cosines.max()) >= NAME_HEARD:
                return Match(best.id, how=f"{how} and the author's name in Chinese", also=self._editions(best))
        return Match(None, reason="a catalog book has this title, and the file names its author in Chinese"
                                  " characters only: kept out of your recommendations, not matched",
                     also=tuple(c.id for c in books))

    def _pick(self, found: Sequence[_Cand], row: ImportRow, how: str, kin: Sequence[_Cand] = ()) -> Match:
        """The best-known of ``found``; ``kin`` are all the items of that title, for ``also``."""
        if len({c.kind for c in found}) > 1:
            # "Alien (1979)" is a film and a novel: a row that does not say which names both.
            return Match(None, reason="could be a film or a book, and the file does not say which",
                         also=tuple(c.id for c in found))
        best = _best(found)
        # The same title a year apart is one work as people know it ("Whiplash", the 2013 short and
        # the 2014 feature): the other is not recommended either.
        close = tuple(c.id for c in (kin or found) if c.id != best.id and c.kind == best.kind
                      and c.year is not None and best.year is not None and abs(c.year - best.year) <= 1)
        return Match(best.id, how=how, also=close)

    def _editions(self, cand: _Cand, same: Sequence[_Cand] = ()) -> tuple[int, ...]:
        """Other catalog items that are the same work as ``cand`` (goodbooks lists a few twice), or hold
        it or are held by it: "Wool Omnibus" and "Wool", or "1Q84" whole and "1Q84 BOOK 3" (#3 of the
        series "1Q84"), by the same author."""
        pool = list(same) or self._by_key.get(match_key(cand.title), [])
        out = [c.id for c in pool if c.id != cand.id and c.kind == cand.kind
               and (c.authors == cand.authors if c.kind == "book"
                    else c.year is not None and cand.year is not None and abs(c.year - cand.year) <= 1)]
        if cand.kind == "book" and cand.authors:
            main = cand.authors[0]
            inner = omnibus_key(cand.title)
            whole = part_of_key(cand.title) or match_key(cand.title)
            for c in self._by_author.get(main[0], ()):
                if c.id == cand.id or not c.authors or not same_author(main, c.authors[0]):
                    continue
                key = match_key(c.title)
                # ("The Way of Kings, Part 1", an edition split in two, is The Way of Kings read)
                if ((inner and key == inner) or omnibus_key(c.title) == match_key(cand.title)
                        or (cand.series and key == cand.series) or (part_of_key(c.title) or key) == whole):
                    out.append(c.id)
        return tuple(dict.fromkeys(out))

    def _authors_books(self, row_authors: tuple[tuple[str, str], ...]) -> list[_Cand]:
        """The catalog books whose main author is the row's: not a translator or illustrator, not a book "with"
        Jane Austen."""
        # The first the catalog knows: StoryGraph's "Javier Guerrero, Andy Weir" for "El marciano" names the
        # translator first.
        for main in row_authors:
            found = [c for c in self._by_author.get(main[0], ()) if c.authors and same_author(main, c.authors[0])]
            if found:
                return found
        main = row_authors[0]
        if not main[1]:
            return []
        # A surname no catalog book has, spelled as another language spells a catalog author's, with the same
        # first initial: LibraryThing's "Tolstoï, Léon" is Leo Tolstoy ("Anna Karénine" was recommended Anna
        # Karenina), "Dostoïevski" Dostoevsky.
        near = process.extract(main[0], list(self._by_author), scorer=fuzz.ratio, score_cutoff=_CLOSE_AUTHOR,
                               limit=3)
        return [c for key, _, _ in near for c in self._by_author[key]
                if c.authors and _close_author(main, c.authors[0])]

    def _clear_translation(self, row: ImportRow, row_authors: tuple[tuple[str, str], ...]) -> Match | None:
        """A foreign title that the multilingual model puts far closer to one of its author's books than to the
        next: that book, translated ("Sur la route" and On the Road 0.83, Big Sur 0.25; "Neuromancien" 0.78;
        "El camino de los reyes" and The Way of Kings 0.69).
        LibraryThing gives no original year for ``_author_year``."""
        cands = self._authors_books(row_authors) if self._translations is not None else []
        best = self._clearly_closest(row.title, cands, CLEAR_TRANSLATION, CLEAR_MARGIN) if cands else None
        if best is None or (set(content_words(row.title)) & set(content_words(best.title))
                            and not foreign_title(row.title)):  # "Ready Player Two" (_author_translation)
            return None
        return Match(best.id, how="its author's book that the title translates", loose=True,
                     also=self._editions(best))

    def _named_series_translation(self, row: ImportRow, row_authors: tuple[tuple[str, str], ...]) -> Match | None:
        """A foreign title that shares a name with several of its author's books ("Harry Potter y la piedra
        filosofal"): the rest of it, by the multilingual model, clearly closest to the rest of one of theirs ("y la
        piedra filosofal" and "and the Sorcerer's Stone" 0.64, the next 0.40). Whole, all seven are 0.79-0.86."""
        if self._translations is None or not foreign_title(row.title):
            return None
        cands = self._authors_books(row_authors)
        words = set(content_words(row.title))
        counts = Counter(w for c in cands for w in set(content_words(c.title)) & words)
        shared = {w for w, n in counts.items() if n >= 2}
        group = [c for c in cands if shared and shared <= set(content_words(c.title))]
        if len(group) < 2:
            return None
        rest = lambda title: " ".join(t for t in re.findall(r"[\w'’]+", title)  # noqa: E731
                                      if not set(content_words(t)) & shared)
        remainder = rest(row.title)
        if not content_words(remainder):
            return None
        vectors = self._translations([remainder, *(rest(c.title) for c in group)])
        best = self._clear_winner(group, vectors[1:] @ vectors[0], AUTHOR_TRANSLATED, _MARGIN)
        if best is None:
            return None
        return Match(best.id, how="its author's book that the title translates", loose=True,
                     also=self._editions(best))

    def _author_translation(self, row: ImportRow, row_authors: tuple[tuple[str, str], ...]) -> tuple[int, ...]:
        """The author's book a translated title means, by the multilingual model, where no word gives it away
        ("El camino de los reyes": The Way of Kings, 0.69 and 0.22 ahead of Sanderson's next; "El resplandor" is
        not clear enough): kept out of the recommendations, never matched. On IvanAlba97's StoryGraph export
        the top ten held The Way of Kings and The Alloy of Law, both in the file in Spanish (and The Shining, whose
        "El resplandor" is no closer to it than to King's other books)."""
        cands = self._authors_books(row_authors)
        # "El misterio de Salem's Lot": the whole title of one of the author's books inside the row's.
        key = f" {match_key(row.title)} "
        inside = tuple(c.id for c in cands if len(match_key(c.title)) >= 8 and f" {match_key(c.title)} " in key)
        # "Fictions" read: the author's "Collected Fictions" holds it.
        inside += tuple(c.id for c in cands if omnibus_key(c.title) == key.strip())
        if inside or self._translations is None or not cands:
            return inside
        best = self._clearly_closest(row.title, cands, AUTHOR_TRANSLATED, _MARGIN)
        if best is None and foreign_title(row.title):
            # Less close, in a language that is not English: "Sa Majesté des Mouches" and Lord of the Flies 0.41,
            # "Souris Et Des Hommes" and Of Mice and Men 0.39 were recommended back to mmai. Read one by one on
            # that export, 9 of 16 so hidden are right; a wrong one hides a book of an author the person reads.
            best = self._clearly_closest(row.title, cands, FOREIGN_TRANSLATED, _MARGIN)
        if best is None:
            return ()
        # "Ready Player Two" is close to "Ready Player One" and is another book; "Palabras radiantes" shares no
        # word with "Words of Radiance" (and looks no less English to foreign_title).
        shared = set(content_words(row.title)) & set(content_words(best.title))
        return () if shared and not foreign_title(row.title) else (best.id,)

    def _loose_book(self, row: ImportRow, row_authors: tuple[tuple[str, str], ...]) -> Match | None:
        cands = self._authors_books(row_authors)
        if not cands:
            return None
        key = title_keys(row.title, book=True)[-1]
        close = [c for c in cands if _close(key, match_key(c.title))]
        if len(close) == 1:
            return Match(close[0].id, how="author and a close title", loose=True, also=self._editions(close[0]))
        if close:  # the row names one of them, but which? None is recommended.
            return Match(None, reason="several of the author's books have a close title",
                         also=tuple(c.id for c in close))
        # A translation: the same author's book whose words are cognates of the row's and whose
        # text is nearest in meaning, clearly ahead of the author's other books. Only for a title
        # that is not English: "Ready Player Two" is not a translation of "Ready Player One".
        if not foreign_title(row.title):
            return self._author_year(row, cands)
        drop = frozenset(w for c in (row.creators[0],) for w in content_words(c))
        words = content_words(row.title, drop=drop)
        if not words:
            return self._author_year(row, cands)
        cognates = [self._cognates(words, content_words(c.title, drop=drop)) for c in cands]
        scores = cognates
        if self._similarity is not None:
            text = f"{row.title}. By {', '.join(row.creators)}."
            meaning = list(self._similarity(text, [c.id for c in cands]))
            scores = [0.7 * s + 0.3 * max(m, 0.0) for s, m in zip(cognates, meaning)]
        order = sorted(range(len(cands)), key=lambda k: -scores[k])
        top = scores[order[0]]
        runner = scores[order[1]] if len(order) > 1 else 0.0
        if top >= _TRANSLATED and top - runner >= _MARGIN:
            best = self._meant(row.title, cands, int(order[0]), cognates)
            if best is not None:
                return Match(best.id, how="author and a translated title", loose=True, also=self._editions(best))
        return self._author_year(row, cands)

    def _meant(self, title: str, cands: Sequence[_Cand], chosen: int, cognates: Sequence[float]) -> _Cand | None:
        """The book that look-alike words chose, unless the multilingual model puts another of the author's books
        _MARGIN closer in meaning: then that one if it too has a look-alike word ("La chute d'Hypérion" is The Fall
        of Hyperion, 0.45, not Hyperion, 0.35), else none ("Trois Soeurcières" is not Sourcery, 0.00)."""
        if self._translations is None or len(cands) < 2:
            return cands[chosen]
        cosines = self._title_cosines(title, cands)
        top = int(np.argmax(cosines))
        if top == chosen or cosines[top] - cosines[chosen] < _MARGIN:
            return cands[chosen]
        return cands[top] if cognates[top] > 0 else None

    def _author_year(self, row: ImportRow, cands: list[_Cand]) -> Match | None:
        """A translated title whose words say nothing ("El resplandor", "Choque de reyes"): the author's book
        first published in the row's original year (Goodreads gives a translation's work's), or in the same
        place of a series where the row names one ("Petirrojo (Harry Hole, #3)"), or both; where several are,
        the one its title means, by the multilingual model, clearly ahead. Before, a Spanish reader's list
        held The Shining, A Clash of Kings and The Catcher in the Rye, all read in Spanish."""
        found = place_of([row.title])
        place = row.place or (found[1] if found else None)
        # A title that reads as English is more likely a book no catalog has, of the same year or place, unless it
        # means that book's title ("Nunca me abandones", "Dublineses", "Tokio Blues: Norwegian Wood" have no accent
        # or particle that foreign_title knows; Never Let Me Go 0.67, Dubliners 0.88). Its place counts only in
        # its own series: "Adulthood Rites (Xenogenesis, #2)" is not Parable of the Talents (Earthseed, #2).
        series = row.series or (found[0] if found else "")
        english = not foreign_title(f"{row.title} {series}")  # "Choque de reyes (Canción de hielo y fuego, #2)"
        numbered = [c for c in cands if place is not None and c.place == place
                    and not (english and series and c.series != series)]
        dated = [c for c in cands if row.year is not None and not row.edition_year and c.year == row.year]
        same = ([c for c in dated if c in numbered] or numbered) if numbered else dated
        if not same:
            return None
        year_only = english and not numbered  # an English-looking title, and only the year agrees
        # "Touching Peace: Practicing the Art of Mindful Living" is not Peace Is Every Step, of its year (0.58).
        if year_only and (self._translations is None or english_words(row.title)):
            return None
        cosines = self._title_cosines(row.title, same) if self._translations is not None else None
        if len({c.id for c in same}) > 1:
            if cosines is None:
                return None
            order = np.argsort(-cosines)
            if cosines[order[0]] - cosines[order[1]] < _MARGIN:
                return None
            same, cosines = [same[int(order[0])]], cosines[order[:1]]
        best = same[0]
        # Matched only where the titles agree in meaning too: the year alone also names the book of a short work
        # no catalog has ("La larga marcha", The Long Walk, is not The Dead Zone of 1979; cosine 0.30, where
        # El resplandor and The Shining have 0.59). Below that it is only kept out of the recommendations.
        if cosines is not None and float(cosines[0]) >= (AUTHOR_TRANSLATED if year_only else YEAR_TRANSLATED):
            return Match(best.id, how="author and original year", loose=True, also=self._editions(best))
        if year_only:  # "All Clear" and Blackout: two books of 2010, 0.24
            return None
        return Match(None, reason="no catalog book has this title", also=(best.id,))

    @staticmethod
    def _cognates(a: list[str], b: list[str]) -> float:
        """Share of the words of either title that have a look-alike in the other (0-1)."""
        if not a or not b:
            return 0.0
        hit = lambda xs, ys: sum(max(fuzz.ratio(x, y) for y in ys) >= _COGNATE for x in xs) / len(xs)  # noqa: E731
        return (hit(a, b) + hit(b, a)) / 2
