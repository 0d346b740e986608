"""Helpers the readers of statistical tables share, beyond ``csvrows`` and ``provenance``:
a file's columns (plain or ``.gz``) for ``claims``, a file's Source record, the indicator
definitions a batch carries."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from datetime import date
from pathlib import Path

from migprofile.importers.base import ReadOptions, sha256_of
from migprofile.importers.csvrows import base_name, head_lines
from migprofile.importers.provenance import indicators, source_record
from migprofile.model import Indicator, LocalizedText, Observation, Source

NO_NOTE = LocalizedText()


def csv_columns(path: Path) -> set[str]:
    """The header cells of a CSV file (``.csv`` or ``.csv.gz``); empty if it is not one."""
    if not base_name(path).lower().endswith(".csv"):
        return set()
    lines = head_lines(path, 1)
    if not lines:
        return set()
    try:
        return {cell.strip() for cell in next(csv.reader(lines), [])}
    except csv.Error:
        return set()


def has_columns(path: Path, *required: str) -> bool:
    """Whether ``path`` is a CSV file whose header holds every ``required`` column."""
    columns = csv_columns(path)
    return bool(columns) and all(c in columns for c in required)


def accessed_date(options: ReadOptions) -> date | None:
    return date.fromisoformat(options.accessed) if options.accessed else None


def file_record(dataset: str, part: str, path: Path, options: ReadOptions, *, edition: str,
                **fields: str) -> Source:
    """The Source of a file from ``importers/sources/<dataset>.yaml`` (``part``): its sha256,
    the edition (``--edition`` wins), the access date, ``{edition_slug}`` and ``fields``."""
    edition = options.edition or edition
    return source_record(dataset, part, edition=edition, sha256=sha256_of(path),
                         accessed=accessed_date(options), edition_slug=slug(edition),
                         **fields)


def batch_indicators(observations: Iterable[Observation]) -> list[Indicator]:
    """The reference definitions of the indicators of ``observations``."""
    return indicators({o.indicator for o in observations})


def slug(text: str) -> str:
    """A lower-case id fragment: ``"2025.12.1"`` -> ``"2025-12-1"``."""
    return "-".join("".join(c if c.isalnum() else " " for c in text.lower()).split())
