"""The published data as files anyone can open: a SQLite database (Datasette, DB Browser, any
SQLite client) and a zip of CSV files, one per table.

Only the data tables are copied, named one by one: anything else the database holds (accounts,
sessions, audit trails, search indexes) never leaves it through these exports.
"""

from __future__ import annotations

import csv
import io
import sqlite3
import tempfile
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import String, Table, Text, create_engine, select

from migprofile.store import schema
from migprofile.store.queries import Store

# The tables that hold published data, parents before children (foreign keys).
PUBLIC_TABLES: tuple[Table, ...] = (
    schema.sources, schema.areas, schema.grouping_members, schema.indicators,
    schema.observations, schema.legal_instruments, schema.framework_cells, schema.footnotes,
    schema.narratives, schema.table_layouts, schema.packages, schema.imports,
)
CHUNK = 20_000


def _public(table: Table, row: dict[str, Any]) -> dict[str, Any]:
    """The row as published: a package's folder is named, not the server's path to it."""
    if table is schema.packages and row.get("path"):
        row["path"] = Path(str(row["path"])).name
    if table is schema.imports and row.get("filename"):
        row["filename"] = Path(str(row["filename"])).name
    return row


def _rows(store: Store, table: Table) -> Iterator[list[dict[str, Any]]]:
    """The table's rows in chunks, in primary-key order (deterministic files)."""
    query = select(table).order_by(*table.primary_key.columns)
    with store.engine.connect() as conn:
        result = conn.execution_options(stream_results=True).execute(query)
        while chunk := result.mappings().fetchmany(CHUNK):
            yield [_public(table, dict(row)) for row in chunk]


def write_sqlite(store: Store, path: Path) -> dict[str, int]:
    """Copy the data tables into a new SQLite file at ``path`` (replaced if it exists);
    returns the row count per table. From SQLite the rows are copied inside SQLite
    (``ATTACH`` + ``INSERT … SELECT``, seconds for the bundled data); from another database
    they go through SQLAlchemy in chunks."""
    path.unlink(missing_ok=True)
    target = create_engine(f"sqlite:///{path}")
    try:
        schema.metadata.create_all(target, tables=list(PUBLIC_TABLES))
    finally:
        target.dispose()
    if store.engine.dialect.name == "sqlite":
        return _copy_within_sqlite(store, path)
    return _copy_rows(store, path)


def _copy_within_sqlite(store: Store, path: Path) -> dict[str, int]:
    counts: dict[str, int] = {}
    raw = store.engine.raw_connection()
    try:
        cursor = raw.cursor()
        cursor.execute("ATTACH DATABASE ? AS published", (str(path),))
        try:
            for table in PUBLIC_TABLES:
                columns = ", ".join(f'"{c.name}"' for c in table.columns)
                cursor.execute(f'INSERT INTO published."{table.name}" ({columns}) '
                               f'SELECT {columns} FROM main."{table.name}"')
                counts[table.name] = cursor.rowcount
            raw.commit()
        finally:
            cursor.execute("DETACH DATABASE published")
    finally:
        raw.close()
    _publish_paths(path)
    return counts


def _publish_paths(path: Path) -> None:
    """Package folders and imported files by their names, not by the server's paths."""
    target = create_engine(f"sqlite:///{path}")
    try:
        with target.begin() as conn:
            for table, column in ((schema.packages, "path"), (schema.imports, "filename")):
                for key, value in conn.execute(select(table.c[_key(table)], table.c[column])):
                    conn.execute(table.update().where(table.c[_key(table)] == key)
                                 .values({column: Path(str(value)).name}))
    finally:
        target.dispose()


def _key(table: Table) -> str:
    return next(iter(table.primary_key.columns)).name


def _copy_rows(store: Store, path: Path) -> dict[str, int]:
    target = create_engine(f"sqlite:///{path}")
    counts: dict[str, int] = {}
    try:
        with target.begin() as conn:
            for table in PUBLIC_TABLES:
                counts[table.name] = 0
                for chunk in _rows(store, table):
                    conn.execute(table.insert(), chunk)
                    counts[table.name] += len(chunk)
    finally:
        target.dispose()
    return counts


def csv_zip(store: Store) -> bytes:
    """A zip with ``<table>.csv`` for every data table (header line, then the rows), read
    from a SQLite snapshot of the data tables: the stored text of JSON and date columns is
    written as it is, without decoding half a million values."""
    with tempfile.TemporaryDirectory() as folder:
        snapshot = Path(folder) / "snapshot.sqlite"
        write_sqlite(store, snapshot)
        buffer = io.BytesIO()
        connection = sqlite3.connect(snapshot)
        try:
            with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
                for table in PUBLIC_TABLES:
                    archive.writestr(f"{table.name}.csv", _table_csv(connection, table))
        finally:
            connection.close()
    return buffer.getvalue()


_FORMULA_STARTS = "('=', '+', '-', '@', char(9), char(13))"


def _select_expression(column: Any) -> str:
    """The column as CSV text: a text cell that a spreadsheet would run as a formula gets a
    leading apostrophe (numbers are stored as numbers and pass as they are)."""
    name = f'"{column.name}"'
    if isinstance(column.type, (String, Text)):
        return (f"CASE WHEN substr({name}, 1, 1) IN {_FORMULA_STARTS} "
                f"THEN '''' || {name} ELSE {name} END")
    return name


def _table_csv(connection: sqlite3.Connection, table: Table) -> str:
    order = ", ".join(f'"{c.name}"' for c in table.primary_key.columns)
    columns = ", ".join(_select_expression(c) for c in table.columns)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([c.name for c in table.columns])
    # numbers as SQLite holds them (Python's repr: "." decimals, no thousands separators),
    # dates and JSON as the ISO and JSON text stored
    writer.writerows(connection.execute(f'SELECT {columns} FROM "{table.name}" ORDER BY {order}'))
    return out.getvalue()
