"""Helpers the readers of statistical tables share, beyond ``csvrows``: a file's columns
(plain or ``.gz``) for ``claims``, and the Source record of a file."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

from migprofile.importers.base import ReadOptions, sha256_of
from migprofile.importers.csvrows import base_name, head_lines
from migprofile.model import LocalizedText, Source

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


def file_source(
    path: Path,
    options: ReadOptions,
    *,
    id: str,
    publisher: str,
    title: LocalizedText,
    edition: str | None,
    url: str | None = None,
    licence: str | None = None,
    citation: LocalizedText = NO_NOTE,
    note: LocalizedText = NO_NOTE,
) -> Source:
    """The Source record of a file: its sha256, the edition (``--edition`` wins), access date."""
    return Source(
        id=id, publisher=publisher, title=title, edition=options.edition or edition, url=url,
        accessed=accessed_date(options), sha256=sha256_of(path), licence=licence,
        citation=citation, note=note,
    )


def slug(text: str) -> str:
    """A lower-case id fragment: ``"2025.12.1"`` -> ``"2025-12-1"``."""
    return "-".join("".join(c if c.isalnum() else " " for c in text.lower()).split())
