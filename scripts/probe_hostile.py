"""Hostile-input probes of issue 11: each bullet of the issue, tried against a real database.

    .venv/bin/python scripts/probe_hostile.py            # every probe, a table and the counts
    .venv/bin/python scripts/probe_hostile.py -k knomad  # probes whose name contains "knomad"

A baseline database (``init`` with the bundled extracts) is made once under
``$TMPDIR/migprofile-probes/`` and copied for every probe; after each probe the copy's
fingerprint (row counts, value sums, status counts) is compared with the baseline's. A
probe is *refused cleanly* when the command exits 1/2/3 (or the request answers 4xx) without
a traceback; *accepted* when it succeeds; a *traceback* when Python's traceback, a 5xx, an
exit code outside 0–3 or a time-out shows. ``wanted`` says what a correct program does with
that input (``refuse`` or ``ok``); the last column says whether it did.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import textwrap
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = ROOT / ".venv" / "bin" / "migprofile"
PY = ROOT / ".venv" / "bin" / "python"
SHARED = ROOT.parent / "shared" / "data"
WORK = Path(tempfile.gettempdir()) / "migprofile-probes"
BASE = WORK / "base.db"
EXTRACTS = ROOT / "data" / "extracts"
TIMEOUT = 40


@dataclass
class Outcome:
    kind: str  # refused | accepted | traceback
    detail: str
    changed: bool = False


@dataclass
class Probe:
    name: str
    wanted: str  # refuse | ok
    run: Callable[[Path, Path], Outcome]  # (db file, scratch folder) -> outcome
    tracked: bool = True  # False: the probe itself writes to the database


PROBES: list[Probe] = []


def probe(name: str, wanted: str = "refuse", tracked: bool = True
          ) -> Callable[[Callable[[Path, Path], Outcome]], Callable[[Path, Path], Outcome]]:
    def register(fn: Callable[[Path, Path], Outcome]) -> Callable[[Path, Path], Outcome]:
        PROBES.append(Probe(name, wanted, fn, tracked))
        return fn
    return register


# -- running things --------------------------------------------------------------------------


def cli(db: Path | str | None, *args: str, timeout: float = TIMEOUT,
        env: dict[str, str] | None = None) -> Outcome:
    command = [str(BIN), *args]
    if db is not None:
        command += ["--db", str(db) if isinstance(db, str) else f"sqlite:///{db}"]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout,
                              env={**os.environ, "COLUMNS": "200", **(env or {})}, cwd=WORK)
    except subprocess.TimeoutExpired:
        return Outcome("traceback", f"hang: no answer after {timeout:.0f} s")
    text = (done.stderr + done.stdout).strip()
    last = text.splitlines()[-1][:150] if text else ""
    if "Traceback" in text or done.returncode not in (0, 1, 2, 3):
        return Outcome("traceback", f"rc={done.returncode} {last}")
    return Outcome("accepted" if done.returncode == 0 else "refused",
                   f"rc={done.returncode} {last}")


def fingerprint(db: Path) -> str:
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        parts = []
        tables = [r[0] for r in con.execute(
            "select name from sqlite_master where type='table' and name not like 'sqlite_%' "
            "and name not in ('data_version', 'imports', 'alembic_version', 'store_state') "
            "order by name")]
        for table in tables:
            parts.append(f"{table}:{con.execute(f'select count(*) from {table}').fetchone()[0]}")
        parts.append(str(con.execute("select count(*), total(value), group_concat(distinct "
                                     "status) from observations").fetchone()))
        parts.append(str(con.execute("select status, count(*) from legal_instruments group by "
                                     "status order by status").fetchall()))
    finally:
        con.close()
    return hashlib.sha256("|".join(parts).encode()).hexdigest()


def baseline() -> Path:
    WORK.mkdir(parents=True, exist_ok=True)
    if not BASE.exists():
        print("making the baseline database (init with extracts)…", file=sys.stderr)
        out = cli(WORK / "making.db", "init", timeout=600)
        if out.kind != "accepted":
            sys.exit(f"init failed: {out.detail}")
        con = sqlite3.connect(WORK / "making.db")
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        con.execute("PRAGMA journal_mode=DELETE")
        con.close()
        (WORK / "making.db").rename(BASE)
    return BASE


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def head_of(path: Path, lines: int) -> str:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8-sig") as fh:  # type: ignore[operator]
        return "".join(next(fh) for _ in range(lines))


# -- imports ---------------------------------------------------------------------------------


@probe("knomad: header-only CSV")
def _(db: Path, tmp: Path) -> Outcome:
    header = head_of(EXTRACTS / "bilateral_remittance_matrix_2021_long.csv.gz", 1)
    return cli(db, "import", "auto", str(write(tmp, "bilateral_remittance_matrix_2021_long.csv",
                                                header)))


@probe("untc: header-only CSV")
def _(db: Path, tmp: Path) -> Outcome:
    header = head_of(EXTRACTS / "untc_migration_treaties_2015_tidy.csv.gz", 1)
    return cli(db, "import", "treaties", str(write(tmp, "untc_migration_treaties_2015_tidy.csv",
                                               header)))


@probe("wb-wdi: file cut at a line boundary")
def _(db: Path, tmp: Path) -> Outcome:
    text = head_of(EXTRACTS / "API_BX.TRF.PWKR.CD.DT_DS2_en_v2_6000901_Data.csv.gz", 30)
    return cli(db, "import", "auto", str(write(tmp, "API_BX.TRF.PWKR.CD.DT_DS2_en_v2_6000901_"
                                                    "Data.csv", text)))


@probe("unhcr: population cut to 1,000 rows, same edition")
def _(db: Path, tmp: Path) -> Outcome:
    text = head_of(EXTRACTS / "population_unhcr.csv.gz", 1000)
    return cli(db, "import", "unhcr", str(write(tmp, "population_unhcr.csv", text)),
               "--edition", "2025")


@probe("unhcr: population cut to 1,000 rows (a vintage of its own)", "ok")
def _(db: Path, tmp: Path) -> Outcome:
    # the edition is the file's last year (1991): stored beside the 2025 data, nothing lost
    text = head_of(EXTRACTS / "population_unhcr.csv.gz", 1000)
    return cli(db, "import", "unhcr", str(write(tmp, "population_unhcr.csv", text)))


@probe("empty file (0 bytes) to auto")
def _(db: Path, tmp: Path) -> Outcome:
    return cli(db, "import", "auto", str(write(tmp, "population.csv", "")))


def _unhcr_table(name: str) -> Callable[[Path, Path], Outcome]:
    def run(db: Path, tmp: Path) -> Outcome:
        source = SHARED / "unhcr_refugee_statistics" / f"{name}.csv"
        if not source.exists():
            return Outcome("refused", "skipped: ../shared absent")
        with source.open(encoding="utf-8") as fh:
            text = "".join(line for _, line in zip(range(3000), fh, strict=False))
        return cli(db, "import", "auto", str(write(tmp, f"{name}.csv", text)))
    return run


for _table in ("flows", "solutions", "demographics"):
    probe(f"unhcr: import auto {_table}.csv")(_unhcr_table(_table))


@probe("unhcr: import unhcr flows.csv (named reader)")
def _(db: Path, tmp: Path) -> Outcome:
    text = ("year,coo_name,coo,coo_iso,coa_name,coa,coa_iso,refugees,asylum_seekers,"
            "refugee_like,oip\n1962,Algeria,ALG,DZA,Malta,MTA,MLT,5,,,\n")
    return cli(db, "import", "unhcr", str(write(tmp, "flows.csv", text)))


UNHCR_HEAD = "year,coo,coa,refugees,asylum_seekers,idps,stateless,ooc,oip\n"


def _unhcr_cell(cell: str) -> Callable[[Path, Path], Outcome]:
    def run(db: Path, tmp: Path) -> Outcome:
        text = UNHCR_HEAD + f"2030,MOR,FRA,{cell},0,0,0,0,\n"
        return cli(db, "import", "unhcr", str(write(tmp, "unhcr_probe.csv", text)))
    return run


probe("unhcr: 400-digit count")(_unhcr_cell("9" * 400))
probe("unhcr: NaN count")(_unhcr_cell("NaN"))
probe("unhcr: inf count")(_unhcr_cell("inf"))
probe("unhcr: '1,5' count")(_unhcr_cell('"1,5"'))
probe("unhcr: negative count")(_unhcr_cell("-120"))

KNOMAD_HEAD = "sending_country,receiving_country,remittances_musd_2021\n"


def _knomad_cell(cell: str) -> Callable[[Path, Path], Outcome]:
    def run(db: Path, tmp: Path) -> Outcome:
        text = KNOMAD_HEAD + f"France,Morocco,{cell}\n"
        return cli(db, "import", "knomad", str(write(tmp, "knomad_probe.csv", text)))
    return run


probe("knomad: 400-digit value")(_knomad_cell("9" * 400))
probe("knomad: NaN value")(_knomad_cell("NaN"))
probe("knomad: '1,5' value")(_knomad_cell('"1,5"'))
probe("knomad: negative value")(_knomad_cell("-3"))

UNDESA_HEAD = "t,geo,from,sex,n,type_b,type_c,type_r,type_i\n"


def _undesa_cell(cell: str) -> Callable[[Path, Path], Outcome]:
    def run(db: Path, tmp: Path) -> Outcome:
        rows = "".join(f"2030,FRA,MAR,{s},{cell},1,0,0,0\n" for s in ("female", "male"))
        return cli(db, "import", "undesa-bilateral",
                   str(write(tmp, "undesa_ims2030_bilateral_by_sex.csv", UNDESA_HEAD + rows)))
    return run


probe("undesa: 400-digit stock")(_undesa_cell("9" * 400))
probe("undesa: NaN stock")(_undesa_cell("NaN"))
probe("undesa: negative stock")(_undesa_cell("-5"))

WB_HEAD = "Country Name,Country Code,Indicator Name,Indicator Code,2030\n"


def _wb_cell(cell: str) -> Callable[[Path, Path], Outcome]:
    def run(db: Path, tmp: Path) -> Outcome:
        text = WB_HEAD + f'Morocco,MAR,"Personal remittances, received (current US$)",' \
            f"BX.TRF.PWKR.CD.DT,{cell}\n"
        return cli(db, "import", "wb-wdi", str(write(tmp, "wb_probe.csv", text)),
                   "--edition", "2030-01-01")
    return run


probe("wb-wdi: 400-digit value")(_wb_cell("9" * 400))
probe("wb-wdi: NaN value")(_wb_cell("NaN"))
probe("wb-wdi: '1,5' value")(_wb_cell('"1,5"'))

OECD_HEAD = "REF_AREA,CITIZENSHIP,MEASURE,SEX,TIME_PERIOD,OBS_VALUE,OBS_STATUS,UNIT_MULT\n"


@probe("oecd: negative inflow")
def _(db: Path, tmp: Path) -> Outcome:
    text = OECD_HEAD + "FRA,MAR,B11,_T,2030,-50,A,0\n"
    return cli(db, "import", "oecd", str(write(tmp, "oecd_probe.csv", text)))


@probe("oecd: UNIT_MULT 400")
def _(db: Path, tmp: Path) -> Outcome:
    text = OECD_HEAD + "FRA,MAR,B11,_T,2030,50,A,400\n"
    return cli(db, "import", "oecd", str(write(tmp, "oecd_probe.csv", text)))


@probe("template: junk .xlsx")
def _(db: Path, tmp: Path) -> Outcome:
    path = tmp / "junk.xlsx"
    path.write_bytes(b"PK\x03\x04" + os.urandom(2000))
    return cli(db, "import", "template", str(path))


@probe("import of a file that is not there")
def _(db: Path, tmp: Path) -> Outcome:
    return cli(db, "import", "auto", str(tmp / "nothing.csv"))


# -- packages --------------------------------------------------------------------------------


def _package(tmp: Path, edit: Callable[[Path], None]) -> Path:
    folder = tmp / "pkg" / "MA"
    shutil.copytree(ROOT / "data" / "countries" / "MA", folder)
    edit(folder)
    return folder


def _replace(folder: Path, name: str, old: str, new: str) -> None:
    path = folder / name
    text = path.read_text(encoding="utf-8")
    assert old in text, (name, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@probe("package: 20,000-deep YAML list")
def _(db: Path, tmp: Path) -> Outcome:
    folder = _package(tmp, lambda f: (f / "footnotes.yaml").write_text(
        "[" * 20000 + "]" * 20000, encoding="utf-8"))
    return cli(db, "load", str(folder))


@probe("package: 5 MB YAML file")
def _(db: Path, tmp: Path) -> Outcome:
    folder = _package(tmp, lambda f: (f / "footnotes.yaml").write_text(
        "# " + "x" * 5_000_000 + "\n[]\n", encoding="utf-8"))
    return cli(db, "load", str(folder))


@probe("package: edition 2009-13-45")
def _(db: Path, tmp: Path) -> Outcome:
    return cli(db, "load", str(_package(tmp, lambda f: _replace(
        f, "package.yaml", "edition: 2009-11-01", "edition: 2009-13-45"))))


@probe("package: rows: 5 in tables.yaml")
def _(db: Path, tmp: Path) -> Outcome:
    def edit(f: Path) -> None:
        text = (f / "tables.yaml").read_text(encoding="utf-8")
        start = text.index("  rows:\n")
        end = text.index("  row_header:", start)
        (f / "tables.yaml").write_text(text[:start] + "  rows: 5\n" + text[end:],
                                       encoding="utf-8")
    return cli(db, "load", str(_package(tmp, edit)))


@probe("package: duplicate YAML key")
def _(db: Path, tmp: Path) -> Outcome:
    return cli(db, "load", str(_package(tmp, lambda f: _replace(
        f, "package.yaml", "edition: 2009-11-01", "edition: 2009-11-01\nedition: 2010-01-01"))))


@probe("package: accessed date 2020-02-30 in sources.yaml")
def _(db: Path, tmp: Path) -> Outcome:
    return cli(db, "load", str(_package(tmp, lambda f: _replace(
        f, "sources.yaml", "accessed: null", "accessed: 2020-02-30"))))


@probe("package: observation value 1e400")
def _(db: Path, tmp: Path) -> Outcome:
    return cli(db, "load", str(_package(tmp, lambda f: _replace(
        f, "observations.csv", ",1275567,", ",1e400,"))))


@probe("package: observation value NaN")
def _(db: Path, tmp: Path) -> Outcome:
    return cli(db, "load", str(_package(tmp, lambda f: _replace(
        f, "observations.csv", ",1275567,", ",NaN,"))))


@probe("package: narrative with nested loops (load then build)")
def _(db: Path, tmp: Path) -> Outcome:
    loop = ("{% for a in range(100000) %}{% for b in range(100000) %}{% endfor %}"
            "{% endfor %}")
    folder = _package(tmp, lambda f: _replace(
        f, "narratives.yaml", "      Le Maroc reste", f"      {loop}Le Maroc reste"))
    loaded = cli(db, "load", str(folder))
    if loaded.kind != "accepted":
        return loaded
    built = cli(db, "build", "MA", "--lang", "fr", "--out", str(tmp / "out"), timeout=30)
    return Outcome(built.kind if built.kind == "traceback" else "accepted",
                   "loaded; build: " + built.detail)


# -- database set-up and concurrency ---------------------------------------------------------


@probe("two imports at once on SQLite", "ok")
def _(db: Path, tmp: Path) -> Outcome:
    files = [EXTRACTS / "population_unhcr.csv.gz",
             EXTRACTS / "undesa_ims2024_bilateral_by_sex.csv.gz"]
    procs = []
    for i, f in enumerate(files):
        copy = tmp / f"{i}-{f.name}"
        shutil.copy(f, copy)
        copy.write_bytes(copy.read_bytes())  # a copy: a new sha256 is not needed, same content
        procs.append(subprocess.Popen(
            [str(BIN), "import", "auto", str(copy), "--edition", f"probe-{i}",
             "--db", f"sqlite:///{db}"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            text=True))
    outs = [p.communicate(timeout=300) for p in procs]
    codes = [p.returncode for p in procs]
    text = " / ".join(_last_error(o[1] or o[0]) for o in outs)
    if any("Traceback" in o[1] for o in outs):
        return Outcome("traceback", f"rc={codes} {text}")
    if any("locked" in o[1] for o in outs):
        return Outcome("refused", f"rc={codes} database is locked")
    return Outcome("accepted" if codes == [0, 0] else "refused", f"rc={codes} {text}")


def _last_error(text: str) -> str:
    lines = [line for line in text.strip().splitlines() if line.strip()]
    errors = [line for line in lines if "error" in line.lower()]
    return (errors[0] if errors else lines[-1] if lines else "")[:160]


@probe("kill -9 during init, then a read command")
def _(db: Path, tmp: Path) -> Outcome:
    fresh = tmp / "half.db"
    proc = subprocess.Popen([str(BIN), "init", "--db", f"sqlite:///{fresh}"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120  # until init has written for a while (machine load)
    while time.monotonic() < deadline and proc.poll() is None and not (
            fresh.exists() and fresh.stat().st_size > 2_000_000):
        time.sleep(0.2)
    time.sleep(1)
    proc.kill()
    proc.wait()
    return cli(fresh, "countries")


@probe("countries --db on a mistyped folder")
def _(db: Path, tmp: Path) -> Outcome:
    out = cli(f"sqlite:///{tmp}/mistyped/x.db", "countries")
    if (tmp / "mistyped").exists():
        out.detail += " (created the folder)"
        out.kind = "accepted" if out.kind == "refused" else out.kind
    return out


@probe("countries --db with a plain path", "ok")
def _(db: Path, tmp: Path) -> Outcome:
    return cli(str(db), "countries")


# -- CLI usage -------------------------------------------------------------------------------


@probe("show MA --growth foo")
def _(db: Path, tmp: Path) -> Outcome:
    out = cli(db, "show", "MA", "--growth", "foo")
    return _want_rc(out, 2)


@probe("show MA --lang xx")
def _(db: Path, tmp: Path) -> Outcome:
    return _want_rc(cli(db, "show", "MA", "--lang", "xx"), 2)


@probe("show of an unknown country exits 2")
def _(db: Path, tmp: Path) -> Outcome:
    return _want_rc(cli(db, "show", "Atlantis"), 2)


@probe("build --format docx exits 2")
def _(db: Path, tmp: Path) -> Outcome:
    return _want_rc(cli(db, "build", "MA", "--format", "docx"), 2)


def _want_rc(out: Outcome, rc: int) -> Outcome:
    if out.kind == "refused" and not out.detail.startswith(f"rc={rc}"):
        out.kind = "accepted"  # the wrong exit code: the refusal is not the documented one
        out.detail = f"wrong exit code, want {rc}: " + out.detail
    return out


# -- outputs ---------------------------------------------------------------------------------


def _python(code: str, db: Path) -> Outcome:
    try:
        done = subprocess.run([str(PY), "-c", textwrap.dedent(code), str(db)], capture_output=True,
                              text=True, timeout=TIMEOUT, cwd=WORK)
    except subprocess.TimeoutExpired:
        return Outcome("traceback", "hang")
    text = "\n".join(line for line in (done.stdout + done.stderr).strip().splitlines()
                     if "httpx" not in line and "TestClient as TestClient" not in line)
    if done.returncode not in (0, 1):
        return Outcome("traceback", text.splitlines()[-1][:150] if text else "")
    return Outcome("accepted" if done.returncode == 0 else "refused", text[-150:])


WEB = """
import sys, json
from fastapi.testclient import TestClient
from migprofile.store import Store
from migprofile.web.app import create_app
client = TestClient(create_app(Store.open("sqlite:///" + sys.argv[1])),
                    raise_server_exceptions=False)
"""


@probe("table download CSV: formula cell neutralized")
def _(db: Path, tmp: Path) -> Outcome:
    return _python("""
        from migprofile.web.serialize import csv_bytes
        out = csv_bytes([["name", "v"], ["=HYPERLINK(\\"http://x\\")", 1.5], ["@SUM(A1)", "-2+3"]])
        text = out.decode("utf-8-sig")
        bad = any(line.startswith(("=", "@", '"=', '"@', "-2")) for line in text.splitlines()[1:])
        print(text.replace("\\r\\n", " | ")); raise SystemExit(1 if not bad else 0)
    """, Path("-"))


@probe("table download XLSX: no live formula, numbers numeric")
def _(db: Path, tmp: Path) -> Outcome:
    return _python("""
        import io
        from openpyxl import load_workbook
        from migprofile.web.serialize import xlsx_bytes
        data = xlsx_bytes([["name", "v"], ["=HYPERLINK(\\"http://x\\")", 1.5]], "t")
        cell = load_workbook(io.BytesIO(data)).active["A2"]
        print(cell.data_type, cell.value)
        raise SystemExit(0 if cell.data_type == "f" else 1)
    """, Path("-"))


@probe("markdown output: <script> and javascript: links")
def _(db: Path, tmp: Path) -> Outcome:
    return _python("""
        from migprofile.render.markdown import _Writer
        from migprofile.profiles.tree import RichText
        w = _Writer.__new__(_Writer)
        w._ = lambda s: s
        w.out = []
        w.add(w.rich(RichText(markdown="<script>alert(1)</script> [x](javascript:alert(1))",
                              lang="fr")))
        text = "\n".join(w.out)
        print(text)
        raise SystemExit(0 if "<script" in text or "javascript:" in text else 1)
    """, Path("-"))


@probe("JSON API after a 1e308*10 value: no Infinity", tracked=False)
def _(db: Path, tmp: Path) -> Outcome:
    return _python(WEB + """
import sqlite3
con = sqlite3.connect(sys.argv[1])
con.execute("update observations set value = 9e999 "
            "where rowid = (select min(rowid) from observations)")
con.commit()
con.close()
r = client.get("/api/v1/observations?limit=5")
print(r.status_code, "Infinity" in r.text)
raise SystemExit(2 if r.status_code >= 500 else (0 if "Infinity" in r.text else 1))
""", db)


# -- portal ----------------------------------------------------------------------------------


def _web_probe(name: str, url: str, check: str = "r.status_code == 422", method: str = "GET",
               wanted: str = "refuse") -> None:
    """``check`` holds when the portal did the right thing (refused, or answered well)."""
    def run(db: Path, tmp: Path) -> Outcome:
        out = _python(WEB + f"""
r = client.request({method!r}, {url!r})
ok = {check}
print(r.status_code, len(r.content), "bytes")
raise SystemExit(2 if r.status_code >= 500 else (0 if ok else 1))
""", db)
        if out.kind == "traceback" or out.detail.startswith("5"):
            return Outcome("traceback", out.detail)
        passed = out.kind == "accepted"
        if wanted == "refuse":
            return Outcome("refused" if passed else "accepted", out.detail)
        return Outcome("accepted" if passed else "refused", out.detail)
    probe(name, wanted)(run)


_web_probe("api offset=2**63", "/api/v1/observations?offset=9223372036854775808")
_web_probe("compare from=-10**20", "/fr/compare?from=-99999999999999999999")
_web_probe("legal q=%00", "/fr/legal?q=%00")
_web_probe("download with CR/LF in the country", "/fr/countries/MA%0d%0aX:%20y.pdf",
           "r.status_code in (404, 422) and '\\r' not in r.headers.get('content-disposition', '')")
_web_probe("compare with 60 KB of countries", "/fr/compare?countries=" + ",".join(["MA"] * 20000),
           "r.status_code == 422 or len(r.content) < 2_000_000")
_web_probe("compare to=99999", "/fr/compare?to=99999")
_web_probe("api limit=-1", "/api/v1/observations?limit=-1")
_web_probe("security headers on a page", "/fr/", "'content-security-policy' in r.headers and "
           "r.headers.get('x-content-type-options') == 'nosniff' and 'referrer-policy' in "
           "r.headers", wanted="ok")
_web_probe("HEAD on a page", "/fr/sources", "r.status_code == 200", method="HEAD", wanted="ok")
_web_probe("405 carries Allow", "/api/v1/sources", "r.status_code == 405 and 'allow' in r.headers",
           method="DELETE")
_web_probe("OpenAPI response schemas are not empty", "/api/v1/openapi.json",
           "all(c.get('content', {}).get('application/json', {}).get('schema') not in ({}, None) "
           "for p in r.json()['paths'].values() for o in p.values() "
           "for s, c in o['responses'].items() if s == '200')", wanted="ok")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-k", default="", help="only probes whose name contains this")
    args = parser.parse_args()
    base = baseline()
    reference = fingerprint(base)
    counts = {"tried": 0, "refused": 0, "accepted": 0, "traceback": 0, "changed": 0, "as wanted": 0}
    rows = []
    for item in PROBES:
        if args.k.lower() not in item.name.lower():
            continue
        scratch = Path(tempfile.mkdtemp(prefix="probe-", dir=WORK))
        db = scratch / "probe.db"
        shutil.copy(base, db)
        started = time.monotonic()
        try:
            out = item.run(db, scratch)
        except Exception as exc:  # the probe itself failed: counts as a traceback
            out = Outcome("traceback", f"probe error {type(exc).__name__}: {exc}")
        out.changed = item.tracked and fingerprint(db) != reference
        good = (out.kind == "refused" and not out.changed) if item.wanted == "refuse" \
            else out.kind == "accepted"
        counts["tried"] += 1
        counts[out.kind] += 1
        counts["changed"] += out.changed
        counts["as wanted"] += good
        rows.append((item.name, item.wanted, out.kind, "yes" if out.changed else "",
                     "ok" if good else "FAIL", f"{time.monotonic() - started:.1f}s", out.detail))
        print(" | ".join(rows[-1]), flush=True)
        shutil.rmtree(scratch, ignore_errors=True)
    print()
    print(", ".join(f"{k}: {v}" for k, v in counts.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
