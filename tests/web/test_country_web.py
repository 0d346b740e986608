"""The country page as a web page: key figures with year and source, no print cover,
embeddable charts with their source line, charts that print numbers in the page's locale."""

from __future__ import annotations

import json
import re
import warnings

import pytest

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient


def _key_figures(html: str) -> dict[str, str]:
    return dict(re.findall(r'<div class="kf" data-key="([a-z_]+)">(.*?)</div>', html, re.S))


def test_key_figures_each_have_a_year_and_a_source(client: TestClient) -> None:
    html = client.get("/fr/countries/MA").text
    figures = _key_figures(html)
    assert {"emigrants", "immigrants", "refugees_hosted", "remittances"} <= set(figures)
    for key, item in figures.items():
        assert re.search(r"\((19|20)\d\d, <a href=\"/fr/sources#src-", item), key
    text = figures["emigrants"].replace("\u202f", " ").replace("\u00a0", " ")
    assert "3 627 829" in text and "2024" in text and "International Migrant Stock 2024" in text


@pytest.mark.parametrize("lang", ["fr", "en", "ar"])
def test_key_figure_labels_and_sources_stay_in_the_page_language(client: TestClient,
                                                                  lang: str) -> None:
    html = client.get(f"/{lang}/countries/MA").text
    figures = _key_figures(html)
    french = ("Indicateurs du développement", "Base de données", "Émigrés")
    for item in figures.values():
        if lang != "fr":
            assert not any(word in item for word in french), item
    if lang == "ar":  # a title without an Arabic version is marked as the English it is
        assert 'lang="en" dir="ltr"' in figures["remittances"]


def test_country_page_has_one_h1_and_no_cover(client: TestClient) -> None:
    html = client.get("/en/countries/MA").text
    assert html.count("<h1") == 1
    assert 'class="cover"' not in html  # the print cover is the PDF's
    assert 'class="cover"' in client.get("/en/countries/MA.html").text


def test_every_chart_has_an_embed_page_with_its_source(client: TestClient) -> None:
    html = client.get("/fr/countries/MA").text
    urls = re.findall(r'<a href="(/fr/embed/countries/MA/charts/[^"]+)">', html)
    assert urls and len(urls) == len(set(urls)) == html.count('<figure class="chart"')
    for url in urls:
        page = client.get(url)
        assert page.status_code == 200, url
        assert "frame-ancestors *" in page.headers["content-security-policy"]
        assert "x-frame-options" not in page.headers
        assert '<p class="source">' in page.text and "vega-chart" in page.text
        assert "&lt;iframe src=&#34;" + url in html or f'&lt;iframe src="{url}"' in html \
            or "iframe src=&#34;" in html
    assert client.get("/fr/embed/countries/MA/charts/nope").status_code == 404
    assert "frame-ancestors 'none'" in client.get("/fr/countries/MA").headers[
        "content-security-policy"]  # the rest of the portal is not for framing


@pytest.mark.parametrize(("lang", "decimal", "thousands"),
                         [("fr", ",", "\u202f"), ("en", ".", ","), ("ar", ".", ",")])
def test_interactive_charts_carry_the_page_locale(client: TestClient, lang: str, decimal: str,
                                                  thousands: str) -> None:
    html = client.get(f"/{lang}/countries/MA").text
    specs = [json.loads(s) for s in re.findall(r"data-spec='([^']+)'", html)]
    assert specs
    for spec in specs:
        options = spec["usermeta"]["embedOptions"]
        assert options["formatLocale"]["decimal"] == decimal
        assert options["formatLocale"]["thousands"] == thousands
        assert len(options["timeFormatLocale"]["months"]) == 12
    if lang == "fr":
        assert specs[0]["usermeta"]["embedOptions"]["timeFormatLocale"]["months"][0] == "janvier"


def test_compare_by_names_and_regions_without_repeats(client: TestClient) -> None:
    html = client.get("/fr/compare", params=[("country", "Maroc"), ("country", "Tunisie"),
                                             ("country", "MA"), ("indicator",
                                                                 "emigrant_stock_birth")]).text
    table = html[html.index("<tbody>"):html.index("</tbody>")]
    assert table.count(">Maroc</a>") == 1 and ">Tunisie</a>" in table
    assert '<option value="MA" selected>Maroc</option>' in html
    # the shareable link and the CSV carry the same choice, by code
    assert "country=MAR&amp;country=TUN" in html
    north_africa = client.get("/en/compare", params={"country": "UN:015"}).text
    body = north_africa[north_africa.index("<tbody>"):north_africa.index("</tbody>")]
    assert ">Morocco</a>" in body and ">Egypt</a>" in body and ">Sudan</a>" in body


def test_compare_refuses_too_many_countries(client: TestClient) -> None:
    many = [("country", c) for c in ("MA", "TN", "DZ", "EG", "LY", "SN", "ML", "NE", "TD",
                                     "SD", "FR", "ES", "IT")]
    response = client.get("/en/compare", params=many)
    assert response.status_code == 422
    assert "at most 12" in response.json()["error"]["message"]


def test_compare_csv_has_numbers_and_the_formula(client: TestClient) -> None:
    import csv
    import io

    response = client.get("/fr/compare.csv", params=[("country", "MA"), ("country", "TN"),
                                                     ("indicator", "emigrant_stock_birth"),
                                                     ("growth", "exponential")])
    assert response.status_code == 200
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0][:2] == ["country", "iso2"] and "ln(v1 / v0) / t × 100" in rows[0][-1]
    morocco = next(r for r in rows if r[1] == "MA")
    assert all(v == "" or v.replace(".", "", 1).lstrip("-").isdigit() for v in morocco[2:])


@pytest.mark.parametrize("method", ["linear", "exponential", "source"])
def test_compare_rates_follow_the_chosen_formula(client: TestClient, method: str) -> None:
    """The growth column is the chosen formula over the first and last values shown (a compare
    that always used the linear formula fails the exponential case)."""
    import csv
    import io
    import math

    response = client.get("/en/compare.csv", params=[("country", "MA"),
                                                     ("indicator", "emigrant_stock_birth"),
                                                     ("growth", method)])
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    header, morocco = rows[0], next(r for r in rows if r[1] == "MA")
    points = [(int(y), float(v)) for y, v in zip(header[2:-1], morocco[2:-1], strict=True) if v]
    (y0, v0), (y1, v1) = points[0], points[-1]
    # "source": UN DESA's stocks are compared as UN DESA computes its rates (exponential)
    expected = ((v1 - v0) / v0 / (y1 - y0) * 100 if method == "linear"
                else math.log(v1 / v0) / (y1 - y0) * 100)
    assert float(morocco[-1]) == pytest.approx(expected, abs=0.01)


@pytest.mark.parametrize(("lang", "expected"), [
    ("fr", "Introuvable\u00a0: pays « Atlantide »"), ("ar", "غير موجود: البلد « Atlantide »"),
    ("en", "country")])
def test_error_pages_speak_the_page_language(client: TestClient, lang: str,
                                             expected: str) -> None:
    response = client.get(f"/{lang}/countries/Atlantide", headers={"accept": "text/html"})
    assert response.status_code == 404
    assert expected in response.text
    if lang != "en":
        assert "not found" not in response.text.lower()


def test_api_errors_follow_accept_language(client: TestClient) -> None:
    body = client.get("/api/v1/profiles/Atlantide",
                      headers={"accept-language": "ar,en;q=0.5"}).json()
    assert body["error"]["code"] == "not_found"  # the code stays, for programs
    assert body["error"]["message"].startswith("غير موجود")
    english = client.get("/api/v1/profiles/Atlantide").json()
    assert "Atlantide" in english["error"]["message"]
