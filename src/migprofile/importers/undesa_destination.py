"""UN DESA International Migrant Stock 2020: Destination — the official workbook, or its long CSV.

Format ``undesa-destination``: ``undesa_pd_2020_ims_stock_by_sex_and_destination.xlsx``
(sheets "Table 1" … "Table 6") or the lossless long CSV of its tables (columns ``table,
indicator, index, location, notes, location_code, type_of_data, period, value``). Imported,
with country = the destination, partner = ``WLD`` and period = the mid-year ``YYYY``:

- Table 1, migrant stock by sex -> ``immigrant_stock_birth``;
- Table 3, migrants as % of the population by sex -> ``immigrant_stock_share_population``;
- Table 4, women as % of the migrant stock -> ``immigrant_female_share``;
- Table 6, refugees and asylum seekers -> ``refugees_and_asylum_seekers``.

Not imported (the report counts them): total population (Table 2: in thousands, World
Population Prospects; take population from the WDI), rates of change (Table 5 and Table 6:
computed by ``migprofile.indicators``), refugees as % of migrants. Countries resolve by
their M49 location code, aggregates by name; UN development groups and SDG regions that geo
does not know are listed in ``mappings/undesa.yaml`` and left out. ``..`` = missing,
``~`` = suppressed (fewer than five).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import replace
from pathlib import Path

from migprofile.importers.areamap import AreaMap
from migprofile.importers.base import ImportBatch, ReadOptions, register, sha256_of
from migprofile.importers.csvrows import Row, base_name, head_lines, iter_rows, parse_value
from migprofile.importers.numbers import COUNT
from migprofile.importers.provenance import indicators, reader_mapping, source_record
from migprofile.model import Observation, Sex, Status
from migprofile.validate import Report

COLUMNS = ("table", "indicator", "location", "location_code", "period", "value")
# (table, start of the UN block title) -> indicator
BLOCKS: tuple[tuple[str, str, str], ...] = (
    ("Table 1", "International migrant stock at mid-year", "immigrant_stock_birth"),
    ("Table 3", "International migrant stock as a percentage of the total population",
     "immigrant_stock_share_population"),
    ("Table 4", "Female migrants as a percentage", "immigrant_female_share"),
    ("Table 6", "Refugee and asylum seekers at mid-year", "refugees_and_asylum_seekers"),
)
SEX_SUFFIXES = (("both sexes combined", Sex.TOTAL), ("females", Sex.FEMALE),
                ("males", Sex.MALE))
_YEAR = re.compile(r"^\d{4}$")
_SHEET = re.compile(r"^Table \d+$")
_WORKBOOK_EDITION = re.compile(r"(?:pd|stock)_(\d{4})_ims", re.IGNORECASE)


class UndesaDestination:
    name = "undesa-destination"
    description = ("UN DESA International Migrant Stock 2020: Destination (official .xlsx, "
                   "or its long CSV of Tables 1-6)")

    def claims(self, path: Path) -> bool:
        name = base_name(path).lower()
        if name.endswith(".xlsx"):
            return "ims" in name and "destination" in name
        head = head_lines(path, 1)
        return bool(head) and set(COLUMNS) <= {c.strip() for c in head[0].split(",")}

    def read(self, path: Path, options: ReadOptions) -> ImportBatch:
        report = Report(subject=f"{self.name} {path.name}")
        areas = AreaMap(file=path.name, allow_unmapped=options.allow_unmapped)
        rows = _workbook_rows(path, report) if base_name(path).lower().endswith(".xlsx") \
            else iter_rows(path, report, COLUMNS)
        reading = _Reading(path.name, areas, report, options)
        for line, row in rows:
            reading.row(line, row)
        edition = options.edition or _edition(path, reading.years)
        source = source_record("undesa", "destination", edition=edition,
                               sha256=sha256_of(path))
        batch = ImportBatch(source=source, format=self.name, path=str(path), report=report,
                            indicators=indicators(b[2] for b in BLOCKS))
        batch.areas = areas.finish(report)
        reading.summarise()
        if report.ok:
            batch.observations = [replace(o, source_id=source.id) for o in reading.observations]
        report.stats["observations"] = len(batch.observations)
        return batch


def _edition(path: Path, years: set[str]) -> str:
    found = _WORKBOOK_EDITION.search(base_name(path))
    return found.group(1) if found else max(years, default="unknown")


class _Reading:
    """The state of one file being read: areas, skipped rows, observations so far."""

    def __init__(self, file: str, areas: AreaMap, report: Report, options: ReadOptions) -> None:
        self.file, self.areas, self.report, self.options = file, areas, report, options
        mapping = reader_mapping("undesa").get("excluded_locations") or {}
        self.excluded = {str(code) for code in mapping}
        self.skipped: Counter[str] = Counter()
        self.years: set[str] = set()
        self.observations: list[Observation] = []
        self.seen: dict[tuple[str, str, str, Sex], tuple[float | None, Status]] = {}

    def row(self, line: int, row: Row) -> None:
        block = _block(row["table"].strip(), row["indicator"].strip())
        if block is None:
            self.skipped[f"{row['table'].strip()}: {row['indicator'].strip()}"] += 1
            return
        code = row["location_code"].strip()
        if code in self.excluded:
            self.skipped[f"aggregates geo does not know ({len(self.excluded)})"] += 1
            return
        period = row["period"].strip()
        if not _YEAR.match(period):
            self.report.error("invalid-value", f"period {period!r} is not YYYY", file=self.file,
                              row=line, column="period")
            return
        try:
            value, status = parse_value(row["value"], COUNT)
        except ValueError as exc:
            self.report.error("invalid-value", str(exc),
                              file=self.file, row=line, column="value")
            return
        area = self._area(code, row["location"], line)
        if area is None or (self.options.countries is not None
                            and area not in self.options.countries):
            return
        self.years.add(period)
        indicator, sex = block
        key = (indicator, area, period, sex)
        if key in self.seen:  # a region listed twice (SDG and geographic regions)
            same = self.seen[key] == (value, status)
            self.skipped["rows repeating an area already read"] += 1
            if not same:
                self.report.error("conflicting-value", f"{area} {period} {indicator} {sex}: "
                                  f"{value} differs from the row read before", file=self.file,
                                  row=line, column="value")
            return
        self.seen[key] = (value, status)
        self.observations.append(Observation(indicator, area, "WLD", period, value, "",
                                             sex=sex, status=status))

    def _area(self, code: str, name: str, line: int) -> str | None:
        if code.isdigit() and int(code) < 900:  # M49 codes of countries and areas
            return self.areas.code(code, line, "location_code")
        return self.areas.code(name.strip().rstrip("*").strip(), line, "location")

    def summarise(self) -> None:
        for what, count in sorted(self.skipped.items()):
            self.report.info("not-imported", f"{count} row(s) not imported: {what}",
                             file=self.file)


def _block(table: str, title: str) -> tuple[str, Sex] | None:
    for block_table, start, indicator in BLOCKS:
        if table == block_table and title.startswith(start):
            sex = next((s for suffix, s in SEX_SUFFIXES if title.endswith(suffix)), Sex.TOTAL)
            return indicator, sex
    return None


def _workbook_rows(path: Path, report: Report) -> Iterator[tuple[int, Row]]:
    """The workbook's Tables 1-6 as rows of the long CSV (line = the sheet's row number)."""
    from python_calamine import CalamineWorkbook

    try:
        book = CalamineWorkbook.from_path(str(path))
        sheets = {name: book.get_sheet_by_name(name).to_python()
                  for name in book.sheet_names if _SHEET.match(name)}
    except Exception as exc:  # calamine raises errors of its own
        report.error("corrupt-file", f"cannot read the workbook: {exc}", file=path.name)
        return
    if not sheets:
        report.error("missing-sheet", "no sheet named 'Table 1' … 'Table 6'", file=path.name)
    for table, cells in sheets.items():
        yield from _sheet_rows(table, cells, path.name, report)


def _sheet_rows(table: str, cells: Sequence[Sequence[object]], file: str,
                report: Report) -> Iterator[tuple[int, Row]]:
    header_at = next((i for i, r in enumerate(cells) if len(r) > 4
                      and str(r[3]).strip() == "Location code"), None)
    if header_at is None or header_at < 3:
        report.error("missing-column", f"sheet {table!r}: no header row with 'Location code'",
                     file=file, column="Location code")
        return
    header, titles = cells[header_at], _block_titles(cells[header_at - 3])
    for index in range(header_at + 1, len(cells)):
        r = cells[index]
        if len(r) < len(header) or r[3] in ("", None):
            continue
        for col in range(5, len(header)):
            yield index + 1, {
                "table": table, "indicator": titles.get(col, ""),
                "location": str(r[1]).strip(), "location_code": _text(r[3]),
                "period": _text(header[col]), "value": _text(r[col]),
            }


def _block_titles(title_row: Sequence[object]) -> dict[int, str]:
    titles, current = {}, ""
    for col, cell in enumerate(title_row):
        if str(cell).strip():
            current = str(cell).strip()
        if col >= 5:
            titles[col] = current
    return titles


def _text(cell: object) -> str:
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    return "" if cell is None else str(cell).strip()


register(UndesaDestination())
