"""The PyInstaller package, as a person gets it: built, then run with no network.

Marked ``packaging`` and left out of the main suite (it builds for several minutes); `.ci/run`
runs it after the main suite. HEARTH_FROZEN=dist/hearth tests an existing build instead.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from importlib.metadata import version
from pathlib import Path

import pytest

pytestmark = pytest.mark.packaging

ROOT = Path(__file__).resolve().parents[2]
GOODREADS = ROOT / "tests" / "fixtures" / "exports" / "goodreads_library_export.csv"
EXE = ".exe" if sys.platform == "win32" else ""


@pytest.fixture(scope="module")
def frozen() -> Path:
    existing = os.environ.get("HEARTH_FROZEN")
    if existing:
        return Path(existing)
    pytest.importorskip("PyInstaller", reason="PyInstaller comes with the test extra")
    started = time.perf_counter()
    result = subprocess.run([sys.executable, str(ROOT / "packaging" / "build.py")], capture_output=True,
                            text=True, timeout=3600)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-6000:]
    print(f"\nbuilt in {time.perf_counter() - started:.0f} s\n{result.stdout}")
    return ROOT / "dist" / "hearth"


def offline() -> list[str]:
    """A prefix that runs a command in a network namespace of its own, with no interfaces.
    Where that is not possible, every proxy points at a closed port (and the test says so)."""
    if shutil.which("unshare") and subprocess.run(["unshare", "-rn", "true"], capture_output=True).returncode == 0:
        return ["unshare", "-rn"]
    return []  # environment() then points every proxy at a closed port


def environment() -> dict[str, str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("HEARTH_DATA_DIR", None)
    if not offline():
        for name in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
            env[name] = "http://127.0.0.1:9"
        env.pop("no_proxy", None)
        env.pop("NO_PROXY", None)
    return env


def run(command: list[str], **kwargs) -> subprocess.CompletedProcess[str]:  # noqa: ANN003
    return subprocess.run(offline() + command, capture_output=True, text=True, env=environment(), **kwargs)


def test_the_frozen_cli_imports_recommends_and_explains_offline(frozen: Path, tmp_path: Path) -> None:
    if sys.platform != "win32":  # one executable; the CLI's name is a link to it
        link = frozen / "hearth-cli"
        assert link.is_symlink() and link.resolve() == (frozen / "hearth").resolve()
    cli = [str(frozen / f"hearth-cli{EXE}"), "--data-dir", str(tmp_path / "data")]
    result = run([str(frozen / f"hearth-cli{EXE}"), "--version"], timeout=120)
    assert result.stdout.strip() == f"hearth {version('hearth')}", result.stderr

    result = run([*cli, "import", str(GOODREADS), "--json"], timeout=900)
    assert result.returncode == 0, result.stderr[-3000:]
    report = json.loads(result.stdout)
    assert report["imported"] > 0 and report["matched"] > 0, report
    # A Chinese-only Douban title with a director written in Chinese: read in pinyin (pypinyin's dictionaries
    # must be in the package) and by the multilingual model.
    douban = tmp_path / "douban_movie.csv"
    douban.write_text("id,title,intro,poster,pubdate,url,rating,genres,star,comment,tags,star_time,card\n"
                      "1291843,黑客帝国,,,1999-03-31,https://movie.douban.com/subject/1291843/,9.1,\"动作,科幻\",5,,,"
                      "2020-01-01 10:00:00,1999 / 美国 / 动作 科幻 / 莉莉·沃卓斯基 拉娜·沃卓斯基 / 基努·里维斯\n",
                      encoding="utf-8")
    result = run([*cli, "import", str(douban), "--json"], timeout=900)
    assert result.returncode == 0 and json.loads(result.stdout)["imported"] == 1, result.stderr[-3000:]

    result = run([*cli, "recommend", "-k", "5", "--json"], timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    recs = json.loads(result.stdout)
    assert len(recs) == 5 and recs[0]["contributions"], recs[:1]

    started = time.perf_counter()
    result = run([*cli, "explain", f"#{recs[0]['item_id']}", "--json"], timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    explanation = json.loads(result.stdout)
    # The bundled GGUF was unpacked into the data folder and llama.cpp generated with it.
    assert explanation["model"] != "template" and (explanation["path"] == "llm" or explanation["drafts"])
    models = sorted(p.name for p in (tmp_path / "data" / "models").iterdir())
    assert models == ["gemma-3-270m-q4_k_m.gguf"], models  # no .part left, no chunks needed
    assert explanation["text"] and explanation["verified"]
    print(f"\nfrozen CLI explain: {time.perf_counter() - started:.1f} s, {explanation['path']}, "
          f"{explanation['tokens_per_s'] or 0:.0f} tokens/s: {explanation['text']}")


def test_the_frozen_gui_shows_its_window_loads_the_models_and_opens_every_page_offline(
        frozen: Path, tmp_path: Path) -> None:
    if not offline():
        print("\nno network namespace here (unshare -rn failed): proxies point at a closed port instead")
    data = ["--data-dir", str(tmp_path / "data")]
    result = run([str(frozen / f"hearth-cli{EXE}"), *data, "import", str(GOODREADS)], timeout=900)
    assert result.returncode == 0, result.stderr[-3000:]  # so that every page has something to show
    command = offline() + [str(frozen / f"hearth{EXE}"), *data, "--self-check"]
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                               env=environment())
    lines, shown = [], None
    assert process.stdout is not None
    for line in process.stdout:
        lines.append(line.rstrip())
        if line.startswith("window shown") and shown is None:
            shown = time.perf_counter() - started
    code = process.wait(timeout=300)
    output = "\n".join(lines)
    assert code == 0, output[-4000:]
    assert shown is not None and "ready" in lines and any(x.startswith("models loaded") for x in lines), output
    assert "pages shown: 7" in lines, output  # the interest map, heat map, Your year and charts drew without an error
    print(f"\nfrozen GUI: window shown {shown:.2f} s after launch (target 4 s); "
          + next(x for x in lines if x.startswith("models loaded")))
