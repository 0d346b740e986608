"""The command line's overviews: ``show`` (concise, flows with growth, --full), ``summary``
(key figures with period and source), ``countries`` (countries apart from regions), run on the
session's database with the bundled extracts."""

from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from migprofile.cli import app
from migprofile.indicators.growth import GrowthMethod
from migprofile.model import Observation, Sex, Status
from migprofile.overview import key_figures, package_series, sort_key
from migprofile.store import Store

runner = CliRunner()
WIDE = {"COLUMNS": "160"}


@pytest.fixture(scope="module")
def url(ma_store: Store) -> str:
    return ma_store.engine.url.render_as_string(hide_password=False)


def _out(result: object) -> str:
    text = getattr(result, "output")  # noqa: B009 - CliRunner's Result
    return str(text).replace("\u202f", " ").replace("\u00a0", " ")


def test_show_includes_flows_with_their_growth(url: str) -> None:
    result = runner.invoke(app, ["show", "MA", "--db", url], env=WIDE)
    assert result.exit_code == 0, result.output
    out = _out(result)
    # OECD inflows of Moroccans into Spain, 1998 -> 2007: (71 400 - 10 600) / 10 600 / 9 = 63.7 %
    flows = [line for line in out.splitlines() if "emigrant_flow" in line and "Espagne" in line]
    assert flows and "10 600" in flows[0] and "71 400" in flows[0] and "63,7" in flows[0]


def test_show_is_concise_and_full_lists_everything(url: str) -> None:
    short = _out(runner.invoke(app, ["show", "MA", "--db", url], env=WIDE))
    full = _out(runner.invoke(app, ["show", "MA", "--full", "--db", url], env=WIDE))
    assert len(short.splitlines()) < 200
    assert "--full lists them" in short
    assert len(full.splitlines()) > 3000  # every UNHCR and UN DESA value outside the tables
    # counts per indicator and source, the texts per language and the sources are all there
    for expected in ("Values per indicator", "unhcr-population-2025", "Texts per language",
                     "Sources", "Consulats du Maroc"):
        assert expected in short, expected


def test_summary_gives_each_key_figure_its_period_and_source(url: str) -> None:
    result = runner.invoke(app, ["summary", "MA", "--lang", "en", "--db", url], env=WIDE)
    assert result.exit_code == 0, result.output
    rows = [line for line in _out(result).splitlines()
            if line.startswith("│") and line[1:].split("│")[0].strip()]
    assert len(rows) >= 6
    for row in rows:
        cells = [c.strip() for c in row.strip("│").split("│")]
        assert re.fullmatch(r"\d{4}(-\d\d-\d\d)?", cells[3]), row
        assert cells[4], row
    emigrants = next(r for r in rows if r.startswith("│ emigrants"))
    assert "undesa-ims-2024" in emigrants and "2024" in emigrants


def test_countries_lists_regions_apart_in_collation_order(url: str) -> None:
    result = runner.invoke(app, ["countries", "--lang", "fr", "--db", url], env=WIDE)
    assert result.exit_code == 0, result.output
    out = _out(result)
    countries, rest = out.split("regions, aggregates and other areas")
    assert "UN:002" not in countries and "UN:002" in rest  # Africa is a region
    assert "WB:ARB" in rest and "MAR" in countries
    names = [c.split("│")[3].strip() for c in countries.splitlines()
             if c.startswith("│") and len(c.split("│")) > 4]
    assert names.index("Égypte") < names.index("Espagne") < names.index("Zimbabwe")


def test_sort_key_folds_accents_and_case() -> None:
    assert sorted(["Zimbabwe", "Égypte", "espagne", "Éthiopie"], key=sort_key) == \
        ["Égypte", "espagne", "Éthiopie", "Zimbabwe"]


def _obs(indicator: str, partner: str, period: str, value: float | None,
         source: str = "s", status: Status = Status.OBSERVED) -> Observation:
    return Observation(indicator=indicator, country="MAR", partner=partner, period=period,
                       value=value, status=status, source_id=source, sex=Sex.TOTAL)


def test_key_figures_skip_what_is_missing_and_keep_the_newest_source() -> None:
    found = key_figures([
        _obs("emigrant_stock_birth", "WLD", "2020", 100.0, "old"),
        _obs("emigrant_stock_birth", "WLD", "2024", 150.0, "new"),
        _obs("refugees", "SYR", "2025", 10.0), _obs("refugees", "MLI", "2025", 5.0),
    ])
    by_key = {f.key: f for f in found}
    assert set(by_key) == {"emigrants", "refugees_hosted"}
    assert (by_key["emigrants"].value, by_key["emigrants"].source_id) == (150.0, "new")
    assert by_key["refugees_hosted"].value == 15.0 and by_key["refugees_hosted"].summed


def test_series_growth_follows_the_chosen_formula() -> None:
    rows = [_obs("emigrant_flow", "ESP", "1998", 10600.0), _obs("emigrant_flow", "ESP", "2007",
                                                                 71400.0),
            _obs("emigrant_flow", "ITA", "2007", 29800.0)]
    series, single = package_series(rows, GrowthMethod.LINEAR)
    assert [s.partner for s in series] == ["ESP"] and [o.partner for o in single] == ["ITA"]
    assert series[0].growth is not None and round(series[0].growth.value or 0, 1) == 63.7
    expo, _ = package_series(rows, GrowthMethod.EXPONENTIAL)
    assert expo[0].growth is not None and round(expo[0].growth.value or 0, 1) == 21.2
