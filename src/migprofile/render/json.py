"""The profile tree as JSON, and back.

Every dataclass becomes an object with its fields in declaration order; blocks start with
their ``"kind"`` (``paragraph``, ``table``, ``chart``, ``framework``, ``side_by_side``,
``heading``) so that a reader can tell them apart; every ``Value`` keeps its number,
status, source id, period and formula next to the printed text. The output is pretty,
deterministic and UTF-8 (``ensure_ascii=False``). ``load_json`` rebuilds the ``Profile``.
"""

from __future__ import annotations

import json
import math
import types
import typing
from dataclasses import fields, is_dataclass
from functools import cache
from typing import Any

from migprofile.errors import RenderError
from migprofile.profiles import tree
from migprofile.profiles.tree import Profile
from migprofile.render.markup import json_safe

FORMAT = "migprofile.profile"
FORMAT_VERSION = 1
BLOCK_TYPES: tuple[type, ...] = typing.get_args(tree.Block)
CELL_TYPES: tuple[type, ...] = typing.get_args(tree.CellPart)  # framework cell contents


def to_data(obj: Any) -> Any:
    """Dataclasses → dicts (``kind`` first for blocks), tuples → lists, NaN → None."""
    if is_dataclass(obj) and not isinstance(obj, type):
        data: dict[str, Any] = {}
        if isinstance(obj, BLOCK_TYPES + CELL_TYPES):
            data["kind"] = getattr(obj, "kind")  # noqa: B009 - dataclass field
        for f in fields(obj):
            if f.name not in data:
                data[f.name] = to_data(getattr(obj, f.name))
        return data
    if isinstance(obj, list | tuple):
        return [to_data(x) for x in obj]
    if isinstance(obj, dict):
        return {str(k): to_data(v) for k, v in obj.items()}
    if isinstance(obj, float) and not math.isfinite(obj):
        return None
    return obj


def render_json(profile: Profile) -> str:
    """The whole profile tree as pretty, deterministic JSON."""
    data = {"format": FORMAT, "format_version": FORMAT_VERSION, **to_data(profile)}
    return json_safe(json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False)) + "\n"


def load_json(text: str | bytes) -> Profile:
    """A ``Profile`` from ``render_json``'s output."""
    data = json.loads(text)
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise RenderError(f"not a {FORMAT} JSON document")
    if data.get("format_version") != FORMAT_VERSION:
        raise RenderError(f"unsupported {FORMAT} version {data.get('format_version')!r}")
    profile = _decode(data, Profile)
    assert isinstance(profile, Profile)
    return profile


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls, vars(tree))


@cache
def _block_kinds() -> dict[str, type]:
    kinds: dict[str, type] = {}
    for cls in BLOCK_TYPES + CELL_TYPES:
        default = next(f.default for f in fields(cls) if f.name == "kind")
        kinds[str(default)] = cls
    return kinds


def _decode(data: Any, hint: Any) -> Any:
    if data is None:
        return None
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        options = [a for a in typing.get_args(hint) if a is not type(None)]
        if len(options) > 1 and isinstance(data, dict) and all(is_dataclass(a) for a in options):
            cls = _block_kinds().get(str(data.get("kind")))
            if cls is None:
                raise RenderError(f"unknown block kind {data.get('kind')!r}")
            return _decode(data, cls)
        return _decode(data, options[0]) if len(options) == 1 else data
    if origin is tuple:
        args = typing.get_args(hint)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_decode(x, args[0]) for x in data)
        return tuple(_decode(x, a) for x, a in zip(data, args, strict=True))
    if origin is dict or hint is Any:
        return data
    if isinstance(hint, type) and is_dataclass(hint):
        hints = _hints(hint)
        kwargs = {f.name: _decode(data[f.name], hints[f.name])
                  for f in fields(hint) if f.name in data}
        return hint(**kwargs)
    return data  # ints stay ints (valid floats): the JSON reads back byte for byte
