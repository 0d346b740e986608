"""Draft → submitted → published (or returned with a comment), and restoring a revision.

One draft per object (country, kind, key). Every save carries the draft version and the
sha256 of the published object the editor started from; if either moved, the save is
refused with ``Conflict`` (the editor's text stays in their form, nothing is overwritten).
Publishing writes the object into the content tables that profiles read, records a
revision and an audit entry, in one transaction.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.exc import IntegrityError

from migprofile.editorial import objects as ob
from migprofile.editorial.accounts import User
from migprofile.editorial.audit import Actor, record
from migprofile.editorial.errors import Conflict, InvalidEdit, InvalidState, PermissionDenied
from migprofile.editorial.forms import Context, parse_form
from migprofile.editorial.objects import Kind, Payload, payload_sha
from migprofile.geo import default_registry
from migprofile.store.editorial import DuplicateRow, EditorialStore

DRAFT, SUBMITTED, RETURNED = "draft", "submitted", "returned"
BASELINE_AUTHOR = "package"


@dataclass(frozen=True)
class Draft:
    id: int
    country: str
    kind: Kind
    key: str
    payload: Payload | None
    state: str
    author: str
    comment: str
    version: int
    base_sha: str
    updated_at: datetime

    @property
    def label(self) -> str:
        return ob.object_label(self.country, self.kind, self.key)


@dataclass(frozen=True)
class EditView:
    """What an editor opens: the published object, the draft over it (if any) and the
    version stamps the save must send back."""

    country: str
    kind: Kind
    key: str | None
    published: Payload | None
    draft: Draft | None

    @property
    def current(self) -> Payload | None:
        return self.draft.payload if self.draft else self.published

    @property
    def version(self) -> int:
        return self.draft.version if self.draft else 0

    @property
    def published_sha(self) -> str:
        return payload_sha(self.published)


def _now() -> datetime:
    return datetime.now(UTC)


def _draft(row: Mapping[str, Any], author: str | None = None) -> Draft:
    return Draft(id=row["id"], country=row["country"], kind=Kind(row["kind"]), key=row["key"],
                 payload=row["payload"], state=row["state"],
                 author=author or str(row.get("author", "")), comment=row["comment"],
                 version=row["version"], base_sha=row["base_sha"], updated_at=row["updated_at"])


def _require_edit(user: User | None, country: str) -> User:
    if user is None:
        raise PermissionDenied("log in to edit")
    if not user.can_edit(country):
        raise PermissionDenied(f"{user.username} is not assigned to {country}")
    return user


def _require_review(user: User | None) -> User:
    if user is None or not user.can_review:
        raise PermissionDenied("only a reviewer or an admin may do this")
    return user


def context(es: EditorialStore, conn: Connection, country: str, *,
            with_drafts: bool = True) -> Context:
    """What the objects of ``country`` may refer to: published objects, plus (while editing)
    the ones still in draft."""
    ctx = Context(source_ids=es.all_source_ids(conn),
                  instrument_ids=set(es.published(conn, country, Kind.INSTRUMENT)),
                  footnote_numbers={int(k) for k in es.published(conn, country, Kind.FOOTNOTE)},
                  resolve_area=default_registry().try_resolve)
    if with_drafts:
        for row in es.drafts(conn, country=country):
            if row["payload"] is None:
                continue
            kind = Kind(row["kind"])
            if kind is Kind.SOURCE:
                ctx.source_ids.add(row["key"])
            elif kind is Kind.INSTRUMENT:
                ctx.instrument_ids.add(row["key"])
            elif kind is Kind.FOOTNOTE:
                ctx.footnote_numbers.add(int(row["key"]))
    return ctx


def published_objects(es: EditorialStore, country: str, kind: Kind) -> dict[str, Payload]:
    with es.transaction() as conn:
        return es.published(conn, country, kind)


def open_object(es: EditorialStore, country: str, kind: Kind, key: str | None) -> EditView:
    with es.transaction() as conn:
        published = es.published(conn, country, kind).get(key) if key else None
        row = es.draft(conn, obj=(country, kind, key)) if key else None
        author = None
        if row is not None:
            author_row = es.user(conn, user_id=row["author_id"])
            author = author_row["username"] if author_row else "?"
    return EditView(country, kind, key, published, _draft(row, author) if row else None)


def save_draft(es: EditorialStore, actor: Actor, country: str, kind: Kind,
               form: Mapping[str, str] | None, *, key: str | None, version: int,
               published_sha: str) -> Draft:
    """Write the draft of one object (``form`` None: propose to delete it).

    ``key`` None creates a new object (its key comes from the form). ``version`` and
    ``published_sha`` are those the editor opened; a mismatch raises ``Conflict``."""
    user = _require_edit(actor.user, country)
    with es.transaction() as conn:
        published_all = es.published(conn, country, kind)
        published = published_all.get(key) if key else None
        if form is None:
            if kind not in ob.DELETABLE or published is None:
                raise InvalidState(f"{kind.value} objects cannot be deleted here")
            payload: Payload | None = None
        else:
            payload = parse_form(kind, form, context(es, conn, country), fixed_key=published
                                 if key else None)
        new_key = key or ob.object_key(kind, payload or {})
        if key is None and new_key in published_all:
            raise InvalidEdit({"key": f"{new_key} exists already; open it to edit it"})
        row = es.draft(conn, obj=(country, kind, new_key))
        current = row["payload"] if row else published
        if payload_sha(published) != published_sha or (row["version"] if row else 0) != version:
            raise Conflict(f"{ob.object_label(country, kind, new_key)} was changed by someone "
                           "else since you opened it", current)
        values = {"payload": payload, "state": DRAFT, "author_id": user.id, "comment": "",
                  "updated_at": _now(), "base_sha": published_sha}
        if row is None:
            try:
                draft_id = es.insert_draft(conn, {"country": country, "kind": kind.value,
                                                  "key": new_key, "version": 1, **values})
            except IntegrityError as exc:  # the unique draft key: another editor's first save won
                raise Conflict("someone else started a draft of this object", None) from exc
        else:
            if not es.update_draft(conn, row["id"], version, version=version + 1, **values):
                raise Conflict("someone else saved this draft first", current)
            draft_id = row["id"]
        record(es, conn, actor, "edit" if payload is not None else "delete_request",
               ob.object_label(country, kind, new_key), before=payload_sha(current),
               after=payload_sha(payload), detail={"draft": draft_id})
        saved = es.draft(conn, draft_id=draft_id)
    assert saved is not None
    return _draft(saved, user.username)


def _get_draft(es: EditorialStore, conn: Connection, draft_id: int) -> dict[str, Any]:
    row = es.draft(conn, draft_id=draft_id)
    if row is None:
        raise InvalidState(f"draft {draft_id} does not exist (published or withdrawn)")
    return row


def submit(es: EditorialStore, actor: Actor, draft_id: int, version: int) -> None:
    with es.transaction() as conn:
        row = _get_draft(es, conn, draft_id)
        _require_edit(actor.user, row["country"])
        if row["state"] == SUBMITTED:
            raise InvalidState("this draft is already submitted")
        if not es.update_draft(conn, draft_id, version, state=SUBMITTED, version=version + 1,
                               updated_at=_now()):
            raise Conflict("the draft changed since you opened it", row["payload"])
        record(es, conn, actor, "submit", _label(row), before=payload_sha(row["payload"]),
               after=payload_sha(row["payload"]), detail={"draft": draft_id})


def withdraw(es: EditorialStore, actor: Actor, draft_id: int) -> None:
    """The author (or a reviewer) throws a draft away; the published object is untouched."""
    with es.transaction() as conn:
        row = _get_draft(es, conn, draft_id)
        user = _require_edit(actor.user, row["country"])
        if row["author_id"] != user.id and not user.can_review:
            raise PermissionDenied("only its author or a reviewer may withdraw a draft")
        es.delete_draft(conn, draft_id)
        record(es, conn, actor, "edit", _label(row), before=payload_sha(row["payload"]),
               detail={"draft": draft_id, "withdrawn": True})


def return_draft(es: EditorialStore, actor: Actor, draft_id: int, comment: str) -> None:
    _require_review(actor.user)
    if not comment.strip():
        raise InvalidEdit({"comment": "say what to change"})
    with es.transaction() as conn:
        row = _get_draft(es, conn, draft_id)
        if row["state"] != SUBMITTED:
            raise InvalidState("only a submitted draft can be returned")
        es.update_draft(conn, draft_id, None, state=RETURNED, comment=comment.strip()[:4000],
                        version=row["version"] + 1, updated_at=_now())
        record(es, conn, actor, "return", _label(row), before=payload_sha(row["payload"]),
               after=payload_sha(row["payload"]), detail={"draft": draft_id,
                                                          "comment": comment.strip()[:500]})


def publish(es: EditorialStore, actor: Actor, draft_id: int, message: str) -> int:
    """Publish a submitted draft; returns the new revision's id."""
    reviewer = _require_review(actor.user)
    with es.transaction() as conn:
        row = _get_draft(es, conn, draft_id)
        if row["state"] != SUBMITTED:
            raise InvalidState("only a submitted draft can be published")
        if row["author_id"] == reviewer.id and not reviewer.is_admin:
            raise PermissionDenied("a reviewer does not publish their own draft")
        author = es.user(conn, user_id=row["author_id"])
        kind, country, key = Kind(row["kind"]), row["country"], row["key"]
        _check_publishable(es, conn, country, kind, row["payload"])
        revision = _publish(es, conn, actor, country, kind, key, row["payload"],
                            author=author["username"] if author else "?",
                            message=message or "published")
        es.delete_draft(conn, draft_id)
        return revision


def _check_publishable(es: EditorialStore, conn: Connection, country: str, kind: Kind,
                       payload: Payload | None) -> None:
    """References must point to published objects (else an export would not load)."""
    if payload is None:
        return
    ctx = context(es, conn, country, with_drafts=False)
    problems = []
    if kind in ob.CELL_KINDS:
        problems += [f"footnote {n}" for n in payload.get("footnotes") or ()
                     if n not in ctx.footnote_numbers]
        problems += [f"instrument {i}" for i in payload.get("instruments") or ()
                     if i not in ctx.instrument_ids]
    sources = [payload["source"]] if payload.get("source") else payload.get("sources") or []
    if kind is not Kind.SOURCE:
        problems += [f"source {s}" for s in sources if s not in ctx.source_ids]
    if problems:
        raise InvalidState("publish these first: " + ", ".join(problems))


def _publish(es: EditorialStore, conn: Connection, actor: Actor, country: str, kind: Kind,
             key: str, payload: Payload | None, *, author: str, message: str) -> int:
    before = es.published(conn, country, kind).get(key)
    if before is not None and not es.revisions(conn, obj=(country, kind, key), limit=1):
        # the first publication over content loaded from a package keeps that content as
        # revision "0", so it can be compared and restored like any other
        es.insert_revision(conn, {
            "country": country, "kind": kind.value, "key": key, "payload": before,
            "sha256": payload_sha(before), "author": BASELINE_AUTHOR,
            "reviewer": BASELINE_AUTHOR, "message": "as loaded from the country package",
            "published_at": _now()})
    es.write_published(conn, country, kind, key, payload)
    revision = es.insert_revision(conn, {
        "country": country, "kind": kind.value, "key": key, "payload": payload,
        "sha256": payload_sha(payload), "author": author, "reviewer": actor.name,
        "message": message[:2000], "published_at": _now()})
    record(es, conn, actor, "publish", ob.object_label(country, kind, key),
           before=payload_sha(before), after=payload_sha(payload),
           detail={"revision": revision, "author": author, "message": message[:500]})
    return revision


def restore(es: EditorialStore, actor: Actor, revision_id: int, message: str = "") -> int:
    """Publish again what revision ``revision_id`` published; returns the new revision."""
    reviewer = _require_review(actor.user)
    with es.transaction() as conn:
        old = es.revision(conn, revision_id)
        if old is None:
            raise InvalidState(f"revision {revision_id} does not exist")
        kind, country, key = Kind(old["kind"]), old["country"], old["key"]
        _check_publishable(es, conn, country, kind, old["payload"])
        new = _publish(es, conn, actor, country, kind, key, old["payload"],
                       author=reviewer.username,
                       message=message or f"restore of revision {revision_id}")
        draft = es.draft(conn, obj=(country, kind, key))
        record(es, conn, actor, "restore", ob.object_label(country, kind, key),
               after=old["sha256"], detail={"revision": new, "restored": revision_id,
                                            "open_draft": draft["id"] if draft else None})
        return new


def drafts(es: EditorialStore, *, country: str | None = None, states: tuple[str, ...] = (),
           author: User | None = None) -> list[Draft]:
    with es.transaction() as conn:
        rows = es.drafts(conn, country=country, states=states or None,
                         author_id=author.id if author else None)
    return [_draft(r) for r in rows]


def _label(row: Mapping[str, Any]) -> str:
    return ob.object_label(row["country"], Kind(row["kind"]), row["key"])


__all__ = ["DRAFT", "RETURNED", "SUBMITTED", "Draft", "DuplicateRow", "EditView", "drafts",
           "open_object", "publish", "restore", "return_draft", "save_draft", "submit",
           "withdraw"]
