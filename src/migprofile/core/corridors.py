"""Migration corridors (two countries, both directions) behind the façade."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from migprofile.core import resolve_country
from migprofile.errors import NotFoundError
from migprofile.geo import default_registry
from migprofile.indicators.growth import BY_SOURCE, growth_choice
from migprofile.profiles.corridors.flowmap import CorridorMap
from migprofile.profiles.tree import Profile
from migprofile.store import Store


def corridor(store: Store, a: str, b: str, *, lang: str,
             method: str = BY_SOURCE) -> Profile:
    """The corridor profile of two countries (given by code or name), in one language: both
    directions' statistics, the agreements between them, visas both ways, treaty statuses."""
    from migprofile.profiles.corridors import corridor_profile, load_corridor

    first, second = resolve_country(store, a), resolve_country(store, b)
    if first == second:
        raise NotFoundError("corridor", f"{a}-{b}")
    return corridor_profile(load_corridor(store, first, second), lang,
                            method=growth_choice(method))


def write_corridor(store: Store, a: str, b: str, *, langs: tuple[str, ...],
                   formats: tuple[str, ...], out_dir: Path, method: str = BY_SOURCE
                   ) -> list[Path]:
    """Render a corridor in every language and format: OUT/corridor-<A>-<B>-<lang>.<ext>."""
    from migprofile.build import write_rendered

    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for lang in langs:
        profile = corridor(store, a, b, lang=lang, method=method)
        written += write_rendered(profile, formats, out_dir / f"corridor-{profile.country}-{lang}")
    return written


def main_corridors(store: Store, country: str, n: int = 5) -> dict[str, list[tuple[str, float,
                                                                                   str]]]:
    """A country's main corridors: its first destinations and origins by UN DESA stock
    (``{"destinations": [(partner, stock, period)...], "origins": [...]}``)."""
    from migprofile.store.corridors import top_partners

    code = resolve_country(store, country)
    return {"destinations": top_partners(store, "emigrant_stock_birth", code, n),
            "origins": top_partners(store, "immigrant_stock_birth", code, n)}


def corridor_map(store: Store, country: str, direction: str = "emigration",
                 year: int | None = None, *, lang: str, limit: int = 20) -> CorridorMap:
    """A country's corridors for a map: its first ``limit`` destinations (``emigration``) or
    origins (``immigration``) by UN DESA stock in ``year`` (default: the newest), each with
    its share of the country's total and its point on the bundled atlas."""
    from migprofile.profiles.corridors.flowmap import corridor_map as build

    return build(store, resolve_country(store, country), direction, year, lang, limit)


def corridor_map_spec(found: CorridorMap, *, lang: str, data_url: str, title: str,
                      value_title: str, name_title: str, share_title: str) -> dict[str, Any]:
    """The Vega-Lite flow map of ``found`` (profiles.charts.flow_map), its partners read
    from ``data_url`` (the API's answer for the same map)."""
    from migprofile.profiles.charts import flow_map

    area = default_registry().get(found.country)
    origin = (found.lon, found.lat) if found.lon is not None and found.lat is not None \
        else None
    return flow_map(f"flowmap-{found.country}-{found.direction}", title, lang=lang,
                    data_url=data_url, country_m49=area.m49, origin=origin,
                    value_title=value_title, name_title=name_title, share_title=share_title,
                    extent=[(p.lon, p.lat) for p in found.partners
                            if p.lon is not None and p.lat is not None]
                    + ([origin] if origin else []),
                    largest=max((p.value for p in found.partners), default=None))


def located(code: str, lang: str) -> str:
    """The area's name as a place in ``lang``: "au Maroc", "in Morocco", "في المغرب"."""
    from migprofile.geo import grammar

    return grammar.located(code, default_registry().name(code, lang), lang)
