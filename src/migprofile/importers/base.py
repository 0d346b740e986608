"""The contract of source-file readers, and their registry.

A reader says whether it handles a file (``claims``), then reads it into an ``ImportBatch``:
the Source record (with the file's sha256, edition and access date), observations, legal
instruments and the areas it had to create, plus a ``Report``. Readers never write: the
caller (``importers.run.import_file``) writes a batch in one transaction, or nothing.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from migprofile.model import Area, Indicator, LegalInstrument, Observation, Source
from migprofile.validate import Report


@dataclass(frozen=True)
class ReadOptions:
    allow_unmapped: bool = False  # record unknown names as unmapped areas instead of failing
    edition: str | None = None  # override the edition the reader infers
    accessed: str | None = None  # ISO date the file was downloaded, when known
    countries: frozenset[str] | None = None  # keep only rows about these ISO3 codes (extracts)
    # sha256 of the original file when reading an extract of it: recorded in the Source (the
    # extract's own sha256 goes to the import record); set by ``importers.extracts``
    source_sha256: str | None = None
    # import even when it would shrink or wipe what the source's earlier import wrote
    # (``importers.guards``; ``migprofile import --replace``)
    replace: bool = False


@dataclass
class ImportBatch:
    source: Source
    format: str
    path: str
    observations: list[Observation] = field(default_factory=list)
    instruments: list[LegalInstrument] = field(default_factory=list)
    areas: list[Area] = field(default_factory=list)  # unmapped areas to create (--allow-unmapped)
    indicators: list[Indicator] = field(default_factory=list)
    report: Report = field(default_factory=Report)

    @property
    def origin(self) -> str:
        return f"import:{self.source.id}"


class Reader(Protocol):
    """``claims`` should follow from declared column signatures (``importers.signature``;
    a reader may list them as ``signatures``): see docs/import-safety.md."""

    name: str  # the FORMAT of ``migprofile import FORMAT FILE``
    description: str

    def claims(self, path: Path) -> bool: ...

    def read(self, path: Path, options: ReadOptions) -> ImportBatch: ...


READERS: dict[str, Reader] = {}


def register(reader: Reader) -> Reader:
    READERS[reader.name] = reader
    return reader


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


ProgressFn = Callable[[int], None]
