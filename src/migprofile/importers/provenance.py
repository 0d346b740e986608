"""Source records and indicator definitions for the readers, from data files.

A source's publisher, titles, URL, licence and citations are written once per dataset in
``importers/sources/<dataset>.yaml`` (a ``defaults`` mapping and per-edition overrides); the
text may use ``{edition}`` and ``{year}`` (the edition's first four digits). Indicators come
from ``<data_dir>/reference/indicators.yaml``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from migprofile.errors import DataError
from migprofile.importers.reference import reference_indicators
from migprofile.model import Indicator, LocalizedText, Source
from migprofile.settings import get_settings

SOURCES_DIR = Path(__file__).with_name("sources")
MAPPINGS_DIR = Path(__file__).with_name("mappings")


@cache
def _dataset(name: str) -> dict[str, Any]:
    return _yaml(SOURCES_DIR / f"{name}.yaml")


@cache
def reader_mapping(name: str) -> dict[str, Any]:
    """A reader's mapping table, ``importers/mappings/<name>.yaml``."""
    return _yaml(MAPPINGS_DIR / f"{name}.yaml")


@cache
def mapping_text(name: str, *keys: str) -> LocalizedText:
    """A text of a reader's mapping table in every language it has (``keys``: its path), e.g.
    ``mapping_text("unhcr", "notes", "masked")``; English is the original."""
    node: Any = reader_mapping(name)
    for key in keys:
        node = node[key]
    return LocalizedText({str(k): str(v) for k, v in node.items()}, original="en")


def _yaml(path: Path) -> dict[str, Any]:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise DataError(f"{path}: cannot read a reader's data file: {exc}") from exc
    if not isinstance(data, dict):
        raise DataError(f"{path}: expected a mapping at the top level")
    return data


def _fill(value: Any, fields: Mapping[str, str]) -> Any:
    if isinstance(value, str):
        return value.format(**fields)
    if isinstance(value, dict):
        return {k: _fill(v, fields) for k, v in value.items()}
    return value


def source_record(dataset: str, part: str, *, edition: str, sha256: str,
                  accessed: date | None = None, **fields: str) -> Source:
    """The ``Source`` of ``part`` of a dataset file, for one edition (see the module doc)."""
    spec = _dataset(dataset)[part]
    values = {**spec.get("defaults", {}), **(spec.get("editions", {}).get(edition) or {})}
    filled = _fill(values, {"edition": edition, "year": edition[:4], **fields})
    when = filled.get("accessed")
    return Source(
        id=str(filled["id"]), publisher=str(filled["publisher"]),
        title=LocalizedText.coerce(filled.get("title")), edition=edition,
        url=filled.get("url"), accessed=accessed or (date.fromisoformat(str(when))
                                                     if when else None),
        sha256=sha256, licence=filled.get("licence"),
        citation=LocalizedText.coerce(filled.get("citation")),
        note=LocalizedText.coerce(filled.get("note")),
        growth_convention=filled.get("growth_convention"),
    )


def known_value(dataset: str, part: str, key: str) -> Any:
    """Another entry of a dataset's description (e.g. editions known by file name)."""
    return _dataset(dataset)[part].get(key)


def indicators(codes: Iterable[str]) -> list[Indicator]:
    """The reference definitions of ``codes`` (``DataError`` naming any that is missing)."""
    known = {i.code: i for i in reference_indicators(get_settings().data_dir)}
    wanted = sorted(set(codes))
    missing = [c for c in wanted if c not in known]
    if missing:
        raise DataError(f"indicator(s) {', '.join(missing)} missing from indicators.yaml")
    return [known[c] for c in wanted]
