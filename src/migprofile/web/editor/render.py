"""Rendering the editor's pages: its own templates first, then the portal's (``base``)."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, StrictUndefined
from starlette.responses import HTMLResponse

from migprofile.editorial.accounts import Session
from migprofile.render.common import direction
from migprofile.web.editor.texts import editor_translator
from migprofile.web.messages import LANG_NAMES, LANGS

TEMPLATES = Path(__file__).with_name("templates")
PORTAL_TEMPLATES = Path(__file__).parents[1] / "templates"


@cache
def environment() -> Environment:
    env = Environment(loader=ChoiceLoader([FileSystemLoader(str(TEMPLATES)),
                                           FileSystemLoader(str(PORTAL_TEMPLATES))]),
                      autoescape=True, undefined=StrictUndefined)
    env.filters["tojson_attr"] = lambda v: json.dumps(v, ensure_ascii=False,
                                                      separators=(",", ":"))
    env.globals["direction"] = direction
    return env


def page(template: str, lang: str, path: str, session: Session | None, *, status: int = 200,
         **context: Any) -> HTMLResponse:
    """An editor page in ``lang``; ``path`` is the page's path after ``/{lang}``. Never
    cached by the browser or a proxy: it holds a user's drafts and tokens."""
    html = environment().get_template(template).render(
        lang=lang, dir=direction(lang), t=editor_translator(lang), langs=LANGS,
        lang_names=LANG_NAMES, path=path, session=session,
        csrf=session.csrf if session else "", **context)
    return HTMLResponse(html, status_code=status,
                        headers={"Cache-Control": "no-store", "X-Frame-Options": "DENY"})
