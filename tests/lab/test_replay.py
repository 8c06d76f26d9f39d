"""`hearth eval-history`: a person's own export replayed against MostPop and plain EASE."""

from __future__ import annotations

import json

import pytest

from app.lab.replay import Replayer
from app.services import Services
from tests.conftest import SHARED_DATA
from tests.importers.test_formats import EXPORTS


@pytest.mark.heavy  # a whole replay, ~15 s: with .ci/run's heavy runs (the README's command stays under 5 minutes)
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


@pytest.mark.heavy
def test_a_bad_file_is_reported_and_the_others_still_run_in_bounded_temporary_space(
        services: Services, tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    """Issue 25 item 4: one unreadable export aborted the whole replay, and every export's copy of the
    catalogs (~170 MB each) stayed on disk until the end."""
    import tempfile

    scratch = tmp_path / "tmp"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    binary = tmp_path / "photo.csv"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40)
    cut = tmp_path / "letterboxd.zip"
    cut.write_bytes(b"PK\x03\x04" + b"\x00" * 40)
    seen: list[list[str]] = []
    replay = Replayer._replay

    def watched(self, unit, services, **kw):  # noqa: ANN001, ANN202 - what is on disk while one export runs
        (folder,) = scratch.iterdir()
        seen.append(sorted(p.name for p in folder.iterdir()))
        return replay(self, unit, services, **kw)

    monkeypatch.setattr(Replayer, "_replay", watched)
    paths = [EXPORTS / "goodreads_library_export.csv", binary, tmp_path / "missing.csv", cut,
             EXPORTS / "WATCHLIST.csv"]
    result = Replayer(services.sibling).run(paths)
    assert seen == [["template", "unit-0"], ["template", "unit-1"]]  # each export's copy gone once it is done
    assert list(scratch.iterdir()) == []
    assert result["protocol"] == result["protocol"] | {"replayed": 1, "exports": 5}
    rows = {r["export"]: r for r in result["exports"]}
    assert "hearth" in rows["goodreads_library_export.csv"] and "fewer than" in rows["WATCHLIST.csv"]["skipped"]
    for bad, says in ((binary, "binary data"), (tmp_path / "missing.csv", "no file"), (cut, "damaged")):
        row = rows[str(bad)]
        assert row["error"] and says in row["skipped"] and "\n" not in row["skipped"], row


@pytest.mark.heavy
def test_sigterm_stops_a_replay_and_removes_its_temporary_folders(services: Services, tmp_path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:  # noqa: ANN001
    import os
    import signal
    import tempfile
    import threading

    from app.core.errors import Cancelled

    if threading.current_thread() is not threading.main_thread():
        pytest.skip("signal handlers are the main thread's")
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    before = signal.getsignal(signal.SIGTERM)

    def killed(self, unit, services, **kw):  # noqa: ANN001, ANN202 - a kill arrives mid-import
        os.kill(os.getpid(), signal.SIGTERM)
        return services.history.import_files(list(unit.paths))

    monkeypatch.setattr(Replayer, "_replay", killed)
    with pytest.raises(Cancelled):
        Replayer(services.sibling).run([EXPORTS / "goodreads_library_export.csv"])
    assert list(scratch.iterdir()) == []
    assert signal.getsignal(signal.SIGTERM) == before
