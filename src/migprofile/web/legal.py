"""The legal matrix on the portal and in the API: ``/api/v1/legal`` (the dimensions) and
``/api/v1/legal/{dimension}`` (one dimension for every country, or a region or a country),
each cell with its source and as-of date. The page ``/{lang}/legal`` shows the same data
(``matrix``). Built by ``core.legal_matrix``; cached per data version."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request
from starlette.responses import Response

from migprofile import core
from migprofile.core import DIMENSIONS, LegalMatrix
from migprofile.web import models
from migprofile.web import serialize as ser
from migprofile.web.models import documented
from migprofile.web.portal import Portal

__all__ = ["DIMENSIONS", "matrix", "router"]

router = APIRouter(prefix="/api/v1/legal", tags=["legal"])
Dimension = Annotated[str, Path(description="One of: " + ", ".join(DIMENSIONS))]


def matrix(portal: Portal, dimension: str, lang: str, region: str | None = None
           ) -> LegalMatrix:
    result: LegalMatrix = portal.cached(
        ("legal-matrix", dimension, lang, region or ""),
        lambda: core.legal_matrix(portal.store, dimension=dimension, lang=lang,
                                  areas=portal.areas(), region=region or None))
    return result


def _portal(request: Request) -> Portal:
    portal: Portal = request.app.state.portal
    return portal


def matrix_json(m: LegalMatrix, countries: list[str]) -> dict[str, Any]:
    return {
        "dimension": m.dimension, "title": m.title, "sources": m.sources,
        "columns": [{"key": c.key, "title": c.title, "as_of": c.as_of} for c in m.columns],
        "countries": [{"country": code, "cells": {
            c.key: {"text": cell.text, "value": cell.value, "source_id": cell.source_id,
                    "as_of": cell.as_of}
            for c in m.columns if (cell := m.cells.get((c.key, code))) is not None}}
            for code in countries],
    }


Lang = models.LangQuery


@router.get("", summary="The dimensions of the legal matrix",
            responses=documented(models.LegalDimensions))
def dimensions(lang: Lang = "en") -> Response:
    return Response(ser.dumps({"dimensions": [
        {"key": d, "title": title, "href": f"/api/v1/legal/{d}"}
        for d, title in core.legal_dimensions(lang=lang)]}), media_type="application/json")


@router.get("/{dimension}", summary="One dimension of the legal matrix, every country",
            responses=documented(models.LegalMatrixOut))
def dimension(request: Request, dimension: Dimension, lang: Lang = "en",
              region: Annotated[str | None, Query(description="UN region, e.g. UN:002")] = None,
              country: Annotated[str | None, Query(description="ISO2, ISO3 or name")] = None,
              ) -> Response:
    """Treaty statuses, nationality rules, visa openness, labour agreements or General
    Assembly votes; every cell with its ``source_id`` and ``as_of`` date."""
    portal = _portal(request)
    m = matrix(portal, dimension, lang, region)
    countries = [portal.country_code(country)] if country else m.countries
    return Response(ser.dumps(matrix_json(m, [c for c in countries if c in m.countries])),
                    media_type="application/json")
