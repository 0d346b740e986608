"""One JSON error shape for every error (422, 404, 500), pinned."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

from migprofile.store import Store
from migprofile.web import create_app


def assert_shape(body: dict[str, Any], code: str) -> None:
    assert set(body) == {"error"}
    assert set(body["error"]) == {"code", "message", "details"}
    assert body["error"]["code"] == code
    assert isinstance(body["error"]["message"], str) and body["error"]["message"]


@pytest.mark.parametrize("url", [
    "/api/v1/observations?limit=0",
    "/api/v1/observations?limit=abc",
    "/api/v1/observations?from=year",
    "/api/v1/observations?sex=other",
    "/api/v1/observations?format=xml",
    "/api/v1/profiles/MA?lang=de",
    "/fr/countries/MA?growth=quadratic",
    "/fr/countries/MA/tables/t1.pdf",
])
def test_422(client: TestClient, url: str) -> None:
    r = client.get(url)
    assert r.status_code == 422, r.text
    assert_shape(r.json(), "invalid_parameter")


def test_422_names_the_parameter(client: TestClient) -> None:
    details = client.get("/api/v1/observations?limit=0").json()["error"]["details"]
    assert details[0]["parameter"] == "limit"


@pytest.mark.parametrize("url", [
    "/api/v1/profiles/XX", "/api/v1/observations?country=Atlantis", "/fr/countries/ZZ",
    "/api/v1/nothing", "/fr/countries/MA/tables/nope.csv", "/de/", "/fr/countries/MA.docx",
])
def test_404(client: TestClient, url: str) -> None:
    r = client.get(url)
    assert r.status_code == 404, r.text
    assert_shape(r.json(), "not_found")


def test_500(ma_store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    app = create_app(ma_store)

    def broken() -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(app.state.portal.store, "sources", broken)
    with TestClient(app, raise_server_exceptions=False) as c:
        r = c.get("/api/v1/sources")
    assert r.status_code == 500
    assert_shape(r.json(), "internal_error")


def test_browsers_get_an_html_error_page(client: TestClient) -> None:
    r = client.get("/ar/countries/ZZ", headers={"accept": "text/html"})
    assert r.status_code == 404 and '<html lang="ar" dir="rtl">' in r.text
