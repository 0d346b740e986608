"""Plain dicts of the model's objects for the JSON API (no pydantic on the hot path)."""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from dataclasses import asdict
from datetime import date
from typing import Any

from migprofile.model import Area, Indicator, LegalInstrument, Observation, Source
from migprofile.render.downloads import csv_bytes, xlsx_bytes
from migprofile.render.markup import json_safe

OBSERVATION_FIELDS = ("indicator", "country", "partner", "period", "value", "sex", "status",
                      "source_id", "breakdown")


def _date(value: date | None) -> str | None:
    return value.isoformat() if value else None


def area(a: Area) -> dict[str, Any]:
    return {"code": a.code, "kind": a.kind.value, "iso2": a.iso2, "m49": a.m49,
            "region": a.region, "subregion": a.subregion, "names": a.names.to_dict()}


def indicator(i: Indicator) -> dict[str, Any]:
    return {"code": i.code, "unit": i.unit, "basis": i.basis.value, "direction": i.direction,
            "names": i.names.to_dict(), "definition": i.definition.to_dict()}


def observation(o: Observation) -> dict[str, Any]:
    return {"indicator": o.indicator, "country": o.country, "partner": o.partner,
            "period": o.period, "value": o.value, "sex": o.sex.value, "status": o.status.value,
            "source_id": o.source_id, "breakdown": o.breakdown or None}


def instrument(i: LegalInstrument) -> dict[str, Any]:
    return {"id": i.id, "country": i.country, "kind": i.kind.value, "status": i.status.value,
            "title": i.title.to_dict(), "short_name": i.short_name.to_dict(),
            "number": i.number, "adopted": _date(i.adopted), "signed": _date(i.signed),
            "ratified": _date(i.ratified), "in_force": _date(i.in_force),
            "years": list(i.years), "parties": list(i.parties), "source_id": i.source_id,
            "notes": i.notes.to_dict(), "as_of": _date(i.as_of)}


def source(s: Source) -> dict[str, Any]:
    return {"id": s.id, "publisher": s.publisher, "title": s.title.to_dict(),
            "edition": s.edition, "url": s.url, "accessed": _date(s.accessed),
            "sha256": s.sha256, "licence": s.licence, "citation": s.citation.to_dict(),
            "note": s.note.to_dict()}


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
