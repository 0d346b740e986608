"""Corridors on the portal: ``/api/v1/corridors/{A}/{B}`` (the tree as JSON) and the page
``/{lang}/corridors/{A}-{B}`` with its downloads; for the country page ``main_corridors``
and ``partner_links`` (its partner rows linked to their corridors); the flow map of a
country's corridors: ``/api/v1/corridors/{A}`` (its data) and ``flow_map`` (what the country
and home pages print: the map's spec, reading that API, and the same partners as a table)."""

from __future__ import annotations

from typing import Annotated, Any, Literal
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.concurrency import run_in_threadpool
from starlette.responses import Response

from migprofile import core
from migprofile.errors import NotFoundError
from migprofile.i18n import N_, format_number, gettext
from migprofile.render import MEDIA_TYPES, render
from migprofile.render.charts import embed_options
from migprofile.render.common import isolate_latin
from migprofile.web.country import embed_profile
from migprofile.web.messages import translator
from migprofile.web.models import (
    CorridorMapOut,
    GrowthQuery,
    LangQuery,
    ProfileDocument,
    documented,
)
from migprofile.web.portal import Portal
from migprofile.web.serialize import dumps

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


def partner_links(portal: Portal, code: str, lang: str) -> dict[str, str]:
    """Every other country's name in ``lang`` (also as an "of which" row) -> the corridor
    page, for the rows of the country profile's partner tables (the portal's rendering only;
    the standalone files link nowhere)."""
    def make() -> dict[str, str]:
        areas = portal.areas()
        here = areas[code].iso2 or code
        of_which = gettext(lang, "of which")
        links: dict[str, str] = {}
        for other, area in areas.items():
            if other == code or area.kind.value != "country" or not area.iso2:
                continue
            name = area.names.text(lang)
            href = f"/{lang}/corridors/{here}-{area.iso2}"
            links.setdefault(name, href)
            links.setdefault(f"{of_which} {name}", href)
        return links

    found: dict[str, str] = portal.cached(("partner-links", code, lang), make)
    return found


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


# -- the flow map: a country's corridors on the world atlas -------------------------------------

DIRECTIONS = {"emigration": N_("Destinations (people born in the country living abroad)"),
              "immigration": N_("Origins (immigrants living in the country)")}
MAP_TITLE = {"emigration": N_("Where people born {in_country} live, {year}"),
             "immigration": N_("Where the immigrants living {in_country} were born, {year}")}
Direction = Literal["emigration", "immigration"]
MAP_LIMIT = 20
MAX_MAP_LIMIT = 300


def _pair_url(lang: str, here: str, partner: core.MapPartner) -> str:
    return f"/{lang}/corridors/{here}-{partner.iso2 or partner.code}"


def map_document(found: core.CorridorMap, lang: str) -> dict[str, Any]:
    """The API's answer (``CorridorMapOut``): the map's data with each corridor's page."""
    here = found.iso2 or found.country
    return {"country": found.country, "iso2": found.iso2, "name": found.name,
            "direction": found.direction, "indicator": found.indicator, "year": found.year,
            "years": list(found.years), "source_id": found.source_id, "total": found.total,
            "partner_count": found.partner_count, "lon": found.lon, "lat": found.lat,
            "partners": [{"code": p.code, "iso2": p.iso2, "name": p.name, "value": p.value,
                          "share": None if p.share is None else round(p.share, 3),
                          "rank": p.rank, "lon": p.lon, "lat": p.lat,
                          "url": _pair_url(lang, here, p)} for p in found.partners]}


def _map_bytes(portal: Portal, code: str, direction: str, year: int | None, lang: str,
               limit: int) -> bytes:
    def make() -> bytes:
        found = core.corridor_map(portal.store, code, direction, year, lang=lang, limit=limit)
        return dumps(map_document(found, lang))
    return portal.bytes.get_or_make(("corridor-map", code, direction, year, lang, limit), make)


@api.get("/corridors/{a}", summary="A country's corridors for a map: destinations or origins "
         "by UN DESA stock in one year, each with its atlas point and corridor page",
         responses=documented(CorridorMapOut))
async def corridor_map(request: Request, a: str, direction: Direction = "emigration",
                       year: Annotated[int | None, Query(ge=1800, le=2200)] = None,
                       lang: LangQuery = "fr",
                       limit: Annotated[int, Query(ge=1, le=MAX_MAP_LIMIT)] = MAP_LIMIT
                       ) -> Response:
    portal = _portal(request)
    code = core.resolve_country(portal.store, a)
    content = await run_in_threadpool(_map_bytes, portal, code, direction, year, lang, limit)
    return Response(content, media_type=MEDIA_TYPES["json"])


def _located_map(portal: Portal, code: str, lang: str, direction: str, year: int | None
                 ) -> core.CorridorMap | None:
    """The map of ``year``, or the newest when that year has no data (None: none at all)."""
    try:
        return core.corridor_map(portal.store, code, direction, year, lang=lang,
                                 limit=MAP_LIMIT)
    except NotFoundError:
        if year is None:
            return None
        return core.corridor_map(portal.store, code, direction, None, lang=lang,
                                 limit=MAP_LIMIT)


def _share_text(share: float | None, lang: str) -> str:
    """One decimal; a share that would print 0.0 says it is below 0.1 instead."""
    if share is None:
        return ""
    if 0 < share < 0.05:
        return f"< {format_number(0.1, lang, 1)}"
    return format_number(share, lang, 1)


def _note(portal: Portal, found: core.CorridorMap, lang: str) -> str:
    from migprofile.web.views import short_title

    source = next(iter(portal.store.sources({found.source_id})), None)
    cited = short_title(source.title.text(lang if lang in source.title.texts else "en")) \
        if source else found.source_id
    return gettext(lang, N_("The {shown} largest of {count} partner countries, by country of "
                            "birth (UN DESA, {source}, {year}).")).format(
        shown=len(found.partners), count=found.partner_count, year=found.year[:4],
        source=cited)


def flow_map(portal: Portal, code: str, lang: str, direction: str, year: int | None
             ) -> dict[str, Any] | None:
    """What a page needs to show ``code``'s flow map and its table (None: no bilateral
    stocks); a year without data shows the newest instead."""
    found = _located_map(portal, code, lang, direction, year)
    if found is None:
        return None
    here = found.iso2 or found.country
    title = gettext(lang, MAP_TITLE[found.direction]).format(
        in_country=core.located(found.country, lang), year=found.year[:4])
    query = urlencode({"direction": found.direction, "year": found.year[:4], "lang": lang,
                       "limit": MAP_LIMIT})
    labels = {"value": gettext(lang, N_("Persons")), "name": gettext(lang, N_("Country")),
              "share": gettext(lang, N_("Share of the total (%)"))}
    spec = core.corridor_map_spec(found, lang=lang, data_url=f"/api/v1/corridors/{here}?{query}",
                                  title=title, value_title=labels["value"],
                                  name_title=labels["name"], share_title=labels["share"])
    spec["usermeta"]["embedOptions"] = embed_options(lang)
    rows = [{"rank": p.rank, "name": p.name, "code": p.iso2 or p.code,
             "href": _pair_url(lang, here, p), "value": format_number(p.value, lang),
             "share": _share_text(p.share, lang), "drawn": p.lon is not None}
            for p in found.partners]
    t = translator(lang)
    # Latin names inside Arabic text (UN DESA, Natural Earth) keep their order
    caption = isolate_latin(f"{t('flowmap_note')} {t('map_licence')}")
    return {"map": found, "spec": spec, "title": title, "rows": rows, "labels": labels,
            "note": isolate_latin(_note(portal, found, lang)), "caption": caption,
            "off_map": [r["name"] for r in rows if not r["drawn"]],
            "directions": [(k, gettext(lang, v)) for k, v in DIRECTIONS.items()],
            "years": [y[:4] for y in found.years]}
