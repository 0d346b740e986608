"""The HTML's static charts drawn natively (``render.svg_charts``), from the chart's data."""

from __future__ import annotations

import re
from typing import Any

from migprofile.profiles import charts
from migprofile.profiles.tree import ChartBlock, SourceLine
from migprofile.render.svg_charts import native_svg

SOURCE = SourceLine("Source", ("S",), ("s",))


def _block(spec: dict[str, Any], title: str = "Titre") -> ChartBlock:
    return ChartBlock(id="c1", title=title, spec=spec, description="Une description",
                      source=SOURCE)


def _rects(svg: str) -> list[tuple[float, float]]:
    """(x, width) of the bars (the rects with a tooltip), in document order."""
    return [(float(x), float(w)) for x, w in
            re.findall(r'<rect x="([\d.]+)" y="[\d.]+" width="([\d.]+)" height="12.0" '
                       r'fill="#[0-9a-f]+"><title>', svg)]


def test_bars_are_labelled_sized_and_numbered_in_the_language() -> None:
    rows = [{"label": "Espagne", "value": 1000, "group": None},
            {"label": "France", "value": 3_025_000, "group": None}]
    svg = native_svg(_block(charts.bar_chart("b", "T", rows, lang="fr",
                                             value_title="Personnes")), "fr")
    assert svg is not None and svg.startswith("<svg ")
    assert 'role="img"' in svg and 'aria-labelledby="c-c1-title c-c1-desc"' in svg
    assert '<title id="c-c1-title">Titre</title><desc id="c-c1-desc">Une description</desc>' \
        in svg
    assert "3\u202f025\u202f000" in svg and "3,025,000" not in svg  # French digit groups
    bars = _rects(svg)
    assert len(bars) == 2 and bars[0][1] > 100 * bars[1][1]  # France first, the longest
    assert svg.index(">France<") < svg.index(">Espagne<")


def test_right_to_left_bars_grow_leftwards_from_labels_on_the_right() -> None:
    rows = [{"label": "فرنسا", "value": 3, "group": None},
            {"label": "إسبانيا", "value": 1, "group": None}]
    svg = native_svg(_block(charts.bar_chart("b", "T", rows, lang="ar", value_title="العدد")),
                     "ar")
    assert svg is not None
    assert 'direction="ltr"' in svg  # mirrored here: a right-to-left page must not flip it
    found = re.search(r'<text x="([\d.]+)" y="[\d.]+" text-anchor="start"[^>]*>فرنسا<', svg)
    assert found is not None  # the label is anchored at its right-hand start
    label_x = float(found.group(1))
    (x, width), _ = _rects(svg)
    assert x + width <= label_x  # the bar ends left of its label
    assert x > 0


def test_a_time_series_has_one_point_per_year_and_a_legend_per_series() -> None:
    rows = [{"year": 2000 + i, "value": v, "series": s} for s in ("A", "B")
            for i, v in enumerate([3, 5, 4])]
    svg = native_svg(_block(charts.time_series("s", "T", rows, lang="en",
                                               value_title="People")), "en")
    assert svg is not None
    assert svg.count("<polyline") == 2 and svg.count("<circle") == 6
    assert ">A<" in svg and ">B<" in svg and ">2000<" in svg


def test_other_kinds_are_left_to_vl_convert() -> None:
    spec = {"mark": "arc", "usermeta": {"chart": "pie"}, "data": {"values": [{"v": 1}]}}
    assert native_svg(_block(spec), "en") is None
