"""The area registry: codes, names in any language, regions and groupings."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from migprofile.errors import DataError, NotFoundError, UnknownAreaError
from migprofile.geo.index import NameIndex, NamePriority
from migprofile.model.core import Area, AreaKind, Grouping

_UN_CODE = re.compile(r"^UN:(\d{1,4})$")


class AreaRegistry:
    """Every known area, by code, with the names and codes that resolve to it.

    Codes: ISO 3166-1 alpha-3 for countries; ``WLD``, ``OTH``, ``UNK``, ``STL``; ``UN:150``
    for UN M49 regions; ``WB:MEA`` for World Bank aggregates; ``OECD``, ``EU27``; ISO 3166-3
    codes (``SUN``, ``YUG``...) for historical areas; anything an ``add`` brings.

    ``default_registry()`` is shared: add package-specific areas to a ``copy()``.
    """

    def __init__(self) -> None:
        self._areas: dict[str, Area] = {}
        self._members: dict[str, tuple[str, ...]] = {}
        self._intermediate: dict[str, str] = {}  # country -> UN intermediate region
        self._iso2: dict[str, str] = {}
        self._m49: dict[int, str] = {}
        self._schemes: dict[str, dict[str, str]] = {}
        self._index = NameIndex()
        self._keys: tuple[int, dict[str, tuple[str, ...]]] | None = None

    # -- building -------------------------------------------------------------------------

    def add(
        self,
        area: Area,
        members: Sequence[str] | None = None,
        *,
        priority: NamePriority = NamePriority.RUNTIME,
        intermediate: str | None = None,
    ) -> None:
        """Register an area (and its members, which must be known codes).

        Its names are indexed with ``priority``: at the default, ``RUNTIME``, they never
        displace a name another area already has. ``intermediate`` is the UN M49 intermediate
        region of a country (``UN:011``), for ``members``. Registering the same area twice is
        a no-op; another area under a known code raises ``DataError``.
        """
        if self._conflicts(area, members):
            raise DataError(f"area {area.code!r} is already registered with other attributes")
        unknown = [m for m in members or () if m not in self._areas and m != area.code]
        if unknown:
            raise UnknownAreaError(unknown, context=f"members of {area.code}")
        self._areas[area.code] = area
        if members is not None:
            self._members[area.code] = tuple(members)
        if area.iso2:
            self._iso2.setdefault(area.iso2.upper(), area.code)
        if area.m49 is not None:
            self._m49.setdefault(area.m49, area.code)
        if intermediate:
            self._intermediate[area.code] = intermediate
        for lang in area.names:  # (LocalizedText.values is its field, not the method)
            self._index.add(area.names[lang], area.code, priority)

    def _conflicts(self, area: Area, members: Sequence[str] | None) -> bool:
        known = self._areas.get(area.code)
        if known is None:
            return False
        return known != area or (
            members is not None and tuple(members) != self._members.get(area.code, ())
        )

    def add_alias(
        self, name: str, code: str, *, priority: NamePriority = NamePriority.RUNTIME
    ) -> None:
        """Let ``name`` (any language, any case or accents) resolve to ``code``."""
        if code not in self._areas:
            raise UnknownAreaError([code], context=f"alias {name!r}")
        self._index.add(name, code, priority)

    def add_scheme_code(self, scheme: str, source_code: str, code: str) -> None:
        """A source's own code (``unhcr``: ``ALG`` -> ``DZA``), resolved with ``scheme=``
        or as ``"UNHCR:ALG"``; also resolved bare when no other code or name claims it."""
        if code not in self._areas:
            raise UnknownAreaError([code], context=f"{scheme} code {source_code!r}")
        self._schemes.setdefault(scheme.lower(), {})[source_code.upper()] = code
        if source_code.upper() != code:
            self._index.add(source_code, code, NamePriority.CODE)

    def copy(self) -> AreaRegistry:
        """An independent registry with the same content, to add areas to."""
        other = AreaRegistry()
        other._areas = dict(self._areas)
        other._members = dict(self._members)
        other._intermediate = dict(self._intermediate)
        other._iso2 = dict(self._iso2)
        other._m49 = dict(self._m49)
        other._schemes = {k: dict(v) for k, v in self._schemes.items()}
        other._index = self._index.copy()
        return other

    # -- lookup ---------------------------------------------------------------------------

    def __contains__(self, code: object) -> bool:
        return isinstance(code, str) and code in self._areas

    def __len__(self) -> int:
        return len(self._areas)

    def get(self, code: str) -> Area:
        """The area of a code; ``NotFoundError("area", code)`` if there is none."""
        area = self._areas.get(code) or self._areas.get(code.strip().upper())
        if area is None:
            raise NotFoundError("area", code)
        return area

    def try_resolve(self, name_or_code: str, *, scheme: str | None = None) -> str | None:
        """The area code of a code or name, or None.

        Tried in turn: ``scheme``'s own codes; area codes (any case; ``UN:2`` = ``UN:002``);
        ``SCHEME:code`` (``UNHCR:ALG``); ISO 3166-1 alpha-2; M49 numbers; names and aliases
        in any language, ignoring case, accents, punctuation and articles.
        """
        text = name_or_code.strip()
        if not text:
            return None
        upper = text.upper()
        if scheme is not None and upper in self._schemes.get(scheme.lower(), {}):
            return self._schemes[scheme.lower()][upper]
        code = self._code(text, upper)
        return code if code is not None else self._index.get(text)

    def _code(self, text: str, upper: str) -> str | None:
        if text in self._areas:
            return text
        if upper in self._areas:
            return upper
        un = _UN_CODE.match(upper)
        if un:
            return self._m49.get(int(un.group(1)))
        prefix, _, rest = upper.partition(":")
        rest = rest.strip()
        if rest and prefix.lower() in self._schemes:
            mapped = self._schemes[prefix.lower()].get(rest)
            return mapped if mapped is not None else self._code(rest, rest)
        if len(upper) == 2 and upper in self._iso2:
            return self._iso2[upper]
        if text.isdigit():
            return self._m49.get(int(text))
        return None

    def search(self, text: str, *, kinds: Iterable[AreaKind] | None = None,
               limit: int = 10) -> list[str]:
        """Codes of the areas whose code, ISO2 code or any name or alias (in any language,
        ignoring case, accents and punctuation) matches ``text``: exact codes and whole names
        first, then names that start with it, then names with a word that starts with it."""
        wanted = set(kinds) if kinds is not None else None
        best: dict[str, tuple[int, int]] = {}
        exact = self._code(text.strip(), text.strip().upper()) if text.strip() else None
        if exact is not None:
            best[exact] = (-1, 0)
        for rank, key, code in self._index.search(text):
            if rank < 3:
                score = (rank, len(key))
                best[code] = min(best.get(code, score), score)
        ranked = sorted((c for c in best if wanted is None or self._areas[c].kind in wanted
                         if c in self._areas), key=lambda c: (best[c], c))
        return ranked[:limit]

    def match_keys(self, code: str) -> tuple[str, ...]:
        """The match keys of an area's names and aliases in every language (for filters)."""
        if self._keys is None or self._keys[0] != len(self._index):
            self._keys = (len(self._index), self._index.keys_by_code())
        return self._keys[1].get(code, ())

    def resolve(self, name_or_code: str, *, scheme: str | None = None) -> str:
        """The area code of a code or name; ``UnknownAreaError`` if none."""
        code = self.try_resolve(name_or_code, scheme=scheme)
        if code is None:
            raise UnknownAreaError([name_or_code])
        return code

    def resolve_many(
        self, names: Iterable[str], *, scheme: str | None = None, context: str = ""
    ) -> dict[str, str]:
        """Each name to its area code; one ``UnknownAreaError`` listing every unknown name."""
        resolved: dict[str, str] = {}
        unknown: list[str] = []
        for name in names:
            if name in resolved or name in unknown:
                continue
            code = self.try_resolve(name, scheme=scheme)
            if code is None:
                unknown.append(name)
            else:
                resolved[name] = code
        if unknown:
            raise UnknownAreaError(unknown, context=context)
        return resolved

    # -- content --------------------------------------------------------------------------

    def areas(self) -> list[Area]:
        return [self._areas[c] for c in sorted(self._areas)]

    def countries(self) -> list[Area]:
        return [a for a in self.areas() if a.kind is AreaKind.COUNTRY]

    def name(self, code: str, lang: str) -> str:
        """The display name of an area in ``lang`` (fr, en, ar; falls back to another)."""
        return self.get(code).names.text(lang)

    def iso2(self, code: str) -> str | None:
        return self.get(code).iso2

    def region_of(self, code: str) -> str | None:
        """The UN M49 region (``UN:002``...) an area lies in, if any."""
        return self.get(code).region

    def members(self, grouping_code: str) -> tuple[str, ...]:
        """The member areas of a region, grouping or historical area (sorted codes).

        UN M49 regions hold the countries whose region, sub-region or intermediate region
        they are, plus any members listed for them.
        """
        area = self.get(grouping_code)
        listed = self._members.get(area.code, ())
        if area.kind is not AreaKind.REGION:
            return listed
        found = {
            a.code for a in self._areas.values()
            if a.kind is AreaKind.COUNTRY and area.code in
            (a.region, a.subregion, self._intermediate.get(a.code))
        }
        return tuple(sorted(found.union(listed)))

    def groupings(self) -> list[Grouping]:
        """Every area that has members, as a ``Grouping``."""
        out = []
        for area in self.areas():
            members = self.members(area.code)
            if members:
                out.append(Grouping(code=area.code, members=members))
        return out

    def ambiguous_names(self) -> dict[str, tuple[str, ...]]:
        """Name keys that several areas claim equally: they resolve to nothing."""
        return self._index.ambiguous()

    def name_count(self) -> int:
        """How many distinct name keys resolve (or are ambiguous)."""
        return len(self._index)
