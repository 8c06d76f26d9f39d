"""Importing a 5,000-row Goodreads export (embedding excluded: it happens at recommend time),
every real export in ../shared/data/real-exports when it is there, and hostile archives (time and
peak memory of `hearth import` in its own process).

    python -m tests.benchmarks import [--rows 5000] [--hostile-only]

The export is written in the 24-column Goodreads layout from the bundled book
catalog's titles and authors (as a reader's shelves would hold them, edition ids
unknown to the catalog), plus a fifth of books no catalog has.
"""

from __future__ import annotations

import argparse
import csv
import json
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

from app.services import Services
from app.services.catalogs import resources_dir
from app.storage import Store
from tests.fixtures.exports.make_exports import GOODREADS_24


def write_export(path: Path, rows: int) -> None:
    books = []
    with (resources_dir() / "catalogs" / "goodbooks-10k" / "items.jsonl").open(encoding="utf-8") as f:
        for line in f:
            books.append(json.loads(line))
    columns = GOODREADS_24.split(",")
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=columns)
        writer.writeheader()
        for k in range(rows):
            row = {c: "" for c in columns}
            if k % 5 == 4:
                title, author, year = f"A Book Nobody Catalogued, Volume {k}", f"Author {k}", 2020
            else:
                book = books[k % len(books)]
                title, author, year = book["title"], (book["creators"] or ["Anon"])[0], book["year"] or ""
            row.update({"Book Id": str(90_000_000 + k), "Title": title, "Author": author,
                        "ISBN": '=""', "ISBN13": '=""', "My Rating": str(k % 6),
                        "Original Publication Year": str(year), "Date Read": f"2020/{1 + k % 12:02d}/15",
                        "Date Added": "2019/12/01", "Exclusive Shelf": "to-read" if k % 10 == 3 else "read",
                        "My Review": "Good.<br/>Really." if k % 7 == 0 else ""})
            writer.writerow(row)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=5000)
    parser.add_argument("--hostile-only", action="store_true")
    args = parser.parse_args(argv)
    if args.hostile_only:
        hostile()
        return
    with tempfile.TemporaryDirectory() as tmp:
        export = Path(tmp) / "goodreads_library_export.csv"
        write_export(export, args.rows)
        store = Store.open(Path(tmp) / "data")
        services = Services(store)
        services.catalogs.ensure_bundled()
        start = time.perf_counter()
        report = services.history.import_file(export)
        took = time.perf_counter() - start
        store.close()
    rate = report.matched / max(1, report.matched + report.unmatched)
    print(f"Goodreads export, {report.rows} rows: {took:.2f} s ({report.rows / took:.0f} rows/s), embedding excluded")
    print(f"matched {report.matched} ({rate:.1%}), unmatched {report.unmatched}, saved {report.saved}, "
          f"imported {report.imported}, skipped {report.skipped}")
    real_exports()
    hostile()


def _letterboxd_zip(path: Path, rows: int, *, short: bool = False) -> Path:
    head = "Date,Name,Year,Letterboxd URI,Rating\n"
    if short:  # the red team's shape: ~15 bytes a row, so 4.2 M rows fit under the member cap
        body = "".join(f",F{k},,,4\n" for k in range(rows))
    else:
        body = "".join(f"2020-01-01,Film {k},{1950 + k % 70},https://boxd.it/{k:x},{1 + k % 5}\n"
                       for k in range(rows))
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        zf.writestr("watched.csv", "Date,Name,Year,Letterboxd URI\n")
        zf.writestr("ratings.csv", head + body)
    return path


def _wide_csv(path: Path, rows: int) -> Path:
    """Films of one's own with long reviews: memory must not grow with the file (streamed)."""
    with path.open("w", encoding="utf-8") as f:
        f.write("Title,Year,Rating,Review\n")
        for k in range(rows):
            f.write(f"My own film number {k},{1950 + k % 70},{1 + k % 5},{'x' * 1_150}\n")
    return path


# Runs `hearth` and prints its own peak resident memory (VmHWM: this process only, since its exec).
_PEAK = ("import atexit, runpy, sys\n"
         "def peak():\n"
         "    for line in open('/proc/self/status'):\n"
         "        if line.startswith('VmHWM'): print('PEAK', line.split()[1], file=sys.stderr)\n"
         "atexit.register(peak)\n"
         "sys.argv = ['hearth', *sys.argv[1:]]\n"
         "runpy.run_module('app', run_name='__main__')\n")


def hostile() -> None:
    """`hearth import` of archives at and far past the row cap: seconds, peak memory, outcome."""
    from app.importers.limits import LIMITS
    from app.storage.db import DB_FILENAME

    if not Path("/proc/self/status").is_file():
        print("hostile imports: skipped (peak memory is read from /proc, which this system lacks)")
        return
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp) / "catalogs"
        store = Store.open(base)
        Services(store).catalogs.ensure_bundled()
        store.close()
        folder = Path(tmp)
        cases = [("a 10 MB CSV (9,000 long reviews)", lambda: _wide_csv(folder / "wide-10.csv", 9_000)),
                 ("a 100 MB CSV (90,000 long reviews)", lambda: _wide_csv(folder / "wide-100.csv", 90_000)),
                 ("Letterboxd ZIP at the row cap", lambda: _letterboxd_zip(folder / "cap.zip", LIMITS.rows)),
                 ("the red team's ZIP (4.2 M rows)",
                  lambda: _letterboxd_zip(folder / "red-team.zip", 4_200_000, short=True))]
        print(f"\n{'hostile import':<34} {'file MB':>7} {'csv MB':>6} {'s':>6} {'peak MB':>7}  outcome")
        for k, (label, make) in enumerate(cases):
            archive = make()
            if zipfile.is_zipfile(archive):
                with zipfile.ZipFile(archive) as zf:
                    unpacked = zf.getinfo("ratings.csv").file_size
            else:
                unpacked = archive.stat().st_size
            data = Path(tmp) / f"data-{k}"
            data.mkdir()
            shutil.copy(base / DB_FILENAME, data / DB_FILENAME)
            start = time.perf_counter()
            done = subprocess.run([sys.executable, "-c", _PEAK, "--data-dir", str(data), "import", str(archive)],
                                  capture_output=True, text=True)
            took = time.perf_counter() - start
            lines = done.stderr.strip().splitlines()
            peak = next((int(x.split()[1]) / 1024 for x in lines if x.startswith("PEAK")), float("nan"))
            said = [x for x in lines if not x.startswith("PEAK")]
            outcome = (done.stdout.strip().splitlines() or [""])[0] if done.returncode == 0 else " ".join(said)
            print(f"{label:<34} {archive.stat().st_size / 1e6:>7.1f} {unpacked / 1e6:>6.1f} {took:>6.1f} "
                  f"{peak:>7.0f}  exit {done.returncode}: {outcome[:100]}")


def real_exports() -> None:
    """Each real export into a fresh data folder: format found, what it became, match rate, time."""
    folder = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "real-exports"
    if not folder.is_dir():
        print(f"real exports: skipped ({folder} is absent)")
        return
    print(f"\n{'file':<44} {'format':<11} {'rows':>5} {'read':>5} {'saved':>5} {'neg':>4} {'shelf':>5} "
          f"{'matched':>8} {'loose':>5} {'s':>6}")
    for path in sorted(p for p in folder.glob("*/*") if p.suffix in (".csv", ".zip")):
        with tempfile.TemporaryDirectory() as tmp:
            store = Store.open(Path(tmp))
            services = Services(store)
            services.catalogs.ensure_bundled()
            start = time.perf_counter()
            (r,) = services.history.import_files([path])
            took = time.perf_counter() - start
            store.close()
        label = f"{path.parent.name}/{path.name.split('__')[0]} {path.name.split('__')[-1]}"[:44]
        print(f"{label:<44} {r.format:<11} {r.rows:>5} {r.history:>5} "
              f"{r.saved:>5} {r.negative:>4} {sum(r.shelved.values()):>5} {r.match_rate:>8.0%} {r.loose_count:>5} "
              f"{took:>6.2f}")


if __name__ == "__main__":
    main()
