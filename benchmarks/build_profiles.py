"""Time and memory of building profiles, per format and language.

    python benchmarks/build_profiles.py [--repeat 5] [--countries MA,TN] [--all] [--all-pdf]
        [--db sqlite:///existing.db]

Builds into a fresh SQLite database (``migprofile init``, with the bundled extracts), then, for
each country × language × format, assembles and renders the profile ``--repeat`` times and
reports the median wall time; peak memory is the process's ``ru_maxrss`` after the runs and
the peak traced by ``tracemalloc`` during one HTML and one PDF build. With ``--all`` it also
times ``migprofile build --all --lang fr,en,ar --format html`` (median of ``--all-repeat`` runs).

PDF is timed with both engines in the same run: Typst (the default) and WeasyPrint (the
reference), each on a fresh Profile tree so that no cache of an identical document helps,
and the ratio printed. ``--all-pdf`` builds every profiled country × fr/en/ar as PDF with
Typst over 2 worker processes, and WeasyPrint over the same workers on the first
``--reference-countries`` countries, whose time per file gives the reference figure for all.
Results go to ``benchmarks/results/build_profiles.json``.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
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
    """Assembly + rendering; for ``pdf-typst`` / ``pdf-weasyprint`` also rendering alone."""
    from migprofile.build import build_profile
    from migprofile.render import render
    from migprofile.render.pdf import render_pdf

    times, render_times = [], []
    for i in range(repeat):
        start = time.perf_counter()
        profile = build_profile(store, country, lang)
        # a different data version each run: Typst memoizes identical documents
        profile = dataclasses.replace(profile, data_version=profile.data_version + 1000 + i)
        middle = time.perf_counter()
        if fmt.startswith("pdf-"):
            render_pdf(profile, fmt.split("-", 1)[1])
        else:
            render(profile, fmt)
        end = time.perf_counter()
        times.append(end - start)
        render_times.append(end - middle)
    return {"country": country, "lang": lang, "format": fmt,
            "median_s": round(statistics.median(times), 4), "min_s": round(min(times), 4),
            "render_median_s": round(statistics.median(render_times), 4), "runs": repeat}


def _pdf_all(url: str, reference_countries: int) -> dict[str, Any]:
    """Every profiled country × 3 languages as PDF with Typst (2 workers), and WeasyPrint on
    the first ``reference_countries`` countries for the reference rate."""
    from migprofile.build import BuildRequest, build_many, profiled_countries
    from migprofile.settings import get_settings
    from migprofile.store import Store

    store = Store.open(url, create=False)
    countries = tuple(profiled_countries(store))
    out: dict[str, Any] = {"countries": len(countries), "workers": 2}
    for engine, subset in (("typst", countries), ("weasyprint", countries[:reference_countries])):
        os.environ["MIGPROFILE_PDF_ENGINE"] = engine  # read by the worker processes
        get_settings.cache_clear()
        with tempfile.TemporaryDirectory() as tmp:
            start = time.perf_counter()
            result = build_many(store, BuildRequest(subset, ("fr", "en", "ar"), ("pdf",),
                                                    Path(tmp)), workers=2)
            seconds = time.perf_counter() - start
        files = len(result.written)
        out[engine] = {"countries": len(subset), "files": files, "seconds": round(seconds, 1),
                       "s_per_file": round(seconds / max(files, 1), 3),
                       "failed": len(result.failed)}
        print(f"PDF {engine}: {files} files in {seconds:.1f} s")
    os.environ.pop("MIGPROFILE_PDF_ENGINE", None)
    per_file = out["weasyprint"]["s_per_file"]
    out["weasyprint_all_estimated_s"] = round(per_file * 3 * len(countries), 1)
    out["ratio_weasyprint_over_typst"] = round(per_file / max(out["typst"]["s_per_file"], 1e-9), 1)
    store.close()
    return out


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
    parser.add_argument("--all-pdf", action="store_true",
                        help="also build every country x 3 languages as PDF (Typst, WeasyPrint)")
    parser.add_argument("--reference-countries", type=int, default=4)
    parser.add_argument("--db", help="an initialised database to use instead of a fresh one")
    args = parser.parse_args()

    from migprofile.core import init_database, resolve_country
    from migprofile.store import Store

    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "bench.db"
        if args.db:
            db = Path(args.db.removeprefix("sqlite:///"))
            store, init_s = Store.open(f"sqlite:///{db}", create=False), float("nan")
        else:
            store = Store.open(f"sqlite:///{db}")
            start = time.perf_counter()
            init_database(store)
            init_s = time.perf_counter() - start
        results: dict[str, Any] = {"python": platform.python_version(),
                                   "machine": platform.machine(),
                                   "init_s": None if args.db else round(init_s, 1),
                                   "builds": []}
        for name in args.countries.split(","):
            country = resolve_country(store, name)
            for lang in ("fr", "en", "ar"):
                for fmt in ("html", "md", "json", "pdf-typst", "pdf-weasyprint"):
                    repeat = max(1, args.repeat // 2) if fmt == "pdf-weasyprint" else args.repeat
                    row = _time_build(store, country, lang, fmt, repeat)
                    results["builds"].append(row)
                    print(f"{country} {lang} {fmt:14} median {row['median_s']:.3f} s "
                          f"(rendering {row['render_median_s']:.3f} s)")
                pair = {r["format"]: r["render_median_s"] for r in results["builds"][-2:]}
                ratio = pair["pdf-weasyprint"] / max(pair["pdf-typst"], 1e-9)
                results.setdefault("pdf_ratios", []).append(
                    {"country": country, "lang": lang, "typst_s": pair["pdf-typst"],
                     "weasyprint_s": pair["pdf-weasyprint"], "ratio": round(ratio, 1)})
                print(f"{country} {lang} PDF rendering: Typst {pair['pdf-typst']:.3f} s, "
                      f"WeasyPrint {pair['pdf-weasyprint']:.3f} s, ratio {ratio:.1f}")
        first = resolve_country(store, args.countries.split(",")[0])
        results["traced_peak_mib"] = {"html": _traced_peak(store, first, "html"),
                                      "pdf": _traced_peak(store, first, "pdf")}
        results["load_average"] = [round(x, 1) for x in os.getloadavg()]
        results["max_rss_mib"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
        if args.all_pdf:
            results["build_all_pdf_3_langs"] = _pdf_all(f"sqlite:///{db}",
                                                        args.reference_countries)
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
