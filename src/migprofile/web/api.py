"""The JSON API, ``/api/v1/…``: plain dicts dumped with ``json``; errors in one shape."""

from __future__ import annotations

from typing import Annotated, Any, Literal
from urllib.parse import urlencode

from fastapi import APIRouter, Query, Request
from fastapi.concurrency import run_in_threadpool
from starlette.responses import Response

from migprofile import core
from migprofile.core import ObservationFilter
from migprofile.web import models as m
from migprofile.web import serialize as ser
from migprofile.web.models import GrowthQuery, documented
from migprofile.web.portal import Portal

router = APIRouter(prefix="/api/v1", tags=["api"])
JSON = "application/json"
MAX_LIMIT = 1000
MAX_OFFSET = 10**9  # beyond any table's size; larger integers would overflow SQL integers


def _portal(request: Request) -> Portal:
    portal: Portal = request.app.state.portal
    return portal


def _json(value: Any) -> Response:
    return Response(ser.dumps(value), media_type=JSON)


@router.get("/areas", summary="Every area: countries, regions, groupings",
            responses=documented(m.AreaList))
def areas(request: Request) -> Response:
    portal = _portal(request)
    return Response(portal.bytes.get_or_make(("api-areas",), lambda: ser.dumps(
        {"areas": [ser.area(a) for a in portal.areas().values()]})), media_type=JSON)


@router.get("/indicators", summary="Every indicator with its names and unit",
            responses=documented(m.IndicatorList))
def indicators(request: Request) -> Response:
    return _json({"indicators": [ser.indicator(i) for i in _portal(request).store.indicators()]})


def _partner(value: str | None) -> str | None:
    if value is None:
        return None
    return core.area_code(value)


@router.get("/observations", summary="Observations, filtered and paginated (JSON or CSV)",
            responses=documented(m.ObservationPage, csv=True))
async def observations(
    request: Request,
    indicator: str | None = None,
    country: Annotated[str | None, Query(description="ISO2, ISO3 or name")] = None,
    partner: Annotated[str | None, Query(description="area code or name")] = None,
    year_from: Annotated[int | None, Query(alias="from", ge=1800, le=2200)] = None,
    year_to: Annotated[int | None, Query(alias="to", ge=1800, le=2200)] = None,
    sex: Literal["total", "male", "female"] | None = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 100,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
    format: Literal["json", "csv"] = "json",
) -> Response:
    portal = _portal(request)
    key = ("api-obs", str(request.url.query))
    found = portal.bytes.get(key)
    if found is None:
        where = ObservationFilter(
            indicator=indicator, country=portal.country_code(country) if country else None,
            partner=_partner(partner), year_from=year_from, year_to=year_to, sex=sex)
        found = await run_in_threadpool(_observations, portal, where, request, limit, offset,
                                        format)
        portal.bytes.put(key, found)
    media = "text/csv; charset=utf-8" if format == "csv" else JSON
    return Response(found, media_type=media)


def _observations(portal: Portal, where: ObservationFilter, request: Request, limit: int,
                  offset: int, fmt: str) -> bytes:
    if fmt == "csv":
        rows = core.observation_list(portal.store, where=where, limit=limit, offset=offset)
        return ser.csv_bytes(ser.observation_rows(rows))
    page = core.observation_page(portal.store, where=where, limit=limit, offset=offset)
    following = None
    if page.next_offset is not None:
        params = dict(request.query_params) | {"offset": str(page.next_offset),
                                               "limit": str(limit)}
        following = f"{request.url.path}?{urlencode(params)}"
    return ser.dumps({"total": page.total, "limit": limit, "offset": offset, "next": following,
                      "observations": list(page.records)})


@router.get("/profiles/{iso2}", summary="The profile tree of a country in one language",
            responses=documented(m.ProfileDocument))
async def profile(request: Request, iso2: str, lang: m.LangQuery = "fr",
                  growth: GrowthQuery = None) -> Response:
    portal = _portal(request)
    method = portal.growth(growth)
    key = ("api-profile", iso2, lang, method)
    found = portal.bytes.get(key)
    if found is None:
        code = portal.country_code(iso2)
        content, _ = await run_in_threadpool(portal.profile_file, code, lang, "json", method)
        found = portal.bytes.put(key, content)
    return Response(found, media_type=JSON)


@router.get("/legal-instruments", summary="Legal instruments, optionally of one country",
            responses=documented(m.InstrumentList))
def legal_instruments(request: Request, country: str | None = None) -> Response:
    portal = _portal(request)
    code = portal.country_code(country) if country else None
    items = portal.store.instruments(code)
    return _json({"legal_instruments": [ser.instrument(i) for i in items]})


@router.get("/sources", summary="Every source with edition, access date, sha256, citation",
            responses=documented(m.SourceList))
def sources(request: Request) -> Response:
    return _json({"sources": [ser.source(s) for s in _portal(request).store.sources()]})
