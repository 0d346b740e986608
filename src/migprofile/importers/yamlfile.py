"""YAML reading that remembers line numbers, so errors can name file and row.

Package files are written by people and may be hostile: a file over ``MAX_BYTES``, nesting
deeper than ``MAX_DEPTH``, a key given twice in one mapping (YAML would keep the last value
silently) and an impossible date (``2009-13-45``) are errors naming file and row, never a
traceback or a silent choice.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import ConstructorError

from migprofile.validate import Report

LINE = "__line__"
MAX_BYTES = 4 * 1024 * 1024
MAX_DEPTH = 64


class _LineLoader(yaml.SafeLoader):
    depth = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        self.depth += 1
        try:
            if self.depth > MAX_DEPTH:
                raise ConstructorError(None, None, f"nested deeper than {MAX_DEPTH} levels",
                                       self.peek_event().start_mark)  # type: ignore[no-untyped-call]
            return super().compose_node(parent, index)
        finally:
            self.depth -= 1


def _mapping_with_line(loader: _LineLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    seen: dict[Any, int] = {}
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=True)
        try:
            first = seen.setdefault(key, key_node.start_mark.line + 1)
        except TypeError:  # an unhashable key: construct_mapping reports it
            continue
        if first != key_node.start_mark.line + 1:
            raise ConstructorError("while reading a mapping", node.start_mark,
                                   f"key {key!r} is given twice (first on line {first})",
                                   key_node.start_mark)
    mapping: dict[Any, Any] = loader.construct_mapping(node, deep=True)
    mapping[LINE] = node.start_mark.line + 1
    return mapping


def _timestamp(loader: _LineLoader, node: yaml.ScalarNode) -> Any:
    try:
        return loader.construct_yaml_timestamp(node)
    except ValueError as exc:
        raise ConstructorError(None, None, f"{node.value!r} is not a valid date ({exc})",
                               node.start_mark) from exc


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping_with_line)
_LineLoader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)


def read_yaml(path: Path, report: Report, *, root: Path | None = None) -> Any:
    """Parsed YAML with ``__line__`` in every mapping, or None (and an error) when unreadable."""
    name = display_name(path, root)
    try:
        if path.stat().st_size > MAX_BYTES:
            report.error("file-too-large", f"larger than the {MAX_BYTES // 2**20} MB a package "
                         "file may be", file=name)
            return None
        with path.open(encoding="utf-8") as fh:
            return yaml.load(fh, Loader=_LineLoader)  # a SafeLoader subclass
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        report.error("invalid-yaml", f"{exc.problem or exc}", file=name,
                     row=mark.line + 1 if mark else None)
    except RecursionError:
        report.error("invalid-yaml", "nested too deeply", file=name)
    except (OSError, UnicodeDecodeError) as exc:
        report.error("unreadable-file", str(exc), file=name)
    return None


def strip_lines(value: Any) -> Any:
    """The same data without the ``__line__`` keys (for storing specs as JSON)."""
    if isinstance(value, dict):
        return {k: strip_lines(v) for k, v in value.items() if k != LINE}
    if isinstance(value, list):
        return [strip_lines(v) for v in value]
    return value


def display_name(path: Path, root: Path | None) -> str:
    if root is not None:
        try:
            return str(path.relative_to(root.parent))
        except ValueError:
            pass
    return str(path)
