"""Each page answers 200 with the right lang/dir; downloads equal the profile's tables."""

from __future__ import annotations

import csv
import io
import re

import pytest
from fastapi.testclient import TestClient
from openpyxl import load_workbook

from migprofile.build import build_profile
from migprofile.profiles.tree import TableBlock
from migprofile.render.common import iter_blocks
from migprofile.render.downloads import csv_text_cell, download_rows
from migprofile.store import Store

PAGES = ["/{lang}/", "/{lang}/countries/MA", "/{lang}/compare?countries=MA&from=1990&to=2024",
         "/{lang}/legal", "/{lang}/legal?q=réfugiés", "/{lang}/sources"]


@pytest.mark.parametrize("lang,direction", [("fr", "ltr"), ("en", "ltr"), ("ar", "rtl")])
@pytest.mark.parametrize("page", PAGES)
def test_page(client: TestClient, page: str, lang: str, direction: str) -> None:
    r = client.get(page.format(lang=lang))
    assert r.status_code == 200, r.text[:300]
    assert r.headers["content-type"].startswith("text/html")
    assert f'<html lang="{lang}" dir="{direction}">' in r.text
    for landmark in ("<header", "<nav", "<main", "<footer", 'class="skip-link"'):
        assert landmark in r.text
    assert r.text.count("<main") == 1
    assert not re.search(r'(src|href)="(https?:)?//', r.text.split("<main", 1)[0])


def test_root_redirects(client: TestClient) -> None:
    r = client.get("/", follow_redirects=False)
    assert r.status_code in (302, 307) and r.headers["location"] == "/fr/"


def test_country_page_links(client: TestClient) -> None:
    html = client.get("/fr/countries/MA").text
    for ext in ("pdf", "md", "json"):
        assert f"/fr/countries/MA.{ext}" in html
    for lang in ("en", "ar"):
        assert f'href="/{lang}/countries/MA"' in html
    assert 'class="vega-chart"' in html and "/static/vendor/vega-embed.min.js" in html
    assert "/tables/" in html and ".xlsx" in html


def test_profile_files(client: TestClient) -> None:
    md = client.get("/fr/countries/MA.md")
    assert md.status_code == 200 and md.headers["content-type"].startswith("text/markdown")
    assert client.get("/en/countries/MA.json").json()["lang"] == "en"


def _tables(store: Store) -> list[TableBlock]:
    profile = build_profile(store, "MAR", "fr")
    return [b for s in profile.sections for b in iter_blocks(s.blocks)
            if isinstance(b, TableBlock)]


def test_csv_downloads_equal_the_tables(client: TestClient, ma_store: Store) -> None:
    """Same cells as the printed table, numbers as plain numbers ("." decimals, no grouping):
    fails if the download goes back to the French printed text ("3 292 599", "82,6")."""
    tables = _tables(ma_store)
    assert tables
    numbers: list[str] = []
    for table in tables:
        r = client.get(f"/fr/countries/MA/tables/{table.id}.csv")
        assert r.status_code == 200
        rows = list(csv.reader(io.StringIO(r.content.decode("utf-8-sig"))))
        assert rows == [[csv_text_cell(v) for v in row] for row in download_rows(table)]
        assert rows[0] == table.csv_rows()[0]
        numbers += [c for row in rows[1:] for c in row[1:] if c and c[0].isdigit()]
    assert len(numbers) > 20
    for c in numbers:
        float(c)  # "3 292 599" or "82,6" would fail


def test_xlsx_download(client: TestClient, ma_store: Store) -> None:
    table = _tables(ma_store)[0]
    r = client.get(f"/fr/countries/MA/tables/{table.id}.xlsx")
    sheet = load_workbook(io.BytesIO(r.content)).active
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    want = [[None if v == "" else v for v in row] for row in download_rows(table)]
    assert rows == want
    numeric = [c for row in sheet.iter_rows(min_row=2) for c in row if c.data_type == "n"
               and c.value is not None]
    assert numeric and all(c.number_format != "General" for c in numeric)


def test_legal_search_and_matrix(client: TestClient) -> None:
    html = client.get("/fr/legal", params={"q": "refugies"}).text
    assert "<mark>" in html and "matrix" in html
    assert "ratifiée (1956)" in html and 'data-as-of="2015-03-14"' in html
    arabic = client.get("/ar/legal", params={"dimension": "nationality", "region": "UN:142"})
    assert arabic.status_code == 200 and "حق الإقليم" in arabic.text
    assert "اليابان" in arabic.text and "ألمانيا" not in arabic.text


def test_compare_names_the_formula(client: TestClient) -> None:
    linear = client.get("/en/compare?indicator=emigrant_stock&countries=MA&growth=linear").text
    assert "(v1 − v0) / v0 / t × 100" in linear and "3,292,599" in linear
    expo = client.get("/en/compare?indicator=emigrant_stock&countries=MA&growth=exponential")
    assert "ln(v1 / v0) / t × 100" in expo.text


def test_home_map_uses_the_bundled_atlas(client: TestClient) -> None:
    html = client.get("/fr/").text
    assert "/static/countries-110m.json" in html and "504" in html
    assert client.get("/static/countries-110m.json").status_code == 200


def test_cache_follows_data_version(client: TestClient, ma_store: Store) -> None:
    portal = client.app.state.portal  # type: ignore[attr-defined]
    client.get("/fr/countries/MA")
    before = portal.bytes.version()
    with ma_store.transaction() as conn:
        ma_store.bump_version(conn)
    portal.bytes._checked = 0.0  # skip the one-second throttle
    assert portal.bytes.version() == before + 1
    assert client.get("/fr/countries/MA").status_code == 200
