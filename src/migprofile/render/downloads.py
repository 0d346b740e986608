"""Table downloads (CSV, XLSX) that cannot hurt the spreadsheet that opens them.

- Numbers are numbers: a figure measured or estimated goes out as its raw number (CSV: ``.``
  as decimal mark, no thousands separator; XLSX: a numeric cell with a number format), not
  as the text printed in the profile's language ("3 292 599", "82,6"). A figure with a
  qualifier ("about 16 000", "more than 300", a masked count) stays the printed text: a
  bare number would present it as measured.
- Text is never a formula: a cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a
  carriage return gets a leading apostrophe (OWASP's advice against CSV injection), so that
  ``=HYPERLINK(…)`` from a package or a source file is shown, never run.
"""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Iterable, Sequence
from typing import Any

from migprofile.profiles.tree import Cell, TableBlock

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
NUMERIC_STATUSES = frozenset({"observed", "estimated", "provisional"})
DECIMAL_KINDS = frozenset({"percent", "rate", "share", "variation", "growth"})
DownloadCell = str | float | int | None


def neutral(text: str) -> str:
    """Text a spreadsheet shows as text (a leading apostrophe before a formula start)."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _cell(cell: Cell) -> DownloadCell:
    value = cell.value
    if value is None:
        return cell.text
    number = value.number
    if number is None or value.status not in NUMERIC_STATUSES or not math.isfinite(number):
        return value.text
    if value.kind in DECIMAL_KINDS:
        return round(number, 1)  # as printed: one decimal
    return int(number) if float(number).is_integer() and abs(number) < 1e15 else number


def download_rows(table: TableBlock) -> list[list[DownloadCell]]:
    """The header line as printed, then the body with numbers as numbers."""
    header: list[DownloadCell] = list(table.csv_rows()[0])
    return [header, *[[_cell(c) for c in row] for row in table.body]]


def csv_text_cell(value: Any) -> str:
    """One CSV cell: numbers with ``.`` and no grouping, text neutralized, None empty."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            return ""
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    return neutral(str(value))


def csv_bytes(rows: Iterable[Sequence[Any]]) -> bytes:
    """CSV with a UTF-8 BOM (spreadsheets then read Arabic and accents right)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    for row in rows:
        writer.writerow([csv_text_cell(v) for v in row])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def xlsx_bytes(rows: Sequence[Sequence[Any]], title: str) -> bytes:
    """A workbook of one sheet: numeric cells with a number format, text cells as text
    (never formulas), the header bold."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    sheet.title = "".join(c for c in title if c not in "[]:*?/\\")[:31] or "table"
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row, start=1):
            if isinstance(value, bool) or value is None:
                continue
            if isinstance(value, int | float):
                if not math.isfinite(value):
                    continue
                cell = sheet.cell(row=r, column=c, value=value)
                cell.number_format = "#,##0" if float(value).is_integer() else "#,##0.0##"
            else:
                cell = sheet.cell(row=r, column=c, value=neutral(str(value)))
                cell.data_type = "s"  # text, even when it looks like a formula
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
