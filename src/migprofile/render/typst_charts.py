"""Charts of the Typst PDF, drawn by Typst itself from the chart's data.

The three kinds the profiles make (``profiles.charts``: ``bar``, ``grouped_bar``,
``time_series``) are laid out natively by ``templates/profile.typ`` as vector graphics in
the bundled fonts: no JavaScript engine runs, so a chart costs about a millisecond instead
of the 0.1–0.3 s of vl-convert, and Arabic labels are shaped by the same typesetter as the
text. The figures printed on bars and axes are formatted here with the profile's CLDR
locale (``i18n.format_number``), exactly as in the tables. Any other kind of chart falls
back to vl-convert's SVG of the Vega-Lite spec.
"""

from __future__ import annotations

import math
import re
from typing import Any

from migprofile.i18n import format_number
from migprofile.profiles.charts import PALETTE
from migprofile.profiles.tree import ChartBlock
from migprofile.render.charts import chart_svg
from migprofile.render.common import chart_rows
from migprofile.render.html import NARROW_WIDTH

_WIDTH = re.compile(r'<svg\b[^>]*?\bwidth="([\d.]+)"')
_DIGITS = re.compile(r"\.(\d+)[f%]")
TICKS = 5


def nice_ticks(low: float, high: float, count: int = TICKS) -> list[float]:
    """Round axis values covering [low, high] (1, 2 or 5 × a power of ten apart)."""
    if high <= low:
        high = low + 1
    raw = (high - low) / max(count - 1, 1)
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)
    first = math.floor(low / step) * step
    ticks = []
    value = first
    while value < high + step * 0.999:
        ticks.append(round(value, 10))
        value += step
    return ticks


def _digits(meta: dict[str, Any]) -> int:
    match = _DIGITS.search(str(meta.get("number_format") or ""))
    return int(match.group(1)) if match else 0


def _axis(values: list[float], lang: str, digits: int) -> tuple[float, float, list[Any]]:
    low = min(0.0, *values) if values else 0.0
    high = max(values) if values else 1.0
    ticks = nice_ticks(low, high)
    tick_digits = 0 if all(float(t).is_integer() for t in ticks) else max(digits, 1)
    return ticks[0], ticks[-1], [{"v": t, "s": format_number(t, lang, tick_digits)}
                                 for t in ticks]


def _legend(names: list[str]) -> list[dict[str, str]]:
    return [{"s": name, "color": PALETTE[i % len(PALETTE)]} for i, name in enumerate(names)]


def _bars(rows: list[dict[str, Any]], lang: str, digits: int) -> dict[str, Any]:
    groups = list(dict.fromkeys(str(r["group"]) for r in rows if r.get("group")))
    color = {g: PALETTE[i % len(PALETTE)] for i, g in enumerate(groups)}
    rows = sorted(rows, key=lambda r: -float(r["value"]))  # largest on top, as Vega's sort
    low, high, ticks = _axis([float(r["value"]) for r in rows], lang, digits)
    bars = [{"label": str(r["label"]), "bars": [{
        "v": float(r["value"]), "s": format_number(float(r["value"]), lang, digits),
        "color": color.get(str(r.get("group")), PALETTE[0])}]} for r in rows]
    return {"kind": "bars", "rows": bars, "min": low, "max": high, "ticks": ticks,
            "legend": _legend(groups)}


def _grouped(rows: list[dict[str, Any]], lang: str, digits: int) -> dict[str, Any]:
    periods = list(dict.fromkeys(str(r["period"]) for r in rows))
    color = {p: PALETTE[i % len(PALETTE)] for i, p in enumerate(periods)}
    labels = list(dict.fromkeys(str(r["label"]) for r in rows))
    low, high, ticks = _axis([float(r["value"]) for r in rows], lang, digits)
    out = [{"label": label, "bars": [{
        "v": float(r["value"]), "s": format_number(float(r["value"]), lang, digits),
        "color": color[str(r["period"])]} for r in rows if str(r["label"]) == label]}
        for label in labels]
    return {"kind": "bars", "rows": out, "min": low, "max": high, "ticks": ticks,
            "legend": _legend(periods)}


def _series(rows: list[dict[str, Any]], lang: str, digits: int) -> dict[str, Any]:
    names = list(dict.fromkeys(str(r["series"]) for r in rows))
    years = sorted({int(r["year"]) for r in rows})
    low, high, ticks = _axis([float(r["value"]) for r in rows], lang, digits)
    first, last = years[0], years[-1]
    span = max(last - first, 1)
    step = next(s for s in (1, 2, 4, 5, 10, 20, 25, 50) if span / s <= 12)
    year_ticks = [y for y in range(first, last + 1) if (y - first) % step == 0]
    series = [{"s": name, "color": PALETTE[i % len(PALETTE)], "points": [
        [int(r["year"]), float(r["value"])] for r in sorted(rows, key=lambda r: r["year"])
        if str(r["series"]) == name]} for i, name in enumerate(names)]
    return {"kind": "series", "series": series, "min": low, "max": high, "ticks": ticks,
            "x0": first, "x1": last if last > first else first + 1,
            "xticks": [{"v": y, "s": str(y)} for y in year_ticks],
            "legend": _legend(names) if len(names) > 1 else []}


NATIVE = {"bar": _bars, "grouped_bar": _grouped, "time_series": _series}


def chart_node(chart: ChartBlock, lang: str, _: Any, *, narrow: bool = False) -> dict[str, Any]:
    """What the template draws: a native chart (``bars``, ``series``) or an ``svg``."""
    spec = chart.spec
    meta = spec.get("usermeta") or {}
    draw = NATIVE.get(str(meta.get("chart")))
    rows = chart_rows(chart)
    if draw is not None and rows:
        node = draw(rows, lang, _digits(meta))
        node["title"] = str(meta.get("value_title") or "")
        node["narrow"] = narrow
        return node
    if narrow and isinstance(spec.get("width"), int | float) and spec["width"] > NARROW_WIDTH:
        spec = {**spec, "width": NARROW_WIDTH}
    spec_lang = str(meta.get("lang") or lang)
    svg = chart_svg(spec, spec_lang)
    match = _WIDTH.search(svg)
    width = float(match.group(1)) * 0.75 if match else 400.0  # CSS px → pt
    return {"kind": "svg", "svg": svg, "width": width}
