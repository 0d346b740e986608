"""Helpers of the editorial tests: a team of accounts, form scraping, logging in."""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import unescape
from typing import Any

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


HIDDEN = re.compile(r'<input type="hidden" name="([a-z_]+)" value="([^"]*)">')


def hidden_fields(html: str) -> dict[str, str]:
    """The hidden inputs of a page (csrf, key, version, published_sha)."""
    return {name: unescape(value) for name, value in HIDDEN.findall(html)}


def log_in(client: Any, username: str, password: str = PASSWORD) -> Any:
    page = client.get("/fr/login")
    token = hidden_fields(page.text)["csrf"]
    return client.post("/fr/login", data={"username": username, "password": password,
                                          "csrf": token}, follow_redirects=False)
