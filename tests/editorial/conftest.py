"""Editorial fixtures: stores with a team of accounts (helpers in ``editorial_helpers``)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from editorial_helpers import Team, make_team

from migprofile.store import Store


@pytest.fixture
def team(store: Store) -> Team:
    """Four accounts on the initialised store (SQLite and PostgreSQL)."""
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
