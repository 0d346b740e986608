"""Source-file imports behind the façade: ``import_file``, ``diff`` of two vintages,
``formats`` (the readers) and ``sources_overview`` (each source with the reader that
imported it). The shells parse options and print; the importers and ``store/imports.py``
do the work."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from migprofile.importers.base import ReadOptions
from migprofile.importers.registry import load_readers
from migprofile.importers.run import diff_sources, previous_vintage, was_skipped
from migprofile.importers.run import import_file as _import_file
from migprofile.model import Source
from migprofile.store import Store
from migprofile.store.imports import ObsKey, ObsValue, imported_sources
from migprofile.validate import Report


@dataclass(frozen=True)
class ImportResult:
    """What one import wrote (nothing when ``skipped``: the same file was imported before)."""

    source_id: str
    format: str
    filename: str
    skipped: bool
    observations: int
    instruments: int
    unmapped_areas: int
    report: Report


def import_file(store: Store, *, path: Path, fmt: str = "auto", allow_unmapped: bool = False,
                edition: str | None = None, accessed: date | None = None,
                replace: bool = False) -> ImportResult:
    """Read a source file and write it in one transaction (``ImportFailed``, nothing written,
    on any error; ``FormatNotRecognised`` when no reader claims it)."""
    options = ReadOptions(allow_unmapped=allow_unmapped, edition=edition,
                          accessed=accessed.isoformat() if accessed else None, replace=replace)
    batch = _import_file(store, path, fmt, options)
    return ImportResult(batch.source.id, batch.format, Path(batch.path).name,
                        was_skipped(batch), len(batch.observations), len(batch.instruments),
                        len(batch.areas), batch.report)


@dataclass(frozen=True)
class Format:
    name: str
    description: str


def formats() -> tuple[Format, ...]:
    """The readers of ``import_file`` by name."""
    return tuple(Format(name, reader.description)
                 for name, reader in sorted(load_readers().items()))


@dataclass(frozen=True)
class DiffRow:
    change: str  # "added" | "removed" | "changed"
    key: ObsKey  # indicator, country, partner, period, sex, breakdown
    old: ObsValue | None  # (value, status)
    new: ObsValue | None


@dataclass(frozen=True)
class Diff:
    """Observations of ``new_id`` against those of ``old_id`` (same key less the source)."""

    old_id: str
    new_id: str
    added: tuple[DiffRow, ...]
    removed: tuple[DiffRow, ...]
    changed: tuple[DiffRow, ...]
    unchanged: int

    def summary(self) -> str:
        return (f"{self.new_id} against {self.old_id}: {len(self.added)} added, "
                f"{len(self.removed)} removed, {len(self.changed)} changed, "
                f"{self.unchanged} unchanged")


def diff(store: Store, *, source: str, against: str | None = None) -> Diff | None:
    """What changed from ``against`` (default: the previous vintage of ``source``) to
    ``source``; None when there is no earlier vintage to compare with; ``NotFoundError``
    for an unknown source id."""
    other = against or previous_vintage(store, source)
    if other is None:
        return None
    found = diff_sources(store, other, source)
    return Diff(other, source,
                tuple(DiffRow("added", r.key, r.old, r.new) for r in found.added),
                tuple(DiffRow("removed", r.key, r.old, r.new) for r in found.removed),
                tuple(DiffRow("changed", r.key, r.old, r.new) for r in found.changed),
                found.unchanged)


@dataclass(frozen=True)
class SourcesOverview:
    sources: tuple[Source, ...]
    imported_as: Mapping[str, str]  # source id -> the reader (format) that imported it


def sources_overview(store: Store) -> SourcesOverview:
    """Every source, with the format it was imported with (package sources have none)."""
    return SourcesOverview(tuple(store.sources()),
                           {sid: fmt for sid, fmt, _, _ in imported_sources(store)})
