"""Time and memory of building profiles, per format and language.

    python benchmarks/build_profiles.py [--repeat 5] [--countries MA,TN] [--all]

Builds into a fresh SQLite database (``migprofile init``, with the bundled extracts), then, for
each country × language × format, assembles and renders the profile ``--repeat`` times and
reports the median wall time; peak memory is the process's ``ru_maxrss`` after the runs and
the peak traced by ``tracemalloc`` during one HTML and one PDF build. With ``--all`` it also
times ``migprofile build --all --lang fr,en,ar --format html`` (median of ``--all-repeat`` runs).
Results go to ``benchmarks/results/build_profiles.json``.
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results" / "build_profiles.json"


def _time_build(store: Any, country: str, lang: str, fmt: str, repeat: int) -> dict[str, Any]:
    from migprofile.build import build_profile
    from migprofile.render import render

    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        render(build_profile(store, country, lang), fmt)
        times.append(time.perf_counter() - start)
    return {"country": country, "lang": lang, "format": fmt,
            "median_s": round(statistics.median(times), 4), "min_s": round(min(times), 4),
            "runs": repeat}


def _traced_peak(store: Any, country: str, fmt: str) -> float:
    from migprofile.build import build_profile
    from migprofile.render import render

    tracemalloc.start()
    render(build_profile(store, country, "fr"), fmt)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return round(peak / 2**20, 1)


def _build_all(db: Path, repeat: int) -> dict[str, Any]:
    exe = Path(sys.executable).with_name("migprofile")
    times = []
    for _ in range(repeat):
        with tempfile.TemporaryDirectory() as out:
            start = time.perf_counter()
            done = subprocess.run([str(exe), "build", "--all", "--lang", "fr,en,ar", "--format",
                                   "html", "--out", out, "--db", f"sqlite:///{db}"],
                                  capture_output=True, text=True, check=True)
            times.append(time.perf_counter() - start)
            files = len(list(Path(out).iterdir()))
    return {"median_s": round(statistics.median(times), 1), "runs": repeat, "files": files,
            "summary": done.stderr.strip().splitlines()[-1] if done.stderr else ""}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--countries", default="MA,TN")
    parser.add_argument("--all", action="store_true", help="also time build --all")
    parser.add_argument("--all-repeat", type=int, default=1)
    args = parser.parse_args()

    from migprofile.core import init_database, resolve_country
    from migprofile.store import Store

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        store = Store.open(f"sqlite:///{db}")
        start = time.perf_counter()
        init_database(store)
        init_s = time.perf_counter() - start
        results: dict[str, Any] = {"python": platform.python_version(),
                                   "machine": platform.machine(), "init_s": round(init_s, 1),
                                   "builds": []}
        for name in args.countries.split(","):
            country = resolve_country(store, name)
            for lang in ("fr", "en", "ar"):
                for fmt in ("html", "md", "json", "pdf"):
                    repeat = max(1, args.repeat // 2) if fmt == "pdf" else args.repeat
                    row = _time_build(store, country, lang, fmt, repeat)
                    results["builds"].append(row)
                    print(f"{country} {lang} {fmt:5} median {row['median_s']:.3f} s")
        first = resolve_country(store, args.countries.split(",")[0])
        results["traced_peak_mib"] = {"html": _traced_peak(store, first, "html"),
                                      "pdf": _traced_peak(store, first, "pdf")}
        results["max_rss_mib"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
        if args.all:
            results["build_all_html_3_langs"] = _build_all(db, args.all_repeat)
            print(f"build --all: {results['build_all_html_3_langs']}")
        store.close()
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"peak traced memory {results['traced_peak_mib']} MiB; max RSS "
          f"{results['max_rss_mib']} MiB; written {RESULTS}")


if __name__ == "__main__":
    main()
