"""Charts of the Typst PDF: the Vega-Lite spec drawn as SVG by vl-convert (in the profile's
language and number locale, ``render.charts``); Typst embeds the SVG as vector graphics and
shapes its Arabic labels with the bundled fonts."""

from __future__ import annotations

import re
from typing import Any

from migprofile.profiles.tree import ChartBlock
from migprofile.render.charts import chart_svg
from migprofile.render.html import NARROW_WIDTH

_WIDTH = re.compile(r'<svg\b[^>]*?\bwidth="([\d.]+)"')


def chart_node(chart: ChartBlock, lang: str, _: Any, *, narrow: bool = False) -> dict[str, Any]:
    """What the template draws: ``{"kind": "svg", "svg": …, "width": points}``."""
    spec = chart.spec
    if narrow and isinstance(spec.get("width"), int | float) and spec["width"] > NARROW_WIDTH:
        spec = {**spec, "width": NARROW_WIDTH}
    spec_lang = str((spec.get("usermeta") or {}).get("lang") or lang)
    svg = chart_svg(spec, spec_lang)
    match = _WIDTH.search(svg)
    width = float(match.group(1)) * 0.75 if match else 400.0  # CSS px → pt
    return {"kind": "svg", "svg": svg, "width": width}
