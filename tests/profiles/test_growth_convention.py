"""Growth formula by the source's own convention (issue 8, item 5): a national source's table
is computed as CARIM did (linear), a UN DESA table as UN DESA does (exponential), an explicit
choice applies to every rate, and each table and sentence names the formula it used.

Defects these catch: a policy that ignores the sources (every table linear, or exponential
also for the consular table whose seed rate 8.1 % is linear); an explicit ``--growth`` that
does not reach the UN DESA tables or the narratives; a closing note naming one formula while
the profile printed two."""

from __future__ import annotations

import pytest

from migprofile.build import build_profile
from migprofile.indicators.growth import GrowthMethod
from migprofile.profiles.invariants import walk
from migprofile.profiles.tree import Profile, TableBlock
from migprofile.store import Store


def rate_formulas(profile: Profile) -> dict[str, set[str]]:
    """table id -> formulas of its growth cells."""
    found: dict[str, set[str]] = {}
    for section in profile.sections:
        for block in walk(section.blocks):
            if isinstance(block, TableBlock):
                found[block.id] = {c.value.formula or "" for row in block.body for c in row
                                   if c.value is not None and c.value.kind == "rate"}
    return found


def narrative_formulas(profile: Profile) -> set[str]:
    return {v.formula or "" for s in profile.sections for b in walk(s.blocks)
            for v in getattr(b, "figures", ()) if v.kind == "rate"}


def test_by_default_each_table_follows_its_source(ma_store: Store) -> None:
    profile = build_profile(ma_store, "MAR", "fr")
    tables = rate_formulas(profile)
    assert tables["emigrant_stock_by_residence"] == {"linear"}  # consular, as in the seed
    assert tables["emigrants_undesa"] == {"exponential"}
    assert tables["immigrants_undesa"] == {"exponential"}
    assert profile.growth_method == "source"
    # the closing note names both formulas, since both were printed
    assert "ln(v1 / v0) / t × 100" in profile.method_note
    assert "(v1 − v0) / v0 / t × 100" in profile.method_note


def test_the_seed_rate_stays_linear_and_the_un_desa_rate_is_exponential(ma_store: Store
                                                                         ) -> None:
    profile = build_profile(ma_store, "MAR", "fr")
    table = next(b for s in profile.sections for b in walk(s.blocks)
                 if isinstance(b, TableBlock) and b.id == "emigrant_stock_by_residence")
    total = [c.value for row in table.body for c in row
             if c.value is not None and c.value.kind == "rate"][-1]
    assert total.text.startswith("8,1")  # 1 545 036 → 3 292 599 over 1993–2007, linear
    assert any("linéaire" in n for n in table.notes)


@pytest.mark.parametrize("choice", [GrowthMethod.LINEAR, GrowthMethod.EXPONENTIAL])
def test_an_explicit_choice_applies_to_every_rate(ma_store: Store, choice: GrowthMethod
                                                  ) -> None:
    profile = build_profile(ma_store, "MAR", "en", choice)
    tables = rate_formulas(profile)
    assert {f for formulas in tables.values() for f in formulas} == {choice.value}
    assert narrative_formulas(profile) <= {choice.value}
    assert profile.growth_method == choice.value
    other = GrowthMethod.LINEAR if choice is GrowthMethod.EXPONENTIAL else \
        GrowthMethod.EXPONENTIAL
    assert other.value not in profile.method_note


def test_a_country_without_package_reads_un_desa_as_un_desa(ma_store: Store) -> None:
    profile = build_profile(ma_store, "SEN", "ar")
    assert {f for formulas in rate_formulas(profile).values() for f in formulas} == \
        {"exponential"}
    assert narrative_formulas(profile) <= {"exponential"}
    assert "ln(v1 / v0)" in profile.method_note and "v1 − v0" not in profile.method_note
