"""Revisions of one object and readable diffs between any two of them (or between the
published object and a draft): per field and per language, word by word."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from migprofile.editorial.errors import InvalidState
from migprofile.editorial.objects import Kind, Payload, scalars_of, texts_of
from migprofile.store.editorial import EditorialStore

TOKEN = re.compile(r"\s+|[^\s]+")


@dataclass(frozen=True)
class Revision:
    id: int
    country: str
    kind: Kind
    key: str
    payload: Payload | None
    sha256: str
    author: str
    reviewer: str
    message: str
    published_at: datetime


@dataclass(frozen=True)
class Segment:
    op: str  # equal | insert | delete
    text: str


@dataclass(frozen=True)
class FieldDiff:
    field: str
    lang: str  # "" for a field in no particular language
    segments: tuple[Segment, ...]

    @property
    def changed(self) -> bool:
        return any(s.op != "equal" for s in self.segments)


def _revision(row: dict[str, Any]) -> Revision:
    return Revision(id=row["id"], country=row["country"], kind=Kind(row["kind"]),
                    key=row["key"], payload=row["payload"], sha256=row["sha256"],
                    author=row["author"], reviewer=row["reviewer"], message=row["message"],
                    published_at=row["published_at"])


def history(es: EditorialStore, country: str, kind: Kind | None = None,
            key: str | None = None, *, limit: int = 500) -> list[Revision]:
    """Revisions, newest first: of one object, or of every object of a country."""
    with es.transaction() as conn:
        if kind is not None and key is not None:
            rows = es.revisions(conn, obj=(country, kind, key), limit=limit)
        else:
            rows = es.revisions(conn, country=country, limit=limit)
    return [_revision(r) for r in rows]


def get_revision(es: EditorialStore, revision_id: int) -> Revision:
    with es.transaction() as conn:
        row = es.revision(conn, revision_id)
    if row is None:
        raise InvalidState(f"revision {revision_id} does not exist")
    return _revision(row)


def _words(old: str, new: str) -> list[Segment]:
    a, b = TOKEN.findall(old), TOKEN.findall(new)
    segments: list[Segment] = []
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            segments.append(Segment("equal", "".join(a[i1:i2])))
            continue
        if i2 > i1:
            segments.append(Segment("delete", "".join(a[i1:i2])))
        if j2 > j1:
            segments.append(Segment("insert", "".join(b[j1:j2])))
    return segments


def word_diff(old: str, new: str) -> tuple[Segment, ...]:
    """Line by line; within a changed line that stays mostly the same, word by word (a
    rewritten line reads better struck out whole, with its new text after it)."""
    a, b = old.splitlines(keepends=True), new.splitlines(keepends=True)
    segments: list[Segment] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes():
        if op == "equal":
            segments.append(Segment("equal", "".join(a[i1:i2])))
            continue
        olds, news = a[i1:i2], b[j1:j2]
        for k in range(max(len(olds), len(news))):
            o = olds[k] if k < len(olds) else ""
            n = news[k] if k < len(news) else ""
            if o and n and difflib.SequenceMatcher(a=o, b=n).ratio() >= 0.6:
                segments += _words(o, n)
                continue
            if o:
                segments.append(Segment("delete", o))
            if n:
                segments.append(Segment("insert", n))
    return tuple(_merged(segments))


def _merged(segments: list[Segment]) -> list[Segment]:
    out: list[Segment] = []
    for s in segments:
        if out and out[-1].op == s.op:
            out[-1] = Segment(s.op, out[-1].text + s.text)
        elif s.text:
            out.append(s)
    return out


def diff_payloads(old: Payload | None, new: Payload | None, *,
                  changed_only: bool = False) -> list[FieldDiff]:
    """Field by field (multilingual fields language by language), old → new."""
    result: list[FieldDiff] = []
    old_texts, new_texts = texts_of(old), texts_of(new)
    for name in dict.fromkeys([*old_texts, *new_texts]):
        langs = dict.fromkeys([*old_texts.get(name, {}), *new_texts.get(name, {})])
        for lang in langs:
            result.append(FieldDiff(name, lang, word_diff(old_texts.get(name, {}).get(lang, ""),
                                                          new_texts.get(name, {}).get(lang, ""))))
    old_s, new_s = scalars_of(old), scalars_of(new)
    for name in dict.fromkeys([*old_s, *new_s]):
        result.append(FieldDiff(name, "", word_diff(old_s.get(name, ""), new_s.get(name, ""))))
    return [d for d in result if d.changed] if changed_only else result


def compare(es: EditorialStore, a: int, b: int) -> tuple[Revision, Revision, list[FieldDiff]]:
    """Revision ``a`` → revision ``b``; both must be of one object."""
    ra, rb = get_revision(es, a), get_revision(es, b)
    if (ra.country, ra.kind, ra.key) != (rb.country, rb.kind, rb.key):
        raise InvalidState("the two revisions are of different objects")
    return ra, rb, diff_payloads(ra.payload, rb.payload)
