"""The JSON API's response shapes, as pydantic models: they make the OpenAPI document say
what each route answers (not ``{}``), so that clients and schema checks (schemathesis, in
the test suite) can hold the API to it. The routes still write their JSON with
``web.serialize`` (fast, cached bytes); these models describe those bytes exactly — a field
added to ``serialize`` without its model fails the schema test (``extra="forbid"``).
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import FastAPI, Query
from pydantic import BaseModel, ConfigDict

from migprofile.model import AreaKind, Basis, InstrumentKind, InstrumentStatus, Sex, Status
from migprofile.model.languages import LANGUAGES
from migprofile.settings import GROWTH_CHOICES

Texts = dict[str, str]  # language -> text


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class AreaOut(_Strict):
    code: str
    kind: AreaKind
    iso2: str | None
    m49: int | None
    region: str | None
    subregion: str | None
    names: Texts


class AreaList(_Strict):
    areas: list[AreaOut]


class LegalDimensionOut(_Strict):
    key: str
    title: str
    href: str


class LegalDimensions(_Strict):
    dimensions: list[LegalDimensionOut]


class LegalColumnOut(_Strict):
    key: str
    title: str
    as_of: str | None


class LegalCellOut(_Strict):
    text: str
    value: Any
    source_id: str | None
    as_of: str | None


class LegalCountryOut(_Strict):
    country: str
    cells: dict[str, LegalCellOut]


class LegalMatrixOut(_Strict):
    dimension: str
    title: str
    sources: Any  # the sources of the dimension, with their citations
    columns: list[LegalColumnOut]
    countries: list[LegalCountryOut]


class FoundAreaOut(_Strict):
    code: str
    iso2: str | None
    name: str
    profiled: bool
    url: str | None  # the country's page, when it is profiled


class AreaSearch(_Strict):
    query: str
    areas: list[FoundAreaOut]


class IndicatorOut(_Strict):
    code: str
    unit: str
    basis: Basis
    direction: str | None
    names: Texts
    definition: Texts
    digits: int | None = None  # decimals the values are printed with (None: the unit's rule)


class IndicatorList(_Strict):
    indicators: list[IndicatorOut]


class ObservationOut(_Strict):
    indicator: str
    country: str
    partner: str
    period: str
    value: float | None
    sex: Sex
    status: Status
    source_id: str
    breakdown: dict[str, str] | None


class ObservationPage(_Strict):
    total: int
    limit: int
    offset: int
    next: str | None
    observations: list[ObservationOut]


class InstrumentOut(_Strict):
    id: str
    country: str
    kind: InstrumentKind
    status: InstrumentStatus
    title: Texts
    short_name: Texts
    number: str | None
    adopted: str | None
    signed: str | None
    ratified: str | None
    in_force: str | None
    years: list[int]
    parties: list[str]
    source_id: str | None
    notes: Texts
    as_of: str | None


class InstrumentList(_Strict):
    legal_instruments: list[InstrumentOut]


class SourceOut(_Strict):
    id: str
    publisher: str
    title: Texts
    edition: str | None
    url: str | None
    accessed: str | None
    sha256: str | None
    licence: str | None
    citation: Texts
    note: Texts


class SourceList(_Strict):
    sources: list[SourceOut]


class MapPartnerOut(_Strict):
    code: str
    iso2: str | None
    name: str
    value: float
    share: float | None  # % of the country's world total, same source and year
    rank: int
    lon: float | None  # the point on the bundled atlas; null when too small for 1:110m
    lat: float | None
    url: str  # the corridor's page


class CorridorMapOut(_Strict):
    country: str
    iso2: str | None
    name: str
    direction: str
    indicator: str
    year: str
    years: list[str]
    source_id: str
    total: float | None
    partner_count: int
    lon: float | None
    lat: float | None
    partners: list[MapPartnerOut]


class ProfileDocument(BaseModel):
    """The profile tree (``render.json``; its blocks are described in docs/rendering.md)."""

    model_config = ConfigDict(extra="allow")
    format: str
    format_version: int
    country: str
    iso2: str
    lang: str
    direction: str
    title: str
    edition: str
    cover: dict[str, Any]
    sections: list[dict[str, Any]]
    sources: list[dict[str, Any]]
    method_note: str
    growth_method: str
    data_version: int


class ErrorDetail(_Strict):
    code: str
    message: str
    details: Any = None


class ErrorBody(_Strict):
    error: ErrorDetail


ERRORS: dict[int | str, dict[str, Any]] = {
    404: {"model": ErrorBody, "description": "Unknown country, route or id"},
    422: {"model": ErrorBody, "description": "Invalid parameter"},
}


# The language of a request: the registry's codes, validated (422 otherwise) and listed in OpenAPI.
LangQuery = Annotated[str, Query(pattern="^(" + "|".join(LANGUAGES) + ")$",
                                 description="Language: " + ", ".join(LANGUAGES),
                                 json_schema_extra={"enum": list(LANGUAGES)})]

# The growth formula of a request: each source's convention (default) or one for every rate.
GrowthQuery = Annotated[str | None, Query(
    pattern="^(" + "|".join(GROWTH_CHOICES) + ")$",
    description="Growth formula: source (each source's convention: UN DESA exponential, "
                "national sources linear), linear (CARIM) or exponential (UN DESA)",
    json_schema_extra={"enum": list(GROWTH_CHOICES)})]


def documented(model: type[BaseModel], *, csv: bool = False) -> dict[int | str, dict[str, Any]]:
    """``responses=`` of a route answering ``model`` (and the error shape); ``csv``: also
    ``text/csv`` (``format=csv``)."""
    ok: dict[str, Any] = {"model": model, "description": "OK"}
    if csv:
        ok["content"] = {"text/csv": {"schema": {"type": "string"}}}
    return {200: ok, **ERRORS}


NO_CONTROL = r"^[^\u0000-\u001f\u007f]*$"  # what web.hardening lets through


def install_openapi(app: FastAPI) -> None:
    """The app's OpenAPI document, with every string parameter limited to text without
    control characters (``web.hardening`` refuses them with 422 before any route runs)."""
    plain = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            document = plain()
            for item in document.get("paths", {}).values():
                for operation in item.values():
                    for parameter in operation.get("parameters", ()):
                        _no_control(parameter.get("schema", {}))
            app.openapi_schema = document
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


def _no_control(schema: dict[str, Any]) -> None:
    if schema.get("type") == "string" and "pattern" not in schema and "enum" not in schema:
        schema["pattern"] = NO_CONTROL
    for option in schema.get("anyOf", ()):
        _no_control(option)
