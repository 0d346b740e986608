"""Plain data for the portal's pages, read through the core and ``Store`` named queries."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from migprofile.geo import normalise
from migprofile.i18n import format_number
from migprofile.indicators.growth import GrowthMethod, average_annual_growth
from migprofile.model import Area, InstrumentKind, Observation
from migprofile.store import ObservationFilter
from migprofile.store.search import SearchHit, search_texts
from migprofile.web.portal import Portal

WORLD = "WLD"


@dataclass(frozen=True)
class CountryLink:
    iso2: str
    code: str
    name: str


def country_groups(portal: Portal, lang: str) -> list[tuple[str, list[CountryLink]]]:
    """Profiled countries grouped by UN region, both sorted by name in ``lang``."""
    areas = portal.areas()
    groups: dict[str, list[CountryLink]] = {}
    for code in portal.profiled():
        area = areas.get(code)
        if area is None or not area.iso2:
            continue
        region = areas.get(area.region or "")
        label = region.names.text(lang) if region else "—"
        groups.setdefault(label, []).append(CountryLink(area.iso2, code, area.names.text(lang)))
    return [(k, sorted(v, key=lambda c: c.name)) for k, v in sorted(groups.items())]


def indicator_choices(portal: Portal, lang: str) -> list[tuple[str, str]]:
    """(code, name) of the indicators that have at least one world total."""
    def make() -> list[str]:
        return portal.store.indicators_with_totals(WORLD)

    names = {i.code: i.names.text(lang) for i in portal.store.indicators()}
    codes: list[str] = portal.cached(("world-indicators",), make)
    return sorted(((c, names.get(c, c)) for c in codes), key=lambda x: x[1])


def latest_totals(portal: Portal, indicator: str) -> dict[str, Observation]:
    """The latest world-total observation of ``indicator`` for each reporting country."""
    return portal.store.latest_observations(indicator, WORLD)


def map_spec(portal: Portal, indicator: str, lang: str, title: str) -> dict[str, Any]:
    """A Vega-Lite choropleth on the bundled TopoJSON, joined on ISO numeric codes."""
    areas = portal.areas()
    values = [{"id": f"{areas[c].m49:03d}", "name": areas[c].names.text(lang),
               "value": o.value, "year": o.year}
              for c, o in latest_totals(portal, indicator).items()
              if c in areas and areas[c].m49 is not None]
    topo = {"url": "/static/countries-110m.json",
            "format": {"type": "topojson", "feature": "countries"}}
    return {
        "width": "container", "height": 340, "autosize": {"type": "fit", "contains": "padding"},
        "projection": {"type": "equalEarth"}, "data": topo,
        "layer": [
            {"mark": {"type": "geoshape", "fill": "#e3e6ea", "stroke": "#ffffff",
                      "strokeWidth": 0.4}},
            {"transform": [{"lookup": "id", "from": {"data": {"values": values}, "key": "id",
                                                      "fields": ["name", "value", "year"]}},
                           {"filter": "isValid(datum.value)"}],
             "mark": {"type": "geoshape", "stroke": "#ffffff", "strokeWidth": 0.4},
             "encoding": {
                 "color": {"field": "value", "type": "quantitative", "title": title,
                           "scale": {"scheme": "blues"}, "legend": {"format": ",.0f"}},
                 "tooltip": [{"field": "name", "title": " "},
                             {"field": "value", "type": "quantitative", "format": ",",
                              "title": title},
                             {"field": "year", "title": "⌚"}]}},
        ],
        "config": {"view": {"stroke": None}, "legend": {"orient": "bottom"}},
        "usermeta": {"lang": lang, "rows": len(values)},
    }


@dataclass
class CompareRow:
    iso2: str
    name: str
    values: dict[int, str]
    rate: str | None


@dataclass
class Comparison:
    indicator: str
    years: list[int]
    rows: list[CompareRow]
    formula: str
    spec: dict[str, Any]
    points: list[dict[str, Any]] = field(default_factory=list)


def _rate(series: list[Observation], method: str, lang: str) -> str | None:
    usable = [o for o in series if o.value is not None]
    if len(usable) < 2 or usable[-1].year <= usable[0].year:
        return None
    first, last = usable[0], usable[-1]
    assert first.value is not None and last.value is not None
    rate = average_annual_growth(first.value, last.value, float(last.year - first.year),
                                 method, strict=False)
    return None if rate.value is None else format_number(rate.value, lang, 2)


def compare(portal: Portal, indicator: str, codes: Sequence[str], years: tuple[int, int],
            method: str, lang: str) -> Comparison:
    """World totals of ``indicator`` for ``codes`` between ``years``, with growth rates."""
    where = ObservationFilter(indicator=indicator, countries=list(codes), partner=WORLD,
                              sex="total", year_from=years[0], year_to=years[1])
    series: dict[str, list[Observation]] = {c: [] for c in codes}
    for o in portal.store.observations(where):
        if not o.breakdown:
            series[o.country].append(o)
    areas = portal.areas()
    rows: list[CompareRow] = []
    points: list[dict[str, Any]] = []
    all_years: set[int] = set()
    for code in codes:
        obs = sorted(series[code], key=lambda o: o.year)
        area = areas.get(code)
        name = area.names.text(lang) if area else code
        all_years.update(o.year for o in obs)
        points += [{"country": name, "year": o.year, "value": o.value} for o in obs]
        rows.append(CompareRow(area.iso2 if area and area.iso2 else code, name,
                               {o.year: _fmt(o.value, lang) for o in obs},
                               _rate(obs, method, lang)))
    rate = average_annual_growth(1.0, 2.0, 1.0, GrowthMethod(method))
    return Comparison(indicator, sorted(all_years), rows, rate.formula,
                      line_spec(points, lang), points)


def _fmt(value: float | None, lang: str) -> str:
    return "" if value is None else format_number(value, lang, 0 if value.is_integer() else 1)


def line_spec(points: list[dict[str, Any]], lang: str) -> dict[str, Any]:
    return {
        "width": "container", "height": 300, "data": {"values": points},
        "mark": {"type": "line", "point": True, "tooltip": True},
        "encoding": {
            "x": {"field": "year", "type": "quantitative", "axis": {"format": "d"},
                  "title": None},
            "y": {"field": "value", "type": "quantitative", "title": None},
            "color": {"field": "country", "type": "nominal", "title": None},
        },
        "config": {"legend": {"orient": "bottom"}},
        "usermeta": {"lang": lang},
    }


@dataclass
class LegalMatrix:
    countries: list[CountryLink]
    conventions: list[tuple[str, str]]  # (id, title)
    status: dict[tuple[str, str], str]  # (convention id, country) -> status


def legal_matrix(portal: Portal, lang: str) -> LegalMatrix:
    areas = portal.areas()
    profiled = [c for c in portal.profiled() if c in areas]
    countries = sorted((CountryLink(areas[c].iso2 or c, c, areas[c].names.text(lang))
                        for c in profiled), key=lambda link: normalise(link.name))
    conventions: dict[str, tuple[str, str]] = {}  # treaty -> (sort key, label)
    status: dict[tuple[str, str], str] = {}
    as_of: dict[tuple[str, str], str] = {}
    for i in portal.store.instruments():
        # treaty-status snapshots are coded untc:<treaty>:<ISO3>[:<year>]; the newest wins
        if i.kind is not InstrumentKind.MULTILATERAL or not i.id.startswith("untc:"):
            continue
        treaty, snapshot = i.id.split(":")[1], (i.as_of.isoformat() if i.as_of else "")
        label = i.short_name.text(lang) or i.title.text(lang)
        conventions.setdefault(treaty, (str(i.adopted or ""), label))
        if snapshot >= as_of.get((treaty, i.country), ""):
            as_of[(treaty, i.country)] = snapshot
            status[(treaty, i.country)] = i.status.value
    ordered = sorted(conventions.items(), key=lambda kv: kv[1])
    return LegalMatrix(countries, [(k, label) for k, (_, label) in ordered], status)


def search(portal: Portal, words: str, lang: str) -> list[SearchHit]:
    """Hits in the page's language first; in any language when there are none."""
    return search_texts(portal.store, words, lang=lang) or search_texts(portal.store, words)


def area_of(portal: Portal, code: str) -> Area | None:
    return portal.areas().get(code)
