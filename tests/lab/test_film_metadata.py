"""Directors from HetRec 2011, joined to MovieLens by IMDb id, without what HetRec gets wrong."""

from __future__ import annotations

from pathlib import Path

from app.lab.film_metadata import read_film_metadata

MOVIES = (  # HetRec's movies.dat: its own ids, titles, IMDb ids
    "id\ttitle\timdbID\tspanishTitle\timdbPictureURL\tyear\n"
    "47\tShichinin no samurai\t0047478\tLos siete samurais\t\t1954\n"
    "541\tBlade Runner\t0083658\tBlade Runner\t\t1982\n"
    "1\tToy story\t0114709\tToy story\t\t1995\n"
    "2355\tA Bug's Life\t0120623\tBichos\t\t1998\n"
    "566\tKika\t0110265\tKika\t\t1993\n"
    "567\tLa flor de mi secreto\t0113074\tLa flor de mi secreto\t\t1995\n"
    "3578\tGladiator\t0172495\tGladiator\t\t2000\n"
    "3000\tBlack Hawk Down\t0265086\tBlack Hawk Down\t\t2001\n"
)
DIRECTORS = (
    "movieID directorID\tdirectorName\n"
    "47\takira_kurosawa\tAkira Kurosawa\n"
    "541\tphilip_jackson\tPhilip Jackson\n"
    "1\tjohn_lasseter\tJohn Lasseter\n"
    "2355\tjohn_lasseter\tJohn Lasseter\n"
    "566\tpedro_almodovar\tPedro Almod\ufffdvar\n"
    "567\tpedro_almodovar\tPedro Almod\ufffdvar\n"
    "3578\tridley_scott\tDirector Ridley Scott\n"
    "3000\tridley_scott\tRidley Scott\n"
)
# MovieLens ids -> IMDb ids: its 47 is Se7en, which HetRec does not have.
IMDB = {"47": "0114369", "541": "0083658", "1": "0114709", "2355": "0120623", "2019": "0047478",
        "567": "0110265", "568": "0113074", "3578": "0172495", "5952": "0265086"}


def test_directors_join_by_imdb_id_and_keep_only_what_links_two_films(tmp_path: Path) -> None:
    (tmp_path / "hetrec2011").mkdir()
    (tmp_path / "hetrec2011" / "movies.dat").write_text(MOVIES, encoding="utf-8")
    (tmp_path / "hetrec2011" / "movie_directors.dat").write_text(DIRECTORS, encoding="utf-8")
    facts = read_film_metadata(tmp_path, {m: "" for m in IMDB}, IMDB)
    directors = {movie: f.directors for movie, f in facts.items()}
    assert "47" not in directors  # Se7en is not by Kurosawa: HetRec's 47 is Seven Samurai
    assert "2019" not in directors  # Kurosawa directs one catalog film here: a name that links nothing
    assert "541" not in directors  # Blade Runner "by" Philip Jackson: one film only
    assert directors["1"] == directors["2355"] == ("John Lasseter",)
    assert directors["567"] == directors["568"] == ("Pedro Almodovar",)  # the lost accent as the id's letter
    assert directors["3578"] == directors["5952"] == ("Ridley Scott",)  # not "Director Ridley Scott"
