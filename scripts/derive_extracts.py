"""Derive the compact extracts bundled in ``data/extracts/`` from the real data sets.

Usage::

    python scripts/derive_extracts.py [--shared DIR] [--out DIR] [--only NAME ...]

``--shared`` defaults to ``../shared/data`` (beside the repository), ``--out`` to
``data/extracts``. Each extract keeps the format of its original file (same columns, same cell
text; rows and columns filtered) so that the same reader imports it; it is written gzip-
compressed and deterministic (sorted as the original, ``\\n`` line ends, gzip mtime 0), so the
same input always gives the same bytes. ``manifest.yaml`` (read by
``migprofile.importers.extracts``) and ``SOURCE.md`` are written from the list of extracts.

To add an extract: write a function ``(shared: Path, out: Path) -> Extract`` below and add it
to ``EXTRACTS`` (one entry per dataset, grouped by who maintains it).
"""

from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import io
import sys
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_SHARED = REPO.parent / "shared" / "data"
DEFAULT_OUT = REPO / "data" / "extracts"


@dataclass(frozen=True)
class Extract:
    file: str  # name in data/extracts
    format: str  # reader (migprofile import FORMAT)
    source_id: str  # the source the import writes
    edition: str
    original: str  # path under shared/data
    original_sha256: str
    rows: int  # data rows kept
    original_rows: int
    filter: str  # what was kept, in words


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def read_csv(path: Path) -> tuple[list[str], list[list[str]]]:
    with path.open(encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    return rows[0], rows[1:]


def write_csv_gz(path: Path, header: Sequence[str], rows: Iterable[Sequence[str]]) -> None:
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    with path.open("wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0,
                                               compresslevel=9) as fh:
        fh.write(text.getvalue().encode("utf-8"))


# -- UN DESA and World Bank ----------------------------------------------------------------

UNDESA_BILATERAL = "undesa_migrant_stock/undesa_ims2024_bilateral_by_sex.csv"
UNDESA_DESTINATION = ("undesa_migrant_stock/"
                      "undesa_pd_2020_ims_stock_by_sex_and_destination_tables_long.csv")
WB_WDI = "wb_remittances/API_BX.TRF.PWKR.CD.DT_DS2_en_v2_6000901_Data.csv"
WB_GDIDATA = "wb_remittances/iom_gdidata_wdi_indicators_1950_2023.csv"
BILATERAL_YEARS = ("1990", "2024")
FIRST_YEAR = 1990
GDIDATA_VARS = ("remin", "remout", "gdp", "pop", "nmig")


def _bilateral_totals(header: list[str], rows: list[list[str]]) -> list[list[str]]:
    """Rows ``from = WLD`` (per destination), ``geo = WLD`` (per origin, not OOO) and WLD × WLD
    for every year and sex: sums of ``n``; the type flags of a destination are kept."""
    t, geo, origin, sex, n = (header.index(c) for c in ("t", "geo", "from", "sex", "n"))
    flags = [i for i, c in enumerate(header) if c.startswith("type_")]
    sums: dict[tuple[str, str, str, str], int] = defaultdict(int)
    dest_flags: dict[str, list[str]] = {}
    for r in rows:
        value = int(r[n])
        sums[(r[t], r[geo], "WLD", r[sex])] += value
        sums[(r[t], "WLD", "WLD", r[sex])] += value
        if r[origin] != "OOO":
            sums[(r[t], "WLD", r[origin], r[sex])] += value
        dest_flags.setdefault(r[geo], [r[i] for i in flags])
    out = []
    for (year, dest, orig, s), value in sums.items():
        row = [""] * len(header)
        row[t], row[geo], row[origin], row[sex], row[n] = year, dest, orig, s, str(value)
        for i, flag in zip(flags, dest_flags.get(dest, [""] * len(flags)), strict=True):
            row[i] = flag
        out.append(row)
    return out


def undesa_bilateral_2024(shared: Path, out: Path) -> Extract:
    header, rows = read_csv(shared / UNDESA_BILATERAL)
    t = header.index("t")
    kept = [r for r in rows if r[t] in BILATERAL_YEARS] + _bilateral_totals(header, rows)
    order = [header.index(c) for c in ("t", "geo", "from", "sex")]
    kept.sort(key=lambda r: [r[i] for i in order])
    name = Path(UNDESA_BILATERAL).name + ".gz"
    write_csv_gz(out / name, header, kept)
    return Extract(name, "undesa-bilateral", "undesa-ims-2024", "2024", UNDESA_BILATERAL,
                   sha256(shared / UNDESA_BILATERAL), len(kept), len(rows),
                   "every origin × destination row of 1990 and 2024; for every year 1990-2024, "
                   "total rows computed by this script: from = WLD (sum over origins, per "
                   "destination and sex), geo = WLD (sum over destinations, per origin except "
                   "OOO) and WLD × WLD")


def undesa_destination_2020(shared: Path, out: Path) -> Extract:
    header, rows = read_csv(shared / UNDESA_DESTINATION)
    table = header.index("table")
    kept = [r for r in rows if r[table] == "Table 3"]
    name = Path(UNDESA_DESTINATION).name + ".gz"
    write_csv_gz(out / name, header, kept)
    return Extract(name, "undesa-destination", "undesa-ims-2020-destination", "2020",
                   UNDESA_DESTINATION, sha256(shared / UNDESA_DESTINATION), len(kept),
                   len(rows), "Table 3 only (international migrant stock as a percentage of "
                   "the total population, by sex), every location and year")


def wb_wdi_remittances(shared: Path, out: Path) -> Extract:
    header, rows = read_csv(shared / WB_WDI)
    keep = [i for i, c in enumerate(header) if not c.isdigit() or int(c) >= FIRST_YEAR]
    kept = [[r[i] for i in keep] for r in rows]
    name = Path(WB_WDI).name + ".gz"
    write_csv_gz(out / name, [header[i] for i in keep], kept)
    return Extract(name, "wb-wdi", "wb-wdi-2023-10-26-bx-trf-pwkr-cd-dt", "2023-10-26", WB_WDI,
                   sha256(shared / WB_WDI), len(kept), len(rows),
                   f"every economy and aggregate; year columns {FIRST_YEAR}-2022 only")


def wb_gdidata(shared: Path, out: Path) -> Extract:
    header, rows = read_csv(shared / WB_GDIDATA)
    var, t = header.index("var"), header.index("t")
    kept = [r for r in rows if r[var] in GDIDATA_VARS and int(r[t]) >= FIRST_YEAR]
    name = Path(WB_GDIDATA).name + ".gz"
    write_csv_gz(out / name, header, kept)
    return Extract(name, "wb-gdidata", "wb-wdi-gdidata-2025-02-07", "2025-02-07", WB_GDIDATA,
                   sha256(shared / WB_GDIDATA), len(kept), len(rows),
                   f"variables {', '.join(GDIDATA_VARS)} (remittances received and paid, GDP, "
                   f"population, net migration), years {FIRST_YEAR}-2023")


# -- UNHCR, KNOMAD, treaties, OECD -----------------------------------------------------------

UNHCR_POPULATION = "unhcr_refugee_statistics/population.csv"
KNOMAD_REMITTANCES = "knomad_bilateral/bilateral_remittance_matrix_2021_long.csv"
UNTC_TIDY = "treaty_ratifications/untc_migration_treaties_2015_tidy.csv"
WPDL_ICMW = "treaty_ratifications/un_hr_treaties_wpdl_2022/hr_status_icmw.csv"
OECD_B11 = "oecd_imd_partial/oecd_imd_B11_inflows_total_by_destination.csv"
UNHCR_POPULATION_COLUMNS = ("year", "coo", "coa", "refugees", "asylum_seekers", "idps",
                            "stateless", "ooc", "oip")


def _columns(header: list[str], rows: list[list[str]], keep: Sequence[str]
             ) -> list[list[str]]:
    index = [header.index(c) for c in keep]
    return [[r[i] for i in index] for r in rows]


def _copy(shared: Path, out: Path, original: str) -> tuple[str, int]:
    """The whole file, gzip-compressed: (extract name, rows)."""
    header, rows = read_csv(shared / original)
    name = Path(original).name + ".gz"
    write_csv_gz(out / name, header, rows)
    return name, len(rows)


def unhcr_population(shared: Path, out: Path) -> Extract:
    header, rows = read_csv(shared / UNHCR_POPULATION)
    year = header.index("year")
    kept = _columns(header, [r for r in rows if int(r[year]) >= FIRST_YEAR],
                    UNHCR_POPULATION_COLUMNS)
    name = Path(UNHCR_POPULATION).name.replace(".csv", "_unhcr.csv.gz")
    write_csv_gz(out / name, UNHCR_POPULATION_COLUMNS, kept)
    return Extract(name, "unhcr", "unhcr-population-2025", "2025", UNHCR_POPULATION,
                   sha256(shared / UNHCR_POPULATION), len(kept), len(rows),
                   f"years {FIRST_YEAR}-2025, every country of asylum and origin; columns "
                   f"{', '.join(UNHCR_POPULATION_COLUMNS)} (names, ISO codes, returnees and "
                   "host communities dropped)")


def knomad_remittances(shared: Path, out: Path) -> Extract:
    name, count = _copy(shared, out, KNOMAD_REMITTANCES)
    return Extract(name, "knomad", "knomad-remittances-2021", "December 2022",
                   KNOMAD_REMITTANCES, sha256(shared / KNOMAD_REMITTANCES), count, count,
                   "every cell of the Bilateral Remittance Matrix 2021 (long form)")


def untc_treaties_2015(shared: Path, out: Path) -> Extract:
    name, count = _copy(shared, out, UNTC_TIDY)
    return Extract(name, "treaties", "untc-status-2015-03-14", "2015-03-14", UNTC_TIDY,
                   sha256(shared / UNTC_TIDY), count, count,
                   "every row: the nine migration-related treaties, UNTC status of March 2015")


def wpdl_icmw_2022(shared: Path, out: Path) -> Extract:
    name, count = _copy(shared, out, WPDL_ICMW)
    return Extract(name, "treaties", "untc-status-2022-05-29-migrant-workers-1990",
                   "2022-05-29", WPDL_ICMW, sha256(shared / WPDL_ICMW), count, count,
                   "every row: ICMW status of the 193 UN member states (May-June 2022)")


def oecd_inflows(shared: Path, out: Path) -> Extract:
    name, count = _copy(shared, out, OECD_B11)
    return Extract(name, "oecd", "oecd-imd-2022", "2022", OECD_B11, sha256(shared / OECD_B11),
                   count, count, "every row: B11 inflows of foreign population, 37 OECD "
                   "countries, 2012-2022")


# -- the list of extracts ------------------------------------------------------------------

EXTRACTS: list[Callable[[Path, Path], Extract]] = [
    # UN DESA and World Bank
    undesa_bilateral_2024,
    undesa_destination_2020,
    wb_wdi_remittances,
    wb_gdidata,
    # UNHCR, KNOMAD, treaties, OECD
    unhcr_population,
    knomad_remittances,
    untc_treaties_2015,
    wpdl_icmw_2022,
    oecd_inflows,
]


def _legal_extracts() -> list[Callable[[Path, Path], Extract]]:
    """The legal-framework extracts (``legal_extracts.py`` beside this script)."""
    import importlib.util
    spec = importlib.util.spec_from_file_location("legal_extracts",
                                                  Path(__file__).with_name("legal_extracts.py"))
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    found: list[Callable[[Path, Path], Extract]] = module.extracts(sys.modules[__name__])
    return found


EXTRACTS += _legal_extracts()


def write_manifest(out: Path, extracts: Sequence[Extract]) -> None:
    lines = ["# The bundled extracts, imported by `migprofile init` in this order.",
             "# Written by scripts/derive_extracts.py: do not edit by hand.", "extracts:"]
    for e in extracts:
        lines += [f"  - file: {e.file}", f"    format: {e.format}",
                  f"    source_id: {e.source_id}", f'    edition: "{e.edition}"',
                  f"    original: {e.original}", f"    original_sha256: {e.original_sha256}",
                  f"    rows: {e.rows}"]
    (out / "manifest.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def write_source_md(out: Path, extracts: Sequence[Extract]) -> None:
    lines = ["# Bundled extracts (`data/extracts/`)", "",
             "Compact extracts of the real data sets of `../shared/data` (see the `SOURCE.md` "
             "of each folder there for publisher, licence and provenance), in the format of "
             "their original file so that the same reader imports them. Written by "
             "`python scripts/derive_extracts.py` (deterministic: the same input gives the "
             "same bytes); `migprofile init` imports every file of `manifest.yaml`, recording "
             "the original's sha256 in the source and the extract's in the import log.", "",
             "| extract | bytes | format | source id | original (under shared/data) | "
             "original sha256 | rows kept / original | filter |",
             "|---|---|---|---|---|---|---|---|"]
    for e in extracts:
        size = (out / e.file).stat().st_size
        lines.append(f"| `{e.file}` | {size:,} | `{e.format}` | `{e.source_id}` | "
                     f"`{e.original}` | `{e.original_sha256}` | {e.rows:,} / "
                     f"{e.original_rows:,} | {e.filter} |")
    total = sum((out / e.file).stat().st_size for e in extracts)
    lines += ["", f"Total: {total:,} bytes."]
    (out / "SOURCE.md").write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    if not args.shared.is_dir():
        print(f"{args.shared}: no such folder (it holds the real data sets)", file=sys.stderr)
        return 3
    args.out.mkdir(parents=True, exist_ok=True)
    extracts = [derive(args.shared, args.out) for derive in EXTRACTS]
    write_manifest(args.out, extracts)
    write_source_md(args.out, extracts)
    for e in extracts:
        print(f"{e.file}: {e.rows:,} rows, {(args.out / e.file).stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
