"""The extracts bundled in ``<data_dir>/extracts``: compact, filtered copies of real source
files (``scripts/derive_extracts.py`` writes them and ``manifest.yaml``), imported by
``migprofile init`` with the same readers as the originals.

Each source records the sha256 of the ORIGINAL file (from the manifest); the import log
records the extract's own. Importing is idempotent: an extract already imported is skipped.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import yaml

from migprofile.errors import DataError, ImportFailed
from migprofile.importers.base import ImportBatch, ReadOptions
from migprofile.importers.run import import_file
from migprofile.settings import Settings, get_settings
from migprofile.store import Store


@dataclass(frozen=True)
class ExtractEntry:
    file: str
    format: str
    source_id: str
    edition: str
    original: str
    original_sha256: str
    rows: int = 0


def extracts_dir(settings: Settings | None = None) -> Path:
    return (settings or get_settings()).data_dir / "extracts"


def read_manifest(folder: Path) -> list[ExtractEntry]:
    """The entries of ``folder/manifest.yaml``; ``[]`` when there is none."""
    path = folder / "manifest.yaml"
    if not path.is_file():
        return []
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        return [_entry(e) for e in data.get("extracts") or ()]
    except (OSError, yaml.YAMLError, KeyError, TypeError, ValueError, AttributeError) as exc:
        raise DataError(f"{path}: invalid extract manifest: {exc}") from exc


def _entry(item: dict[str, object]) -> ExtractEntry:
    text = {k: str(item[k]) for k in ("file", "format", "source_id", "edition", "original",
                                      "original_sha256")}
    return ExtractEntry(**text, rows=int(str(item.get("rows", 0))))


def load_bundled_extracts(
    store: Store, *, settings: Settings | None = None,
    progress: Callable[[str], None] | None = None,
) -> list[ImportBatch]:
    """Import every extract of the manifest (those already imported are skipped)."""
    folder = extracts_dir(settings)
    batches = []
    for entry in read_manifest(folder):
        if progress:
            progress(f"extract {entry.file}")
        options = ReadOptions(edition=entry.edition, source_sha256=entry.original_sha256)
        try:
            batch = import_file(store, folder / entry.file, entry.format, options)
        except ImportFailed as exc:
            if exc.report is None or {f.type for f in exc.report.errors} != {"would-shrink"}:
                raise
            batches.append(_kept(store, entry))  # a fuller import of the source is stored
            continue
        if batch.source.id != entry.source_id:
            batch.report.warning("manifest-mismatch", f"imported as source {batch.source.id}, "
                                 f"the manifest says {entry.source_id}", file=entry.file)
        batches.append(batch)
    return batches


def _kept(store: Store, entry: ExtractEntry) -> ImportBatch:
    batch = ImportBatch(source=store.source(entry.source_id), format=entry.format,
                        path=entry.file)
    batch.report.info("extract-not-imported", f"source {entry.source_id} holds more than "
                      "this extract (the full file was imported): kept as it is",
                      file=entry.file)
    return batch
