"""One error shape for every error the portal answers::

    {"error": {"code": "not_found", "message": "…", "details": …}}

422 ``invalid_parameter`` for bad parameters (FastAPI's validation errors included),
404 ``not_found`` for unknown countries and routes, 500 ``internal_error`` otherwise.
Browsers asking for HTML on a page get the same content as a small HTML page.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import HTMLResponse, Response

from migprofile.errors import MigprofileError, NotFoundError

log = logging.getLogger("migprofile.web")
CODES = {400: "bad_request", 404: "not_found", 405: "method_not_allowed",
         422: "invalid_parameter", 500: "internal_error"}


class InvalidParameter(MigprofileError):
    """A query or path parameter has a value the portal cannot use (answered with 422)."""

    def __init__(self, name: str, message: str) -> None:
        super().__init__(f"{name}: {message}")
        self.name = name


def error_body(status: int, message: str, details: Any = None) -> dict[str, Any]:
    return {"error": {"code": CODES.get(status, "error"), "message": message,
                      "details": details}}


def error_response(request: Request, status: int, message: str,
                   details: Any = None, headers: Mapping[str, str] | None = None) -> Response:
    from migprofile.web.error_text import localized_message, request_lang

    body = error_body(status, message, details)
    lang = request_lang(request)
    body["error"]["message"] = localized_message(lang, body["error"]["code"], message, details)
    wants_html = "text/html" in request.headers.get("accept", "")
    if wants_html and not request.url.path.startswith("/api/"):
        from migprofile.web.pages import error_page

        return HTMLResponse(error_page(request, body), status_code=status,
                            headers=dict(headers or {}))
    return Response(json.dumps(body, ensure_ascii=False), status_code=status,
                    media_type="application/json", headers=dict(headers or {}))


def _validation(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    details = [{"parameter": ".".join(str(p) for p in e.get("loc", ())[1:]) or None,
                "in": (e.get("loc") or ("query",))[0], "message": e.get("msg", "")}
               for e in exc.errors()]
    return error_response(request, 422, "invalid parameter(s)", details)


def _invalid(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, InvalidParameter)
    return error_response(request, 422, str(exc), [{"parameter": exc.name, "in": "query",
                                                    "message": str(exc)}])


def _not_found(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, NotFoundError)
    return error_response(request, 404, str(exc), {"kind": exc.kind, "key": exc.key})


def _http(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    message = exc.detail if isinstance(exc.detail, str) else "error"
    if exc.status_code == 404:
        message = f"no such page: {request.url.path}"
    # a 405 carries ``Allow`` (the methods the route answers), as HTTP requires
    return error_response(request, exc.status_code, message, headers=exc.headers)


def _internal(request: Request, exc: Exception) -> Response:
    log.exception("error while answering %s", request.url.path, exc_info=exc)
    return error_response(request, 500, "internal error", {"type": type(exc).__name__})


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(RequestValidationError, _validation)
    app.add_exception_handler(InvalidParameter, _invalid)
    app.add_exception_handler(NotFoundError, _not_found)
    app.add_exception_handler(StarletteHTTPException, _http)
    app.add_exception_handler(MigprofileError, _internal)
    app.add_exception_handler(Exception, _internal)
