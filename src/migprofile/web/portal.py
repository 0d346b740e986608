"""The portal's state: the store and caches of profiles and rendered bytes.

Everything cached is keyed by (what, country, lang, growth, …) plus the store's data
version (see ``web.cache``), so new data show up at most a second after they are written.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any

from migprofile import core
from migprofile.build import build_profile, profiled_countries
from migprofile.core import GROWTH_CHOICES, Store, growth_choice
from migprofile.errors import NotFoundError
from migprofile.model import Area
from migprofile.profiles.tree import Profile, TableBlock
from migprofile.render import MEDIA_TYPES, render
from migprofile.render.common import iter_blocks
from migprofile.settings import Settings, get_settings
from migprofile.web.cache import VersionedLRU
from migprofile.web.errors import InvalidParameter
from migprofile.web.messages import LANGS


class Portal:
    def __init__(self, store: Store, settings: Settings | None = None) -> None:
        self.store = store
        self.settings = settings or get_settings()
        size = self.settings.cache_size
        self.bytes: VersionedLRU[bytes] = VersionedLRU(size, store.data_version)
        # cache_size 0 turns the cache of responses off; the few derived objects (areas,
        # profiled countries) stay cached, they are not what a request asks for
        self.objects: VersionedLRU[Any] = VersionedLRU(max(size, 16), store.data_version)

    # -- parameters ---------------------------------------------------------------------------

    def growth(self, value: str | None) -> str:
        value = value or self.settings.growth
        if value not in GROWTH_CHOICES:
            raise InvalidParameter("growth", f"{value!r} is not one of "
                                   f"{', '.join(GROWTH_CHOICES)}")
        return value

    @staticmethod
    def lang(value: str) -> str:
        if value not in LANGS:
            raise NotFoundError("language", value)
        return value

    # -- cached objects -----------------------------------------------------------------------

    def cached(self, key: tuple[Hashable, ...], make: Callable[[], Any]) -> Any:
        return self.objects.get_or_make(key, make)

    def areas(self) -> dict[str, Area]:
        result: dict[str, Area] = self.cached(("areas",), lambda: core.area_names(self.store))
        return result

    def profiled(self) -> list[str]:
        """ISO3 codes of the countries with a package or observations."""
        def make() -> list[str]:
            codes = {p.country for p in self.store.packages()}
            return sorted(codes | set(profiled_countries(self.store)))

        result: list[str] = self.cached(("profiled",), make)
        return result

    def country_code(self, name: str) -> str:
        """ISO3 of a profiled country given by ISO2/ISO3/name; NotFoundError otherwise."""
        code = core.resolve_country(self.store, name)
        if code not in self.profiled():
            raise NotFoundError("country", name)
        return code

    def profile(self, code: str, lang: str, growth: str) -> Profile:
        result: Profile = self.cached(
            ("profile", code, lang, growth),
            lambda: build_profile(self.store, code, lang, growth_choice(growth)))
        return result

    def table(self, code: str, lang: str, growth: str, table_id: str) -> TableBlock:
        profile = self.profile(code, lang, growth)
        for section in profile.sections:
            for block in iter_blocks(section.blocks):
                if isinstance(block, TableBlock) and block.id == table_id:
                    return block
        raise NotFoundError("table", table_id)

    # -- rendered bytes -----------------------------------------------------------------------

    def profile_file(self, code: str, lang: str, fmt: str, growth: str) -> tuple[bytes, str]:
        """The profile rendered as ``fmt`` (html, pdf, md, json) and its media type."""
        if fmt not in MEDIA_TYPES:
            raise NotFoundError("format", fmt)

        def make() -> bytes:
            content = render(self.profile(code, lang, growth), fmt)
            return content if isinstance(content, bytes) else content.encode("utf-8")

        return self.bytes.get_or_make(("file", code, lang, fmt, growth), make), MEDIA_TYPES[fmt]

    def page(self, key: tuple[Hashable, ...], make: Callable[[], str]) -> bytes:
        return self.bytes.get_or_make(key, lambda: make().encode("utf-8"))
