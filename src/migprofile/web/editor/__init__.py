"""The portal's editor: ``install(app)`` adds its routes (before the public pages, whose
country page it extends with drafts in place) and maps the workflow's refusals to HTTP.

    401/303  not logged in (a page redirects to the login form)
    403      not allowed (role, countries) or a form without its CSRF token
    404      unknown object or revision
    409      conflict (someone else wrote first) or a state that forbids the action
    422      a form with errors
    429      too many failed logins
"""

from __future__ import annotations

import json
from urllib.parse import quote

from fastapi import FastAPI, Request
from starlette.responses import RedirectResponse, Response

from migprofile.editorial.errors import (
    Conflict,
    EditorialError,
    InvalidEdit,
    InvalidState,
    PermissionDenied,
    RateLimited,
)
from migprofile.web.editor import auth_routes, edit_routes, review_routes
from migprofile.web.editor.render import page
from migprofile.web.editor.session import BadForm, LoginRequired, current_session
from migprofile.web.editor.texts import editor_translator
from migprofile.web.errors import error_body
from migprofile.web.messages import LANGS

STATUS: tuple[tuple[type[EditorialError], int], ...] = (
    (PermissionDenied, 403), (Conflict, 409), (InvalidState, 409), (InvalidEdit, 422),
    (RateLimited, 429), (BadForm, 400))


def _lang(request: Request) -> str:
    first = request.url.path.strip("/").split("/")[0]
    return first if first in LANGS else "fr"


def _refused(request: Request, exc: Exception) -> Response:
    lang = _lang(request)
    if isinstance(exc, LoginRequired):
        if request.method == "GET":
            target = quote(request.url.path + (f"?{request.url.query}" if request.url.query
                                               else ""), safe="/")
            return RedirectResponse(f"/{lang}/login?next={target}", status_code=303)
        status = 401
    else:
        status = next((code for cls, code in STATUS if isinstance(exc, cls)), 400)
    wants_html = "text/html" in request.headers.get("accept", "")
    if not wants_html:
        body = error_body(status, str(exc))
        body["error"]["code"] = {401: "login_required", 403: "forbidden", 409: "conflict",
                                 429: "rate_limited"}.get(status, body["error"]["code"])
        return Response(json.dumps(body, ensure_ascii=False), status_code=status,
                        media_type="application/json")
    t = editor_translator(lang)
    title = t("forbidden") if status in (401, 403) else t("error")
    return page("editor_error.html.j2", lang, request.url.path, current_session(request),
                status=status, title=title, message=str(exc))


def install(app: FastAPI) -> None:
    """Add the editor to the portal; call before the public pages' router is included."""
    app.include_router(auth_routes.router)
    app.include_router(review_routes.router)
    app.include_router(edit_routes.router)
    app.add_exception_handler(EditorialError, _refused)
