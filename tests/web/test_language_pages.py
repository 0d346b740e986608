"""Each registered language is served: the page declares its language and direction, the API
lists and accepts the registry's codes and refuses others."""

from __future__ import annotations

import re

import pytest
from fastapi.testclient import TestClient

from migprofile.model.languages import LANGUAGES, language


@pytest.mark.parametrize("code", LANGUAGES)
def test_home_page_declares_language_and_direction(client: TestClient, code: str) -> None:
    html = client.get(f"/{code}/").text
    tag = re.search(r"<html[^>]*>", html)
    assert tag is not None
    assert f'lang="{code}"' in tag.group(0)
    assert f'dir="{language(code).direction}"' in tag.group(0)
    assert language(code).name in html  # the switcher shows each language by its own name


def test_api_lists_the_registry_languages(client: TestClient) -> None:
    schema = client.get("/api/v1/openapi.json").json()
    params = schema["paths"]["/api/v1/profiles/{iso2}"]["get"]["parameters"]
    lang = next(p for p in params if p["name"] == "lang")
    assert lang["schema"]["enum"] == list(LANGUAGES)
    assert client.get("/api/v1/profiles/MA", params={"lang": "xx"}).status_code == 422
