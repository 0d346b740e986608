"""The state of set-up steps that span many transactions, and opening a database safely.

``init`` loads reference data, packages and extracts in several transactions (one per
package or file, so that each is atomic); a ``kill -9`` in between leaves a database that
holds part of it. ``init`` therefore writes ``init = started`` first and ``init = complete``
last; ``check_ready`` (used by every read command) refuses a database whose init was
interrupted, naming the fix. A database made before this table existed has no row and is
taken as complete.

``database_url`` accepts a URL or a plain path; ``require_existing`` refuses to open (and so
to create) a SQLite file that does not exist.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Connection, delete, insert, select
from sqlalchemy.exc import SQLAlchemyError

from migprofile.errors import StoreError
from migprofile.store import schema as t
from migprofile.store.queries import Store

INIT = "init"
STARTED, COMPLETE = "started", "complete"


def database_url(text: str) -> str:
    """A database URL from a URL or a path (``migprofile.db`` -> ``sqlite:///…/migprofile.db``)."""
    if "://" in text or text == "sqlite://":
        return text
    return f"sqlite:///{Path(text).expanduser().resolve()}"


def sqlite_file(url: str) -> Path | None:
    """The file of a SQLite URL (None for other databases and in-memory SQLite)."""
    if url.startswith("sqlite:///") and url not in ("sqlite:///:memory:",):
        return Path(url.removeprefix("sqlite:///").split("?", 1)[0])
    return None


def require_existing(url: str) -> None:
    """``StoreError`` when ``url`` is a SQLite file that does not exist (nothing is created)."""
    path = sqlite_file(url)
    if path is not None and not path.is_file():
        raise StoreError(f"there is no database at {path} (run `migprofile init` to create "
                         "one, or check --db / MIGPROFILE_DATABASE_URL)")


def set_state(conn: Connection, key: str, value: str) -> None:
    conn.execute(delete(t.store_state).where(t.store_state.c.key == key))
    conn.execute(insert(t.store_state).values(key=key, value=value,
                                              changed_at=datetime.now(UTC)))


def get_state(store: Store, key: str) -> str | None:
    try:
        with store.engine.connect() as conn:
            value = conn.execute(select(t.store_state.c.value)
                                 .where(t.store_state.c.key == key)).scalar()
    except SQLAlchemyError as exc:
        raise StoreError(f"database error: {exc}") from exc
    return None if value is None else str(value)


def mark(store: Store, key: str, value: str) -> None:
    with store.transaction() as conn:
        set_state(conn, key, value)


def check_ready(store: Store) -> None:
    """``StoreError`` when the last ``init`` of this database did not finish."""
    if get_state(store, INIT) == STARTED:
        raise StoreError("the database is half set up: `migprofile init` was interrupted "
                         "before it finished. Run `migprofile init` again (it resumes and "
                         "completes it)")
