"""One chart of a country's profile, alone on a page, for other sites to embed in an iframe:
``/{lang}/embed/countries/{ISO2}/charts/{chart}``. The chart keeps its source line and its
data table; a link leads to the whole profile."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from starlette.responses import Response

from migprofile.render.html import render_chart_html
from migprofile.web.pages import portal_of
from migprofile.web.portal import Portal

router = APIRouter(include_in_schema=False)
# Other sites may frame these pages, and only these: web/hardening.py gives /{lang}/embed/
# its ``frame-ancestors *``.


@router.get("/{lang}/embed/countries/{iso2}/charts/{chart_id}")
async def chart(request: Request, lang: str, iso2: str, chart_id: str,
                growth: str | None = None) -> Response:
    portal = portal_of(request)
    body = await run_in_threadpool(_page, portal, lang, iso2, chart_id, growth)
    return Response(body, media_type="text/html; charset=utf-8")


def _page(portal: Portal, lang: str, iso2: str, chart_id: str, growth: str | None) -> bytes:
    lang, method = portal.lang(lang), portal.growth(growth)
    code = portal.country_code(iso2)
    profile = portal.profile(code, lang, method)
    name = portal.areas()[code].iso2 or code

    def make() -> str:
        return render_chart_html(profile, chart_id,
                                 profile_url=f"/{lang}/countries/{name}#chart-{chart_id}")

    return portal.page(("embed", code, lang, method, chart_id), make)
