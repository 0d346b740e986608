"""Write the blank template of national statistics, as CSV and as an Excel workbook.

Usage::

    python scripts/make_template_xlsx.py [--out DIR]

DIR defaults to ``data/templates``. Two files are written from the column lists of
``migprofile.importers.template`` and the indicator registry:

- ``national-statistics-template.csv``: the header row of the data table;
- ``national-statistics-template.xlsx``: sheets ``README`` (how to fill it, with an example),
  ``data`` (the header; drop-down lists for indicator, sex and status), ``sources`` (the
  source record), ``indicators`` (the codes, units and names to choose from) and ``lists``.

The layout is documented in ``docs/import-template.md``; a test checks that the committed
files match what this script writes.
"""

from __future__ import annotations

import argparse
import csv
from datetime import datetime
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from migprofile.importers.template import DATA_COLUMNS, SOURCE_COLUMNS, known_indicators
from migprofile.model import Status

REPO = Path(__file__).resolve().parents[1]
DEFAULT_OUT = REPO / "data" / "templates"
STEM = "national-statistics-template"
SOURCE_SHEET_COLUMNS = (*SOURCE_COLUMNS, "title_en", "citation_en", "note_en")
FIXED_TIME = datetime(2026, 1, 1)  # workbook creation date (openpyxl stamps the save time)
README = (
    ("Modèle de statistiques nationales — migprofile", True),
    ("Une ligne par valeur dans la feuille « data » ; la source dans la feuille « sources ».",
     False),
    ("Importer : migprofile import template FICHIER.xlsx   (voir docs/import-template.md)", False),
    ("", False),
    ("National statistics template — migprofile", True),
    ("One row per value in the 'data' sheet; the source record in the 'sources' sheet.", False),
    ("Import: migprofile import template FILE.xlsx   (see docs/import-template.md)", False),
    ("", False),
    ("Example / Exemple (data sheet):", True),
)
EXAMPLE = (
    ("MAR", "emigrant_stock", "FRA", "2007-01-01", "", "", "1131000", "", "xx-consulates-2007",
     "Ministère (exemple)", "Registres consulaires", "2007", "Exemple, à remplacer"),
    ("MAR", "emigrant_stock", "WLD", "2007-01-01", "", "", "3292599", "", "xx-consulates-2007",
     "", "", "", ""),
    ("MAR", "residence_permits", "SEN", "2008", "female", "", "", "suppressed",
     "xx-consulates-2007", "", "", "", ""),
)
STATUS_LABELS = {
    "observed": "observé", "estimated": "estimé", "provisional": "provisoire",
    "lower_bound": "plus de", "approximate": "environ", "missing": "manquant",
    "suppressed": "masqué", "not_applicable": "sans objet",
}


def _header(sheet: Worksheet, columns: tuple[str, ...], width: int = 18) -> None:
    sheet.append(list(columns))
    for index in range(1, len(columns) + 1):
        sheet.cell(row=1, column=index).font = Font(bold=True)
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "A2"


def _readme(book: Workbook) -> None:
    sheet = book.active
    assert sheet is not None
    sheet.title = "README"
    for text, bold in README:
        sheet.append([text])
        sheet.cell(row=sheet.max_row, column=1).font = Font(bold=bold)
    sheet.append(list(DATA_COLUMNS))
    for row in EXAMPLE:
        sheet.append(list(row))
    sheet.column_dimensions["A"].width = 14


def _data(book: Workbook, indicator_count: int) -> None:
    sheet = book.create_sheet("data")
    _header(sheet, DATA_COLUMNS)
    rules = {
        "indicator": f"=indicators!$A$2:$A${indicator_count + 1}",
        "sex": '"total,male,female"',
        "status": f'"{",".join(s.value for s in Status)}"',
    }
    for column, formula in rules.items():
        letter = get_column_letter(DATA_COLUMNS.index(column) + 1)
        rule = DataValidation(type="list", formula1=formula, allow_blank=True)
        rule.add(f"{letter}2:{letter}10000")
        sheet.add_data_validation(rule)


def _reference(book: Workbook) -> None:
    sheet = book.create_sheet("indicators")
    _header(sheet, ("code", "unit", "name_fr", "name_en", "name_ar", "definition_en"), 28)
    found = sorted(known_indicators().values(), key=lambda i: i.code)
    for indicator in found:
        sheet.append([indicator.code, indicator.unit, indicator.names.get("fr", ""),
                      indicator.names.get("en", ""), indicator.names.get("ar", ""),
                      indicator.definition.get("en", "")])
    lists = book.create_sheet("lists")
    _header(lists, ("status", "statut (fr)", "sex"))
    sexes = ("total", "male", "female")
    for index, status in enumerate(Status):
        lists.append([status.value, STATUS_LABELS[status.value],
                      sexes[index] if index < len(sexes) else ""])


def write(out: Path) -> tuple[Path, Path]:
    out.mkdir(parents=True, exist_ok=True)
    csv_path, xlsx_path = out / f"{STEM}.csv", out / f"{STEM}.xlsx"
    with csv_path.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh, lineterminator="\n").writerow(DATA_COLUMNS)
    book = Workbook()
    _readme(book)
    _data(book, len(known_indicators()))
    _header(book.create_sheet("sources"), SOURCE_SHEET_COLUMNS)
    _reference(book)
    book.properties.created = book.properties.modified = FIXED_TIME
    book.save(xlsx_path)
    return csv_path, xlsx_path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    for path in write(parser.parse_args().out):
        print(f"wrote {path}")


if __name__ == "__main__":
    main()
