"""Building profile files: (countries × languages × formats) → DIR/<ISO2>-<lang>.<ext>."""

from __future__ import annotations

import multiprocessing
import os
import re
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path

from migprofile.errors import MigprofileError
from migprofile.indicators.growth import GrowthMethod
from migprofile.profiles.assemble import assemble_profile
from migprofile.profiles.data import CountryData, load_country_data
from migprofile.profiles.tree import Profile
from migprofile.render import FORMATS as FORMATS  # the renderers' list, re-exported
from migprofile.store import Store


class NotProfiled(MigprofileError):
    """An area has no data to fill a profile: it is listed with its reason, never written
    as an empty document."""


@dataclass(frozen=True)
class BuildRequest:
    countries: tuple[str, ...]
    langs: tuple[str, ...] = ("fr",)
    formats: tuple[str, ...] = ("html",)
    out_dir: Path = Path("build")
    method: GrowthMethod | None = None


@dataclass
class BuildResult:
    written: list[Path] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)  # country -> error


def build_profile(store: Store, country: str, lang: str,
                  method: GrowthMethod | None = None) -> Profile:
    return assemble_profile(load_country_data(store, country), lang, method=method)


def write_country(data: CountryData, request: BuildRequest) -> list[Path]:
    """Assemble and render every language and format of one country; returns the files."""
    request.out_dir.mkdir(parents=True, exist_ok=True)
    area = data.areas.get(data.country)
    stem = file_stem(data.country, area.iso2 if area else None,
                     area.names.text("en") if area else data.country)
    written = []
    for lang in request.langs:
        profile = assemble_profile(data, lang, method=request.method)
        if not profile.sections:
            reason = special_areas()["not_profiled"].get(data.country, "no data to profile")
            raise NotProfiled(f"{data.country} is not profiled: {reason}")
        written += write_rendered(profile, request.formats, request.out_dir / f"{stem}-{lang}")
    return written


def write_rendered(profile: Profile, formats: Iterable[str], base: Path) -> list[Path]:
    """Write ``profile`` in each format as ``<base>.<ext>``; returns the files."""
    from migprofile.render import EXTENSIONS, render

    written = []
    for fmt in formats:
        path = base.with_name(f"{base.name}.{EXTENSIONS[fmt]}")
        content = render(profile, fmt)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        written.append(path)
    return written


def _worker(url: str, country: str, request: BuildRequest) -> tuple[str, list[Path], str | None]:
    store = Store.open(url, create=False)
    try:
        return country, write_country(load_country_data(store, country), request), None
    except MigprofileError as exc:
        return country, [], str(exc)
    finally:
        store.close()


def build_many(store: Store, request: BuildRequest, *, workers: int | None = None,
               progress: Callable[[str], None] | None = None) -> BuildResult:
    """Build every requested country; several processes when there are several countries."""
    result = BuildResult()
    url = store.engine.url.render_as_string(hide_password=False)
    parallel = len(request.countries) > 1 and ":memory:" not in url and url != "sqlite://"
    if not parallel:
        for country in request.countries:
            try:
                result.written += write_country(load_country_data(store, country), request)
            except MigprofileError as exc:
                result.failed[country] = str(exc)
            if progress:
                progress(country)
        return result
    count = workers or min(len(request.countries), os.cpu_count() or 1)
    # spawned, not forked: a parent that has already drawn a chart or typeset a PDF holds
    # threads of vl-convert and Typst, and a forked child would wait on their locks forever
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=count, mp_context=context) as pool:
        futures = [pool.submit(_worker, url, c, request) for c in request.countries]
        for future in as_completed(futures):
            country, files, error = future.result()
            result.written += files
            if error:
                result.failed[country] = error
            if progress:
                progress(country)
    result.written.sort()
    return result


def parse_list(value: str, allowed: Iterable[str], what: str) -> tuple[str, ...]:
    items = tuple(v.strip() for v in value.split(",") if v.strip())
    unknown = [v for v in items if v not in allowed]
    if unknown or not items:
        raise ValueError(f"unknown {what} {unknown or value!r}; choose from {', '.join(allowed)}")
    return items


STOCK_INDICATORS = ("emigrant_stock", "emigrant_stock_birth", "immigrant_stock_birth")


def special_areas() -> dict[str, dict[str, str]]:
    """``profiled`` and ``not_profiled`` areas with their reasons (data/reference/areas)."""
    from migprofile.importers.reference import read_reference_yaml
    from migprofile.settings import get_settings

    path = get_settings().data_dir / "reference" / "areas" / "special_areas.yaml"
    data: dict[str, dict[str, str]] = read_reference_yaml(path)
    return {key: dict(data.get(key) or {}) for key in ("profiled", "not_profiled")}


def profile_readiness(store: Store) -> tuple[list[str], dict[str, str]]:
    """Countries with enough data for a profile, and the others with the reason.

    Enough: a country data package, or migrant stocks by partner (UN DESA) — the core of the
    demographic-economic framework. Groupings and aggregates are never profiled, except the
    areas ``special_areas.yaml`` lists (the Channel Islands); every country left out is listed
    with its reason, including those the database holds nothing for."""
    packaged = {p.country for p in store.packages()}
    kinds = {a.code: a.kind.value for a in store.areas()}
    special = special_areas()
    ready, skipped = [], {}
    counts_of = store.indicator_counts()
    for country, counts in sorted(counts_of.items()):
        if kinds.get(country) != "country" and country not in special["profiled"]:
            continue
        if country in packaged or any(counts.get(i, 0) > 1 for i in STOCK_INDICATORS):
            ready.append(country)
        else:
            held = ", ".join(sorted(counts)) or "nothing"
            skipped[country] = special["not_profiled"].get(country) or \
                f"no migrant stock by partner (holds only: {held})"
    for code, kind in sorted(kinds.items()):
        if kind == "country" and code not in counts_of:
            skipped[code] = special["not_profiled"].get(code) or "no data in the database"
    return ready, skipped


def file_stem(code: str, iso2: str | None, english_name: str) -> str:
    """ISO 3166 alpha-2 code, else a slug of the English name ("channel-islands"): never
    a ':' or a space in a file name."""
    if iso2:
        return iso2
    slug = re.sub(r"[^a-z0-9]+", "-", english_name.lower()).strip("-")
    return slug or re.sub(r"[^A-Za-z0-9]+", "-", code).strip("-")


def profiled_countries(store: Store) -> Sequence[str]:
    return profile_readiness(store)[0]
