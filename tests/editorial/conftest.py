"""Editorial fixtures: stores with a team of accounts (helpers in ``editorial_helpers``)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from editorial_helpers import Team, make_team

from migprofile.store import Store


@pytest.fixture(scope="session", autouse=True)
def fast_hashing() -> Iterator[None]:
    """Cheaper argon2id parameters for the tests (the algorithm and format are the same; the
    portal keeps argon2-cffi's defaults)."""
    from argon2 import PasswordHasher

    from migprofile.editorial import accounts

    saved = accounts._HASHER, accounts._DUMMY_HASH
    accounts._HASHER = PasswordHasher(time_cost=1, memory_cost=8192, parallelism=1)
    accounts._DUMMY_HASH = accounts._HASHER.hash("not a password of anybody")
    yield
    accounts._HASHER, accounts._DUMMY_HASH = saved


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An initialised SQLite file (reference data, bundled packages), copied per test."""
    from migprofile.core import init_database

    path = tmp_path_factory.mktemp("template") / "template.db"
    s = Store.open(f"sqlite:///{path}")
    init_database(s, extracts=False)
    s.close()
    return path


@pytest.fixture
def ed_store(db_url: str, sqlite_template: Path, tmp_path: Path) -> Iterator[Store]:
    """An initialised store on SQLite (a copy of the template) and PostgreSQL."""
    if db_url.startswith("sqlite"):
        target = tmp_path / "editorial.db"
        shutil.copyfile(sqlite_template, target)
        s = Store.open(f"sqlite:///{target}")
    else:
        from migprofile.core import init_database

        s = Store.open(db_url)
        init_database(s, extracts=False)
    yield s
    s.close()


@pytest.fixture
def team(ed_store: Store) -> Team:
    """Four accounts on an initialised store (SQLite and PostgreSQL)."""
    return make_team(ed_store)


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
