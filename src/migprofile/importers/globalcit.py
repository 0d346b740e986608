"""GLOBALCIT Citizenship Law Dataset (v3.1 country-year file): the coded modes of acquisition
and loss of citizenship the profile's nationality row needs.

One observation per country, year and variable: indicator ``citizenship_law``, partner = the
country itself (the law is its own), period = 1 January of the year (the law in force that
day), breakdown ``variable=<GLOBALCIT variable>``, value = the code (or the number of years
for ``A06a_yrs_cat``). The variables and the codes the codebook defines are listed in
``mappings/globalcit.yaml``; any other code is named in one error and nothing is written.
An empty cell means "not coded" and gives no observation.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

from migprofile.importers.areamap import AreaMap
from migprofile.importers.base import ImportBatch, ReadOptions, register
from migprofile.importers.csvrows import iter_rows
from migprofile.importers.provenance import reader_mapping
from migprofile.importers.table_context import TableContext
from migprofile.importers.tabular import batch_indicators, file_record, has_columns
from migprofile.model import AreaKind, Status

INDICATOR = "citizenship_law"
KEY_COLUMNS = ("iso3", "country", "year")
SIGNATURE = ("iso3", "year", "A06a_yrs_cat", "dualcit_comb")
EDITION = "3.1"


@cache
def variables() -> dict[str, dict[str, Any]]:
    """The variables kept, with their codes (``mappings/globalcit.yaml``)."""
    return {str(k): dict(v) for k, v in reader_mapping("globalcit").items()}


def _value(spec: dict[str, Any], text: str) -> float | None:
    """The number of a cell, or None when it is not a code the codebook defines."""
    try:
        number = float(text)
    except ValueError:
        return None
    if spec.get("number"):
        return number if number >= 0 else None
    return number if number.is_integer() and int(number) in spec["codes"] else None


class _Unknown:
    """Unknown codes per variable, with the first row each appears on (one finding)."""

    def __init__(self) -> None:
        self.seen: dict[tuple[str, str], tuple[int, str]] = {}

    def add(self, variable: str, text: str, line: int, country: str) -> None:
        self.seen.setdefault((variable, text), (line, country))

    def report(self, ctx: TableContext) -> None:
        if not self.seen:
            return
        listed = ", ".join(f"{var}={text!r} ({country}, row {line})"
                           for (var, text), (line, country) in sorted(self.seen.items()))
        first = min(self.seen.values())[0]
        ctx.problem("unknown-code", f"{len(self.seen)} code(s) not in the GLOBALCIT codebook "
                    f"(mappings/globalcit.yaml): {listed}", row=first)


def read_rows(ctx: TableContext, rows: Iterable[tuple[int, dict[str, str]]],
              columns: list[str]) -> None:
    unknown = _Unknown()
    for line, row in rows:
        cells = {v: row.get(v, "").strip() for v in columns}
        if not any(cells.values()):
            continue  # a state with nothing coded that year (historical states in 2024)
        country = ctx.areas.code(row["iso3"].strip(), line, "iso3")
        if country is None or not ctx.wanted(country):
            continue
        if ctx.areas.kind(country) not in (AreaKind.COUNTRY, AreaKind.HISTORICAL,
                                           AreaKind.UNMAPPED):
            continue
        year = row["year"].strip()
        if not (year.isdigit() and len(year) == 4):
            ctx.problem("invalid-value", f"year {year!r} is not a year", row=line,
                        column="year")
            continue
        for variable, text in cells.items():
            if not text:
                continue
            value = _value(variables()[variable], text)
            if value is None:
                unknown.add(variable, text, line, row["iso3"].strip())
                continue
            ctx.emit(INDICATOR, country, country, f"{year}-01-01", value, Status.OBSERVED,
                     breakdown={"variable": variable})
    unknown.report(ctx)


class GlobalcitReader:
    name = "globalcit"
    description = ("GLOBALCIT Citizenship Law Dataset, country-year file (v3.1): modes of "
                   "acquisition and loss of citizenship, law in force on 1 January")

    def claims(self, path: Path) -> bool:
        return has_columns(path, *SIGNATURE)

    def read(self, path: Path, options: ReadOptions) -> ImportBatch:
        source = file_record("globalcit", "country_year", path, options, edition=EDITION)
        ctx = TableContext(file=path.name, source_id=source.id, options=options,
                           areas=AreaMap(file=path.name, allow_unmapped=options.allow_unmapped))
        ctx.report.subject = str(path)
        columns = list(variables())
        read_rows(ctx, iter_rows(path, ctx.report, (*KEY_COLUMNS, *columns)), columns)
        ctx.finish()
        return ImportBatch(source=source, format=self.name, path=str(path),
                           observations=ctx.observations, areas=ctx.unmapped,
                           indicators=batch_indicators(ctx.observations), report=ctx.report)


register(GlobalcitReader())
