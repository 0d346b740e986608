"""Error messages in the language of the request: the page's language (``/fr/…``), or for the
API the first of fr, en, ar that ``Accept-Language`` names (English otherwise). Only the
message is translated; ``code`` and ``details`` stay the same for programs."""

from __future__ import annotations

from typing import Any

from starlette.requests import Request

from migprofile.web.messages import LANGS, translator

# the kinds of things a NotFoundError names, as the pages say them
KINDS = frozenset({"country", "page", "chart", "table", "language", "format", "download",
                   "area", "indicator", "source", "export format"})


def request_lang(request: Request) -> str:
    first = request.url.path.strip("/").split("/", 1)[0]
    if first in LANGS:
        return first
    for part in request.headers.get("accept-language", "").split(","):
        code = part.split(";")[0].strip().lower()[:2]
        if code in LANGS:
            return code
    return "en"


def localized_message(lang: str, code: str, message: str, details: Any) -> str:
    """The message of an error body in ``lang``: a sentence for its code, then what was not
    found or which parameter was wrong (names and values as given)."""
    if lang == "en":
        return message
    t = translator(lang)
    head = t(f"error.{code}")
    if head == f"error.{code}":  # no translation: the message as it is
        return message
    if code == "not_found" and isinstance(details, dict) and details.get("key"):
        kind = str(details.get("kind") or "")
        what = t(f"kind.{kind}") if kind in KINDS else ""
        return f"{head}{t('colon')}{what + ' ' if what else ''}« {details['key']} »"
    if code == "invalid_parameter" and isinstance(details, list):
        names = [str(d.get("parameter")) for d in details
                 if isinstance(d, dict) and d.get("parameter")]
        if names:
            return f"{head}{t('colon')}{', '.join(names)}"
    return head
