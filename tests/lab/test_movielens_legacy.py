"""ml-100k, ml-1m and ml-10m as they are unpacked: the same interactions and films as the CSV layout."""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np
import pytest

from app.core.errors import InputError
from app.lab.evaluate import Dataset, Evaluator
from app.lab.movielens import read_movies
from app.lab.movielens_legacy import read_legacy
from tests.lab.test_evaluate import GENRES, synthetic

_FLAGS = ("unknown", "Action", "Adventure", "Animation", "Children's", "Comedy", "Crime", "Documentary", "Drama",
          "Fantasy", "Film-Noir", "Horror", "Musical", "Mystery", "Romance", "Sci-Fi", "Thriller", "War", "Western")


def _rows(path: Path) -> list[list[str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.reader(f))[1:]


def as_100k(source: Path, folder: Path) -> Path:
    """The synthetic CSV set written as ml-100k writes it: u.data (tabs), u.item (pipes, genre flags), Latin-1."""
    folder.mkdir(parents=True)
    (folder / "u.data").write_text("".join("\t".join(r) + "\n" for r in _rows(source / "ratings.csv")))
    lines = []
    for movie, title, genres in _rows(source / "movies.csv"):
        flags = "|".join("1" if g in genres.split("|") else "0" for g in _FLAGS)
        lines.append(f"{movie}|{title}|01-Jan-1995||http://us.imdb.com/M/title-exact?x|{flags}\n")
    (folder / "u.item").write_bytes("".join(lines).encode("latin-1"))
    return folder


def as_1m(source: Path, folder: Path) -> Path:
    """The synthetic CSV set written as ml-1m writes it: "::"-separated ratings.dat and movies.dat, Latin-1."""
    folder.mkdir(parents=True)
    (folder / "ratings.dat").write_text("".join("::".join(r) + "\n" for r in _rows(source / "ratings.csv")))
    (folder / "movies.dat").write_bytes(
        "".join("::".join(r) + "\n" for r in _rows(source / "movies.csv")).encode("latin-1"))
    return folder


@pytest.mark.parametrize("write", [as_100k, as_1m])
def test_older_layouts_read_as_the_csv_layout(tmp_path: Path, write) -> None:
    synthetic(tmp_path / "csv")
    csv_set = Dataset.folder(tmp_path / "csv")
    old_set = Dataset.folder(write(tmp_path / "csv", tmp_path / "old"))
    assert old_set.ratings.name in {"u.data", "ratings.dat"} and old_set.kind == "movielens"
    a, b = Evaluator.load(csv_set), Evaluator.load(old_set)
    assert np.array_equal(a.users, b.users) and list(a.items) == list(b.items)
    assert np.array_equal(a.ratings, b.ratings) and np.array_equal(a.timestamps, b.timestamps)
    films = {f.source_key: (f.title, f.year, f.genres) for f in read_movies(old_set.items)}
    assert films == {f.source_key: (f.title, f.year, f.genres) for f in read_movies(csv_set.items)}
    assert {g for _, _, genres in films.values() for g in genres} == set(GENRES)


def test_latin1_titles_separators_and_comment_lines(tmp_path: Path) -> None:
    (tmp_path / "movies.dat").write_bytes("1::Misérables, Les (1995)::Drama|War\n2::Who::What (2001)::Comedy\n"
                                          .encode("latin-1"))
    films = read_movies(tmp_path / "movies.dat")
    assert [(f.title, f.year, f.genres) for f in films] == [
        ("Les Misérables", 1995, ("Drama", "War")), ("Who::What", 2001, ("Comedy",))]
    (tmp_path / "u.data").write_text("#user id | item id | rating | timestamp\n196\t242\t3\t881250949\n")
    assert list(read_legacy(tmp_path / "u.data", ("userId",))) == [
        {"userId": "196", "movieId": "242", "rating": "3", "timestamp": "881250949"}]
    (tmp_path / "tags.dat").write_text("15::4973::excellent!::1215184630\n20::1747::a::b::1188263880\n")
    assert [r["tag"] for r in read_legacy(tmp_path / "tags.dat", ("tag",))] == ["excellent!", "a::b"]


def test_a_malformed_line_names_the_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "ratings.dat").write_text("1::2::5::978300760\n1::3\n")
    with pytest.raises(InputError, match=r"ratings.dat, line 2: expected 4 fields"):
        list(read_legacy(tmp_path / "ratings.dat", ("userId",)))
    with pytest.raises(InputError, match="no MovieLens or goodbooks-10k files"):
        Dataset.folder(tmp_path / "nothing")
