"""Accessibility and first-use journeys in headless Chromium: axe-core (vendored in
tests/vendor, injected into each page) finds no serious or critical violation on any page
type in French and Arabic; a reader finds a country by its Arabic name, compares countries
picked by name, downloads a profile's data package and opens an embedded chart."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = Path("/usr/bin/chromium")
AXE = Path(__file__).resolve().parents[1] / "vendor" / "axe.min.js"
# The embed test frames the portal from a page Playwright answers itself, which Chromium's
# local-network checks would treat as a public site framing a loopback one.
EXTRA_CHROMIUM_ARGS = ["--disable-features=LocalNetworkAccessChecks"]
PAGE_TYPES = ["/{lang}/", "/{lang}/countries/MA", "/{lang}/countries/DE",
              "/{lang}/compare?country=MA&country=TN", "/{lang}/legal?q=refugies",
              "/{lang}/sources", "/{lang}/find?q=gui",
              "/{lang}/embed/countries/MA/charts/refugees_series", "/{lang}/countries/XX",
              "/{lang}/corridors/MA-ES", "/{lang}/countries/MX?direction=immigration",
              "/{lang}/?country=SY"]

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="/usr/bin/chromium is not installed"),
]



AXE_RUN = """async () => {
  const result = await axe.run(document, {resultTypes: ['violations']});
  return result.violations.map(v => ({id: v.id, impact: v.impact,
    nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}));
}"""


@pytest.mark.parametrize("lang", ["fr", "ar"])
@pytest.mark.parametrize("path", PAGE_TYPES)
def test_no_serious_accessibility_violation(browser: Any, live_server: str, lang: str,
                                            path: str) -> None:
    # axe is injected as an inline script, which the portal's CSP rightly refuses
    page = browser.new_page(bypass_csp=True)
    page.goto(live_server + path.format(lang=lang), wait_until="networkidle")
    if page.locator(".vega-chart").count():  # the drawn charts and maps, not their place
        page.wait_for_selector(".vega-chart.ready", timeout=15000)
    page.add_script_tag(path=str(AXE))
    violations = page.evaluate(AXE_RUN)
    page.close()
    serious = [v for v in violations if v["impact"] in ("serious", "critical")]
    assert serious == [], serious


def test_find_a_country_by_its_arabic_name(browser: Any, live_server: str) -> None:
    page = browser.new_page()
    page.goto(live_server + "/fr/", wait_until="networkidle")
    page.fill("#country-filter", "مصر")
    visible = page.locator("[data-country]:not([hidden]) a")
    assert visible.count() == 1 and visible.inner_text() == "Égypte"
    assert "1" in page.inner_text("#country-filter-status")
    page.fill("#country-filter", "cote d ivoire")  # no accent, no apostrophe
    assert page.locator("[data-country]:not([hidden]) a").inner_text() == "Côte d’Ivoire"
    page.fill("#country-filter", "Allemagne")
    page.press("#country-filter", "Enter")  # the form: straight to the country's page
    page.wait_for_url("**/fr/countries/DE")
    page.close()


def test_compare_countries_picked_by_name(browser: Any, live_server: str) -> None:
    page = browser.new_page()
    page.goto(live_server + "/en/compare", wait_until="networkidle")
    page.select_option("#c-countries", label=["Morocco", "Tunisia", "Algeria"])
    page.click(".compare-form button[type=submit]")
    page.wait_for_load_state("networkidle")
    assert "country=MA" in page.url and "country=TN" in page.url
    rows = page.locator("table.data tbody th a").all_inner_texts()
    assert sorted(rows) == ["Algeria", "Morocco", "Tunisia"]  # in the list's order
    page.close()


def test_download_the_data_package(browser: Any, live_server: str) -> None:
    page = browser.new_page()
    page.goto(live_server + "/fr/countries/MA", wait_until="networkidle")
    with page.expect_download() as info:
        page.click("a[href*='MA.datapackage']")
    download = info.value
    assert download.suggested_filename == "MA-fr.datapackage.zip"
    archive = zipfile.ZipFile(io.BytesIO(Path(download.path()).read_bytes()))
    assert "datapackage.json" in archive.namelist()
    page.close()


def test_embedded_chart_draws_in_an_iframe(browser: Any, live_server: str) -> None:
    page = browser.new_page()
    url = f"{live_server}/ar/embed/countries/MA/charts/refugees_series"
    # another origin framing the chart (localhost, not 127.0.0.1: Chromium lets no public
    # page frame a loopback one); the host page is answered in the browser, nothing is sent
    page.route("http://localhost:9/host.html", lambda route: route.fulfill(
        content_type="text/html", body=f'<iframe src="{url}" width="700" height="480">'
                                       "</iframe>"))
    page.goto("http://localhost:9/host.html")
    frame = page.frame_locator("iframe")
    frame.locator(".vega-chart.ready").wait_for(timeout=15000)
    assert frame.locator("p.source").count() == 1
    page.close()
