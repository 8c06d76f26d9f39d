"""Building the bundled catalogs from the public data sets: items, EASE weights and vectors, written
as a bundle (app/importers/bundle.py) that the app installs. `hearth build-catalog` runs these."""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from app.core.errors import InputError
from app.core.progress import Progress, no_progress
from app.core.text import item_text
from app.importers.bundle import WEIGHT_DTYPE, read_manifest, write_bundle
from app.importers.files import sha256_file
from app.lab import cf
from app.lab.film_metadata import SOURCES, FilmFacts, read_film_metadata
from app.lab.goodbooks import read_books, read_ratings, read_shelves
from app.lab.movielens import read_interactions, read_movies, read_tags

__all__ = [
    "EASE_L2",
    "GOODBOOKS_LICENSE",
    "MOVIELENS_LICENSE",
    "RECIPES",
    "WEIGHTS_PER_ITEM",
    "Recipe",
    "build_goodbooks",
    "build_movielens",
    "ease_weights",
]


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

FILM_METADATA_NOTICE = """
What each film is about (keywords, overviews and taglines, original titles and
languages) comes from The Movie Database (TMDB), through two public data sets:
"The Movies Dataset" (Rounak Banik, Kaggle, 2017; TMDB and MovieLens) and the "TMDB 5000
Movie Dataset" (Kaggle, from the TMDB API). This product uses the TMDB API but is not
endorsed or certified by TMDB (https://www.themoviedb.org). Directors come from HetRec
2011 (MovieLens-2k, GroupLens Research; Ivan Cantador, Peter Brusilovsky and Tsvi Kuflik.
2011. 2nd Workshop on Information Heterogeneity and Fusion in Recommender Systems
(HetRec 2011). RecSys 2011). Like MovieLens, they are used here for research and
non-commercial purposes only.
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


# Chosen on held-out users (docs/evaluation.md): MovieLens's B from ratings >= 4; goodbooks' from
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


def film_facts(links: Path, metadata: Path | None) -> dict[str, FilmFacts]:
    """What each film of a MovieLens links file is about, from a film-metadata folder ({} without one)."""
    if metadata is None or not Path(metadata).is_dir() or not Path(links).is_file():
        return {}
    with Path(links).open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    tmdb_of = {r["movieId"]: (r.get("tmdbId") or "").strip() for r in rows}
    imdb_of = {r["movieId"]: (r.get("imdbId") or "").strip() for r in rows}
    return read_film_metadata(Path(metadata), tmdb_of, imdb_of)


def build_movielens(
    source: Path,
    out: Path,
    *,
    embed: Callable[[list[str]], np.ndarray] | None,
    embedding_model: str,
    name: str = "movielens-small",
    title: str = "Films (MovieLens latest-small)",
    recipe: Recipe = RECIPES["movielens"],
    metadata: Path | None = None,
    progress: Progress = no_progress,
) -> dict[str, Any]:
    """Build the film catalog bundle from a MovieLens folder, with what each film is about from
    ``metadata`` (default: film-metadata beside the source, when it is there); returns its manifest."""
    source = Path(source)
    metadata = Path(metadata) if metadata is not None else source.parent / "film-metadata"
    if not (source / "movies.csv").is_file():
        raise InputError(
            f"{source} is not a MovieLens folder (no movies.csv).",
            hint="Point --source at ml-latest-small (movies.csv, links.csv, tags.csv, ratings.csv).",
        )
    label = "Building film catalog"
    progress(0, 4, label)
    ratings = read_interactions(source / "ratings.csv")
    tags = read_tags(source / "tags.csv") if (source / "tags.csv").is_file() else {}
    facts = film_facts(source / "links.csv", metadata)
    items = read_movies(source / "movies.csv", links_path=source / "links.csv", tags=tags,
                        popularity=Counter(ratings.items.tolist()), facts=facts)
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
    inputs |= {f"film-metadata/{f}": sha256_file(metadata / f) for f in SOURCES if facts and (metadata / f).is_file()}
    manifest: dict[str, Any] = {
        "name": name,
        "title": title,
        "kind": "film",
        "source": "MovieLens latest-small (GroupLens), ml-latest-small"
        + ("; film metadata: TMDB keywords, overviews and original titles (The Movies Dataset, TMDB 5000),"
           " directors (HetRec 2011)" if facts else ""),
        "source_sha256": inputs,
        "license": "MovieLens terms: research and non-commercial use; see LICENSE.txt",
        "attribution": "F. Maxwell Harper and Joseph A. Konstan. 2015. The MovieLens Datasets:"
        " History and Context. ACM TiiS 5, 4: 19:1-19:19."
        + (" Film metadata from TMDB (not endorsed or certified by TMDB) and HetRec 2011." if facts else ""),
        "builder": f"hearth build-catalog movielens --source {source.name}",
        "weights_method": f"EASE (l2={recipe.l2:g}) on ratings >= {recipe.positive:g}, each item's "
        f"{recipe.top_k} largest weights by magnitude kept",
        "embedding_model": embedding_model,
    }
    write_bundle(
        out, manifest=manifest, items=items, weights=weights, embeddings=embeddings,
        license_text=MOVIELENS_LICENSE + (FILM_METADATA_NOTICE if facts else ""),
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
