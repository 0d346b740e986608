"""Shared fixtures: databases (SQLite always, PostgreSQL when MIGPROFILE_TEST_DATABASE_URL is
set), an initialised store with the bundled data, and the ../shared folder (skipped if absent)."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, text

from migprofile.store import Store

# init templates (``core.inittemplate``) of this run go to a folder of its own, never to the
# user's cache: set before any test reads the settings
_INIT_CACHE = tempfile.mkdtemp(prefix="migprofile-init-")
os.environ["MIGPROFILE_INIT_CACHE"] = _INIT_CACHE
atexit.register(shutil.rmtree, _INIT_CACHE, True)

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
PG_URL = os.environ.get("MIGPROFILE_TEST_DATABASE_URL")


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The project's ../shared folder (seed profile, real data sets); skips when absent."""
    if not (SHARED / "data").is_dir():
        pytest.skip(f"{SHARED} is absent (it holds the seed and the real data sets)")
    return SHARED


@pytest.fixture(scope="session")
def seed_text(shared_dir: Path) -> str:
    return next((shared_dir / "seed").glob("*.txt")).read_text(encoding="utf-8")


def _pg_schema_url(schema: str) -> str:
    assert PG_URL is not None
    separator = "&" if "?" in PG_URL else "?"
    return f"{PG_URL}{separator}options=-csearch_path%3D{schema}"


@pytest.fixture(params=["sqlite", "postgres"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty database: a SQLite file, or a fresh schema of the PostgreSQL test server."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'test.db'}"
        return
    if not PG_URL:
        pytest.skip("MIGPROFILE_TEST_DATABASE_URL is not set (no PostgreSQL server)")
    schema = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(PG_URL)
    with admin.begin() as conn:
        conn.execute(text(f"CREATE SCHEMA {schema}"))
    try:
        yield _pg_schema_url(schema)
    finally:
        with admin.begin() as conn:
            conn.execute(text(f"DROP SCHEMA {schema} CASCADE"))
        admin.dispose()


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    """An initialised store (reference data and bundled packages) on SQLite and PostgreSQL."""
    from migprofile.core import init_database

    s = Store.open(db_url)
    init_database(s, extracts=False)
    yield s
    s.close()


@pytest.fixture(scope="session")
def ma_store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Store]:
    """One initialised SQLite store shared by the read-only tests of a session."""
    from migprofile.core import init_database

    path = tmp_path_factory.mktemp("db") / "ma.db"
    s = Store.open(f"sqlite:///{path}")
    init_database(s)
    yield s
    s.close()


@pytest.fixture
def ma_package_copy(tmp_path: Path) -> Path:
    """A writable copy of the bundled Morocco package, for tests that alter it."""
    target = tmp_path / "MA"
    shutil.copytree(REPO / "data" / "countries" / "MA", target)
    return target


CHROMIUM = Path("/usr/bin/chromium")
# the house's launch arguments (no sandbox in containers, no network chatter of its own)
CHROMIUM_ARGS = ("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run")


@pytest.fixture(scope="module")
def browser(request: pytest.FixtureRequest) -> Iterator[Any]:
    """Playwright's Chromium (``/usr/bin/chromium``), one per test module; a module adds
    launch arguments in ``EXTRA_CHROMIUM_ARGS``. Skips when Chromium or Playwright is not
    installed."""
    if not CHROMIUM.exists():
        pytest.skip("/usr/bin/chromium is not installed")
    sync_api = pytest.importorskip("playwright.sync_api")
    args = [*CHROMIUM_ARGS, *getattr(request.module, "EXTRA_CHROMIUM_ARGS", ())]
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=args)
        yield b
        b.close()

