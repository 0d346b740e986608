"""Vega-Lite specifications for the profile's charts, built with Altair.

Every builder returns a plain ``dict`` (``chart.to_dict()``) with the data inline (no URL),
a fixed width, the font stack of the language and ``usermeta`` telling the renderers the
language and what the chart shows (``lang``, ``id``, ``title``, ``chart``, ``value_title``,
``label_title``, ``number_format``). Titles and labels arrive already translated; numbers are
formatted at drawing time with the language's d3 locale (``render.charts``).

Right-to-left: for Arabic the label axis (or the value axis of a time series) sits on the
right and horizontal bars grow from right to left; years still run left to right, as in
Arabic statistical publications.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from typing import Any

from migprofile.model import languages


@cache
def _alt() -> Any:
    """Altair, imported on first use: a quarter of a second that ``init``, ``import`` and
    every command that draws no chart need not pay."""
    import altair

    # Altair validates every object it constructs against the Vega-Lite JSON schema ("debug
    # mode"): two thirds of the time of a chart, for specs our own builders below produce.
    altair.utils.schemapi.disable_debug_mode()
    return altair


WIDTH = 520
BAR_STEP = 20
SERIES_HEIGHT = 260
PALETTE = ("#1f4e79", "#c55a11", "#548235", "#8c6d1f", "#7030a0", "#2e75b6", "#a5a5a5")
BAR_COLOR = PALETTE[0]
# System fonts after the bundled ones of each script (the registry's), for viewers without them.
_FALLBACK = {"rtl": "Tahoma, Arial, sans-serif",
             "ltr": "Helvetica Neue, Helvetica, Arial, sans-serif"}


def font_stack(lang: str) -> str:
    try:
        spec = languages.language(lang)
    except KeyError:
        return "Noto Sans, " + _FALLBACK["ltr"]
    return ", ".join((*spec.fonts, _FALLBACK[spec.direction]))


def is_rtl(lang: str) -> bool:
    return languages.is_rtl(lang)


def bar_chart(
    chart_id: str,
    title: str,
    rows: Sequence[Mapping[str, Any]],
    *,
    lang: str,
    value_title: str,
    label_title: str | None = None,
    number_format: str = ",.0f",
) -> dict[str, Any]:
    """Horizontal bars sorted by value (largest on top), one colour per ``group`` if any."""
    alt = _alt()
    rtl = is_rtl(lang)
    data: list[dict[str, Any]] = [
        {"label": str(r["label"]), "value": float(r["value"]),
         "group": None if r.get("group") is None else str(r["group"])} for r in rows]
    groups = _distinct(r["group"] for r in data if r["group"])
    base = alt.Chart(_inline(data))
    y = alt.Y("label:N", sort="-x", title=label_title,
              axis=alt.Axis(orient="right" if rtl else "left", labelLimit=220, ticks=False,
                            labelPadding=6))
    x = alt.X("value:Q", title=value_title, scale=alt.Scale(reverse=rtl),
              axis=alt.Axis(format=number_format, tickCount=5, labelOverlap="greedy"))
    color: Any = (
        alt.Color("group:N", title=None, sort=groups,
                  scale=alt.Scale(range=list(PALETTE)), legend=alt.Legend(orient="bottom"))
        if groups else alt.value(BAR_COLOR)
    )
    tooltip = [alt.Tooltip("label:N", title=label_title or " "),
               alt.Tooltip("value:Q", title=value_title, format=number_format)]
    bars = base.mark_bar().encode(x=x, y=y, color=color, tooltip=tooltip)
    labels = base.mark_text(align="right" if rtl else "left", dx=-4 if rtl else 4,
                            baseline="middle", fontSize=10, color="#333333").encode(
        x=alt.X("value:Q"), y=alt.Y("label:N", sort="-x"),
        text=alt.Text("value:Q", format=number_format))
    chart = alt.layer(bars, labels).properties(width=WIDTH, height=alt.Step(BAR_STEP))
    return _finish(chart, chart_id, title, lang, "bar", value_title, label_title, number_format)


def time_series(
    chart_id: str,
    title: str,
    rows: Sequence[Mapping[str, Any]],
    *,
    lang: str,
    value_title: str,
    number_format: str = ",.0f",
) -> dict[str, Any]:
    """Lines with points over years (integer axis, no thousands separator), one per series."""
    alt = _alt()
    rtl = is_rtl(lang)
    data: list[dict[str, Any]] = [
        {"year": int(r["year"]), "value": float(r["value"]), "series": str(r["series"])}
        for r in rows]
    series = _distinct(r["series"] for r in data)
    years: list[int] = sorted({int(r["year"]) for r in data})
    x = alt.X("year:Q", title=None,
              scale=alt.Scale(zero=False, nice=False, domain=[years[0], years[-1]]
                              if years else alt.Undefined),
              axis=alt.Axis(format="d", tickMinStep=1, labelOverlap=True, grid=False))
    y = alt.Y("value:Q", title=None, scale=alt.Scale(zero=True),
              axis=alt.Axis(format=number_format, orient="right" if rtl else "left",
                            tickCount=5))
    color = alt.Color("series:N", title=None, sort=series, scale=alt.Scale(range=list(PALETTE)),
                      legend=alt.Legend(orient="bottom") if len(series) > 1 else None)
    tooltip = [alt.Tooltip("year:Q", format="d", title=" "),
               alt.Tooltip("series:N", title=" "),
               alt.Tooltip("value:Q", title=value_title, format=number_format)]
    chart = (alt.Chart(_inline(data))
             .mark_line(point=alt.OverlayMarkDef(filled=True, size=36), strokeWidth=2)
             .encode(x=x, y=y, color=color, tooltip=tooltip)
             .properties(width=WIDTH, height=SERIES_HEIGHT,
                         title=_unit_title(value_title, rtl)))
    return _finish(chart, chart_id, title, lang, "time_series", value_title, None, number_format)


def grouped_bar(
    chart_id: str,
    title: str,
    rows: Sequence[Mapping[str, Any]],
    *,
    lang: str,
    value_title: str,
    label_title: str | None = None,
    number_format: str = ",.0f",
) -> dict[str, Any]:
    """Horizontal bars per label, one bar per ``period`` (e.g. remittances by country, year).

    Labels keep the order of ``rows`` (the caller puts "Other countries" last).
    """
    alt = _alt()
    rtl = is_rtl(lang)
    data: list[dict[str, Any]] = [
        {"label": str(r["label"]), "value": float(r["value"]), "period": str(r["period"])}
        for r in rows]
    labels = _distinct(r["label"] for r in data)
    periods = _distinct(r["period"] for r in data)
    y = alt.Y("label:N", sort=labels, title=label_title,
              axis=alt.Axis(orient="right" if rtl else "left", labelLimit=220, ticks=False,
                            labelPadding=6))
    x = alt.X("value:Q", title=value_title, scale=alt.Scale(reverse=rtl),
              axis=alt.Axis(format=number_format, tickCount=5, labelOverlap="greedy"))
    color = alt.Color("period:N", title=None, sort=periods, scale=alt.Scale(range=list(PALETTE)),
                      legend=alt.Legend(orient="bottom"))
    tooltip = [alt.Tooltip("label:N", title=label_title or " "),
               alt.Tooltip("period:N", title=" "),
               alt.Tooltip("value:Q", title=value_title, format=number_format)]
    chart = (alt.Chart(_inline(data)).mark_bar()
             .encode(x=x, y=y, yOffset=alt.YOffset("period:N", sort=periods), color=color,
                     tooltip=tooltip)
             .properties(width=WIDTH, height=alt.Step(12)))
    return _finish(chart, chart_id, title, lang, "grouped_bar", value_title, label_title,
                   number_format)


def _distinct(values: Iterable[Any]) -> list[str]:
    """Distinct values as strings, in order of first appearance."""
    return list(dict.fromkeys(str(v) for v in values))


def _inline(values: list[dict[str, Any]]) -> Any:
    """Inline data (never a URL)."""
    alt = _alt()
    return alt.InlineData(values=values)


def _unit_title(text: str, rtl: bool) -> Any:
    """The value axis's title printed horizontally above the plot (readable in Arabic)."""
    alt = _alt()
    return alt.TitleParams(text=text, anchor="end" if rtl else "start", fontSize=11,
                           fontWeight="normal", color="#333333", offset=8)


def _finish(chart: Any, chart_id: str, title: str, lang: str, kind: str, value_title: str,
            label_title: str | None, number_format: str) -> dict[str, Any]:
    size = 12 if lang == "ar" else 11
    chart = (chart.properties(
                description=title,
                usermeta={"lang": lang, "id": chart_id, "title": title, "chart": kind,
                          "value_title": value_title, "label_title": label_title,
                          "number_format": number_format})
             .configure(font=font_stack(lang), background="white", padding=8)
             .configure_view(stroke=None)
             .configure_axis(labelFontSize=size, titleFontSize=size, titleFontWeight="normal",
                             domainColor="#8c8c8c", tickColor="#8c8c8c", gridColor="#e6e6e6",
                             labelColor="#333333", titleColor="#333333")
             .configure_legend(labelFontSize=size, symbolSize=80))
    # the builders above are fixed code: validating every chart of every profile against the
    # Vega-Lite schema costs a quarter of an assembly; tests/render validates them once
    spec: dict[str, Any] = chart.to_dict(validate=False)
    _inline_datasets(spec)
    spec["config"]["view"] = {"stroke": None}  # drop Altair's default continuous sizes
    return spec


def _inline_datasets(spec: dict[str, Any]) -> None:
    """Put Altair's consolidated ``datasets`` back as ``data.values`` (one data set)."""
    datasets = spec.get("datasets")
    data = spec.get("data")
    if isinstance(datasets, dict) and len(datasets) == 1 and isinstance(data, dict) \
            and data.get("name") in datasets:
        spec["data"] = {"values": datasets[data["name"]]}
        del spec["datasets"]


ATLAS_URL = "/static/countries-110m.json"  # the portal's bundled world atlas (world-atlas)
FLOW_COLOR = PALETTE[0]
HOME_COLOR = PALETTE[1]


def flow_map(chart_id: str, title: str, *, lang: str, data_url: str, country_m49: int | None,
             origin: tuple[float, float] | None, value_title: str, name_title: str,
             share_title: str, extent: Sequence[tuple[float, float]] = (),
             largest: float | None = None) -> dict[str, Any]:
    """A country's corridors on the world atlas: the country filled, a line from it to each
    partner and a circle on each partner sized by the stock; the partners are read from the
    portal's API (``data_url``, a JSON object whose ``partners`` have ``lon``, ``lat``,
    ``value``, ``share``, ``name`` and ``url``), so the map and the API show the same rows.
    A circle links to its corridor (``url``); the page prints the same rows as a table.
    ``extent``: the points (lon, lat) the view is fitted to (the world when they span it);
    ``largest``: the largest stock, from which the legend's three sizes are chosen."""
    atlas = {"url": ATLAS_URL, "format": {"type": "topojson", "feature": "countries"}}
    partners = {"url": data_url, "format": {"type": "json", "property": "partners"}}
    drawn = [{"filter": "isValid(datum.lon) && isValid(datum.lat)"}]
    layers: list[dict[str, Any]] = [
        # the grey base map and the country itself are decoration for assistive technology:
        # the table under the map says the same
        {"data": atlas, "mark": {"type": "geoshape", "fill": "#e3e6ea", "stroke": "#ffffff",
                                 "strokeWidth": 0.4, "aria": False, "tooltip": False,
                                 "clip": True}}]
    if country_m49 is not None:
        layers.append({"data": atlas, "transform": [{"filter": f"datum.id == '{country_m49:03d}'"}],
                       "mark": {"type": "geoshape", "fill": "#f4b183", "stroke": HOME_COLOR,
                                "strokeWidth": 0.8, "aria": False, "tooltip": False,
                                "clip": True}})
    if origin is not None:
        layers.append({
            "data": partners,
            # the line's width follows the stock under another name: Vega-Lite merges the
            # legends of channels sharing a field, and the circles' legend is the one wanted
            "transform": [*drawn, {"calculate": repr(origin[0]), "as": "lon0"},
                          {"calculate": repr(origin[1]), "as": "lat0"},
                          {"calculate": "datum.value", "as": "weight"}],
            "mark": {"type": "rule", "color": FLOW_COLOR, "opacity": 0.35, "aria": False,
                     "tooltip": False},
            "encoding": {"longitude": {"field": "lon0", "type": "quantitative"},
                         "latitude": {"field": "lat0", "type": "quantitative"},
                         "longitude2": {"field": "lon"}, "latitude2": {"field": "lat"},
                         "strokeWidth": {"field": "weight", "type": "quantitative",
                                         "scale": {"range": [0.5, 3.5]}, "legend": None}}})
    tooltip = [{"field": "name", "type": "nominal", "title": name_title},
               {"field": "value", "type": "quantitative", "format": ",.0f",
                "title": value_title},
               {"field": "share", "type": "quantitative", "format": ",.1f",
                "title": share_title}]
    # each circle says which partner and how many people to assistive technology
    label = {"calculate": "datum.name + ' — ' + format(datum.value, ',.0f')", "as": "label"}
    layers.append({
        "data": partners, "transform": [*drawn, label],
        "mark": {"type": "circle", "color": FLOW_COLOR, "opacity": 0.75, "stroke": "#ffffff",
                 "strokeWidth": 0.8, "cursor": "pointer"},
        "encoding": {"longitude": {"field": "lon", "type": "quantitative"},
                     "latitude": {"field": "lat", "type": "quantitative"},
                     "size": {"field": "value", "type": "quantitative", "title": value_title,
                              "scale": {"range": [16, 900]},
                              "legend": {"format": ",.0f", "orient": "bottom",
                                         "direction": "horizontal",
                                         **({"values": _legend_values(largest)}
                                            if largest else {})}},
                     # the small circles drawn last, over the large ones they sit in
                     "order": {"field": "value", "sort": "descending"},
                     "href": {"field": "url"}, "tooltip": tooltip,
                     "description": {"field": "label"}}})
    size = 12 if lang == "ar" else 11
    # the page's stylesheet sizes the map's box (shorter on a phone, where a world view
    # fitted to the width is short)
    return {"width": "container", "height": "container",
            "autosize": {"type": "fit", "contains": "padding"},
            "projection": _fitted(extent), "layer": layers, "description": title,
            "config": {"font": font_stack(lang), "view": {"stroke": None},
                       "legend": {"labelFontSize": size, "titleFontSize": size,
                                  "titleFontWeight": "normal"}},
            "usermeta": {"lang": lang, "id": chart_id, "title": title, "chart": "flow_map"}}


def _fitted(points: Sequence[tuple[float, float]]) -> dict[str, Any]:
    """An Equal Earth projection framing ``points`` with a margin (a corner of the world
    when a country's corridors stay in it; the whole world when they span it)."""
    if not points:
        return {"type": "equalEarth"}
    lons, lats = [p[0] for p in points], [p[1] for p in points]
    west, east = min(lons) - 12, max(lons) + 12
    south, north = max(min(lats) - 8, -58.0), min(max(lats) + 8, 84.0)
    if east - west > 300:
        return {"type": "equalEarth"}
    corners = [[west, south], [east, south], [east, north], [west, north]]
    return {"type": "equalEarth",
            "fit": {"type": "Feature", "properties": {},
                    "geometry": {"type": "MultiPoint", "coordinates": corners}}}


def _legend_values(largest: float) -> list[float]:
    """Three round sizes up to ``largest`` (1,088,408 → 100,000, 500,000, 1,000,000)."""
    step = 10 ** (len(str(int(largest))) - 1)
    top = (largest // step) * step
    return [v for v in dict.fromkeys((top / 10, top / 2, top)) if v >= 1]
