"""Downloads of the whole database and the country finder, behind the façade."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from migprofile.errors import NotFoundError
from migprofile.geo import default_registry
from migprofile.settings import Settings, get_settings
from migprofile.store import Store

EXPORT_FORMATS = {"sqlite": "sqlite", "csv": "csv.zip"}


def database_export(store: Store, fmt: str, *, settings: Settings | None = None) -> Path:
    """The data tables as one file (``sqlite``: a SQLite database; ``csv``: a zip of one CSV
    per table), made once per data version under ``<output_dir>/exports/`` and reused."""
    from migprofile.store.export import csv_zip, write_sqlite

    if fmt not in EXPORT_FORMATS:
        raise NotFoundError("export format", fmt)
    folder = (settings or get_settings()).output_dir / "exports"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"migprofile-data-v{store.data_version()}.{EXPORT_FORMATS[fmt]}"
    if path.is_file():
        return path
    partial = path.with_name(f".{path.name}.{os.getpid()}.part")
    try:
        if fmt == "sqlite":
            write_sqlite(store, partial)
        else:
            partial.write_bytes(csv_zip(store))
        partial.replace(path)  # atomic: a reader never sees half a file
    finally:
        partial.unlink(missing_ok=True)
    for older in folder.glob(f"migprofile-data-v*.{EXPORT_FORMATS[fmt]}"):
        if older != path:
            older.unlink(missing_ok=True)
    return path


@dataclass(frozen=True)
class FoundArea:
    code: str
    iso2: str | None
    name: str
    kind: str
    profiled: bool
    exact: bool = False  # the query is this area's code or one of its whole names


def find_areas(query: str, *, lang: str, profiled: set[str] | frozenset[str],
               limit: int = 20) -> list[FoundArea]:
    """Countries and territories whose code, ISO2 code, or any name or alias in any language
    matches ``query`` (case, accents and punctuation do not count); profiled ones first."""
    from migprofile.model import AreaKind

    registry = default_registry()
    codes = registry.search(query, kinds=(AreaKind.COUNTRY,), limit=limit * 3)
    exact = registry.try_resolve(query)
    found = [FoundArea(c, registry.get(c).iso2, registry.name(c, lang), "country",
                       c in profiled, c == exact) for c in codes]
    found.sort(key=lambda f: not f.profiled)  # stable: the match order stays within each
    return found[:limit]
