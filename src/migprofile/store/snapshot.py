"""Whole-database copies of SQLite files: what ``init`` uses to set up a fresh database from
a template (a database built once from the same bundled data and code).

A copy goes through SQLite's online backup API, never a file copy: it runs inside the
target's write lock and is rolled back whole if it fails, so a reader never sees half a
database and a stale ``-wal`` file cannot be replayed over the new pages.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import literal, select
from sqlalchemy.exc import SQLAlchemyError

from migprofile.errors import StoreError, UnreadableTemplate
from migprofile.store import schema as t
from migprofile.store.engine import SQLITE_BUSY_SECONDS
from migprofile.store.queries import Store
from migprofile.store.state import sqlite_file

# written by every new database (schema revision, data version, set-up marks): a database
# holding rows only here holds nothing of anybody's
_BOOKKEEPING = frozenset({"alembic_version", "data_version", "store_state"})


def store_file(store: Store) -> Path | None:
    """The file of a SQLite store (None for PostgreSQL and in-memory SQLite)."""
    return sqlite_file(store.engine.url.render_as_string(hide_password=False))


def holds_data(store: Store) -> bool:
    """Whether any table other than the bookkeeping ones has a row: a database ``init``
    never filled (or one a user added to) is not overwritten by a template."""
    try:
        with store.engine.connect() as conn:
            for table in t.metadata.sorted_tables:
                if table.name in _BOOKKEEPING:
                    continue
                # one row is enough to know (a count would read 660,000 observations)
                if conn.execute(select(literal(1)).select_from(table).limit(1)).first():
                    return True
    except SQLAlchemyError as exc:
        raise StoreError(f"database error: {exc}") from exc
    return False


def finish_template(path: Path) -> None:
    """Make a database built with ``Store.open(..., bulk=True)`` a self-contained file: a
    rollback journal (no ``-wal`` beside it) and its pages written to disk."""
    conn = sqlite3.connect(path)
    try:
        conn.execute("PRAGMA journal_mode=DELETE")
        conn.execute("PRAGMA synchronous=FULL")
        conn.execute("PRAGMA user_version=0")  # a write, so that the header is synced
        conn.commit()
    finally:
        conn.close()


def copy_into(store: Store, template: Path) -> None:
    """Replace the whole content of ``store`` (a SQLite file) by ``template``'s.

    The target is switched to a rollback journal for the copy when nobody else has it open
    (each page is then written once, about three times faster than through the WAL) and back
    to WAL after. ``UnreadableTemplate`` when the template is not a whole SQLite file,
    ``StoreError`` when the copy fails; the target is then as it was."""
    target = store_file(store)
    if target is None:
        raise StoreError("a template can only be copied into a SQLite file")
    store.engine.dispose()  # no pooled connection keeps the old pages or a WAL snapshot
    source = _open_template(template)
    dest = sqlite3.connect(target, timeout=SQLITE_BUSY_SECONDS)
    try:
        rollback = _journal(dest, "DELETE") == "delete"
        source.backup(dest)
        if rollback:
            _journal(dest, "WAL")
    except sqlite3.Error as exc:
        raise StoreError(f"cannot copy the template {template} into {target}: {exc}") from exc
    finally:
        dest.close()
        source.close()
    store.engine.dispose()


def _open_template(path: Path) -> sqlite3.Connection:
    """A read-only connection to ``path``, once its header says it is a SQLite file of the
    size its pages add up to (a truncated copy is refused before anything is written)."""
    conn: sqlite3.Connection | None = None
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        size = conn.execute("PRAGMA page_size").fetchone()[0]
        if pages * size != path.stat().st_size:
            raise sqlite3.DatabaseError(f"{pages} pages of {size} bytes, but the file has "
                                        f"{path.stat().st_size} bytes")
        return conn
    except (sqlite3.Error, OSError) as exc:
        if conn is not None:
            conn.close()
        raise UnreadableTemplate(f"cannot read the template {path}: {exc}") from exc


def _journal(conn: sqlite3.Connection, mode: str) -> str:
    """Set the journal mode; SQLite keeps the old one (and says which) when another
    connection has the file open."""
    try:
        return str(conn.execute(f"PRAGMA journal_mode={mode}").fetchone()[0]).lower()
    except sqlite3.OperationalError:
        return ""
