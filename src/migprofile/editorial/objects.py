"""The objects experts edit, as payloads: plain JSON-able mappings in the very shape of the
items of a country data package (``legal.yaml``, ``footnotes.yaml``, ``instruments.yaml``,
``narratives.yaml``, ``sources.yaml``).

One shape serves the draft store, the revisions, the diffs, the hashes and ``export``, so a
reviewed change, a revision and an exported package can be compared line by line. This
module converts payloads to and from the model's data classes.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from datetime import date
from enum import StrEnum
from typing import Any

from migprofile.model import (
    Footnote,
    Framework,
    FrameworkCell,
    InstrumentKind,
    InstrumentStatus,
    LegalInstrument,
    LocalizedText,
    Narrative,
    Source,
)

Payload = dict[str, Any]
INSTRUMENT_DATES = ("adopted", "signed", "ratified", "in_force", "as_of")


class Kind(StrEnum):
    LEGAL = "legal"
    SOCIO_POLITICAL = "socio_political"
    FOOTNOTE = "footnote"
    INSTRUMENT = "instrument"
    NARRATIVE = "narrative"
    SOURCE = "source"

    @property
    def framework(self) -> Framework | None:
        return Framework(self.value) if self in CELL_KINDS else None


CELL_KINDS = frozenset({Kind.LEGAL, Kind.SOCIO_POLITICAL})
# the kinds a contributor may delete (nothing else refers to them by a foreign key)
DELETABLE = frozenset({Kind.LEGAL, Kind.SOCIO_POLITICAL, Kind.FOOTNOTE, Kind.NARRATIVE})


def payload_sha(payload: Mapping[str, Any] | None) -> str:
    """sha256 of a payload's canonical JSON ("" for no object): the audit log's hashes and the
    optimistic check both compare these."""
    if payload is None:
        return ""
    text = json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def object_key(kind: Kind, payload: Mapping[str, Any]) -> str:
    """The key naming an object within its country and kind."""
    if kind in CELL_KINDS:
        return f"{payload['row']}/{payload['direction']}/{payload['order']}"
    if kind is Kind.FOOTNOTE:
        return str(payload["number"])
    if kind is Kind.NARRATIVE:
        return f"{payload['section']}/{payload['key']}"
    return str(payload["id"])


def object_label(country: str, kind: Kind, key: str) -> str:
    """How the audit log names an object: ``MAR/legal/refugees/immigration/1``."""
    return f"{country}/{kind.value}/{key}"


def _texts(text: LocalizedText) -> dict[str, str]:
    return text.to_dict()


def _opt_text(payload: Payload, name: str, text: LocalizedText) -> None:
    if text:
        payload[name] = _texts(text)


# -- model -> payload -------------------------------------------------------------------------

def cell_payload(c: FrameworkCell) -> Payload:
    return {"row": c.row, "direction": c.direction, "order": c.order, "text": _texts(c.text),
            "footnotes": list(c.footnotes), "instruments": list(c.instruments),
            "source": c.source_id}


def footnote_payload(f: Footnote) -> Payload:
    return {"number": f.number, "text": _texts(f.text)}


def instrument_payload(i: LegalInstrument) -> Payload:
    payload: Payload = {"id": i.id, "kind": i.kind.value, "title": _texts(i.title)}
    _opt_text(payload, "short_name", i.short_name)
    if i.number is not None:
        payload["number"] = i.number
    payload["status"] = i.status.value
    for name in INSTRUMENT_DATES:
        value = getattr(i, name)
        if value is not None:
            payload[name] = value.isoformat()
    if i.years:
        payload["years"] = list(i.years)
    if i.parties:
        payload["parties"] = list(i.parties)
    payload["source"] = i.source_id
    _opt_text(payload, "notes", i.notes)
    return payload


def narrative_payload(n: Narrative) -> Payload:
    return {"section": n.section, "key": n.key, "order": n.order,
            "sources": list(n.source_ids), "text": _texts(n.text)}


def source_payload(s: Source) -> Payload:
    return {"id": s.id, "publisher": s.publisher, "title": _texts(s.title),
            "edition": s.edition, "url": s.url,
            "accessed": s.accessed.isoformat() if s.accessed else None,
            "licence": s.licence, "citation": _texts(s.citation), "note": _texts(s.note)}


# -- payload -> model -------------------------------------------------------------------------

def _lt(value: Any) -> LocalizedText:
    return LocalizedText.coerce(value)


def _date(value: Any) -> date | None:
    if value is None or value == "":
        return None
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def to_cell(country: str, kind: Kind, p: Mapping[str, Any]) -> FrameworkCell:
    framework = kind.framework
    assert framework is not None, kind
    return FrameworkCell(
        country=country, framework=framework, row=str(p["row"]),
        direction=str(p["direction"]), order=int(p["order"]), text=_lt(p.get("text")),
        footnotes=tuple(int(n) for n in p.get("footnotes") or ()),
        instruments=tuple(str(i) for i in p.get("instruments") or ()),
        source_id=p.get("source") or None)


def to_footnote(country: str, p: Mapping[str, Any]) -> Footnote:
    return Footnote(country, int(p["number"]), _lt(p.get("text")))


def to_instrument(country: str, p: Mapping[str, Any]) -> LegalInstrument:
    dates = {name: _date(p.get(name)) for name in INSTRUMENT_DATES}
    return LegalInstrument(
        id=str(p["id"]), country=country, kind=InstrumentKind(p["kind"]),
        title=_lt(p.get("title")), status=InstrumentStatus(p.get("status", "unknown")),
        source_id=str(p["source"]), number=p.get("number"),
        short_name=_lt(p.get("short_name")), years=tuple(int(y) for y in p.get("years") or ()),
        parties=tuple(str(x) for x in p.get("parties") or ()), notes=_lt(p.get("notes")),
        adopted=dates["adopted"], signed=dates["signed"], ratified=dates["ratified"],
        in_force=dates["in_force"], as_of=dates.get("as_of"),
        treaty=str(p["treaty"]) if p.get("treaty") else None)


def to_narrative(country: str, p: Mapping[str, Any]) -> Narrative:
    return Narrative(country=country, section=str(p["section"]), key=str(p["key"]),
                     order=int(p.get("order") or 1), text=_lt(p.get("text")),
                     source_ids=tuple(str(s) for s in p.get("sources") or ()))


def to_source(p: Mapping[str, Any]) -> Source:
    return Source(id=str(p["id"]), publisher=str(p.get("publisher") or ""),
                  title=_lt(p.get("title")), edition=p.get("edition"), url=p.get("url"),
                  accessed=_date(p.get("accessed")), licence=p.get("licence"),
                  citation=_lt(p.get("citation")), note=_lt(p.get("note")))


def texts_of(payload: Mapping[str, Any] | None) -> dict[str, dict[str, str]]:
    """field -> lang -> text of a payload's multilingual fields (what a diff compares)."""
    if payload is None:
        return {}
    return {name: dict(value) for name, value in payload.items() if isinstance(value, dict)}


def scalars_of(payload: Mapping[str, Any] | None) -> dict[str, str]:
    """The payload's other fields as text, for the diff's "fields" part."""
    if payload is None:
        return {}
    return {name: json.dumps(value, ensure_ascii=False) if isinstance(value, list)
            else ("" if value is None else str(value))
            for name, value in payload.items() if not isinstance(value, dict)}


def cell_title(key: str, lang: str) -> str:
    """A framework cell's key (``<row>/<direction>/<ord>``) as its row's and direction's
    titles in ``lang``: "Movement: entry and exit — Immigration (2)"."""
    from migprofile.i18n import gettext
    from migprofile.profiles.frameworks import DIRECTION_TITLES, ROW_TITLES

    row, direction, order = key.split("/")
    return (f"{gettext(lang, ROW_TITLES.get(row, row))} — "
            f"{gettext(lang, DIRECTION_TITLES.get(direction, direction))} ({order})")
