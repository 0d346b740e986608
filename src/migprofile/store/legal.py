"""Named queries of the legal frameworks: the shared treaties reference, and the current
status of each treaty for each country.

``treaty_status`` is THE answer to "where does country X stand on treaty T": the profile, the
legal matrix page and the API all call it. Per (treaty, country) the instrument of the newest
snapshot (``as_of``) wins; when it gives only the year of a ratification and an older snapshot
has the exact date in that year, the older date (and its notes) are kept.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator, Sequence
from datetime import date

from sqlalchemy import Connection, delete, func, select

from migprofile.model import InstrumentKind, InstrumentStatus, LegalInstrument, Treaty
from migprofile.store import convert as cv
from migprofile.store import schema as t
from migprofile.store.queries import Store

#: instrument kinds whose snapshots ``treaty_status`` compares
STATUS_KINDS = (InstrumentKind.MULTILATERAL, InstrumentKind.RESOLUTION)


def replace_treaties(conn: Connection, treaties: Iterable[Treaty]) -> int:
    """Write the shared reference (every row replaced: it is data of the package, not user
    data); instruments link to it by key and are not touched."""
    rows = [cv.treaty_row(tr) for tr in treaties]
    conn.execute(delete(t.treaties))
    if rows:
        conn.execute(t.treaties.insert(), rows)
    return len(rows)


def treaties(store: Store) -> dict[str, Treaty]:
    """The reference, by key, in printing order."""
    query = select(t.treaties).order_by(t.treaties.c.ord, t.treaties.c.key)
    with store.engine.connect() as conn:
        return {r["key"]: cv.treaty_from(r) for r in conn.execute(query).mappings()}


def treaty_status(store: Store, *, country: str | None = None,
                  treaty: str | None = None) -> list[LegalInstrument]:
    """The current status of each treaty (or ``treaty``) for each country (or ``country``),
    one instrument per pair, ordered by country then treaty key."""
    c = t.legal_instruments.c
    query = (select(t.legal_instruments)
             .where(c.treaty.is_not(None), c.as_of.is_not(None),
                    c.kind.in_([k.value for k in STATUS_KINDS]))
             .order_by(c.country, c.treaty, c.as_of))
    if country is not None:
        query = query.where(c.country == country)
    if treaty is not None:
        query = query.where(c.treaty == treaty)
    with store.engine.connect() as conn:
        found = [cv.instrument_from(r) for r in conn.execute(query).mappings()]
    return sorted(current(found), key=lambda i: (i.country, i.treaty or ""))


def vote_tallies(store: Store) -> dict[str, dict[str, int]]:
    """Resolution -> status -> number of countries (one grouped query: a vote has one
    snapshot, the day of the vote)."""
    c = t.legal_instruments.c
    query = (select(c.treaty, c.status, func.count(func.distinct(c.country)))
             .where(c.kind == InstrumentKind.RESOLUTION.value, c.treaty.is_not(None))
             .group_by(c.treaty, c.status))
    out: dict[str, dict[str, int]] = {}
    with store.engine.connect() as conn:
        for treaty, status, count in conn.execute(query):
            out.setdefault(treaty, {})[status] = int(count)
    return out


def current(instruments: Iterable[LegalInstrument]) -> Iterator[LegalInstrument]:
    """Per (treaty, country), the instrument of the newest snapshot (see the module doc)."""
    groups: dict[tuple[str, str], list[LegalInstrument]] = {}
    for instrument in instruments:
        if instrument.treaty is None or instrument.as_of is None:
            continue
        groups.setdefault((instrument.treaty, instrument.country), []).append(instrument)
    for group in groups.values():
        group.sort(key=lambda i: i.as_of or date.min)
        yield with_exact_date(group[-1], group[:-1])


def with_exact_date(newest: LegalInstrument, older: Sequence[LegalInstrument]
                    ) -> LegalInstrument:
    if newest.status is not InstrumentStatus.RATIFIED or newest.ratified or not newest.years:
        return newest
    for old in reversed(older):
        if old.ratified is not None and old.ratified.year == newest.years[0]:
            return dataclasses.replace(newest, ratified=old.ratified, signed=old.signed,
                                       notes=old.notes)
    return newest
