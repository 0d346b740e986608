"""KNOMAD / World Bank bilateral matrices, 2021 (December 2022 version).

One reader, ``knomad``, for the two matrices, as the original workbooks (``.xlsx``: a title
row, a header row of column countries, then one row per row country until the first blank
row) or as long CSV files (``sending_country, receiving_country, remittances_musd_2021`` and
``origin_country, destination_country, migrants_2021``):

- Bilateral Remittance Matrix (rows = sending, columns = receiving; millions of US$):
  ``remittance_inflow`` (country = receiving, partner = sending; ``WORLD`` -> WLD = total
  received) and ``remittance_outflow`` (country = sending, partner = receiving).
- Bilateral Migration Matrix (rows = origin, columns = destination; persons):
  ``immigrant_stock_knomad`` (country = destination, partner = origin) and
  ``emigrant_stock_knomad`` (country = origin, partner = destination). These are KNOMAD staff
  estimates built mostly on UN DESA's 2020 stocks: UN DESA's own bilateral tables
  (``undesa``) are the first choice; KNOMAD's are kept for its 2021 reference year.

A cell left empty is not stored; ``…`` is stored as ``missing``. Rows or columns about the
whole world as a *country* (``WORLD`` -> ``WORLD``) are not stored; the residual groups
``Other North`` / ``Other South`` are left out (see ``mappings/knomad.yaml``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from migprofile.importers.areamap import AreaMap
from migprofile.importers.base import ImportBatch, ReadOptions, register
from migprofile.importers.csvrows import iter_rows
from migprofile.importers.numbers import COUNT, parse_any
from migprofile.importers.table_context import TableContext
from migprofile.importers.tabular import batch_indicators, csv_columns, file_record
from migprofile.model import Source, Status

MAPPINGS = Path(__file__).with_name("mappings") / "knomad.yaml"
EDITION = "December 2022"
Cell = tuple[int, str, str, Any, str | None]  # line, row area, column area, value, column


@dataclass(frozen=True)
class Matrix:
    kind: str  # remittances | migrants
    year: str
    inward: str  # indicator of the column country (country = column, partner = row)
    outward: str  # indicator of the row country (country = row, partner = column)


MATRICES = {
    "remittances": Matrix("remittances", "2021", "remittance_inflow", "remittance_outflow"),
    "migrants": Matrix("migrants", "2021", "immigrant_stock_knomad", "emigrant_stock_knomad"),
}
LONG_COLUMNS = {
    "remittances": ("sending_country", "receiving_country", "remittances_musd_"),
    "migrants": ("origin_country", "destination_country", "migrants_"),
}
TITLES = {"remittances": "Bilateral Remittance Estimates", "migrants": "Bilateral Estimates of "
          "Migrant Stocks"}


@cache
def _mappings() -> tuple[dict[str, str], frozenset[str]]:
    data = yaml.safe_load(MAPPINGS.read_text(encoding="utf-8")) or {}
    return dict(data.get("names") or {}), frozenset(data.get("residual") or ())


def _long_layout(path: Path) -> tuple[str, str] | None:
    """(matrix kind, value column) of a long CSV file, or None."""
    columns = csv_columns(path)
    for kind, (row, column, prefix) in LONG_COLUMNS.items():
        values = [c for c in columns if c.startswith(prefix)]
        if row in columns and column in columns and len(values) == 1:
            return kind, values[0]
    return None


def _sheet(path: Path) -> list[list[Any]]:
    from python_calamine import CalamineWorkbook

    workbook = CalamineWorkbook.from_path(str(path))
    rows: list[list[Any]] = workbook.get_sheet_by_index(0).to_python()
    return rows


def _workbook_kind(path: Path) -> str | None:
    if path.suffix.lower() not in (".xlsx", ".xls"):
        return None
    try:
        title = str(_sheet(path)[0][0])
    except Exception:  # not a workbook calamine can read: not ours
        return None
    return next((k for k, text in TITLES.items() if title.startswith(text)), None)


def _long_cells(path: Path, ctx: TableContext, kind: str, column: str) -> Iterator[Cell]:
    row_col, col_col, _ = LONG_COLUMNS[kind]
    for line, row in iter_rows(path, ctx.report, (row_col, col_col, column)):
        yield line, row[row_col].strip(), row[col_col].strip(), row[column], column


def _matrix_cells(rows: list[list[Any]]) -> Iterator[Cell]:
    header = [str(c).strip() for c in rows[1]]
    for index, cells in enumerate(rows[2:], start=3):
        name = str(cells[0]).strip()
        if not name:
            return
        for to, value in zip(header[1:], cells[1:], strict=False):
            if to and value != "":
                yield index, name, to, value, to


class KnomadReader:
    name = "knomad"
    description = ("KNOMAD/World Bank Bilateral Remittance Matrix and Bilateral Migration "
                   "Matrix 2021 (.xlsx workbooks or their long .csv)")

    def claims(self, path: Path) -> bool:
        return _long_layout(path) is not None or _workbook_kind(path) is not None

    def read(self, path: Path, options: ReadOptions) -> ImportBatch:
        layout = _long_layout(path)
        kind = layout[0] if layout else _workbook_kind(path)
        if kind is None:
            raise ValueError(f"{path} is not a KNOMAD bilateral matrix")
        matrix = MATRICES[kind]
        if layout is not None:
            matrix = _with_year(matrix, layout[1])
        source = knomad_source(path, matrix, options)
        names, _ = _mappings()
        ctx = TableContext(file=path.name, source_id=source.id, options=options,
                           areas=AreaMap(file=path.name, fixed=names,
                                         allow_unmapped=options.allow_unmapped))
        ctx.report.subject = str(path)
        cells = (_long_cells(path, ctx, kind, layout[1]) if layout is not None
                 else _matrix_cells(_sheet(path)))
        read_cells(ctx, matrix, cells)
        ctx.finish()
        return ImportBatch(source=source, format=self.name, path=str(path),
                           observations=ctx.observations, areas=ctx.unmapped,
                           indicators=batch_indicators(ctx.observations), report=ctx.report)


def _with_year(matrix: Matrix, column: str) -> Matrix:
    found = re.search(r"(\d{4})$", column)
    if not found:
        return matrix
    return Matrix(matrix.kind, found.group(1), matrix.inward, matrix.outward)


def knomad_source(path: Path, matrix: Matrix, options: ReadOptions) -> Source:
    """The Source of a matrix (``sources/knomad.yaml``)."""
    return file_record("knomad", matrix.kind, path, options, edition=EDITION, year=matrix.year)


def read_cells(ctx: TableContext, matrix: Matrix, cells: Iterator[Cell]) -> None:
    _, residual = _mappings()
    skipped = 0
    for line, row_name, col_name, raw, column in cells:
        if row_name in residual or col_name in residual:
            skipped += 1
            continue
        sender = ctx.areas.code(row_name, line, column)
        receiver = ctx.areas.code(col_name, line, column)
        parsed = _value(ctx, raw, line, column)
        if sender is None or receiver is None or parsed is None:
            continue
        if not ctx.wanted(sender, receiver):
            continue
        value, status = parsed
        if receiver != "WLD":
            ctx.emit(matrix.inward, receiver, sender, matrix.year, value, status)
        if sender != "WLD":
            ctx.emit(matrix.outward, sender, receiver, matrix.year, value, status)
    if skipped:
        ctx.report.info("residual-skipped", f"{skipped} cell(s) of the residual groups "
                        f"{', '.join(sorted(residual))} left out", file=ctx.file)


def _value(ctx: TableContext, raw: Any, line: int, column: str | None
           ) -> tuple[float | None, Status] | None:
    if isinstance(raw, str) and not raw.strip():
        return None
    try:
        return parse_any(raw, COUNT)
    except ValueError as exc:
        ctx.problem("invalid-value", str(exc), row=line, column=column)
        return None


register(KnomadReader())
