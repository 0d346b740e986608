"""Shares, variations and the rounding used by published tables.

Published statistical tables (CARIM, most national offices, spreadsheets) round half up —
half away from zero — on the decimal figure: 2.45 → 2.5, −2.45 → −2.5. Python's ``round``
rounds the binary float half to even (``round(2.45, 1) == 2.5`` but ``round(2.675, 2) == 2.67``),
so comparisons with published figures go through ``round_half_up``.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Mapping
from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Context, Decimal
from typing import TypeVar

from migprofile.indicators.errors import UndefinedRate, UndefinedShare

__all__ = [
    "UndefinedRate",
    "UndefinedShare",
    "published_equal",
    "round_half_up",
    "share",
    "shares",
    "variation",
]

K = TypeVar("K", bound=Hashable)

# A double holds ~15.9 significant digits; beyond 15 a repr is arithmetic noise
# (8.749999999999998 is 8.75), which spreadsheets also drop before rounding.
_SIGNIFICANT = Context(prec=15, rounding=ROUND_HALF_EVEN)


def share(part: float, total: float) -> float:
    """``part / total × 100``; raises ``UndefinedShare`` when the total is 0."""
    if total == 0:
        raise UndefinedShare(f"share of {part!r} undefined: the total is 0")
    return part / total * 100


def shares(parts: Mapping[K, float], total: float | None = None) -> dict[K, float]:
    """The share of each part in ``total`` (by default the sum of the parts), in percent."""
    denominator = math.fsum(parts.values()) if total is None else total
    if denominator == 0:
        raise UndefinedShare("shares undefined: the total is 0")
    return {key: share(value, denominator) for key, value in parts.items()}


def variation(v0: float, v1: float) -> float:
    """Percent change ``(v1 − v0) / v0 × 100``; raises ``UndefinedRate`` when v0 is 0."""
    if v0 == 0:
        raise UndefinedRate("variation undefined: the start value v0 is 0")
    return (v1 - v0) / v0 * 100


def _round_decimal(value: float, digits: int, rounding: str) -> float:
    if not math.isfinite(value):
        return value
    exact = Decimal(repr(value))
    exponent = exact.as_tuple().exponent
    if isinstance(exponent, int) and exponent >= -digits:
        return value + 0.0  # already at most ``digits`` places
    rounded = _SIGNIFICANT.plus(exact).quantize(Decimal(1).scaleb(-digits), rounding=rounding)
    return float(rounded) + 0.0  # + 0.0 turns -0.0 into 0.0


def round_half_up(value: float, digits: int = 0) -> float:
    """Round the decimal figure of ``value`` to ``digits`` places, ties away from zero.

    ``round_half_up(2.45, 1) == 2.5``, ``round_half_up(2.675, 2) == 2.68``,
    ``round_half_up(-2.45, 1) == -2.5``; negative ``digits`` round to tens, hundreds...
    Float noise beyond 15 significant digits is dropped first. NaN and infinities pass through.
    """
    return _round_decimal(value, digits, ROUND_HALF_UP)


def published_equal(computed: float, published: float, digits: int) -> bool:
    """Whether ``computed``, rounded as published tables round, is the ``published`` figure.

    Rounding half up is the rule; half-to-even results (decimal or binary) are accepted too,
    so a figure that differs from the rule only on a .5 tie still matches.
    """
    tolerance = 10.0**-digits / 100  # published figures parsed from text are not exact binaries
    candidates = {
        round_half_up(computed, digits),
        _round_decimal(computed, digits, ROUND_HALF_EVEN),
        round(computed, digits) if math.isfinite(computed) else computed,
    }
    return any(math.isclose(c, published, rel_tol=0.0, abs_tol=tolerance) for c in candidates)
