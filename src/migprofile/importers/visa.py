"""Passport Index visa requirements (tidy ISO3 files of ilyankou/passport-index-dataset):
what each destination requires of each passport for a short stay.

A PRIVATE index as scraped, not law: the source record and every profile sentence say so.
One observation per (destination, passport): indicator ``visa_requirement``, country = the
destination (its visa policy), partner = the passport, period = the snapshot date, value =
the category of ``mappings/visa.yaml`` (1 visa-free … 7 other). The snapshot date comes from
``--edition`` or the file name (``…_YYYY-MM-DD.csv``). Unknown requirement values and
unknown country codes are named in one error each; nothing is written then.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from functools import cache
from pathlib import Path

from migprofile.importers.areamap import AreaMap
from migprofile.importers.base import ImportBatch, ReadOptions, register
from migprofile.importers.csvrows import base_name, iter_rows
from migprofile.importers.provenance import reader_mapping
from migprofile.importers.table_context import TableContext
from migprofile.importers.tabular import batch_indicators, csv_columns, file_record
from migprofile.model import Status
from migprofile.validate import Report

INDICATOR = "visa_requirement"
REQUIREMENT_COLUMNS = ("Requirement", "Code")  # 2022- files, 2020 file
_DATE = re.compile(r"(\d{4}-\d{2}-\d{2})")


@cache
def categories() -> dict[str, int]:
    return {str(k): int(v) for k, v in reader_mapping("visa")["categories"].items()}


@cache
def raw_values() -> dict[str, str]:
    return {str(k): str(v) for k, v in reader_mapping("visa")["values"].items()}


def category(text: str) -> int | None:
    """The stored category of a raw value; 0 for passport = destination; None if unknown."""
    text = text.strip()
    if text == "-1":
        return 0
    if text.isdigit():
        return categories()["visa_free"]
    name = raw_values().get(text)
    return categories()[name] if name else None


def requirement_column(path: Path) -> str | None:
    columns = csv_columns(path)
    if not {"Passport", "Destination"} <= columns:
        return None
    return next((c for c in REQUIREMENT_COLUMNS if c in columns), None)


def snapshot_date(path: Path, options: ReadOptions, report: Report) -> str | None:
    text = options.edition or next(iter(_DATE.findall(base_name(path))), None)
    try:
        return date.fromisoformat(text).isoformat() if text else None
    except ValueError:
        pass
    report.error("missing-edition", "the snapshot date is neither in the file name "
                 "(…_YYYY-MM-DD.csv) nor given with --edition YYYY-MM-DD", file=path.name)
    return None


def read_rows(ctx: TableContext, rows: Iterable[tuple[int, dict[str, str]]], column: str,
              period: str) -> None:
    unknown: dict[str, int] = {}
    for line, row in rows:
        code = category(row[column])
        if code is None:
            unknown.setdefault(row[column].strip(), line)
            continue
        if code == 0:
            continue
        destination = ctx.areas.code(row["Destination"].strip(), line, "Destination")
        passport = ctx.areas.code(row["Passport"].strip(), line, "Passport")
        if destination is None or passport is None or destination == passport:
            continue
        if ctx.wanted(destination, passport):
            ctx.emit(INDICATOR, destination, passport, period, float(code), Status.OBSERVED)
    if unknown:
        listed = ", ".join(f"{v!r} (row {n})" for v, n in sorted(unknown.items(),
                                                               key=lambda kv: kv[1]))
        ctx.problem("unknown-code", f"{len(unknown)} requirement value(s) not in "
                    f"mappings/visa.yaml: {listed}", row=min(unknown.values()), column=column)


class VisaReader:
    name = "visa"
    description = ("Passport Index visa requirements, tidy ISO3 file (Passport, Destination, "
                   "Requirement or Code): a private index, not official law")

    def claims(self, path: Path) -> bool:
        return requirement_column(path) is not None

    def read(self, path: Path, options: ReadOptions) -> ImportBatch:
        column = requirement_column(path)
        if column is None:
            raise ValueError(f"{path} is not a Passport Index tidy file")
        report = Report(subject=str(path))
        period = snapshot_date(path, options, report)
        source = file_record("passport_index", "tidy", path, options,
                             edition=period or "unknown")
        ctx = TableContext(file=path.name, source_id=source.id, options=options,
                           areas=AreaMap(file=path.name, allow_unmapped=options.allow_unmapped),
                           report=report)
        if period is not None:
            read_rows(ctx, iter_rows(path, ctx.report, ("Passport", "Destination", column)),
                      column, period)
        ctx.finish()
        return ImportBatch(source=source, format=self.name, path=str(path),
                           observations=ctx.observations, areas=ctx.unmapped,
                           indicators=batch_indicators(ctx.observations), report=ctx.report)


register(VisaReader())
