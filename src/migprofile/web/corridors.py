"""Corridors on the portal: ``/api/v1/corridors/{A}/{B}`` (the tree as JSON) and the page
``/{lang}/corridors/{A}-{B}`` with its downloads; ``main_corridors`` for the country page."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from starlette.responses import Response

from migprofile import core
from migprofile.errors import NotFoundError
from migprofile.i18n import N_, format_number, gettext
from migprofile.render import MEDIA_TYPES, render
from migprofile.web.country import embed_profile
from migprofile.web.messages import translator
from migprofile.web.models import GrowthQuery, LangQuery, ProfileDocument, documented
from migprofile.web.portal import Portal

api = APIRouter(prefix="/api/v1", tags=["api"])
pages = APIRouter(include_in_schema=False)
FILES = ("html", "md", "json", "pdf")


def _portal(request: Request) -> Portal:
    portal: Portal = request.app.state.portal
    return portal


def _codes(portal: Portal, a: str, b: str) -> tuple[str, str]:
    first, second = core.resolve_country(portal.store, a), core.resolve_country(portal.store, b)
    if first == second:
        raise NotFoundError("corridor", f"{a}-{b}")
    return first, second


def _file(portal: Portal, a: str, b: str, lang: str, fmt: str, growth: str) -> bytes:
    def make() -> bytes:
        profile = core.corridor(portal.store, a, b, lang=lang, method=growth)
        content = render(profile, fmt)
        return content if isinstance(content, bytes) else content.encode("utf-8")
    return portal.bytes.get_or_make(("corridor", a, b, lang, fmt, growth), make)


@api.get("/corridors/{a}/{b}", summary="The corridor tree of two countries (both directions)",
         responses=documented(ProfileDocument))
async def corridor_tree(request: Request, a: str, b: str,
                        lang: LangQuery = "fr",
                        growth: GrowthQuery = None) -> Response:
    portal = _portal(request)
    first, second = _codes(portal, a, b)
    content = await run_in_threadpool(_file, portal, first, second, lang, "json",
                                      portal.growth(growth))
    return Response(content, media_type=MEDIA_TYPES["json"])


def _split(pair: str) -> tuple[str, str]:
    a, sep, b = pair.partition("-")
    if not sep or not a or not b:
        raise NotFoundError("corridor", pair)
    return a, b


@pages.get("/{lang}/corridors/{pair}.{ext}")
def corridor_file(request: Request, lang: str, pair: str, ext: str,
                  growth: str | None = None) -> Response:
    portal = _portal(request)
    lang, method = portal.lang(lang), portal.growth(growth)
    if ext not in FILES:
        raise NotFoundError("format", ext)
    first, second = _codes(portal, *_split(pair))
    content = _file(portal, first, second, lang, ext, method)
    disposition = "inline" if ext in ("html", "json") else \
        f'attachment; filename="corridor-{first}-{second}-{lang}.{ext}"'
    return Response(content, media_type=MEDIA_TYPES[ext],
                    headers={"Content-Disposition": disposition})


@pages.get("/{lang}/corridors/{pair}")
async def corridor_page(request: Request, lang: str, pair: str,
                        growth: str | None = None) -> Response:
    portal = _portal(request)
    lang, method = portal.lang(lang), portal.growth(growth)
    first, second = _codes(portal, *_split(pair))
    body = await run_in_threadpool(portal.page, ("corridor-page", first, second, lang, method),
                                   lambda: _page(portal, first, second, lang, method))
    return Response(body, media_type="text/html; charset=utf-8")


def _page(portal: Portal, a: str, b: str, lang: str, method: str) -> str:
    from migprofile.web.pages import render_page

    profile = core.corridor(portal.store, a, b, lang=lang, method=method)
    areas = portal.areas()
    pair = f"{areas[a].iso2 or a}-{areas[b].iso2 or b}"
    base = f"/{lang}/corridors/{pair}"
    embedded = embed_profile(profile, base, translator(lang)("table_data"))
    return render_page("corridor.html.j2", lang, f"/corridors/{pair}", profile=profile,
                       embedded=embedded, base=base, growth=method,
                       _=lambda s: gettext(lang, s))


def main_corridors(portal: Portal, code: str, lang: str) -> list[dict[str, Any]]:
    """The country's main corridors for its page: first destinations and origins by stock,
    each with its link, figure and year."""
    areas = portal.areas()
    here = areas[code].iso2 or code
    titles = {"destinations": N_("Main destinations (people born here living abroad)"),
              "origins": N_("Main origins (immigrants living here)")}
    out = []
    for key, rows in core.main_corridors(portal.store, code).items():
        items = [{"name": areas[p].names.text(lang) if p in areas else p,
                  "href": f"/{lang}/corridors/{here}-{areas[p].iso2 or p}" if p in areas
                  else "", "value": format_number(v, lang), "year": period[:4]}
                 for p, v, period in rows]
        if items:
            out.append({"key": key, "title": gettext(lang, titles[key]), "items": items})
    return out


@pages.get("/{lang}/corridors/{pair}/tables/{table_id}.{ext}")
def corridor_table(request: Request, lang: str, pair: str, table_id: str, ext: str,
                   growth: str | None = None) -> Response:
    from migprofile.profiles.tree import TableBlock
    from migprofile.render.common import iter_blocks
    from migprofile.render.downloads import csv_bytes, download_rows, xlsx_bytes

    portal = _portal(request)
    lang, method = portal.lang(lang), portal.growth(growth)
    if ext not in ("csv", "xlsx"):
        raise NotFoundError("format", ext)
    first, second = _codes(portal, *_split(pair))
    profile = core.corridor(portal.store, first, second, lang=lang, method=method)
    table = next((b for s in profile.sections for b in iter_blocks(s.blocks)
                  if isinstance(b, TableBlock) and b.id == table_id), None)
    if table is None:
        raise NotFoundError("table", table_id)
    headers = {"Content-Disposition":
               f'attachment; filename="corridor-{first}-{second}-{lang}-{table.id}.{ext}"'}
    if ext == "csv":
        return Response(csv_bytes(download_rows(table)), media_type="text/csv; charset=utf-8",
                        headers=headers)
    media = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    return Response(xlsx_bytes(download_rows(table), table.id), media_type=media,
                    headers=headers)
