"""The JSON API's dicts of the model's objects (no pydantic on the hot path): the published
fields of ``model.plain``'s dicts (the one set of serializers, which the store's rows use
too), dates as ISO text."""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from dataclasses import asdict
from datetime import date
from typing import Any

from migprofile.model import Area, Indicator, LegalInstrument, Observation, Source, plain
from migprofile.render.downloads import csv_bytes, xlsx_bytes
from migprofile.render.markup import json_safe

OBSERVATION_FIELDS = ("indicator", "country", "partner", "period", "value", "sex", "status",
                      "source_id", "breakdown")


# the fields the API publishes (docs/web.md and web/models.py): a subset of model.plain's
AREA_FIELDS = ("code", "kind", "iso2", "m49", "region", "subregion", "names")
INDICATOR_FIELDS = ("code", "unit", "basis", "direction", "names", "definition")
INSTRUMENT_FIELDS = ("id", "country", "kind", "status", "title", "short_name", "number",
                     "adopted", "signed", "ratified", "in_force", "years", "parties",
                     "source_id", "notes", "as_of")
SOURCE_FIELDS = ("id", "publisher", "title", "edition", "url", "accessed", "sha256",
                 "licence", "citation", "note")


def _published(data: dict[str, Any], fields: tuple[str, ...]) -> dict[str, Any]:
    return {f: data[f].isoformat() if isinstance(data[f], date) else data[f] for f in fields}


def area(a: Area) -> dict[str, Any]:
    return _published(plain.area(a), AREA_FIELDS)


def indicator(i: Indicator) -> dict[str, Any]:
    return _published(plain.indicator(i), INDICATOR_FIELDS)


def observation(o: Observation) -> dict[str, Any]:
    data = _published(plain.observation(o), OBSERVATION_FIELDS)
    return data | {"breakdown": data["breakdown"] or None}


def instrument(i: LegalInstrument) -> dict[str, Any]:
    return _published(plain.instrument(i), INSTRUMENT_FIELDS)


def source(s: Source) -> dict[str, Any]:
    return _published(plain.source(s), SOURCE_FIELDS)


def dumps(value: Any) -> bytes:
    """Compact UTF-8 JSON; never ``Infinity`` or ``NaN`` (not JSON): they become null."""
    try:
        text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    except ValueError:
        text = json.dumps(_finite(value), ensure_ascii=False, separators=(",", ":"),
                          allow_nan=False)
    return json_safe(text).encode("utf-8")


def _finite(value: Any) -> Any:
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {k: _finite(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_finite(v) for v in value]
    return value


def to_plain(value: Any) -> Any:
    """A dataclass tree as JSON-ready data."""
    return asdict(value)


def observation_rows(items: Iterable[Observation]) -> list[list[Any]]:
    rows: list[list[Any]] = [list(OBSERVATION_FIELDS)]
    for o in items:
        d = observation(o)
        d["breakdown"] = json.dumps(d["breakdown"], ensure_ascii=False) if d["breakdown"] else ""
        rows.append([d[f] for f in OBSERVATION_FIELDS])
    return rows


__all__ = ["csv_bytes", "xlsx_bytes"]
