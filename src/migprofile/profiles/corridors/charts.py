"""The corridor's chart: migrant stocks in both directions over time, one line per
direction and basis (UN DESA's country of birth beside a package's consular counts), drawn
by the profiles' chart builder (``profiles.charts.time_series``)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from migprofile.i18n import N_, format_number, gettext
from migprofile.model import Indicator, Source
from migprofile.profiles import charts
from migprofile.profiles.corridors.series import PEOPLE, Series
from migprofile.profiles.tableblocks import BASES, source_line
from migprofile.profiles.tree import ChartBlock

TITLE = N_("Migrant stocks in both directions")
ONE_WAY = N_("Migrant stocks: {series}")
POINT = N_("{value} in {year}")


def stocks_chart(series: Sequence[Series], first: str, *, lang: str,
                 names: Mapping[str, str], sources: Mapping[str, Source],
                 indicators: Mapping[str, Indicator]) -> ChartBlock | None:
    """One line per stock series with at least two measured points, those from ``first``
    (country A) first (None: nothing to draw)."""
    rows: list[dict[str, Any]] = []
    described: list[str] = []
    used: list[str] = []
    drawn = [s for s in sorted(series, key=lambda s: s.origin != first)
             if s.theme == "stocks" and sum(1 for p in s.points if p.value) >= 2]
    bases = {b.basis.value for s in drawn if (b := indicators.get(s.indicator))}
    for s in drawn:
        points = [p for p in s.points if p.value]
        info = indicators.get(s.indicator)
        label = gettext(lang, PEOPLE).format(origin=names.get(s.origin, s.origin),
                                             destination=names.get(s.destination,
                                                                   s.destination))
        if len(bases) > 1 and info is not None and info.basis.value in BASES:
            # the basis tells a consular count from UN DESA's country of birth
            label = f"{label} ({gettext(lang, BASES[info.basis.value])})"
        rows += [{"year": p.year, "value": p.value, "series": label} for p in points]
        ends = (points[0], points[-1])
        described.append(f"{label}: " + ", ".join(gettext(lang, POINT).format(
            value=format_number(float(p.value or 0), lang), year=p.year) for p in ends))
        used.append(s.source_id)
    if not rows:
        return None
    labels = list(dict.fromkeys(str(r["series"]) for r in rows))
    # one line has no legend: the title says what it is
    title = gettext(lang, TITLE) if len(labels) > 1 else \
        gettext(lang, ONE_WAY).format(series=labels[0])
    spec = charts.time_series("corridor-stocks-chart", title, rows, lang=lang,
                              value_title=gettext(lang, N_("Persons")))
    # long direction labels, one a line, never cut
    spec["config"]["legend"] = {**spec["config"].get("legend", {}), "labelLimit": 480,
                                "columns": 1}
    return ChartBlock(id="corridor-stocks-chart", title=title, spec=spec,
                      description="; ".join(described),
                      source=source_line(list(dict.fromkeys(used)), sources, lang),
                      data=tuple(rows))
