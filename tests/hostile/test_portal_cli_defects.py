"""Defect classes of issue 11 in the portal and the command line."""

from __future__ import annotations

import shutil
import sqlite3
import threading
import time
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from migprofile.cli import app
from migprofile.store import Store
from migprofile.web import create_app

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

runner = CliRunner()


@pytest.fixture(scope="module")
def client(small_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    path = tmp_path_factory.mktemp("portal") / "portal.db"
    shutil.copy(small_db, path)
    store = Store.open(f"sqlite:///{path}")
    with TestClient(create_app(store), raise_server_exceptions=False) as c:
        yield c
    store.close()


@pytest.mark.parametrize("url", [
    "/api/v1/observations?offset=9223372036854775808",
    "/api/v1/observations?from=-99999999999999999999",
    "/fr/compare?from=-99999999999999999999",
    "/fr/compare?to=99999",
    "/fr/legal?q=%00",
    "/api/v1/legal-instruments?country=MA%0d%0a",
    "/fr/compare?countries=" + ",".join(["MA", "FR", "ES", "IT", "DZ", "TN", "EG", "SN", "DE",
                                         "BE", "NL", "US", "CA"]),
])
def test_bad_parameters_are_422_not_500(client: TestClient, url: str) -> None:
    """Defects: 2**63 offsets and huge years overflowed SQL integers (500); ``%00`` broke
    search (500); 13 countries, or 60 KB of them, made a 24 MB page."""
    r = client.get(url)
    assert r.status_code == 422, (url, r.status_code, r.text[:200])
    assert r.json()["error"]["code"] == "invalid_parameter"


def test_download_names_come_from_the_canonical_code(client: TestClient) -> None:
    """Defect: the file name was built from the raw path (CR/LF gave no response)."""
    r = client.get("/fr/countries/Maroc/tables/emigrant_stock_by_residence.csv")
    assert r.status_code == 200
    assert r.headers["content-disposition"] == \
        'attachment; filename="MA-fr-emigrant_stock_by_residence.csv"'
    assert client.get("/fr/countries/MA%0d%0aX:%20y/tables/t.csv").status_code == 422


def test_compare_deduplicates_countries(client: TestClient) -> None:
    many = client.get("/fr/compare?countries=" + ",".join(["MA"] * 600))
    once = client.get("/fr/compare?countries=MA")
    assert many.status_code == 200 and abs(len(many.content) - len(once.content)) < 40_000


def test_security_headers_head_and_allow(client: TestClient) -> None:
    """Defects: no security headers; HEAD answered 405; 405 without ``Allow``."""
    r = client.get("/fr/sources")
    csp = r.headers["content-security-policy"]
    assert "frame-ancestors 'none'" in csp and "form-action 'self'" in csp
    assert "'unsafe-inline'" not in csp.split("script-src")[1].split(";")[0]
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["referrer-policy"]
    head = client.head("/fr/sources")
    assert head.status_code == 200 and head.content == b""
    assert head.headers["content-length"] == r.headers["content-length"]
    assert client.head("/api/v1/sources").status_code == 200
    deleted = client.delete("/api/v1/sources")
    assert deleted.status_code == 405 and "GET" in deleted.headers["allow"]


def test_cli_exit_codes_are_as_documented(small_db: Path, tmp_path: Path) -> None:
    """Defects: ``--growth foo`` and ``--lang xx`` tracebacks; an unknown country exit 3."""
    db = f"sqlite:///{small_db}"
    growth = runner.invoke(app, ["show", "MA", "--growth", "foo", "--db", db])
    assert growth.exit_code == 2 and "linear, exponential" in growth.output
    lang = runner.invoke(app, ["show", "MA", "--lang", "xx", "--db", db])
    assert lang.exit_code == 2 and "fr, en, ar" in lang.output
    assert runner.invoke(app, ["show", "Atlantide", "--db", db]).exit_code == 2
    plain = runner.invoke(app, ["countries", "--db", str(small_db)], env={"COLUMNS": "200"})
    assert plain.exit_code == 0 and "MAR" in plain.output


def test_read_commands_create_nothing(tmp_path: Path) -> None:
    """Defect: ``countries --db sqlite:///mistyped/x.db`` made a folder and an empty
    database and reported "0 countries"."""
    result = runner.invoke(app, ["countries", "--db", f"sqlite:///{tmp_path}/mistyped/x.db"])
    assert result.exit_code == 3 and "no database" in result.output
    assert not (tmp_path / "mistyped").exists()


def test_a_half_initialised_database_is_reported(db_file: Path) -> None:
    """Defect: ``kill -9`` during ``init`` left a half-loaded database read without a word."""
    con = sqlite3.connect(db_file)
    assert con.execute("update store_state set value = 'started' where key = 'init'").rowcount
    con.commit()
    con.close()
    result = runner.invoke(app, ["countries", "--db", str(db_file)])
    assert result.exit_code == 3 and "half set up" in result.output


def test_sqlite_writers_wait_for_each_other(db_file: Path) -> None:
    """Defect: two imports at once on SQLite failed with "database is locked"."""
    holder = sqlite3.connect(db_file, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")
    release = threading.Timer(1.5, lambda: holder.execute("COMMIT"))
    release.start()
    store = Store.open(f"sqlite:///{db_file}")
    started = time.monotonic()
    with store.transaction() as conn:
        store.bump_version(conn)
    assert time.monotonic() - started >= 1.0  # it waited instead of failing
    release.join()
    holder.close()
    store.close()
