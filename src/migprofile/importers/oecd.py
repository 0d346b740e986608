"""OECD International Migration Database, as an OECD Data Explorer SDMX-CSV export.

Reader ``oecd``: files with the columns ``REF_AREA, CITIZENSHIP, MEASURE, SEX, TIME_PERIOD,
OBS_VALUE`` (the "labels" layout, with a label column after each code, reads the same).
Measure ``B11`` (inflows of foreign population, by citizenship) -> ``immigrant_inflow``:
country = ``REF_AREA`` (destination), partner = ``CITIZENSHIP`` (``W`` = all nationalities
-> WLD), period = the calendar year. Other measures are counted and left out.

``OBS_STATUS`` keeps its meaning (E estimated, P provisional, M/L/O missing, U low
reliability -> approximate; A normal and B break -> observed); ``UNIT_MULT`` is applied.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from pathlib import Path

from migprofile.importers.areamap import AreaMap
from migprofile.importers.base import ImportBatch, ReadOptions, register
from migprofile.importers.csvrows import iter_rows
from migprofile.importers.numbers import COUNT
from migprofile.importers.table_context import TableContext
from migprofile.importers.tabular import batch_indicators, file_record, has_columns
from migprofile.model import Sex, Source, Status
from migprofile.validate import Report, Severity

REQUIRED = ("REF_AREA", "CITIZENSHIP", "MEASURE", "TIME_PERIOD", "OBS_VALUE")
MEASURES = {"B11": "immigrant_inflow"}
WORLD = frozenset({"W", "_T", "WLD"})
SEXES = {"_T": Sex.TOTAL, "T": Sex.TOTAL, "M": Sex.MALE, "F": Sex.FEMALE}
STATUSES = {
    "A": Status.OBSERVED, "B": Status.OBSERVED, "E": Status.ESTIMATED, "F": Status.ESTIMATED,
    "P": Status.PROVISIONAL, "M": Status.MISSING, "L": Status.MISSING, "O": Status.MISSING,
    "U": Status.APPROXIMATE,
}
UNITS = frozenset({"PS", "PER", "PERS", "NUMBER", ""})

UNIT_MULTIPLIERS = {str(n): 10.0 ** n for n in range(10)}

def oecd_source(path: Path, options: ReadOptions, last_year: str) -> Source:
    """The Source of an export (``sources/oecd.yaml``); edition = its last year."""
    return file_record("oecd", "imd", path, options, edition=last_year or "undated")


def _last_year(path: Path) -> str:
    scratch = Report()  # the findings of this first pass are made again by the second
    years = (row["TIME_PERIOD"][:4] for _, row in iter_rows(path, scratch, REQUIRED))
    return max((y for y in years if y.isdigit()), default="")


def read_rows(ctx: TableContext, rows: Iterable[tuple[int, dict[str, str]]]) -> None:
    skipped: Counter[str] = Counter()
    for line, row in rows:
        indicator = MEASURES.get(row["MEASURE"].strip())
        if indicator is None:
            skipped[row["MEASURE"].strip()] += 1
            continue
        country = ctx.areas.code(row["REF_AREA"].strip(), line, "REF_AREA")
        citizenship = row["CITIZENSHIP"].strip()
        partner = "WLD" if citizenship in WORLD else ctx.areas.code(citizenship, line,
                                                                    "CITIZENSHIP")
        period = row["TIME_PERIOD"].strip()
        if country is None or partner is None or not ctx.wanted(country, partner):
            continue
        if not (len(period) == 4 and period.isdigit()):
            ctx.problem("invalid-value", f"period {period!r} is not a year", row=line,
                        column="TIME_PERIOD")
            continue
        cell = _value(ctx, row, line)
        if cell is not None:
            sex = SEXES.get(row.get("SEX", "_T").strip(), Sex.TOTAL)
            ctx.emit(indicator, country, partner, period, *cell, sex=sex)
    if skipped:
        listed = ", ".join(f"{m} ({n})" for m, n in sorted(skipped.items()))
        ctx.report.info("measure-skipped", f"measures not imported: {listed}", file=ctx.file,
                        column="MEASURE")


def _value(ctx: TableContext, row: dict[str, str], line: int
           ) -> tuple[float | None, Status] | None:
    unit = row.get("UNIT_MEASURE", "").strip()
    if unit not in UNITS:
        ctx.problem("invalid-value", f"unit {unit!r} is not persons", row=line,
                    column="UNIT_MEASURE")
        return None
    flag = row.get("OBS_STATUS", "").strip()
    status = STATUSES.get(flag or "A")
    if status is None:
        ctx.problem("unknown-status", f"OBS_STATUS {flag!r} is unknown: read as observed",
                    row=line, column="OBS_STATUS", severity=Severity.WARNING)
        status = Status.OBSERVED
    text = row["OBS_VALUE"].strip()
    if not status.has_value:
        return None, status
    if not text:
        return None, Status.MISSING
    mult = row.get("UNIT_MULT", "0").strip() or "0"
    if mult not in UNIT_MULTIPLIERS:
        ctx.problem("invalid-value", f"UNIT_MULT {mult!r} is not a power of ten from 0 to 9",
                    row=line, column="UNIT_MULT")
        return None
    try:
        return COUNT.check(COUNT.parse(text) * UNIT_MULTIPLIERS[mult], text), status
    except ValueError as exc:
        ctx.problem("invalid-value", str(exc), row=line, column="OBS_VALUE")
        return None


class OecdReader:
    name = "oecd"
    description = ("OECD International Migration Database, Data Explorer SDMX-CSV export "
                   "(B11 inflows of foreign population)")

    def claims(self, path: Path) -> bool:
        return has_columns(path, *REQUIRED)

    def read(self, path: Path, options: ReadOptions) -> ImportBatch:
        source = oecd_source(path, options, _last_year(path))
        ctx = TableContext(file=path.name, source_id=source.id, options=options,
                           areas=AreaMap(file=path.name, allow_unmapped=options.allow_unmapped))
        ctx.report.subject = str(path)
        read_rows(ctx, iter_rows(path, ctx.report, REQUIRED))
        ctx.finish()
        return ImportBatch(source=source, format=self.name, path=str(path),
                           observations=ctx.observations, areas=ctx.unmapped,
                           indicators=batch_indicators(ctx.observations), report=ctx.report)


register(OecdReader())
