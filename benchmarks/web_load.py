"""Load test of the web portal, with Datasette on the same SQLite file for reference.

    python benchmarks/web_load.py [--db sqlite:///path.db] [--clients 20] [--seconds 10]

Starts ``uvicorn migprofile.web.app:create_app_from_env`` and ``datasette serve`` on
loopback, warms them, drives each URL with N concurrent httpx clients for a bounded time
and writes requests/s and p50/p95/p99 latencies to ``benchmarks/results/web_load.json``.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results" / "web_load.json"
PAGE = "/fr/countries/MA"
API = "/api/v1/observations?country=MAR&indicator=emigrant_stock"
DATASETTE = "/{db}/observations.json?country=MAR&indicator=emigrant_stock&_shape=array"
#: Query shapes of the observations API (the portal runs with its response cache off,
#: MIGPROFILE_CACHE_SIZE=0) and the same question asked of Datasette on the same file.
#: Datasette pages by rowid keyset (``_next``): its far page is its own cheapest form.
SHAPES = {
    "one_country": ("/api/v1/observations?country=MAR&limit=100",
                    "/{db}/observations.json?country=MAR&_size=100&_shape=objects"),
    "one_partner": ("/api/v1/observations?partner=FRA&limit=100",
                    "/{db}/observations.json?partner=FRA&_size=100&_shape=objects"),
    "year_range": ("/api/v1/observations?indicator=emigrant_stock_birth&from=2000&to=2010"
                   "&limit=100",
                   "/{db}/observations.json?indicator=emigrant_stock_birth&year__gte=2000"
                   "&year__lte=2010&_size=100&_shape=objects"),
    "far_page": ("/api/v1/observations?indicator=emigrant_stock_birth&offset=20000&limit=100",
                 "/{db}/observations.json?indicator=emigrant_stock_birth&_next=20000"
                 "&_size=100&_shape=objects"),
}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_up(url: str, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if httpx.get(url, timeout=2).status_code < 500:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer within {timeout} s")


async def drive(url: str, clients: int, seconds: float) -> dict[str, Any]:
    latencies: list[float] = []
    errors = 0
    stop = time.perf_counter() + seconds
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(limits=limits, timeout=30) as client:
        async def worker() -> None:
            nonlocal errors
            while time.perf_counter() < stop:
                start = time.perf_counter()
                response = await client.get(url)
                latencies.append(time.perf_counter() - start)
                errors += response.status_code != 200

        began = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(clients)))
        elapsed = time.perf_counter() - began
    latencies.sort()

    def pct(p: float) -> float:
        return round(latencies[min(len(latencies) - 1, int(p * len(latencies)))] * 1000, 2)

    return {"url": url, "clients": clients, "seconds": round(elapsed, 2),
            "requests": len(latencies), "errors": errors,
            "rps": round(len(latencies) / elapsed, 1),
            "p50_ms": pct(0.50), "p95_ms": pct(0.95), "p99_ms": pct(0.99)}


WRK_SCRIPT = """
done = function(summary, latency, requests)
  io.write(string.format("MIGPROFILE %d %d %d %.3f %.3f %.3f\\n",
    summary.requests, summary.errors.status + summary.errors.connect + summary.errors.read,
    summary.duration, latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000))
end
"""


def drive_wrk(url: str, clients: int, seconds: float) -> dict[str, Any]:
    """The same measure with wrk (a C load generator: it leaves the server more of the CPU)."""
    with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as fh:
        fh.write(WRK_SCRIPT)
    done = subprocess.run(["wrk", "-t2", f"-c{clients}", f"-d{int(seconds)}s", "--timeout", "10s",
                           "-s", fh.name,
                           url], capture_output=True, text=True, check=True)
    line = next(x for x in done.stdout.splitlines() if x.startswith("MIGPROFILE "))
    requests, errors, micros, p50, p95, p99 = line.split()[1:]
    elapsed = int(micros) / 1e6
    return {"url": url, "driver": "wrk", "clients": clients, "seconds": round(elapsed, 2),
            "requests": int(requests), "errors": int(errors),
            "rps": round(int(requests) / elapsed, 1), "p50_ms": float(p50),
            "p95_ms": float(p95), "p99_ms": float(p99)}


def start(cmd: list[str], env: dict[str, str]) -> subprocess.Popen[bytes]:
    return subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def prepare_db(db_url: str | None, workdir: Path) -> Path:
    if db_url:
        return Path(db_url.removeprefix("sqlite:///"))
    from migprofile.core import init_database
    from migprofile.store import Store

    path = workdir / "bench.db"
    store = Store.open(f"sqlite:///{path}")
    init_database(store)
    store.close()
    return path


def run(args: argparse.Namespace) -> dict[str, Any]:
    workdir = Path(tempfile.mkdtemp(prefix="migprofile-bench-"))
    db = prepare_db(args.db, workdir)
    port, ds_port = free_port(), free_port()
    env = os.environ | {"MIGPROFILE_DATABASE_URL": f"sqlite:///{db}",
                        "MIGPROFILE_CACHE_SIZE": "0"}
    portal = start([sys.executable, "-m", "uvicorn", "--factory",
                    "migprofile.web.app:create_app_from_env", "--host", "127.0.0.1",
                    "--port", str(port), "--no-access-log", "--log-level", "warning"], env)
    ds_bin = shutil.which("datasette") or str(Path(sys.executable).with_name("datasette"))
    datasette = start([ds_bin, "serve", str(db), "--host", "127.0.0.1", "--port", str(ds_port),
                       "--setting", "num_sql_threads", "3"], env)
    try:
        base, ds_base = f"http://127.0.0.1:{port}", f"http://127.0.0.1:{ds_port}"
        ds_url = ds_base + DATASETTE.format(db=db.stem)
        for url in (base + PAGE, base + API, ds_url,
                    *(u for a, d in SHAPES.values() for u in (base + a,
                                                                ds_base + d.format(db=db.stem)))):
            wait_up(url)
            httpx.get(url, timeout=30)  # warm the caches
        use_wrk = args.driver == "wrk" or (args.driver == "auto" and shutil.which("wrk"))

        def measure(url: str) -> dict[str, Any]:
            if use_wrk:
                return drive_wrk(url, args.clients, args.seconds)
            return asyncio.run(drive(url, args.clients, args.seconds))

        results = {"country_page": measure(base + PAGE)}
        if args.cached:
            results["observations_api"] = measure(base + API)
            results["datasette_observations"] = measure(ds_url)
        for name, (api, ds) in SHAPES.items():
            results[f"api_{name}"] = measure(base + api)
            results[f"datasette_{name}"] = measure(ds_base + ds.format(db=db.stem))
    finally:
        for proc in (portal, datasette):
            proc.terminate()
            try:
                proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
    ratios = {}
    for name in SHAPES:
        api, ds = results[f"api_{name}"], results[f"datasette_{name}"]
        ratios[name] = {"api_rps": api["rps"], "datasette_rps": ds["rps"],
                        "rps_ratio": round(api["rps"] / max(ds["rps"], 0.1), 2),
                        "api_p99_ms": api["p99_ms"], "datasette_p99_ms": ds["p99_ms"],
                        "met": api["rps"] >= 1.5 * ds["rps"] and api["p99_ms"] <= ds["p99_ms"]}
        print(f"{name:12} API {api['rps']:8.1f} req/s p99 {api['p99_ms']:7.1f} ms | Datasette "
              f"{ds['rps']:8.1f} req/s p99 {ds['p99_ms']:7.1f} ms | ratio "
              f"{ratios[name]['rps_ratio']:.2f}")
    return {"machine_cpus": os.cpu_count(), "load_average": [round(x, 1) for x in
                                                             os.getloadavg()],
            "portal_cache": "off (MIGPROFILE_CACHE_SIZE=0)", "results": results,
            "uncached_api_vs_datasette": ratios,
            "targets": {"country_page_p99_ms_below": 50, "api_vs_datasette_at_least": 1.5,
                        "api_p99_at_most_datasette": True}}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="sqlite:///file (default: a fresh initialised database)")
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--cached", action="store_true",
                        help="also the cached-shape pair of earlier runs (same URL repeated)")
    parser.add_argument("--driver", choices=("auto", "wrk", "httpx"), default="auto",
                        help="load generator: wrk when installed (apt-get install wrk), else "
                        "Python httpx clients, which share the 2 cores with the server")
    report = run(parser.parse_args())
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    print(f"written {RESULTS}")


if __name__ == "__main__":
    main()
