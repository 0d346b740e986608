"""The portal in headless Chromium (Playwright's Python API; never ``playwright install``)."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from migprofile.build import build_profile
from migprofile.profiles.tree import TableBlock
from migprofile.render.common import iter_blocks
from migprofile.render.downloads import csv_text_cell, download_rows
from migprofile.store import Store

CHROMIUM = Path("/usr/bin/chromium")
PAGES = ["/fr/", "/en/countries/MA", "/ar/countries/MA", "/fr/compare?countries=MA",
         "/fr/legal?q=refugies", "/fr/sources", "/api/v1/docs", "/fr/corridors/MA-ES",
         "/ar/corridors/SY-DE", "/ar/countries/MX?direction=immigration&year=1990",
         "/en/?country=MX"]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="/usr/bin/chromium is not installed"),
]



def _open(browser: Any, url: str) -> tuple[Any, list[str], list[str]]:
    page = browser.new_page()
    errors: list[str] = []
    hosts: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("request", lambda r: hosts.append(urlsplit(r.url).netloc))
    page.goto(url, wait_until="networkidle")
    return page, errors, hosts


@pytest.mark.parametrize("path", PAGES)
def test_page_loads_locally_without_errors(browser: Any, live_server: str, path: str) -> None:
    page, errors, hosts = _open(browser, live_server + path)
    assert errors == []
    assert set(hosts) <= {urlsplit(live_server).netloc, ""}, hosts
    page.close()


def test_language_switch_and_rtl(browser: Any, live_server: str) -> None:
    page, _, _ = _open(browser, live_server + "/fr/countries/MA")
    page.click('.lang-switch a[hreflang="ar"]')
    page.wait_for_load_state("networkidle")
    assert page.url.endswith("/ar/countries/MA")
    assert page.evaluate("document.documentElement.dir") == "rtl"
    assert page.evaluate("getComputedStyle(document.body).direction") == "rtl"
    page.close()


def test_chart_renders_with_marks(browser: Any, live_server: str) -> None:
    page, _, _ = _open(browser, live_server + "/fr/countries/MA")
    page.wait_for_selector(".vega-chart.ready", timeout=15000)
    marks = page.locator(".vega-chart.ready svg .mark-rect path, .vega-chart.ready svg "
                         ".mark-line path, .vega-chart.ready svg .mark-symbol path, "
                         ".vega-chart.ready svg .mark-arc path")
    assert marks.count() > 0
    page.close()


def test_home_map_renders(browser: Any, live_server: str) -> None:
    page, _, _ = _open(browser, live_server + "/fr/")
    page.wait_for_selector(".vega-chart.ready svg", timeout=15000)
    assert page.locator(".vega-chart.ready svg .mark-shape path").count() > 100
    page.close()


def test_csv_download(browser: Any, live_server: str, ma_store: Store) -> None:
    profile = build_profile(ma_store, "MAR", "fr")
    table = next(b for s in profile.sections for b in iter_blocks(s.blocks)
                 if isinstance(b, TableBlock))
    page, _, _ = _open(browser, live_server + "/fr/countries/MA")
    with page.expect_download() as info:
        page.click(f'a[href="/fr/countries/MA/tables/{table.id}.csv"]')
    path = info.value.path()
    rows = list(csv.reader(io.StringIO(Path(path).read_text(encoding="utf-8-sig"))))
    # numbers as numbers ("1275567", "82.6"), not the French printed text
    assert rows == [[csv_text_cell(v) for v in row] for row in download_rows(table)]
    page.close()


FLOW_CIRCLES = "#flowmap .vega-chart.ready svg .mark-symbol.role-mark path"  # not the legend


def _flow_map(page: Any) -> tuple[list[str], list[str], list[str]]:
    """(partners named by the map's circles, partners of the table under it, those of the
    table the atlas cannot place)."""
    page.wait_for_selector(FLOW_CIRCLES, timeout=15000)
    circles = [str(label).split(" — ")[0] for label in page.eval_on_selector_all(
        FLOW_CIRCLES, "els => els.map(e => e.getAttribute('aria-label'))")]
    table = page.locator("#flowmap table.data tbody th a").all_inner_texts()
    off_map = page.locator("#flowmap tr[data-off-map] th a").all_inner_texts()
    return circles, table, off_map


@pytest.mark.parametrize(("path", "first"), [("/fr/countries/MA", "Espagne"),
                                             ("/ar/countries/MX", "الولايات المتحدة"),
                                             ("/fr/?country=SY&direction=emigration",
                                              "Turquie"),
                                             ("/fr/countries/PH", "États-Unis")])
def test_flow_map_draws_the_table_partners(browser: Any, live_server: str, path: str,
                                           first: str) -> None:
    page, errors, _ = _open(browser, live_server + path)
    circles, table, off_map = _flow_map(page)
    assert errors == []
    assert table[0] == first and len(table) == 20
    # one circle per partner the atlas can place, the others named under the table
    assert sorted(circles) == sorted(n for n in table if n not in off_map)
    assert all(name in page.locator("#flowmap .hint").inner_text() for name in off_map)
    if path == "/fr/countries/PH":  # Hong Kong, Bahrain, Guam, Macao: no shape at 1:110m
        assert "Bahreïn" in off_map and "Bahreïn" not in circles
    assert page.locator("#flowmap .role-legend").count() == 1  # the sizes are explained
    if path.startswith("/ar/"):
        assert page.evaluate("getComputedStyle(document.querySelector('#flowmap')).direction") \
            == "rtl"
    page.close()


def test_flow_map_switch_and_circle_link(browser: Any, live_server: str) -> None:
    page, _, _ = _open(browser, live_server + "/fr/countries/MA")
    _flow_map(page)
    page.check("#flowmap input[value=immigration]")
    page.select_option("#fm-year", "1990")
    page.click("#flowmap button[type=submit]")
    page.wait_for_load_state("networkidle")
    assert "direction=immigration" in page.url and "year=1990" in page.url
    circles, table, _ = _flow_map(page)
    assert table[0] == "France" and "France" in circles  # French-born in Morocco, 1990
    page.locator(FLOW_CIRCLES).first.dispatch_event("click")  # the largest circle
    page.wait_for_url("**/fr/corridors/MA-FR", timeout=10000)
    page.close()


def test_corridor_page_chart_has_both_directions(browser: Any, live_server: str) -> None:
    page, errors, _ = _open(browser, live_server + "/ar/corridors/MA-ES")
    chart = "#chart-corridor-stocks-chart .vega-chart.ready svg"
    page.wait_for_selector(chart, timeout=15000)
    assert errors == []
    assert page.locator(f"{chart} .mark-line path").count() == 3  # MA→ES twice, ES→MA
    assert page.evaluate("document.documentElement.dir") == "rtl"
    page.close()


def test_flow_map_table_without_javascript(browser: Any, live_server: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server + "/fr/countries/MA?direction=immigration", wait_until="networkidle")
    assert page.locator("#flowmap table.data").is_visible()
    assert page.locator("#flowmap tbody th a").first.inner_text() == "France"
    assert not page.locator("#flowmap figure").is_visible()  # no empty box where a map was
    page.check("#flowmap input[value=emigration]")
    page.click("#flowmap button[type=submit]")  # the switch is a plain form
    page.wait_for_load_state("networkidle")
    assert page.locator("#flowmap tbody th a").first.inner_text() == "Espagne"
    context.close()
