"""The portal's HTML pages: ``/{lang}/``, countries, compare, legal, sources."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Query, Request
from fastapi.concurrency import run_in_threadpool
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup
from starlette.responses import RedirectResponse, Response

from migprofile.render.common import direction
from migprofile.render.downloads import csv_bytes, download_rows, xlsx_bytes
from migprofile.web import views
from migprofile.web.country import embed_profile
from migprofile.web.errors import InvalidParameter
from migprofile.web.messages import LANG_NAMES, LANGS, translator
from migprofile.web.portal import Portal

TEMPLATES = Path(__file__).with_name("templates")
HTML = "text/html; charset=utf-8"
router = APIRouter(include_in_schema=False)


@cache
def environment() -> Environment:
    env = Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=True,
                      undefined=StrictUndefined)
    env.filters["tojson_attr"] = lambda v: json.dumps(v, ensure_ascii=False,
                                                      separators=(",", ":"))
    return env


def render_page(template: str, lang: str, path: str, **context: Any) -> str:
    """A page in ``lang``; ``path`` is the page's path after ``/{lang}`` (language switch)."""
    return environment().get_template(template).render(
        lang=lang, dir=direction(lang), t=translator(lang), langs=LANGS,
        lang_names=LANG_NAMES, path=path, **context)


def error_page(request: Request, body: dict[str, Any]) -> str:
    parts = request.url.path.strip("/").split("/")
    lang = parts[0] if parts and parts[0] in LANGS else "fr"
    return render_page("error.html.j2", lang, "/", error=body["error"])


def portal_of(request: Request) -> Portal:
    portal: Portal = request.app.state.portal
    return portal


def _html(content: bytes | str) -> Response:
    return Response(content, media_type=HTML)


# indicators worth a world map by default: the widest coverage first
MAP_DEFAULTS = ("emigrant_stock_birth", "immigrant_stock_birth", "emigrant_stock")


@router.get("/")
def root() -> RedirectResponse:
    return RedirectResponse("/fr/")


@router.get("/{lang}/")
def home(request: Request, lang: str, indicator: str | None = None) -> Response:
    portal = portal_of(request)
    lang = portal.lang(lang)
    choices = views.indicator_choices(portal, lang)
    codes = [c for c, _ in choices]
    preferred = [c for c in MAP_DEFAULTS if c in codes]
    chosen = indicator or (preferred[0] if preferred else (codes[0] if codes else ""))
    if chosen and chosen not in codes:
        raise InvalidParameter("indicator", f"no world totals for {chosen!r}")
    title = dict(choices).get(chosen, "")

    def make() -> str:
        return render_page("home.html.j2", lang, "/", groups=views.country_groups(portal, lang),
                           choices=choices, chosen=chosen,
                           spec=views.map_spec(portal, chosen, lang, title) if chosen else None)

    return _html(portal.page(("home", lang, chosen), make))


@router.get("/{lang}/countries/{iso2}.{ext}")
def country_file(request: Request, lang: str, iso2: str, ext: str,
                 growth: str | None = None) -> Response:
    portal = portal_of(request)
    lang, method = portal.lang(lang), portal.growth(growth)
    code = portal.country_code(iso2)
    content, media = portal.profile_file(code, lang, ext, method)
    name = f"{portal.areas()[code].iso2 or code}-{lang}.{ext}"
    disposition = "inline" if ext in ("html", "json") else f'attachment; filename="{name}"'
    return Response(content, media_type=media, headers={"Content-Disposition": disposition})


@router.get("/{lang}/countries/{iso2}")
async def country(request: Request, lang: str, iso2: str,
                  growth: str | None = None) -> Response:
    portal = portal_of(request)
    key = ("country", lang, iso2, growth)
    cached = portal.bytes.get(key)
    if cached is not None:
        return _html(cached)
    body = await run_in_threadpool(_country_page, portal, lang, iso2, growth)
    return _html(portal.bytes.put(key, body))


def _country_page(portal: Portal, lang: str, iso2: str, growth: str | None) -> bytes:
    lang, method = portal.lang(lang), portal.growth(growth)
    code = portal.country_code(iso2)
    area = portal.areas()[code]
    name = area.iso2 or iso2
    profile = portal.profile(code, lang, method)
    t = translator(lang)
    embedded = embed_profile(profile, f"/{lang}/countries/{name}", t("table_data"))
    return render_page("country.html.j2", lang, f"/countries/{name}", profile=profile,
                       iso2=name, embedded=embedded, growth=method).encode("utf-8")


@router.get("/{lang}/countries/{iso2}/tables/{table_id}.{ext}")
def table_file(request: Request, lang: str, iso2: str, table_id: str, ext: str,
               growth: str | None = None) -> Response:
    portal = portal_of(request)
    lang, method = portal.lang(lang), portal.growth(growth)
    if ext not in ("csv", "xlsx"):
        raise InvalidParameter("ext", f"{ext!r} is not csv or xlsx")
    code = portal.country_code(iso2)
    table = portal.table(code, lang, method, table_id)
    # the file name from the canonical code and the table's own id, never the raw path
    name = f"{portal.areas()[code].iso2 or code}-{lang}-{table.id}.{ext}"
    headers = {"Content-Disposition": f'attachment; filename="{name}"'}
    if ext == "csv":
        return Response(csv_bytes(download_rows(table)), media_type="text/csv; charset=utf-8",
                        headers=headers)
    media = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    return Response(xlsx_bytes(download_rows(table), table_id), media_type=media,
                    headers=headers)


# the countries compared when none are named: the Maghreb and neighbours the seed discusses
COMPARE_DEFAULTS = ("MAR", "TUN", "DZA", "EGY", "SEN")
MAX_COMPARED = 12  # countries of one comparison (a longer list is refused, 422)
FIRST_YEAR, LAST_YEAR = 1800, 2200  # the years a comparison may span


def _country_list(portal: Portal, countries: str) -> list[str]:
    names = list(dict.fromkeys(c.strip() for c in countries.split(",") if c.strip()))
    if len(names) > MAX_COMPARED:
        raise InvalidParameter("countries", f"at most {MAX_COMPARED} countries are compared "
                               f"({len(names)} given)")
    if names:
        return list(dict.fromkeys(portal.country_code(c) for c in names))
    profiled = portal.profiled()
    return [c for c in COMPARE_DEFAULTS if c in profiled] or list(profiled[:5])


@router.get("/{lang}/compare")
def compare(request: Request, lang: str, indicator: str | None = None,
            countries: str = Query("", max_length=2000),
            year_from: int = Query(1990, alias="from", ge=FIRST_YEAR, le=LAST_YEAR),
            year_to: int = Query(2024, alias="to", ge=FIRST_YEAR, le=LAST_YEAR),
            growth: str | None = None
            ) -> Response:
    portal = portal_of(request)
    lang, method = portal.lang(lang), portal.growth(growth)
    choices = views.indicator_choices(portal, lang)
    codes_available = [c for c, _ in choices]
    preferred = [c for c in MAP_DEFAULTS if c in codes_available]
    chosen = indicator or (preferred[0] if preferred else (choices[0][0] if choices else ""))
    codes = _country_list(portal, countries)
    if year_to < year_from:
        raise InvalidParameter("to", "must not be before 'from'")
    result = views.compare(portal, chosen, codes, (year_from, year_to), method, lang)
    return _html(render_page(
        "compare.html.j2", lang, "/compare", choices=choices, chosen=chosen, result=result,
        countries=countries, year_from=year_from, year_to=year_to, growth=method,
        title=dict(choices).get(chosen, chosen), partner_name=_world_name(portal, lang)))


def _world_name(portal: Portal, lang: str) -> str:
    world = views.area_of(portal, "WLD")
    return world.names.text(lang) if world else "WLD"


@router.get("/{lang}/legal")
def legal(request: Request, lang: str, q: str = "") -> Response:
    portal = portal_of(request)
    lang = portal.lang(lang)
    matrix = views.legal_matrix(portal, lang)
    hits = views.search(portal, q, lang) if q.strip() else []
    iso2 = {c: a.iso2 for c, a in portal.areas().items() if a.iso2}
    return _html(render_page("legal.html.j2", lang, "/legal", matrix=matrix, q=q, hits=hits,
                             iso2=iso2, snippet=_snippet))


def _snippet(text: str) -> Markup:
    """A search snippet with the matched words (between ``[`` and ``]``) in ``<mark>``."""
    escaped = str(Markup.escape(text))
    return Markup(escaped.replace("[", "<mark>").replace("]", "</mark>"))


@router.get("/{lang}/sources")
def sources(request: Request, lang: str) -> Response:
    portal = portal_of(request)
    lang = portal.lang(lang)
    return _html(portal.page(("sources", lang), lambda: render_page(
        "sources.html.j2", lang, "/sources", sources=portal.store.sources())))
