"""What one origin (a package or an import) holds, in a few numbers: for import guards.

``footprint(store, origin)`` answers with aggregate queries only (counts, distinct
countries and years, values present, instrument statuses), so that guarding a 500,000-row
import costs a few milliseconds, not a second read of the data.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.exc import SQLAlchemyError

from migprofile.errors import StoreError
from migprofile.store import schema as t
from migprofile.store.queries import Store


@dataclass(frozen=True)
class Footprint:
    rows: int = 0  # observations
    valued: int = 0  # observations with a value (not missing, suppressed…)
    countries: frozenset[str] = field(default_factory=frozenset)
    years: frozenset[int] = field(default_factory=frozenset)
    instruments: dict[str, str] = field(default_factory=dict)  # id -> status

    @property
    def empty(self) -> bool:
        return not self.rows and not self.instruments


def footprint(store: Store, origin: str) -> Footprint:
    """The footprint of what ``origin`` wrote (empty when nothing)."""
    o, i = t.observations.c, t.legal_instruments.c
    try:
        with store.engine.connect() as conn:
            rows, valued = conn.execute(
                select(func.count(), func.count(o.value)).where(o.origin == origin)).one()
            countries = frozenset(conn.execute(
                select(o.country).where(o.origin == origin).distinct()).scalars())
            years = frozenset(y for y in conn.execute(
                select(o.year).where(o.origin == origin).distinct()).scalars() if y is not None)
            instruments = {r[0]: r[1] for r in conn.execute(
                select(i.id, i.status).where(i.origin == origin))}
    except SQLAlchemyError as exc:
        raise StoreError(f"database error: {exc}") from exc
    return Footprint(int(rows), int(valued), countries, years, instruments)
