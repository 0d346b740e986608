"""Properties of growth rates, shares, rounding and spans, checked with hypothesis."""

from __future__ import annotations

import math
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from migprofile.indicators import (
    exponential_growth,
    linear_growth,
    published_equal,
    round_half_up,
    share,
    shares,
    variation,
    years_between,
)

properties = settings(deadline=None)

# Counts and amounts as they occur in migration tables: no NaN, no infinities, no denormals.
values = st.floats(min_value=1e-3, max_value=1e12, allow_nan=False, allow_infinity=False)
spans = st.floats(min_value=0.1, max_value=200, allow_nan=False, allow_infinity=False)
counts = st.just(0.0) | values
digits = st.integers(min_value=0, max_value=4)
dates = st.dates(min_value=date(1901, 1, 1), max_value=date(2099, 12, 31))
years = st.integers(min_value=1800, max_value=2200)


def _sign(x: float) -> int:
    return (x > 0) - (x < 0)


# --- growth ------------------------------------------------------------------------------


@properties
@given(values, spans)
def test_no_change_is_zero_growth(v0: float, t: float) -> None:
    assert linear_growth(v0, v0, t) == 0
    assert exponential_growth(v0, v0, t) == 0


@properties
@given(values, values, spans)
def test_sign_of_growth_is_sign_of_change(v0: float, v1: float, t: float) -> None:
    assert _sign(linear_growth(v0, v1, t)) == _sign(v1 - v0)
    assert _sign(exponential_growth(v0, v1, t)) == _sign(v1 - v0)


@properties
@given(values, values, values, spans, spans)
def test_exponential_rates_add_over_consecutive_spans(
    a: float, b: float, c: float, t_ab: float, t_bc: float
) -> None:
    t_ac = t_ab + t_bc
    whole = exponential_growth(a, c, t_ac) * t_ac
    pieces = exponential_growth(a, b, t_ab) * t_ab + exponential_growth(b, c, t_bc) * t_bc
    assert math.isclose(whole, pieces, rel_tol=1e-9, abs_tol=1e-9)


@properties
@given(values, values, spans)
def test_linear_is_never_below_exponential(v0: float, v1: float, t: float) -> None:
    # x − 1 ≥ ln x for every x > 0 (equality at x = 1), so this holds for falls as well as rises.
    linear, exponential = linear_growth(v0, v1, t), exponential_growth(v0, v1, t)
    assert linear >= exponential - 1e-9 * max(1.0, abs(linear))


@properties
@given(values, values, spans)
def test_growth_scales_inversely_with_the_span(v0: float, v1: float, t: float) -> None:
    assert math.isclose(linear_growth(v0, v1, t) * t, linear_growth(v0, v1, 1), rel_tol=1e-12)
    assert math.isclose(linear_growth(v0, v1, 1), variation(v0, v1), rel_tol=1e-12)


# --- shares and variation ----------------------------------------------------------------


@properties
@given(st.lists(values, min_size=1, max_size=50))
def test_shares_of_positive_parts_sum_to_100(parts: list[float]) -> None:
    result = shares(dict(enumerate(parts)))
    assert abs(math.fsum(result.values()) - 100) <= 1e-9
    assert all(0 < s <= 100 * (1 + 1e-12) for s in result.values())


@properties
@given(counts, values, st.floats(min_value=1e-3, max_value=1e3))
def test_share_is_scale_invariant(part: float, total: float, k: float) -> None:
    assert math.isclose(share(k * part, k * total), share(part, total), rel_tol=1e-12)


@properties
@given(counts, values, st.integers(min_value=-20, max_value=20))
def test_share_is_exactly_invariant_under_powers_of_two(part: float, total: float, n: int) -> None:
    k = 2.0**n
    assert share(k * part, k * total) == share(part, total)


@properties
@given(values, values)
def test_variation_back_and_forth_cancels(v0: float, v1: float) -> None:
    assume(1e-4 <= v1 / v0 <= 1e4)  # beyond, 1 + (−99.99…) / 100 cancels most digits
    there, back = variation(v0, v1), variation(v1, v0)
    assert math.isclose((1 + there / 100) * (1 + back / 100), 1, rel_tol=1e-9)


# --- rounding ----------------------------------------------------------------------------


@properties
@given(st.floats(min_value=-1e9, max_value=1e9, allow_nan=False), digits)
def test_round_half_up_is_idempotent(value: float, d: int) -> None:
    once = round_half_up(value, d)
    assert round_half_up(once, d) == once


@properties
@given(st.floats(min_value=-1e9, max_value=1e9, allow_nan=False), digits)
def test_round_half_up_moves_at_most_half_a_unit(value: float, d: int) -> None:
    assert abs(round_half_up(value, d) - value) <= 0.5 * 10.0**-d * (1 + 1e-9) + 1e-6


@properties
@given(st.integers(min_value=-(10**9), max_value=10**9), st.integers(min_value=0, max_value=4))
def test_round_half_up_matches_decimal_arithmetic(units: int, d: int) -> None:
    # A figure written with d + 1 decimals (e.g. 2.45), rounded to d decimals as on paper.
    written = Decimal(units).scaleb(-(d + 1))
    expected = written.quantize(Decimal(1).scaleb(-d), rounding=ROUND_HALF_UP)
    assert round_half_up(float(written), d) == float(expected)


@properties
@given(st.integers(min_value=0, max_value=10**6), st.integers(min_value=0, max_value=3))
def test_ties_round_away_from_zero(units: int, d: int) -> None:
    tie = float(Decimal(10 * units + 5).scaleb(-(d + 1)))  # e.g. 2.45 for units 24, d 1
    up = float(Decimal(units + 1).scaleb(-d))
    assert round_half_up(tie, d) == up
    assert round_half_up(-tie, d) == -up
    assert published_equal(tie, up, d)


@properties
@given(st.floats(min_value=-1e9, max_value=1e9, allow_nan=False), digits)
def test_published_equal_accepts_its_own_rounding(value: float, d: int) -> None:
    assert published_equal(value, round_half_up(value, d), d)
    assert published_equal(value, round(value, d), d)


# --- spans -------------------------------------------------------------------------------


@properties
@given(dates, dates)
def test_years_between_dates_is_antisymmetric(d0: date, d1: date) -> None:
    p0, p1 = d0.isoformat(), d1.isoformat()
    assert years_between(p0, p1) == -years_between(p1, p0)
    assert _sign(years_between(p0, p1)) == _sign((d1 - d0).days)


@properties
@given(years, years)
def test_years_between_years_is_their_difference(y0: int, y1: int) -> None:
    assert years_between(str(y0), str(y1)) == y1 - y0 == -years_between(str(y1), str(y0))


@properties
@given(dates, st.integers(min_value=-150, max_value=150))
def test_same_day_of_year_gives_whole_years(d0: date, n: int) -> None:
    try:
        d1 = d0.replace(year=d0.year + n)
    except ValueError:  # 29 February in a year without one
        return
    assert years_between(d0.isoformat(), d1.isoformat()) == float(n)
    assert years_between(d0.isoformat(), d0.isoformat()) == 0.0


@properties
@given(dates, dates, dates)
def test_years_between_dates_adds_up_within_a_day_or_so(a: date, b: date, c: date) -> None:
    # Whole years and days / 365.25 disagree by under a day per term between 1901 and 2099.
    pieces = years_between(a.isoformat(), b.isoformat()) + years_between(
        b.isoformat(), c.isoformat()
    )
    assert abs(years_between(a.isoformat(), c.isoformat()) - pieces) <= 3 / 365.25
