"""Finding countries (names in any language, aliases, codes, accents ignored), the profile's
tables as a Frictionless data package, and the whole database as SQLite and CSV."""

from __future__ import annotations

import csv
import dataclasses
import io
import sqlite3
import warnings
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from migprofile.settings import get_settings
from migprofile.store import Store
from migprofile.web import create_app

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient


@pytest.fixture(scope="module")
def app_client(ma_store: Store, tmp_path_factory: pytest.TempPathFactory
               ) -> Iterator[TestClient]:
    settings = dataclasses.replace(get_settings(), output_dir=tmp_path_factory.mktemp("out"))
    with TestClient(create_app(ma_store, settings=settings)) as c:
        yield c


@pytest.mark.parametrize(("query", "iso2"), [
    ("maroc", "MA"), ("Morocco", "MA"), ("المغرب", "MA"), ("MAR", "MA"), ("ma", "MA"),
    ("egypte", "EG"), ("مصر", "EG"), ("ALLEMAGNE", "DE"), ("Deutschland", None),
    ("cote d'ivoire", "CI"), ("Côte d’Ivoire", "CI"), ("Ivory Coast", "CI"),
])
def test_find_goes_to_the_country(app_client: TestClient, query: str,
                                  iso2: str | None) -> None:
    response = app_client.get("/fr/find", params={"q": query}, follow_redirects=False)
    if iso2 is None:  # not a name we know: a page that says so, not an error
        assert response.status_code == 200
        return
    assert response.status_code == 303, (query, response.text[:300])
    assert response.headers["location"] == f"/fr/countries/{iso2}"


def test_find_lists_several_matches_in_the_page_language(app_client: TestClient) -> None:
    response = app_client.get("/ar/find", params={"q": "guinea"})
    assert response.status_code == 200
    for name in ("غينيا", "غينيا بيساو", "غينيا الاستوائية"):
        assert name in response.text


def test_search_api(app_client: TestClient) -> None:
    body = app_client.get("/api/v1/areas/search", params={"q": "united", "lang": "fr"}).json()
    codes = [a["code"] for a in body["areas"]]
    assert {"USA", "GBR", "ARE"} <= set(codes)
    usa = next(a for a in body["areas"] if a["code"] == "USA")
    assert usa["name"] == "États-Unis" and usa["url"] == "/fr/countries/US"
    assert app_client.get("/api/v1/areas/search", params={"q": ""}).status_code == 422


def test_home_filter_keys_hold_every_language_and_sort_by_collation(
        app_client: TestClient) -> None:
    html = app_client.get("/fr/").text
    egypt = html[html.index('data-country="eg |'):]
    egypt = egypt[:egypt.index('"', len('data-country="'))]
    assert "egypte" in egypt and "egypt" in egypt and "مصر" in egypt
    africa = html[html.index("Afrique"):html.index("Amériques") if "Amériques" in html
                  else len(html)]
    assert africa.index(">Égypte<") < africa.index(">Éthiopie<") < africa.index(">Zimbabwe<")


def test_datapackage_validates_with_frictionless(app_client: TestClient,
                                                 tmp_path: Path) -> None:
    frictionless = pytest.importorskip("frictionless")
    response = app_client.get("/fr/countries/MA.datapackage")
    assert response.status_code == 200
    assert 'filename="MA-fr.datapackage.zip"' in response.headers["content-disposition"]
    zipfile.ZipFile(io.BytesIO(response.content)).extractall(tmp_path)
    report = frictionless.validate(tmp_path / "datapackage.json")
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])
    with (tmp_path / "data" / "emigrant_stock_by_residence.csv").open(encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    world = next(r for r in rows if r[0] == "Total")
    # numbers as numbers: no thousands separator, "." decimals, the share unrounded
    assert "1545036" in world and "3292599" in world and "100" in world


def test_database_downloads(app_client: TestClient, ma_store: Store, tmp_path: Path) -> None:
    sqlite_file = app_client.get("/downloads/migprofile.sqlite")
    assert sqlite_file.status_code == 200
    path = tmp_path / "db.sqlite"
    path.write_bytes(sqlite_file.content)
    with sqlite3.connect(path) as conn:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        count = conn.execute("SELECT count(*) FROM observations").fetchone()[0]
        packages = conn.execute("SELECT path FROM packages").fetchall()
    assert count == ma_store.count_observations()
    assert {"observations", "sources", "areas", "indicators"} <= tables
    assert all("/" not in p for (p,) in packages)  # the server's folders stay private
    archive = zipfile.ZipFile(io.BytesIO(app_client.get("/downloads/migprofile-csv.zip")
                                         .content))
    with archive.open("observations.csv") as fh:
        reader = csv.DictReader(io.TextIOWrapper(fh, encoding="utf-8"))
        first = next(reader)
        assert set(first) >= {"indicator", "country", "partner", "period", "value"}
        values = [r["value"] for r, _ in zip(reader, range(5000), strict=False) if r["value"]]
    assert all("," not in v and " " not in v for v in values)
    float(values[0])
    assert app_client.get("/downloads/secrets.txt").status_code == 404
