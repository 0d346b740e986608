"""The legal and socio-political frameworks: instruments, cells, footnotes, narratives."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from migprofile.model.text import LocalizedText


class InstrumentKind(StrEnum):
    CONSTITUTION = "constitution"
    NATIONAL_LAW = "national_law"
    DECREE = "decree"
    MULTILATERAL = "multilateral_convention"
    BILATERAL = "bilateral_agreement"
    LABOUR = "labour_agreement"  # bilateral labour agreement (BLA datasets)
    READMISSION = "readmission_agreement"
    RESOLUTION = "resolution_vote"  # a country's recorded vote on a UN resolution
    MEMBERSHIP = "membership"  # member state of a regional organisation
    OTHER = "other"


class InstrumentStatus(StrEnum):
    IN_FORCE = "in_force"
    RATIFIED = "ratified"  # ratification, accession or succession
    SIGNED = "signed"  # signed, not ratified
    NOT_RATIFIED = "not_ratified"
    MEMBER = "member"
    ADOPTED = "adopted"
    VOTED_YES = "voted_yes"
    VOTED_NO = "voted_no"
    ABSTAINED = "abstained"
    NOT_VOTING = "not_voting"  # a UN member with no recorded vote (absent or not taking part)
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class LegalInstrument:
    id: str
    country: str  # ISO3 of the profiled country
    kind: InstrumentKind
    title: LocalizedText
    status: InstrumentStatus
    source_id: str
    number: str | None = None
    short_name: LocalizedText = field(default_factory=LocalizedText)
    adopted: date | None = None
    signed: date | None = None
    ratified: date | None = None
    in_force: date | None = None
    years: tuple[int, ...] = ()  # years of successive agreements when exact dates are not known
    parties: tuple[str, ...] = ()  # area codes of the other parties
    notes: LocalizedText = field(default_factory=LocalizedText)
    as_of: date | None = None  # date of the status snapshot
    # the shared reference entry (``treaties`` table) this instrument is the status of; the
    # snapshot is ``as_of``. No code reads either out of ``id``.
    treaty: str | None = None
    topics: tuple[str, ...] = ()  # coded content (labour agreements) or type (readmission)
    url: str | None = None  # where the text or the record can be read


@dataclass(frozen=True)
class Treaty:
    """A convention, protocol or resolution as shared reference data: any number of
    countries' instruments (status snapshots, package citations) link to it by ``key``."""

    key: str
    kind: str  # convention | protocol | resolution
    title: LocalizedText
    short_name: LocalizedText
    row: str  # the framework row it belongs to (legal or socio-political)
    framework: str = "legal"
    untc: str | None = None  # UN Treaty Collection reference (chapter-number)
    symbol: str | None = None  # UN document symbol of a resolution
    adopted: date | None = None
    # grammar of the short name, for status words that agree with it: {"fr": "f.sg", "ar": "m"}
    grammar: dict[str, str] = field(default_factory=dict)
    order: int = 0


class Framework(StrEnum):
    LEGAL = "legal"
    SOCIO_POLITICAL = "socio_political"


LEGAL_ROWS: tuple[str, ...] = (
    "general_references",
    "entry_exit",
    "irregular_migration",
    "rights_residence",
    "labour_migration",
    "nationality",
    "refugees",
)
SOCIO_POLITICAL_ROWS: tuple[str, ...] = (
    "institutions",
    "strategy",
    "civil_society",
    "challenges",
    "cooperation",
)
DIRECTIONS: dict[Framework, tuple[str, str]] = {
    Framework.LEGAL: ("immigration", "emigration"),
    Framework.SOCIO_POLITICAL: ("outward", "inward"),
}


@dataclass(frozen=True)
class FrameworkCell:
    country: str
    framework: Framework
    row: str
    direction: str
    order: int
    text: LocalizedText  # Markdown per language
    footnotes: tuple[int, ...] = ()
    instruments: tuple[str, ...] = ()
    source_id: str | None = None


@dataclass(frozen=True)
class Footnote:
    country: str
    number: int
    text: LocalizedText


@dataclass(frozen=True)
class Narrative:
    """A paragraph whose figures are template expressions resolved from observations."""

    country: str
    section: str
    key: str
    order: int
    text: LocalizedText  # Jinja: {{ obs("emigrant_stock", period="1993-01-01") | millions }}
    source_ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class TableLayout:
    """How a package wants one of its tables laid out: a tree of partner rows."""

    country: str
    table_id: str
    spec: dict[str, object]
