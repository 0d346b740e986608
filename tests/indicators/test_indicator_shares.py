"""Shares, variations and published rounding, with CARIM Morocco figures."""

from __future__ import annotations

import math

import pytest

from migprofile.indicators import (
    UndefinedRate,
    UndefinedShare,
    published_equal,
    round_half_up,
    share,
    shares,
    variation,
)


@pytest.mark.parametrize(
    ("part", "total", "published"),
    [
        (1_275_567, 1_545_036, 82.6),  # Europe, 1993
        (2_837_654, 3_292_599, 86.2),  # Europe, 2007
        (100_000, 3_292_599, 3.0),  # USA, 2007
        (1_096, 14_449, 7.6),  # apprehensions, Mali
    ],
)
def test_carim_shares(part: float, total: float, published: float) -> None:
    assert round_half_up(share(part, total), 1) == published
    assert published_equal(share(part, total), published, 1)


@pytest.mark.parametrize(
    ("v0", "v1", "published"),
    [
        (7_110, 6_849, -3.7),  # remittances, total
        (3_025, 2_675, -11.6),  # remittances from France
    ],
)
def test_carim_remittance_variation(v0: float, v1: float, published: float) -> None:
    assert round_half_up(variation(v0, v1), 1) == published


def test_shares_of_parts_default_to_their_sum() -> None:
    result = shares({"Europe": 3.0, "Autres": 1.0})
    assert result == {"Europe": 75.0, "Autres": 25.0}
    assert list(result) == ["Europe", "Autres"]


def test_shares_of_a_given_total() -> None:
    result = shares({"Europe": 2_837_654, "USA": 100_000}, total=3_292_599)
    assert {k: round_half_up(v, 1) for k, v in result.items()} == {"Europe": 86.2, "USA": 3.0}


def test_share_of_zero_total() -> None:
    with pytest.raises(UndefinedShare, match="total is 0"):
        share(5, 0)
    with pytest.raises(UndefinedShare):
        shares({"a": 0.0, "b": 0.0})
    with pytest.raises(UndefinedShare):
        shares({"a": 1.0}, total=0)
    assert issubclass(UndefinedShare, ValueError)


def test_variation_from_zero() -> None:
    with pytest.raises(UndefinedRate, match="v0 is 0"):
        variation(0, 5)


@pytest.mark.parametrize(
    ("value", "digits", "expected"),
    [
        (2.45, 1, 2.5),
        (2.35, 1, 2.4),
        (2.5, 0, 3.0),
        (3.5, 0, 4.0),
        (0.125, 2, 0.13),
        (1.005, 2, 1.01),
        (2.675, 2, 2.68),
        (-2.45, 1, -2.5),
        (-2.5, 0, -3.0),
        (8.079159875331614, 1, 8.1),
        (8.749999999999998, 1, 8.8),  # float noise for 8.75
        (1235.0, -1, 1240.0),
        (1234.0, -2, 1200.0),
        (7.0, 1, 7.0),
        (0.0, 3, 0.0),
    ],
)
def test_round_half_up(value: float, digits: int, expected: float) -> None:
    assert round_half_up(value, digits) == expected


def test_round_half_up_never_gives_negative_zero() -> None:
    assert math.copysign(1.0, round_half_up(-0.04, 1)) == 1.0
    assert math.copysign(1.0, round_half_up(-0.0, 1)) == 1.0


def test_round_half_up_passes_non_finite_through() -> None:
    assert math.isnan(round_half_up(math.nan, 1))
    assert round_half_up(math.inf, 1) == math.inf


def test_round_half_up_keeps_large_integers() -> None:
    assert round_half_up(float(2**60), 0) == float(2**60)


@pytest.mark.parametrize(
    ("computed", "published", "digits", "equal"),
    [
        (8.079159875331614, 8.1, 1, True),
        (8.079159875331614, 8.0, 1, False),
        (2.45, 2.5, 1, True),  # half up
        (2.45, 2.4, 1, True),  # half even: lenient on the tie
        (2.46, 2.4, 1, False),
        (2.44, 2.5, 1, False),
        (52.19, 52.2, 1, True),
        (3_292_599, 3_292_599, 0, True),
        (math.nan, 8.1, 1, False),
    ],
)
def test_published_equal(computed: float, published: float, digits: int, equal: bool) -> None:
    assert published_equal(computed, published, digits) is equal
