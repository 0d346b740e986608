"""Areas, sources, indicators and observations: the statistical core of the model."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from functools import lru_cache

from migprofile.model.text import LocalizedText


class AreaKind(StrEnum):
    COUNTRY = "country"  # ISO 3166-1 country or territory
    WORLD = "world"
    REGION = "region"  # continent, UN M49 region or sub-region
    GROUPING = "grouping"  # a source's own grouping, or an aggregate (World Bank income groups...)
    OTHER = "other"  # "other countries", residual rows
    UNKNOWN = "unknown"
    STATELESS = "stateless"
    HISTORICAL = "historical"  # ISO 3166-3 former countries (USSR, Yugoslavia...)
    UNMAPPED = "unmapped"  # a source's name kept on purpose (--allow-unmapped)


@dataclass(frozen=True)
class Area:
    code: str  # ISO 3166-1 alpha-3 for countries; WLD, OTH, UNK, STL; "UN:150" regions; "MA:europe"
    kind: AreaKind
    names: LocalizedText
    iso2: str | None = None
    m49: int | None = None
    region: str | None = None  # code of the UN M49 region it belongs to (countries)
    subregion: str | None = None


@dataclass(frozen=True)
class Grouping:
    """A named set of areas: a continent, or a grouping one source used (``Pays arabes``)."""

    code: str
    members: tuple[str, ...]
    source_id: str | None = None


class Basis(StrEnum):
    CITIZENSHIP = "citizenship"
    BIRTH = "country_of_birth"
    PERMIT = "permit"
    REGISTRATION = "registration"
    APPREHENSION = "apprehension"
    MONETARY = "monetary"
    PROTECTION = "protection"  # refugee status, asylum
    SURVEY = "survey"
    OTHER = "other"


@dataclass(frozen=True)
class Indicator:
    code: str
    names: LocalizedText
    unit: str  # persons, usd_million, usd, percent, years, count
    basis: Basis
    definition: LocalizedText = field(default_factory=LocalizedText)
    direction: str | None = None  # emigration | immigration | None
    # decimals a value is printed with (indicators.yaml ``digits``); None: the unit's rule
    digits: int | None = None


@dataclass(frozen=True)
class Source:
    id: str
    publisher: str
    title: LocalizedText
    edition: str | None = None
    url: str | None = None
    accessed: date | None = None
    sha256: str | None = None
    licence: str | None = None
    citation: LocalizedText = field(default_factory=LocalizedText)
    note: LocalizedText = field(default_factory=LocalizedText)
    # the formula the publisher computes its own growth rates with ("exponential" for UN
    # DESA); None: the source states none, and profiles use CARIM's linear rate
    growth_convention: str | None = None


class Status(StrEnum):
    OBSERVED = "observed"
    ESTIMATED = "estimated"
    PROVISIONAL = "provisional"
    LOWER_BOUND = "lower_bound"  # "plus de", "more than"
    APPROXIMATE = "approximate"  # "environ", "about"
    MISSING = "missing"
    SUPPRESSED = "suppressed"  # small counts hidden by the source
    NOT_APPLICABLE = "not_applicable"

    @property
    def has_value(self) -> bool:
        return self not in (Status.MISSING, Status.SUPPRESSED, Status.NOT_APPLICABLE)


class Sex(StrEnum):
    TOTAL = "total"
    MALE = "male"
    FEMALE = "female"


# Partner codes that are no partner country: the world total, "other" and "unknown" rows,
# stateless persons. Top partners, corridors and "other countries" rows skip them.
SPECIAL_PARTNERS = frozenset({"WLD", "OTH", "UNK", "STL"})

_PERIOD = re.compile(r"^(\d{4})(?:-(\d{2})-(\d{2})|/(\d{4}))?$")


@dataclass(frozen=True)
class Period:
    """A period as sources give it, the one parser of periods: a year ``YYYY``, a date
    ``YYYY-MM-DD`` or a span ``YYYY/YYYY`` (a decade of flows: ``2000/2009``)."""

    start: int  # first year
    end: int  # last year; ``start`` for a year or a date
    day: date | None = None  # for a date

    @classmethod
    def parse(cls, text: str) -> Period:
        match = _PERIOD.match(text)
        if not match:
            raise ValueError(f"period {text!r} is not YYYY, YYYY-MM-DD or YYYY/YYYY")
        first = int(match.group(1))
        if match.group(2):
            try:
                day = date(first, int(match.group(2)), int(match.group(3)))
            except ValueError as exc:
                raise ValueError(f"period {text!r} is not a valid date: {exc}") from None
            return cls(first, first, day)
        if match.group(4):
            last = int(match.group(4))
            if last < first:
                raise ValueError(f"period {text!r} ends before it starts")
            return cls(first, last)
        return cls(first, first)

    @property
    def year(self) -> int:
        """The year a period counts for: its own, or a span's last (a stock at its end)."""
        return self.end


@lru_cache(maxsize=8192)  # a few hundred distinct periods, read for every observation
def period_year(period: str) -> int:
    """The year of a period: ``YYYY``, ``YYYY-MM-DD`` or, for a span ``YYYY/YYYY``, its end."""
    return Period.parse(period).year


def breakdown_key(breakdown: dict[str, str] | None) -> str:
    """Canonical text of a breakdown: ``"education=high;purpose=work"`` (sorted), or ``""``."""
    if not breakdown:
        return ""
    return ";".join(f"{k}={v}" for k, v in sorted(breakdown.items()))


def parse_breakdown(text: str) -> dict[str, str]:
    if not text or not text.strip():
        return {}
    pairs = [part.split("=", 1) for part in text.split(";") if part.strip()]
    if any(len(p) != 2 or not p[0].strip() or not p[1].strip() for p in pairs):
        raise ValueError(f"breakdown {text!r} is not of the form key=value;key=value")
    return {k.strip(): v.strip() for k, v in pairs}


@dataclass(frozen=True, slots=True)  # slots: imports hold 500,000 of them at once
class Observation:
    """One value of an indicator, for a reporting country and a partner area, with provenance."""

    indicator: str
    country: str  # the reporting (profiled) country, ISO3
    partner: str  # area code: destination, origin, sending country... or WLD for a total
    period: str  # "2007" or "2007-01-01"
    value: float | None
    source_id: str
    sex: Sex = Sex.TOTAL
    breakdown: dict[str, str] = field(default_factory=dict)
    status: Status = Status.OBSERVED
    note: LocalizedText = field(default_factory=LocalizedText)

    @property
    def year(self) -> int:
        return period_year(self.period)

    @property
    def key(self) -> tuple[str, str, str, str, str, str, str]:
        return (
            self.indicator,
            self.country,
            self.partner,
            self.period,
            self.sex.value,
            breakdown_key(self.breakdown),
            self.source_id,
        )
