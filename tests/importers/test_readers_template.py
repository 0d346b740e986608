"""The template of national statistics: CSV with or without a sources file, workbook, errors,
and the blank template files that ship with migprofile."""

from __future__ import annotations

import importlib.util
import sys
from datetime import date
from pathlib import Path

from openpyxl import Workbook
from python_calamine import CalamineWorkbook
from readers_helpers import DATA, read, values

from migprofile.importers.registry import load_readers
from migprofile.importers.template import DATA_COLUMNS
from migprofile.model import Sex, Status

REPO = Path(__file__).resolve().parents[2]
TEMPLATES = REPO / "data" / "templates"


def test_csv_with_a_sources_file() -> None:
    batch = read("template", Path("template-valid.csv"))
    assert batch.report.ok and not batch.report.warnings, batch.report.findings
    source = batch.source
    assert (source.id, source.edition, source.accessed) == (
        "ma-consulates-2007", "2007", date(2024, 3, 1))
    assert source.title.text("en") == "Consular registers of Moroccans residing abroad"
    assert source.title.original == "fr"
    stock = values(batch, "emigrant_stock")
    assert stock[("MAR", "FRA", "2007-01-01")].value == 1_131_000  # "Maroc", "France"
    assert stock[("MAR", "ESP", "2007-01-01")].value == 547_216  # "547 216", "observé"
    assert stock[("MAR", "FRA", "2007-01-01")].note.text("fr") == "Registres consulaires"
    permits = values(batch, "residence_permits")[("MAR", "SEN", "2008")]
    assert (permits.sex, permits.breakdown, permits.status, permits.value) == (
        Sex.FEMALE, {"purpose": "work"}, Status.SUPPRESSED, None)
    assert values(batch, "irregular_apprehensions")[("MAR", "WLD", "2006/2008")].status \
        is Status.MISSING
    assert values(batch, "remittance_inflow")[("MAR", "FRA", "2008")].status \
        is Status.APPROXIMATE  # "environ"
    assert [i.code for i in batch.indicators] == [
        "emigrant_stock", "irregular_apprehensions", "remittance_inflow", "residence_permits"]


def test_csv_with_the_source_inline() -> None:
    batch = read("template", Path("template-inline-source.csv"))
    assert batch.report.ok
    assert (batch.source.id, batch.source.publisher, batch.source.edition) == (
        "tn-ote-2012", "Office des Tunisiens à l'étranger", "2012")
    assert len(batch.observations) == 2


def test_bad_values_are_reported_by_row_and_column() -> None:
    batch = read("template", Path("template-bad-value.csv"))
    assert batch.report.flatten() == [
        [8, "source_publisher", "source-conflict"],
        [2, "value", "non-numeric"],
        [3, "status", "invalid-status"],
        [4, "value", "missing-value"],
        [5, "indicator", "unknown-indicator"],
        [7, "period", "invalid-period"],
        [9, "country", "not-a-country"],
        [6, "partner", "unknown-area"],
    ]
    assert "decimal point" in batch.report.errors[1].message


def test_one_source_per_file() -> None:
    batch = read("template", Path("template-two-sources.csv"))
    assert batch.report.flatten("column", "type") == [["source_id", "one-source"]]
    assert not batch.observations


def test_workbook(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "data"
    sheet.append(list(DATA_COLUMNS))
    sheet.append(["DZA", "emigrant_stock", "FRA", 2012, None, None, 754_000, None, "dz-test"])
    sheet.append(["DZA", "emigrant_stock", "WLD", date(2012, 12, 31), None, None, 1_000_000.0,
                  "estimated", "dz-test"])
    sources = book.create_sheet("sources")
    sources.append(["id", "language", "publisher", "title", "accessed"])
    sources.append(["dz-test", "en", "Ministry (test)", "Consular registers",
                    date(2024, 5, 2)])
    path = tmp_path / "ministry.xlsx"
    book.save(path)
    assert load_readers()["template"].claims(path)
    batch = read("template", path)
    assert batch.report.ok, batch.report.findings
    assert batch.source.title.original == "en" and batch.source.accessed == date(2024, 5, 2)
    stock = values(batch, "emigrant_stock")
    assert stock[("DZA", "FRA", "2012")].value == 754_000
    assert stock[("DZA", "WLD", "2012-12-31")].status is Status.ESTIMATED


def test_blank_templates_match_the_reader() -> None:
    header = (TEMPLATES / "national-statistics-template.csv").read_text(encoding="utf-8")
    assert header == ",".join(DATA_COLUMNS) + "\n"
    book = CalamineWorkbook.from_path(str(TEMPLATES / "national-statistics-template.xlsx"))
    assert book.sheet_names == ["README", "data", "sources", "indicators", "lists"]
    assert book.get_sheet_by_name("data").to_python()[0] == list(DATA_COLUMNS)
    template = load_readers()["template"]
    assert template.claims(TEMPLATES / "national-statistics-template.xlsx")
    assert template.claims(TEMPLATES / "national-statistics-template.csv")
    assert [n for n, r in load_readers().items() if r.claims(DATA / "template-valid.csv")] \
        == ["template"]


def test_the_workbook_is_up_to_date(tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location(
        "make_template_xlsx", REPO / "scripts" / "make_template_xlsx.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    _, fresh = module.write(tmp_path)
    committed = TEMPLATES / "national-statistics-template.xlsx"
    for name in CalamineWorkbook.from_path(str(committed)).sheet_names:
        assert CalamineWorkbook.from_path(str(fresh)).get_sheet_by_name(name).to_python() == \
            CalamineWorkbook.from_path(str(committed)).get_sheet_by_name(name).to_python(), \
            f"sheet {name} is out of date: run scripts/make_template_xlsx.py"
