"""Rules written once and used by several layers agree (issue 14, item 4)."""

from __future__ import annotations

import pytest

from migprofile.model import SPECIAL_PARTNERS, Observation, Sex, Status


@pytest.mark.parametrize("text", [
    "voir [^1] et [^12]", "[^1234] n'est pas une note", "[^] ni [^a]", "[^3][^3]", "",
])
def test_profiles_print_the_footnotes_the_renderers_link(text: str) -> None:
    """The profile keeps the footnotes its texts mark and the renderers link the same marks
    (two patterns once disagreed: ``[^1234]`` was a used footnote but no link)."""
    from migprofile.profiles.frameworks import footnote_marks
    from migprofile.render.markup import footnote_numbers

    assert footnote_marks([text]) == set(footnote_numbers(text))


def _obs(partner: str, value: float) -> Observation:
    return Observation(indicator="emigrant_stock_birth", country="MAR", partner=partner,
                       period="2020", value=value, sex=Sex.TOTAL, status=Status.OBSERVED,
                       source_id="s")


def test_top_partner_skips_every_special_partner() -> None:
    """Stateless persons (STL), "other" and "unknown" rows are never a top partner."""
    from migprofile.profiles.binding import Binder

    observations = [_obs(code, 1e9) for code in SPECIAL_PARTNERS] + [_obs("FRA", 10.0)]
    assert Binder(observations, "en").top("emigrant_stock_birth").partner == "FRA"


@pytest.mark.parametrize(("value", "unit", "table", "alone"), [
    (3292599.0, "persons", "3\u202f292\u202f599", "3\u202f292\u202f599"),
    (8.08, "percent", "8,1", "8,1\u00a0%"),
    (10954.4, "usd_million", "10\u202f954", "10\u202f954"),
    (55.25, "usd_million", "55,2", "55,2"),
    (2.5, "years", "2,5", "2,5"),
])
def test_tables_cli_and_portal_print_a_value_alike(value: float, unit: str, table: str,
                                                   alone: str) -> None:
    """One rule of digits by unit: a table cell (``value_of``) and a value printed alone
    (CLI, key figures, compare) show the same number; only the percent sign differs (the
    table's column says it). Tables once printed 55 where the CLI printed 55,2."""
    from migprofile.i18n import value_text
    from migprofile.profiles.tableblocks import value_of

    cell = value_of(_obs("WLD", value), "fr", unit)
    assert cell is not None and cell.text == table
    assert value_text(value, unit, "fr") == alone
