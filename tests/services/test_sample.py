"""The sample profile lives apart from the person's own entries: marked, undated, removable in one call."""

from __future__ import annotations

import datetime

from app.services import Services
from app.services.sample import SAMPLE_PROFILE, SAMPLE_SOURCE, add_sample, remove_sample
from tests.gui.conftest import EXPORTS


def test_the_sample_is_marked_undated_and_leaves_the_persons_own_entries_alone(services: Services) -> None:
    own, _ = services.history.add("The Matrix (1999)", rating=2, kind="film")  # one of the sample's titles
    added = add_sample(services.history)
    entries = services.history.entries()
    assert added == len(entries) - 1 >= len(SAMPLE_PROFILE) - 2
    mine = next(e for e in entries if e.item.id == own.id)
    assert mine.source == "manual" and mine.rating == 2  # not overwritten by the sample
    samples = [e for e in entries if e.item.id != own.id]
    assert {e.source for e in samples} == {SAMPLE_SOURCE} and all(e.consumed_at is None for e in samples)


def test_your_year_does_not_count_the_sample_as_watched_today(services: Services) -> None:
    add_sample(services.history)
    stats = services.stats.stats()
    this_year = datetime.date.today().year
    assert all(r["films"] == 0 and r["books"] == 0 for r in stats.by_year if r["year"] == this_year)


def test_removing_the_sample_takes_out_exactly_its_entries(services: Services) -> None:
    add_sample(services.history)
    services.history.add("Blade Runner (1982)", rating=4, kind="film")
    # An import that lists a sample title makes that entry the person's own: it stays.
    report = services.history.import_file(EXPORTS / "imdb_ratings.csv")
    taken = {e.item.id for e in services.history.entries() if e.source.startswith("imdb:")}
    sample_left = [e for e in services.history.entries() if e.source == SAMPLE_SOURCE]
    assert report.imported and sample_left
    assert remove_sample(services.history) == len(sample_left)
    left = services.history.entries()
    assert all(e.source != SAMPLE_SOURCE for e in left)
    assert "Blade Runner" in {e.item.title for e in left} and taken <= {e.item.id for e in left}
    assert remove_sample(services.history) == 0
