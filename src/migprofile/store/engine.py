"""Opening the database and bringing its schema up to date with Alembic."""

from __future__ import annotations

import time
from functools import cache
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import SQLAlchemyError

from migprofile.errors import StoreError

MIGRATIONS = Path(__file__).with_name("migrations")
SQLITE_BUSY_SECONDS = 60
MIGRATE_ATTEMPTS = 3


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_SECONDS * 1000}")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _bulk_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # a private file being built (an init template): no journal and no syncs, since a crash
    # leaves a file nobody uses (it is renamed into place only when complete)
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=OFF")
    cursor.execute("PRAGMA synchronous=OFF")
    cursor.close()


def make_engine(url: str, *, bulk: bool = False) -> Engine:
    """An engine for ``url``; SQLite files get foreign keys and WAL, their folder is created.
    ``bulk``: a SQLite file only this process writes, set up without journal or syncs."""
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
    try:
        if url.startswith("sqlite:///") and url != "sqlite:///:memory:":
            Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
        # writers wait for each other (up to a minute) instead of failing "database is locked"
        args = {"timeout": SQLITE_BUSY_SECONDS} if url.startswith("sqlite") else {}
        engine = create_engine(url, future=True, connect_args=args)
    except (SQLAlchemyError, ImportError, OSError) as exc:
        raise StoreError(f"cannot open database {url!r}: {exc}") from exc
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _bulk_pragmas if bulk else _sqlite_pragmas)
    return engine


def alembic_config(engine: Engine) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    url = engine.url.render_as_string(hide_password=False)
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


def migrate(engine: Engine, revision: str = "head") -> None:
    """Create or upgrade the schema to ``revision``.

    A database already at the newest revision is left alone (no write, so read commands
    and concurrent processes do not contend for a lock); when two processes upgrade the
    same database at once, the one that loses the race finds it upgraded and goes on."""
    if revision == "head" and _at_head(engine):
        return
    cfg = alembic_config(engine)
    for attempt in range(MIGRATE_ATTEMPTS):
        try:
            with engine.begin() as conn:
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, revision)
            return
        except SQLAlchemyError as exc:
            if revision == "head" and _at_head(engine):
                return  # another process migrated it meanwhile
            if attempt + 1 == MIGRATE_ATTEMPTS:
                raise StoreError(f"cannot migrate {engine.url!r}: {exc}") from exc
            time.sleep(0.5 * (attempt + 1))


def _at_head(engine: Engine) -> bool:
    try:
        return current_revision(engine) == head_revision()
    except SQLAlchemyError:
        return False


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


@cache
def head_revision() -> str | None:
    script = ScriptDirectory.from_config(alembic_config(create_engine("sqlite://")))
    return script.get_current_head()
