"""The flow map: ``/api/v1/corridors/{A}`` (figures equal to the UN DESA extract), the same
corridors as a table on the country page and the home page, partner rows of the profile's
tables linked to their corridor in the portal only, and the corridor page's chart."""

from __future__ import annotations

import csv
import gzip
import html as html_lib
import json
import re
from pathlib import Path

from fastapi.testclient import TestClient

from migprofile.build import build_profile
from migprofile.geo.atlas import centroids
from migprofile.render import render
from migprofile.store import Store

EXTRACT = Path(__file__).resolve().parents[2] / "data" / "extracts" / \
    "undesa_ims2024_bilateral_by_sex.csv.gz"


def _undesa(dest: str, origin: str, year: str) -> float:
    with gzip.open(EXTRACT, "rt") as f:
        return sum(float(r["n"]) for r in csv.DictReader(f) if r["t"] == year
                   and r["geo"] == dest and r["from"] == origin and r["sex"] in ("female", "male"))


def test_map_api_equals_the_source_file(client: TestClient) -> None:
    found = client.get("/api/v1/corridors/MA?direction=emigration&year=2024&lang=fr").json()
    assert (found["country"], found["year"], found["years"]) == ("MAR", "2024", ["1990", "2024"])
    first = found["partners"][0]
    assert (first["code"], first["name"], first["rank"]) == ("ESP", "Espagne", 1)
    assert first["value"] == _undesa("ESP", "MAR", "2024") == 1088408.0
    assert first["url"] == "/fr/corridors/MA-ES"
    assert first["share"] == round(100 * first["value"] / found["total"], 3)
    values = [p["value"] for p in found["partners"]]
    assert values == sorted(values, reverse=True) and len(values) == 20
    assert found["partner_count"] > 20
    origins = client.get("/api/v1/corridors/MX?direction=immigration&year=1990&limit=3").json()
    assert origins["year"] == "1990" and len(origins["partners"]) == 3
    usa = next(p for p in origins["partners"] if p["code"] == "USA")
    assert usa["value"] == _undesa("MEX", "USA", "1990")
    assert client.get("/api/v1/corridors/MA?year=2000").status_code == 404
    assert client.get("/api/v1/corridors/MA?direction=sideways").status_code == 422
    assert client.get("/api/v1/corridors/MA?lang=xx").status_code == 422
    assert "/api/v1/corridors/{a}" in client.get("/api/v1/openapi.json").json()["paths"]


def _table(html: str) -> list[tuple[str, str]]:
    """(href, name) of each row of the flow map's table."""
    start = html.index('id="flowmap"')
    section = html[start:html.index("</section>", start)]
    return re.findall(r'<th scope="row"><a href="([^"]+)">([^<]+)</a></th>', section)


def test_country_page_table_is_the_map_data(client: TestClient) -> None:
    for lang in ("fr", "ar"):
        page = client.get(f"/{lang}/countries/MA?direction=immigration&year=2024")
        api = client.get(f"/api/v1/corridors/MA?direction=immigration&year=2024&lang={lang}"
                         "&limit=20").json()
        assert _table(page.text) == [(p["url"], p["name"]) for p in api["partners"]]
        spec = re.search(r'class="vega-chart map flow" data-spec="([^"]+)"', page.text)
        assert spec and "/api/v1/corridors/MA?direction=immigration" in spec.group(1)
    ar = client.get("/ar/countries/MA").text
    assert 'dir="rtl"' in ar and "أين يعيش المولودون في المغرب، 2024" in ar
    assert "Where people" not in ar and "Corridor map" not in ar
    assert client.get("/fr/countries/MA?direction=sideways").status_code == 422


def test_home_page_maps_the_chosen_country(client: TestClient) -> None:
    mexico = client.get("/fr/?country=MX").text
    rows = _table(mexico)
    assert rows[0] == ("/fr/corridors/MX-US", "États-Unis")
    assert '<option value="MX" selected>' in mexico
    assert _table(client.get("/fr/").text)[0] == ("/fr/corridors/MA-ES", "Espagne")


def test_partner_rows_link_to_corridors_in_the_portal_only(client: TestClient,
                                                           ma_store: Store) -> None:
    page = client.get("/fr/countries/MA").text
    profile = page[page.index('<div class="profile-embed'):]
    assert re.search(r'<th scope="row"><a href="/fr/corridors/MA-ES">Espagne</a></th>', profile)
    assert re.search(r'<th scope="row"><a href="/fr/corridors/MA-FR">dont France</a></th>',
                     profile) or '<a href="/fr/corridors/MA-FR">France</a>' in profile
    assert ">Total</th>" in profile  # totals and regions stay plain text
    standalone = str(render(build_profile(ma_store, "MAR", "fr"), "html"))
    assert "/corridors/" not in standalone


def test_corridor_page_draws_both_directions(client: TestClient) -> None:
    page = client.get("/fr/corridors/MA-ES").text
    assert 'id="chart-corridor-stocks-chart"' in page
    spec = re.search(r'id="chart-corridor-stocks-chart".*?data-spec=\'([^\']+)\'', page, re.S)
    assert spec is not None
    lines = {point["series"] for point in json.loads(html_lib.unescape(spec.group(1)))[
        "data"]["values"]}
    assert lines == {"Maroc → Espagne (pays de naissance)",
                     "Espagne → Maroc (pays de naissance)",
                     "Maroc → Espagne (inscriptions consulaires ou administratives)"}


def test_atlas_points_sit_in_their_countries() -> None:
    points = centroids()
    spain, russia, usa = points[724], points[643], points[840]
    assert -10 < spain[0] < 4 and 36 < spain[1] < 44
    assert 40 < russia[0] < 140 and 50 < russia[1] < 70  # not pulled across the antimeridian
    assert -125 < usa[0] < -67 and 25 < usa[1] < 49  # the contiguous states, not Alaska
    assert 48 not in points  # Bahrain: too small for 1:110m, listed in the table only
