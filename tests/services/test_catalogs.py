"""The bundled film catalog: intact, installable, and rebuildable from the shared data."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from app.core.text import item_text
from app.importers.bundle import WEIGHT_DTYPE, read_bundle
from app.lab.catalogs import build_goodbooks, build_movielens
from app.models.embedder import DEFAULT_MODEL_ID, Embedder
from app.services import Services
from app.services.catalogs import resources_dir
from tests.conftest import needs_shared

FILMS = resources_dir() / "catalogs" / "movielens-small"


def test_the_bundle_is_intact_and_attributed() -> None:
    bundle = read_bundle(FILMS)  # checks every file's sha256
    m = bundle.manifest
    assert m["items"] == len(bundle.items) == 9742
    assert m["embedding_model"] == DEFAULT_MODEL_ID
    assert bundle.embeddings is not None and bundle.embeddings.shape == (9742, 384)
    assert "Harper" in (FILMS / "LICENSE.txt").read_text() and "non-commercial" in m["license"]
    matrix = next(it for it in bundle.items if it.title == "The Matrix")
    assert (matrix.year, matrix.imdb, matrix.tmdb) == (1999, "133093", "603")
    assert "Sci-Fi" in matrix.genres and matrix.tags and matrix.popularity > 200
    heat = next(it for it in bundle.items if it.label == "Heat (1995)")
    assert (matrix.runtime, heat.runtime) == (136, 170)  # minutes, from film-metadata (TMDB)
    assert sum(it.runtime is not None for it in bundle.items) > 5_500
    w = bundle.weights
    assert len(w) == m["weights"] and np.all(np.bincount(w["item"]) <= 200) and np.all(w["weight"] != 0)
    assert (w["weight"] < 0).any()  # "people who liked h did not like i" is kept too


@pytest.mark.heavy  # 4-9 s: keeps the README's test command under 5 minutes on a fresh clone
def test_install_is_idempotent_and_keeps_item_ids(services: Services) -> None:
    before = {it[1]: it[0] for it in services.store.items.titles()}
    assert services.catalogs.pending() == []
    services.catalogs.install(FILMS)
    after = {it[1]: it[0] for it in services.store.items.titles()}
    assert before == after
    info = {c.name: c for c in services.catalogs.installed()}["movielens-small"]
    assert info.items == 9742 and info.version == json.loads((FILMS / "catalog.json").read_text())["version"]


def test_installed_films_carry_their_runtime_and_books_none(services: Services) -> None:
    (heat,) = services.store.items.by_norm_title("heat", 1995)
    assert heat.runtime == 170 and heat.catalog == "movielens-small"
    assert all(it.runtime is None for it in services.catalogs.browse(kind="book", limit=50))


def test_a_catalog_file_without_runtimes_still_installs(bare_services: Services, tmp_path: Path) -> None:
    folder = tmp_path / "old-films"
    folder.mkdir()
    lines = [{"source_key": "1", "kind": "film", "title": "Old Film", "year": 1950},  # as catalogs were written
             {"source_key": "2", "kind": "film", "title": "New Film", "year": 2020, "runtime": 118}]
    (folder / "items.jsonl").write_text("".join(json.dumps(d) + "\n" for d in lines), encoding="utf-8")
    np.save(folder / "weights.npy", np.zeros(0, dtype=WEIGHT_DTYPE))
    (folder / "catalog.json").write_text(json.dumps({"name": "old-films", "title": "Old films", "kind": "film",
                                                     "version": "1"}), encoding="utf-8")
    assert bare_services.catalogs.install(folder) == "old-films"
    found = {it.title: it.runtime for it in bare_services.catalogs.browse(catalog="old-films")}
    assert found == {"Old Film": None, "New Film": 118}


@pytest.mark.lab
def test_the_catalog_rebuilds_from_the_shared_data(tmp_path: Path, embedder: Embedder) -> None:
    source = needs_shared("data", "ml-latest-small")
    out = tmp_path / "rebuilt"
    build_movielens(source, out, embed=None, embedding_model=DEFAULT_MODEL_ID)
    assert (out / "items.jsonl").read_bytes() == (FILMS / "items.jsonl").read_bytes()
    _same_weights(out, FILMS)
    # The shipped embeddings are what the model gives for each item's text today.
    bundle = read_bundle(FILMS)
    sample = np.random.default_rng(0).choice(len(bundle.items), size=64, replace=False)
    fresh = embedder.encode([item_text(bundle.items[k]) for k in sample])
    assert bundle.embeddings is not None
    cos = np.sum(fresh * bundle.embeddings[sample], axis=1)
    assert cos.min() > 0.9999


BOOKS = resources_dir() / "catalogs" / "goodbooks-10k"


def _same_weights(new_folder: Path, old_folder: Path) -> None:
    """The rebuilt weights are the shipped ones, byte for byte but for what another CPU's BLAS can change.

    The build rounds each weight to float16's precision before the top-k cut (cf.top_k_rows). BLAS set-ups
    solve to within ~2e-15 of each other (7 OpenBLAS kernel and thread set-ups measured: the same bytes),
    which moves a weight to the next float16 step only if it lies that close to a rounding boundary: odds
    ~1e-8 a weight, ~0.02 pairs a catalog. So only that is forgiven, in at most 10 pairs: a weight one
    float16 step off, or at an item's k-th cut a pair traded for another within one step of it. A stale
    bundle or a changed recipe fails (the bundles cut at float32 differ from today's in 1,657 pairs).
    """
    new, old = np.load(new_folder / "weights.npy"), np.load(old_folder / "weights.npy")
    assert new.dtype == old.dtype and new.dtype["weight"] == np.float16, "bundled catalogs store float16 weights"
    if new.tobytes() == old.tobytes():
        return
    assert np.array_equal(np.bincount(new["item"]), np.bincount(old["item"])), "items keep other numbers of weights"
    key_new = new["item"].astype(np.int64) << 32 | new["neighbour"]
    key_old = old["item"].astype(np.int64) << 32 | old["neighbour"]
    common, i_new, i_old = np.intersect1d(key_new, key_old, assume_unique=True, return_indices=True)
    a, b = new["weight"][i_new], old["weight"][i_old]
    far = np.abs(a.astype(np.float64) - b) > np.spacing(np.maximum(np.abs(a), np.abs(b)))
    assert not far.any(), (
        f"{int(far.sum())} weights differ by more than one float16 step (e.g. item {new['item'][i_new][far][0]}: "
        f"{a[far][0]} vs {b[far][0]}), which BLAS rounding cannot do: the bundle is stale or the build changed")
    traded = 0
    for side, keys, other in ((new, key_new, old), (old, key_old, new)):
        only = side[~np.isin(keys, common)]
        cut = np.full(len(np.bincount(other["item"])), np.inf, dtype=np.float16)  # each item's smallest |w|
        np.minimum.at(cut, other["item"], np.abs(other["weight"]))
        size, cut = np.abs(only["weight"]), cut[only["item"]]
        above = size.astype(np.float64) > cut + np.spacing(cut).astype(np.float64)
        assert not above.any(), (
            f"{int(above.sum())} pairs kept in one build only are more than one float16 step above the other's "
            f"k-th magnitude (e.g. item {only['item'][above][0]}: |w| {size[above][0]}, cut {cut[above][0]}): "
            "not a tie at the cut that BLAS rounding moved")
        traded += len(only)
    moved = int((a != b).sum()) + traded // 2
    assert moved <= 10, (f"{moved} pairs differ, each within one float16 step (at the cut or in value): BLAS "
                         "rounding does that to ~0.02 pairs a catalog, so this is a systematic change")


def test_the_book_bundle_is_intact_and_attributed() -> None:
    bundle = read_bundle(BOOKS)
    assert len(bundle.items) == 10_000 and len(bundle.weights) == bundle.manifest["weights"] > 1_000_000
    assert np.all(np.bincount(bundle.weights["item"]) <= 200)
    assert bundle.embeddings is not None and bundle.embeddings.shape == (10_000, 384)
    assert "Attribution-ShareAlike 4.0" in (BOOKS / "LICENSE.txt").read_text()
    hunger = bundle.items[0]
    assert (hunger.title, hunger.creators, hunger.year, hunger.goodreads, hunger.isbn13) == (
        "The Hunger Games", ("Suzanne Collins",), 2008, "2767052", "9780439023481")
    assert hunger.tags[0] == "The Hunger Games series" and hunger.kind == "book"
    assert {"Young adult", "Dystopian", "Science fiction"} <= set(hunger.genres)
    # Shelves that say something about the reader, not the book, are not tags or genres.
    shelves = {t for it in bundle.items for t in (*it.tags, *it.genres)}
    assert not shelves & {"to-read", "to read", "owned", "kindle", "favorites", "currently reading", "2015",
                          "english", "books i own"}
    assert sum(bool(it.genres) for it in bundle.items) > 9_900
    # Books read by the same people: the first Hunger Games leads to its sequels.
    position = {it.source_key: k for k, it in enumerate(bundle.items)}
    w = bundle.weights[bundle.weights["item"] == position["1"]]
    top = [bundle.items[int(k)].title for k in w["neighbour"][np.argsort(-w["weight"])][:5]]
    assert "Catching Fire" in top and "Mockingjay" in top


@pytest.mark.lab
def test_the_book_catalog_rebuilds_from_the_shared_data(tmp_path: Path) -> None:
    source = needs_shared("data", "goodbooks-10k")
    build_goodbooks(source, tmp_path / "books", embed=None, embedding_model=DEFAULT_MODEL_ID)
    assert (tmp_path / "books" / "items.jsonl").read_bytes() == (BOOKS / "items.jsonl").read_bytes()
    _same_weights(tmp_path / "books", BOOKS)
