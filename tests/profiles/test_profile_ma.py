"""The Morocco profile reproduces every figure of the seed, in French, from the database."""

from __future__ import annotations

import csv
import html as html_lib
import re
from pathlib import Path

import pytest

from migprofile.build import build_profile
from migprofile.core import load_package
from migprofile.errors import BindingError
from migprofile.i18n import format_number
from migprofile.indicators.growth import GrowthMethod
from migprofile.profiles.tree import FrameworkTable, Paragraph, Profile, SideBySide, TableBlock
from migprofile.render import render
from migprofile.store import Store

SEED = Path(__file__).resolve().parents[1] / "data" / "seed"


def _plain(markup: str) -> str:
    text = html_lib.unescape(re.sub(r"<[^>]+>", " ", markup))
    return re.sub(r"[\s\u00a0\u202f]+", " ", text)


def _space(text: str) -> str:
    return re.sub(r"[\s\u00a0\u202f]+", " ", text)


@pytest.fixture(scope="module")
def fr_profile(ma_store: Store) -> Profile:
    return build_profile(ma_store, "MAR", "fr")


@pytest.fixture(scope="module")
def fr_html(fr_profile: Profile) -> str:
    return _plain(str(render(fr_profile, "html")))


def seed_table_numbers() -> list[str]:
    numbers = []
    for line in (SEED / "ma-seed-tables.tsv").read_text(encoding="utf-8").splitlines():
        for cell in line.split("\t")[1:]:
            cell = re.sub(r"</?b>", "", cell).strip()
            if re.fullmatch(r"(19|20)\d\d", cell):
                numbers.append(cell)  # a year in a header
            elif re.fullmatch(r"-?[\d,]+(\.\d)?", cell):
                value = float(cell.replace(",", ""))
                digits = 0 if "." not in cell and value > 100 else 1
                numbers.append(_space(format_number(value, "fr", digits)))
    return numbers


def prose_figures() -> list[str]:
    lines = (SEED / "ma-prose-figures.txt").read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def test_every_table_number_is_in_the_french_html(fr_html: str) -> None:
    missing = [n for n in seed_table_numbers() if n not in fr_html]
    assert not missing


def test_every_prose_figure_is_in_the_french_html(fr_html: str) -> None:
    missing = [f for f in prose_figures() if _space(f) not in fr_html]
    assert not missing


def test_three_frameworks_with_all_rows_and_footnotes(fr_profile: Profile) -> None:
    assert [s.id for s in fr_profile.sections] == [
        "demographic_economic", "legal", "socio_political"]
    frameworks = [b for s in fr_profile.sections for b in s.blocks
                  if isinstance(b, FrameworkTable)]
    assert [f.id for f in frameworks] == ["legal", "socio_political"]
    legal_rows = {r.key.split("-")[0] for r in frameworks[0].rows}
    assert legal_rows == {"general_references", "entry_exit", "irregular_migration",
                          "rights_residence", "labour_migration", "nationality", "refugees"}
    assert len({r.key.rsplit("-", 1)[0] for r in frameworks[1].rows}) == 5
    numbers = {n.number for f in frameworks for n in f.footnotes}
    numbers |= {n.number for s in fr_profile.sections for n in s.footnotes}
    assert numbers == set(range(1, 9))


def test_tables_name_their_source_and_formula(fr_profile: Profile) -> None:
    tables = {b.id: b for s in fr_profile.sections for b in s.blocks
              if isinstance(b, TableBlock)}
    stock = tables["emigrant_stock_by_residence"]
    assert stock.source.citations == ("Consulats du Maroc",)
    assert any("(v1 − v0) / v0 / t" in note for note in stock.notes)
    assert "linéaire" in fr_profile.method_note


def test_every_narrative_figure_has_a_source(fr_profile: Profile) -> None:
    blocks = [b for s in fr_profile.sections for b in s.blocks]
    blocks += [x for b in blocks if isinstance(b, SideBySide) for col in b.columns for x in col]
    paragraphs = [b for b in blocks if isinstance(b, Paragraph)]
    figures = [f for p in paragraphs for f in p.figures]
    assert len(figures) > 40
    assert all(f.source_id for f in figures)


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_other_languages_build(ma_store: Store, lang: str) -> None:
    profile = build_profile(ma_store, "MAR", lang)
    page = str(render(profile, "html"))
    if lang == "ar":
        assert 'dir="rtl"' in page and 'lang="ar"' in page
        assert "المغرب" in page
    else:
        assert "Moroccans residing abroad" in page and "3,292,599" in page


def test_exponential_growth_is_named(ma_store: Store) -> None:
    profile = build_profile(ma_store, "MAR", "en", GrowthMethod.EXPONENTIAL)
    assert "exponential" in profile.method_note
    table = next(b for s in profile.sections for b in s.blocks
                 if isinstance(b, TableBlock) and b.id == "emigrant_stock_by_residence")
    total_growth = table.body[-1][-1].value
    assert total_growth is not None and total_growth.formula == "exponential"
    assert total_growth.text == "5.4"  # ln(3,292,599 / 1,545,036) / 14 × 100


def _set_value(package: Path, indicator: str, partner: str, period: str, value: str) -> None:
    path = package / "observations.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(fh)
        fields, rows = list(reader.fieldnames or []), list(reader)
    for row in rows:
        if (row["indicator"], row["partner"], row["period"]) == (indicator, partner, period):
            row["value"] = value
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fields)
        writer.writeheader()
        writer.writerows(rows)


def test_a_changed_observation_changes_table_column_and_sentence(
        store: Store, ma_package_copy: Path) -> None:
    # Spain 2007: 547,000 -> 647,000 (and Europe and the total by the same amount)
    _set_value(ma_package_copy, "emigrant_stock", "ESP", "2007-01-01", "647000")
    _set_value(ma_package_copy, "emigrant_stock", "MA:europe", "2007-01-01", "2937654")
    _set_value(ma_package_copy, "emigrant_stock", "WLD", "2007-01-01", "3392599")
    published = ma_package_copy / "published.csv"
    published.write_text("table,row,column,value\n", encoding="utf-8")
    load_package(store, ma_package_copy)
    text = _plain(str(render(build_profile(store, "MAR", "fr"), "html")))
    assert "647 000" in text  # the table
    assert "63,0" in text  # Spain's growth: (647000 - 65847) / 65847 / 14
    assert "3,4 millions" in text  # the narrative's 2007 stock
    assert "8,5 %" in text  # the narrative's growth of the total, (3392599 / 1545036 - 1) / 14


def test_a_figure_without_data_stops_the_build(store: Store, ma_package_copy: Path) -> None:
    path = ma_package_copy / "observations.csv"
    lines = [line for line in path.read_text(encoding="utf-8").splitlines()
             if not line.startswith("transit_survey_mean_age,")]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    load_package(store, ma_package_copy)
    with pytest.raises(BindingError, match="transit_survey_mean_age"):
        build_profile(store, "MAR", "fr")


@pytest.mark.slow
def test_arabic_pdf_has_joined_arabic_text(ma_store: Store, tmp_path: Path) -> None:
    import shutil
    import subprocess

    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    pdf = tmp_path / "MA-ar.pdf"
    pdf.write_bytes(bytes(render(build_profile(ma_store, "MAR", "ar"), "pdf")))
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    # logical-order Arabic words as extracted: the shaping and joining survived
    for word in ("المغرب", "الإطار القانوني للهجرة", "اللاجئين"):
        assert word in text, word
