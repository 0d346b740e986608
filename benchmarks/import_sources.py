"""Time and memory of importing full source files into a fresh SQLite database.

    python benchmarks/import_sources.py [--repeat 3] [--shared ../shared/data]

Each run imports one file in a child process of its own (so that its peak resident memory,
``ru_maxrss``, is that import's) into a new SQLite file; the median wall time of the import
and the largest peak memory over the runs are written, per file, to
``benchmarks/results/import_sources.json``. Files: the full UN DESA 2024 bilateral table and
UNHCR's population.csv (skipped, with a message, while no reader claims it).
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


def reader_for(path: Path, fmt: str) -> str | None:
    from migprofile.importers.registry import load_readers

    readers = load_readers()
    if fmt in readers and readers[fmt].claims(path):
        return fmt
    return None


def bench_file(path: Path, fmt: str, repeat: int) -> dict[str, Any]:
    runs = []
    for _ in range(repeat):
        out = subprocess.run([sys.executable, __file__, "--one", str(path), "--format", fmt],
                             check=True, capture_output=True, text=True)
        runs.append(json.loads(out.stdout))
    return {
        "file": path.name, "format": fmt, "bytes": path.stat().st_size,
        "source_id": runs[0]["source_id"], "observations": runs[0]["observations"],
        "repeat": repeat, "median_seconds": round(statistics.median(r["seconds"] for r in runs), 2),
        "seconds": [round(r["seconds"], 2) for r in runs],
        "peak_rss_mib": round(max(r["peak_rss_mib"] for r in runs), 1),
        "rss_before_import_mib": round(runs[0]["rss_before_mib"], 1),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--one", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--format", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        print(json.dumps(run_one(args.one, args.format)))
        return 0
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
        result = bench_file(path, fmt, args.repeat)
        print(f"{relative}: {result['observations']:,} observations, median "
              f"{result['median_seconds']} s, peak {result['peak_rss_mib']} MiB")
        results["files"].append(result)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
