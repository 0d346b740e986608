"""The portal's HTML pages: ``/{lang}/``, countries, compare, legal, sources."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.concurrency import run_in_threadpool
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup
from starlette.responses import RedirectResponse, Response

from migprofile import core
from migprofile.build import file_stem
from migprofile.i18n import gettext
from migprofile.overview import sort_key
from migprofile.render import EXTENSIONS
from migprofile.render.common import direction
from migprofile.render.downloads import csv_bytes, download_rows, xlsx_bytes
from migprofile.web import corridors, views
from migprofile.web import legal as legal_view
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
    from migprofile.web.error_text import request_lang

    return render_page("error.html.j2", request_lang(request), "/", error=body["error"])


def portal_of(request: Request) -> Portal:
    portal: Portal = request.app.state.portal
    return portal


def _html(content: bytes | str) -> Response:
    return Response(content, media_type=HTML)


@router.get("/")
def root() -> RedirectResponse:
    return RedirectResponse("/fr/")


# the country whose corridors the home page maps when none is chosen: the seed's
HOME_CORRIDORS = "MAR"


@router.get("/{lang}/")
def home(request: Request, lang: str, indicator: str | None = None,
         country: Annotated[str | None, Query(max_length=100)] = None,
         direction: str | None = None, year: MapYear = None) -> Response:
    portal = portal_of(request)
    lang = portal.lang(lang)
    found = views.world(portal, lang, indicator)
    chosen = found.indicator
    if chosen and chosen not in found.codes:
        raise InvalidParameter("indicator", f"no world totals for {chosen!r}")
    way = _direction(direction)
    profiled = portal.profiled()
    mapped = portal.country_code(country) if country else \
        (HOME_CORRIDORS if HOME_CORRIDORS in profiled else (profiled[0] if profiled else ""))

    def make() -> str:
        groups = views.country_groups(portal, lang)
        return render_page(
            "home.html.j2", lang, "/", groups=groups, choices=list(found.choices),
            chosen=chosen, spec=views.map_spec(found, lang) if chosen else None,
            flow=corridors.flow_map(portal, mapped, lang, way, year) if mapped else None,
            flow_action=f"/{lang}/", flow_heading=translator(lang)("flowmap_home"),
            flow_hidden=[("indicator", chosen)] if chosen else [],
            flow_country=portal.areas()[mapped].iso2 if mapped else "",
            flow_countries=sorted(((c.iso2, c.name) for _, links in groups for c in links),
                                  key=lambda c: sort_key(c[1])))

    return _html(portal.page(("home", lang, chosen, mapped, way, year), make))


@router.get("/{lang}/countries/{iso2}.{ext}")
def country_file(request: Request, lang: str, iso2: str, ext: str,
                 growth: str | None = None) -> Response:
    portal = portal_of(request)
    lang, method = portal.lang(lang), portal.growth(growth)
    code = portal.country_code(iso2)
    content, media = portal.profile_file(code, lang, ext, method)
    area = portal.areas()[code]
    name = f"{file_stem(code, area.iso2, area.names.text('en'))}-{lang}.{EXTENSIONS.get(ext, ext)}"
    disposition = "inline" if ext in ("html", "json") else f'attachment; filename="{name}"'
    return Response(content, media_type=media, headers={"Content-Disposition": disposition})


MapYear = Annotated[int | None, Query(ge=1800, le=2200)]


def _direction(value: str | None) -> str:
    if value is None:
        return "emigration"
    if value not in corridors.DIRECTIONS:
        raise InvalidParameter("direction", f"{value!r} is not emigration or immigration")
    return value


@router.get("/{lang}/countries/{iso2}")
async def country(request: Request, lang: str, iso2: str, growth: str | None = None,
                  direction: str | None = None, year: MapYear = None) -> Response:
    portal = portal_of(request)
    way = _direction(direction)
    key = ("country", lang, iso2, growth, way, year)
    cached = portal.bytes.get(key)
    if cached is not None:
        return _html(cached)
    body = await run_in_threadpool(_country_page, portal, lang, iso2, growth, way, year)
    return _html(portal.bytes.put(key, body))


def _country_page(portal: Portal, lang: str, iso2: str, growth: str | None, way: str,
                  year: int | None) -> bytes:
    lang, method = portal.lang(lang), portal.growth(growth)
    code = portal.country_code(iso2)
    area = portal.areas()[code]
    name = area.iso2 or iso2
    profile = portal.profile(code, lang, method)
    t = translator(lang)
    embedded = embed_profile(profile, f"/{lang}/countries/{name}", t("table_data"),
                             embed_base=f"/{lang}/embed/countries/{name}",
                             embed_label=t("embed"),
                             row_links=corridors.partner_links(portal, code, lang))
    return render_page("country.html.j2", lang, f"/countries/{name}", profile=profile,
                       iso2=name, embedded=embedded, growth=method,
                       key_figures=views.key_figure_rows(portal, code, lang),
                       corridors=corridors.main_corridors(portal, code, lang),
                       corridors_title=gettext(lang, "Main migration corridors"),
                       flow=corridors.flow_map(portal, code, lang, way, year),
                       flow_action=f"/{lang}/countries/{name}", flow_heading=t("flowmap"),
                       flow_hidden=[("growth", method)]).encode("utf-8")


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
MAX_COMPARED = 12  # lines a chart can still tell apart


def _country_list(portal: Portal, lang: str, chosen: list[str], countries: str) -> list[str]:
    """ISO3 codes of the countries asked for (names, codes or regions, repeated ``country``
    parameters or the older comma list), without repeats, at most ``MAX_COMPARED``."""
    names = list(dict.fromkeys(c.strip() for c in [*chosen, *countries.split(",")]
                               if c.strip()))
    if len(names) > MAX_COMPARED:  # refused before anything is looked up
        raise InvalidParameter("country", f"at most {MAX_COMPARED} countries at once "
                               f"({len(names)} asked for)")
    if not names:
        profiled = portal.profiled()
        return [c for c in COMPARE_DEFAULTS if c in profiled] or list(profiled[:5])
    regions = {code: [c.code for c in links] for code, _, links in
               views.compare_choices(portal, lang)}
    codes: list[str] = []
    for name in names:
        members = regions.get(name.upper()) or regions.get(name)
        for code in members or [portal.country_code(name)]:
            if code not in codes:
                codes.append(code)
    if len(codes) > MAX_COMPARED:
        raise InvalidParameter("country", f"at most {MAX_COMPARED} countries at once "
                               f"({len(codes)} asked for)")
    return codes


def _comparison(request: Request, lang: str, indicator: str | None, country: list[str],
                countries: str, year_from: int, year_to: int, growth: str | None
                ) -> tuple[dict[str, Any], views.Comparison]:
    portal = portal_of(request)
    lang, method = portal.lang(lang), portal.growth(growth)
    found = views.world(portal, lang, indicator, values=False)
    choices, chosen = list(found.choices), found.indicator
    if chosen and chosen not in found.codes:
        raise InvalidParameter("indicator", f"no world totals for {chosen!r}")
    codes = _country_list(portal, lang, country, countries)
    if year_to < year_from:
        raise InvalidParameter("to", "must not be before 'from'")
    result = views.compare(portal, chosen, codes, (year_from, year_to), method, lang)
    context = dict(choices=choices, chosen=chosen, result=result, selected=set(codes),
                   regions=views.compare_choices(portal, lang), year_from=year_from,
                   year_to=year_to, growth=method, title=dict(choices).get(chosen, chosen),
                   partner_name=_world_name(portal, lang),
                   query=urlencode([("indicator", chosen), *[("country", c) for c in codes],
                                    ("from", year_from), ("to", year_to), ("growth", method)]))
    return context, result


YearFrom = Annotated[int, Query(alias="from", ge=1800, le=2200)]
YearTo = Annotated[int, Query(alias="to", ge=1800, le=2200)]


@router.get("/{lang}/compare")
def compare(request: Request, lang: str, indicator: str | None = None,
            country: Annotated[list[str] | None, Query(max_length=MAX_COMPARED * 3)] = None,
            countries: Annotated[str, Query(max_length=2000)] = "",
            year_from: YearFrom = 1990, year_to: YearTo = 2024,
            growth: str | None = None) -> Response:
    context, _ = _comparison(request, lang, indicator, country or [], countries, year_from,
                             year_to, growth)
    return _html(render_page("compare.html.j2", lang, f"/compare?{context['query']}",
                             **context))


@router.get("/{lang}/compare.csv")
def compare_csv(request: Request, lang: str, indicator: str | None = None,
                country: Annotated[list[str] | None, Query(max_length=MAX_COMPARED * 3)] = None,
            countries: Annotated[str, Query(max_length=2000)] = "",
                year_from: YearFrom = 1990, year_to: YearTo = 2024,
                growth: str | None = None) -> Response:
    context, result = _comparison(request, lang, indicator, country or [], countries,
                                  year_from, year_to, growth)
    rows = views.compare_csv_rows(result, translator(lang)("growth"))
    name = f"compare-{context['chosen']}-{year_from}-{year_to}.csv"
    return Response(csv_bytes(rows), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})


def _world_name(portal: Portal, lang: str) -> str:
    world = views.area_of(portal, "WLD")
    return world.names.text(lang) if world else "WLD"


@router.get("/{lang}/legal")
def legal(request: Request, lang: str, q: str = "", dimension: str = "treaties",
          region: str = "") -> Response:
    portal = portal_of(request)
    lang = portal.lang(lang)
    matrix = legal_view.matrix(portal, dimension, lang, region or None)
    hits = views.search(portal, q, lang) if q.strip() else ()
    areas = portal.areas()
    iso2 = {c: a.iso2 for c, a in areas.items() if a.iso2}
    return _html(render_page(
        "legal.html.j2", lang, "/legal", matrix=matrix, q=q, hits=hits, iso2=iso2,
        snippet=_snippet, region=region, names={c: a.names.text(lang) for c, a in areas.items()},
        sources=portal.store.sources(matrix.sources)))


def _snippet(hit: core.SearchResult) -> Markup:
    """A search hit's text with its matched words in ``<mark>``."""
    parts: list[str] = []
    at = 0
    for start, end in hit.matches:
        parts += [Markup.escape(hit.text[at:start]), "<mark>",
                  Markup.escape(hit.text[start:end]), "</mark>"]
        at = end
    parts.append(Markup.escape(hit.text[at:]))
    return Markup("".join(parts))


@router.get("/{lang}/sources")
def sources(request: Request, lang: str) -> Response:
    portal = portal_of(request)
    lang = portal.lang(lang)
    return _html(portal.page(("sources", lang), lambda: render_page(
        "sources.html.j2", lang, "/sources", sources=portal.store.sources())))
