"""Rows to model objects and back. The only place that knows both shapes; a row is the
object's plain dict (``model.plain``, shared with the API) plus what storage adds."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from migprofile.model import (
    Area,
    AreaKind,
    Basis,
    Footnote,
    Framework,
    FrameworkCell,
    Indicator,
    InstrumentKind,
    InstrumentStatus,
    LegalInstrument,
    LocalizedText,
    Narrative,
    Observation,
    Sex,
    Source,
    Status,
    Treaty,
    breakdown_key,
    parse_breakdown,
    period_year,
    plain,
)


def _lt(value: Any) -> LocalizedText:
    return LocalizedText.coerce(value)


def _dict(text: LocalizedText) -> dict[str, str]:
    return text.to_dict()


def source_row(s: Source, origin: str) -> dict[str, Any]:
    return {**plain.source(s), "origin": origin}


def source_from(r: Any) -> Source:
    return Source(
        id=r["id"], publisher=r["publisher"], title=_lt(r["title"]), edition=r["edition"],
        url=r["url"], accessed=r["accessed"], sha256=r["sha256"], licence=r["licence"],
        citation=_lt(r["citation"]), note=_lt(r["note"]),
        growth_convention=r["growth_convention"],
    )


def area_row(a: Area, origin: str) -> dict[str, Any]:
    return {**plain.area(a), "origin": origin}


def area_from(r: Any) -> Area:
    return Area(
        code=r["code"], kind=AreaKind(r["kind"]), names=_lt(r["names"]), iso2=r["iso2"],
        m49=r["m49"], region=r["region"], subregion=r["subregion"],
    )


def indicator_row(i: Indicator) -> dict[str, Any]:
    return plain.indicator(i)


def indicator_from(r: Any) -> Indicator:
    return Indicator(
        code=r["code"], names=_lt(r["names"]), unit=r["unit"], basis=Basis(r["basis"]),
        definition=_lt(r["definition"]), direction=r["direction"], digits=r["digits"],
    )


def observation_row(o: Observation, origin: str) -> dict[str, Any]:
    # the breakdown as its canonical key (part of the unique key), the year for range queries
    return {**plain.observation(o), "breakdown": breakdown_key(o.breakdown),
            "year": period_year(o.period), "origin": origin}


_NO_NOTE = LocalizedText()
_SEXES: dict[str, Sex] = {s.value: s for s in Sex}
_STATUSES: dict[str, Status] = {s.value: s for s in Status}


def observations_from(rows: Iterable[Any]) -> list[Observation]:
    """Observations from rows of the table. A row's ``note`` may come decoded (a JSON
    column) or as JSON text (``schema.observation_columns``), when each distinct note is
    decoded once, not once per row: a profile reads 10,000 rows and a handful of distinct
    notes. Most notes are empty (one shared empty text) and enums are looked up in a dict
    (``Sex(...)`` is a slow call)."""
    notes: dict[str, LocalizedText] = {"{}": _NO_NOTE}
    found = []
    for r in rows:
        note = r["note"]
        if isinstance(note, str):
            text = notes.get(note)
            if text is None:
                decoded = json.loads(note) if note else None
                text = notes[note] = _lt(decoded) if decoded else _NO_NOTE
            note = text
        elif note:
            note = _lt(note)
        else:
            note = _NO_NOTE
        breakdown = r["breakdown"]
        found.append(Observation(
            r["indicator"], r["country"], r["partner"], r["period"], r["value"], r["source_id"],
            _SEXES.get(r["sex"]) or Sex(r["sex"]),
            parse_breakdown(breakdown) if breakdown else {},
            _STATUSES.get(r["status"]) or Status(r["status"]), note))
    return found


def instrument_row(i: LegalInstrument, origin: str) -> dict[str, Any]:
    return {**plain.instrument(i), "origin": origin}


def instrument_from(r: Any) -> LegalInstrument:
    return LegalInstrument(
        id=r["id"], country=r["country"], kind=InstrumentKind(r["kind"]), title=_lt(r["title"]),
        status=InstrumentStatus(r["status"]), source_id=r["source_id"], number=r["number"],
        short_name=_lt(r["short_name"]), adopted=r["adopted"], signed=r["signed"],
        ratified=r["ratified"], in_force=r["in_force"], years=tuple(r["years"]),
        parties=tuple(r["parties"]), notes=_lt(r["notes"]), as_of=r["as_of"],
        treaty=r["treaty"], topics=tuple(r["topics"] or ()), url=r["url"],
    )


def treaty_row(tr: Treaty) -> dict[str, Any]:
    return {
        "key": tr.key, "kind": tr.kind, "framework": tr.framework, "row": tr.row,
        "untc": tr.untc, "symbol": tr.symbol, "adopted": tr.adopted,
        "title": _dict(tr.title), "short_name": _dict(tr.short_name),
        "grammar": dict(tr.grammar), "ord": tr.order,
    }


def treaty_from(r: Any) -> Treaty:
    return Treaty(
        key=r["key"], kind=r["kind"], framework=r["framework"], row=r["row"], untc=r["untc"],
        symbol=r["symbol"], adopted=r["adopted"], title=_lt(r["title"]),
        short_name=_lt(r["short_name"]), grammar=dict(r["grammar"] or {}), order=r["ord"],
    )


def cell_row(c: FrameworkCell, origin: str) -> dict[str, Any]:
    return {
        "country": c.country, "framework": c.framework.value, "row": c.row,
        "direction": c.direction, "ord": c.order, "text": _dict(c.text),
        "footnotes": list(c.footnotes), "instruments": list(c.instruments),
        "source_id": c.source_id, "origin": origin,
    }


def cell_from(r: Any) -> FrameworkCell:
    return FrameworkCell(
        country=r["country"], framework=Framework(r["framework"]), row=r["row"],
        direction=r["direction"], order=r["ord"], text=_lt(r["text"]),
        footnotes=tuple(r["footnotes"]), instruments=tuple(r["instruments"]),
        source_id=r["source_id"],
    )


def footnote_row(f: Footnote, origin: str) -> dict[str, Any]:
    return {"country": f.country, "number": f.number, "text": _dict(f.text), "origin": origin}


def footnote_from(r: Any) -> Footnote:
    return Footnote(country=r["country"], number=r["number"], text=_lt(r["text"]))


def narrative_row(n: Narrative, origin: str) -> dict[str, Any]:
    return {
        "country": n.country, "section": n.section, "key": n.key, "ord": n.order,
        "text": _dict(n.text), "source_ids": list(n.source_ids), "origin": origin,
    }


def narrative_from(r: Any) -> Narrative:
    return Narrative(
        country=r["country"], section=r["section"], key=r["key"], order=r["ord"],
        text=_lt(r["text"]), source_ids=tuple(r["source_ids"]),
    )
