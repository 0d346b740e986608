"""Generated items: the citizenship law of the newest year GLOBALCIT codes, one sentence per
variable in ``citizenship.yaml`` (migprofile's words for the codebook's categories)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from migprofile.model import Observation, Source
from migprofile.profiles.legal.common import NOT_COVERED, Generated, group
from migprofile.profiles.legal.data import LegalData
from migprofile.profiles.legal.words import pick, word, wording, years
from migprofile.profiles.tree import LegalItem

INDICATOR = "citizenship_law"
SIDES = {"immigration": 0, "emigration": 1}


def _sentence(spec: Mapping[Any, Any], variable: str, codes: Mapping[str, float],
              lang: str) -> str | None:
    """The sentence for one entry of citizenship.yaml, or None when nothing is to be said."""
    if "only_for" in spec:  # a binary variable, used only when the category is not established
        category = codes.get(str(spec["only_for"]))
        main = wording("citizenship")[spec["only_for"]]
        if category is None or int(category) in main:
            return None
    if "fallback_of" in spec and str(spec["fallback_of"]) in codes:
        return None
    value = codes.get(str(spec.get("variable", variable)))
    if value is None:
        return None
    if "number" in spec:
        return pick(spec["number"], lang).format(years=years(int(value), lang))
    entry = spec.get(int(value))
    return pick(entry, lang) if entry else None


def citizenship_items(observations: Sequence[Observation], lang: str
                      ) -> tuple[date | None, list[LegalItem], list[LegalItem]]:
    """(the 1 January of the law, immigration items, emigration items)."""
    mine = [o for o in observations if o.indicator == INDICATOR and o.value is not None]
    if not mine:
        return None, [], []
    period = max(o.period for o in mine)
    codes = {o.breakdown.get("variable", ""): float(o.value or 0) for o in mine
             if o.period == period}
    source = next(o.source_id for o in mine if o.period == period)
    sides: tuple[list[LegalItem], list[LegalItem]] = ([], [])
    for variable, spec in wording("citizenship").items():
        text = _sentence(spec, str(variable), codes, lang)
        if text is None:
            continue
        code = codes.get(str(spec.get("variable", variable)))
        sides[SIDES[str(spec["side"])]].append(LegalItem(
            text=text, source_id=source, as_of=period, ref=str(spec.get("variable", variable)),
            status=None if code is None else str(int(code))))
    return date.fromisoformat(period), sides[0], sides[1]


def add_citizenship(out: Generated, observations: Sequence[Observation], legal: LegalData,
                    lang: str, sources: Mapping[str, Source]) -> None:
    when, immigration, emigration = citizenship_items(observations, lang)
    if when is None:
        imported = legal.imported.get("globalcit", [])
        if imported:  # said once, in the first column
            item = LegalItem(text=word("missing", "citizenship", lang), source_id=imported[-1],
                             status=NOT_COVERED)
            out.add("legal", "nationality", 0, group(
                "citizenship", word("titles", "citizenship", lang, year="—"), [item],
                sources, lang))
        return
    title = word("titles", "citizenship", lang, year=when.year)
    out.add("legal", "nationality", 0, group("citizenship", title, immigration, sources, lang))
    out.add("legal", "nationality", 1, group("citizenship", title, emigration, sources, lang))
