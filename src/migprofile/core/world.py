"""World totals behind the façade: the indicators that have them (the home page's map and
the compare form) and ``compare``, one indicator for several countries over a span of years
with each country's average annual growth by the chosen formula."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from migprofile.indicators.growth import (
    GrowthMethod,
    GrowthPolicy,
    average_annual_growth,
    formula_text,
)
from migprofile.model import Area, Observation
from migprofile.store import ObservationFilter, Store

WORLD = "WLD"
# indicators worth a world map by default: the widest coverage first
MAP_DEFAULTS = ("emigrant_stock_birth", "immigrant_stock_birth", "emigrant_stock")


@dataclass(frozen=True)
class WorldValue:
    """A country's latest world total of an indicator."""

    code: str
    iso2: str | None
    m49: int | None
    name: str
    value: float
    year: int


@dataclass(frozen=True)
class WorldIndicators:
    choices: tuple[tuple[str, str], ...]  # (code, name in the language), sorted by name
    indicator: str  # the one asked for, else the default (empty when there is none)
    values: tuple[WorldValue, ...]  # its latest world totals, when it is one of the choices

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(c for c, _ in self.choices)

    @property
    def title(self) -> str:
        return dict(self.choices).get(self.indicator, "")


def world_indicators(store: Store, *, lang: str, indicator: str | None = None,
                     areas: Mapping[str, Area], values: bool = True) -> WorldIndicators:
    """The indicators with at least one world total; the one asked for (else the first of
    ``MAP_DEFAULTS`` held, else the first by name) with, if ``values``, each country's latest
    world total. An ``indicator`` without world totals comes back with no values: the shell
    decides how to refuse it."""
    names = {i.code: i.names.text(lang) for i in store.indicators()}
    choices = tuple(sorted(((c, names.get(c, c)) for c in store.indicators_with_totals(WORLD)),
                           key=lambda x: x[1]))
    codes = [c for c, _ in choices]
    preferred = [c for c in MAP_DEFAULTS if c in codes]
    chosen = indicator or (preferred[0] if preferred else (codes[0] if codes else ""))
    found: list[WorldValue] = []
    if values and chosen in codes:
        for code, o in store.latest_observations(chosen, WORLD).items():
            area = areas.get(code)
            if area is not None and o.value is not None:
                found.append(WorldValue(code, area.iso2, area.m49, area.names.text(lang),
                                        o.value, o.year))
    return WorldIndicators(choices, chosen, tuple(found))


@dataclass(frozen=True)
class ComparedCountry:
    code: str  # ISO3
    iso2: str
    name: str
    values: Mapping[int, float | None]  # year -> world total, in year order
    rate: float | None  # average annual growth, %/yr, first to last year with a value


@dataclass(frozen=True)
class Comparison:
    indicator: str
    years: tuple[int, ...]  # every year any country has, in order
    countries: tuple[ComparedCountry, ...]  # in the order asked for
    method: GrowthMethod  # the formula used (the sources' convention when none was chosen)
    formula: str  # the growth formula's text (indicators.growth.formula_text)
    unit: str = ""  # the indicator's unit (how its values are printed: i18n.value_text)
    digits: int | None = None  # its display decimals (indicators.yaml), None: the unit's rule


def _rate(series: Sequence[Observation], method: GrowthMethod) -> float | None:
    usable = [o for o in series if o.value is not None]
    if len(usable) < 2 or usable[-1].year <= usable[0].year:
        return None
    first, last = usable[0], usable[-1]
    assert first.value is not None and last.value is not None
    return average_annual_growth(first.value, last.value, float(last.year - first.year),
                                 method, strict=False).value


def compare(store: Store, *, indicator: str, countries: Sequence[str], years: tuple[int, int],
            method: GrowthMethod | str, lang: str, areas: Mapping[str, Area]) -> Comparison:
    """World totals of ``indicator`` for ``countries`` (ISO3) between ``years`` (inclusive),
    without breakdowns, with each country's growth rate by ``method`` (``linear``,
    ``exponential``, or ``source``: the convention of the sources compared)."""
    where = ObservationFilter(indicator=indicator, countries=list(countries), partner=WORLD,
                              sex="total", year_from=years[0], year_to=years[1])
    series: dict[str, list[Observation]] = {c: [] for c in countries}
    for o in store.observations(where):
        if not o.breakdown and o.country in series:
            series[o.country].append(o)
    ids = {o.source_id for found in series.values() for o in found}
    used = GrowthPolicy.of(method, {s.id: s.growth_convention
                                    for s in store.sources(ids)}).method(ids)
    compared: list[ComparedCountry] = []
    all_years: set[int] = set()
    for code in countries:
        obs = sorted(series[code], key=lambda o: o.year)
        area = areas.get(code)
        all_years.update(o.year for o in obs)
        compared.append(ComparedCountry(
            code, area.iso2 if area and area.iso2 else code,
            area.names.text(lang) if area else code, {o.year: o.value for o in obs},
            _rate(obs, used)))
    info = next((i for i in store.indicators() if i.code == indicator), None)
    return Comparison(indicator, tuple(sorted(all_years)), tuple(compared), used,
                      formula_text(used), info.unit if info else "",
                      info.digits if info else None)
