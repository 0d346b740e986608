"""Time and memory of importing full source files into a fresh SQLite database.

    python benchmarks/import_sources.py [--repeat 3] [--shared ../shared/data]

Each run imports one file in a child process of its own (so that its peak resident memory,
``ru_maxrss``, is that import's) into a new SQLite file; the median wall time of the import
and the largest peak memory over the runs are written, per file, to
``benchmarks/results/import_sources.json``. Files: the full UN DESA 2024 bilateral table and
UNHCR's population.csv (skipped, with a message, while no reader claims it).

The reference, the **floor**, is measured in the same run, alternating with the import: a
child process reads the same file with pyarrow (``pip install pyarrow``; the floor is
skipped without it) and inserts as many rows as the import stores into the same
``observations`` table of a fresh database, with one ``executemany`` and one commit (each
file row gives one row per value column, under an indicator per column and per copy, until
there are as many rows as observations; no validation, no area resolution, no provenance).
The ratio printed is import / floor (target: at most 3).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results" / "import_sources.json"
DEFAULT_SHARED = HERE.parents[1] / "shared" / "data"
FILES = (
    ("undesa-bilateral", "undesa_migrant_stock/undesa_ims2024_bilateral_by_sex.csv"),
    ("unhcr", "unhcr_refugee_statistics/population.csv"),
)
# per format: the floor's (year, country, partner[, sex]) columns and value columns
FLOOR_COLUMNS = {
    "undesa-bilateral": (("t", "geo", "from", "sex"), ("n",)),
    "unhcr": (("year", "coa", "coo"), ("refugees", "asylum_seekers", "idps", "stateless",
                                       "ooc", "oip")),
}
_FLOOR_INSERT = ("INSERT INTO observations (indicator, country, partner, period, year, sex, "
                 "breakdown, value, status, source_id, note, origin) "
                 "VALUES (?, ?, ?, ?, ?, ?, '', ?, 'observed', 'floor', '{}', 'floor')")


def run_one(path: Path, fmt: str) -> dict[str, Any]:
    """Import ``path`` into a fresh SQLite file (in this process); time, memory, counts."""
    from migprofile.importers.run import import_file
    from migprofile.store import Store

    with tempfile.TemporaryDirectory() as folder:
        store = Store.open(f"sqlite:///{folder}/bench.db")
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        start = time.perf_counter()
        batch = import_file(store, path, fmt)
        seconds = time.perf_counter() - start
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        store.close()
    return {"seconds": seconds, "peak_rss_mib": peak / 1024, "rss_before_mib": before / 1024,
            "observations": len(batch.observations), "source_id": batch.source.id}


def floor_one(path: Path, fmt: str, rows: int) -> dict[str, Any]:
    """The floor: read ``path`` with pyarrow, insert ``rows`` rows with one executemany."""
    import sqlite3

    import pyarrow.csv  # type: ignore[import-not-found]

    from migprofile.store import Store

    keys, values = FLOOR_COLUMNS[fmt]
    indicators = [f"floor{copy}_{column}" for copy in range(rows // 1000 + 1)
                  for column in values]
    with tempfile.TemporaryDirectory() as folder:
        Store.open(f"sqlite:///{folder}/floor.db").close()  # the same schema, not timed
        db = sqlite3.connect(f"{folder}/floor.db")
        for pragma in ("journal_mode=WAL", "synchronous=NORMAL", "foreign_keys=ON"):
            db.execute(f"PRAGMA {pragma}")
        db.executemany("INSERT INTO indicators (code, names, unit, basis, definition) "
                       "VALUES (?, '{}', 'persons', 'birth', '{}')",
                       [(code,) for code in indicators])
        db.execute("INSERT INTO sources (id, publisher, title, citation, note, origin) "
                   "VALUES ('floor', 'floor', '{}', '{}', '{}', 'floor')")
        db.commit()
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        start = time.perf_counter()
        table = pyarrow.csv.read_csv(path)
        year, country, partner = (table[k].to_pylist() for k in keys[:3])
        sex = table[keys[3]].to_pylist() if len(keys) > 3 else ["total"] * len(year)
        params: list[tuple[Any, ...]] = []
        names = iter(indicators)
        while len(params) < rows:
            for column in values:
                name, cells = next(names), table[column].to_pylist()
                take = min(len(year), rows - len(params))
                params.extend((name, country[i], partner[i], str(year[i]), int(year[i]),
                               sex[i], cells[i]) for i in range(take))
                if len(params) >= rows:
                    break
        db.executemany(_FLOOR_INSERT, params)
        db.commit()
        seconds = time.perf_counter() - start
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        db.close()
    return {"seconds": seconds, "peak_rss_mib": peak / 1024, "rss_before_mib": before / 1024,
            "observations": len(params)}


def has_pyarrow() -> bool:
    try:
        import pyarrow.csv  # type: ignore[import-not-found]  # noqa: F401
    except ImportError:
        return False
    return True


def reader_for(path: Path, fmt: str) -> str | None:
    from migprofile.importers.registry import load_readers

    readers = load_readers()
    if fmt in readers and readers[fmt].claims(path):
        return fmt
    return None


def _child(*args: str) -> dict[str, Any]:
    out = subprocess.run([sys.executable, __file__, *args], check=True, capture_output=True,
                         text=True)
    result: dict[str, Any] = json.loads(out.stdout)
    return result


def bench_file(path: Path, fmt: str, repeat: int, floor: bool) -> dict[str, Any]:
    runs, floors = [], []
    for _ in range(repeat):  # import and floor alternate: both see the same machine load
        runs.append(_child("--one", str(path), "--format", fmt))
        if floor:
            floors.append(_child("--floor", str(path), "--format", fmt,
                                 "--rows", str(runs[-1]["observations"])))
    result: dict[str, Any] = {
        "file": path.name, "format": fmt, "bytes": path.stat().st_size,
        "source_id": runs[0]["source_id"], "observations": runs[0]["observations"],
        "repeat": repeat, "median_seconds": round(statistics.median(r["seconds"] for r in runs), 2),
        "seconds": [round(r["seconds"], 2) for r in runs],
        "peak_rss_mib": round(max(r["peak_rss_mib"] for r in runs), 1),
        "rss_before_import_mib": round(runs[0]["rss_before_mib"], 1),
    }
    if floors:
        median = statistics.median(r["seconds"] for r in floors)
        result.update({
            "floor_median_seconds": round(median, 2),
            "floor_seconds": [round(r["seconds"], 2) for r in floors],
            "floor_peak_rss_mib": round(max(r["peak_rss_mib"] for r in floors), 1),
            "ratio_to_floor": round(statistics.median(r["seconds"] for r in runs) / median, 2),
        })
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--one", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--format", help=argparse.SUPPRESS)
    parser.add_argument("--floor", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--rows", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        print(json.dumps(run_one(args.one, args.format)))
        return 0
    if args.floor:
        print(json.dumps(floor_one(args.floor, args.format, args.rows)))
        return 0
    floor = has_pyarrow()
    if not floor:
        print("floor skipped: pyarrow is not installed (pip install pyarrow)")
    results: dict[str, Any] = {"machine": platform.platform(), "python": platform.python_version(),
                               "cpus": os.cpu_count(), "load_average": os.getloadavg(),
                               "files": [], "skipped": []}
    for fmt, relative in FILES:
        path = args.shared / relative
        if not path.is_file() or reader_for(path, fmt) is None:
            reason = "file absent" if not path.is_file() else f"no reader {fmt!r} claims it yet"
            print(f"skipped {relative}: {reason}")
            results["skipped"].append({"file": relative, "reason": reason})
            continue
        result = bench_file(path, fmt, args.repeat, floor)
        line = (f"{relative}: {result['observations']:,} observations, median "
                f"{result['median_seconds']} s, peak {result['peak_rss_mib']} MiB")
        if "ratio_to_floor" in result:
            line += (f"; floor (pyarrow + one executemany) {result['floor_median_seconds']} s, "
                     f"peak {result['floor_peak_rss_mib']} MiB; ratio "
                     f"{result['ratio_to_floor']}× (target ≤ 3×, ≤ 300 MiB)")
        print(line + f"; load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
        results["files"].append(result)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
