"""hearth stats: per-year counts as JSON, one year's figures, charts as PNG files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.services.test_stats import _exports


@pytest.mark.heavy  # ~6-13 s: keeps the README's command near its 5 minutes (.ci/run runs it)
def test_stats_json_year_and_charts(cli, tmp_path: Path) -> None:  # noqa: ANN001
    assert cli("import", *map(str, _exports(tmp_path))).returncode == 0
    out = cli("stats", "--json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert [(r["year"], r["films"], r["books"]) for r in data["by_year"]] == [(2020, 1, 0), (2021, 2, 1)]
    assert data["undated"] == {"films": 1, "books": 1}  # "Only Logged" is outside the diary: seen before
    text = cli("stats", "--year", "2021", "--kind", "film")
    assert text.returncode == 0 and "Films in 2021: 2 (1 new, 1 rewatches)" in text.stdout
    charts = tmp_path / "charts"
    drawn = cli("stats", "--year", "2021", "--out", str(charts), "--json")
    assert drawn.returncode == 0, drawn.stderr
    files = sorted(p.name for p in charts.iterdir())
    assert "2021-months.png" in files and "2021-film-ratings.png" in files and "2021-book-creators.png" in files
    assert all((charts / f).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" for f in files)
    missing = cli("stats", "--year", "1900")
    assert missing.returncode == 1 and "nothing dated 1900" in missing.stderr


@pytest.mark.heavy  # ~6-13 s: keeps the README's command near its 5 minutes (.ci/run runs it)
def test_stats_facets_adds_the_interests_that_moved(cli, tmp_path: Path) -> None:  # noqa: ANN001
    from tests.services.test_stats import SCIFI_YEAR

    diary = tmp_path / "diary.csv"
    diary.write_text(SCIFI_YEAR, encoding="utf-8")
    assert cli("import", str(diary)).returncode == 0
    plain = json.loads(cli("stats", "--json").stdout)
    assert "facets_moved" not in plain  # plain stats never loads the embeddings
    out = cli("stats", "--year", "2022", "--facets", "--json")
    assert out.returncode == 0, out.stderr
    moved = json.loads(out.stdout)["facets_moved"]
    assert [(m["year"], m["kind"]) for m in moved] == [(2022, "film"), (2022, "book")]
    film = moved[0]
    assert len(film["grew"]) == 1 and film["grew"][0]["label"].startswith("sci-fi")
    assert (film["grew"][0]["share"], film["grew"][0]["share_before"]) == (1.0, 0.0)
    assert [(m["share"], m["share_before"]) for m in film["faded"]] == [(0.0, 1.0)]
    text = cli("stats", "--year", "2022", "--kind", "film", "--facets")
    assert text.returncode == 0 and "Interests in films, 2022 against 2021:" in text.stdout
    assert "  grew:  sci-fi" in text.stdout and "0%->100%" in text.stdout
