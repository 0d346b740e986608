"""Area names and codes of one source file to area codes, each distinct one resolved once.

Unknown names are remembered with the first row and column they appear in; ``finish`` adds ONE
``unknown-area`` error listing them all, or, with ``--allow-unmapped``, keeps each as an area
of kind ``unmapped`` coded ``UNMAPPED:<slug>`` and reports it as a warning.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from migprofile.geo import AreaRegistry, default_registry, normalise
from migprofile.model import Area, AreaKind, LocalizedText
from migprofile.validate import Report

UNMAPPED = "UNMAPPED:"
_SLUG = re.compile(r"[^a-z0-9]+")


def unmapped_code(name: str) -> str:
    """``UNMAPPED:<slug>`` of a name (at most 40 characters, the width of area codes)."""
    slug = _SLUG.sub("-", normalise(name)).strip("-") or "blank"
    return (UNMAPPED + slug)[:40]


class AreaMap:
    """Resolves a file's names or codes through ``migprofile.geo``; remembers the unknown."""

    def __init__(self, *, file: str, scheme: str | None = None, allow_unmapped: bool = False,
                 fixed: Mapping[str, str] | None = None,
                 registry: AreaRegistry | None = None) -> None:
        self.file = file
        self.scheme = scheme
        self.allow_unmapped = allow_unmapped
        self.registry = registry if registry is not None else default_registry()
        self._cache: dict[str, str | None] = dict(fixed or {})
        self.unknown: dict[str, tuple[int | None, str | None]] = {}

    def code(self, name: str, row: int | None = None, column: str | None = None) -> str | None:
        """The area code of ``name``; None when unknown (an ``UNMAPPED:`` code if allowed)."""
        try:
            found = self._cache[name]
        except KeyError:
            found = self.registry.try_resolve(name, scheme=self.scheme)
            self._cache[name] = found
        if found is not None:
            return found
        self.unknown.setdefault(name, (row, column))
        return unmapped_code(name) if self.allow_unmapped else None

    def kind(self, code: str) -> AreaKind:
        if code.startswith(UNMAPPED):
            return AreaKind.UNMAPPED
        return self.registry.get(code).kind

    def finish(self, report: Report) -> list[Area]:
        """Report the unknown names (one finding); the unmapped areas to create, if allowed."""
        if not self.unknown:
            return []
        ordered = sorted(self.unknown.items(), key=lambda kv: (kv[1][0] or 0, kv[0]))
        listed = ", ".join(f"{name!r} (row {row})" if row else repr(name)
                           for name, (row, _) in ordered)
        row, column = ordered[0][1]
        if not self.allow_unmapped:
            report.error("unknown-area", f"{len(ordered)} name(s) resolve to no area: {listed} "
                         "(add them to geo's aliases.yaml, or import with --allow-unmapped)",
                         file=self.file, row=row, column=column)
            return []
        areas = []
        for name, (row, column) in ordered:
            code = unmapped_code(name)
            report.warning("unmapped-area", f"{name!r} resolves to no area: kept as {code}",
                           file=self.file, row=row, column=column)
            areas.append(Area(code=code, kind=AreaKind.UNMAPPED,
                              names=LocalizedText({"en": name})))
        return areas
