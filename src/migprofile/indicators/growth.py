"""Average annual growth rates between two values, and the years between two periods.

Two conventions are in use and give different numbers for the same data:

* **linear** — CARIM's *taux de croissance annuel moyen*: ``(v1 − v0) / v0 / t × 100``;
* **exponential** — UN DESA's rate of change: ``ln(v1 / v0) / t × 100``.

For positive values the linear rate is never below the exponential one (``x − 1 ≥ ln x``).
Every rate is in percent per year.

Which formula a profile uses is a ``GrowthPolicy``: either one formula chosen for everything
(``--growth linear``), or — the default, ``source`` — each source's own convention: UN DESA's
tables are read with UN DESA's exponential rate, national sources with CARIM's linear one.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from migprofile.indicators.errors import UndefinedRate
from migprofile.model import Period

__all__ = [
    "BY_SOURCE",
    "GROWTH_CHOICES",
    "REFERENCE_METHOD",
    "GrowthMethod",
    "GrowthPolicy",
    "Rate",
    "UndefinedRate",
    "average_annual_growth",
    "exponential_growth",
    "growth_choice",
    "linear_growth",
    "years_between",
]


class GrowthMethod(StrEnum):
    LINEAR = "linear"  # CARIM, "taux de croissance annuel moyen"
    EXPONENTIAL = "exponential"  # UN DESA, "average annual rate of change"


#: The formula of a source that states no convention of its own: CARIM's, the profiles' model.
REFERENCE_METHOD = GrowthMethod.LINEAR

#: The choice that follows each source's convention instead of one formula for everything.
BY_SOURCE = "source"
GROWTH_CHOICES: tuple[str, ...] = (BY_SOURCE, *(m.value for m in GrowthMethod))


def growth_choice(value: str | None) -> GrowthMethod | None:
    """``"linear"``/``"exponential"`` → that formula; ``"source"`` or ``None`` → ``None`` (each
    source's convention). Anything else is a ``ValueError`` naming the choices."""
    if value is None or value == BY_SOURCE:
        return None
    try:
        return GrowthMethod(value)
    except ValueError:
        raise ValueError(f"growth formula must be one of {', '.join(GROWTH_CHOICES)}, "
                         f"not {value!r}") from None


@dataclass(frozen=True)
class GrowthPolicy:
    """The formula of each rate: ``choice`` when one was made, else the convention of the
    sources the rate is computed from (``conventions``: source id → its formula); sources that
    state none, or that disagree, get ``REFERENCE_METHOD``."""

    choice: GrowthMethod | None = None
    conventions: Mapping[str, GrowthMethod] = field(default_factory=dict)

    @classmethod
    def of(cls, choice: GrowthMethod | str | None,
           conventions: Mapping[str, str | None] | None = None) -> GrowthPolicy:
        method = growth_choice(choice.value if isinstance(choice, GrowthMethod) else choice)
        known = {sid: GrowthMethod(c) for sid, c in (conventions or {}).items() if c}
        return cls(method, known)

    @property
    def label(self) -> str:
        """``linear``, ``exponential`` or ``source`` (what was asked for)."""
        return self.choice.value if self.choice else BY_SOURCE

    def method(self, source_ids: Iterable[str]) -> GrowthMethod:
        if self.choice is not None:
            return self.choice
        found = {self.conventions.get(sid, REFERENCE_METHOD) for sid in source_ids}
        return found.pop() if len(found) == 1 else REFERENCE_METHOD


_FORMULAS = {
    GrowthMethod.LINEAR: "(v1 − v0) / v0 / t × 100",
    GrowthMethod.EXPONENTIAL: "ln(v1 / v0) / t × 100",
}


def formula_text(method: GrowthMethod) -> str:
    """The formula as printed in notes and sentences (one text for every output)."""
    return _FORMULAS[GrowthMethod(method)]


@dataclass(frozen=True)
class Rate:
    """A growth rate in percent per year, with the inputs it was computed from.

    ``value`` is ``None`` when the rate is undefined (see ``average_annual_growth(strict=False)``).
    """

    value: float | None
    method: GrowthMethod
    start: float
    end: float
    years: float

    @property
    def formula(self) -> str:
        """The formula as text, for table notes: ``(v1 − v0) / v0 / t × 100``."""
        return _FORMULAS[self.method]


def _check_inputs(v0: float, v1: float, years: float) -> None:
    if not (math.isfinite(v0) and math.isfinite(v1) and math.isfinite(years)):
        raise UndefinedRate(
            f"growth rate undefined: values and years must be finite numbers "
            f"(v0={v0!r}, v1={v1!r}, years={years!r})"
        )
    if years <= 0:
        raise UndefinedRate(
            f"growth rate undefined: the span must be positive, not {years!r} years"
        )
    if v0 == 0:
        raise UndefinedRate("growth rate undefined: the start value v0 is 0")


def linear_growth(v0: float, v1: float, years: float) -> float:
    """``(v1 − v0) / v0 / years × 100``; raises ``UndefinedRate`` if v0 = 0 or years <= 0."""
    _check_inputs(v0, v1, years)
    return (v1 - v0) / v0 / years * 100


def exponential_growth(v0: float, v1: float, years: float) -> float:
    """``ln(v1 / v0) / years × 100``; raises ``UndefinedRate`` unless v0, v1 > 0 and years > 0."""
    _check_inputs(v0, v1, years)
    if v0 < 0 or v1 <= 0:
        raise UndefinedRate(
            "exponential growth rate undefined: both values must be positive "
            f"(v0={v0!r}, v1={v1!r})"
        )
    ratio = v1 / v0
    # Near 1, log1p of the relative change keeps the sign and precision that ln(ratio) loses.
    log_ratio = math.log1p((v1 - v0) / v0) if 0.5 <= ratio <= 2 else math.log(ratio)
    return log_ratio / years * 100


def average_annual_growth(
    v0: float,
    v1: float,
    years: float,
    method: GrowthMethod | str = GrowthMethod.LINEAR,
    *,
    strict: bool = True,
) -> Rate:
    """The average annual growth rate from ``v0`` to ``v1`` over ``years``, as a ``Rate``.

    Raises ``UndefinedRate`` when the rate is undefined, unless ``strict=False``: then the
    ``Rate`` has ``value=None``.
    """
    kind = GrowthMethod(method)
    compute = linear_growth if kind is GrowthMethod.LINEAR else exponential_growth
    try:
        value: float | None = compute(v0, v1, years)
    except UndefinedRate:
        if strict:
            raise
        value = None
    return Rate(value=value, method=kind, start=v0, end=v1, years=years)


def _parse_period(period: str) -> int | date:
    """A date, or the year a year or a span counts for (``model.Period``: the one parser)."""
    parsed = Period.parse(period)
    return parsed.day if parsed.day is not None else parsed.year


def years_between(p0: str, p1: str) -> float:
    """Years from period ``p0`` to period ``p1`` (negative when ``p1`` is earlier).

    ``"1998"`` → ``"2007"`` is 9.0. Between dates, whole years when month and day are equal
    (``"1993-01-01"`` → ``"2007-01-01"`` is exactly 14.0), otherwise days / 365.25.
    A span (``"2000/2009"``) counts as its last year, as in ``model.period_year``.
    Both periods must be dates, or both years or spans.
    """
    start, end = _parse_period(p0), _parse_period(p1)
    if isinstance(start, date) and isinstance(end, date):
        if (start.month, start.day) == (end.month, end.day):
            return float(end.year - start.year)
        return (end - start).days / 365.25
    if isinstance(start, int) and isinstance(end, int):
        return float(end - start)
    raise ValueError(f"periods {p0!r} and {p1!r} mix a year and a date; give both in one form")
