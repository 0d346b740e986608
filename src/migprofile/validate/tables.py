"""Checks of a country's laid-out tables: totals, "of which" rows, published derived values."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from migprofile.indicators.consistency import check_of_which, check_published, check_sum
from migprofile.indicators.growth import GrowthMethod
from migprofile.indicators.tables import PartnerTable, compute_partner_table, layout_rows
from migprofile.model import Observation, Status, TableLayout
from migprofile.validate.report import Report

TABLES_FILE = "tables.yaml"


def lookup_for(spec: Mapping[str, Any], observations: Iterable[Observation]
               ) -> dict[tuple[str, str], Observation]:
    """(partner, period) -> observation for a layout's indicator, source and breakdown."""
    indicator, source = spec.get("indicator"), spec.get("source")
    breakdown = spec.get("breakdown") or {}
    return {
        (o.partner, o.period): o
        for o in observations
        if o.indicator == indicator and (source is None or o.source_id == source)
        and o.breakdown == breakdown and o.sex.value == spec.get("sex", "total")
    }


def check_layouts(layouts: Iterable[TableLayout], observations: list[Observation]) -> Report:
    report = Report(subject="tables")
    for layout in layouts:
        lookup = lookup_for(layout.spec, observations)
        method = GrowthMethod(str(layout.spec.get("growth_method", "linear")))
        table = compute_partner_table(layout.table_id, layout.spec, lookup, method)
        _check_missing(table, report)
        _check_sums(table, report)
        published: Any = layout.spec.get("published") or {}
        _check_published(table, published, report)
    return report


def _check_missing(table: PartnerTable, report: Report) -> None:
    for row in table.rows:
        for period, obs in row.values.items():
            if obs is None:
                report.error("missing-cell", f"{table.table_id}: no {table.indicator} value for "
                             f"{row.area} in {period}", file=TABLES_FILE, column=row.area)


def _exact(value: Observation | None) -> float | None:
    if value is None or value.value is None:
        return None
    return value.value if value.status in (Status.OBSERVED, Status.ESTIMATED,
                                           Status.PROVISIONAL) else None


def _check_sums(table: PartnerTable, report: Report) -> None:
    total = table.rows[-1]
    tops = [r for r in table.rows if r.level == 0 and not r.is_total]
    for period in table.periods:
        total_value = _exact(total.values.get(period)) if total.is_total else None
        parts = {r.area: _exact(r.values.get(period)) for r in tops}
        if total_value is not None and all(v is not None for v in parts.values()):
            report.extend(check_sum({k: v for k, v in parts.items() if v is not None},
                                    total_value, label=f"{table.table_id} {period}",
                                    file=TABLES_FILE, column=total.area))
        for parent in tops:
            parent_value = _exact(parent.values.get(period))
            children = {r.area: _exact(r.values.get(period)) for r in table.rows
                        if r.parent == parent.area}
            known = {k: v for k, v in children.items() if v is not None}
            if parent_value is not None and known:
                report.extend(check_of_which(parent_value, known,
                                             label=f"{table.table_id} {period} {parent.area}",
                                             file=TABLES_FILE, column=parent.area))


def _check_published(table: PartnerTable, published: Mapping[str, Mapping[str, float]],
                     report: Report) -> None:
    known = {area for area, _, _ in layout_rows(table.spec)} | {r.area for r in table.rows}
    for area, columns in published.items():
        if area not in known:
            report.error("unknown-row", f"{table.table_id}: published row {area!r} is not in the "
                         "layout", file="published.csv", column=area)
            continue
        for column, value in columns.items():
            try:
                computed = table.derived(area, column)
            except KeyError:
                report.error("unknown-column", f"{table.table_id}: published column {column!r} "
                             "is not share_<period>, growth or variation", file="published.csv",
                             column=column)
                continue
            if computed is None:
                report.error("published-mismatch", f"{table.table_id} {area} {column}: published "
                             f"{value} but nothing can be computed", file="published.csv",
                             column=column)
                continue
            report.extend(check_published(computed, value, digits=1,
                                          label=f"{table.table_id} {area} {column}",
                                          file="published.csv", column=column))
