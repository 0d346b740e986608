"""UNHCR Refugee Population Statistics (the ``refugees`` R package, Refugee Data Finder).

One reader, ``unhcr``, for three tables of that release, told apart by their columns:

- ``population.csv`` — end-year stocks by country of asylum (``coa``) × origin (``coo``):
  refugees, asylum seekers, IDPs, stateless persons, others of concern and other people in
  need of international protection, hosted (country = asylum, partner = origin); refugees
  and asylum seekers also abroad (country = origin, partner = asylum). Period ``YYYY`` =
  end of that year.
- ``asylum_applications.csv`` -> ``asylum_applications`` (and ``…_abroad``) and
  ``asylum_decisions.csv`` -> ``asylum_decisions_recognized`` / ``_complementary`` /
  ``_rejected`` / ``_closed`` / ``_total``, per year, summed over procedure types,
  application types and decision levels (see "asylum applications and decisions" below).

Areas are UNHCR's own codes (``MOR``, ``ARE`` = Egypt, ``UKN`` -> UNK, ``STA`` -> STL),
resolved with ``scheme="unhcr"`` (``coo_iso`` is not used: it holds ``XXA`` for stateless);
an unknown code is an error naming it, or an unmapped area with ``--allow-unmapped``.

Cells: a positive count is stored; **0 is not stored** (the source lists a pair of countries
only when some population is non-zero, so an absent value is a zero too); an empty cell is a
category not collected that year (``oip`` before 2018) and is not stored either. ``5`` is
stored with status ``approximate``: the source masks counts from 1 to 5 ("*" on the Refugee
Data Finder) and this release stores them as 5 (no 1–4 occurs; see SOURCE.md). ``*`` is
stored as ``suppressed`` and ``-`` as ``missing``, without a value.

No total (partner ``WLD``) is stored, and no ``refugees_and_asylum_seekers``: totals are
sums of the stored parts.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from migprofile.importers.areamap import AreaMap
from migprofile.importers.base import ImportBatch, ReadOptions, register
from migprofile.importers.csvrows import iter_rows, open_text, parse_value
from migprofile.importers.numbers import COUNT
from migprofile.importers.provenance import mapping_text
from migprofile.importers.signature import Signature, matching, unsupported_table
from migprofile.importers.table_context import TableContext
from migprofile.importers.tabular import NO_NOTE, batch_indicators, file_record
from migprofile.model import Source, Status

KEYS = ("year", "coo", "coa")
# population column -> (hosted indicator, abroad indicator or None)
POPULATION: dict[str, tuple[str, str | None]] = {
    "refugees": ("refugees", "refugees_abroad"),
    "asylum_seekers": ("asylum_seekers", "asylum_seekers_abroad"),
    "idps": ("idps", None),
    "stateless": ("stateless_persons", None),
    "ooc": ("others_of_concern", None),
    "oip": ("others_in_need_of_protection", None),
}
MASKED = 5.0
TABLES = {
    "population": ("refugees", "asylum_seekers"),
    "asylum-applications": ("applied", "app_pc"),
    "asylum-decisions": ("dec_total", "dec_pc"),
}
# population.csv is told from flows.csv (also year, coo, coa, refugees, asylum_seekers) by
# the population types only stocks have
SIGNATURES = {
    "population": Signature("UNHCR population", (*KEYS, *TABLES["population"]),
                            any_of=("idps", "stateless", "ooc")),
    "asylum-applications": Signature("UNHCR asylum applications",
                                     (*KEYS, *TABLES["asylum-applications"])),
    "asylum-decisions": Signature("UNHCR asylum decisions", (*KEYS, *TABLES["asylum-decisions"])),
}


def table_of(path: Path) -> str | None:
    """Which UNHCR table a CSV file holds, from its columns."""
    found = matching(SIGNATURES.values(), path)
    return next((t for t, s in SIGNATURES.items() if s is found), None)


def max_year(path: Path) -> str:
    """The latest year of a UNHCR table (its edition: data up to the end of that year)."""
    with open_text(path) as fh:
        reader = csv.reader(fh)
        column = next(reader).index("year")
        return max((r[column] for r in reader if len(r) > column and r[column].isdigit()),
                   default="")


def unhcr_source(path: Path, table: str, options: ReadOptions) -> Source:
    """The Source of a table (``sources/unhcr.yaml``); edition = its last year."""
    return file_record("unhcr", table, path, options,
                       edition=options.edition or max_year(path) or "undated")


def count_cell(ctx: TableContext, text: str | None, row: int, column: str
               ) -> tuple[float | None, Status] | None:
    """A UNHCR count with its status; None when nothing is to be stored (0, empty, bad)."""
    if text is None or text == "0" or not text.strip():
        return None
    if len(text) < 16 and text.isdigit():  # the common case, parsed without the general rules
        count = float(text)
        status = Status.OBSERVED
    else:
        try:
            value, status = parse_value(text, COUNT)
        except ValueError as exc:
            ctx.problem("invalid-value", str(exc), row=row, column=column)
            return None
        if value is None:
            return None, status
        if value != int(value):
            ctx.problem("invalid-value", f"{text!r} is not a count", row=row, column=column)
            return None
        count = value
    if count == 0:
        return None
    return count, Status.APPROXIMATE if count == MASKED else status


def row_areas(ctx: TableContext, row: dict[str, str], line: int) -> tuple[str, str] | None:
    """(asylum, origin) codes of a row; None when one is unknown or the row is not wanted."""
    asylum = ctx.areas.code(row["coa"], line, "coa")
    origin = ctx.areas.code(row["coo"], line, "coo")
    if asylum is None or origin is None or not ctx.wanted(asylum, origin):
        return None
    return asylum, origin


def year_of(ctx: TableContext, row: dict[str, str], line: int) -> str | None:
    year = row["year"].strip()
    if len(year) != 4 or not year.isdigit():
        ctx.problem("invalid-value", f"year {year!r} is not a year", row=line, column="year")
        return None
    return year


def read_population(ctx: TableContext, rows: Iterable[tuple[int, dict[str, str]]]) -> None:
    for line, row in rows:
        areas = row_areas(ctx, row, line)
        year = year_of(ctx, row, line)
        if areas is None or year is None:
            continue
        asylum, origin = areas
        for column, (hosted, abroad) in POPULATION.items():
            cell = count_cell(ctx, row.get(column), line, column)
            if cell is None:
                continue
            value, status = cell
            note = mapping_text("unhcr", "notes", "masked") if status is Status.APPROXIMATE \
                else NO_NOTE
            ctx.emit(hosted, asylum, origin, year, value, status, note=note)
            if abroad is not None:
                ctx.emit(abroad, origin, asylum, year, value, status, note=note)




# -- asylum applications and decisions ------------------------------------------------------
# Rows are by procedure type (G government, U UNHCR, J joint), application type (N new,
# R repeat, A appeal, V various...) and decision level (FI first instance, AR review...).
# They are SUMMED over those, per year x asylum x origin x unit: persons (``app_pc``/
# ``dec_pc`` = P) without a breakdown, cases (C) with the breakdown ``counted=cases``.
APPLICATIONS: dict[str, tuple[str, str | None]] = {
    "applied": ("asylum_applications", "asylum_applications_abroad"),
}
DECISIONS: dict[str, tuple[str, str | None]] = {
    "dec_recognized": ("asylum_decisions_recognized", None),
    "dec_other": ("asylum_decisions_complementary", None),
    "dec_rejected": ("asylum_decisions_rejected", None),
    "dec_closed": ("asylum_decisions_closed", None),
    "dec_total": ("asylum_decisions_total", None),
}
SumKey = tuple[str, str, str, str, str]  # asylum, origin, year, unit (P/C), column


@dataclass
class _Sum:
    value: float = 0.0
    masked: int = 0  # parts equal to 5 (1 to 5, masked)
    hidden: int = 0  # parts "*" (suppressed) or "-" (missing)

    def add(self, value: float | None) -> None:
        if value is None:
            self.hidden += 1
        else:
            self.value += value
            self.masked += value == MASKED

    def outcome(self) -> tuple[float | None, Status] | None:
        """The summed value and its status; None when the sum is a plain zero."""
        if self.hidden:
            return (self.value, Status.LOWER_BOUND) if self.value else (None, Status.SUPPRESSED)
        if not self.value:
            return None
        return self.value, Status.APPROXIMATE if self.masked else Status.OBSERVED


def _sum_rows(ctx: TableContext, rows: Iterable[tuple[int, dict[str, str]]],
              columns: Iterable[str], unit_column: str) -> dict[SumKey, _Sum]:
    sums: dict[SumKey, _Sum] = defaultdict(_Sum)
    wanted = tuple(columns)
    for line, row in rows:
        areas = row_areas(ctx, row, line)
        year = year_of(ctx, row, line)
        if areas is None or year is None:
            continue
        unit = row.get(unit_column, "P").strip() or "P"
        for column in wanted:
            value = _part(ctx, row.get(column), line, column)
            if value is not False:
                sums[(*areas, year, unit, column)].add(value)
    return sums


def _part(ctx: TableContext, text: str | None, row: int, column: str) -> float | bool | None:
    """A count to add up: a number, None (suppressed or missing), False (empty or bad)."""
    if text is None or not text.strip():
        return False
    if len(text) < 16 and text.isdigit():
        return float(text)
    try:
        value, _ = parse_value(text, COUNT)
    except ValueError as exc:
        ctx.problem("invalid-value", str(exc), row=row, column=column)
        return False
    return value


def _emit_sums(ctx: TableContext, sums: dict[SumKey, _Sum],
               indicators: dict[str, tuple[str, str | None]]) -> None:
    for (asylum, origin, year, unit, column), total in sums.items():
        outcome = total.outcome()
        if outcome is None:
            continue
        value, status = outcome
        breakdown = {"counted": "cases"} if unit == "C" else None
        note = mapping_text("unhcr", "notes", "masked") if total.masked else NO_NOTE
        hosted, abroad = indicators[column]
        ctx.emit(hosted, asylum, origin, year, value, status, note=note, breakdown=breakdown)
        if abroad is not None:
            ctx.emit(abroad, origin, asylum, year, value, status, note=note,
                     breakdown=breakdown)


def read_applications(ctx: TableContext, rows: Iterable[tuple[int, dict[str, str]]]) -> None:
    _emit_sums(ctx, _sum_rows(ctx, rows, APPLICATIONS, "app_pc"), APPLICATIONS)


def read_decisions(ctx: TableContext, rows: Iterable[tuple[int, dict[str, str]]]) -> None:
    _emit_sums(ctx, _sum_rows(ctx, rows, DECISIONS, "dec_pc"), DECISIONS)


READERS: dict[str, Callable[[TableContext, Iterable[tuple[int, dict[str, str]]]], None]] = {
    "population": read_population,
    "asylum-applications": read_applications,
    "asylum-decisions": read_decisions,
}


class UnhcrReader:
    name = "unhcr"
    description = ("UNHCR Refugee Data Finder tables (refugees R package): population.csv, "
                   "asylum_applications.csv, asylum_decisions.csv")

    signatures = tuple(SIGNATURES.values())

    def claims(self, path: Path) -> bool:
        return table_of(path) is not None

    def read(self, path: Path, options: ReadOptions) -> ImportBatch:
        table = table_of(path)
        if table is None:
            known = unsupported_table(path)
            raise ValueError(f"{path.name} is {known}, which migprofile does not import" if known
                             else f"{path.name} is not a UNHCR population or asylum table")
        source = unhcr_source(path, table, options)
        ctx = TableContext(
            file=path.name, source_id=source.id, options=options,
            areas=AreaMap(file=path.name, scheme="unhcr",
                          allow_unmapped=options.allow_unmapped),
        )
        ctx.report.subject = str(path)
        READERS[table](ctx, iter_rows(path, ctx.report, (*KEYS, *TABLES[table])))
        ctx.finish()
        return ImportBatch(
            source=source, format=self.name, path=str(path), observations=ctx.observations,
            areas=ctx.unmapped, indicators=batch_indicators(ctx.observations), report=ctx.report,
        )


register(UnhcrReader())
