"""The JSON API through the in-process client: every endpoint, filters, pagination, CSV."""

from __future__ import annotations

import csv
import io
import json

from fastapi.testclient import TestClient


def test_areas(client: TestClient) -> None:
    areas = client.get("/api/v1/areas").json()["areas"]
    morocco = next(a for a in areas if a["code"] == "MAR")
    assert morocco["iso2"] == "MA" and morocco["m49"] == 504
    assert morocco["names"]["ar"] == "المغرب"


def test_indicators(client: TestClient) -> None:
    codes = {i["code"] for i in client.get("/api/v1/indicators").json()["indicators"]}
    assert "emigrant_stock" in codes


def test_observations_filters(client: TestClient) -> None:
    body = client.get("/api/v1/observations", params={
        "country": "MA", "indicator": "emigrant_stock", "partner": "WLD", "limit": 50}).json()
    periods = sorted(o["period"] for o in body["observations"])
    assert periods == ["1993-01-01", "2007-01-01"]
    assert body["total"] == 2 and body["next"] is None
    values = {o["period"]: o["value"] for o in body["observations"]}
    assert values["2007-01-01"] == 3292599


def test_observations_years_and_sex(client: TestClient) -> None:
    body = client.get("/api/v1/observations", params={
        "country": "MAR", "indicator": "emigrant_stock", "from": 2000, "to": 2010,
        "sex": "total"}).json()
    assert body["total"] > 0
    assert all(o["period"].startswith("2007") for o in body["observations"])


def test_observations_pagination(client: TestClient) -> None:
    first = client.get("/api/v1/observations", params={"country": "MAR", "limit": 10}).json()
    assert first["total"] > 10 and len(first["observations"]) == 10
    assert "offset=10" in first["next"]
    second = client.get(first["next"]).json()
    assert second["offset"] == 10
    seen = {json.dumps(o, sort_keys=True) for o in first["observations"]}
    assert not seen & {json.dumps(o, sort_keys=True) for o in second["observations"]}
    url, total = "/api/v1/observations?country=MAR&limit=25", 0
    while url:
        page = client.get(url).json()
        total += len(page["observations"])
        url = page["next"]
    assert total == first["total"]


def test_observations_csv(client: TestClient) -> None:
    r = client.get("/api/v1/observations", params={
        "country": "MAR", "indicator": "emigrant_stock", "format": "csv", "limit": 1000})
    assert r.headers["content-type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(r.content.decode("utf-8-sig"))))
    assert rows[0][:4] == ["indicator", "country", "partner", "period"]
    json_total = client.get("/api/v1/observations", params={
        "country": "MAR", "indicator": "emigrant_stock"}).json()["total"]
    assert len(rows) - 1 == json_total


def test_profile_json(client: TestClient) -> None:
    body = client.get("/api/v1/profiles/MA", params={"lang": "ar"}).json()
    assert body["country"] == "MAR" and body["lang"] == "ar" and body["direction"] == "rtl"
    assert body["sections"]


def test_legal_instruments(client: TestClient) -> None:
    items = client.get("/api/v1/legal-instruments", params={"country": "MA"}).json()
    kinds = {i["kind"] for i in items["legal_instruments"]}
    assert "multilateral_convention" in kinds
    assert all(i["country"] == "MAR" for i in items["legal_instruments"])


def test_sources(client: TestClient) -> None:
    sources = client.get("/api/v1/sources").json()["sources"]
    assert sources and {"edition", "accessed", "sha256", "citation"} <= set(sources[0])


def test_openapi_and_docs_are_local(client: TestClient) -> None:
    spec = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/observations" in spec["paths"]
    docs = client.get("/api/v1/docs").text
    assert "/static/vendor/swagger-ui-bundle.js" in docs and "cdn" not in docs.lower()
    assert client.get("/static/vendor/swagger-ui-bundle.js").status_code == 200


def test_legal_matrix_api(client: TestClient) -> None:
    listed = client.get("/api/v1/legal").json()["dimensions"]
    assert [d["key"] for d in listed] == ["treaties", "nationality", "visa", "labour", "votes"]
    body = client.get("/api/v1/legal/votes", params={"country": "US"}).json()
    [usa] = body["countries"]
    gcm = usa["cells"]["gcm-2018"]
    assert (gcm["value"], gcm["as_of"], gcm["source_id"]) == (
        "voted_no", "2018-12-19", "unga-votes-2021-02-21")
    africa = client.get("/api/v1/legal/nationality", params={"region": "UN:002"}).json()
    assert {c["country"] for c in africa["countries"]} >= {"MAR", "NGA"}
    assert client.get("/api/v1/legal/nope").status_code == 404
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    assert "/api/v1/legal/{dimension}" in paths
