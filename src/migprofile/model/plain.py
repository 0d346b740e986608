"""The model's objects as plain dicts: the one set of serializers. The store's rows
(``store/convert.py``: plus ``origin`` and its keys) and the API's JSON (``web/serialize.py``:
the published fields, dates as ISO text) are both made from these; enums are their values,
texts per language dicts, tuples lists, dates ``date`` objects."""

from __future__ import annotations

from typing import Any

from migprofile.model.core import Area, Indicator, Observation, Source
from migprofile.model.frameworks import LegalInstrument


def area(a: Area) -> dict[str, Any]:
    return {"code": a.code, "kind": a.kind.value, "iso2": a.iso2, "m49": a.m49,
            "region": a.region, "subregion": a.subregion, "names": a.names.to_dict()}


def indicator(i: Indicator) -> dict[str, Any]:
    return {"code": i.code, "unit": i.unit, "basis": i.basis.value, "direction": i.direction,
            "names": i.names.to_dict(), "definition": i.definition.to_dict(),
            "digits": i.digits}


def observation(o: Observation) -> dict[str, Any]:
    return {"indicator": o.indicator, "country": o.country, "partner": o.partner,
            "period": o.period, "value": o.value, "sex": o.sex.value, "status": o.status.value,
            "source_id": o.source_id, "breakdown": dict(o.breakdown), "note": o.note.to_dict()}


def instrument(i: LegalInstrument) -> dict[str, Any]:
    return {"id": i.id, "country": i.country, "kind": i.kind.value, "status": i.status.value,
            "title": i.title.to_dict(), "short_name": i.short_name.to_dict(),
            "number": i.number, "adopted": i.adopted, "signed": i.signed,
            "ratified": i.ratified, "in_force": i.in_force, "years": list(i.years),
            "parties": list(i.parties), "source_id": i.source_id, "notes": i.notes.to_dict(),
            "as_of": i.as_of, "treaty": i.treaty, "topics": list(i.topics), "url": i.url}


def source(s: Source) -> dict[str, Any]:
    return {"id": s.id, "publisher": s.publisher, "title": s.title.to_dict(),
            "edition": s.edition, "url": s.url, "accessed": s.accessed, "sha256": s.sha256,
            "licence": s.licence, "citation": s.citation.to_dict(), "note": s.note.to_dict(),
            "growth_convention": s.growth_convention}
