"""`hearth eval-history`: a person's own export replayed against MostPop and plain EASE."""

from __future__ import annotations

import json

import pytest

from app.lab.replay import Replayer
from app.services import Services
from tests.conftest import SHARED_DATA
from tests.importers.test_formats import EXPORTS


def test_a_replay_holds_out_the_latest_loved_entries_and_leaves_the_data_folder_alone(services: Services) -> None:
    before = services.store.history.count()
    result = Replayer(services.sibling).run([EXPORTS / "goodreads_library_export.csv", EXPORTS / "WATCHLIST.csv"])
    assert services.store.history.count() == before  # a throw-away store: nothing of the person's changes
    assert result["protocol"]["replayed"] == 1 and result["protocol"]["exports"] == 2
    books, watchlist = result["exports"]
    assert "fewer than" in watchlist["skipped"]  # a watchlist has no ratings to replay
    assert books["kind"] == "book" and books["held_out"] == max(1, -(-books["positives"] // 5))
    for model in ("hearth", "mostpop", "ease"):
        assert 0 <= books[model]["recall@50"] <= 1 and 0 <= books[model]["hits@10"] <= 10
        assert result["mean"][model]["recall@50"] == books[model]["recall@50"]
    json.dumps(result)  # the --json output


@pytest.mark.real_models
@pytest.mark.lab
def test_replays_of_real_exports_beat_popularity_and_plain_ease(services: Services) -> None:
    folder = SHARED_DATA / "real-exports"
    if not folder.is_dir():
        pytest.skip(f"{folder} is absent (only the development checkout has ../shared)")
    paths = sorted(p for p in folder.glob("*/*") if p.suffix in (".csv", ".zip"))
    result = Replayer(services.sibling).run(paths)
    mean = result["mean"]
    print({m: round(v["recall@50"], 4) for m, v in mean.items()}, result["protocol"])
    assert result["protocol"]["replayed"] >= 8
    assert mean["hearth"]["recall@50"] >= 2 * mean["mostpop"]["recall@50"]
    assert mean["hearth"]["recall@50"] >= mean["ease"]["recall@50"]
