"""The public operations of migprofile; the CLI and the web portal only call these.

    sources → importers → store → indicators → profiles → render
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from migprofile.errors import NotFoundError, PackageError
from migprofile.geo import AreaRegistry, default_registry
from migprofile.importers.extracts import load_bundled_extracts
from migprofile.importers.package_reader import read_package
from migprofile.importers.reference import read_indicators
from migprofile.importers.treaties import reference as treaty_reference
from migprofile.indicators.growth import BY_SOURCE, growth_choice
from migprofile.indicators.tables import PartnerTable, compute_partner_table
from migprofile.model import Area, CountryPackage, Indicator, Observation, PackageInfo, Source
from migprofile.model.languages import LANGUAGES
from migprofile.overview import (
    AreaHolding,
    HoldingCount,
    KeyFigure,
    SeriesSummary,
    areas_with_data,
    holdings,
    key_figures,
    package_series,
)
from migprofile.profiles.corridors.flowmap import CorridorMap as CorridorMap  # the façade's
from migprofile.profiles.corridors.flowmap import MapPartner as MapPartner  # answer types
from migprofile.profiles.growthpolicy import policy_for, table_method
from migprofile.profiles.preflight import check_narratives
from migprofile.profiles.tree import Profile
from migprofile.settings import Settings, get_settings
from migprofile.store import ObservationFilter, Store
from migprofile.store.legal import replace_treaties
from migprofile.store.state import (
    COMPLETE,
    INIT,
    STARTED,
    check_ready,
    database_url,
    mark,
    require_existing,
)
from migprofile.validate import Report
from migprofile.validate.corridors import check_corridor_editions, check_corridor_sources
from migprofile.validate.real_data import check_observations
from migprofile.validate.tables import check_layouts, lookup_for

REGISTRY_ORIGIN = "reference"


def open_store(url: str | None = None, *, settings: Settings | None = None,
               create: bool = True) -> Store:
    """The configured database (a URL or a path), created and migrated to the newest schema
    if needed; with ``create=False`` (read commands) a missing database or one whose
    ``init`` was interrupted is a ``StoreError`` and nothing is created."""
    url = database_url(url or (settings or get_settings()).database_url)
    if not create:
        require_existing(url)
    store = Store.open(url)
    if not create:
        check_ready(store)
    return store


def reference_indicators(settings: Settings | None = None) -> list[Indicator]:
    settings = settings or get_settings()
    report = Report(subject="indicators")
    found = read_indicators(settings.data_dir / "reference" / "indicators.yaml", report)
    if not report.ok:
        raise PackageError("the indicator registry is invalid", report)
    return found


def bundled_packages(settings: Settings | None = None) -> list[Path]:
    root = (settings or get_settings()).data_dir / "countries"
    return sorted(p for p in root.iterdir() if (p / "package.yaml").is_file()) if root.is_dir() \
        else []


@dataclass
class InitResult:
    areas: int = 0
    indicators: int = 0
    packages: list[str] = field(default_factory=list)
    reports: list[Report] = field(default_factory=list)


def init_database(
    store: Store, *, settings: Settings | None = None,
    progress: Callable[[str], None] | None = None, extracts: bool = True,
) -> InitResult:
    """Write the reference areas and indicators, every bundled country package, then (unless
    ``extracts`` is false) the bundled extracts of the international data sets."""
    settings = settings or get_settings()
    registry = default_registry()
    indicators = reference_indicators(settings)
    mark(store, INIT, STARTED)
    with store.transaction() as conn:
        store.upsert_areas(conn, registry.areas(), REGISTRY_ORIGIN)
        store.replace_groupings(conn, registry.groupings())
        store.upsert_indicators(conn, indicators)
        replace_treaties(conn, treaty_reference().values())
        store.bump_version(conn)
    result = InitResult(areas=len(registry.areas()), indicators=len(indicators))
    for folder in bundled_packages(settings):
        if progress:
            progress(f"package {folder.name}")
        report = load_package(store, folder, settings=settings)
        result.packages.append(folder.name)
        result.reports.append(report)
    if extracts:
        result.reports += [b.report for b in load_bundled_extracts(store, settings=settings,
                                                                   progress=progress)]
    mark(store, INIT, COMPLETE)
    return result


def init_step_count(*, settings: Settings | None = None, extracts: bool = True) -> int:
    """How many progress messages ``init_database`` sends (one per package and extract)."""
    from migprofile.importers.extracts import extracts_dir, read_manifest

    steps = len(bundled_packages(settings))
    return steps + (len(read_manifest(extracts_dir(settings))) if extracts else 0)


def read_country_package(
    folder: Path, *, settings: Settings | None = None, registry: AreaRegistry | None = None
) -> tuple[CountryPackage | None, Report]:
    """Read and check a package without writing anything."""
    indicators = {i.code: i for i in reference_indicators(settings)}
    package, report = read_package(folder, indicators=indicators,
                                   registry=registry or default_registry())
    if package is not None and report.ok:
        report.extend(check_layouts(package.layouts, package.observations))
        report.extend(check_narratives(package))
    return package, report


def load_package(store: Store, folder: Path, *, settings: Settings | None = None) -> Report:
    """Read, check and write a country package in one transaction; on any error nothing is
    written and ``PackageError`` carries the report."""
    package, report = read_country_package(folder, settings=settings)
    if package is None or not report.ok:
        raise PackageError(f"{folder}: {len(report.errors)} error(s); nothing was written", report)
    package.indicators = reference_indicators(settings)
    store.replace_package(package)
    return report


def check_country(store: Store, country: str | None = None) -> Report:
    """Re-run the checks on what the database holds for one country (or every packaged one)."""
    countries = [resolve_country(store, country)] if country else \
        [p.country for p in store.packages()]
    report = Report(subject=f"check {country or 'all'}")
    indicators = {i.code: i for i in store.indicators()}
    for code in countries:
        observations = store.observations(ObservationFilter(country=code))
        report.extend(check_layouts(store.layouts(code), observations))
        own = set(store.source_ids_of_origin(f"package:{code}"))  # once, not per observation
        imported = [o for o in observations if o.source_id not in own]
        report.extend(check_observations(imported, sources=store.sources(
            {o.source_id for o in imported}), indicators=indicators))
        report.extend(_spec_coverage(store, code))
        report.extend(check_corridor_sources(observations))
        report.extend(check_corridor_editions(observations, {
            s.id: s for s in store.sources({o.source_id for o in observations})}))
        report.stats[f"{code} observations"] = len(observations)
    return report


def _spec_coverage(store: Store, code: str) -> Report:
    """Package tables and narratives the profile spec does not print, and the reverse."""
    from migprofile.profiles.assemble import standard_spec
    from migprofile.profiles.spec import spec_coverage, spec_for

    iso2 = next((a.iso2 for a in store.areas() if a.code == code), None)
    spec = spec_for(standard_spec(), iso2)
    return spec_coverage(spec, code, [lay.table_id for lay in store.layouts(code)],
                         sorted({n.section for n in store.narratives(code)}))


def resolve_country(store: Store, name: str) -> str:
    """ISO3 code of a country given by code (ISO2/ISO3) or name; NotFoundError if unknown."""
    code = default_registry().try_resolve(name)
    if code is None:
        raise NotFoundError("country", name)
    return code


def area_names(store: Store) -> dict[str, Area]:
    return {a.code: a for a in store.areas()}


@dataclass
class CountryOverview:
    """What the database holds for a country, with its tables computed (for ``show``)."""

    country: str
    name: str
    package: PackageInfo | None
    tables: list[PartnerTable]
    other_observations: list[Observation]
    texts: dict[str, dict[str, int]]  # kind -> lang -> count
    instruments: int
    sources: list[Source]
    observation_count: int
    key_figures: list[KeyFigure] = field(default_factory=list)
    series: list[SeriesSummary] = field(default_factory=list)  # package values outside tables
    single: list[Observation] = field(default_factory=list)
    holdings: list[HoldingCount] = field(default_factory=list)
    indicators: dict[str, Indicator] = field(default_factory=dict)


def country_overview(store: Store, country: str, *, lang: str = "fr",
                     method: str = BY_SOURCE) -> CountryOverview:
    code = resolve_country(store, country)
    observations = store.observations(ObservationFilter(country=code))
    sources = {s.id: s for s in store.sources({o.source_id for o in observations})}
    policy = policy_for(growth_choice(method), sources)
    tables: list[PartnerTable] = []
    used: set[int] = set()
    for layout in store.layouts(code):
        lookup = lookup_for(layout.spec, observations)
        used.update(id(o) for o in lookup.values())
        tables.append(compute_partner_table(
            layout.table_id, layout.spec, lookup,
            table_method(policy, layout.spec, (o.source_id for o in lookup.values()))))
    texts: dict[str, dict[str, int]] = {}
    for kind, items in (("legal cells", [c.text for c in store.cells(code)
                                         if c.framework.value == "legal"]),
                        ("socio-political cells", [c.text for c in store.cells(code)
                                                   if c.framework.value == "socio_political"]),
                        ("narratives", [n.text for n in store.narratives(code)]),
                        ("footnotes", [f.text for f in store.footnotes(code)])):
        texts[kind] = {lang_: sum(1 for t in items if lang_ in t) for lang_ in LANGUAGES}
    source_ids = {o.source_id for o in observations}
    others = [o for o in observations if id(o) not in used]
    own = set(store.source_ids_of_origin(f"package:{code}"))
    series, single = package_series((o for o in others if o.source_id in own),
                                    policy.method(own))
    return CountryOverview(
        country=code, name=default_registry().name(code, lang), package=store.package(code),
        tables=tables, other_observations=others,
        texts=texts, instruments=len(store.instruments(code)),
        sources=store.sources(source_ids), observation_count=len(observations),
        key_figures=key_figures(observations), series=series, single=single,
        holdings=holdings(observations), indicators={i.code: i for i in store.indicators()},
    )


def country_key_figures(store: Store, country: str) -> tuple[str, list[KeyFigure]]:
    """ISO3 code and headline figures (emigrants, immigrants, refugees, remittances)."""
    code = resolve_country(store, country)
    return code, key_figures(store.observations(ObservationFilter(country=code)))


def countries_overview(store: Store, *, lang: str = "en"
                       ) -> tuple[list[AreaHolding], list[AreaHolding]]:
    """Areas with data: countries and territories, then regions, aggregates and groupings."""
    return areas_with_data(store.countries_with_observations(), area_names(store),
                           {p.country for p in store.packages()}, lang)


EXPORT_FORMATS = {"sqlite": "sqlite", "csv": "csv.zip"}


def database_export(store: Store, fmt: str, *, settings: Settings | None = None) -> Path:
    """The data tables as one file (``sqlite``: a SQLite database; ``csv``: a zip of one CSV
    per table), made once per data version under ``<output_dir>/exports/`` and reused."""
    from migprofile.store.export import csv_zip, write_sqlite

    if fmt not in EXPORT_FORMATS:
        raise NotFoundError("export format", fmt)
    folder = (settings or get_settings()).output_dir / "exports"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"migprofile-data-v{store.data_version()}.{EXPORT_FORMATS[fmt]}"
    if path.is_file():
        return path
    partial = path.with_name(f".{path.name}.{os.getpid()}.part")
    try:
        if fmt == "sqlite":
            write_sqlite(store, partial)
        else:
            partial.write_bytes(csv_zip(store))
        partial.replace(path)  # atomic: a reader never sees half a file
    finally:
        partial.unlink(missing_ok=True)
    for older in folder.glob(f"migprofile-data-v*.{EXPORT_FORMATS[fmt]}"):
        if older != path:
            older.unlink(missing_ok=True)
    return path


@dataclass(frozen=True)
class FoundArea:
    code: str
    iso2: str | None
    name: str
    kind: str
    profiled: bool
    exact: bool = False  # the query is this area's code or one of its whole names


def find_areas(query: str, *, lang: str, profiled: set[str] | frozenset[str],
               limit: int = 20) -> list[FoundArea]:
    """Countries and territories whose code, ISO2 code, or any name or alias in any language
    matches ``query`` (case, accents and punctuation do not count); profiled ones first."""
    from migprofile.model import AreaKind

    registry = default_registry()
    codes = registry.search(query, kinds=(AreaKind.COUNTRY,), limit=limit * 3)
    exact = registry.try_resolve(query)
    found = [FoundArea(c, registry.get(c).iso2, registry.name(c, lang), "country",
                       c in profiled, c == exact) for c in codes]
    found.sort(key=lambda f: not f.profiled)  # stable: the match order stays within each
    return found[:limit]


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
