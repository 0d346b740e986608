"""A partner breakdown table (rows of areas, columns of periods) with its derived columns.

Pure computation shared by profile assembly (to print the table) and by the checks (to
compare recomputed values with those a publication printed). Layout spec: see
``docs/data-package.md`` (``tables.yaml``).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from migprofile.indicators.growth import (
    GrowthMethod,
    Rate,
    UndefinedRate,
    average_annual_growth,
    years_between,
)
from migprofile.indicators.shares import share, variation
from migprofile.model import Observation


@dataclass(frozen=True)
class TableRow:
    area: str
    level: int  # 0: a top row; 1: an "of which" child; 0 with is_total for the total
    values: Mapping[str, Observation | None]  # period -> observation
    shares: Mapping[str, float | None]
    growth: Rate | None = None
    variation: float | None = None
    is_total: bool = False
    parent: str | None = None

    def value(self, period: str) -> float | None:
        obs = self.values.get(period)
        return obs.value if obs is not None else None


@dataclass(frozen=True)
class PartnerTable:
    table_id: str
    indicator: str
    periods: tuple[str, ...]
    rows: tuple[TableRow, ...]
    method: GrowthMethod
    measures: tuple[str, ...] = ("count", "share")
    show_growth: bool = True
    show_variation: bool = False
    source_ids: tuple[str, ...] = ()
    spec: Mapping[str, Any] = field(default_factory=dict)

    def row(self, area: str) -> TableRow:
        for row in self.rows:
            if row.area == area:
                return row
        raise KeyError(area)

    def derived(self, area: str, column: str) -> float | None:
        """A derived cell named as in ``published.csv``: share_<period>, growth, variation."""
        row = self.row(area)
        if column == "growth":
            return row.growth.value if row.growth else None
        if column == "variation":
            return row.variation
        if column.startswith("share_"):
            return row.shares.get(column.removeprefix("share_"))
        raise KeyError(column)


Lookup = Mapping[tuple[str, str], Observation]


def layout_rows(spec: Mapping[str, Any]) -> list[tuple[str, int, str | None]]:
    """(area, level, parent) in print order, without the total."""
    rows: list[tuple[str, int, str | None]] = []
    for item in spec.get("rows") or ():
        area = str(item["area"])
        rows.append((area, 0, None))
        rows.extend((str(child), 1, area) for child in item.get("children") or ())
    return rows


def compute_partner_table(
    table_id: str,
    spec: Mapping[str, Any],
    lookup: Lookup,
    method: GrowthMethod = GrowthMethod.LINEAR,
    periods: Sequence[str] | None = None,
) -> PartnerTable:
    """Compute shares (of the total), growth between the first and last period and variation."""
    chosen = tuple(periods or spec.get("periods") or ())
    total_area = spec.get("total")
    entries = layout_rows(spec)
    if total_area:
        entries.append((str(total_area), 0, None))
    totals = {p: _value(lookup.get((str(total_area), p))) if total_area else None
              for p in chosen}
    rows = []
    for index, (area, level, parent) in enumerate(entries):
        values = {p: lookup.get((area, p)) for p in chosen}
        shares = {p: _share(_value(values[p]), totals[p]) for p in chosen}
        rows.append(
            TableRow(
                area=area,
                level=level,
                values=values,
                shares=shares,
                growth=_growth(values, chosen, method),
                variation=_variation(values, chosen),
                is_total=bool(total_area) and index == len(entries) - 1,
                parent=parent,
            )
        )
    sources = sorted({o.source_id for o in lookup.values()})
    return PartnerTable(
        table_id=table_id,
        indicator=str(spec.get("indicator")),
        periods=chosen,
        rows=tuple(rows),
        method=method,
        measures=tuple(spec.get("measure") or ("count", "share")),
        show_growth=bool(spec.get("growth", False)) and len(chosen) >= 2,
        show_variation=bool(spec.get("variation", False)) and len(chosen) >= 2,
        source_ids=tuple(sources),
        spec=dict(spec),
    )


def _value(obs: Observation | None) -> float | None:
    return obs.value if obs is not None else None


def _share(part: float | None, total: float | None) -> float | None:
    if part is None or not total:
        return None
    return share(part, total)


def _growth(
    values: Mapping[str, Observation | None], periods: Sequence[str], method: GrowthMethod
) -> Rate | None:
    if len(periods) < 2:
        return None
    v0, v1 = _value(values[periods[0]]), _value(values[periods[-1]])
    if v0 is None or v1 is None:
        return None
    try:
        return average_annual_growth(v0, v1, years_between(periods[0], periods[-1]), method)
    except UndefinedRate:
        return None


def _variation(values: Mapping[str, Observation | None], periods: Sequence[str]) -> float | None:
    if len(periods) < 2:
        return None
    v0, v1 = _value(values[periods[0]]), _value(values[periods[-1]])
    if v0 is None or v1 is None or v0 == 0:
        return None
    return variation(v0, v1)
