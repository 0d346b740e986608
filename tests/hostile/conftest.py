"""A small initialised SQLite database (reference data and the Morocco package, no extracts),
made once per session and copied for each test that may write to it."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from migprofile.store import Store

DATA = Path(__file__).resolve().parents[1] / "data" / "importers"


@pytest.fixture(scope="session")
def small_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from migprofile.core import init_database
    from migprofile.importers.run import import_file

    path = tmp_path_factory.mktemp("hostile") / "small.db"
    store = Store.open(f"sqlite:///{path}")
    init_database(store, extracts=False)
    for fmt, name in (("knomad", "knomad-small.csv"), ("treaties", "untc-small.csv"),
                      ("unhcr", "unhcr-small.csv")):
        import_file(store, DATA / name, fmt)
    store.close()
    con = sqlite3.connect(path)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    return path


@pytest.fixture
def db_file(small_db: Path, tmp_path: Path) -> Path:
    target = tmp_path / "work.db"
    shutil.copy(small_db, target)
    return target


@pytest.fixture
def hostile_store(db_file: Path) -> Iterator[Store]:
    store = Store.open(f"sqlite:///{db_file}")
    yield store
    store.close()


def fingerprint(path: Path) -> tuple[object, ...]:
    """What a refused input must leave as it was: row counts, value sums, statuses."""
    con = sqlite3.connect(path)
    try:
        return (
            con.execute("select count(*), total(value), count(value) from "
                        "observations").fetchone(),
            con.execute("select status, count(*) from legal_instruments group by status "
                        "order by status").fetchall(),
            con.execute("select count(*) from sources").fetchone(),
            con.execute("select count(*) from narratives").fetchone(),
        )
    finally:
        con.close()
