"""The import rule of DESIGN.md, checked on the source (like napari's Qt ban).

core imports nothing of ours; storage, models and importers import core; services
import those; gui and cli import services and core only. Heavy libraries are
imported lazily, inside functions, never at module level -- except Qt inside app/gui,
which is the GUI's framework; nothing outside app/gui imports app.gui at module level, so the
CLI never loads Qt (the last test checks that).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

APP = Path(__file__).resolve().parents[1] / "app"

ALLOWED = {
    "core": {"core"},
    "storage": {"core", "storage"},
    "models": {"core", "models"},
    "importers": {"core", "importers"},
    "services": {"core", "storage", "models", "importers", "services"},
    "gui": {"core", "services", "gui"},
    "cli": {"core", "services"},
}
HEAVY = {"torch", "sentence_transformers", "transformers", "llama_cpp", "PySide6", "pyqtgraph", "scipy"}
GUI_FRAMEWORK = {"PySide6", "pyqtgraph"}


def _layer(path: Path) -> str | None:
    rel = path.relative_to(APP)
    if rel.parts[0] == "cli.py":
        return "cli"
    if rel.parts[0] in ALLOWED:
        return rel.parts[0]
    return None  # app/__main__.py, the composition root, may import anything


def _imports(tree: ast.AST) -> list[tuple[str, int, bool]]:
    """(module, line, at module level) for every import in the file."""
    found = []
    top = {id(node) for node in getattr(tree, "body", [])}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(a.name, node.lineno, id(node) in top) for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.module, node.lineno, id(node) in top))
    return found


SOURCES = sorted(APP.rglob("*.py"))


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(APP)))
def test_layer_imports(path: Path) -> None:
    layer = _layer(path)
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for module, line, top_level in _imports(tree):
        parts = module.split(".")
        if parts[0] == "app" and len(parts) > 1 and layer is not None:
            target = "cli" if parts[1] == "cli" else parts[1]
            assert target in ALLOWED[layer], (
                f"{path.relative_to(APP)}:{line}: the {layer} layer may not import {module}"
            )
        if parts[0] in HEAVY and top_level and not (layer == "gui" and parts[0] in GUI_FRAMEWORK):
            pytest.fail(f"{path.relative_to(APP)}:{line}: import {module} lazily, inside the function that needs it")
        if parts[0] in GUI_FRAMEWORK and layer != "gui":
            pytest.fail(f"{path.relative_to(APP)}:{line}: only app/gui may import Qt")


def test_the_rule_catches_a_violation(tmp_path: Path) -> None:
    bad = ast.parse("from app.storage import Store\nimport torch\n")
    mods = _imports(bad)
    assert ("app.storage", 1, True) in mods and ("torch", 2, True) in mods
    assert "storage" not in ALLOWED["cli"] and "storage" not in ALLOWED["core"]


def test_starting_the_cli_imports_no_model_library() -> None:
    import subprocess
    import sys

    code = (
        "import sys, app.__main__, app.cli, app.services;"
        "heavy = [m for m in ('torch', 'sentence_transformers', 'transformers', 'PySide6', 'app.gui')"
        " if m in sys.modules];"
        "print(heavy); sys.exit(1 if heavy else 0)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=APP.parent)
    assert result.returncode == 0, result.stdout + result.stderr
