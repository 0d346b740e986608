"""Summaries of what the database holds, for the command line and the portal: a country's key
figures, the series its package holds outside its tables, counts per indicator and source, and
the areas with data sorted into countries and the rest (regions, aggregates, groupings).

Figures are chosen by the same lookups as the narratives (``profiles.binding.Binder``): the
newest source that has the indicator, its latest period; a value that is missing stays out.
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from migprofile.errors import BindingError
from migprofile.indicators.growth import GrowthMethod, Rate, average_annual_growth, years_between
from migprofile.model import Area, AreaKind, Observation, Status
from migprofile.profiles.binding import Binder, Figure


@dataclass(frozen=True)
class KeyFigureSpec:
    """One headline figure: an indicator looked up for the whole world (``WLD``) or summed over
    its partners when the data set has no total row (UNHCR)."""

    key: str
    indicator: str
    summed: bool = False


# CARIM's order: emigration first, then immigration, protection, remittances.
KEY_FIGURES: tuple[KeyFigureSpec, ...] = (
    KeyFigureSpec("emigrants", "emigrant_stock_birth"),
    KeyFigureSpec("immigrants", "immigrant_stock_birth"),
    KeyFigureSpec("immigrant_share", "immigrant_stock_share_population"),
    KeyFigureSpec("refugees_hosted", "refugees", summed=True),
    KeyFigureSpec("asylum_seekers_hosted", "asylum_seekers", summed=True),
    KeyFigureSpec("refugees_abroad", "refugees_abroad", summed=True),
    KeyFigureSpec("asylum_seekers_abroad", "asylum_seekers_abroad", summed=True),
    KeyFigureSpec("remittances", "remittance_inflow"),
    KeyFigureSpec("remittances_gdp", "remittance_inflow_gdp_share"),
)


@dataclass(frozen=True)
class KeyFigure:
    key: str
    indicator: str
    value: float
    status: Status
    period: str
    source_id: str | None
    summed: bool  # a sum over partners (UNHCR publishes no total row)


def key_figures(observations: Sequence[Observation]) -> list[KeyFigure]:
    """The headline figures of a country that its data support, in CARIM's order."""
    binder = Binder(observations, "en")
    found: list[KeyFigure] = []
    for spec in KEY_FIGURES:
        try:
            figure: Figure = (binder.partners_total(spec.indicator) if spec.summed
                              else binder.newest(spec.indicator))
        except BindingError:
            continue
        found.append(KeyFigure(spec.key, spec.indicator, figure.value, figure.status,
                               figure.period, figure.source_id, spec.summed))
    return found


@dataclass(frozen=True)
class SeriesSummary:
    """A package series outside the package's tables: its first and last values and the
    average annual growth between them."""

    indicator: str
    partner: str
    source_id: str
    first: Observation
    last: Observation
    growth: Rate | None


def package_series(observations: Iterable[Observation], method: GrowthMethod
                   ) -> tuple[list[SeriesSummary], list[Observation]]:
    """Group observations by indicator, partner and source: series of two or more dated values
    get their growth; single values are returned as they are."""
    groups: dict[tuple[str, str, str, str, str], list[Observation]] = defaultdict(list)
    for o in observations:
        breakdown = ";".join(f"{k}={v}" for k, v in sorted(o.breakdown.items()))
        groups[(o.indicator, o.partner, o.sex.value, breakdown, o.source_id)].append(o)
    series: list[SeriesSummary] = []
    single: list[Observation] = []
    for (indicator, partner, sex, breakdown, source), rows in groups.items():
        valued = sorted((o for o in rows if o.value is not None), key=lambda o: o.period)
        if len(valued) < 2 or sex != "total" or breakdown:
            single.extend(sorted(rows, key=lambda o: o.period))
            continue
        first, last = valued[0], valued[-1]
        try:
            years = years_between(first.period, last.period)
        except ValueError:  # a span ("2000/2009") or a year beside a date: no rate
            growth = None
        else:
            growth = average_annual_growth(first.value or 0.0, last.value or 0.0, years,
                                           method, strict=False)
        series.append(SeriesSummary(indicator, partner, source, first, last, growth))
    series.sort(key=lambda s: (s.indicator, -(s.last.value or 0.0)))
    return series, single


@dataclass(frozen=True)
class HoldingCount:
    """How many values one source gives for one indicator, over which years and partners."""

    indicator: str
    source_id: str
    values: int
    first_year: int
    last_year: int
    partners: int


def holdings(observations: Iterable[Observation]) -> list[HoldingCount]:
    grouped: dict[tuple[str, str], list[Observation]] = defaultdict(list)
    for o in observations:
        grouped[(o.indicator, o.source_id)].append(o)
    return [HoldingCount(ind, src, len(rows), min(o.year for o in rows),
                         max(o.year for o in rows), len({o.partner for o in rows}))
            for (ind, src), rows in sorted(grouped.items())]


COUNTRY_KINDS = frozenset({AreaKind.COUNTRY})


@dataclass(frozen=True)
class AreaHolding:
    area: Area
    observations: int
    packaged: bool


def sort_key(name: str) -> str:
    """A collation key good enough for the Latin and Arabic names we list: accents are folded
    (É sorts with E, not after Z), case is ignored."""
    folded = unicodedata.normalize("NFKD", name.casefold())
    return "".join(c for c in folded if not unicodedata.combining(c))


def areas_with_data(counts: dict[str, int], areas: dict[str, Area], packaged: set[str],
                    lang: str) -> tuple[list[AreaHolding], list[AreaHolding]]:
    """Countries (ISO 3166-1 countries and territories) apart from regions, aggregates,
    groupings and the other areas a source reports for, each sorted by name in ``lang``."""
    countries: list[AreaHolding] = []
    others: list[AreaHolding] = []
    for code, n in counts.items():
        area = areas.get(code)
        if area is None:
            continue
        target = countries if area.kind in COUNTRY_KINDS else others
        target.append(AreaHolding(area, n, code in packaged))
    for items in (countries, others):
        items.sort(key=lambda h: sort_key(h.area.names.text(lang) or h.area.code))
    return countries, others
