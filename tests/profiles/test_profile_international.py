"""Profiles built from the bundled extracts show the figures the source files give: for
France, Tunisia, Egypt, Turkey and Senegal the UN DESA tables and the UNHCR series equal
what is computed directly from ../shared/data (skipped when it is absent)."""

from __future__ import annotations

import csv
from collections import defaultdict
from pathlib import Path

import pytest

from migprofile.build import build_profile, profile_readiness
from migprofile.profiles.tree import ChartBlock, ItemGroup, Profile, TableBlock
from migprofile.store import Store

COUNTRIES = {"FRA": "FR", "TUN": "TN", "EGY": "EG", "TUR": "TR", "SEN": "SN"}


def _blocks(profile: Profile) -> dict[str, TableBlock | ChartBlock]:
    return {b.id: b for s in profile.sections for b in s.blocks
            if isinstance(b, TableBlock | ChartBlock)}


@pytest.fixture(scope="module")
def undesa(shared_dir: Path) -> dict[tuple[str, str, str], float]:
    """(year, origin, destination) -> both sexes, summed from the source file."""
    totals: dict[tuple[str, str, str], float] = defaultdict(float)
    path = shared_dir / "data" / "undesa_migrant_stock" / "undesa_ims2024_bilateral_by_sex.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            if row["t"] in ("1990", "2024") and row["n"]:
                totals[(row["t"], row["from"], row["geo"])] += float(row["n"])
    return totals


@pytest.fixture(scope="module")
def unhcr(shared_dir: Path) -> dict[tuple[str, int], float]:
    """(asylum country ISO3, year) -> refugees + asylum seekers, from the source file."""
    hosted: dict[tuple[str, int], float] = defaultdict(float)
    path = shared_dir / "data" / "unhcr_refugee_statistics" / "population.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            value = sum(float(row[k]) for k in ("refugees", "asylum_seekers") if row[k])
            hosted[(row["coa_iso"], int(row["year"]))] += value
    return hosted


def _number(text: str) -> float:
    return float(text.replace(",", ""))


@pytest.mark.parametrize("iso3", sorted(COUNTRIES))
def test_emigrant_table_equals_the_source(ma_store: Store, undesa: dict[tuple[str, str, str],
                                          float], iso3: str) -> None:
    table = _blocks(build_profile(ma_store, iso3, "en"))["emigrants_undesa"]
    assert isinstance(table, TableBlock)
    names = {"Total": None}
    for row in table.body:
        label = row[0].text.removeprefix("of which ").strip()
        v1990, v2024 = row[1].value, row[3].value
        assert v1990 is not None and v2024 is not None
        if label in names:  # the total: every destination
            expected_2024 = sum(v for (y, o, _), v in undesa.items() if y == "2024" and o == iso3)
            assert v2024.number == pytest.approx(expected_2024)
            assert _number(v2024.text) == round(expected_2024)
        elif row[0].level == 1:  # a destination country
            destination = next(code for code, name in _destinations(ma_store).items()
                               if name == label)
            assert v2024.number == undesa[("2024", iso3, destination)]
            assert v1990.number == undesa.get(("1990", iso3, destination), 0.0) or \
                row[1].text == "…"


def _destinations(store: Store) -> dict[str, str]:
    return {a.code: a.names.text("en") for a in store.areas() if a.kind.value == "country"}


@pytest.mark.parametrize("iso3", sorted(COUNTRIES))
def test_refugee_series_equals_the_source(ma_store: Store, unhcr: dict[tuple[str, int], float],
                                          iso3: str) -> None:
    chart = _blocks(build_profile(ma_store, iso3, "fr")).get("refugees_series")
    assert isinstance(chart, ChartBlock)
    for point in chart.data:
        assert point["value"] == pytest.approx(unhcr[(iso3, int(point["year"]))])


def test_morocco_has_the_unhcr_refugee_chart_with_the_2001_peak(ma_store: Store) -> None:
    chart = _blocks(build_profile(ma_store, "MAR", "fr"))["refugees_series"]
    assert isinstance(chart, ChartBlock)
    by_year = {int(p["year"]): p["value"] for p in chart.data}
    assert round(by_year[2001], -1) == 2540  # the seed: "un pic en 2001 (2 540)"
    assert by_year[2001] == max(v for y, v in by_year.items() if y <= 2009)


def test_every_country_with_stocks_can_be_profiled(ma_store: Store) -> None:
    ready, skipped = profile_readiness(ma_store)
    assert len(ready) > 180
    assert {"MAR", *COUNTRIES} <= set(ready)
    # every country is either profiled or listed with a reason, never silently skipped
    countries = {a.code for a in ma_store.areas() if a.kind.value == "country"}
    assert countries <= set(ready) | set(skipped)
    assert all(reason for reason in skipped.values())
    assert "UN:830" in ready  # the Channel Islands, as UN DESA reports them
    for code in ("GGY", "JEY", "XKX"):
        assert code in skipped and "no migrant stock by partner" not in skipped[code]
    for code in ("ESH", "PSE", "TWN", "BES", "SXM", "VAT"):
        assert code in ready


def test_legal_table_from_ratifications(ma_store: Store) -> None:
    profile = build_profile(ma_store, "SEN", "en")
    legal = next(b for s in profile.sections for b in s.blocks if getattr(b, "id", "") == "legal")
    groups = {i.ref: g for row in legal.rows for cells in row.cells for g in cells
              if isinstance(g, ItemGroup) and g.key == "treaties" for i in g.items}
    items = {i.ref: i for g in groups.values() for i in g.items}
    refugees = items["refugees-1951"]
    assert refugees.status == "ratified" and (refugees.date or "").startswith("1963")
    assert refugees.as_of == "2015-03-14" and "*1951 Convention*: ratified" in refugees.text
    assert groups["refugees-1951"].title == "Status of UN treaties, as of 14 March 2015"
