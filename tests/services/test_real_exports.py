"""Real exports people published (../shared/data/real-exports; skipped where it is absent).

Their titles and names are other people's data: these tests check shapes and counts only.
"""

from __future__ import annotations

import pytest

from app.services import Filters, Services
from tests.conftest import SHARED_DATA
from tests.services.held import held_rows, recommended_but_held

REAL = SHARED_DATA / "real-exports"
FILES = sorted(p.relative_to(REAL).as_posix() for p in REAL.glob("*/*") if p.suffix in (".csv", ".zip")) \
    if REAL.is_dir() else []

pytestmark = [pytest.mark.slow, pytest.mark.skipif(not FILES, reason=f"{REAL} is absent (only the development"
                                                                      " checkout has ../shared)")]


def _kind(fmt: str) -> str:
    return "film" if fmt in ("imdb", "letterboxd") else "book"


@pytest.mark.parametrize("name", FILES)
def test_each_real_export_imports_as_its_owner_meant_it(services: Services, name: str) -> None:
    path = REAL / name
    (report,) = services.history.import_files([path])
    assert report.rows > 0 and report.matched > 0
    if "watchlist" in name.lower():
        assert report.format == "imdb" and report.history == 0 and report.saved == report.rows
        assert services.store.history.count() == 0
        return
    if name.startswith("letterboxd/"):
        assert report.format == "letterboxd"
    if name.startswith("storygraph/"):
        assert report.format == "storygraph"
    if name.startswith("goodreads/"):
        assert report.format == "goodreads" and report.history > 0
    if name.startswith("imdb/"):
        assert report.format == "imdb"
        entries = services.history.entries()
        assert entries and all(e.rating is not None for e in entries)  # the layout before 2018 keeps them too
        assert report.history == report.rows
    recs = services.recommender.recommend(k=50, filters=Filters(kind=_kind(report.format)))
    assert len(recs) == 50
    liked = [e for e in services.history.entries() if e.item.catalog != "user" and (e.rating_norm or 0) >= 0.7]
    if len(liked) >= 10:  # the person's history, not popularity, decides the top of the list
        assert min(r.terms.history_share for r in recs[:10]) >= 0.5
    assert not recommended_but_held(recs, held_rows([path]))
    assert not {r.item.id for r in recs} & (services.store.history.item_ids() | services.store.history.named_ids())


def test_the_headerless_goodreads_export_is_recognised(services: Services) -> None:
    path = next(REAL.glob("goodreads/0xdstn*"))
    (report,) = services.history.import_files([path])
    assert report.format == "goodreads" and report.guessed and report.rows == len(path.read_text().splitlines())


def test_custom_shelves_of_a_real_export(services: Services) -> None:
    (report,) = services.history.import_files([next(REAL.glob("goodreads/genekaufman*"))])
    assert report.shelved == {"literature": 16}
    assert report.negative == 20 + 4  # did-not-finish, and not-interested-for-now
    statuses = {e.status for e in services.history.entries()}
    assert {"done", "dnf", "shelved"} <= statuses


def test_loose_letterboxd_files_given_together_are_one_export(services: Services) -> None:
    files = sorted(REAL.glob("letterboxd/afelka__*.csv"))
    assert len(files) == 3
    (report,) = services.history.import_files(files)
    assert report.format == "letterboxd" and len(report.files) == 3
    rated = sum(e.rating is not None for e in services.history.entries())
    assert rated >= 0.95 * len(held_rows([files[1]]))  # ratings.csv: every rated film keeps its rating
    assert all(e.rating_min == 0.5 and e.rating_max == 5 for e in services.history.entries() if e.rating)


def test_spanish_editions_are_matched_to_their_works(services: Services) -> None:
    (report,) = services.history.import_files([next(REAL.glob("goodreads/carlosperezzz*"))])
    assert report.loose_count >= 10
    assert all(m["how"].startswith("author and") for m in report.loose)
