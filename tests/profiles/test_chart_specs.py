"""The chart builders skip schema validation at assembly (it is costly and their code is
fixed): their output is validated against the Vega-Lite schema here, once."""

from __future__ import annotations

import altair as alt
import pytest

from migprofile.profiles import charts


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_chart_specs_are_valid_vega_lite(lang: str) -> None:
    bars = charts.bar_chart("b", "Title", [{"label": "A", "value": 3.0, "group": "G"},
                                           {"label": "B", "value": 1.0, "group": "H"}],
                            lang=lang, value_title="Persons")
    series = charts.time_series("s", "Title", [{"year": 2000, "value": 1.0, "series": "X"},
                                               {"year": 2001, "value": 2.0, "series": "X"}],
                                lang=lang, value_title="Persons")
    for spec in (bars, series):
        alt.Chart.from_dict({k: v for k, v in spec.items() if k != "usermeta"},
                            validate=True)
