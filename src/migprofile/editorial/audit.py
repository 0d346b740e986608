"""The audit log: one append-only row per write, with who, when, what and the sha256 of the
object before and after (``objects.payload_sha``). The database refuses UPDATE and DELETE
on it (triggers of migration 0005)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection

from migprofile.store.editorial import AuditFilter, EditorialStore

if TYPE_CHECKING:
    from migprofile.editorial.accounts import User

ACTIONS = ("login", "login_failed", "login_refused", "logout", "edit", "delete_request",
           "submit", "publish", "return", "restore", "user_add", "role_change", "assign",
           "password_reset", "activate", "deactivate")


@dataclass(frozen=True)
class Actor:
    """Who writes: a logged-in user (or None before login) and where from (IP or "cli")."""

    user: User | None
    client: str

    @property
    def name(self) -> str:
        if self.user is not None:
            return self.user.username
        return "cli" if self.client == "cli" else "-"


CLI = Actor(None, "cli")


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: datetime
    username: str
    action: str
    object: str
    before_sha: str
    after_sha: str
    detail: dict[str, Any]
    client: str


def record(es: EditorialStore, conn: Connection, actor: Actor, action: str, obj: str, *,
           before: str = "", after: str = "", detail: Mapping[str, Any] | None = None) -> None:
    assert action in ACTIONS, action
    es.append_audit(conn, {
        "at": datetime.now(UTC), "username": actor.name[:80], "action": action,
        "object": obj[:300], "before_sha": before, "after_sha": after,
        "detail": dict(detail or {}), "client": actor.client[:80]})


def entries(es: EditorialStore, where: AuditFilter | None = None, *, limit: int = 200,
            offset: int = 0) -> list[AuditEntry]:
    with es.transaction() as conn:
        rows = es.audit(conn, where or AuditFilter(), limit=limit, offset=offset)
    return [AuditEntry(**row) for row in rows]
