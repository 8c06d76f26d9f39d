"""Issue 22.5: the import report's "counted against" counts what the ranking counts against, through the
real SQLite store. It said 0 while 32 films rated 1.5 stars or less weighed against the person."""

from __future__ import annotations

import zipfile
from pathlib import Path

import numpy as np

from app.core import scoring
from app.services import Services
from tests.conftest import needs_shared

HIGH = [("The Matrix", 1999), ("Alien", 1979), ("Heat", 1995), ("Blade Runner", 1982), ("Toy Story", 1995),
        ("Fargo", 1996), ("Se7en", 1995), ("Jaws", 1975), ("Aliens", 1986), ("Casablanca", 1942)]
LOW = [("Catwoman", 2004), ("Battlefield Earth", 2000), ("Gigli", 2003)]


def _export(tmp_path: Path) -> Path:
    rows = [f"2021-01-01,{t},{y},https://boxd.it/{k},{4 + k % 3 * 0.5}" for k, (t, y) in enumerate(HIGH)]
    rows += [f"2021-01-01,{t},{y},https://boxd.it/l{k},{1 + k % 2 * 0.5}" for k, (t, y) in enumerate(LOW)]
    path = tmp_path / "letterboxd-me.zip"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("ratings.csv", "Date,Name,Year,Letterboxd URI,Rating\n" + "\n".join(rows) + "\n")
    return path


def _ranking_negatives(services: Services) -> int:
    """What the recommender weighs against, as it weighs it."""
    weights = scoring.evidence_weights(services.history.entries(), params=services.settings.ranking_params())
    return int((np.asarray(weights) < 0).sum())


def test_low_ratings_are_counted_against_as_the_ranking_counts_them(services: Services, tmp_path: Path) -> None:
    report = services.history.import_file(_export(tmp_path))
    assert report.negative == 0  # nothing was abandoned or marked not interested...
    assert report.against == _ranking_negatives(services) == 3  # ...but three films weigh against
    assert report.against_rating == 1.5
    logged = services.store.imports.all()[-1]["report"]
    assert logged["against"] == 3  # the import log keeps the same count


def test_the_count_follows_the_ranking_settings(services: Services, tmp_path: Path) -> None:
    services.settings.set("neutral_sds", -1)  # neutral one spread above the average: 4 stars weigh against
    report = services.history.import_file(_export(tmp_path))
    assert report.against == _ranking_negatives(services) > 3


def test_a_book_not_finished_counts_against(services: Services, tmp_path: Path) -> None:
    path = tmp_path / "books.csv"
    path.write_text("Title,Author,Rating,Shelf\nDune,Frank Herbert,5,read\nThe Hobbit,J.R.R. Tolkien,,"
                    "did-not-finish\n", encoding="utf-8")
    report = services.history.import_file(path)
    assert (report.negative, report.against, report.against_rating) == (1, 1, None)


def test_a_real_letterboxd_export_counts_its_low_ratings(services: Services) -> None:
    folder = needs_shared("data", "real-exports", "letterboxd")
    files = [folder / f"afelka__letterboxd__{name}.csv" for name in ("ratings", "diary", "watched")]
    (report,) = services.history.import_files(files)
    assert report.negative == 0
    assert report.against == _ranking_negatives(services) == 40  # every rating of 1.5 stars or less
    assert report.against_rating == 1.5
