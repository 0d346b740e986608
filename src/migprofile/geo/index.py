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

    def search(self, text: str) -> list[tuple[int, str, str]]:
        """Areas whose names contain ``text`` (as a match key): ``(rank, key, code)`` with
        rank 0 for a whole-name match, 1 for a name starting with it, 2 for a word starting
        with it, 3 for any other place."""
        query = match_key(text)
        if not query:
            return []
        found: list[tuple[int, str, str]] = []
        for key, (_, codes) in self._entries.items():
            where = key.find(query)
            if where < 0:
                continue
            rank = 0 if key == query else 1 if where == 0 else \
                2 if key[where - 1] == " " else 3
            found.extend((rank, key, code) for code in codes)
        return found

    def keys_by_code(self) -> dict[str, tuple[str, ...]]:
        """Every key an area's names and aliases give, by area code."""
        found: dict[str, list[str]] = {}
        for key, (_, codes) in self._entries.items():
            for code in codes:
                found.setdefault(code, []).append(key)
        return {code: tuple(sorted(keys)) for code, keys in found.items()}

    def ambiguous(self) -> dict[str, tuple[str, ...]]:
        """Keys that several areas claim with equal priority, and those areas."""
        return {k: tuple(sorted(v[1])) for k, v in self._entries.items() if len(v[1]) > 1}

    def copy(self) -> NameIndex:
        other = NameIndex()
        other._entries = dict(self._entries)
        return other

    def __len__(self) -> int:
        return len(self._entries)
