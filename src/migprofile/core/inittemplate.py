"""The init template: a SQLite database built once by ``init`` from the bundled data, then
copied into each fresh database instead of loading the same 660,000 observations again.

Loading every bundled extract takes about 12 s on two cores (reading the files, checking
them, writing and indexing the rows); copying the finished database takes about half a
second. A template is used only when it cannot differ from what a load would write:

- its name is a digest of every file of the data folder and of this package (code, catalogs,
  mappings), of the data folder's path (recorded with each package), of the schema revision
  and of the SQLite library, so that changing any of them builds a new one;
- it is built into a private file (no journal: a crash leaves a file nobody uses), then
  renamed into place, so a template that exists is complete; the digest is also written
  inside it and checked after each copy;
- only a database that holds nothing yet (``snapshot.holds_data``) is filled from it; any
  other goes through the ordinary, idempotent load.

Each copy's import log keeps the dates on which the template's imports ran.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import migprofile
from migprofile.errors import UnreadableTemplate
from migprofile.settings import Settings
from migprofile.store import Store, head_revision
from migprofile.store.snapshot import copy_into, finish_template, holds_data, store_file
from migprofile.store.state import get_state, mark

FORMAT = "1"  # of the template and its digest; a change here retires every older template
KEY_STATE = "init_template"  # store_state key holding the digest of the template copied
KEEP = 2  # templates kept in the folder (of other code or data versions), newest first


@dataclass(frozen=True)
class TemplateUse:
    """How ``init`` used its template: copied one (``built`` false) or built it first."""

    path: Path
    built: bool
    built_at: datetime
    build_seconds: float
    summary: dict[str, Any]  # what ``build`` said of what it loaded, kept beside the template


def template_key(settings: Settings, *, extracts: bool) -> str:
    """The digest naming the template of this data folder (its files and its path), code,
    schema and SQLite."""
    digest = hashlib.sha256()
    # the data folder's own path too: the packages table records where each package was
    # loaded from, so two checkouts never share a template
    for part in (FORMAT, str(head_revision()), sqlite3.sqlite_version, str(extracts),
                 str(settings.data_dir.resolve())):
        digest.update(part.encode() + b"\0")
    for root in (settings.data_dir, Path(migprofile.__file__).resolve().parent):
        for path in _files(root):
            digest.update(str(path.relative_to(root)).encode() + b"\0")
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def _files(root: Path) -> Iterator[Path]:
    if not root.is_dir():
        return
    for path in sorted(root.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            yield path


def eligible(store: Store, settings: Settings) -> bool:
    """Whether ``init`` may fill ``store`` from a template: a SQLite file holding nothing,
    with a template folder set."""
    return settings.init_cache is not None and store_file(store) is not None \
        and not holds_data(store)


def fill_from_template(
    store: Store, settings: Settings, *, extracts: bool,
    build: Callable[[Store], Mapping[str, Any]], progress: Callable[[str], None] | None = None,
) -> TemplateUse | None:
    """Copy the template into ``store``, building it with ``build`` first if there is none
    (or if the one there cannot be read). None when the template folder cannot be written
    (the caller then loads ``store`` directly). Errors of ``build`` (a bad package or
    extract) propagate and leave ``store`` as it was: holding nothing."""
    assert settings.init_cache is not None
    key = template_key(settings, extracts=extracts)
    path = settings.init_cache / f"init-{key[:20]}.sqlite"
    use = _existing(path)
    if use is not None:
        if progress:
            progress("init template")
        try:
            return _copy(store, use, key)
        except UnreadableTemplate:
            _remove(path)  # not a database, or not ours: built again below
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        use = _build(path, key, build)
    except OSError:
        return None
    return _copy(store, use, key)


def _copy(store: Store, use: TemplateUse, key: str) -> TemplateUse:
    copy_into(store, use.path)
    if get_state(store, KEY_STATE) != key:
        raise UnreadableTemplate(f"{use.path} is not the template it is named after")
    return use


def _existing(path: Path) -> TemplateUse | None:
    meta = path.with_suffix(".json")
    if not (path.is_file() and meta.is_file()):
        return None
    try:
        data = json.loads(meta.read_text(encoding="utf-8"))
        return TemplateUse(path=path, built=False,
                           built_at=datetime.fromisoformat(data["built_at"]),
                           build_seconds=float(data["build_seconds"]),
                           summary=dict(data["summary"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _build(path: Path, key: str, build: Callable[[Store], Mapping[str, Any]]) -> TemplateUse:
    partial = path.with_name(f"{path.stem}.{os.getpid()}.partial")
    _remove(partial)
    start = time.perf_counter()
    try:
        template = Store.open(f"sqlite:///{partial}", bulk=True)
        try:
            summary = dict(build(template))
            mark(template, KEY_STATE, key)
        finally:
            template.close()
        finish_template(partial)
        use = TemplateUse(path=path, built=True, built_at=datetime.now(UTC),
                          build_seconds=round(time.perf_counter() - start, 2), summary=summary)
        path.with_suffix(".json").write_text(json.dumps({
            "key": key, "built_at": use.built_at.isoformat(),
            "build_seconds": use.build_seconds, "summary": summary}), encoding="utf-8")
        os.replace(partial, path)  # complete or absent, never half written
    finally:
        _remove(partial)
    _prune(path)
    return use


def _prune(keep: Path) -> None:
    """Remove all but the newest ``KEEP`` templates of the folder (``keep`` among them)."""
    others = sorted((p for p in keep.parent.glob("init-*.sqlite") if p != keep),
                    key=lambda p: p.stat().st_mtime, reverse=True)
    for old in others[KEEP - 1:]:
        _remove(old)


def _remove(path: Path) -> None:
    for each in (path, path.with_suffix(".json")) if path.suffix == ".sqlite" else (path,):
        each.unlink(missing_ok=True)
