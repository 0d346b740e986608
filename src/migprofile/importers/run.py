"""Importing a source file: pick its reader, read it, write the batch in one transaction.

    import_file(store, path)           # the reader whose ``claims`` is true
    import_file(store, path, "wb-wdi")  # a named reader

Any error in the reader's report raises ``ImportFailed`` (with the report) and nothing is
written. A file already imported (same sha256, same reader) is not imported again. Each
edition of a dataset has a source id of its own, so an older edition stays as an earlier
vintage; ``diff_sources`` compares two of them.
"""

from __future__ import annotations

import csv
import math
import zlib
from dataclasses import asdict, dataclass, field, replace
from datetime import date
from operator import attrgetter
from pathlib import Path

from migprofile.errors import FormatNotRecognised, ImportFailed
from migprofile.importers.base import ImportBatch, Reader, ReadOptions, sha256_of
from migprofile.importers.guards import check_batch
from migprofile.importers.registry import load_readers
from migprofile.importers.signature import spreadsheet_errors, unsupported_table
from migprofile.model import Observation, Source, breakdown_key
from migprofile.store import Store
from migprofile.store.imports import (
    ImportRecord,
    ObsKey,
    ObsValue,
    bulk_insert_observations,
    find_import_by_sha,
    imports,
    insert_instruments,
    observations_by_source,
    record_import,
)
from migprofile.validate import Report

DEFAULT_OPTIONS = ReadOptions()
OBSERVATION_CHUNK = 20_000
_READ_ERRORS: tuple[type[Exception], ...] = (
    OSError, UnicodeDecodeError, ValueError, EOFError, csv.Error, zlib.error, OverflowError,
    RecursionError, *spreadsheet_errors())


def pick_reader(path: Path, fmt: str | None = None) -> Reader:
    """The reader named ``fmt`` (``auto`` or None: the first, by name, that claims the file)."""
    readers = load_readers()
    if fmt and fmt != "auto":
        if fmt not in readers:
            raise FormatNotRecognised(f"{path} (no reader named {fmt!r})", sorted(readers))
        return readers[fmt]
    claimed = [name for name in sorted(readers) if readers[name].claims(path)]
    if len(claimed) == 1:
        return readers[claimed[0]]
    if claimed:
        raise FormatNotRecognised(str(path), claimed, f"the columns match both {claimed[0]} and "
                                  f"{claimed[1]}: name the format (migprofile import FORMAT FILE)")
    known = unsupported_table(path)
    if known:
        raise FormatNotRecognised(str(path), [], f"this is {known}, which no reader imports")
    raise FormatNotRecognised(str(path), sorted(readers))


def import_file(store: Store, path: Path, fmt: str | None = None,
                options: ReadOptions = DEFAULT_OPTIONS) -> ImportBatch:
    """Read ``path`` and write it in one transaction; ``ImportFailed`` (nothing written) on
    any error. Returns the batch; its report says when the file was already imported (the
    latest import of its source was of a file with the same sha256)."""
    path = Path(path)
    if not path.is_file():
        report = Report(subject=str(path))
        report.error("missing-file", "no such file", file=str(path))
        raise ImportFailed(f"{path}: no such file", report)
    reader = pick_reader(path, fmt)
    sha256 = sha256_of(path)
    done = find_import_by_sha(store, sha256, format=reader.name)
    if done is not None and options.edition in (None, done.edition) \
            and imports(store, source_id=done.source_id)[-1].sha256 == sha256:
        return _already_imported(store, reader, path, done)
    batch = _read(reader, path, options)
    _check_keys(batch)
    if not batch.report.ok:
        raise ImportFailed(f"{path.name}: {len(batch.report.errors)} error(s); nothing was "
                           "written", batch.report)
    batch.source = _with_overrides(batch, options)
    check_batch(store, batch, options)
    write_batch(store, batch, sha256=sha256, options=options)
    return batch


def _read(reader: Reader, path: Path, options: ReadOptions) -> ImportBatch:
    try:
        return reader.read(path, options)
    except _READ_ERRORS as exc:
        report = Report(subject=f"{reader.name} {path.name}")
        report.error("unreadable-file", f"{type(exc).__name__}: {exc}", file=path.name)
        raise ImportFailed(f"{path.name}: cannot be read as {reader.name}", report) from exc


_KEY_LESS_BREAKDOWN = attrgetter("indicator", "country", "partner", "period", "sex")


def _obs_key(obs: Observation) -> tuple[object, ...]:
    key: tuple[object, ...] = _KEY_LESS_BREAKDOWN(obs)
    return (*key, breakdown_key(obs.breakdown)) if obs.breakdown else key


def _check_keys(batch: ImportBatch) -> None:
    """An error if two observations of the batch have the same key. Only the keys' hashes
    are kept (a set of ints, not of 500,000 tuples); a hash seen twice is then checked on
    the keys themselves."""
    seen: set[int] = set()
    twice: set[int] = set()
    for obs in batch.observations:
        code = hash(_obs_key(obs))
        if code in seen:
            twice.add(code)
        seen.add(code)
    if not twice:
        return
    keys: set[tuple[object, ...]] = set()
    for obs in batch.observations:
        key = _obs_key(obs)
        if hash(key) in twice:
            if key in keys:
                batch.report.error("duplicate-key", f"observation {obs.key[:6]} is read "
                                   "twice", file=Path(batch.path).name)
                return
            keys.add(key)


def _with_overrides(batch: ImportBatch, options: ReadOptions) -> Source:
    source = batch.source
    if options.accessed:
        source = replace(source, accessed=date.fromisoformat(options.accessed))
    if options.source_sha256:
        source = replace(source, sha256=options.source_sha256)
    return source


def write_batch(store: Store, batch: ImportBatch, *, sha256: str,
                options: ReadOptions = DEFAULT_OPTIONS) -> None:
    """Replace what an earlier import of the batch's source wrote, in one transaction."""
    origin = batch.origin
    observations = batch.observations
    with store.transaction() as conn:
        store.upsert_sources(conn, [batch.source], origin)
        store.upsert_areas(conn, batch.areas, origin)
        store.upsert_indicators(conn, batch.indicators)
        store.delete_origin(conn, origin)
        bulk_insert_observations(conn, observations, origin, chunk=OBSERVATION_CHUNK)
        insert_instruments(conn, batch.instruments, origin)
        record_import(conn, ImportRecord(
            source_id=batch.source.id, format=batch.format, filename=Path(batch.path).name,
            sha256=sha256, edition=batch.source.edition,
            rows=len(observations) + len(batch.instruments), options=_options_json(options)))
        store.bump_version(conn)
    batch.report.stats["written"] = len(observations) + len(batch.instruments)


def _options_json(options: ReadOptions) -> dict[str, object]:
    data = asdict(options)
    if options.countries is not None:
        data["countries"] = sorted(options.countries)
    return {k: v for k, v in data.items() if v not in (None, False)}


def _already_imported(store: Store, reader: Reader, path: Path,
                      done: ImportRecord) -> ImportBatch:
    report = Report(subject=f"{reader.name} {path.name}")
    when = f"{done.imported_at:%Y-%m-%d %H:%M}" if done.imported_at else "earlier"
    report.info("already-imported", f"this file (sha256 {done.sha256[:12]}…) was imported "
                f"{when} as source {done.source_id}: nothing to do", file=path.name)
    report.stats["already_imported"] = 1
    return ImportBatch(source=store.source(done.source_id), format=reader.name,
                       path=str(path), report=report)


def was_skipped(batch: ImportBatch) -> bool:
    """Whether ``import_file`` found the file already imported and wrote nothing."""
    return bool(batch.report.stats.get("already_imported"))


# -- vintages -----------------------------------------------------------------------------


@dataclass(frozen=True)
class DiffRow:
    key: ObsKey  # indicator, country, partner, period, sex, breakdown
    old: ObsValue | None
    new: ObsValue | None


@dataclass
class SourceDiff:
    """Observations of ``new_id`` compared with those of ``old_id`` (same key but the source)."""

    old_id: str
    new_id: str
    added: list[DiffRow] = field(default_factory=list)
    removed: list[DiffRow] = field(default_factory=list)
    changed: list[DiffRow] = field(default_factory=list)
    unchanged: int = 0

    def summary(self) -> str:
        return (f"{self.new_id} against {self.old_id}: {len(self.added)} added, "
                f"{len(self.removed)} removed, {len(self.changed)} changed, "
                f"{self.unchanged} unchanged")


def _same(a: ObsValue, b: ObsValue) -> bool:
    if a[1] != b[1]:
        return False
    if a[0] is None or b[0] is None:
        return a[0] is b[0]
    return math.isclose(a[0], b[0], rel_tol=1e-12, abs_tol=1e-12)


def diff_sources(store: Store, old_id: str, new_id: str) -> SourceDiff:
    """What changed from one source (vintage) to another; ``NotFoundError`` for an unknown id."""
    store.source(old_id)
    store.source(new_id)
    old, new = observations_by_source(store, old_id), observations_by_source(store, new_id)
    diff = SourceDiff(old_id, new_id)
    for key in sorted(new.keys() - old.keys()):
        diff.added.append(DiffRow(key, None, new[key]))
    for key in sorted(old.keys() - new.keys()):
        diff.removed.append(DiffRow(key, old[key], None))
    for key in sorted(old.keys() & new.keys()):
        if _same(old[key], new[key]):
            diff.unchanged += 1
        else:
            diff.changed.append(DiffRow(key, old[key], new[key]))
    return diff


def previous_vintage(store: Store, source_id: str) -> str | None:
    """The source of the latest earlier edition imported with the same reader, if any."""
    records = imports(store)
    mine = [r for r in records if r.source_id == source_id]
    if not mine:
        return None
    formats = {r.format for r in mine}
    edition = mine[-1].edition or ""
    earlier = [r for r in records if r.format in formats and r.source_id != source_id
               and (r.edition or "") < edition]
    return max(earlier, key=lambda r: (r.edition or "", r.id or 0)).source_id \
        if earlier else None
