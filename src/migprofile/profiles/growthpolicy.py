"""The growth policy of one profile: the formula chosen, or each source's own convention
(``Source.growth_convention``), and the closing note that says which formulas were used."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from migprofile.i18n import N_, gettext
from migprofile.indicators.growth import (
    REFERENCE_METHOD,
    GrowthMethod,
    GrowthPolicy,
    formula_text,
)
from migprofile.model import Source

ONE_FORMULA = N_("Average annual growth rates use the {method} formula {formula}, where t is the "
               "number of years between the two dates. Shares, variations and totals are "
               "computed from the stored figures.")
BY_CONVENTION = N_("Average annual growth rates follow each source's own convention: the "
                 "{linear_name} formula {linear} (CARIM's) where a source states none, the "
                 "{exponential_name} formula {exponential} for the sources that compute their "
                 "own rates with it; each table and sentence names its formula, and t is the "
                 "number of years between the two dates. Shares, variations and totals are "
                 "computed from the stored figures.")


def policy_for(choice: GrowthMethod | None, sources: Mapping[str, Source]) -> GrowthPolicy:
    """``choice`` for every rate, or (``None``) the convention each source states."""
    return GrowthPolicy.of(choice, {sid: s.growth_convention for sid, s in sources.items()})


def table_method(policy: GrowthPolicy, spec: Mapping[str, Any],
                 source_ids: Iterable[str]) -> GrowthMethod:
    """A table's formula: the one chosen, else the one its layout declares (a package table
    computed as its publication did), else its sources' convention."""
    if policy.choice is not None:
        return policy.choice
    declared = spec.get("growth_method")
    return GrowthMethod(str(declared)) if declared else policy.method(source_ids)


def method_note(lang: str, policy: GrowthPolicy, used: Iterable[GrowthMethod]) -> str:
    """The sources-and-methods sentence: the one formula of the profile, or both with the rule
    that chose between them when the profile printed rates of both."""
    found = set(used)
    if policy.choice is None and len(found) > 1:
        return gettext(lang, BY_CONVENTION).format(
            linear_name=gettext(lang, GrowthMethod.LINEAR.value),
            linear=formula_text(GrowthMethod.LINEAR),
            exponential_name=gettext(lang, GrowthMethod.EXPONENTIAL.value),
            exponential=formula_text(GrowthMethod.EXPONENTIAL))
    method = policy.choice or (found.pop() if found else REFERENCE_METHOD)
    return gettext(lang, ONE_FORMULA).format(method=gettext(lang, method.value),
                                             formula=formula_text(method))
