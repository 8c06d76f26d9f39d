"""Importing real-shaped exports into the real database with both bundled catalogs."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.core.errors import InputError, StorageError
from app.services import Filters, Services
from tests.fixtures.exports.make_exports import letterboxd_files
from tests.importers.test_formats import EXPORTS, write_zip
from tests.services.test_import import _dump


def test_goodreads_export_of_popular_books_matches_over_80_percent(services: Services) -> None:
    report = services.history.import_file(EXPORTS / "goodreads_library_export.csv")
    assert report.format == "goodreads" and report.rows == 50
    rate = report.matched / (report.matched + report.unmatched)
    assert rate > 0.8, report
    assert report.saved == 2 and report.imported == 48 and report.skipped == 0
    entries = {e.item.title: e for e in services.history.entries()}
    assert entries["The Hunger Games"].item.catalog == "goodbooks-10k"
    assert entries["Frankenstein"].item.creators[0].startswith("Mary")  # the subtitle did not stop it
    assert entries["The Midnight Library"].status == "reading"
    saved = {services.store.items.get(i).title for i, k in services.store.feedback.all() if k == "saved"}
    assert saved == {"Circe", "Station Eleven"}


@pytest.mark.heavy  # 4-9 s: keeps the README's test command under 5 minutes on a fresh clone
def test_goodreads_31_columns_and_reimport(services: Services) -> None:
    path = EXPORTS / "goodreads_library_export_31.csv"
    first = services.history.import_file(path)
    before = _dump(services)
    second = services.history.import_file(path)
    assert first.format == second.format == "goodreads"
    assert second.imported == 0 and second.already_imported
    assert _dump(services) == before


def test_storygraph_did_not_finish_counts_against(services: Services) -> None:
    services.history.import_file(EXPORTS / "storygraph_export.csv")
    entries = {e.item.title: e for e in services.history.entries()}
    assert entries["Gone Girl"].status == "dnf"
    recs = services.recommender.recommend(k=20, filters=Filters(kind="book"))
    weights = {c.title: c.weight for r in recs for c in r.contributions}
    loved = {"Dune", "The Left Hand of Darkness", "Station Eleven"}  # 4.25 to 5 stars
    assert all(w > 0 for t, w in weights.items() if t in loved)
    why = services.recommender.why(str(recs[0].item.id))
    gone = [c for c in why.contributions if c.title == "Gone Girl"]
    assert not gone or gone[0].weight < 0


def test_imdb_matches_by_id(services: Services) -> None:
    report = services.history.import_file(EXPORTS / "imdb_ratings.csv")
    assert (report.format, report.matched, report.unmatched) == ("imdb", 4, 2)
    entries = {e.item.title: e for e in services.history.entries()}
    assert entries["The Matrix"].item.catalog == "movielens-small" and entries["The Matrix"].rating_norm == 1.0


@pytest.mark.heavy  # 3-9 s: keeps the README's test command under 5 minutes on a fresh clone
def test_letterboxd_zip_history_watchlist_and_likes(services: Services, tmp_path: Path) -> None:
    path = write_zip(tmp_path / "letterboxd.zip", letterboxd_files())
    report = services.history.import_file(path)
    assert (report.format, report.rows, report.imported, report.saved) == ("letterboxd", 5, 4, 1)
    assert report.matched == 5
    titles = {e.item.title for e in services.history.entries()}
    assert titles == {"The Matrix", "Alien", "Blade Runner", "Heat"}
    feedback = {(services.store.items.get(i).title, k) for i, k in services.store.feedback.all()}
    assert feedback == {("Aliens", "saved"), ("The Matrix", "like")}
    before = _dump(services)
    assert services.history.import_file(path).imported == 0
    assert _dump(services) == before


MUTATIONS = st.sampled_from(["truncate", "delimiter", "utf16", "latin1", "garbage", "swap_format", "none"])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(name=st.sampled_from(["goodreads_library_export.csv", "storygraph_export.csv", "imdb_ratings.csv",
                             "letterboxd"]),
       mutation=MUTATIONS, cut=st.floats(0.0, 1.0), junk=st.binary(min_size=1, max_size=64))
def test_mangled_exports_import_fully_or_not_at_all(bare_services: Services, tmp_path: Path, name: str,
                                                     mutation: str, cut: float, junk: bytes) -> None:
    if name == "letterboxd":
        path = write_zip(tmp_path / "lb.zip", letterboxd_files())
    else:
        path = tmp_path / name
        path.write_bytes((EXPORTS / name).read_bytes())
    data = path.read_bytes()
    if mutation == "truncate":
        data = data[: int(len(data) * cut)]
    elif mutation == "delimiter" and name != "letterboxd":
        data = data.replace(b",", b";" if cut < 0.5 else b"\t")
    elif mutation == "utf16" and name != "letterboxd":
        data = data.decode("utf-8").encode("utf-16")
    elif mutation == "latin1" and name != "letterboxd":
        data = data.decode("utf-8").encode("latin-1", errors="replace")
    elif mutation == "garbage":
        at = int(len(data) * cut)
        data = data[:at] + junk + data[at:]
    elif mutation == "swap_format" and name != "letterboxd":
        data = (EXPORTS / "imdb_ratings.csv").read_bytes() if "imdb" not in name else \
            (EXPORTS / "storygraph_export.csv").read_bytes()
    path.write_bytes(data)
    before = _dump(bare_services)
    try:
        report = bare_services.history.import_file(path)
    except (InputError, StorageError):
        assert _dump(bare_services) == before
        return
    except zipfile.BadZipFile as exc:  # must never escape as a raw library error
        raise AssertionError(f"raw zip error escaped: {exc}") from exc
    assert report.rows == report.skipped + report.matched + report.unmatched
