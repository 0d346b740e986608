"""Growth rates and spans, checked against CARIM's Morocco profile (1993 → 2007)."""

from __future__ import annotations

import math

import pytest

from migprofile.errors import MigprofileError
from migprofile.indicators import (
    GrowthMethod,
    Rate,
    UndefinedRate,
    average_annual_growth,
    exponential_growth,
    linear_growth,
    round_half_up,
    years_between,
)

SPAN = ("1993-01-01", "2007-01-01")


@pytest.mark.parametrize(
    ("name", "v0", "v1", "published"),
    [
        ("Total", 1_545_036, 3_292_599, 8.1),
        ("Europe", 1_275_567, 2_837_654, 8.7),
        ("Espagne", 65_847, 547_000, 52.2),
        ("France", 678_917, 1_131_000, 4.8),
    ],
)
def test_carim_morocco_stock_growth(name: str, v0: float, v1: float, published: float) -> None:
    rate = linear_growth(v0, v1, years_between(*SPAN))
    assert round_half_up(rate, 1) == published, name


def test_total_growth_unrounded() -> None:
    assert linear_growth(1_545_036, 3_292_599, 14) == pytest.approx(8.07916, abs=1e-5)


def test_spain_flows_1998_2007() -> None:
    assert years_between("1998", "2007") == 9.0
    assert round_half_up(linear_growth(10_600, 71_400, 9), 1) == 63.7


def test_exponential_growth() -> None:
    expected = math.log(3_292_599 / 1_545_036) / 14 * 100
    assert exponential_growth(1_545_036, 3_292_599, 14) == pytest.approx(expected, rel=1e-12)
    assert round_half_up(exponential_growth(1_545_036, 3_292_599, 14), 1) == 5.4


def test_average_annual_growth_returns_rate() -> None:
    rate = average_annual_growth(1_545_036, 3_292_599, 14, GrowthMethod.LINEAR)
    value = linear_growth(1_545_036, 3_292_599, 14)
    assert rate == Rate(value, GrowthMethod.LINEAR, 1_545_036, 3_292_599, 14)
    assert rate.formula == "(v1 − v0) / v0 / t × 100"
    exp = average_annual_growth(1_545_036, 3_292_599, 14, method=GrowthMethod.EXPONENTIAL)
    assert exp.method is GrowthMethod.EXPONENTIAL
    assert exp.formula == "ln(v1 / v0) / t × 100"
    assert exp.value == exponential_growth(1_545_036, 3_292_599, 14)


def test_method_given_as_text() -> None:
    assert average_annual_growth(1, 2, 1, "exponential").method is GrowthMethod.EXPONENTIAL
    with pytest.raises(ValueError, match="not a valid GrowthMethod"):
        average_annual_growth(1, 2, 1, "geometric")


def test_rate_is_frozen() -> None:
    rate = average_annual_growth(1, 2, 1)
    with pytest.raises(AttributeError):
        rate.value = 3.0  # type: ignore[misc]


@pytest.mark.parametrize(
    ("v0", "v1", "years", "words"),
    [
        (0, 10, 5, "v0 is 0"),
        (10, 20, 0, "span must be positive"),
        (10, 20, -2, "span must be positive"),
        (math.nan, 20, 2, "finite"),
        (10, math.inf, 2, "finite"),
    ],
)
def test_undefined_rates(v0: float, v1: float, years: float, words: str) -> None:
    for compute in (linear_growth, exponential_growth):
        with pytest.raises(UndefinedRate, match=words):
            compute(v0, v1, years)


@pytest.mark.parametrize(("v0", "v1"), [(-5, 10), (10, 0), (10, -3)])
def test_exponential_needs_positive_values(v0: float, v1: float) -> None:
    with pytest.raises(UndefinedRate, match="positive"):
        exponential_growth(v0, v1, 3)


def test_linear_growth_to_zero_is_minus_100_over_span() -> None:
    assert linear_growth(10, 0, 4) == -25.0


def test_undefined_rate_is_a_value_error_and_a_migprofile_error() -> None:
    assert issubclass(UndefinedRate, ValueError)
    assert issubclass(UndefinedRate, MigprofileError)


def test_average_annual_growth_strict_and_lenient() -> None:
    with pytest.raises(UndefinedRate):
        average_annual_growth(0, 10, 5)
    rate = average_annual_growth(0, 10, 5, strict=False)
    assert rate.value is None
    assert (rate.start, rate.end, rate.years) == (0, 10, 5)
    lenient = average_annual_growth(10, 0, 5, GrowthMethod.EXPONENTIAL, strict=False)
    assert lenient.value is None


@pytest.mark.parametrize(
    ("p0", "p1", "years"),
    [
        ("1993-01-01", "2007-01-01", 14.0),
        ("2007-01-01", "1993-01-01", -14.0),
        ("1998", "2007", 9.0),
        ("2007", "2007", 0.0),
        ("2000-02-29", "2004-02-29", 4.0),
        ("2000-01-01", "2000-07-02", 183 / 365.25),
        ("2004-12-31", "2005-01-01", 1 / 365.25),
        # a span counts as its last year, as everywhere else (model.Period): decades of
        # flows once crashed the growth column while the store accepted them
        ("2000/2009", "2010/2019", 10.0),
        ("2000/2009", "2015", 6.0),
    ],
)
def test_years_between(p0: str, p1: str, years: float) -> None:
    assert years_between(p0, p1) == years


@pytest.mark.parametrize(
    ("p0", "p1", "words"),
    [
        ("1998", "2007-01-01", "mix a year and a date"),
        ("98", "2007", "not YYYY, YYYY-MM-DD or YYYY/YYYY"),
        ("2009/2000", "2010", "ends before it starts"),
        ("2000/2009", "2010-01-01", "mix a year and a date"),
        ("2007-02-30", "2008-01-01", "not a valid date"),
    ],
)
def test_years_between_rejects(p0: str, p1: str, words: str) -> None:
    with pytest.raises(ValueError, match=words):
        years_between(p0, p1)


# -- growth policy: an explicit formula, or each source's convention ------------------------

def test_policy_follows_the_sources_convention_unless_a_formula_is_chosen() -> None:
    from migprofile.indicators.growth import GrowthPolicy

    policy = GrowthPolicy.of("source", {"undesa-ims-2024": "exponential", "consular": None})
    assert policy.method(["undesa-ims-2024"]) is GrowthMethod.EXPONENTIAL
    assert policy.method(["consular"]) is GrowthMethod.LINEAR
    assert policy.method(["unknown"]) is GrowthMethod.LINEAR  # states none: CARIM's
    # sources that disagree: the reference formula, never a mix inside one rate
    assert policy.method(["undesa-ims-2024", "consular"]) is GrowthMethod.LINEAR
    assert policy.label == "source"
    chosen = GrowthPolicy.of("linear", {"undesa-ims-2024": "exponential"})
    assert chosen.method(["undesa-ims-2024"]) is GrowthMethod.LINEAR
    assert chosen.label == "linear"


def test_growth_choice_names_the_choices() -> None:
    from migprofile.indicators.growth import growth_choice

    assert growth_choice(None) is None and growth_choice("source") is None
    assert growth_choice("exponential") is GrowthMethod.EXPONENTIAL
    with pytest.raises(ValueError, match="source, linear, exponential"):
        growth_choice("geometric")


@pytest.mark.parametrize(("text", "start", "end", "year"), [
    ("2000", 2000, 2000, 2000), ("2000/2009", 2000, 2009, 2009), ("2019-07-01", 2019, 2019, 2019),
])
def test_one_period_type_reads_every_form(text: str, start: int, end: int, year: int) -> None:
    from migprofile.model import Period, period_year

    parsed = Period.parse(text)
    assert (parsed.start, parsed.end, parsed.year) == (start, end, year)
    assert period_year(text) == year
