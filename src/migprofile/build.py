"""Building profile files: (countries × languages × formats) → DIR/<ISO2>-<lang>.<ext>."""

from __future__ import annotations

import multiprocessing
import os
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


@dataclass(frozen=True)
class BuildRequest:
    countries: tuple[str, ...]
    langs: tuple[str, ...] = ("fr",)
    formats: tuple[str, ...] = ("html",)
    out_dir: Path = Path("build")
    method: GrowthMethod = GrowthMethod.LINEAR


@dataclass
class BuildResult:
    written: list[Path] = field(default_factory=list)
    failed: dict[str, str] = field(default_factory=dict)  # country -> error


def build_profile(store: Store, country: str, lang: str,
                  method: GrowthMethod = GrowthMethod.LINEAR) -> Profile:
    return assemble_profile(load_country_data(store, country), lang, method=method)


def write_country(data: CountryData, request: BuildRequest) -> list[Path]:
    """Assemble and render every language and format of one country; returns the files."""
    from migprofile.render import EXTENSIONS, render

    request.out_dir.mkdir(parents=True, exist_ok=True)
    area = data.areas.get(data.country)
    stem = area.iso2 if area and area.iso2 else data.country
    written = []
    for lang in request.langs:
        profile = assemble_profile(data, lang, method=request.method)
        for fmt in request.formats:
            path = request.out_dir / f"{stem}-{lang}.{EXTENSIONS[fmt]}"
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


def profile_readiness(store: Store) -> tuple[list[str], dict[str, str]]:
    """Countries with enough data for a profile, and the others with the reason.

    Enough: a country data package, or migrant stocks by partner (UN DESA) — the core of the
    demographic-economic framework. Groupings and aggregates are never profiled."""
    packaged = {p.country for p in store.packages()}
    kinds = {a.code: a.kind.value for a in store.areas()}
    ready, skipped = [], {}
    for country, counts in sorted(store.indicator_counts().items()):
        if kinds.get(country) != "country":
            continue
        if country in packaged or any(counts.get(i, 0) > 1 for i in STOCK_INDICATORS):
            ready.append(country)
        else:
            held = ", ".join(sorted(counts)) or "nothing"
            skipped[country] = f"no migrant stock by partner (holds only: {held})"
    return ready, skipped


def profiled_countries(store: Store) -> Sequence[str]:
    return profile_readiness(store)[0]
