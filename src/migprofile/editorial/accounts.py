"""Accounts, roles, passwords (argon2id), sessions and the login rate limit.

Sessions live in the database (several portal workers share them); the cookie carries a
random token and the database only its sha256, so a copy of the database opens no session.
Failed logins are audit entries, and the rate limit counts them, so it holds across workers.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from migprofile.editorial.audit import Actor, record
from migprofile.editorial.errors import (
    AuthenticationFailed,
    EditorialError,
    PermissionDenied,
    RateLimited,
)
from migprofile.store.editorial import DuplicateRow, EditorialStore

SESSION_HOURS = 12
RATE_WINDOW = timedelta(minutes=15)
MAX_FAILURES_PER_USER = 5
MAX_FAILURES_PER_CLIENT = 20
MIN_PASSWORD = 10
_HASHER = PasswordHasher()
# verified against when the user does not exist, so that a wrong name costs the same time;
# made on first use (an argon2id hash takes a third of a second, which every command line
# paid on start-up): the first unknown name of a process is then slower, never faster
_DUMMY_HASH: str | None = None


def _dummy_hash() -> str:
    global _DUMMY_HASH
    if _DUMMY_HASH is None:
        _DUMMY_HASH = _HASHER.hash("not a password of anybody")
    return _DUMMY_HASH


class Role(StrEnum):
    ADMIN = "admin"
    REVIEWER = "reviewer"
    CONTRIBUTOR = "contributor"


@dataclass(frozen=True)
class User:
    id: int
    username: str
    display_name: str
    role: Role
    active: bool
    countries: frozenset[str]

    @property
    def can_review(self) -> bool:
        return self.role in (Role.ADMIN, Role.REVIEWER)

    @property
    def is_admin(self) -> bool:
        return self.role is Role.ADMIN

    def can_edit(self, country: str) -> bool:
        """Contributors edit their assigned countries; reviewers and admins every country."""
        return self.active and (self.can_review or country in self.countries)


@dataclass(frozen=True)
class Session:
    token: str  # what the cookie holds; shown once, never stored
    csrf: str
    user: User


def hash_password(password: str) -> str:
    if len(password) < MIN_PASSWORD:
        raise EditorialError(f"a password needs at least {MIN_PASSWORD} characters")
    return _HASHER.hash(password)


def _user(es: EditorialStore, conn: Any, row: dict[str, Any]) -> User:
    return User(id=row["id"], username=row["username"], display_name=row["display_name"],
                role=Role(row["role"]), active=bool(row["active"]),
                countries=frozenset(es.countries_of(conn, row["id"])))


def _now() -> datetime:
    return datetime.now(UTC)


def _token_id(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def add_user(es: EditorialStore, actor: Actor, username: str, password: str, role: Role,
             *, display_name: str = "", countries: Sequence[str] = ()) -> User:
    username = username.strip().lower()
    if not username or len(username) > 80 or not username.replace("-", "").replace(
            ".", "").replace("_", "").isalnum():
        raise EditorialError("a user name is letters, digits and - . _ (at most 80)")
    hashed = hash_password(password)
    try:
        with es.transaction() as conn:
            user_id = es.insert_user(conn, {
                "username": username, "display_name": display_name or username,
                "password_hash": hashed, "role": role.value, "active": True,
                "created_at": _now()})
            es.set_countries(conn, user_id, sorted(set(countries)))
            record(es, conn, actor, "user_add", f"user/{username}",
                   detail={"role": role.value, "countries": sorted(set(countries))})
            row = es.user(conn, user_id=user_id)
            assert row is not None
            return _user(es, conn, row)
    except DuplicateRow:
        raise EditorialError(f"user {username!r} already exists") from None


def get_user(es: EditorialStore, username: str) -> User:
    with es.transaction() as conn:
        row = es.user(conn, username=username.strip().lower())
        if row is None:
            raise EditorialError(f"no user {username!r}")
        return _user(es, conn, row)


def list_users(es: EditorialStore) -> list[User]:
    with es.transaction() as conn:
        return [_user(es, conn, row) for row in es.users(conn)]


def set_role(es: EditorialStore, actor: Actor, username: str, role: Role) -> User:
    user = get_user(es, username)
    with es.transaction() as conn:
        es.update_user(conn, user.id, role=role.value)
        record(es, conn, actor, "role_change", f"user/{user.username}",
               detail={"from": user.role.value, "to": role.value})
    return get_user(es, username)


def assign(es: EditorialStore, actor: Actor, username: str, add: Iterable[str] = (),
           remove: Iterable[str] = ()) -> User:
    user = get_user(es, username)
    countries = (set(user.countries) | set(add)) - set(remove)
    with es.transaction() as conn:
        es.set_countries(conn, user.id, sorted(countries))
        record(es, conn, actor, "assign", f"user/{user.username}",
               detail={"from": sorted(user.countries), "to": sorted(countries)})
    return get_user(es, username)


def reset_password(es: EditorialStore, actor: Actor, username: str, password: str) -> None:
    """A new password; every open session of the user is closed."""
    user = get_user(es, username)
    hashed = hash_password(password)
    with es.transaction() as conn:
        es.update_user(conn, user.id, password_hash=hashed)
        es.delete_sessions(conn, user_id=user.id)
        record(es, conn, actor, "password_reset", f"user/{user.username}")


def set_active(es: EditorialStore, actor: Actor, username: str, active: bool) -> None:
    user = get_user(es, username)
    with es.transaction() as conn:
        es.update_user(conn, user.id, active=active)
        if not active:
            es.delete_sessions(conn, user_id=user.id)
        record(es, conn, actor, "activate" if active else "deactivate", f"user/{user.username}")


def login(es: EditorialStore, username: str, password: str, client: str,
          *, previous_token: str | None = None) -> Session:
    """A new session for a right name and password. Always a new token (the one the browser
    had, if any, is closed: no session fixation); failures are audited and rate-limited."""
    name = username.strip().lower()[:80]
    since = _now() - RATE_WINDOW
    with es.transaction() as conn:
        per_user = es.count_audit(conn, "login_failed", since, obj=f"user/{name}")
        per_client = es.count_audit(conn, "login_failed", since, client=client)
    if per_user >= MAX_FAILURES_PER_USER or per_client >= MAX_FAILURES_PER_CLIENT:
        with es.transaction() as conn:
            record(es, conn, Actor(None, client), "login_refused", f"user/{name}",
                   detail={"reason": "rate limit"})
        raise RateLimited(int(RATE_WINDOW.total_seconds() // 60))
    with es.transaction() as conn:
        row = es.user(conn, username=name)
    if not _verify(row, password):
        with es.transaction() as conn:
            record(es, conn, Actor(None, client), "login_failed", f"user/{name}")
        raise AuthenticationFailed()
    assert row is not None
    token, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
    now = _now()
    with es.transaction() as conn:
        if previous_token:
            es.delete_sessions(conn, sid=_token_id(previous_token))
        es.delete_sessions(conn, before=now)
        if _HASHER.check_needs_rehash(row["password_hash"]):
            es.update_user(conn, row["id"], password_hash=_HASHER.hash(password))
        es.insert_session(conn, {"id": _token_id(token), "user_id": row["id"], "csrf": csrf,
                                 "created_at": now,
                                 "expires_at": now + timedelta(hours=SESSION_HOURS)})
        user = _user(es, conn, row)
        record(es, conn, Actor(user, client), "login", f"user/{name}")
    return Session(token, csrf, user)


def _verify(row: dict[str, Any] | None, password: str) -> bool:
    try:
        if row is None or not row["active"]:
            _HASHER.verify(_dummy_hash(), password + "x")
            return False
        return bool(_HASHER.verify(row["password_hash"], password))
    except (VerificationError, InvalidHashError):
        return False


def session_of(es: EditorialStore, token: str | None) -> Session | None:
    """The open session a cookie's token names, or None."""
    if not token or len(token) > 200:
        return None
    with es.transaction() as conn:
        found = es.session(conn, _token_id(token), _now())
        if found is None:
            return None
        row = es.user(conn, user_id=found["user_id"])
        if row is None or not row["active"]:
            return None
        return Session(token, found["csrf"], _user(es, conn, row))


def logout(es: EditorialStore, session: Session, client: str) -> None:
    with es.transaction() as conn:
        es.delete_sessions(conn, sid=_token_id(session.token))
        record(es, conn, Actor(session.user, client), "logout", f"user/{session.user.username}")


def require_admin(user: User | None) -> User:
    if user is None or not user.is_admin:
        raise PermissionDenied("only an admin may do this")
    return user
