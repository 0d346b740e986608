"""The fields of each editable kind, and a submitted form → a checked payload.

The same checks as the package reader (rows, directions, known footnotes, instruments,
sources and areas, templates that parse) so that whatever is published can be exported
and loaded again.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import jinja2

from migprofile.editorial.errors import InvalidEdit
from migprofile.editorial.objects import CELL_KINDS, Kind, Payload
from migprofile.model import (
    DIRECTIONS,
    LANGUAGES,
    LEGAL_ROWS,
    SOCIO_POLITICAL_ROWS,
    Framework,
    InstrumentKind,
    InstrumentStatus,
)

SLUG = re.compile(r"^[a-z0-9][a-z0-9_.:-]{0,79}$")
MAX_TEXT = 20_000  # characters of one language of one field


@dataclass(frozen=True)
class Field:
    name: str
    widget: str  # localized | markdown | template | text | int | ints | list | date | choice
    choices: tuple[str, ...] = ()
    key: bool = False  # part of the object's key: fixed once the object exists
    required: bool = False

    @property
    def multilingual(self) -> bool:
        return self.widget in ("localized", "markdown", "template")


def _cell_fields(framework: Framework) -> tuple[Field, ...]:
    rows = LEGAL_ROWS if framework is Framework.LEGAL else SOCIO_POLITICAL_ROWS
    return (
        Field("row", "choice", rows, key=True, required=True),
        Field("direction", "choice", DIRECTIONS[framework], key=True, required=True),
        Field("order", "int", key=True, required=True),
        Field("text", "markdown", required=True),
        Field("footnotes", "ints"),
        Field("instruments", "list"),
        Field("source", "choice"),
    )


FIELDS: dict[Kind, tuple[Field, ...]] = {
    Kind.LEGAL: _cell_fields(Framework.LEGAL),
    Kind.SOCIO_POLITICAL: _cell_fields(Framework.SOCIO_POLITICAL),
    Kind.FOOTNOTE: (Field("number", "int", key=True, required=True),
                    Field("text", "markdown", required=True)),
    Kind.INSTRUMENT: (
        Field("id", "text", key=True, required=True),
        Field("kind", "choice", tuple(k.value for k in InstrumentKind), required=True),
        Field("title", "localized", required=True),
        Field("short_name", "localized"),
        Field("number", "text"),
        Field("status", "choice", tuple(s.value for s in InstrumentStatus), required=True),
        *(Field(name, "date") for name in ("adopted", "signed", "ratified", "in_force", "as_of")),
        Field("years", "ints"),
        Field("parties", "list"),
        Field("source", "choice", required=True),
        Field("notes", "localized"),
    ),
    Kind.NARRATIVE: (
        Field("section", "text", key=True, required=True),
        Field("key", "text", key=True, required=True),
        Field("order", "int", required=True),
        Field("sources", "list"),
        Field("text", "template", required=True),
    ),
    Kind.SOURCE: (
        Field("id", "text", key=True, required=True),
        Field("publisher", "text", required=True),
        Field("title", "localized", required=True),
        Field("edition", "text"),
        Field("url", "text"),
        Field("accessed", "date"),
        Field("licence", "text"),
        Field("citation", "localized", required=True),
        Field("note", "markdown"),
    ),
}


@dataclass
class Context:
    """What a payload may refer to in its country."""

    source_ids: set[str] = field(default_factory=set)
    instrument_ids: set[str] = field(default_factory=set)
    footnote_numbers: set[int] = field(default_factory=set)
    resolve_area: Callable[[str], str | None] = lambda name: None


def parse_form(kind: Kind, form: Mapping[str, str], ctx: Context,
               fixed_key: Payload | None = None) -> Payload:
    """The payload a form describes; ``fixed_key`` (the existing object's payload) overrides
    the key fields. Raises ``InvalidEdit`` naming every faulty field."""
    errors: dict[str, str] = {}
    payload: Payload = {}
    for f in FIELDS[kind]:
        if f.key and fixed_key is not None:
            payload[f.name] = fixed_key[f.name]
            continue
        try:
            value = _value(f, form)
        except ValueError as exc:
            errors[f.name] = str(exc)
            continue
        if f.required and value in (None, "", [], {}):
            errors[f.name] = "required"
            continue
        if value in (None, [], {}) and not f.required and _omitted_when_empty(kind, f.name):
            continue
        payload[f.name] = value
    if not errors:
        errors.update(_check_refs(kind, payload, ctx))
    if errors:
        raise InvalidEdit(errors)
    return payload


def _omitted_when_empty(kind: Kind, name: str) -> bool:
    """Optional instrument fields are left out when empty, as the bundled packages write
    them; every other kind keeps all its keys."""
    return kind is Kind.INSTRUMENT


def _value(f: Field, form: Mapping[str, str]) -> Any:
    if f.multilingual:
        return _texts(f, form)
    raw = form.get(f.name, "").strip()
    if f.widget == "int":
        if not raw:
            return None
        if not re.fullmatch(r"\d{1,6}", raw):
            raise ValueError(f"{raw!r} is not a whole number")
        return int(raw)
    if f.widget in ("ints", "list"):
        return _items(f, raw)
    if f.widget == "date":
        return _date(raw)
    if f.widget == "choice" and raw and f.choices and raw not in f.choices:
        raise ValueError(f"{raw!r} is not one of {list(f.choices)}")
    if len(raw) > 2000:
        raise ValueError("too long")
    if f.key and f.widget == "text" and raw and not SLUG.match(raw):
        raise ValueError("use lower-case letters, digits and - _ . : only")
    return raw or None


def _texts(f: Field, form: Mapping[str, str]) -> dict[str, str]:
    texts = {}
    for lang in LANGUAGES:
        text = form.get(f"{f.name}.{lang}", "").replace("\r\n", "\n")
        if len(text) > MAX_TEXT:
            raise ValueError(f"{lang}: longer than {MAX_TEXT} characters")
        if text.strip():
            texts[lang] = text if f.widget != "localized" else " ".join(text.split())
    if f.widget == "template":
        _check_templates(texts)
    return texts


def _items(f: Field, raw: str) -> list[Any]:
    items = [x.strip() for x in re.split(r"[,\s]+", raw) if x.strip()]
    if f.widget == "list":
        return items
    if any(not x.isdigit() or len(x) > 6 for x in items):
        raise ValueError("expected whole numbers separated by commas")
    return [int(x) for x in items]


def _date(raw: str) -> str | None:
    if not raw:
        return None
    try:
        return date.fromisoformat(raw).isoformat()
    except ValueError:
        raise ValueError(f"{raw!r} is not a date YYYY-MM-DD") from None


def _check_templates(texts: Mapping[str, str]) -> None:
    env = jinja2.Environment(autoescape=False)
    for lang, template in texts.items():
        try:
            env.parse(template)
        except jinja2.TemplateSyntaxError as exc:
            raise ValueError(f"{lang}, line {exc.lineno}: {exc.message}") from None


def _check_refs(kind: Kind, p: Payload, ctx: Context) -> dict[str, str]:
    errors: dict[str, str] = {}
    if kind in CELL_KINDS:
        unknown_i = [i for i in p.get("instruments") or () if i not in ctx.instrument_ids]
        if unknown_i:
            errors["instruments"] = f"unknown instrument(s) {unknown_i}"
        unknown_f = [n for n in p.get("footnotes") or () if n not in ctx.footnote_numbers]
        if unknown_f:
            errors["footnotes"] = f"unknown footnote(s) {unknown_f}"
    sources = [p["source"]] if p.get("source") else list(p.get("sources") or ())
    unknown_s = [s for s in sources if s not in ctx.source_ids]
    if unknown_s and kind is not Kind.SOURCE:
        errors["source" if "source" in p else "sources"] = f"unknown source(s) {unknown_s}"
    if kind is Kind.INSTRUMENT:
        resolved = []
        for party in p.get("parties") or ():
            code = ctx.resolve_area(party)
            if code is None:
                errors["parties"] = f"{party!r} is not a known country or area"
            resolved.append(code or party)
        if "parties" in p:
            p["parties"] = resolved
    if kind is Kind.NARRATIVE and not SLUG.match(str(p.get("section", ""))):
        errors["section"] = "use lower-case letters, digits and - _ only"
    return errors
