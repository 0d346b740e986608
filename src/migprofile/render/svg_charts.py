"""The static SVG charts of the HTML page, drawn here from the chart's data.

The three kinds the profiles make (``bar``, ``grouped_bar``, ``time_series``) are laid out
from the same nodes as the Typst PDF's native charts (``typst_charts.NATIVE``: axis ticks,
figures formatted with the profile's CLDR locale, the palette), so a chart costs about a
millisecond instead of the 0.1–0.3 s vl-convert takes to run Vega in JavaScript; the page
keeps the Vega-Lite spec for the portal's interactive chart. Right-to-left languages get the
bars' labels on the right and bars growing leftwards, and the value axis of a time series on
the right; time still runs left to right, as in the Vega charts. Positions are mirrored here,
so the SVG says ``direction="ltr"``: a right-to-left page must not flip its text anchors.
The SVG has a ``<title>`` and ``<desc>`` (the page also gives the data as a table). Any
other kind of chart: ``None`` (the caller falls back to vl-convert).
"""

from __future__ import annotations

from typing import Any
from xml.sax.saxutils import escape

from migprofile.profiles.charts import WIDTH, font_stack, is_rtl
from migprofile.profiles.tree import ChartBlock
from migprofile.render.common import chart_rows

FONT_SIZE = 11
BAR = 14  # px, one bar
GAP = 6  # px between rows of bars
LEGEND = 18  # px, the legend's line
AXIS = 22  # px under the plot for the tick labels
TITLE = 18  # px above the plot for the value title
SERIES_HEIGHT = 220
CHAR = 0.56  # an average glyph's width, in ems (label column and truncation)
GRID, INK, SOFT = "#dddddd", "#333333", "#666666"


def _attr(text: str) -> str:
    return escape(text, {'"': "&quot;"})


def _text_width(text: str) -> float:
    return len(text) * FONT_SIZE * CHAR


def _clip(text: str, width: float) -> str:
    most = max(int(width / (FONT_SIZE * CHAR)), 4)
    return text if len(text) <= most else text[:most - 1].rstrip() + "…"


class _Canvas:
    """SVG elements in left-to-right coordinates, mirrored for right-to-left charts."""

    def __init__(self, width: float, rtl: bool) -> None:
        self.width, self.rtl, self.parts = width, rtl, list[str]()

    def x(self, value: float) -> float:
        return round(self.width - value if self.rtl else value, 1)

    def anchor(self, anchor: str) -> str:
        flip = {"start": "end", "end": "start"}
        return flip.get(anchor, anchor) if self.rtl else anchor

    def rect(self, x: float, y: float, w: float, h: float, color: str, tip: str = "") -> None:
        left = self.x(x + w) if self.rtl else self.x(x)
        title = f"<title>{escape(tip)}</title>" if tip else ""
        self.parts.append(f'<rect x="{left}" y="{y:.1f}" width="{max(w, 0):.1f}" '
                          f'height="{h:.1f}" fill="{color}">{title}</rect>')

    def line(self, x1: float, y1: float, x2: float, y2: float, color: str) -> None:
        self.parts.append(f'<line x1="{self.x(x1)}" y1="{y1:.1f}" x2="{self.x(x2)}" '
                          f'y2="{y2:.1f}" stroke="{color}"/>')

    def text(self, x: float, y: float, text: str, anchor: str = "start", color: str = INK,
             full: str = "") -> None:
        title = f"<title>{escape(full)}</title>" if full and full != text else ""
        self.parts.append(f'<text x="{self.x(x)}" y="{y:.1f}" text-anchor="{self.anchor(anchor)}"'
                          f' fill="{color}">{title}{escape(text)}</text>')

    def raw(self, element: str) -> None:
        self.parts.append(element)


def _legend(canvas: _Canvas, legend: list[dict[str, str]], y: float) -> None:
    x = 0.0
    for item in legend:
        canvas.rect(x, y - 9, 10, 10, item["color"])
        canvas.text(x + 14, y, item["s"])
        x += 14 + _text_width(item["s"]) + 16


def _bars(canvas: _Canvas, node: dict[str, Any], top: float) -> float:
    labels = [str(r["label"]) for r in node["rows"]]
    label_width = min(max((_text_width(s) for s in labels), default=0) + 8, canvas.width * 0.38)
    widest_value = max((_text_width(b["s"]) for r in node["rows"] for b in r["bars"]),
                       default=0)
    plot_x, plot_w = label_width, canvas.width - label_width - widest_value - 8
    low, high = float(node["min"]), float(node["max"])
    scale = plot_w / ((high - low) or 1)
    bottom = top + sum(len(r["bars"]) * BAR + GAP for r in node["rows"]) - GAP
    zero = plot_x + (max(low, 0) - low) * scale
    for tick in node["ticks"]:  # the grid first: bars and their figures are drawn over it
        tx = plot_x + (tick["v"] - low) * scale
        canvas.line(tx, top - 2, tx, bottom + 2, GRID)
        canvas.text(tx, bottom + 16, tick["s"], "middle", SOFT)
    y = top
    for row in node["rows"]:
        height = len(row["bars"]) * BAR
        canvas.text(plot_x - 6, y + height / 2 + 4, _clip(str(row["label"]), label_width - 8),
                    "end", full=str(row["label"]))
        for bar in row["bars"]:
            end = plot_x + (bar["v"] - low) * scale
            canvas.rect(min(zero, end), y + 1, abs(end - zero), BAR - 2, bar["color"],
                        f"{row['label']}: {bar['s']}")
            canvas.text(max(zero, end) + 4, y + BAR - 3, bar["s"], color=SOFT)
            y += BAR
        y += GAP
    canvas.line(zero, top - 2, zero, bottom + 2, INK)
    return bottom + AXIS


def _series(canvas: _Canvas, node: dict[str, Any], top: float) -> float:
    ticks = node["ticks"]
    axis_w = max((_text_width(t["s"]) for t in ticks), default=0) + 8
    plot_w = canvas.width - axis_w - 12
    plot_x = 12 if canvas.rtl else axis_w  # the value axis on the reading side, as in Vega
    low, high = float(node["min"]), float(node["max"])
    x0, x1 = float(node["x0"]), float(node["x1"])
    bottom = top + SERIES_HEIGHT

    def px(year: float) -> float:  # time runs left to right in every language
        return plot_x + (year - x0) / ((x1 - x0) or 1) * plot_w

    def py(value: float) -> float:
        return bottom - (value - low) / ((high - low) or 1) * SERIES_HEIGHT

    ltr = _Canvas(canvas.width, False)
    for tick in ticks:
        ltr.line(plot_x, py(tick["v"]), plot_x + plot_w, py(tick["v"]), GRID)
        if canvas.rtl:
            ltr.text(plot_x + plot_w + 6, py(tick["v"]) + 4, tick["s"], "start", SOFT)
        else:
            ltr.text(plot_x - 6, py(tick["v"]) + 4, tick["s"], "end", SOFT)
    for tick in node["xticks"]:
        ltr.line(px(tick["v"]), bottom, px(tick["v"]), bottom + 4, INK)
        ltr.text(px(tick["v"]), bottom + 16, tick["s"], "middle", SOFT)
    ltr.line(plot_x, bottom, plot_x + plot_w, bottom, INK)
    for series in node["series"]:
        points = " ".join(f"{px(x):.1f},{py(v):.1f}" for x, v in series["points"])
        ltr.raw(f'<polyline points="{points}" fill="none" stroke="{series["color"]}" '
                'stroke-width="2"/>')
        for x, v in series["points"]:
            ltr.raw(f'<circle cx="{px(x):.1f}" cy="{py(v):.1f}" r="2.5" '
                    f'fill="{series["color"]}"/>')
    canvas.parts += ltr.parts
    return bottom + AXIS


def native_svg(chart: ChartBlock, lang: str, *, width: float | None = None) -> str | None:
    """The chart as an inline ``<svg>`` (no XML prolog), or None for a kind not drawn here."""
    from migprofile.render.typst_charts import NATIVE, _digits  # it imports render.html

    meta = chart.spec.get("usermeta") or {}
    draw = NATIVE.get(str(meta.get("chart")))
    rows = chart_rows(chart)
    if draw is None or not rows:
        return None
    spec_lang = str(meta.get("lang") or lang)
    node = draw(rows, spec_lang, _digits(meta))
    rtl = is_rtl(spec_lang)
    size = float(width or chart.spec.get("width") or WIDTH)
    canvas = _Canvas(size, rtl)
    y = 4.0
    if node.get("legend"):
        y += 12
        _legend(canvas, node["legend"], y)
        y += LEGEND - 8
    title = str(meta.get("value_title") or "")
    if title:
        y += 14
        canvas.text(0, y, title, color=SOFT)
        y += TITLE - 12
    y += 6
    bottom = _bars(canvas, node, y) if node["kind"] == "bars" else _series(canvas, node, y)
    label = chart.description or chart.title
    ident = f"c-{chart.id}"
    head = (f'<svg viewBox="0 0 {size:.0f} {bottom:.0f}" role="img" '
            f'aria-labelledby="{ident}-title {ident}-desc" style="max-width:{size:.0f}px" '
            f'font-family="{_attr(font_stack(spec_lang))}" font-size="{FONT_SIZE}" '
            # positions are mirrored here: a right-to-left page must not flip the anchors
            'direction="ltr">')
    return (head + f'<title id="{ident}-title">{escape(chart.title)}</title>'
            f'<desc id="{ident}-desc">{escape(label)}</desc>'
            f'<rect width="{size:.0f}" height="{bottom:.0f}" fill="white"/>'
            + "".join(canvas.parts) + "</svg>")
