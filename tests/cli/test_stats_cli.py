"""hearth stats: per-year counts as JSON, one year's figures, charts as PNG files."""

from __future__ import annotations

import json
from pathlib import Path

from tests.services.test_stats import _exports


def test_stats_json_year_and_charts(cli, tmp_path: Path) -> None:  # noqa: ANN001
    assert cli("import", *map(str, _exports(tmp_path))).returncode == 0
    out = cli("stats", "--json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert [(r["year"], r["films"], r["books"]) for r in data["by_year"]] == [(2019, 1, 0), (2020, 1, 0), (2021, 2, 1)]
    assert data["undated"] == {"films": 0, "books": 1}
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
