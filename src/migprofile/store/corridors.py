"""Named queries of a corridor (two countries A and B, both directions).

``corridor_observations`` is THE answer to "what the store holds between A and B": every
observation whose country is one of them and whose partner is the other (UN DESA bilateral
stocks, KNOMAD remittances, UNHCR refugees, a package's consular counts, OECD flows, visa
requirements). ``partner_rank`` says where a partner stands among a country's partners for
one indicator, source and period; ``top_partners`` lists a country's main partners.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import and_, func, or_, select

from migprofile.model import SPECIAL_PARTNERS, InstrumentKind, LegalInstrument, Observation
from migprofile.store import convert as cv
from migprofile.store import schema as t
from migprofile.store.queries import Store

#: partner codes that are not countries (world, other, unknown, stateless)
NOT_COUNTRIES = tuple(sorted(SPECIAL_PARTNERS))
BILATERAL_KINDS = (InstrumentKind.BILATERAL, InstrumentKind.LABOUR, InstrumentKind.READMISSION)


def corridor_observations(store: Store, a: str, b: str) -> list[Observation]:
    """Observations of A about B and of B about A, ordered by indicator, country, period."""
    c = t.observations.c
    query = (select(*t.observation_columns)
             .where(or_(and_(c.country == a, c.partner == b), and_(c.country == b, c.partner == a)))
             .order_by(c.indicator, c.country, c.period, c.source_id, c.sex, c.breakdown))
    with store.engine.connect() as conn:
        return cv.observations_from(conn.execute(query).mappings())


def bilateral_instruments(store: Store, a: str, b: str) -> list[LegalInstrument]:
    """Instruments stored for A whose parties include B, and for B whose parties include A
    (labour and readmission agreements, partnerships)."""
    query = (select(t.legal_instruments)
             .where(t.legal_instruments.c.country.in_([a, b]),
                    t.legal_instruments.c.kind.in_([k.value for k in BILATERAL_KINDS]))
             .order_by(t.legal_instruments.c.country, t.legal_instruments.c.id))
    with store.engine.connect() as conn:
        found = [cv.instrument_from(r) for r in conn.execute(query).mappings()]
    return [i for i in found if (b if i.country == a else a) in i.parties]


@dataclass(frozen=True)
class Rank:
    rank: int  # 1 = the first partner
    of: int  # how many partners have a value
    period: str
    source_id: str


def partner_rank(store: Store, indicator: str, country: str, partner: str, period: str,
                 source_id: str) -> Rank | None:
    """Rank of ``partner`` among ``country``'s partners (countries only, totals, both sexes)."""
    c = t.observations.c
    base = (c.indicator == indicator, c.country == country, c.period == period,
            c.source_id == source_id, c.sex == "total", c.breakdown == "",
            c.value.is_not(None), c.partner.not_in(NOT_COUNTRIES), func.length(c.partner) == 3)
    with store.engine.connect() as conn:
        mine = conn.execute(select(c.value).where(*base, c.partner == partner)).scalar()
        if mine is None:
            return None
        above = conn.execute(select(func.count()).where(*base, c.value > mine)).scalar() or 0
        total = conn.execute(select(func.count()).where(*base)).scalar() or 0
    return Rank(int(above) + 1, int(total), period, source_id)


def _partner_filter(indicator: str, country: str) -> tuple[Any, ...]:
    """Totals, both sexes, of ``country``'s partner countries (not world or other)."""
    c = t.observations.c
    return (c.indicator == indicator, c.country == country, c.sex == "total",
            c.breakdown == "", c.value.is_not(None), c.partner.not_in(NOT_COUNTRIES),
            func.length(c.partner) == 3)


def partner_periods(store: Store, indicator: str, country: str) -> list[str]:
    """The periods in which ``country`` has values of ``indicator`` for partner countries,
    oldest first."""
    c = t.observations.c
    with store.engine.connect() as conn:
        rows = conn.execute(select(c.period).where(*_partner_filter(indicator, country))
                            .distinct().order_by(c.period)).all()
    return [str(r[0]) for r in rows]


@dataclass(frozen=True)
class PartnerValues:
    """One indicator of one country for all its partner countries, one period and source."""

    period: str
    source_id: str
    values: list[tuple[str, float]]  # (partner, value), largest first
    total: float | None  # the same source's world total of that period, if stored


def partner_values(store: Store, indicator: str, country: str, period: str | None = None,
                   limit: int | None = None) -> PartnerValues | None:
    """``country``'s partners by ``indicator`` in ``period`` (default: the newest) from the
    newest source holding that period; ``limit``: the first ones only."""
    c = t.observations.c
    base = _partner_filter(indicator, country)
    with store.engine.connect() as conn:
        where = (*base, c.period == period) if period else base
        newest = conn.execute(select(c.period, c.source_id).where(*where)
                              .order_by(c.period.desc(), c.source_id.desc()).limit(1)).first()
        if newest is None:
            return None
        chosen = (c.period == newest[0], c.source_id == newest[1])
        query = (select(c.partner, c.value).where(*base, *chosen)
                 .order_by(c.value.desc(), c.partner))
        rows = conn.execute(query.limit(limit) if limit else query).all()
        total = conn.execute(select(c.value).where(
            c.indicator == indicator, c.country == country, c.partner == "WLD",
            c.sex == "total", c.breakdown == "", *chosen)).scalar()
    return PartnerValues(str(newest[0]), str(newest[1]),
                         [(str(p), float(v)) for p, v in rows],
                         float(total) if total is not None else None)


def top_partners(store: Store, indicator: str, country: str, n: int = 5
                 ) -> list[tuple[str, float, str]]:
    """(partner, value, period) of ``country``'s ``n`` first partners in the newest period of
    the newest source holding ``indicator`` (totals, both sexes, countries only)."""
    found = partner_values(store, indicator, country, limit=n)
    return [(p, v, found.period) for p, v in found.values] if found else []
