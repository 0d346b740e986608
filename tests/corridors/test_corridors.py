"""Corridor profiles: the seed's Morocco–Spain figures beside UN DESA and KNOMAD, the
agreements and visas both ways, figures equal to the source files, the bound narrative,
the CLI, the API and the page."""

from __future__ import annotations

import csv
import dataclasses
import gzip
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from migprofile.profiles.corridors import corridor_profile, load_corridor
from migprofile.profiles.corridors.series import directed_series
from migprofile.profiles.tree import FrameworkTable, ItemGroup, Profile, TableBlock
from migprofile.render import render
from migprofile.store import Store

EXTRACTS = Path(__file__).resolve().parents[2] / "data" / "extracts"


def _tables(profile: Profile) -> dict[str, TableBlock]:
    return {b.id: b for s in profile.sections for b in s.blocks if isinstance(b, TableBlock)}


def _rows(table: TableBlock) -> list[tuple[str, str, float | None, str]]:
    """(direction, year, value, source id) of every body row."""
    return [(r[0].text, r[1].text, r[2].value.number if r[2].value else None,
             (r[2].value.source_id or "") if r[2].value else "") for r in table.body]


def _groups(profile: Profile) -> dict[str, list[ItemGroup]]:
    out: dict[str, list[ItemGroup]] = {}
    for s in profile.sections:
        for b in s.blocks:
            if isinstance(b, FrameworkTable):
                for row in b.rows:
                    for cell in row.cells:
                        for part in cell:
                            if isinstance(part, ItemGroup):
                                out.setdefault(part.key, []).append(part)
    return out


@pytest.fixture(scope="module")
def ma_es(ma_store: Store) -> Profile:
    return corridor_profile(load_corridor(ma_store, "MAR", "ESP"), "en")


def test_morocco_spain_seed_figures_beside_undesa_and_knomad(ma_es: Profile) -> None:
    tables = _tables(ma_es)
    stocks = _rows(tables["corridor-stocks"])
    consular = [(y, v) for d, y, v, src in stocks
                if d == "From Morocco to Spain" and src == "ma-consulates"]
    assert ("1993", 65847.0) in consular and ("2007", 547000.0) in consular
    undesa = {(d, y): v for d, y, v, src in stocks if src.startswith("undesa")}
    assert undesa[("From Morocco to Spain", "2024")] == 1088408.0
    assert undesa[("From Spain to Morocco", "2024")] == 4797.0
    money = _rows(tables["corridor-remittances"])
    package = {(y, v) for d, y, v, src in money if src == "ma-interior"}
    assert package == {("2007", 1099.0), ("2008", 1034.0)}
    knomad = {(d, round(v or 0, 1)) for d, y, v, src in money if src.startswith("knomad")}
    assert knomad == {("Sent from Spain to Morocco", 2494.5),
                      ("Sent from Morocco to Spain", 25.2)}  # each direction once
    # every series names its basis (consular registrations vs country of birth)
    bases = {r[4].text for r in tables["corridor-stocks"].body}
    assert {"consular or administrative registrations", "country of birth"} <= bases
    assert any("linear formula (v1 − v0) / v0 / t" in n for n in tables["corridor-stocks"].notes)
    assert any("ranks 1 of" in n for n in tables["corridor-stocks"].notes)


def test_morocco_spain_agreements_and_visas_both_ways(ma_es: Profile) -> None:
    groups = _groups(ma_es)
    agreements = [i for g in groups["agreements"] for i in g.items]
    dates = {i.date for i in agreements}
    assert "2001-07-25" in dates  # the labour agreement (BLA data, both sides)
    readmission = [i for i in agreements if i.ref == "ma-readmission-esp"]
    assert readmission and "Spain" in readmission[0].text
    assert readmission[0].text.endswith("(1992, 2003)")  # the package's years, printed
    texts = " ".join(i.text for i in agreements)
    assert "readmission" in texts.lower()
    visa = groups["visa"]
    assert len(visa) == 2  # Morocco's rule for Spaniards, Spain's for Moroccans
    assert all({i.as_of for i in g.items} == {"2020-02-07", "2025-01-12"} for g in visa)
    assert groups["treaties"]


def test_package_readmission_years_1992_2003(ma_store: Store) -> None:
    data = load_corridor(ma_store, "MAR", "ESP")
    found = next(i for i in data.instruments if i.id == "ma-readmission-esp")
    assert found.years == (1992, 2003)


def _undesa(dest: str, origin: str, year: str) -> float:
    with gzip.open(EXTRACTS / "undesa_ims2024_bilateral_by_sex.csv.gz", "rt") as f:
        rows = [r for r in csv.DictReader(f) if r["t"] == year and r["geo"] == dest
                and r["from"] == origin]
    return sum(float(r["n"]) for r in rows if r["sex"] in ("female", "male"))


@pytest.mark.parametrize(("a", "b"), [("MEX", "USA"), ("SYR", "DEU")])
def test_stocks_equal_the_source_file(ma_store: Store, a: str, b: str) -> None:
    profile = corridor_profile(load_corridor(ma_store, a, b), "en")
    stocks = {(d, y): v for d, y, v, src in _rows(_tables(profile)["corridor-stocks"])
              if src.startswith("undesa")}
    names = {"MEX": "Mexico", "USA": "United States", "SYR": "Syria", "DEU": "Germany"}
    key = next(k for k in stocks if k[1] == "2024" and k[0].startswith(f"From {names[a]}"[:9]))
    assert stocks[key] == _undesa(b, a, "2024")


def test_figures_equal_the_shared_source_files(ma_store: Store, shared_dir: Path) -> None:
    with (shared_dir / "data/knomad_bilateral/bilateral_remittance_matrix_2021_long.csv"
          ).open(encoding="utf-8") as f:
        knomad = {(r["sending_country"], r["receiving_country"]): float(
            r["remittances_musd_2021"]) for r in csv.DictReader(f)}
    mx = corridor_profile(load_corridor(ma_store, "MEX", "USA"), "en")
    money = {d: v for d, y, v, src in _rows(_tables(mx)["corridor-remittances"])}
    assert money["Sent from United States to Mexico"] == pytest.approx(
        knomad[("United States", "Mexico")])
    assert money["Sent from Mexico to United States"] == pytest.approx(
        knomad[("Mexico", "United States")])
    sy = corridor_profile(load_corridor(ma_store, "SYR", "DEU"), "en")
    refugees = [(y, v) for d, y, v, src in _rows(_tables(sy)["corridor-refugees"])
                if d == "Refugees — From Syria to Germany"]
    with (shared_dir / "data/unhcr_refugee_statistics/population.csv").open(
            encoding="utf-8") as f:
        unhcr = {r["year"]: float(r["refugees"]) for r in csv.DictReader(f)
                 if r["coo_iso"] == "SYR" and r["coa_iso"] == "DEU"}
    assert len(refugees) >= 5
    for year, value in refugees:  # the printed years, 2015 (115,604) to the newest
        assert value == unhcr[year], year


def test_narrative_follows_a_changed_value(ma_store: Store) -> None:
    data = load_corridor(ma_store, "MAR", "ESP")
    before = corridor_profile(data, "fr").sections[0].blocks[0]
    changed = [dataclasses.replace(o, value=2_000_000.0)
               if o.indicator == "emigrant_stock_birth" and o.country == "MAR"
               and o.period == "2024" and o.sex.value == "total" else o
               for o in data.observations]
    after = corridor_profile(dataclasses.replace(data, observations=changed), "fr"
                             ).sections[0].blocks[0]
    assert "1 088 408 personnes nées au Maroc vivaient en Espagne" in before.text  # type: ignore[union-attr]
    assert "2 000 000 personnes nées au Maroc" in after.text  # type: ignore[union-attr]
    # without remittances the remittance sentence goes, and only it
    no_money = [o for o in data.observations if not o.indicator.startswith("remittance")]
    text = corridor_profile(dataclasses.replace(data, observations=no_money), "fr"
                            ).sections[0].blocks[0].text  # type: ignore[union-attr]
    assert "envois de fonds" not in text and "vivaient en Espagne" in text


def test_narrative_in_every_language_stays_in_it(ma_store: Store) -> None:
    data = load_corridor(ma_store, "MAR", "ESP")
    ar = corridor_profile(data, "ar")
    assert ar.direction == "rtl"
    paragraph = ar.sections[0].blocks[0].text  # type: ignore[union-attr]
    assert "المغرب" in paragraph and "Morocco" not in paragraph and "Maroc" not in paragraph
    assert [s.title for s in ar.sections][:2] == ["لمحة عامة", "الإحصاءات"]  # no English leak


def test_directed_series_keep_a_repeated_series_once(ma_store: Store) -> None:
    series = directed_series(load_corridor(ma_store, "MAR", "ESP").observations)
    keys = [(s.theme, s.origin, s.destination, s.source_id,
             tuple(p.value for p in s.points)) for s in series]
    assert len(keys) == len(set(keys))


def test_renders_in_every_format(ma_es: Profile) -> None:
    assert "65,847" in str(render(ma_es, "md"))
    assert json.loads(str(render(ma_es, "json")))["country"] == "MAR-ESP"
    assert "547,000" in str(render(ma_es, "html"))


def test_cli_build_corridor(ma_store: Store, tmp_path: Path,
                            monkeypatch: pytest.MonkeyPatch) -> None:
    from migprofile.cli import app

    url = str(ma_store.engine.url)
    result = CliRunner().invoke(app, ["build-corridor", "MA", "ES", "--lang", "fr,ar",
                                      "--format", "md,json", "--out", str(tmp_path),
                                      "--db", url])
    assert result.exit_code == 0, result.output
    md = (tmp_path / "corridor-MAR-ESP-fr.md").read_text(encoding="utf-8")
    assert "65\u202f847" in md and "547\u202f000" in md
    assert (tmp_path / "corridor-MAR-ESP-ar.json").is_file()


def test_visa_change_across_snapshots_in_the_table_and_the_text(ma_store: Store) -> None:
    sy = corridor_profile(load_corridor(ma_store, "SYR", "DEU"), "en")
    syria, germany = _groups(sy)["visa"]
    assert syria.items[-1].text == ("Changed between 7 February 2020 and 12 January 2025: "
                                    "visa required, then e-visa")
    assert germany.items[-1].text == ("Unchanged from 7 February 2020 to 12 January 2025: "
                                      "visa required")
    text = " ".join(b.text for b in sy.sections[0].blocks)  # type: ignore[union-attr]
    assert "entry to Syria for nationals of Germany was “e-visa” on January 12, 2025, " \
        "against “visa required” on February 7, 2020" in text
    fr = corridor_profile(load_corridor(ma_store, "MAR", "ESP"), "fr")
    words = " ".join(b.text for b in fr.sections[0].blocks)  # type: ignore[union-attr]
    assert "l'entrée en Espagne des ressortissants du Maroc relevait à la même date du " \
        "régime « visa requis », comme au 7 février 2020" in words.replace("L'entrée", "l'entrée")
    ar = corridor_profile(load_corridor(ma_store, "SYR", "DEU"), "ar")
    assert "«تأشيرة إلكترونية»، مقابل «تأشيرة مطلوبة»" in " ".join(
        b.text for b in ar.sections[0].blocks)  # type: ignore[union-attr]


def test_visa_sentence_follows_a_changed_snapshot(ma_store: Store) -> None:
    data = load_corridor(ma_store, "MAR", "ESP")
    changed = [dataclasses.replace(o, value=5.0) if o.indicator == "visa_requirement"
               and o.country == "MAR" and o.period == "2025-01-12" else o
               for o in data.observations]
    text = " ".join(b.text for b in corridor_profile(  # type: ignore[union-attr]
        dataclasses.replace(data, observations=changed), "en").sections[0].blocks)
    assert "was “visa required” on January 12, 2025, against “visa-free” on February 7, " \
        "2020" in text


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_no_english_publisher_in_a_french_or_arabic_corridor(ma_store: Store, lang: str
                                                             ) -> None:
    """Tables, rank notes and the source list cite each source in the corridor's language (a
    corridor that printed "United Nations, Department of Economic…" in Arabic fails)."""
    from migprofile.profiles.invariants import LEAKS

    profile = corridor_profile(load_corridor(ma_store, "MAR", "ESP"), lang)
    text = str(render(profile, "md"))
    assert "Department of Economic" not in text
    assert not LEAKS[lang].search(text.replace("](http", "")), LEAKS[lang].search(text)
