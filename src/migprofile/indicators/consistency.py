"""Arithmetic checks of a table: totals, "of which" rows, shares, published figures.

Each check returns a ``Report`` (subject: the ``label``) and never raises for data problems;
``file``, ``row`` and ``column`` become the location of every finding. Non-finite inputs
(NaN, infinities) are reported as ``invalid-value``.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping

from migprofile.indicators.shares import published_equal, round_half_up
from migprofile.validate.report import Report, Severity

__all__ = ["check_of_which", "check_published", "check_shares_sum", "check_sum"]


def _fmt(value: float) -> str:
    """``3292599.0`` → ``3,292,599``; ``0.30000000000000004`` → ``0.3``."""
    if not math.isfinite(value):
        return repr(value)
    text = f"{round(value, 6):,}"
    return text.removesuffix(".0")


def _finite(
    report: Report, label: str, values: Iterable[tuple[str, float]], where: dict[str, object]
) -> bool:
    bad = [(name, value) for name, value in values if not math.isfinite(value)]
    for name, value in bad:
        report.error("invalid-value", f"{label}: {name} is {value!r}, not a number", **where)
    return not bad


def _where(file: str | None, row: int | None, column: str | None) -> dict[str, object]:
    return {"file": file, "row": row, "column": column}


def check_sum(
    parts: Mapping[str, float],
    total: float,
    *,
    label: str,
    tolerance: float = 0.5,
    file: str | None = None,
    row: int | None = None,
    column: str | None = None,
) -> Report:
    """``wrong-total`` when the parts do not add up to ``total`` within ``tolerance``."""
    report, where = Report(subject=label), _where(file, row, column)
    if not _finite(report, label, [("total", total), *parts.items()], where):
        return report
    computed = math.fsum(parts.values())
    difference = computed - total
    if abs(difference) > tolerance:
        report.error(
            "wrong-total",
            f"{label}: the parts add up to {_fmt(computed)} but the total is {_fmt(total)} "
            f"(difference {difference:+,.6g})",
            **where,
        )
    return report


def check_of_which(
    parent: float,
    children: Mapping[str, float],
    *,
    label: str,
    tolerance: float = 0.0,
    file: str | None = None,
    row: int | None = None,
    column: str | None = None,
) -> Report:
    """``child-exceeds-parent`` for each "of which" value above its parent, and
    ``children-exceed-parent`` when together they exceed it (by more than ``tolerance``)."""
    report, where = Report(subject=label), _where(file, row, column)
    if not _finite(report, label, [("parent", parent), *children.items()], where):
        return report
    for name, value in children.items():
        if value > parent + tolerance:
            report.error(
                "child-exceeds-parent",
                f"{label}: {name} ({_fmt(value)}) exceeds the total it is part of ({_fmt(parent)})",
                **where,
            )
    together = math.fsum(children.values())
    if len(children) > 1 and together > parent + tolerance:
        report.error(
            "children-exceed-parent",
            f"{label}: {', '.join(children)} add up to {_fmt(together)}, more than the total "
            f"they are part of ({_fmt(parent)}) by {_fmt(together - parent)}",
            **where,
        )
    return report


def check_shares_sum(
    shares: Iterable[float],
    *,
    label: str,
    digits: int = 1,
    severity: Severity = Severity.ERROR,
    file: str | None = None,
    row: int | None = None,
    column: str | None = None,
) -> Report:
    """``shares-not-100`` when shares rounded to ``digits`` places cannot add up to 100.

    Each rounded share is off by at most half a unit of its last place, so n shares may sum
    to 100 ± n × 0.5 × 10^-digits; beyond that the table is inconsistent. No shares: no finding.
    """
    report, where = Report(subject=label), _where(file, row, column)
    values = list(shares)
    if not values or not _finite(
        report, label, [(f"share {i + 1}", v) for i, v in enumerate(values)], where
    ):
        return report
    total = math.fsum(round_half_up(v, digits) for v in values)
    allowed = len(values) * 0.5 * 10.0**-digits
    if abs(total - 100) > allowed + 1e-9:
        report.add(
            "shares-not-100",
            f"{label}: {len(values)} shares add up to {_fmt(total)}%, not 100% "
            f"(rounding to {digits} decimal(s) explains at most ±{_fmt(allowed)})",
            severity=severity,
            file=file,
            row=row,
            column=column,
        )
    return report


def check_published(
    computed: float,
    published: float,
    *,
    digits: int,
    label: str,
    file: str | None = None,
    row: int | None = None,
    column: str | None = None,
) -> Report:
    """``published-mismatch`` when ``computed``, rounded to ``digits``, is not ``published``."""
    report, where = Report(subject=label), _where(file, row, column)
    if not _finite(report, label, [("computed", computed), ("published", published)], where):
        return report
    if not published_equal(computed, published, digits):
        rounded = round_half_up(computed, digits)
        report.error(
            "published-mismatch",
            f"{label}: computed {rounded:.{max(digits, 0)}f} (exactly {computed:.6g}) "
            f"but published {published:.{max(digits, 0)}f}",
            **where,
        )
    return report
