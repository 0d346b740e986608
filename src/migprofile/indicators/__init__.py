"""Indicators computed from observations: growth rates, shares, variations, and the
arithmetic checks of published tables. Pure functions: no I/O."""

from migprofile.indicators.consistency import (
    check_of_which,
    check_published,
    check_shares_sum,
    check_sum,
)
from migprofile.indicators.errors import UndefinedIndicator, UndefinedRate, UndefinedShare
from migprofile.indicators.growth import (
    GrowthMethod,
    Rate,
    average_annual_growth,
    exponential_growth,
    linear_growth,
    years_between,
)
from migprofile.indicators.shares import (
    published_equal,
    round_half_up,
    share,
    shares,
    variation,
)

__all__ = [
    "GrowthMethod",
    "Rate",
    "UndefinedIndicator",
    "UndefinedRate",
    "UndefinedShare",
    "average_annual_growth",
    "check_of_which",
    "check_published",
    "check_shares_sum",
    "check_sum",
    "exponential_growth",
    "linear_growth",
    "published_equal",
    "round_half_up",
    "share",
    "shares",
    "variation",
    "years_between",
]
