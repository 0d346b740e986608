"""Time of setting up: ``migprofile init`` of a fresh database, then ``build --all``.

    python benchmarks/startup.py [--repeat 3] [--build] [--pdf]

``init`` (every bundled package and extract) runs in a child process, ``--repeat`` rounds, each
into new SQLite files: from an empty template folder (``cold``: it builds the init template
first), from that template (``warm``: what every later fresh database costs) and with
``--no-template`` (``direct``), alternating with its **floor**, measured in the same run: a child
process that writes the same observations (read back from the database ``init`` made) into
the ``observations`` table of a fresh database with one ``executemany`` and one commit, as
fast as SQLite takes them — no reading of files, no checks, no provenance. The ratio printed
is init / floor; the target is init ≤ 5 s (a fresh database, template built).

``--build`` also times ``migprofile build --all --lang fr,en,ar --format html`` on the last
database (target ≤ 30 s on 2 cores), ``--pdf`` the same as PDF (target ≤ 180 s); their
reference is that target, and the ratio printed is time / target. Every line gives the load
average: on a shared machine, rely on the same-run ratios. Results go to
``benchmarks/results/startup.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results" / "startup.json"
CLI = Path(sys.executable).with_name("migprofile")
TARGETS = {"init": 5.0, "html": 30.0, "pdf": 180.0}
_COLUMNS = ("indicator, country, partner, period, year, sex, breakdown, value, status, "
            "source_id, note, origin")


def load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def cpu_reference() -> float:
    """Seconds of a fixed pure-Python loop: how fast this machine is today (the same code
    took 1.56–1.96 s on the reference machine on 2026-12-03), to compare runs of
    different days."""
    start = time.perf_counter()
    total = 0
    for i in range(20_000_000):
        total += i
    return round(time.perf_counter() - start, 2)


def timed(command: list[str], env: dict[str, str] | None = None) -> float:
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                   env={**os.environ, **(env or {})})
    return time.perf_counter() - start


def floor_one(db: Path) -> dict[str, Any]:
    """Write the observations of ``db`` into a fresh database: one executemany, one commit."""
    from migprofile.store import Store

    source = sqlite3.connect(db)
    rows = source.execute(f"SELECT {_COLUMNS} FROM observations").fetchall()
    parents = {name: source.execute(f"SELECT * FROM {name}").fetchall()
               for name in ("indicators", "sources")}
    source.close()
    with tempfile.TemporaryDirectory() as folder:
        Store.open(f"sqlite:///{folder}/floor.db").close()  # the same schema, not timed
        target = sqlite3.connect(f"{folder}/floor.db")
        for pragma in ("journal_mode=WAL", "synchronous=NORMAL", "foreign_keys=ON"):
            target.execute(f"PRAGMA {pragma}")
        for name, values in parents.items():
            if values:
                marks = ", ".join("?" * len(values[0]))
                target.executemany(f"INSERT INTO {name} VALUES ({marks})", values)
        target.commit()
        start = time.perf_counter()
        target.executemany(f"INSERT INTO observations ({_COLUMNS}) VALUES "
                           f"({', '.join('?' * 12)})", rows)
        target.commit()
        seconds = time.perf_counter() - start
        target.close()
    return {"seconds": seconds, "observations": len(rows)}


def bench_init(repeat: int, folder: Path) -> tuple[dict[str, Any], Path]:
    """Each round: ``init`` with an empty template folder (it builds the template, then copies
    it: the first init on a machine or after an upgrade), again with that folder (a copy:
    every later fresh database), with ``--no-template`` (every file loaded into the target),
    and the floor."""
    kinds: dict[str, list[float]] = {"cold": [], "warm": [], "direct": []}
    floors = []
    db = folder / "warm-0.db"
    for index in range(repeat):
        cache = {"MIGPROFILE_INIT_CACHE": str(folder / f"cache-{index}")}
        for kind, extra in (("cold", []), ("warm", []), ("direct", ["--no-template"])):
            target = folder / f"{kind}-{index}.db"
            kinds[kind].append(timed([str(CLI), "init", "--db", f"sqlite:///{target}",
                                      *extra], env=cache))
        db = folder / f"warm-{index}.db"
        out = subprocess.run([sys.executable, __file__, "--floor", str(db)], check=True,
                             capture_output=True, text=True)
        floors.append(json.loads(out.stdout))
        for kind in ("cold", "direct"):
            (folder / f"{kind}-{index}.db").unlink()
    floor = statistics.median(f["seconds"] for f in floors)
    result: dict[str, Any] = {
        "observations": floors[0]["observations"],
        "floor_median_seconds": round(floor, 2),
        "floor_seconds": [round(f["seconds"], 2) for f in floors],
        "target_seconds": TARGETS["init"], "load_average": load(),
    }
    for kind, runs in kinds.items():
        median = statistics.median(runs)
        result[kind] = {"median_seconds": round(median, 2),
                        "seconds": [round(s, 2) for s in runs],
                        "ratio_to_floor": round(median / floor, 2)}
    print(f"init of a fresh database, every bundled extract ({result['observations']:,} "
          f"observations); floor (the same rows, one executemany) {floor:.2f} s; target ≤ "
          f"{TARGETS['init']} s; load average {load()}")
    for kind, label in (("warm", "from the init template"),
                        ("cold", "building the template first (first init of this version)"),
                        ("direct", "--no-template (every file loaded into the target)")):
        r = result[kind]
        print(f"  {label}: median {r['median_seconds']:.2f} s, {r['ratio_to_floor']}× the "
              "floor")
    return result, db


def bench_build(db: Path, fmt: str, folder: Path) -> dict[str, Any]:
    out = folder / f"build-{fmt}"
    seconds = timed([str(CLI), "build", "--all", "--lang", "fr,en,ar", "--format", fmt,
                     "--out", str(out), "--db", f"sqlite:///{db}"])
    files = sum(1 for p in out.rglob(f"*.{fmt}"))
    target = TARGETS[fmt]
    print(f"build --all --lang fr,en,ar --format {fmt}: {seconds:.1f} s for {files} files; "
          f"target {target:.0f} s; ratio {seconds / target:.2f}× the target; "
          f"load average {load()}")
    return {"seconds": round(seconds, 2), "files": files, "target_seconds": target,
            "ratio_to_target": round(seconds / target, 2), "load_average": load()}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--build", action="store_true", help="also time build --all as HTML")
    parser.add_argument("--pdf", action="store_true", help="also time build --all as PDF")
    parser.add_argument("--floor", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.floor:
        print(json.dumps(floor_one(args.floor)))
        return 0
    results: dict[str, Any] = {"machine": platform.platform(), "python": platform.python_version(),
                               "cpus": os.cpu_count(), "load_average_start": load(),
                               "cpu_reference_seconds": cpu_reference()}
    print(f"CPU reference (20 million additions in Python): "
          f"{results['cpu_reference_seconds']} s")
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        results["init"], db = bench_init(args.repeat, folder)
        if args.build:
            results["build_all_html"] = bench_build(db, "html", folder)
        if args.pdf:
            results["build_all_pdf"] = bench_build(db, "pdf", folder)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
