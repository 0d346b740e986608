"""Observation queries of the API behind the façade: a filter (``ObservationFilter``), a page
of records with the total, or the observations themselves (for CSV)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from migprofile.geo import default_registry
from migprofile.model import Observation
from migprofile.store import ObservationFilter, Store

__all__ = ["ObservationFilter", "ObservationPage", "area_code", "observation_list",
           "observation_page"]


def area_code(name: str) -> str:
    """The code of an area given by code or name in any language; the text as given when no
    area is known by it (a filter on it then finds nothing)."""
    return default_registry().try_resolve(name) or name


@dataclass(frozen=True)
class ObservationPage:
    total: int  # every observation the filter matches
    limit: int
    offset: int
    records: tuple[dict[str, Any], ...]  # the page, as the API's plain records, in key order

    @property
    def next_offset(self) -> int | None:
        return self.offset + self.limit if self.offset + self.limit < self.total else None


def observation_page(store: Store, *, where: ObservationFilter, limit: int,
                     offset: int = 0) -> ObservationPage:
    return ObservationPage(store.count_observations(where), limit, offset,
                           tuple(store.observation_records(where, limit=limit, offset=offset)))


def observation_list(store: Store, *, where: ObservationFilter, limit: int,
                     offset: int = 0) -> list[Observation]:
    return store.observations(where, limit=limit, offset=offset)
