"""Defect classes of issue 11 in packages, narratives and outputs."""

from __future__ import annotations

import io
import json
import time
from pathlib import Path

import pytest

from conftest import fingerprint
from migprofile import core
from migprofile.errors import PackageError
from migprofile.importers.yamlfile import read_yaml
from migprofile.profiles.sandbox import BudgetedEnvironment, BudgetExceeded
from migprofile.render.downloads import csv_bytes, xlsx_bytes
from migprofile.render.mdsafe import safe_markdown
from migprofile.store import Store
from migprofile.validate import Report
from migprofile.web.serialize import dumps


@pytest.mark.parametrize(("text", "needle"), [
    ("a: 1\na: 2\n", "given twice"),
    ("[" * 20000 + "]" * 20000, "nested"),
    ("edition: 2009-13-45\n", "not a valid date"),
    ("accessed: 2020-02-30\n", "not a valid date"),
])
def test_hostile_yaml_is_a_finding(tmp_path: Path, text: str, needle: str) -> None:
    """Defects: duplicate keys silently kept the last value; a 20,000-deep list and an
    impossible date ended in tracebacks."""
    path = tmp_path / "f.yaml"
    path.write_text(text, encoding="utf-8")
    report = Report()
    assert read_yaml(path, report) is None
    assert report.errors and needle in report.errors[0].message


def _load_refused(store: Store, folder: Path, db_file: Path) -> PackageError:
    before = fingerprint(db_file)
    with pytest.raises(PackageError) as caught:
        core.load_package(store, folder)
    assert fingerprint(db_file) == before
    return caught.value


def test_wrong_shape_in_tables_yaml(hostile_store: Store, db_file: Path,
                                    ma_package_copy: Path) -> None:
    """Defect: ``rows: 5`` in tables.yaml raised TypeError."""
    path = ma_package_copy / "tables.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("  rows:\n")
    path.write_text(text[:start] + "  rows: 5\n" + text[text.index("  row_header:", start):],
                    encoding="utf-8")
    error = _load_refused(hostile_store, ma_package_copy, db_file)
    assert error.report is not None and error.report.errors


def test_a_narrative_that_would_hang_does_not_load(hostile_store: Store, db_file: Path,
                                                   ma_package_copy: Path) -> None:
    """Defect: nested loops loaded, then hung ``build`` and pinned portal threads."""
    path = ma_package_copy / "narratives.yaml"
    loop = "{% for a in range(100000) %}{% for b in range(100000) %}{% endfor %}{% endfor %}"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("      Le Maroc reste", f"      {loop}Le Maroc reste", 1),
                    encoding="utf-8")
    started = time.monotonic()
    error = _load_refused(hostile_store, ma_package_copy, db_file)
    assert time.monotonic() - started < 60
    assert error.report is not None
    assert any(f.type == "narrative-failed" for f in error.report.errors)


@pytest.mark.parametrize("template", [
    "{% for a in range(100000) %}{% for b in range(100000) %}{% endfor %}{% endfor %}",
    "{{ 'x' * 10**9 }}",
    "{{ 2 ** 100000 }}",
    "{% for c in 'x' * 90000 %}{% for d in 'y' * 90000 %}{% endfor %}{% endfor %}",
])
def test_the_sandbox_budget_stops_runaway_templates(template: str) -> None:
    env = BudgetedEnvironment()
    started = time.monotonic()
    with pytest.raises(BudgetExceeded):
        env.from_string(template).render()
    assert time.monotonic() - started < 10


def test_csv_and_xlsx_cells_are_never_formulas() -> None:
    """Defect: ``=HYPERLINK(…)`` became a live formula in CSV and XLSX downloads."""
    from openpyxl import load_workbook

    rows = [["name", "value"], ['=HYPERLINK("http://x")', 1275567], ["@SUM(A1)", 82.6],
            ["-2+3", -3.5], ["\tx", None], ["+1", float("inf")]]
    text = csv_bytes(rows).decode("utf-8-sig").splitlines()
    assert text[1] == "\"'=HYPERLINK(\"\"http://x\"\")\",1275567"
    assert text[2] == "'@SUM(A1),82.6" and text[3] == "'-2+3,-3.5"
    assert text[5] == "'+1,"
    sheet = load_workbook(io.BytesIO(xlsx_bytes(rows, "t"))).active
    assert all(c.data_type != "f" for row in sheet.iter_rows() for c in row)
    assert sheet["B2"].data_type == "n" and sheet["B2"].number_format == "#,##0"
    assert sheet["A2"].value.startswith("'=")


def test_markdown_output_is_sanitized() -> None:
    """Defect: the Markdown output passed ``<script>`` and ``javascript:`` links through."""
    text = safe_markdown("<script>alert(1)</script> [x](javascript:alert(1)) "
                         "[ok](https://example.org) a<br>b <https://example.org> x < 5 "
                         "<img src=x onerror=alert(1)>")
    assert "<script" not in text and "javascript:" not in text and "<img" not in text
    assert "[ok](https://example.org)" in text and "a<br>b" in text
    assert "<https://example.org>" in text and "x < 5" in text


def test_json_never_holds_infinity_or_nan() -> None:
    """Defect: a stored +Inf made the API emit ``"value": Infinity`` (invalid JSON)."""
    text = dumps({"value": float("inf"), "list": [float("nan"), 1.5]}).decode()
    assert json.loads(text) == {"value": None, "list": [None, 1.5]}
