"""``/{lang}/login`` and ``/{lang}/logout``."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from starlette.responses import RedirectResponse, Response

from migprofile.editorial import accounts
from migprofile.editorial.errors import AuthenticationFailed, RateLimited
from migprofile.web.editor import session as sess
from migprofile.web.editor.render import page
from migprofile.web.editor.texts import editor_translator
from migprofile.web.portal import Portal

router = APIRouter(include_in_schema=False)


def _lang(request: Request, lang: str) -> str:
    portal: Portal = request.app.state.portal
    return portal.lang(lang)


def _safe_next(lang: str, target: str) -> str:
    """Only a path of this site (no ``//host``, no scheme): no open redirect."""
    if target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return f"/{lang}/edit/"


def _login_page(request: Request, lang: str, *, error: str = "", username: str = "",
                next_: str = "", status: int = 200) -> Response:
    token = sess.login_csrf(request)
    response = page("login.html.j2", lang, "/login", None, status=status, error=error,
                    username=username, next=_safe_next(lang, next_), login_csrf=token)
    sess.set_login_csrf(request, response, token)
    return response


@router.get("/{lang}/login")
def login_form(request: Request, lang: str, next: str = "") -> Response:
    lang = _lang(request, lang)
    if sess.current_session(request) is not None:
        return RedirectResponse(_safe_next(lang, next), status_code=303)
    return _login_page(request, lang, next_=next)


@router.post("/{lang}/login")
async def login(request: Request, lang: str) -> Response:
    lang = _lang(request, lang)
    form = await sess.read_form(request)
    sess.check_login_csrf(request, form)
    t = editor_translator(lang)
    username = form.get("username", "")[:80]
    try:
        session = await run_in_threadpool(
            accounts.login, sess.editorial(request), username, form.get("password", "")[:200],
            sess.client_of(request), previous_token=request.cookies.get(sess.SESSION_COOKIE))
    except AuthenticationFailed:
        return _login_page(request, lang, error=t("bad_login"), username=username,
                           next_=form.get("next", ""), status=401)
    except RateLimited as exc:
        return _login_page(request, lang, error=t("rate_limited").format(minutes=exc.minutes),
                           username=username, next_=form.get("next", ""), status=429)
    response = RedirectResponse(_safe_next(lang, form.get("next", "")), status_code=303)
    sess.set_session_cookie(request, response, session.token)
    response.delete_cookie(sess.LOGIN_CSRF_COOKIE, path="/")
    return response


@router.post("/{lang}/logout")
async def logout(request: Request, lang: str) -> Response:
    lang = _lang(request, lang)
    session, _ = await sess.write_request(request)
    await run_in_threadpool(accounts.logout, sess.editorial(request), session,
                            sess.client_of(request))
    response = RedirectResponse(f"/{lang}/", status_code=303)
    sess.clear_session_cookie(request, response)
    return response
