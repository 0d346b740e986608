"""What the editor's pages show, computed from the workflow's objects (no HTTP here)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from migprofile.editorial.forms import FIELDS
from migprofile.editorial.objects import CELL_KINDS, Kind, Payload, cell_title
from migprofile.editorial.workflow import Draft
from migprofile.model import LANGUAGES

KIND_TITLES = {Kind.LEGAL: "kind.legal", Kind.SOCIO_POLITICAL: "kind.socio_political",
               Kind.FOOTNOTE: "kind.footnote", Kind.INSTRUMENT: "kind.instrument_list",
               Kind.NARRATIVE: "kind.narrative", Kind.SOURCE: "kind.source"}


@dataclass(frozen=True)
class DraftRow:
    draft: Draft
    label: str
    url: str


@dataclass(frozen=True)
class ObjectRow:
    label: str
    url: str
    snippet: str
    lang: str
    state: str | None


def object_title(kind: Kind, key: str | None, lang: str) -> str:
    if key is None:
        return "+"
    if kind in CELL_KINDS:
        return cell_title(key, lang)
    if kind is Kind.FOOTNOTE:
        return f"[^{key}]"
    return key


def edit_url(lang: str, iso2: str, kind: Kind, key: str | None) -> str:
    base = f"/{lang}/edit/{iso2}/{kind.value}"
    return f"{base}?key={quote(key, safe='')}" if key else base


def draft_rows(drafts: list[Draft], lang: str, iso2_of: dict[str, str]) -> list[DraftRow]:
    return [DraftRow(d, object_title(d.kind, d.key, lang),
                     edit_url(lang, iso2_of.get(d.country, d.country), d.kind, d.key))
            for d in drafts]


def snippet(payload: Payload | None, lang: str) -> tuple[str, str]:
    """A short text of the object, in ``lang`` when it has one; and the language used."""
    if payload is None:
        return "", lang
    for name in ("text", "title", "citation"):
        texts = payload.get(name)
        if isinstance(texts, dict) and texts:
            chosen = lang if lang in texts else next(iter(texts))
            text = " ".join(str(texts[chosen]).split())
            return (text[:140] + "…" if len(text) > 140 else text), chosen
    return "", lang


def object_rows(published: dict[str, Payload], drafts: dict[str, Draft], lang: str,
                iso2: str, kind: Kind) -> list[ObjectRow]:
    rows = []
    for key in sorted(set(published) | set(drafts), key=_sort_key):
        draft = drafts.get(key)
        text, text_lang = snippet(draft.payload if draft and draft.payload is not None
                                  else published.get(key), lang)
        rows.append(ObjectRow(object_title(kind, key, lang), edit_url(lang, iso2, kind, key),
                              text, text_lang, draft.state if draft else None))
    return rows


def _sort_key(key: str) -> tuple[Any, ...]:
    return tuple(int(p) if p.isdigit() else p for p in key.split("/"))


def form_values(kind: Kind, payload: Payload | None) -> dict[str, str]:
    """A payload as the edit form's field values."""
    values: dict[str, str] = {}
    if payload is None:
        return values
    for f in FIELDS[kind]:
        value = payload.get(f.name)
        if f.multilingual:
            for lang in LANGUAGES:
                values[f"{f.name}.{lang}"] = (value or {}).get(lang, "")
        elif isinstance(value, list):
            values[f.name] = ", ".join(str(v) for v in value)
        else:
            values[f.name] = "" if value is None else str(value)
    return values
