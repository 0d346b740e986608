"""An index from name keys to area codes, where more deliberate sources of names win."""

from __future__ import annotations

from enum import IntEnum

from migprofile.geo.normalise import match_key


class NamePriority(IntEnum):
    """Where a name comes from; a lower value wins when two areas claim the same key."""

    ALIAS = 0  # aliases.yaml: written on purpose, settles any clash
    DISPLAY = 1  # the display names of an area (display_names.yaml, regions.yaml, Babel)
    NAME = 2  # other official names: country-codes official/UNTERM names, Babel variants
    CODE = 3  # a source's own codes (UNHCR, World Bank) and names of World Bank aggregates
    RUNTIME = 4  # names of areas added at run time: never displace a known name


class NameIndex:
    """Keys (``match_key``) to area codes. A key that two areas claim at the same priority,
    with no higher-priority claim, is ambiguous: it resolves to nothing and is listed in
    ``ambiguous()``.
    """

    def __init__(self) -> None:
        self._entries: dict[str, tuple[NamePriority, frozenset[str]]] = {}

    def add(self, name: str, code: str, priority: NamePriority) -> None:
        key = match_key(name)
        if not key:
            return
        current = self._entries.get(key)
        if current is None or priority < current[0]:
            self._entries[key] = (priority, frozenset({code}))
        elif priority == current[0] and code not in current[1]:
            self._entries[key] = (priority, current[1] | {code})

    def get(self, name: str) -> str | None:
        entry = self._entries.get(match_key(name))
        if entry is None or len(entry[1]) != 1:
            return None
        return next(iter(entry[1]))

    def ambiguous(self) -> dict[str, tuple[str, ...]]:
        """Keys that several areas claim with equal priority, and those areas."""
        return {k: tuple(sorted(v[1])) for k, v in self._entries.items() if len(v[1]) > 1}

    def copy(self) -> NameIndex:
        other = NameIndex()
        other._entries = dict(self._entries)
        return other

    def __len__(self) -> int:
        return len(self._entries)
