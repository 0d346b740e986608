"""Every profiled country × language, assembled once, checked for what makes a profile true
(``migprofile.profiles.invariants``): one period per paragraph or each named, no dangling
"at the same date", no placeholder zeros, no empty parentheses, no "top" partner or "other
countries" row of zeros, no bare rate from a tiny base, no text of another language, names
with their articles, a cover that lists exactly the sections."""

from __future__ import annotations

from collections import defaultdict

import pytest

from migprofile.build import profile_readiness
from migprofile.model.languages import LANGUAGES
from migprofile.profiles.assemble import assemble_profile
from migprofile.profiles.data import load_country_data
from migprofile.profiles.invariants import INVARIANTS, Problem, check_profile
from migprofile.store import Store

LANGS = LANGUAGES


@pytest.fixture(scope="module")
def problems(ma_store: Store) -> dict[str, list[str]]:
    """invariant -> "COUNTRY-lang: detail" over every profile."""
    found: dict[str, list[str]] = defaultdict(list)
    countries = profile_readiness(ma_store)[0]
    assert len(countries) > 180
    for country in countries:
        data = load_country_data(ma_store, country)
        for lang in LANGS:
            profile = assemble_profile(data, lang)
            problem: Problem
            for problem in check_profile(profile, data.areas):
                found[problem.invariant].append(f"{country}-{lang}: {problem.detail}")
    return found


@pytest.mark.parametrize("invariant", INVARIANTS)
def test_sweep_invariant_holds_everywhere(problems: dict[str, list[str]],
                                         invariant: str) -> None:
    bad = problems.get(invariant, [])
    assert not bad, f"{len(bad)} profile(s) break {invariant}: " + " | ".join(bad[:5])
