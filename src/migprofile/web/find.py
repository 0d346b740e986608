"""Finding countries and taking the data away: ``/{lang}/find`` (the home page's search
without JavaScript), ``/api/v1/areas/search``, and the whole database as SQLite or CSV."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.concurrency import run_in_threadpool
from starlette.responses import FileResponse, RedirectResponse, Response

from migprofile import core
from migprofile.errors import NotFoundError
from migprofile.web import models as m
from migprofile.web import serialize as ser
from migprofile.web.models import documented
from migprofile.web.pages import portal_of, render_page

pages = APIRouter(include_in_schema=False)
api = APIRouter(prefix="/api/v1", tags=["api"])
QUERY = Annotated[str, Query(min_length=1, max_length=100, pattern=m.NO_CONTROL,
                             description="name, alias or code")]


def _found(request: Request, q: str, lang: str, limit: int) -> list[core.FoundArea]:
    portal = portal_of(request)
    return core.find_areas(q, lang=lang, profiled=set(portal.profiled()), limit=limit)


@pages.get("/{lang}/find")
def find(request: Request, lang: str, q: QUERY) -> Response:
    """One profiled match (or an exact code or whole name): straight to its page; else the
    list of matches."""
    portal = portal_of(request)
    lang = portal.lang(lang)
    found = _found(request, q, lang, 30)
    profiled = [f for f in found if f.profiled and f.iso2]
    chosen = next((f for f in profiled if f.exact), None) or \
        (profiled[0] if len(profiled) == 1 else None)
    if chosen is not None:
        return RedirectResponse(f"/{lang}/countries/{chosen.iso2}", status_code=303)
    body = render_page("find.html.j2", lang, f"/find?q={q}", q=q, found=found)
    return Response(body, media_type="text/html; charset=utf-8")


@api.get("/areas/search", summary="Countries whose names (any language), aliases or codes match",
         responses=documented(m.AreaSearch))
def search_areas(request: Request, q: QUERY,
                 lang: m.LangQuery = "en",
                 limit: Annotated[int, Query(ge=1, le=50)] = 10) -> Response:
    found: list[dict[str, Any]] = [
        {"code": f.code, "iso2": f.iso2, "name": f.name, "profiled": f.profiled,
         "url": f"/{lang}/countries/{f.iso2}" if f.profiled and f.iso2 else None}
        for f in _found(request, q, lang, limit)]
    return Response(ser.dumps({"query": q, "areas": found}), media_type="application/json")


MEDIA = {"sqlite": "application/vnd.sqlite3", "csv": "application/zip"}
NAMES = {"sqlite": "migprofile.sqlite", "csv": "migprofile-csv.zip"}


@pages.get("/downloads/{name}")
async def database_file(request: Request, name: str) -> Response:
    """The whole database (its data tables) as SQLite or as CSV files in a zip."""
    fmt = next((f for f, n in NAMES.items() if n == name), None)
    if fmt is None:
        raise NotFoundError("download", name)
    portal = portal_of(request)
    path = await run_in_threadpool(lambda: core.database_export(portal.store, fmt,
                                                                settings=portal.settings))
    return FileResponse(path, media_type=MEDIA[fmt], filename=NAMES[fmt])
