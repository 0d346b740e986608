"""Sessions, CSRF and forms of the editor.

* The session cookie (``mp_session``) is HttpOnly, SameSite=Lax, Secure when the request
  is HTTPS (``cookie_secure = auto``, the reverse proxy says so) or always; it holds a
  random token, the database its sha256.
* Every POST carries a CSRF token: the session's (hidden field ``csrf`` or header
  ``X-CSRF-Token``); the login form, before any session, a double-submit cookie.
* Forms are read from the urlencoded body by the standard library (bounded in size and
  number of fields): no multipart, no files.
"""

from __future__ import annotations

import hmac
import secrets
from typing import Any
from urllib.parse import parse_qsl

from fastapi import Request
from starlette.responses import Response

from migprofile.editorial import EditorialStore
from migprofile.editorial.accounts import Session, session_of
from migprofile.editorial.audit import Actor
from migprofile.editorial.errors import EditorialError, PermissionDenied

SESSION_COOKIE = "mp_session"
LOGIN_CSRF_COOKIE = "mp_login_csrf"
MAX_BODY = 512 * 1024
MAX_FIELDS = 400


class LoginRequired(EditorialError):
    """A page of the editor was asked for without a session (GET: go to the login page)."""


class CsrfRejected(PermissionDenied):
    """A form came without the CSRF token of its session."""

    def __init__(self) -> None:
        super().__init__("the form's security token is missing or wrong; reload the page")


class BadForm(EditorialError):
    """A body that is not a small urlencoded form."""


def editorial(request: Request) -> EditorialStore:
    es: EditorialStore | None = getattr(request.app.state, "editorial", None)
    if es is None:
        es = EditorialStore(request.app.state.portal.store)
        request.app.state.editorial = es
    return es


def client_of(request: Request) -> str:
    return request.client.host if request.client else "-"


def current_session(request: Request) -> Session | None:
    cached: Session | None = getattr(request.state, "mp_session", None)
    if cached is None:
        cached = session_of(editorial(request), request.cookies.get(SESSION_COOKIE))
        request.state.mp_session = cached
    return cached


def require_session(request: Request) -> Session:
    session = current_session(request)
    if session is None:
        raise LoginRequired("log in first")
    return session


def actor(request: Request, session: Session | None) -> Actor:
    return Actor(session.user if session else None, client_of(request))


async def read_form(request: Request) -> dict[str, str]:
    """The fields of an urlencoded body (the last value of a repeated name wins)."""
    kind = request.headers.get("content-type", "").split(";")[0].strip()
    if kind != "application/x-www-form-urlencoded":
        raise BadForm("expected an urlencoded form")
    body = await request.body()
    if len(body) > MAX_BODY:
        raise BadForm("the form is too large")
    try:
        pairs = parse_qsl(body.decode("utf-8"), keep_blank_values=True,
                          max_num_fields=MAX_FIELDS, strict_parsing=False)
    except (UnicodeDecodeError, ValueError) as exc:
        raise BadForm(f"unreadable form: {exc}") from None
    return dict(pairs)


def check_csrf(request: Request, session: Session, form: dict[str, Any] | None) -> None:
    sent = (form or {}).get("csrf") or request.headers.get("x-csrf-token") or ""
    if not hmac.compare_digest(str(sent).encode(), session.csrf.encode()):
        raise CsrfRejected()


async def write_request(request: Request) -> tuple[Session, dict[str, str]]:
    """The session and form of a state-changing request: logged in, CSRF token right."""
    session = current_session(request)
    if session is None:
        raise PermissionDenied("log in first")
    form = await read_form(request)
    check_csrf(request, session, form)
    return session, form


def secure(request: Request) -> bool:
    setting = request.app.state.portal.settings.cookie_secure
    return setting == "always" or (setting == "auto" and request.url.scheme == "https")


def set_session_cookie(request: Request, response: Response, token: str) -> None:
    response.set_cookie(SESSION_COOKIE, token, httponly=True, samesite="lax",
                        secure=secure(request), path="/", max_age=12 * 3600)


def clear_session_cookie(request: Request, response: Response) -> None:
    response.delete_cookie(SESSION_COOKIE, path="/", httponly=True, samesite="lax",
                           secure=secure(request))


def login_csrf(request: Request) -> str:
    """The login form's token: the double-submit cookie's value, made if absent."""
    return request.cookies.get(LOGIN_CSRF_COOKIE) or secrets.token_urlsafe(32)


def set_login_csrf(request: Request, response: Response, token: str) -> None:
    response.set_cookie(LOGIN_CSRF_COOKIE, token, httponly=True, samesite="strict",
                        secure=secure(request), path="/", max_age=3600)


def check_login_csrf(request: Request, form: dict[str, str]) -> None:
    cookie = request.cookies.get(LOGIN_CSRF_COOKIE) or ""
    sent = form.get("csrf", "")
    if not cookie or not hmac.compare_digest(cookie.encode(), sent.encode()):
        raise CsrfRejected()
