"""The corridor on the portal: the API tree, the page in Arabic, a table download, refused
pairs, and the country page's list of main corridors."""

from __future__ import annotations

from fastapi.testclient import TestClient


def test_api_and_page(client: TestClient) -> None:
    tree = client.get("/api/v1/corridors/MA/ES?lang=en").json()
    assert tree["country"] == "MAR-ESP"
    page = client.get("/ar/corridors/MA-ES")
    assert page.status_code == 200 and 'dir="rtl"' in page.text
    assert "/ar/corridors/MA-ES.pdf" in page.text
    csv_file = client.get("/fr/corridors/MA-ES/tables/corridor-stocks.csv")
    assert csv_file.status_code == 200 and "65" in csv_file.text
    assert client.get("/fr/corridors/MA-MA").status_code == 404
    assert client.get("/fr/corridors/MAES").status_code == 404
    country = client.get("/fr/countries/MA").text
    assert 'href="/fr/corridors/MA-ES"' in country
