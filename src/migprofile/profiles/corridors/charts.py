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
POINT = N_("{value} in {year}")


def stocks_chart(series: Sequence[Series], first: str, *, lang: str,
                 names: Mapping[str, str], sources: Mapping[str, Source],
                 indicators: Mapping[str, Indicator]) -> ChartBlock | None:
    """One line per stock series with at least two measured points, those from ``first``
    (country A) first (None: nothing to draw)."""
    rows: list[dict[str, Any]] = []
    described: list[str] = []
    used: list[str] = []
    for s in sorted(series, key=lambda s: s.origin != first):
        points = [p for p in s.points if s.theme == "stocks" and p.value]
        if len(points) < 2:
            continue
        info = indicators.get(s.indicator)
        label = gettext(lang, PEOPLE).format(origin=names.get(s.origin, s.origin),
                                             destination=names.get(s.destination,
                                                                   s.destination))
        if info is not None and info.basis.value in BASES:
            label = f"{label} ({gettext(lang, BASES[info.basis.value])})"
        rows += [{"year": p.year, "value": p.value, "series": label} for p in points]
        ends = (points[0], points[-1])
        described.append(f"{label}: " + ", ".join(gettext(lang, POINT).format(
            value=format_number(float(p.value or 0), lang), year=p.year) for p in ends))
        used.append(s.source_id)
    if not rows:
        return None
    title = gettext(lang, TITLE)
    spec = charts.time_series("corridor-stocks-chart", title, rows, lang=lang,
                              value_title=gettext(lang, N_("Persons")))
    return ChartBlock(id="corridor-stocks-chart", title=title, spec=spec,
                      description="; ".join(described),
                      source=source_line(list(dict.fromkeys(used)), sources, lang),
                      data=tuple(rows))
