"""Editorial fixtures: an initialised store (SQLite and PostgreSQL) with three accounts."""

from __future__ import annotations

from dataclasses import dataclass

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
