"""The command-line contract, run as a person runs it: a subprocess, network blocked."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.storage import DB_FILENAME
from tests.conftest import ROOT, cli_env

FIVE = ["The Matrix (1999)", "Blade Runner (1982)", "Alien (1979)", "Aliens (1986)",
        "Terminator 2: Judgment Day (1991)"]


def test_history_add_list_remove(cli) -> None:
    added = cli("history", "add", "The Matrix (1999)", "--rating", "5")
    assert added.returncode == 0, added.stderr
    assert "Added The Matrix (1999)" in added.stdout
    listed = json.loads(cli("history", "list", "--json").stdout)
    assert [(e["title"], e["year"], e["rating"], e["kind"]) for e in listed] == [("The Matrix", 1999, 5.0, "film")]
    assert listed[0]["rating_norm"] == 1.0
    removed = cli("history", "remove", "The Matrix")
    assert removed.returncode == 0 and "Removed The Matrix (1999)" in removed.stdout
    assert json.loads(cli("history", "list", "--json").stdout) == []


@pytest.mark.heavy  # 4-9 s: keeps the README's test command under 5 minutes on a fresh clone
def test_fuzzy_ambiguous_and_unknown_titles(cli) -> None:
    typo = cli("history", "add", "The Matrx (1999)")
    assert typo.returncode == 0 and "The Matrix (1999)" in typo.stdout
    ambiguous = cli("history", "add", "Hamlet")
    assert ambiguous.returncode == 1
    assert "Hamlet (1996)" in ambiguous.stderr and "Hamlet (1948)" in ambiguous.stderr
    unknown = cli("history", "add", "Qwxzv Plmkj Frobnicate")
    assert unknown.returncode == 1 and "matches" in unknown.stderr
    both = cli("history", "add", "Alien (1979)")  # the film and Alan Dean Foster's novel
    assert both.returncode == 1 and "--kind book" in both.stderr and "--kind film" in both.stderr
    assert cli("history", "add", "Alien (1979)", "--kind", "film").returncode == 0


@pytest.mark.heavy  # ~6-13 s: keeps the README's command near its 5 minutes (.ci/run runs it)
def test_recommend_json_contract(cli) -> None:
    empty = cli("recommend")
    assert empty.returncode == 1 and "history is empty" in empty.stderr
    for title in FIVE:
        assert cli("history", "add", title, "--rating", "5", "--kind", "film").returncode == 0
    result = cli("recommend", "-k", "5", "--kind", "film", "--diversity", "0.3", "--json")
    assert result.returncode == 0, result.stderr
    recs = json.loads(result.stdout)
    assert [r["rank"] for r in recs] == [1, 2, 3, 4, 5]
    for r in recs:
        assert {"rank", "item_id", "title", "year", "kind", "probability", "score", "contributions"} <= set(r)
        assert r["kind"] == "film" and 0 < r["probability"] < 1
        assert r["contributions"] and {"title", "contribution"} <= set(r["contributions"][0])
    text = cli("recommend", "-k", "3")
    assert text.returncode == 0 and "because of:" in text.stdout and "%" in text.stdout


@pytest.mark.heavy  # ~6-13 s: keeps the README's command near its 5 minutes (.ci/run runs it)
def test_why_json_contract_and_errors(cli) -> None:
    for title in FIVE[:3]:
        cli("history", "add", title, "--rating", "5", "--kind", "film")
    top = json.loads(cli("recommend", "-k", "1", "--json").stdout)[0]
    why = cli("why", str(top["item_id"]), "--json")
    assert why.returncode == 0, why.stderr
    data = json.loads(why.stdout)
    assert data["item_id"] == top["item_id"] and data["score"] == pytest.approx(top["score"])
    assert len(data["contributions"]) == 3
    parts = sum(c["contribution"] for c in data["contributions"])
    assert parts == pytest.approx(data["score"] - data["terms"]["prior"] - data["terms"]["feedback"], abs=1e-9)
    by_title = cli("why", f"{top['title']} ({top['year']})")
    assert by_title.returncode == 0 and "By history item" in by_title.stdout
    # Three entries: popularity counts more, and why says so (issue 21).
    assert "Popularity counts more while your history is short" in by_title.stdout
    assert data["popularity_short"] > data["popularity_weight"] / 2 > 0
    heat = cli("why", "Heat (1995)")  # the header says how long a film runs
    assert heat.returncode == 0 and "Heat (1995) [#" in heat.stdout
    assert "] - film, 2 h 50 min, catalog movielens-small" in heat.stdout.splitlines()[0]
    unknown = cli("why", "Qwxzv Plmkj Frobnicate")
    assert unknown.returncode == 1 and unknown.stderr.startswith("hearth:")


@pytest.mark.heavy  # 4-9 s: keeps the README's test command under 5 minutes on a fresh clone
def test_import_json_report_and_environment_data_dir(cli, tmp_path: Path) -> None:
    path = tmp_path / "mine.csv"
    path.write_text("Name,Stars,Watched\nThe Matrix,5,2020-01-01\nAlien,4,2020-02-01\nNo Such Film Ever,3,\n",
                    encoding="utf-8-sig")
    result = cli("import", str(path), "--map", "title=Name,rating=Stars,date=Watched", "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert {"format", "rows", "imported", "matched", "unmatched", "saved", "skipped"} <= set(report)
    assert (report["rows"], report["imported"], report["matched"], report["unmatched"]) == (3, 3, 2, 1)
    unnamed = tmp_path / "unnamed.csv"
    unnamed.write_text("Movie Title,Stars\nAlien,4\n", encoding="utf-8")
    missing = cli("import", str(unnamed))
    assert missing.returncode == 1 and "title" in missing.stderr and "--map" in missing.stderr

    env = cli_env(HEARTH_DATA_DIR=str(cli.data_dir))
    listed = subprocess.run([sys.executable, "-m", "app", "history", "list", "--json"], capture_output=True,
                            text=True, env=env, cwd=ROOT, timeout=120)
    assert len(json.loads(listed.stdout)) == 3


def _big_csv(path: Path, rows: int, *, pad: int = 0) -> Path:
    with path.open("w", encoding="utf-8") as f:
        f.write("Title,Year,Rating,Review\n")
        for k in range(rows):
            f.write(f"My own film number {k},{1950 + k % 70},{1 + k % 5},{'x' * pad}\n")
    return path


@pytest.mark.slow
@pytest.mark.heavy
def test_killing_an_import_midway_leaves_the_database_as_it_was(cli, tmp_path: Path) -> None:
    assert cli("history", "add", "Alien (1979)", "--rating", "4", "--kind", "film").returncode == 0
    db = cli.data_dir / DB_FILENAME
    wal = db.with_name(DB_FILENAME + "-wal")

    def state() -> tuple:
        conn = sqlite3.connect(db)
        try:
            return (conn.execute("SELECT item_id, rating FROM history ORDER BY 1").fetchall(),
                    conn.execute("SELECT COUNT(*) FROM items").fetchone(),
                    conn.execute("PRAGMA integrity_check").fetchone())
        finally:
            conn.close()

    before = state()
    grown = (wal.stat().st_size if wal.exists() else 0) + (1 << 20)  # the import's own writes, not earlier ones
    big = _big_csv(tmp_path / "big.csv", 60_000, pad=200)  # under the 100,000-row cap
    proc = subprocess.Popen([sys.executable, "-m", "app", "--data-dir", str(cli.data_dir), "import", str(big)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=cli_env(), cwd=ROOT)
    deadline = time.time() + 120
    while time.time() < deadline and (not wal.exists() or wal.stat().st_size < grown):
        assert proc.poll() is None, "the import finished before it could be killed"
        time.sleep(0.05)
    assert wal.exists() and wal.stat().st_size >= grown, "the import never started writing"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert state() == before
    assert before[2] == ("ok",)
    # And the file is usable straight away.
    assert cli("history", "add", "Aliens (1986)").returncode == 0


@pytest.mark.heavy  # the model through the CLI, ~11 s
def test_explain_and_profile_json_contract(cli) -> None:
    for title in FIVE[:3]:
        cli("history", "add", title, "--rating", "5", "--kind", "film")
    top = json.loads(cli("recommend", "-k", "1", "--json").stdout)[0]
    result = cli("explain", str(top["item_id"]), "--json")
    assert result.returncode == 0, result.stderr[-2000:]
    assert "llama_" not in result.stderr  # llama.cpp's own notices are not for the person
    data = json.loads(result.stdout)
    assert {"item_id", "title", "text", "path", "verified", "cited", "evidence", "ttft_s",
            "tokens_per_s"} <= set(data)
    assert data["item_id"] == top["item_id"] and data["path"] in ("llm", "template") and data["verified"]
    assert data["evidence"] and {"title", "contribution"} <= set(data["evidence"][0])
    streamed = cli("explain", str(top["item_id"]), "--no-llm")
    assert streamed.returncode == 0 and streamed.stdout.startswith("Because you")
    assert "template" in streamed.stderr
    # (The model's opening of a profile is tested in tests/services/test_explain.py, on the real model.)
    profile = json.loads(cli("profile", "--json", "--no-llm").stdout)
    assert profile["facets"] and {"label", "items", "weight"} <= set(profile["facets"][0])
    assert "Your strongest interest is" in profile["text"] and profile["path"] == "template"
    assert {"genres", "tags", "trend", "since", "recent"} <= set(profile["facets"][0])
    unknown = cli("explain", "Qwxzv Plmkj Frobnicate")
    assert unknown.returncode == 1 and unknown.stderr.startswith("hearth:")


@pytest.mark.heavy
def test_eval_explanations_json_contract(cli, tmp_path: Path) -> None:
    from tests.lab.test_evaluate import synthetic

    ratings, items, tags = synthetic(tmp_path / "ml")
    result = cli("eval-explanations", "--ratings", str(ratings), "--items", str(items), "-n", "2", "--json")
    assert result.returncode == 0, result.stderr[-3000:]
    data = json.loads(result.stdout)
    assert data["explanations"] == 2 and data["hallucinations_displayed"] == 0
    for name in ("grounding_precision_raw", "accepted_without_fallback", "attribution_agreement",
                 "counterfactual_faithfulness", "ttft_s_p50", "tokens_per_s", "latency_s_p50", "latency_s_p95"):
        assert name in data
    assert data["bare_llama_cpp"]["runs"] == 2
    assert data["unsupported_claims_displayed"] == 0.0  # by the checker, on every displayed text
    checker = data["checker"]
    assert set(checker) == {"labelled", "heldout"} and checker["labelled"]["drafts"] >= 150
    assert checker["labelled"]["recall"] >= 0.9 and checker["heldout"]["recall"] >= 0.9


def test_the_claim_checker_against_the_drafts_labelled_by_hand(cli) -> None:
    result = cli("eval-explanations", "--checker-only", "--json")
    assert result.returncode == 0, result.stderr[-3000:]
    scores = json.loads(result.stdout)
    total = scores["labelled"]["drafts"] + scores["heldout"]["drafts"]
    assert total >= 150 and scores["labelled"]["bad"] + scores["heldout"]["bad"] > 100
    for name in ("labelled", "heldout"):
        assert scores[name]["recall"] >= 0.9 and scores[name]["precision"] >= 0.9, scores[name]["missed"]


@pytest.mark.slow
@pytest.mark.heavy
def test_the_self_check_opens_every_page_with_both_models(cli, tmp_path: Path) -> None:
    """`hearth --self-check`, which the packaging smoke test runs on the frozen app."""
    for title in FIVE:
        cli("history", "add", title, "--rating", "5", "--kind", "film")
    result = subprocess.run(
        [sys.executable, "-m", "app", "--data-dir", str(tmp_path / "cli-data"), "--self-check"],
        capture_output=True, text=True, encoding="utf-8", timeout=300,
        env=cli_env(QT_QPA_PLATFORM="offscreen"), cwd=ROOT,
    )
    lines = result.stdout.splitlines()
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    assert lines[0].startswith("window shown in") and "ready" in lines
    assert any(line.startswith("models loaded in") for line in lines)
    assert lines[-1] == "pages shown: 7"  # recommendations, history, catalogs, interests, your year, settings, privacy


@pytest.mark.heavy
def test_asking_in_words_searching_and_pinning(cli) -> None:
    result = cli("recommend", "--like", "space opera with political intrigue", "--kind", "book", "-k", "10", "--json")
    assert result.returncode == 0, result.stderr[-2000:]
    recs = json.loads(result.stdout)
    assert len(recs) == 10 and sum("Science fiction" in r["genres"] for r in recs) >= 8
    assert all(r["contributions"][0]["source"] == "query" and r["asked_share"] == 1.0 for r in recs)
    hits = json.loads(cli("search", "Termnator 2", "-k", "3", "--json").stdout)
    assert hits[0]["title"] == "Terminator 2: Judgment Day"
    assert {"item_id", "title", "year", "kind", "creators", "catalog", "score"} <= set(hits[0])
    # (Authors, descriptions and the notice for Chinese words: tests/services/test_search.py.)
    assert cli("interests", "pin", "gothic", "horror").returncode == 0
    listed = json.loads(cli("interests", "--json").stdout)
    assert [i["text"] for i in listed] == ["gothic horror"]
    recs = json.loads(cli("recommend", "-k", "3", "--json").stdout)  # an empty history: the interest ranks
    assert all(r["contributions"][0]["source"] == "interest" for r in recs)
    assert cli("interests", "unpin", str(listed[0]["id"])).returncode == 0
    assert json.loads(cli("interests", "--json").stdout) == []
