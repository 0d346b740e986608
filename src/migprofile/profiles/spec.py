"""The profile spec as types: block kinds in a registry, arguments validated when it is read.

``spec.yaml`` (the standard profile, the same for every country) lists sections of blocks;
each block is ``{kind: argument}``. Every kind is registered here with ``@block("kind")`` on
a frozen dataclass of its arguments, and assembled by the ``b_<kind>`` method of
``profiles.assemble.Assembler``. ``read_spec`` checks every block when the file is read and
raises ``SpecError`` naming the file and the key (``spec.yaml: sections[0].blocks[4].
auto_table: unknown argument 'tops'``), never a ``KeyError`` at assembly.

A country package may adapt the standard profile in its own ``profile.yaml``:
``extend: {section_id: [blocks]}`` appends blocks to a section, ``replace: {block_id:
block}`` replaces the block of that id (a table id, an auto_table/sum_series id, a narrative
section). ``unprinted`` lists the package's tables and narratives no block prints, and the
spec's package blocks that have no data: ``check`` reports them.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import yaml

from migprofile.errors import SpecError
from migprofile.validate import Report

T = TypeVar("T")
BLOCKS: dict[str, type] = {}


def block(kind: str) -> Callable[[type[T]], type[T]]:
    """Register the argument dataclass of a block kind."""
    def register(cls: type[T]) -> type[T]:
        BLOCKS[kind] = cls
        return cls
    return register


@block("heading")
@dataclass(frozen=True)
class HeadingArgs:
    text: str


@block("narrative")
@dataclass(frozen=True)
class NarrativeArgs:
    section: str  # a section of the package's narratives


@block("generic")
@dataclass(frozen=True)
class GenericArgs:
    section: str  # a section of migprofile's own narratives (narratives.yaml)


@block("table")
@dataclass(frozen=True)
class TableArgs:
    table: str  # a table id of the package's tables.yaml


@block("chart")
@dataclass(frozen=True)
class ChartArgs:
    table: str


@block("series_chart")
@dataclass(frozen=True)
class SeriesChartArgs:
    id: str
    indicator: str
    title: str
    partner: str = "WLD"
    value_title: str = ""


@block("sum_series")
@dataclass(frozen=True)
class SumSeriesArgs:
    id: str
    indicators: tuple[str, ...]
    title: str
    value_title: str = ""
    scale: float = 1.0
    since: int = 1990


@block("auto_table")
@dataclass(frozen=True)
class AutoTableArgs:
    id: str
    indicator: str
    caption: str
    first: str = "1990"
    top: int = 8
    women_of: str = "migrants"


@block("framework")
@dataclass(frozen=True)
class FrameworkArgs:
    name: str


@block("side_by_side")
@dataclass(frozen=True)
class SideBySideArgs:
    titles: tuple[str, str]
    left: tuple[Mapping[str, Any], ...] = ()
    right: tuple[Mapping[str, Any], ...] = ()


SCALAR_FIELD = {"heading": "text", "narrative": "section", "generic": "section",
                "table": "table", "framework": "name"}


@dataclass(frozen=True)
class SectionSpec:
    id: str
    title: str
    blocks: tuple[Mapping[str, Any], ...]


@dataclass(frozen=True)
class ProfileSpec:
    path: str
    sections: tuple[SectionSpec, ...] = field(default_factory=tuple)

    def as_mapping(self) -> dict[str, Any]:
        """The plain form the assembler walks (validated)."""
        return {"sections": [{"id": s.id, "title": s.title, "blocks": list(s.blocks)}
                             for s in self.sections]}


def parse_block(where: str, raw: Any) -> Any:
    """The typed arguments of one block (``SpecError`` naming ``where`` if malformed)."""
    if not isinstance(raw, Mapping) or len(raw) != 1:
        raise SpecError(f"{where}: a block is one mapping {{kind: argument}}, got {raw!r}")
    kind, arg = next(iter(raw.items()))
    cls = BLOCKS.get(str(kind))
    if cls is None:
        known = ", ".join(sorted(BLOCKS))
        raise SpecError(f"{where}: unknown block kind {kind!r} (known: {known})")
    if kind in SCALAR_FIELD and not isinstance(arg, Mapping):
        arg = {SCALAR_FIELD[kind]: arg}
    if not isinstance(arg, Mapping):
        raise SpecError(f"{where}.{kind}: expected a mapping of arguments, got {arg!r}")
    fields = {f.name: f for f in dataclasses.fields(cls)}
    unknown = sorted(set(arg) - set(fields))
    if unknown:
        raise SpecError(f"{where}.{kind}: unknown argument(s) {', '.join(map(repr, unknown))}")
    missing = [name for name, f in fields.items() if name not in arg
               and f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING]
    if missing:
        raise SpecError(f"{where}.{kind}: missing argument(s) {', '.join(map(repr, missing))}")
    values = {}
    for name, value in arg.items():
        values[name] = _coerce(f"{where}.{kind}.{name}", fields[name].type, value)
    if kind == "side_by_side":
        for side in ("left", "right"):
            for i, inner in enumerate(values.get(side, ())):
                parse_block(f"{where}.side_by_side.{side}[{i}]", inner)
        if len(values["titles"]) != 2:
            raise SpecError(f"{where}.side_by_side.titles: expected two titles")
    return cls(**values)


def _coerce(where: str, annotation: Any, value: Any) -> Any:
    text = str(annotation)
    if text.startswith("tuple"):
        if not isinstance(value, Sequence) or isinstance(value, str):
            raise SpecError(f"{where}: expected a list, got {value!r}")
        return tuple(value)
    if text == "int":
        if isinstance(value, bool) or not isinstance(value, int):
            raise SpecError(f"{where}: expected a whole number, got {value!r}")
        return value
    if text == "float":
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise SpecError(f"{where}: expected a number, got {value!r}")
        return float(value)
    if isinstance(value, Mapping | list):
        raise SpecError(f"{where}: expected text, got {value!r}")
    return str(value)


def read_spec(path: Path, data: Any | None = None) -> ProfileSpec:
    """Read and validate a profile spec (``data`` if already parsed)."""
    if data is None:
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except (OSError, yaml.YAMLError) as exc:
            raise SpecError(f"{path}: cannot read the profile spec: {exc}") from exc
    if not isinstance(data, Mapping) or not isinstance(data.get("sections"), list):
        raise SpecError(f"{path}: sections: expected a list of sections")
    sections = []
    for i, section in enumerate(data["sections"]):
        where = f"{path.name}: sections[{i}]"
        if not isinstance(section, Mapping):
            raise SpecError(f"{where}: expected a mapping with id, title, blocks")
        for key in ("id", "title", "blocks"):
            if key not in section:
                raise SpecError(f"{where}: missing key {key!r}")
        for j, raw in enumerate(section["blocks"] or ()):
            parse_block(f"{where}.blocks[{j}]", raw)
        sections.append(SectionSpec(str(section["id"]), str(section["title"]),
                                    tuple(section["blocks"] or ())))
    return ProfileSpec(str(path), tuple(sections))


def block_id(raw: Mapping[str, Any]) -> str | None:
    """The id a package's ``replace`` names a block by."""
    kind, arg = next(iter(raw.items()))
    if kind in ("table", "narrative", "generic"):
        return str(arg)
    if isinstance(arg, Mapping) and "id" in arg:
        return str(arg["id"])
    return None


def with_package(spec: ProfileSpec, path: Path) -> ProfileSpec:
    """The standard spec adapted by a package's ``profile.yaml`` (``extend``, ``replace``)."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as exc:
        raise SpecError(f"{path}: cannot read: {exc}") from exc
    unknown = sorted(set(data) - {"extend", "replace"})
    if unknown:
        raise SpecError(f"{path.name}: unknown key(s) {', '.join(map(repr, unknown))} "
                        "(expected 'extend' and/or 'replace')")
    replace = dict(data.get("replace") or {})
    for key, raw in replace.items():
        parse_block(f"{path.name}: replace.{key}", raw)
    extend = dict(data.get("extend") or {})
    ids = {s.id for s in spec.sections}
    for key, blocks in extend.items():
        if key not in ids:
            raise SpecError(f"{path.name}: extend.{key}: no such section ({', '.join(ids)})")
        for j, raw in enumerate(blocks or ()):
            parse_block(f"{path.name}: extend.{key}[{j}]", raw)
    sections = []
    for s in spec.sections:
        blocks = [_replaced(b, replace) for b in s.blocks]
        blocks += list(extend.get(s.id) or ())
        sections.append(SectionSpec(s.id, s.title, tuple(blocks)))
    return ProfileSpec(f"{spec.path} + {path}", tuple(sections))


def _replaced(raw: Mapping[str, Any], replace: Mapping[str, Any]) -> Mapping[str, Any]:
    kind, arg = next(iter(raw.items()))
    if kind == "side_by_side":
        return {kind: {**arg, "left": [_replaced(b, replace) for b in arg.get("left") or ()],
                       "right": [_replaced(b, replace) for b in arg.get("right") or ()]}}
    key = block_id(raw)
    return replace.get(key, raw) if key else raw


def walk_blocks(blocks: Sequence[Mapping[str, Any]]) -> Iterator[Mapping[str, Any]]:
    for raw in blocks:
        kind, arg = next(iter(raw.items()))
        if kind == "side_by_side":
            yield from walk_blocks(arg.get("left") or ())
            yield from walk_blocks(arg.get("right") or ())
        else:
            yield raw


def unprinted(spec: ProfileSpec, tables: Sequence[str], narratives: Sequence[str]
              ) -> tuple[list[str], list[str], list[str]]:
    """(package tables no block prints, package narrative sections no block prints,
    spec table/narrative blocks for which the package has no data)."""
    printed_tables, printed_narratives = set(), set()
    for section in spec.sections:
        for raw in walk_blocks(section.blocks):
            kind, arg = next(iter(raw.items()))
            if kind in ("table", "chart"):
                printed_tables.add(str(arg["table"] if isinstance(arg, Mapping) else arg))
            elif kind == "narrative":
                printed_narratives.add(str(arg))
    no_data = sorted((printed_tables - set(tables)) | (printed_narratives - set(narratives)))
    return (sorted(set(tables) - printed_tables), sorted(set(narratives) - printed_narratives),
            no_data)


def package_spec_path(iso2: str) -> Path:
    from migprofile.settings import get_settings

    return get_settings().data_dir / "countries" / iso2 / "profile.yaml"


def spec_for(default: ProfileSpec, iso2: str | None) -> ProfileSpec:
    """The standard spec, adapted by the bundled package's ``profile.yaml`` if it has one."""
    if iso2:
        path = package_spec_path(iso2)
        if path.is_file():
            return with_package(default, path)
    return default


def spec_coverage(spec: ProfileSpec, country: str, tables: Sequence[str],
                  narratives: Sequence[str]) -> Report:
    """Findings for ``check``: what a package holds that no block prints, and the spec's
    package blocks it has no data for."""
    report = Report(subject=f"profile spec {country}")
    lost_tables, lost_narratives, no_data = unprinted(spec, tables, narratives)
    for table in lost_tables:
        report.warning("unprinted-table", f"table {table!r} of {country} is printed by no "
                       f"block of the profile spec ({spec.path})", file="tables.yaml")
    for section in lost_narratives:
        report.warning("unprinted-narrative", f"narratives of section {section!r} of "
                       f"{country} are printed by no block of the profile spec",
                       file="narratives.yaml")
    for item in no_data:
        report.info("block-without-data", f"spec block {item!r} has no data for {country}",
                    file=Path(spec.path).name)
    return report
