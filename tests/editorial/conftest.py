"""Editorial fixtures: an initialised store (SQLite and PostgreSQL) with three accounts."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from html import unescape
from typing import Any

import pytest

from migprofile.editorial import accounts
from migprofile.editorial.accounts import Role, User
from migprofile.editorial.audit import CLI, Actor
from migprofile.store import Store
from migprofile.store.editorial import EditorialStore

PASSWORD = "correct horse battery"


@dataclass
class Team:
    es: EditorialStore
    admin: User
    reviewer: User
    ma: User  # contributor assigned to Morocco
    tn: User  # contributor assigned to Tunisia

    def actor(self, user: User) -> Actor:
        return Actor(user, "127.0.0.1")


def make_team(store: Store) -> Team:
    es = EditorialStore(store)
    return Team(
        es,
        accounts.add_user(es, CLI, "admin", PASSWORD, Role.ADMIN),
        accounts.add_user(es, CLI, "rita", PASSWORD, Role.REVIEWER),
        accounts.add_user(es, CLI, "karim", PASSWORD, Role.CONTRIBUTOR, countries=["MAR"]),
        accounts.add_user(es, CLI, "leila", PASSWORD, Role.CONTRIBUTOR, countries=["TUN"]),
    )


@pytest.fixture
def team(store: Store) -> Team:
    return make_team(store)


@pytest.fixture(scope="module")
def web_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """One SQLite store per module (reference data and the bundled packages, no extracts)."""
    from migprofile.core import init_database

    s = Store.open(f"sqlite:///{tmp_path_factory.mktemp('editor') / 'e.db'}")
    init_database(s, extracts=False)
    yield s
    s.close()


@pytest.fixture(scope="module")
def web_team(web_store: Store) -> Team:
    return make_team(web_store)


HIDDEN = re.compile(r'<input type="hidden" name="([a-z_]+)" value="([^"]*)">')


def hidden_fields(html: str) -> dict[str, str]:
    """The hidden inputs of the first form of a page (csrf, key, version, published_sha)."""
    return {name: unescape(value) for name, value in HIDDEN.findall(html)}


def log_in(client: Any, username: str, password: str = PASSWORD) -> Any:
    page = client.get("/fr/login")
    token = hidden_fields(page.text)["csrf"]
    return client.post("/fr/login", data={"username": username, "password": password,
                                          "csrf": token}, follow_redirects=False)
