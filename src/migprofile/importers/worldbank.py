"""World Bank World Development Indicators: the bulk download of an indicator, and a long pull.

Format ``wb-wdi``: ``API_<indicator>_DS2_en_v2_<id>_Data.csv`` (four preamble lines —
"Data Source", "Last Updated Date" — then the header ``Country Name, Country Code, Indicator
Name, Indicator Code, 1960 …``; a copy without the preamble is read too) or the ``.xls`` of the
same download (sheet "Data"). Wide years become observations with partner ``WLD``; empty
cells between the first and last year with data become ``missing`` observations.

Format ``wb-gdidata``: IOM gdidata's WDI pull ``iom_gdidata_wdi_indicators_1950_2023.csv``
(long: ``geo, var, t, v``); variables ``remin, remout, gdp, pop, nmig`` are imported, the
others counted in the report.

Economies resolve by their ISO3 code with ``scheme="wb"``; World Bank aggregates keep their
``WB:`` codes as the observation's country (``WLD`` stays ``WLD``). US dollars are converted
to millions of US dollars (``usd_million``); the source's note says so.
"""

from __future__ import annotations

import csv
import re
from collections import Counter, defaultdict
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

from migprofile.importers.areamap import AreaMap
from migprofile.importers.base import ImportBatch, ReadOptions, register, sha256_of
from migprofile.importers.csvrows import Row, base_name, head_lines, iter_rows, parse_value
from migprofile.importers.numbers import COUNT, PLAIN
from migprofile.importers.provenance import indicators, known_value, source_record
from migprofile.importers.wdi_placeholders import read_cell
from migprofile.model import Observation, Source, Status
from migprofile.validate import Report

# WDI code -> (indicator, divisor to its unit)
WDI: dict[str, tuple[str, float]] = {
    "BX.TRF.PWKR.CD.DT": ("remittance_inflow", 1_000_000.0),
    "BM.TRF.PWKR.CD.DT": ("remittance_outflow", 1_000_000.0),
    "NY.GDP.MKTP.CD": ("gdp", 1_000_000.0),
    "SP.POP.TOTL": ("population", 1.0),
    "SM.POP.NETM": ("net_migration", 1.0),
}
GDIDATA = {"remin": "BX.TRF.PWKR.CD.DT", "remout": "BM.TRF.PWKR.CD.DT",
           "gdp": "NY.GDP.MKTP.CD", "pop": "SP.POP.TOTL", "nmig": "SM.POP.NETM"}
SIGNED = frozenset({"SM.POP.NETM"})  # WDI codes whose values may be negative
WIDE_COLUMNS = ("Country Name", "Country Code", "Indicator Name", "Indicator Code")
LONG_COLUMNS = ("geo", "var", "t", "v")
_DOWNLOAD_ID = re.compile(r"_v2_(\d+)")
_YEAR = re.compile(r"^\d{4}$")

Cell = tuple[float | None, Status]


class WdiReader:
    name = "wb-wdi"
    description = ("World Bank WDI bulk download of an indicator: API_…_Data.csv (with or "
                   "without its 4 preamble lines) or the .xls of the same download")

    def claims(self, path: Path) -> bool:
        name = base_name(path).lower()
        if name.endswith((".xls", ".xlsx")):
            return name.startswith("api_")
        return any(_is_wide_header(line) for line in head_lines(path, 6))

    def read(self, path: Path, options: ReadOptions) -> ImportBatch:
        report = Report(subject=f"{self.name} {path.name}")
        areas = AreaMap(file=path.name, scheme="wb", allow_unmapped=options.allow_unmapped)
        preamble_edition, rows = _wide_rows(path, report)
        cells, names = _wide_cells(rows, path.name, areas, report)
        edition = options.edition or preamble_edition or (
            _known_edition(path, report) if report.ok else "undated")
        codes = sorted(names) or ["unknown"]
        source = source_record(
            "worldbank", "wdi", edition=edition, sha256=sha256_of(path),
            indicator_code="+".join(codes), indicator_name="; ".join(names.values()),
            indicator_slug="-".join(c.lower().replace(".", "-") for c in codes))
        return _batch(self.name, path, source, report, areas, cells, options)


class GdidataReader:
    name = "wb-gdidata"
    description = ("World Bank WDI pull of IOM gdidata (long CSV geo, var, t, v): remittances "
                   "received and paid, GDP, population, net migration")

    def claims(self, path: Path) -> bool:
        head = head_lines(path, 1)
        name = base_name(path).lower()
        return bool(head) and tuple(c.strip() for c in head[0].split(",")) == LONG_COLUMNS \
            and ("wdi" in name or "gdidata" in name)

    def read(self, path: Path, options: ReadOptions) -> ImportBatch:
        report = Report(subject=f"{self.name} {path.name}")
        areas = AreaMap(file=path.name, scheme="wb", allow_unmapped=options.allow_unmapped)
        cells: dict[tuple[str, str, str], Cell] = {}
        skipped: Counter[str] = Counter()
        for line, row in iter_rows(path, report, LONG_COLUMNS):
            code = GDIDATA.get(row["var"].strip())
            if code is None:
                skipped[row["var"].strip()] += 1
                continue
            cell = _cell(row["v"], row["t"], line, path.name, report, ("v", "t"), code)
            area = areas.code(row["geo"].strip(), line, "geo")
            if cell is not None and area is not None:
                cells[(area, code, row["t"].strip())] = cell
        for var, count in sorted(skipped.items()):
            report.info("not-imported", f"{count} row(s) of variable {var!r} not imported",
                        file=path.name)
        edition = options.edition or str(known_value("worldbank", "gdidata", "default_edition"))
        source = source_record("worldbank", "gdidata", edition=edition, sha256=sha256_of(path))
        return _batch(self.name, path, source, report, areas, cells, options)


def _is_wide_header(line: str) -> bool:
    return line.replace('"', "").startswith("Country Name,Country Code,Indicator Name")


def _cell(text: str, year: str, line: int, file: str, report: Report,
          columns: tuple[str, str], code: str) -> Cell | None:
    if not _YEAR.match(year.strip()):
        report.error("invalid-value", f"year {year!r} is not YYYY", file=file, row=line,
                     column=columns[1])
        return None
    try:  # net migration may be negative; remittances, GDP and population may not
        return parse_value(text, PLAIN if code in SIGNED else COUNT)
    except ValueError as exc:
        report.error("invalid-value", str(exc), file=file, row=line, column=columns[0])
        return None


def _batch(fmt: str, path: Path, source: Source, report: Report, areas: AreaMap,
           cells: dict[tuple[str, str, str], Cell], options: ReadOptions) -> ImportBatch:
    batch = ImportBatch(source=source, format=fmt, path=str(path), report=report,
                        indicators=indicators(WDI[c][0] for c in {k[1] for k in cells}))
    batch.areas = areas.finish(report)
    if not report.ok:
        return batch
    keep = options.countries
    for (area, code, year), (value, status) in sorted(cells.items()):
        if keep is not None and area not in keep:
            continue
        indicator, divisor = WDI[code]
        value, status = read_cell(code, value, status)  # a 0 amount is "no data"
        batch.observations.append(Observation(
            indicator, area, "WLD", year, None if value is None else value / divisor,
            source.id, status=status))
    report.stats["observations"] = len(batch.observations)
    return batch


def _known_edition(path: Path, report: Report) -> str:
    found = _DOWNLOAD_ID.search(base_name(path))
    known = known_value("worldbank", "wdi", "known_editions") or {}
    if found and found.group(1) in known:
        return str(known[found.group(1)])
    report.warning("unknown-edition", "the file names no 'Last Updated Date': the edition "
                   "is 'undated' (give one with --edition)", file=path.name)
    return "undated"


def _wide_rows(path: Path, report: Report) -> tuple[str | None, Iterator[tuple[int, Row]]]:
    """The edition the preamble names (if any) and the data rows of a CSV or .xls download."""
    if base_name(path).lower().endswith((".xls", ".xlsx")):
        return _sheet_rows(path, report)
    head = head_lines(path, 6)
    skip = next((i for i, line in enumerate(head) if _is_wide_header(line)), 0)
    edition = None
    for cells in csv.reader(head[:skip]):
        if len(cells) > 1 and cells[0].strip() == "Last Updated Date":
            edition = cells[1].strip() or None
    return edition, iter_rows(path, report, WIDE_COLUMNS, skip=skip)


def _sheet_rows(path: Path, report: Report) -> tuple[str | None, Iterator[tuple[int, Row]]]:
    from python_calamine import CalamineWorkbook

    try:
        rows = CalamineWorkbook.from_path(str(path)).get_sheet_by_name("Data").to_python()
    except Exception as exc:  # calamine raises errors of its own
        report.error("corrupt-file", f"cannot read sheet 'Data' of the workbook: {exc}",
                     file=path.name)
        return None, iter(())
    edition = next((_iso(r[1]) for r in rows[:6] if len(r) > 1 and r[0] == "Last Updated Date"),
                   None)
    at = next((i for i, r in enumerate(rows[:10]) if r and r[0] == "Country Name"), None)
    if at is None:
        report.error("missing-column", "no header row starting with 'Country Name'",
                     file=path.name, column="Country Name")
        return edition, iter(())
    header = [_text(c) for c in rows[at]]
    return edition, ((i + 1, dict(zip(header, (_text(c) for c in r), strict=False)))
                     for i, r in enumerate(rows) if i > at and any(_text(c) for c in r))


def _iso(cell: object) -> str | None:
    if isinstance(cell, datetime | date):
        return cell.strftime("%Y-%m-%d")
    return str(cell).strip() or None


def _text(cell: object) -> str:
    if isinstance(cell, float) and cell.is_integer() and abs(cell) < 1e15:
        return str(int(cell))
    return "" if cell is None else str(cell).strip()


def _wide_cells(rows: Iterator[tuple[int, Row]], file: str, areas: AreaMap,
                report: Report) -> tuple[dict[tuple[str, str, str], Cell], dict[str, str]]:
    """Cells (area, WDI code, year) of a wide file; empty cells inside the years with data
    are kept as missing. Also the indicator names by code."""
    cells: dict[tuple[str, str, str], Cell] = {}
    names: dict[str, str] = {}
    unknown: dict[str, int] = {}
    for line, row in rows:
        code = row.get("Indicator Code", "").strip()
        if code not in WDI:
            unknown.setdefault(code, line)
            continue
        names.setdefault(code, row.get("Indicator Name", "").strip())
        area = areas.code(row.get("Country Code", "").strip(), line, "Country Code")
        for year in (k for k in row if _YEAR.match(k)):
            cell = _cell(row[year], year, line, file, report, (year, year), code)
            if area is not None and cell is not None:
                cells[(area, code, year)] = cell
    if unknown:
        report.error("unknown-indicator", "indicator code(s) not imported by migprofile: "
                     + ", ".join(f"{c!r} (row {r})" for c, r in unknown.items())
                     + f"; known: {', '.join(WDI)}", file=file, column="Indicator Code")
    kept = _trim_missing(cells)
    if len(kept) < len(cells):
        report.info("not-imported", f"{len(cells) - len(kept)} empty cell(s) of years in which "
                    "no economy has a value not stored", file=file)
    return kept, names


def _trim_missing(cells: dict[tuple[str, str, str], Cell]) -> dict[tuple[str, str, str], Cell]:
    """Drop empty cells outside the span of years in which some economy has a value."""
    spans: dict[str, list[str]] = defaultdict(list)
    for (_, code, year), (value, _) in cells.items():
        if value is not None:
            spans[code].append(year)
    bounds = {code: (min(years), max(years)) for code, years in spans.items()}
    return {k: c for k, c in cells.items()
            if k[1] in bounds and bounds[k[1]][0] <= k[2] <= bounds[k[1]][1]}


register(WdiReader())
register(GdidataReader())
