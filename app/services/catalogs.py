"""Bundled catalogs: building them from public data, installing them into the database."""

from __future__ import annotations

import os
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from app.core.errors import InputError
from app.core.progress import Progress, no_progress
from app.core.text import TEXT_VERSION, item_text, text_hash
from app.core.types import Item
from app.importers import cf
from app.importers.bundle import WEIGHT_DTYPE, read_bundle, read_manifest, write_bundle
from app.importers.files import sha256_file
from app.importers.goodbooks import read_books, read_ratings, read_shelves
from app.importers.movielens import read_interactions, read_movies, read_tags
from app.storage import CatalogInfo, Store

__all__ = [
    "GOODBOOKS_LICENSE",
    "MOVIELENS_LICENSE",
    "EASE_L2",
    "RECIPES",
    "WEIGHTS_PER_ITEM",
    "Recipe",
    "CatalogService",
    "build_goodbooks",
    "build_movielens",
    "ease_weights",
    "repo_root",
    "resources_dir",
]


def repo_root() -> Path:
    return Path(__file__).resolve().parents[2]


def resources_dir() -> Path:
    """``HEARTH_RESOURCES``, the PyInstaller bundle's copy, or the source tree's."""
    env = os.environ.get("HEARTH_RESOURCES")
    if env:
        return Path(env)
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "resources"
    return repo_root() / "resources"


class CatalogService:
    def __init__(self, store: Store, *, catalogs_dir: Path | None = None) -> None:
        self.store = store
        self.catalogs_dir = catalogs_dir or resources_dir() / "catalogs"

    def installed(self) -> list[CatalogInfo]:
        return self.store.items.catalogs()

    def browse(self, *, catalog: str | None = None, text: str = "", kind: str | None = None,
               year_min: int | None = None, year_max: int | None = None, limit: int = 200) -> list[Item]:
        """A catalog's items (all catalogs if none is named), most rated first, filtered by title or
        creator, kind and years."""
        return self.store.items.search(catalog=catalog, text=text, kind=kind, year_min=year_min,
                                       year_max=year_max, limit=limit)

    def genres(self) -> list[tuple[str, int]]:
        """The catalogs' genres with how many items have each, most common first."""
        return self.store.items.genres()

    def bundled(self) -> list[Path]:
        if not self.catalogs_dir.is_dir():
            return []
        return sorted(p.parent for p in self.catalogs_dir.glob("*/catalog.json"))

    def pending(self) -> list[Path]:
        """Bundled catalogs not installed yet, or installed from an older version."""
        installed = {c.name: c.version for c in self.store.items.catalogs()}
        out = []
        for folder in self.bundled():
            manifest = read_manifest(folder)
            if installed.get(manifest["name"]) != manifest["version"]:
                out.append(folder)
        return out

    def ensure_bundled(self, *, progress: Progress = no_progress) -> list[str]:
        """Install what ``pending()`` lists; returns the names installed."""
        names = []
        for folder in self.pending():
            names.append(self.install(folder, progress=progress))
        return names

    def install(self, folder: Path, *, progress: Progress = no_progress) -> str:
        """Load a bundle into the database in one transaction; item ids stay stable on upgrade."""
        bundle = read_bundle(folder)
        m = bundle.manifest
        label = f"Installing {m['title']}"
        steps = 4
        progress(0, steps, label)
        with self.store.transaction():
            catalog_id = self.store.items.upsert_catalog(
                name=m["name"],
                title=m["title"],
                kind=m["kind"],
                version="",  # set last: a half-installed catalog is never taken as current
                bundled=True,
                license=m.get("license", ""),
                attribution=m.get("attribution", ""),
            )
            ids = self.store.items.upsert_items(catalog_id, bundle.items)
            progress(1, steps, label)
            item_ids = np.array([ids[it.source_key] for it in bundle.items], dtype=np.int64)
            w = bundle.weights
            self.store.items.replace_weights(catalog_id, item_ids[w["item"]], item_ids[w["neighbour"]],
                                             w["weight"])
            progress(2, steps, label)
            if bundle.embeddings is not None and m.get("text_version") == TEXT_VERSION:
                self.store.embeddings.put(
                    m["embedding_model"],
                    {text_hash(item_text(it)): bundle.embeddings[k] for k, it in enumerate(bundle.items)},
                )
            progress(3, steps, label)
            self.store.embeddings.forget_text_rows()  # they were the nearest among the items there were
            self.store.items.upsert_catalog(
                name=m["name"],
                title=m["title"],
                kind=m["kind"],
                version=m["version"],
                bundled=True,
                license=m.get("license", ""),
                attribution=m.get("attribution", ""),
            )
        progress(steps, steps, label)
        return str(m["name"])


MOVIELENS_LICENSE = """\
The Hearth film catalog is derived from MovieLens latest-small (ml-latest-small).

F. Maxwell Harper and Joseph A. Konstan. 2015. The MovieLens Datasets: History and
Context. ACM Transactions on Interactive Intelligent Systems (TiiS) 5, 4: 19:1-19:19.
https://doi.org/10.1145/2827872

The data set is provided by GroupLens Research (https://grouplens.org/datasets/movielens/)
and is redistributed here, transformed (titles, years, genres, community tags, IMDb and
TMDB ids, rating counts and item-to-item weights learned from the ratings), under the
same terms as the original:

* The user may not state or imply any endorsement from the University of Minnesota or
  the GroupLens Research Group.
* The user must acknowledge the use of the data set in publications resulting from the
  use of the data set.
* The user may redistribute the data set, including transformations, so long as it is
  distributed under these same license conditions.
* The user may not use this information for any commercial or revenue-bearing purposes
  without first obtaining permission from a faculty member of the GroupLens Research
  Project at the University of Minnesota.

Neither the University of Minnesota nor any of the researchers involved can guarantee
the correctness of the data, its suitability for any particular purpose, or the
validity of results based on the use of the data set.
"""


EASE_L2 = 300.0  # the EASE baseline's ridge penalty in `hearth eval`
WEIGHTS_PER_ITEM = 200  # each item's strongest weights kept (by magnitude)


@dataclass(frozen=True)
class Recipe:
    """How a catalog's item-to-item weights are learned: which ratings count as an interaction,
    EASE's ridge penalty, and how many weights each item keeps. The bundled catalogs and the
    evaluation of their data sets use the same recipe."""

    positive: float
    l2: float
    top_k: int = WEIGHTS_PER_ITEM


# Chosen on held-out users (README, "Evaluation"): MovieLens's B from ratings >= 4; goodbooks' from
# every rating (a goodbooks rating is mostly "I read it": 0.250 -> 0.270 NDCG@10), with less ridge.
RECIPES = {"movielens": Recipe(positive=4.0, l2=300.0), "goodbooks": Recipe(positive=1.0, l2=100.0)}


def ease_weights(
    users: np.ndarray, items: np.ndarray, *, l2: float = EASE_L2, top_k: int = WEIGHTS_PER_ITEM
) -> np.ndarray:
    """EASE on the (user, item position) pairs, each item's top-k weights (by magnitude) kept.

    Items nobody interacted with get no row. Returns WEIGHT_DTYPE rows, the weights at float16's
    precision so that every CPU and BLAS keeps the same ones (see cf.top_k_rows).
    """
    from scipy import sparse

    active = np.unique(items)
    if not len(active):
        return np.zeros(0, dtype=WEIGHT_DTYPE)
    col = np.searchsorted(active, items)
    user_ids, row = np.unique(users, return_inverse=True)
    x = sparse.csr_matrix((np.ones(len(row), dtype=np.float32), (row, col)), shape=(len(user_ids), len(active)))
    x.data[:] = 1.0  # a repeated pair counts once
    b = cf.ease(x, l2=l2)
    r, c, v = cf.top_k_rows(b, k=top_k)
    out = np.zeros(len(r), dtype=WEIGHT_DTYPE)
    out["item"], out["neighbour"], out["weight"] = active[r], active[c], v
    return out


def build_movielens(
    source: Path,
    out: Path,
    *,
    embed: Callable[[list[str]], np.ndarray] | None,
    embedding_model: str,
    name: str = "movielens-small",
    title: str = "Films (MovieLens latest-small)",
    recipe: Recipe = RECIPES["movielens"],
    progress: Progress = no_progress,
) -> dict[str, Any]:
    """Build the film catalog bundle from a MovieLens folder; returns its manifest."""
    source = Path(source)
    if not (source / "movies.csv").is_file():
        raise InputError(
            f"{source} is not a MovieLens folder (no movies.csv).",
            hint="Point --source at ml-latest-small (movies.csv, links.csv, tags.csv, ratings.csv).",
        )
    label = "Building film catalog"
    progress(0, 4, label)
    ratings = read_interactions(source / "ratings.csv")
    tags = read_tags(source / "tags.csv") if (source / "tags.csv").is_file() else {}
    items = read_movies(source / "movies.csv", links_path=source / "links.csv", tags=tags,
                        popularity=Counter(ratings.items.tolist()))
    progress(1, 4, label)
    position = {it.source_key: k for k, it in enumerate(items)}
    keep = ratings.ratings >= recipe.positive
    known = np.array([key in position for key in ratings.items[keep]], dtype=bool)
    pos = np.array([position[key] for key in ratings.items[keep][known]], dtype=np.int64)
    weights = ease_weights(ratings.users[keep][known], pos, l2=recipe.l2, top_k=recipe.top_k)
    progress(2, 4, label)
    embeddings = embed([item_text(it) for it in items]) if embed is not None else None
    progress(3, 4, label)
    inputs = {
        f: sha256_file(source / f)
        for f in ("movies.csv", "links.csv", "tags.csv", "ratings.csv")
        if (source / f).is_file()
    }
    manifest: dict[str, Any] = {
        "name": name,
        "title": title,
        "kind": "film",
        "source": "MovieLens latest-small (GroupLens), ml-latest-small",
        "source_sha256": inputs,
        "license": "MovieLens terms: research and non-commercial use; see LICENSE.txt",
        "attribution": "F. Maxwell Harper and Joseph A. Konstan. 2015. The MovieLens Datasets:"
        " History and Context. ACM TiiS 5, 4: 19:1-19:19.",
        "builder": f"hearth build-catalog movielens --source {source.name}",
        "weights_method": f"EASE (l2={recipe.l2:g}) on ratings >= {recipe.positive:g}, each item's "
        f"{recipe.top_k} largest weights by magnitude kept",
        "embedding_model": embedding_model,
    }
    write_bundle(
        out, manifest=manifest, items=items, weights=weights, embeddings=embeddings,
        license_text=MOVIELENS_LICENSE,
    )
    progress(4, 4, label)
    return read_manifest(out)


GOODBOOKS_LICENSE = """\
The Hearth book catalog is derived from goodbooks-10k by Zygmunt Zajac
(https://github.com/zygmuntz/goodbooks-10k): titles, authors, publication years,
Goodreads ids, ISBNs, rating counts, genres and tags from the shelves readers put each
book on, and item-to-item weights learned from its ratings.

goodbooks-10k is licensed under the Creative Commons Attribution-ShareAlike 4.0
International License (http://creativecommons.org/licenses/by-sa/4.0/). This
derived catalog (items.jsonl, weights.npy, embeddings.npy) is shared under the same licence.
"""


def build_goodbooks(
    source: Path,
    out: Path,
    *,
    embed: Callable[[list[str]], np.ndarray] | None,
    embedding_model: str,
    name: str = "goodbooks-10k",
    title: str = "Books (goodbooks-10k)",
    recipe: Recipe = RECIPES["goodbooks"],
    progress: Progress = no_progress,
) -> dict[str, Any]:
    """Build the book catalog bundle from goodbooks-10k: books.csv, the shelves (book_tags.csv,
    tags.csv) for genres and tags, and ratings.csv for EASE weights; returns its manifest."""
    source = Path(source)
    books = source / "books.csv"
    if not books.is_file():
        raise InputError(f"{source} is not a goodbooks-10k folder (no books.csv).",
                         hint="Point --source at goodbooks-10k (books.csv, ratings.csv, book_tags.csv, tags.csv).")
    label = "Building book catalog"
    progress(0, 4, label)
    shelves = (read_shelves(source / "book_tags.csv", source / "tags.csv", books)
               if (source / "book_tags.csv").is_file() else {})
    items = read_books(books, shelves=shelves)
    progress(1, 4, label)
    inputs = ["books.csv", "book_tags.csv", "tags.csv", "ratings.csv"]
    if (source / "ratings.csv").is_file():
        ratings = read_ratings(source / "ratings.csv")
        position = {it.source_key: k for k, it in enumerate(items)}
        keep = np.array([key in position for key in ratings.items], dtype=bool) & (ratings.ratings >= recipe.positive)
        pos = np.array([position[key] for key in ratings.items[keep]], dtype=np.int64)
        weights = ease_weights(ratings.users[keep], pos, l2=recipe.l2, top_k=recipe.top_k)
        method = (f"EASE (l2={recipe.l2:g}) on ratings >= {recipe.positive:g} (duplicates: the last kept), "
                  f"each item's {recipe.top_k} largest weights by magnitude kept")
    else:
        weights = np.zeros(0, dtype=WEIGHT_DTYPE)
        method = "none: ratings.csv is absent, so beta = 0 for this catalog"
    progress(2, 4, label)
    embeddings = embed([item_text(it) for it in items]) if embed is not None else None
    progress(3, 4, label)
    manifest: dict[str, Any] = {
        "name": name,
        "title": title,
        "kind": "book",
        "source": "goodbooks-10k (zygmuntz/goodbooks-10k): books, ratings (first release), shelves",
        "source_sha256": {f: sha256_file(source / f) for f in inputs if (source / f).is_file()},
        "license": "CC BY-SA 4.0; see LICENSE.txt",
        "attribution": "goodbooks-10k by Zygmunt Zajac, CC BY-SA 4.0",
        "builder": f"hearth build-catalog goodbooks --source {source.name}",
        "weights_method": method,
        "embedding_model": embedding_model,
    }
    write_bundle(out, manifest=manifest, items=items, weights=weights, embeddings=embeddings,
                 license_text=GOODBOOKS_LICENSE)
    progress(4, 4, label)
    return read_manifest(out)
