"""The public operations of migprofile; the CLI and the web portal only call these.

    sources → importers → store → indicators → profiles → render

Keyword-only functions returning dataclasses; the shells parse input, call them and format
the answer. This module holds the database's life cycle and the per-country operations; the
submodules the rest (``world``, ``legal``, ``texts``, ``imports``, ``observations``), all
re-exported here, as are the types a shell names in its signatures (``Store``,
``GrowthMethod``, ``ObservationFilter``, ``PartnerTable``, ``Report``, ``Severity``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from migprofile.core import inittemplate
from migprofile.core.inittemplate import TemplateUse
from migprofile.errors import DataError, NotFoundError, PackageError
from migprofile.geo import AreaRegistry, default_registry
from migprofile.importers.extracts import load_bundled_extracts
from migprofile.importers.package_reader import read_package
from migprofile.importers.reference import reference_indicators as registry_indicators
from migprofile.importers.treaties import reference as treaty_reference
from migprofile.indicators.growth import BY_SOURCE, GROWTH_CHOICES, GrowthMethod, growth_choice
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
from migprofile.validate import Report, Severity
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
    """The indicator registry (``PackageError`` when it is invalid: nothing can be loaded)."""
    try:
        return list(registry_indicators((settings or get_settings()).data_dir))
    except DataError as exc:
        raise PackageError("the indicator registry is invalid", exc.report) from exc


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
    template: TemplateUse | None = None  # set when the database was copied from a template


def init_database(
    store: Store, *, settings: Settings | None = None,
    progress: Callable[[str], None] | None = None, extracts: bool = True,
    template: bool = True,
) -> InitResult:
    """Write the reference areas and indicators, every bundled country package, then (unless
    ``extracts`` is false) the bundled extracts of the international data sets.

    A SQLite database that holds nothing yet is filled from the init template instead
    (``core.inittemplate``: the same content, built once per data and code version) unless
    ``template`` is false or the ``init_cache`` setting is off."""
    settings = settings or get_settings()
    if template and inittemplate.eligible(store, settings):
        built: list[InitResult] = []

        def build(target: Store) -> dict[str, object]:
            built.append(_load_all(target, settings, progress, extracts))
            return {"areas": built[0].areas, "indicators": built[0].indicators,
                    "packages": built[0].packages}

        use = inittemplate.fill_from_template(store, settings, extracts=extracts,
                                              build=build, progress=progress)
        if use is not None:
            result = built[0] if built else InitResult(
                areas=int(use.summary["areas"]), indicators=int(use.summary["indicators"]),
                packages=[str(p) for p in use.summary["packages"]])
            result.template = use
            return result
    return _load_all(store, settings, progress, extracts)


def _load_all(store: Store, settings: Settings, progress: Callable[[str], None] | None,
              extracts: bool) -> InitResult:
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
        with store.deferred_indexes():
            result.reports += [b.report for b in load_bundled_extracts(
                store, settings=settings, progress=progress)]
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


def match_keys(code: str) -> tuple[str, ...]:
    """The folded forms of every name and alias of an area (what a name filter matches)."""
    return default_registry().match_keys(code)


def area_name(code: str, *, lang: str) -> str:
    """An area's name in ``lang`` from the reference registry (the code if it has none)."""
    return default_registry().name(code, lang)


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


# the rest of the façade; imported last, as these modules use the functions above
from migprofile.core.corridors import (  # noqa: E402
    corridor,
    corridor_map,
    corridor_map_spec,
    located,
    main_corridors,
    write_corridor,
)
from migprofile.core.export import (  # noqa: E402
    EXPORT_FORMATS,
    FoundArea,
    database_export,
    find_areas,
)
from migprofile.core.imports import (  # noqa: E402
    Diff,
    DiffRow,
    Format,
    ImportResult,
    SourcesOverview,
    diff,
    formats,
    import_file,
    sources_overview,
)
from migprofile.core.legal import (  # noqa: E402
    DIMENSIONS,
    LegalMatrix,
    MatrixCell,
    MatrixColumn,
    legal_dimensions,
    legal_matrix,
)
from migprofile.core.observations import (  # noqa: E402
    ObservationPage,
    area_code,
    observation_list,
    observation_page,
)
from migprofile.core.texts import SearchResult, search  # noqa: E402
from migprofile.core.world import (  # noqa: E402
    MAP_DEFAULTS,
    WORLD,
    ComparedCountry,
    Comparison,
    WorldIndicators,
    WorldValue,
    compare,
    world_indicators,
)

__all__ = [
    "BY_SOURCE",
    "DIMENSIONS",
    "EXPORT_FORMATS",
    "GROWTH_CHOICES",
    "MAP_DEFAULTS",
    "WORLD",
    "AreaHolding",
    "ComparedCountry",
    "Comparison",
    "CorridorMap",
    "CountryOverview",
    "Diff",
    "DiffRow",
    "Format",
    "FoundArea",
    "GrowthMethod",
    "ImportResult",
    "InitResult",
    "KeyFigure",
    "LegalMatrix",
    "MapPartner",
    "MatrixCell",
    "MatrixColumn",
    "ObservationFilter",
    "ObservationPage",
    "PartnerTable",
    "Report",
    "SearchResult",
    "Severity",
    "SourcesOverview",
    "Store",
    "WorldIndicators",
    "WorldValue",
    "area_code",
    "area_name",
    "area_names",
    "bundled_packages",
    "check_country",
    "compare",
    "corridor",
    "corridor_map",
    "corridor_map_spec",
    "countries_overview",
    "country_key_figures",
    "country_overview",
    "database_export",
    "diff",
    "find_areas",
    "formats",
    "growth_choice",
    "import_file",
    "init_database",
    "init_step_count",
    "legal_dimensions",
    "legal_matrix",
    "load_package",
    "located",
    "main_corridors",
    "match_keys",
    "observation_list",
    "observation_page",
    "open_store",
    "read_country_package",
    "reference_indicators",
    "resolve_country",
    "search",
    "sources_overview",
    "world_indicators",
    "write_corridor",
]
