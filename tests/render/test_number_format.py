"""Numbers as each language writes them; a rate that rounds to zero has no sign (a table that
printed "-0,0" for a growth of −0.04 %/yr fails)."""

from __future__ import annotations

import pytest

from migprofile.i18n import format_number, format_percent


@pytest.mark.parametrize(("value", "digits", "lang", "expected"), [
    (-0.04, 1, "fr", "0,0"), (-0.0, 1, "en", "0.0"), (-0.4, 0, "en", "0"),
    (-0.06, 1, "fr", "-0,1"), (8.08, 1, "fr", "8,1"), (3292599, 0, "en", "3,292,599")])
def test_format_number(value: float, digits: int, lang: str, expected: str) -> None:
    assert format_number(value, lang, digits) == expected


def test_a_percent_that_rounds_to_zero_has_no_sign() -> None:
    assert "-" not in format_percent(-0.01, "fr", 1)
    assert format_percent(-0.01, "en", 1) == "0.0%"
