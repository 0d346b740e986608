"""The statistical blocks of a corridor: one table per theme, both directions, each series
with its source, basis and (for stocks) the share of women and a growth rate naming its
formula."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from migprofile.i18n import N_, format_number, gettext
from migprofile.indicators.growth import (
    GrowthMethod,
    GrowthPolicy,
    average_annual_growth,
    formula_text,
    years_between,
)
from migprofile.indicators.shares import share
from migprofile.model import Indicator, Observation, Sex, Source
from migprofile.profiles.tableblocks import BASES, citation, source_line, value_of
from migprofile.profiles.tree import Cell, SourceLine, TableBlock, Value

# indicator -> (theme, direction): "out" = people (or money) going from the observation's
# country to its partner; "in" = from the partner to the country
DIRECTIONS: dict[str, tuple[str, str]] = {
    "emigrant_stock": ("stocks", "out"),
    "emigrant_stock_birth": ("stocks", "out"),
    "immigrant_stock_birth": ("stocks", "in"),
    "emigrant_stock_knomad": ("stocks", "out"),
    "immigrant_stock_knomad": ("stocks", "in"),
    "emigrant_flow": ("flows", "out"),
    "immigrant_inflow": ("flows", "in"),
    "remittance_inflow": ("remittances", "in"),  # money received by the country
    "remittance_outflow": ("remittances", "out"),
    "refugees": ("refugees", "in"),
    "asylum_seekers": ("refugees", "in"),
    "refugees_abroad": ("refugees", "out"),
    "asylum_seekers_abroad": ("refugees", "out"),
}
THEMES = {
    "stocks": N_("Migrant stocks"),
    "flows": N_("Migration flows"),
    "remittances": N_("Remittances (million US dollars)"),
    "refugees": N_("Refugees and asylum seekers"),
}
PEOPLE = N_("From {origin} to {destination}")
MONEY = N_("Sent from {origin} to {destination}")
FORMULA_TEXT = {method: formula_text(method) for method in GrowthMethod}


@dataclass(frozen=True)
class Series:
    """One directed series of one indicator and one source (totals, both sexes)."""

    theme: str
    indicator: str
    origin: str  # where the people come from (for money: where it is sent from)
    destination: str
    source_id: str
    points: tuple[Observation, ...]
    women: Mapping[str, Observation]  # period -> the female observation


def directed_series(observations: Sequence[Observation]) -> list[Series]:
    """The corridor's observations grouped into directed series; a series that repeats
    another (same direction, source and values, e.g. a UN DESA stock stored both as
    emigrants of A and immigrants of B) is kept once."""
    groups: dict[tuple[str, str, str, str], list[Observation]] = {}
    women: dict[tuple[str, str, str, str], dict[str, Observation]] = {}
    for o in observations:
        if o.indicator not in DIRECTIONS or o.breakdown:
            continue
        way = DIRECTIONS[o.indicator][1]
        origin, destination = (o.country, o.partner) if way == "out" else \
            (o.partner, o.country)
        key = (o.indicator, origin, destination, o.source_id)
        if o.sex is Sex.TOTAL:
            groups.setdefault(key, []).append(o)
        elif o.sex is Sex.FEMALE:
            women.setdefault(key, {})[o.period] = o
    out: list[Series] = []
    seen: set[tuple[object, ...]] = set()
    for (indicator, origin, destination, source), points in groups.items():
        theme = DIRECTIONS[indicator][0]
        fingerprint = (_family(indicator),
                       origin, destination, source,
                       tuple((p.period, p.value) for p in points))
        if fingerprint in seen:
            continue
        seen.add(fingerprint)
        out.append(Series(theme, indicator, origin, destination, source,
                          _thinned(sorted(points, key=lambda p: p.period)),
                          women.get((indicator, origin, destination, source), {})))
    return out


def _family(indicator: str) -> str:
    """One name for the indicators that count the same thing from either side."""
    return (indicator.removesuffix("_abroad").replace("emigrant", "immigrant")
            .replace("outflow", "inflow"))


def _thinned(points: list[Observation]) -> tuple[Observation, ...]:
    """A long yearly series printed every five years, with its first and last points."""
    if len(points) <= 10:
        return tuple(points)
    return tuple(p for i, p in enumerate(points)
                 if i in (0, len(points) - 1) or p.year % 5 == 0)


def citation_of(source: Source, lang: str) -> str:
    """A source as the corridor's tables and notes cite it inside a sentence: its citation
    (``tableblocks.citation``) without the final stop."""
    return citation(source, lang).strip().rstrip(".")


def growth_value(series: Series, method: GrowthMethod, lang: str) -> Value | None:
    """The average annual growth between the first and last measured points, its formula
    named (None when there are not two measured points)."""
    measured = [p for p in series.points if p.value]
    if len(measured) < 2:
        return None
    first, last = measured[0], measured[-1]
    rate = average_annual_growth(float(first.value or 0), float(last.value or 0),
                                 years_between(first.period, last.period), method).value
    if rate is None:
        return None
    return Value(text=f"{format_number(rate, lang, 1)} %", number=rate, kind="rate",
                 source_id=series.source_id, period=f"{first.period}/{last.period}",
                 formula=method.value)


def theme_table(theme: str, series: Sequence[Series], *, lang: str, names: Mapping[str, str],
                sources: Mapping[str, Source], indicators: Mapping[str, Indicator],
                policy: GrowthPolicy, notes: Sequence[str] = ()) -> TableBlock | None:
    mine = [s for s in series if s.theme == theme]
    if not mine:
        return None
    header = tuple(Cell(text=gettext(lang, h), header=True, scope="col") for h in (
        N_("Direction"), N_("Year"), N_("Value"), N_("Women (%)"), N_("Basis"),
        N_("Source")))
    body: list[tuple[Cell, ...]] = []
    growth_notes: list[str] = []
    for s in mine:
        info = indicators.get(s.indicator)
        pattern = MONEY if theme == "remittances" else PEOPLE
        label = gettext(lang, pattern).format(
            origin=names.get(s.origin, s.origin), destination=names.get(s.destination,
                                                                         s.destination))
        if theme == "refugees" and info is not None:
            label = f"{info.names.text(lang)} — {label}"

        basis = gettext(lang, BASES.get(info.basis.value, info.basis.value)) if info else ""
        unit = info.unit if info else "persons"
        source = sources.get(s.source_id)
        cited = citation_of(source, lang) if source else s.source_id
        for p in s.points:
            female = s.women.get(p.period)
            women = share(female.value, p.value) if female is not None and p.value \
                and female.value is not None else None
            body.append((
                Cell(text=label, header=True, scope="row"),
                Cell(text=p.period[:4]),
                Cell(value=value_of(p, lang, unit, info.digits if info else None),
                     numeric=True),
                Cell(text=format_number(women, lang, 1) if women is not None else "",
                     numeric=True),
                Cell(text=basis), Cell(text=cited)))
        method = policy.method([s.source_id])
        rate = growth_value(s, method, lang)
        if rate is not None and rate.period:
            y0, y1 = (x[:4] for x in rate.period.split("/"))
            growth_notes.append(gettext(lang, N_(
                "{label} ({source}): average annual growth {rate} between {y0} and {y1} "
                "({method} formula {formula})")).format(
                label=label, source=cited, rate=rate.text, y0=y0, y1=y1,
                method=gettext(lang, method.value), formula=FORMULA_TEXT[method]))
    line: SourceLine = source_line([s.source_id for s in mine], sources, lang)
    return TableBlock(id=f"corridor-{theme}", caption=gettext(lang, THEMES[theme]),
                      header=(header,), body=tuple(body), source=line,
                      notes=tuple([*notes, *growth_notes]))
