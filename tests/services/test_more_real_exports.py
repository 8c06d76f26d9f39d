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
