"""Build an ``AreaRegistry`` from the reference files in ``data/reference/areas``.

- ``countries.csv``: ISO 3166-1 countries with M49 codes, official names, M49 regions;
- ``country_names.csv``: UNTERM short and formal names (indexed, not displayed);
- ``display_names.yaml``: display names that replace Babel's where it is unfit;
- ``regions.yaml``: every other area (UN regions, WLD/OTH/UNK/STL, groupings, historical
  areas, World Bank aggregates);
- ``aliases.yaml``: further names, and the codes of sources that have their own (UNHCR).

Display names of countries are Babel's (CLDR) territory names unless overridden.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator, Mapping
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from migprofile.errors import DataError
from migprofile.geo.index import NamePriority
from migprofile.geo.registry import AreaRegistry
from migprofile.model.core import Area, AreaKind
from migprofile.model.text import LANGUAGES, LocalizedText
from migprofile.settings import get_settings

_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# regions.yaml sections: default kind, priority of their names
_SECTIONS: tuple[tuple[str, AreaKind | None, NamePriority], ...] = (
    ("other_areas", None, NamePriority.DISPLAY),
    ("un_regions", AreaKind.REGION, NamePriority.DISPLAY),
    ("special", None, NamePriority.DISPLAY),
    ("groupings", AreaKind.GROUPING, NamePriority.DISPLAY),
    ("historical", AreaKind.HISTORICAL, NamePriority.DISPLAY),
    ("world_bank", AreaKind.GROUPING, NamePriority.CODE),
)


def areas_dir() -> Path:
    """The folder of the area reference files (``<data_dir>/reference/areas``)."""
    return get_settings().data_dir / "reference" / "areas"


@cache
def default_registry() -> AreaRegistry:
    """The registry of the bundled reference files, loaded once.

    Shared by every caller: to add areas of your own, work on ``default_registry().copy()``.
    """
    return load_registry(areas_dir())


def load_registry(directory: Path) -> AreaRegistry:
    """Read the reference files of ``directory`` into a new registry."""
    territories = _babel_territories()
    registry = AreaRegistry()
    display = _read_yaml(directory / "display_names.yaml")
    _add_countries(registry, directory, territories, display)
    regions = _read_yaml(directory / "regions.yaml")
    for section, kind, priority in _SECTIONS:
        for entry in regions.get(section) or ():
            _add_entry(registry, entry, kind, priority, territories)
    _add_aliases(registry, _read_yaml(directory / "aliases.yaml"))
    return registry


def _babel_territories() -> dict[str, Mapping[str, str]]:
    from babel import Locale  # imported here: only loading the registry needs it

    return {lang: Locale.parse(lang).territories for lang in LANGUAGES}


def _read_yaml(path: Path) -> dict[str, Any]:
    try:
        with path.open(encoding="utf-8") as fh:
            data = yaml.load(fh, Loader=_Loader)
    except (OSError, yaml.YAMLError) as exc:
        raise DataError(f"{path}: cannot read area reference file: {exc}") from exc
    if not isinstance(data, dict):
        raise DataError(f"{path}: expected a mapping at the top level")
    return data


def _read_csv(path: Path) -> Iterator[dict[str, str]]:
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            yield from csv.DictReader(fh)
    except OSError as exc:
        raise DataError(f"{path}: cannot read area reference file: {exc}") from exc


def _un(m49: str) -> str | None:
    return f"UN:{m49}" if m49 else None


def _add_countries(
    registry: AreaRegistry,
    directory: Path,
    territories: dict[str, Mapping[str, str]],
    display: dict[str, Any],
) -> None:
    official: dict[str, list[str]] = {}
    for row in _read_csv(directory / "countries.csv"):
        iso3, iso2 = row["iso3"], row["iso2"]
        override = display.get(iso3) or {}
        babel = {lang: territories[lang].get(iso2, "") for lang in LANGUAGES}
        display_names = {
            lang: override.get(lang) or babel[lang] or row.get(f"name_{lang}", "")
            for lang in LANGUAGES
        }
        area = Area(
            code=iso3,
            kind=AreaKind.COUNTRY,
            names=LocalizedText(display_names),
            iso2=iso2 or None,
            m49=int(row["m49"]) if row["m49"] else None,
            region=_un(row["region_m49"]),
            subregion=_un(row["subregion_m49"]),
        )
        registry.add(area, priority=NamePriority.DISPLAY,
                     intermediate=_un(row["intermediate_m49"]))
        official[iso3] = [row.get(f"name_{lang}", "") for lang in LANGUAGES] + list(babel.values())
    for row in _read_csv(directory / "country_names.csv"):
        official.setdefault(row["iso3"], []).append(row["name"])
    for iso3, variants in official.items():
        for name in variants:
            if name:
                registry.add_alias(name, iso3, priority=NamePriority.NAME)


def _add_entry(
    registry: AreaRegistry,
    entry: dict[str, Any],
    default_kind: AreaKind | None,
    priority: NamePriority,
    territories: dict[str, Mapping[str, str]],
) -> None:
    code = str(entry["code"])
    kind = AreaKind(entry["kind"]) if "kind" in entry else default_kind
    if kind is None:
        raise DataError(f"regions.yaml: area {code} has no kind")
    m49 = entry.get("m49")
    babel = {
        lang: territories[lang].get(f"{m49:03d}", "") if m49 is not None else ""
        for lang in LANGUAGES
    }
    given = entry.get("names") or {}
    names = {lang: given.get(lang) or babel[lang] for lang in LANGUAGES}
    area = Area(
        code=code,
        kind=kind,
        names=LocalizedText(names),
        iso2=entry.get("iso2"),
        m49=m49,
        region=entry.get("region"),
        subregion=entry.get("subregion"),
    )
    members = entry.get("members")
    registry.add(area, [str(m) for m in members] if members is not None else None,
                 priority=priority)
    for name in babel.values():
        if name:
            registry.add_alias(name, code, priority=NamePriority.NAME)


def _add_aliases(registry: AreaRegistry, data: dict[str, Any]) -> None:
    for code, names in (data.get("aliases") or {}).items():
        for name in names:
            registry.add_alias(str(name), str(code), priority=NamePriority.ALIAS)
    for scheme, codes in (data.get("schemes") or {}).items():
        for source_code, code in codes.items():
            registry.add_scheme_code(str(scheme), str(source_code), str(code))
    for area in registry.areas():
        if area.code.startswith("WB:"):
            registry.add_scheme_code("wb", area.code[3:], area.code)
