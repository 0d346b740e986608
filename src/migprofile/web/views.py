"""Plain data for the portal's pages, read through the core and ``Store`` named queries."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from migprofile import core
from migprofile.i18n import format_number, value_text
from migprofile.model import Area
from migprofile.overview import sort_key
from migprofile.render.charts import embed_options
from migprofile.web.portal import Portal


@dataclass(frozen=True)
class CountryLink:
    iso2: str
    code: str
    name: str
    keys: str = ""  # match keys of every name and alias, for the page's filter


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
        keys = " | ".join((area.iso2.lower(), code.lower(), *core.match_keys(code)))
        groups.setdefault(label, []).append(
            CountryLink(area.iso2, code, area.names.text(lang), keys))
    return [(k, sorted(v, key=lambda c: sort_key(c.name)))
            for k, v in sorted(groups.items(), key=lambda kv: sort_key(kv[0]))]


def world(portal: Portal, lang: str, indicator: str | None = None, *,
          values: bool = True) -> core.WorldIndicators:
    """The indicators with world totals and, with ``values``, the asked (or default) one's
    latest world totals (cached per data version)."""
    found: core.WorldIndicators = portal.cached(
        ("world-indicators", lang, indicator or "", values),
        lambda: core.world_indicators(portal.store, lang=lang, indicator=indicator,
                                      areas=portal.areas(), values=values))
    return found


def map_spec(found: core.WorldIndicators, lang: str) -> dict[str, Any]:
    """A Vega-Lite choropleth on the bundled TopoJSON, joined on ISO numeric codes."""
    title = found.title
    values = [{"id": f"{v.m49:03d}", "name": v.name, "value": v.value, "year": v.year}
              for v in found.values if v.m49 is not None]
    topo = {"url": "/static/countries-110m.json",
            "format": {"type": "topojson", "feature": "countries"}}
    return {
        "width": "container", "height": 340, "autosize": {"type": "fit", "contains": "padding"},
        "projection": {"type": "equalEarth"}, "data": topo,
        "layer": [
            # the grey base map is decoration: hidden from assistive technology
            {"mark": {"type": "geoshape", "fill": "#e3e6ea", "stroke": "#ffffff",
                      "strokeWidth": 0.4, "aria": False}},
            {"transform": [{"lookup": "id", "from": {"data": {"values": values}, "key": "id",
                                                      "fields": ["name", "value", "year"]}},
                           {"filter": "isValid(datum.value)"}],
             "mark": {"type": "geoshape", "stroke": "#ffffff", "strokeWidth": 0.4,
                      "description": title},
             "encoding": {
                 "color": {"field": "value", "type": "quantitative", "title": title,
                           "scale": {"scheme": "blues"}, "legend": {"format": ",.0f"}},
                 "tooltip": [{"field": "name", "title": " "},
                             {"field": "value", "type": "quantitative", "format": ",",
                              "title": title},
                             {"field": "year", "title": "⌚"}]}},
        ],
        "config": {"view": {"stroke": None}, "legend": {"orient": "bottom"}},
        "usermeta": {"lang": lang, "rows": len(values), "embedOptions": embed_options(lang)},
    }


@dataclass
class CompareRow:
    iso2: str
    name: str
    values: dict[int, str]
    rate: str | None
    numbers: dict[int, float | None] = field(default_factory=dict)  # raw, for the CSV
    rate_number: float | None = None


@dataclass
class Comparison:
    indicator: str
    years: list[int]
    rows: list[CompareRow]
    formula: str
    spec: dict[str, Any]
    points: list[dict[str, Any]] = field(default_factory=list)
    method: str = "linear"  # the formula used (the sources' convention when none was chosen)


def compare(portal: Portal, indicator: str, codes: Sequence[str], years: tuple[int, int],
            method: str, lang: str) -> Comparison:
    """World totals of ``indicator`` for ``codes`` between ``years``, with growth rates,
    formatted for the page and its chart."""
    found = core.compare(portal.store, indicator=indicator, countries=codes, years=years,
                         method=method, lang=lang, areas=portal.areas())
    rows: list[CompareRow] = []
    points: list[dict[str, Any]] = []
    for c in found.countries:
        points += [{"country": c.name, "year": y, "value": v} for y, v in c.values.items()]
        texts = {y: _fmt(v, found.unit, lang, found.digits) for y, v in c.values.items()}
        rows.append(CompareRow(c.iso2, c.name, texts,
                               None if c.rate is None else format_number(c.rate, lang, 2),
                               dict(c.values), c.rate))
    return Comparison(indicator, list(found.years), rows, found.formula,
                      line_spec(points, lang), points, found.method.value)


def compare_csv_rows(result: Comparison, growth_label: str) -> list[list[str]]:
    """The comparison as a table with numbers as numbers: country, ISO2, one column per
    year, the growth rate (its formula in the header)."""
    header = ["country", "iso2", *[str(y) for y in result.years],
              f"{growth_label} (%/yr; {result.formula})"]
    rows = [header]
    for row in result.rows:
        rows.append([row.name, row.iso2,
                     *["" if row.numbers.get(y) is None else _plain(row.numbers[y])
                       for y in result.years],
                     "" if row.rate_number is None else _plain(round(row.rate_number, 4))])
    return rows


def _plain(value: float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else repr(value)


def compare_choices(portal: Portal, lang: str) -> list[tuple[str, str, list[CountryLink]]]:
    """(sub-region code, name, its profiled countries) for the compare form's list."""
    areas = portal.areas()
    by_region: dict[str, list[CountryLink]] = {}
    for code in portal.profiled():
        area = areas.get(code)
        if area is None or not area.iso2:
            continue
        # sub-regions (Northern Africa, Western Europe...): small enough to compare at once
        by_region.setdefault(area.subregion or area.region or "", []).append(
            CountryLink(area.iso2, code, area.names.text(lang)))
    found = []
    for region, links in by_region.items():
        name = areas[region].names.text(lang) if region in areas else "—"
        found.append((region, name, sorted(links, key=lambda c: sort_key(c.name))))
    return sorted(found, key=lambda r: sort_key(r[1]))


def _fmt(value: float | None, unit: str, lang: str, digits: int | None = None) -> str:
    return "" if value is None else value_text(value, unit, lang, digits)


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
        "usermeta": {"lang": lang, "embedOptions": embed_options(lang)},
    }


def search(portal: Portal, words: str, lang: str) -> tuple[core.SearchResult, ...]:
    """Hits in the page's language first; in any language when there are none."""
    return core.search(portal.store, words=words, lang=lang)


def area_of(portal: Portal, code: str) -> Area | None:
    return portal.areas().get(code)


@dataclass(frozen=True)
class KeyFigureRow:
    key: str
    label: str
    value: str
    period: str
    source: str
    source_id: str | None
    source_lang: str  # the language the source's title is in (English for a proper name)


def key_figure_rows(portal: Portal, code: str, lang: str) -> list[KeyFigureRow]:
    """The country page's header: each headline figure with its year and source."""
    from migprofile import core
    from migprofile.i18n import qualified
    from migprofile.web.messages import translator

    figures = portal.cached(("key-figures", code),
                            lambda: core.country_key_figures(portal.store, code)[1])
    indicators = {i.code: i for i in portal.store.indicators()}
    sources = {s.id: s for s in portal.store.sources({f.source_id for f in figures
                                                      if f.source_id})}
    t = translator(lang)
    rows = []
    for f in figures:
        info = indicators.get(f.indicator)
        unit = info.unit if info else ""
        value = qualified(value_text(f.value, unit, lang, info.digits if info else None),
                          f.status, lang)
        if unit == "usd_million":
            value = t("usd_millions").replace("{n}", value)
        source = sources.get(f.source_id or "")
        # a title not given in this language is shown in English, as the proper name it is
        # there, and marked as such in the page (never a French title on an Arabic page)
        title_lang = lang if source is None or lang in source.title.texts else "en"
        title = source.title.text(title_lang) if source else (f.source_id or "")
        rows.append(KeyFigureRow(f.key, t(f"kf.{f.key}"), value, f.period[:4],
                                 short_title(title), f.source_id, title_lang))
    return rows


def short_title(title: str) -> str:
    """A source's title up to its subtitle: "International Migrant Stock 2024 (POP/DB/…) :
    par destination…" → "International Migrant Stock 2024"."""
    cut = min((i for i in (title.find(" ("), title.find(" : "), title.find(": "))
               if i > 0), default=len(title))
    return title[:cut].strip()
