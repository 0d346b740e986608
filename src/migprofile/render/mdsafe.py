"""Markdown output sanitized like the HTML: no raw HTML but ``<br>``, no dangerous links.

The HTML renderer cleans package texts with nh3 (``render.markup``); Markdown output is
shown by other tools (GitHub, static-site generators, editors' previews) that render raw
HTML inside Markdown, so the same texts must not smuggle ``<script>``, event handlers or
``javascript:`` links through it. ``safe_markdown`` escapes every tag start except the
``<br>`` the Markdown writer itself puts in table cells and ``<https:…>`` autolinks, and
drops the target of any link or image whose scheme is not http, https or mailto (relative
links and ``#anchors`` stay).
"""

from __future__ import annotations

import re

from migprofile.render.markup import URL_SCHEMES

_TAG_START = re.compile(r"<(?!br>|https?://|mailto:)(?=[A-Za-z/!?])")
_LINK = re.compile(r"(!?\[[^\]]*\])\(\s*<?([^)\s>]*)>?((?:\s+\"[^\"]*\")?)\s*\)")
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):")
# what the HTML output's allow-list drops entirely: scripts and styles with their content,
# and event-handler attributes (so not even their text is left behind)
_SCRIPT = re.compile(r"<(script|style)\b[^>]*>.*?(</\1\s*>|$)", re.I | re.S)
_EVENT = re.compile(r"""(<[A-Za-z][^>]*?)\s+on[a-z]+\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)""", re.I)


def _cleaned(text: str) -> str:
    text = _SCRIPT.sub("", text)
    while True:
        stripped = _EVENT.sub(r"\1", text)
        if stripped == text:
            return text
        text = stripped


def _link(match: re.Match[str]) -> str:
    target = match.group(2)
    scheme = _SCHEME.match(target.replace("\\", "").strip())
    if scheme and scheme.group(1).lower() not in URL_SCHEMES:
        return match.group(1)  # the words, without the link
    return match.group(0)


def safe_markdown(text: str) -> str:
    """``text`` with raw HTML first cleaned by the HTML output's allow-list (no event handler
    or script survives even as text), then its tags (but ``<br>``) escaped and unsafe link
    targets dropped."""
    if "<" not in text and "](" not in text:
        return text
    return _LINK.sub(_link, _TAG_START.sub("&lt;", _cleaned(text)))
