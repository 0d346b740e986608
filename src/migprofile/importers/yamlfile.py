"""YAML reading that remembers line numbers, so errors can name file and row."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from migprofile.validate import Report

LINE = "__line__"


class _LineLoader(yaml.SafeLoader):
    pass


def _mapping_with_line(loader: _LineLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    mapping: dict[Any, Any] = loader.construct_mapping(node, deep=True)
    mapping[LINE] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping_with_line)


def read_yaml(path: Path, report: Report, *, root: Path | None = None) -> Any:
    """Parsed YAML with ``__line__`` in every mapping, or None (and an error) when unreadable."""
    name = display_name(path, root)
    try:
        with path.open(encoding="utf-8") as fh:
            return yaml.load(fh, Loader=_LineLoader)  # a SafeLoader subclass
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        report.error("invalid-yaml", f"{exc.problem or exc}", file=name,
                     row=mark.line + 1 if mark else None)
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
