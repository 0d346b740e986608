"""A country's corridors for a map: its destinations (people born in the country living
abroad) or its origins (immigrants living in it), UN DESA bilateral stocks of one year, each
partner with its rank, its share of the country's total and its point on the bundled atlas."""

from __future__ import annotations

from dataclasses import dataclass

from migprofile.errors import NotFoundError
from migprofile.geo import default_registry
from migprofile.geo.atlas import centroids
from migprofile.indicators.shares import share
from migprofile.store import Store
from migprofile.store.corridors import partner_periods, partner_values

#: direction -> the indicator stored for the country (its partners are the other ends)
DIRECTIONS = {"emigration": "emigrant_stock_birth", "immigration": "immigrant_stock_birth"}
LIMIT = 20  # partners a map can still tell apart; the rest are counted, not drawn


@dataclass(frozen=True)
class MapPartner:
    code: str  # ISO3
    iso2: str | None
    name: str  # in the requested language
    value: float  # persons
    share: float | None  # % of the country's total (world) in the same source and year
    rank: int  # 1 = the largest
    lon: float | None  # the partner's point on the atlas; None: too small for 1:110m
    lat: float | None


@dataclass(frozen=True)
class CorridorMap:
    country: str  # ISO3
    iso2: str | None
    name: str
    direction: str  # emigration | immigration
    indicator: str
    year: str  # the period shown
    years: tuple[str, ...]  # every period with partner values, oldest first
    source_id: str
    total: float | None  # the country's world total of the indicator (same source, year)
    partner_count: int  # partners with a value (the map draws the first ``limit``)
    partners: tuple[MapPartner, ...]
    lon: float | None
    lat: float | None


def corridor_map(store: Store, country: str, direction: str, year: int | None, lang: str,
                 limit: int = LIMIT) -> CorridorMap:
    """``country`` (ISO3) and its first ``limit`` partners in ``direction`` for ``year``
    (default: the newest); NotFoundError for an unknown direction or a year without data."""
    indicator = DIRECTIONS.get(direction)
    if indicator is None:
        raise NotFoundError("direction", direction)
    years = tuple(partner_periods(store, indicator, country))
    period = str(year) if year is not None else (years[-1] if years else None)
    if period is None or period not in years:
        raise NotFoundError("year", f"{direction} {year}")
    found = partner_values(store, indicator, country, period)
    if found is None:  # pragma: no cover - the periods above come from the same rows
        raise NotFoundError("year", period)
    registry = default_registry()
    points = centroids()

    def where(code: str) -> tuple[float | None, float | None]:
        m49 = registry.get(code).m49 if code in registry else None
        point = points.get(m49) if m49 is not None else None
        return point if point else (None, None)

    partners = tuple(
        MapPartner(code, registry.get(code).iso2 if code in registry else None,
                   registry.name(code, lang) if code in registry else code, value,
                   share(value, found.total) if found.total else None, rank, *where(code))
        for rank, (code, value) in enumerate(found.values[:limit], start=1))
    here = registry.get(country) if country in registry else None
    return CorridorMap(country, here.iso2 if here else None, registry.name(country, lang)
                       if here else country, direction, indicator, found.period, years,
                       found.source_id, found.total, len(found.values),
                       partners, *where(country))
