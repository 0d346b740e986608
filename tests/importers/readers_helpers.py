"""Helpers of the reader tests: read a fixture with a named reader, index what it read."""

from __future__ import annotations

from pathlib import Path

from migprofile.importers.base import ImportBatch, ReadOptions
from migprofile.importers.registry import load_readers
from migprofile.model import Observation

DATA = Path(__file__).resolve().parents[1] / "data" / "importers"


def read(fmt: str, path: Path, **options: object) -> ImportBatch:
    """``path`` (a fixture name, or a path) read by the reader ``fmt``."""
    file = path if path.is_absolute() else DATA / path
    return load_readers()[fmt].read(file, ReadOptions(**options))  # type: ignore[arg-type]


def values(batch: ImportBatch, indicator: str) -> dict[tuple[str, str, str], Observation]:
    """(country, partner, period) -> observation of one indicator."""
    return {(o.country, o.partner, o.period): o for o in batch.observations
            if o.indicator == indicator}
