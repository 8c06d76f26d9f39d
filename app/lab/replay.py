"""Replaying a person's own export: how well would Hearth have predicted what they loved next?

For each export (a file, or the loose CSVs of one Letterboxd export), in a throw-away data
folder with the bundled catalogs: import it, hold out the last 20% (by date) of its
positively rated, dated, catalog-matched entries, and rank the catalog with Hearth, with
MostPop (the catalog's popularity) and with plain EASE (the catalog's item-to-item weights
summed over the rest of the history, nothing else). Nothing of the person's own data folder
is read or changed.
"""

from __future__ import annotations

import math
import shutil
import signal
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from app.core.errors import AppError, Cancelled, InputError
from app.core.progress import Progress, no_progress
from app.importers.detect import open_sources
from app.models.embedder import Embedder
from app.storage import DB_FILENAME, USER_CATALOG, Store

__all__ = ["POSITIVE", "Replayer"]

POSITIVE = 0.7  # a rating of at least 70% of the scale's range (4 of 1-5 stars, 8 of 1-10) is "loved"
MIN_POSITIVES = 5  # fewer dated, matched positives than this and a replay says nothing
MODELS = ("hearth", "mostpop", "ease")


@dataclass(frozen=True)
class _Unit:
    name: str
    paths: tuple[Path, ...]


def _export_prefix(name: str) -> str:
    """"me__diary.csv" -> "me__": the part of a loose Letterboxd file's name before its member name."""
    lower = name.casefold()
    for member in ("diary.csv", "ratings.csv", "watched.csv", "watchlist.csv", "reviews.csv", "films.csv"):
        if lower.endswith(member):
            return lower[: -len(member)]
    return lower


class Replayer:
    def __init__(self, services_factory: Callable[[Store], Any], embedder: Embedder | None = None) -> None:
        """``services_factory(store)`` builds the services over a throw-away store (the composition
        root's, with the session's models)."""
        self._services = services_factory
        self.embedder = embedder

    def run(self, paths: Sequence[Path], *, holdout: float = 0.2, k: int = 50,
            progress: Progress = no_progress) -> dict[str, Any]:
        """Each export replayed on its own; one that cannot be read or imported is a row saying why, and the
        others still run. Each export's throw-away folder (a copy of the catalogs, ~170 MB) is removed as soon
        as it is done, and all of them on SIGTERM too."""
        if not 0 < holdout < 1:
            raise InputError("--holdout must be between 0 and 1.")
        units, unread = self._units(paths)
        started = time.perf_counter()
        rows: list[dict[str, Any]] = []
        with _scratch() as tmp:
            template = tmp / "template"
            if units:
                store = Store.open(template)
                try:
                    self._services(store).catalogs.ensure_bundled(progress=progress)
                finally:
                    store.close()
            for n, unit in enumerate(units):
                progress(n, len(units), "Replaying your exports")
                rows.append(self._replay_copy(unit, template, tmp / f"unit-{n}", holdout=holdout, k=k))
        progress(len(units), len(units), "Replaying your exports")
        rows += unread
        done = [r for r in rows if "skipped" not in r]
        mean = {m: {"recall@50": float(np.mean([r[m]["recall@50"] for r in done])) if done else 0.0,
                    "hits@10": float(np.mean([r[m]["hits@10"] for r in done])) if done else 0.0}
                for m in MODELS}
        return {"protocol": {"holdout": holdout, "k": k, "positive": POSITIVE, "min_positives": MIN_POSITIVES,
                             "replayed": len(done), "exports": len(rows)},
                "exports": rows, "mean": mean, "seconds": round(time.perf_counter() - started, 1)}

    def _replay_copy(self, unit: _Unit, template: Path, folder: Path, *, holdout: float, k: int) -> dict[str, Any]:
        """One export in its own copy of the template, removed when done (disk stays at two copies)."""
        folder.mkdir()
        try:
            shutil.copy(template / DB_FILENAME, folder / DB_FILENAME)
            store = Store.open(folder)
            try:
                return self._replay(unit, self._services(store), holdout=holdout, k=k)
            finally:
                store.close()
        except (AppError, OSError) as exc:  # this export only: the others still run
            return _unread(unit.name, exc)
        finally:
            shutil.rmtree(folder, ignore_errors=True)

    @staticmethod
    def _units(paths: Sequence[Path]) -> tuple[list[_Unit], list[dict[str, Any]]]:
        """Each export given is replayed on its own; loose Letterboxd CSVs of one export (one folder,
        one name before "diary.csv", "ratings.csv", ...) together. A path that cannot be read is a row
        saying why."""
        units: list[_Unit] = []
        unread: list[dict[str, Any]] = []
        loose: dict[tuple[Path, str], list[Path]] = {}
        for path in map(Path, paths):
            try:
                sources = open_sources([path])
            except (AppError, OSError) as exc:
                unread.append(_unread(str(path), exc))
                continue
            try:
                for s in sources:
                    if s.format == "letterboxd" and len(s.paths) == 1 and s.paths[0].suffix.lower() == ".csv":
                        key = (s.paths[0].parent, _export_prefix(s.paths[0].name))
                        loose.setdefault(key, []).append(s.paths[0])
                    else:
                        units.append(_Unit(", ".join(s.files), tuple(s.paths)))
            finally:
                for s in sources:
                    s.close()
        units += [_Unit(", ".join(p.name for p in group), tuple(group)) for group in loose.values()]
        return units, unread

    def _replay(self, unit: _Unit, services: Any, *, holdout: float, k: int) -> dict[str, Any]:
        started = time.perf_counter()
        (report,) = services.history.import_files(list(unit.paths))
        store: Store = services.store
        entries = store.history.entries()
        loved = [e for e in entries if e.item.catalog != USER_CATALOG and e.status == "done"
                 and e.rating_norm is not None and e.rating_norm >= POSITIVE and e.consumed_at]
        row: dict[str, Any] = {"export": unit.name, "format": report.format, "entries": len(entries),
                               "positives": len(loved)}
        if len(loved) < MIN_POSITIVES:
            row["skipped"] = f"fewer than {MIN_POSITIVES} dated, catalog-matched positive ratings"
            return row
        loved.sort(key=lambda e: (e.consumed_at or "", e.seq))
        n = max(1, math.ceil(holdout * len(loved)))
        held = loved[-n:]
        test = {int(e.item.id or 0) for e in held}
        for item_id in test:
            store.history.remove(item_id)
        store.history.forget_names(test)
        kind = max({e.item.kind for e in held}, key=lambda kd: sum(e.item.kind == kd for e in held))
        # What Hearth leaves out, the baselines too: the history, what it names, what the file marked or saved.
        excluded = store.history.item_ids() | store.history.named_ids() | {
            i for i, fb in store.feedback.all() if fb in ("not_interested", "dislike")} | \
            store.feedback.imported("like", "saved")
        from app.services.recommend import Filters

        lists = {
            "hearth": [r.item.id for r in services.recommender.recommend(k=k, filters=Filters(kind=kind))],
            "mostpop": self._mostpop(store, kind, excluded, k),
            "ease": self._ease(store, kind, excluded, k),
        }
        row.update({"held_out": len(test), "kind": kind, "history_after": store.history.count()})
        for model, ranked in lists.items():
            top = [int(i) for i in ranked[:k]]
            row[model] = {"recall@50": len(set(top) & test) / min(len(test), k),
                          "hits@10": len(set(top[:10]) & test)}
        row["seconds"] = round(time.perf_counter() - started, 1)
        return row

    @staticmethod
    def _mostpop(store: Store, kind: str, excluded: set[int], k: int) -> list[int]:
        rows = store.items.universe_rows()
        keep = (rows.kinds == kind) & ~np.isin(rows.ids, list(excluded)) & (rows.popularity > 0)
        ids, pop = rows.ids[keep], rows.popularity[keep]
        order = np.lexsort((ids, -pop))[:k]
        return ids[order].tolist()

    @staticmethod
    def _ease(store: Store, kind: str, excluded: set[int], k: int) -> list[int]:
        """The catalog's B summed over the history's items that were not disliked: EASE's score."""
        liked = [e.item.id for e in store.history.entries()
                 if e.status in ("done", "reading") and (e.rating_norm is None or e.rating_norm >= 0.5)]
        rows = store.items.universe_rows()
        position = {int(i): p for p, i in enumerate(rows.ids)}
        score = np.zeros(len(rows.ids))
        for neighbours, weights in store.items.weights_from([int(i or 0) for i in liked]).values():
            at = np.array([position[int(x)] for x in neighbours], dtype=np.int64)
            np.add.at(score, at, weights)
        score[(rows.kinds != kind) | np.isin(rows.ids, list(excluded))] = -np.inf
        top = np.argsort(-score, kind="stable")[:k]
        return [int(rows.ids[p]) for p in top if np.isfinite(score[p]) and score[p] != 0]


def _unread(name: str, exc: Exception) -> dict[str, Any]:
    why = str(exc) if isinstance(exc, AppError) else f"{exc.strerror or exc}" if isinstance(exc, OSError) else ""
    return {"export": name, "skipped": f"not replayed: {why or exc}", "error": True}


@contextmanager
def _scratch() -> Iterator[Path]:
    """A temporary folder removed however the replay ends: done, failed, or stopped by SIGTERM (a kill, a
    session closing), which cancels it; another SIGTERM does not interrupt the removal. Only the main
    thread may set signal handlers: elsewhere SIGTERM is left as it was."""
    main = threading.current_thread() is threading.main_thread()

    def cancel(signum: int, frame: object) -> None:
        raise Cancelled

    before = signal.signal(signal.SIGTERM, cancel) if main else None
    folder = Path(tempfile.mkdtemp(prefix="hearth-replay-"))
    try:
        yield folder
    finally:
        if main:
            signal.signal(signal.SIGTERM, signal.SIG_IGN)
        shutil.rmtree(folder, ignore_errors=True)
        if main:
            signal.signal(signal.SIGTERM, signal.SIG_DFL if before is None else before)
