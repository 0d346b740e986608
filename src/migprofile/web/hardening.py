"""The portal's outer layer: security headers, HEAD on every GET route, control characters
refused, slow answers cut off. One ASGI middleware, so every response gets it — pages,
API, static files and error pages alike.

- Headers: a Content-Security-Policy (everything from this host; scripts only from files —
  no inline script runs — with ``'unsafe-eval'`` because Vega compiles its expressions;
  ``form-action 'self'`` so the portal's own HTML forms keep posting; ``frame-ancestors
  'none'``, but ``*`` and no ``X-Frame-Options`` on the embeddable charts of
  ``/{lang}/embed/``), ``X-Content-Type-Options: nosniff``, ``Referrer-Policy``,
  ``X-Frame-Options``.
  Swagger UI (``/api/v1/docs``) needs its inline start-up script: its page alone allows it.
- ``HEAD`` is answered as the ``GET`` of the same URL, without the body.
- A path or query string holding a control character (``%00``, CR/LF…) is refused with 422
  in the portal's one error shape before any route sees it: such text can only be an
  attack or a mistake, and would otherwise reach SQL, file names and headers.
- A request that takes longer than ``REQUEST_TIMEOUT`` seconds is answered 503 (the work
  itself is bounded by the narrative sandbox's budget; this is the last resort).
"""

from __future__ import annotations

import asyncio
import json
import re
from typing import Any
from urllib.parse import unquote

from starlette.types import ASGIApp, Message, Receive, Scope, Send

CSP = ("default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; "
       "img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; object-src 'none'; "
       "base-uri 'self'; form-action 'self'; frame-ancestors 'none'")
DOCS_CSP = CSP.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'")
# the one kind of page other sites may frame: a chart made for an iframe (web/embed.py)
EMBED_CSP = CSP.replace("frame-ancestors 'none'", "frame-ancestors *")
_EMBED = re.compile(r"^/[a-z]{2}/embed/")
HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"strict-origin-when-cross-origin"),
    (b"x-frame-options", b"DENY"),
]
REQUEST_TIMEOUT = 60.0
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def has_control(text: str) -> bool:
    return _CONTROL.search(text) is not None


class Hardening:
    def __init__(self, app: ASGIApp, *, timeout: float = REQUEST_TIMEOUT) -> None:
        self.app = app
        self.timeout = timeout

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = scope.get("path", "")
        embed = _EMBED.match(path) is not None
        csp = (DOCS_CSP if path == "/api/v1/docs" else EMBED_CSP if embed else CSP).encode()
        extra = [h for h in HEADERS if not (embed and h[0] == b"x-frame-options")]
        head = scope.get("method") == "HEAD"
        started = False

        async def guarded(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                headers = [h for h in message.get("headers", []) if h[0].lower() not in
                           {b"content-security-policy", *(k for k, _ in HEADERS)}]
                message = {**message, "headers": [*headers, (b"content-security-policy", csp),
                                                  *extra]}
            elif message["type"] == "http.response.body" and head:
                message = {**message, "body": b""}
            await send(message)

        query = scope.get("query_string", b"").decode("latin-1")
        if has_control(path) or has_control(unquote(query)):
            await _error(guarded, 422, "invalid_parameter",
                         "the address holds a control character (such as %00, CR or LF)")
            return
        inner = {**scope, "method": "GET"} if head else scope
        try:
            await asyncio.wait_for(self.app(inner, receive, guarded), self.timeout)
        except TimeoutError:
            if not started:
                await _error(guarded, 503, "timeout",
                             f"the answer took longer than {self.timeout:.0f} s")


async def _error(send: Any, status: int, code: str, message: str) -> None:
    body = json.dumps({"error": {"code": code, "message": message, "details": None}}).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"),
                            (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})
