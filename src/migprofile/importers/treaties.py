"""Ratification status of the migration treaties, from scrapes of the UN Treaty Collection.

One reader, ``treaties``, for two layouts:

- the tidy UNTC table of March 2015 (``untc_id, participant, signature_date, action_date,
  action_type``…): one instrument per participant and treaty, with the signature and the
  ratification / accession (a) / succession (d) / acceptance (A) / approval (AA) date; the
  kind of action is written in ``notes``;
- the World Politics Data Lab tables of 2022 (``hr_status_<treaty>.csv``: ``iso2, member,
  state party, year ratification or accession, signatory, no action``): the year only, kept
  in ``years``.

Statuses: ``ratified`` (any of those actions), ``signed`` (signed only), ``not_ratified``
(a UN member state with no action recorded; the 193 members are listed in
``mappings/un_members.yaml``), ``unknown`` (listed as a participant without any date, as
China for the 1954 Convention: see UNTC's notes). Participants that are not countries (the
European Union) are left out. The treaties are listed in ``mappings/treaties.yaml``; rows
of others are counted, not read.

Each instrument carries its treaty (the key of the shared reference, ``treaty``) and its
snapshot date (``as_of``) as fields; ids (``untc:<treaty>:<ISO3>[:<year>]``) are only unique
names, never parsed. ``current_instruments`` keeps the newest snapshot of each country and treaty
(the 2022 one for the ICMW), borrowing the exact date of an older one when the years agree.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from migprofile.importers.areamap import AreaMap
from migprofile.importers.base import ImportBatch, ReadOptions, register
from migprofile.importers.csvrows import base_name, iter_rows
from migprofile.importers.provenance import mapping_text
from migprofile.importers.table_context import TableContext
from migprofile.importers.tabular import file_record, has_columns
from migprofile.model import (
    LANGUAGES,
    AreaKind,
    InstrumentKind,
    InstrumentStatus,
    LegalInstrument,
    LocalizedText,
    Source,
    Treaty,
)
from migprofile.store.legal import current
from migprofile.validate import Severity

MAPPINGS = Path(__file__).with_name("mappings")
TIDY_COLUMNS = ("untc_id", "participant", "signature_date", "action_date", "action_type")
WPDL_COLUMNS = ("iso2", "member", "state party", "year ratification or accession", "signatory")
UNTC_2015 = date(2015, 3, 14)  # zmjones/untreaties commit; latest action 2015-02-09
WPDL_2022 = date(2022, 5, 29)  # first data commit of the WPDL tables (May-June 2022)
# the action types of the tidy table, whose notes mappings/treaty_status.yaml words
ACTIONS = ("ratification", "accession", "succession", "acceptance", "approval")


@dataclass(frozen=True)
class Listed:
    """A treaty of the reference with what this reader matches it by."""

    ref: Treaty
    untc: str | None
    wpdl: str | None
    tidy: bool = False  # in the tidy UNTC table of March 2015

    @property
    def key(self) -> str:
        return self.ref.key


@cache
def reference() -> dict[str, Treaty]:
    """The shared reference of ``mappings/treaties.yaml`` (conventions and resolutions)."""
    return {key: listed.ref for key, listed in _listed().items()}


@cache
def _listed() -> dict[str, Listed]:
    data: dict[str, Any] = yaml.safe_load(
        (MAPPINGS / "treaties.yaml").read_text(encoding="utf-8"))
    out = {}
    for key, v in data.items():
        ref = Treaty(key=key, kind=str(v["kind"]), title=LocalizedText(v["title"]),
                     short_name=LocalizedText(v["short_name"]), row=str(v["row"]),
                     framework=str(v.get("framework", "legal")), untc=v.get("untc"),
                     symbol=v.get("symbol"), adopted=v.get("adopted"),
                     grammar=dict(v.get("grammar") or {}), order=int(v.get("order", 0)))
        out[key] = Listed(ref, v.get("untc"), v.get("wpdl"), bool(v.get("untc_2015")))
    return out


def catalogue(*, tidy: bool = False) -> dict[str, Listed]:
    """The treaties this reader imports (those with a UNTC reference), by key; ``tidy``:
    only those of the March 2015 table."""
    return {k: t for k, t in _listed().items() if t.untc and (t.tidy or not tidy)}


@cache
def un_members() -> frozenset[str]:
    data = yaml.safe_load((MAPPINGS / "un_members.yaml").read_text(encoding="utf-8"))
    return frozenset(data["members"])


def _by_untc() -> dict[str, Listed]:
    return {t.untc: t for t in catalogue().values() if t.untc}


def _wpdl_treaty(path: Path) -> Listed | None:
    stem = base_name(path).rsplit(".", 1)[0]
    return next((t for t in catalogue().values() if t.wpdl == stem), None)


def _layout(path: Path) -> str | None:
    if has_columns(path, *TIDY_COLUMNS):
        return "untc"
    if has_columns(path, *WPDL_COLUMNS) and _wpdl_treaty(path) is not None:
        return "wpdl"
    return None


def instrument_id(treaty: Listed, country: str, as_of: date) -> str:
    """A unique name; the treaty and the snapshot are the instrument's own fields."""
    base = f"untc:{treaty.key}:{country}"
    return base if as_of == UNTC_2015 else f"{base}:{as_of.year}"


def _as_of(options: ReadOptions, default: date) -> date:
    try:
        return date.fromisoformat(options.edition) if options.edition else default
    except ValueError:
        return default


def treaty_source(path: Path, options: ReadOptions, as_of: date,
                  treaty: Listed | None) -> Source:
    """The Source of a status table (``sources/untc.yaml``); edition = the snapshot date."""
    if treaty is None:
        return file_record("untc", "untc", path, options, edition=as_of.isoformat())
    titles = {f"treaty_title_{lang}": treaty.ref.short_name.text(lang) for lang in LANGUAGES}
    return file_record("untc", "wpdl", path, options, edition=as_of.isoformat(),
                       treaty=treaty.key, **titles)


@dataclass
class _Read:
    """What one file says: per treaty, the countries that acted, and the instruments."""

    ctx: TableContext
    as_of: date
    instruments: list[LegalInstrument] = dataclasses.field(default_factory=list)
    acted: dict[str, set[str]] = dataclasses.field(default_factory=dict)

    def country(self, name: str, line: int, column: str) -> str | None:
        code = self.ctx.areas.code(name, line, column)
        if code is None or not self.ctx.wanted(code):
            return None
        kind = self.ctx.areas.kind(code)
        if kind not in (AreaKind.COUNTRY, AreaKind.UNMAPPED):
            self.ctx.problem("not-a-country", f"{name!r} ({code}) is not a country: left out",
                             row=line, column=column, severity=Severity.INFO)
            return None
        return code

    def add(self, treaty: Listed, country: str, status: InstrumentStatus, **dates: Any) -> None:
        self.acted.setdefault(treaty.key, set()).add(country)
        self.instruments.append(LegalInstrument(
            id=instrument_id(treaty, country, self.as_of), country=country,
            kind=InstrumentKind.MULTILATERAL, title=treaty.ref.title, status=status,
            source_id=self.ctx.source_id, number=f"UNTC {treaty.untc}",
            short_name=treaty.ref.short_name, adopted=treaty.ref.adopted, as_of=self.as_of,
            treaty=treaty.key, **dates))

    def not_ratified(self, treaty: Listed, note: LocalizedText) -> None:
        """UN members with no action on ``treaty`` in this file."""
        done = self.acted.get(treaty.key, set())
        for country in sorted(un_members() - done):
            if self.ctx.wanted(country):
                self.add(treaty, country, InstrumentStatus.NOT_RATIFIED, notes=note)


def _date(state: _Read, text: str, line: int, column: str) -> date | None:
    if not text.strip():
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        state.ctx.problem("invalid-date", f"{text!r} is not a date (YYYY-MM-DD)", row=line,
                          column=column)
        return None


def _action_note(action: str) -> LocalizedText:
    if action not in ACTIONS:  # an unknown type (warned about) is kept as the source wrote it
        return LocalizedText({"en": action}, original="en")
    return mapping_text("treaty_status", "actions", action)


def _status_note(key: str, **fields: str) -> LocalizedText:
    text = mapping_text("treaty_status", "notes", key)
    return LocalizedText({lang: t.format(**fields) for lang, t in text.items()}, original="en")


def read_tidy(state: _Read, rows: Iterable[tuple[int, dict[str, str]]]) -> None:
    treaties, others = _by_untc(), 0
    for line, row in rows:
        treaty = treaties.get(row["untc_id"].strip())
        if treaty is None:
            others += 1
            continue
        country = state.country(row["participant"], line, "participant")
        if country is None:
            continue
        signed = _date(state, row["signature_date"], line, "signature_date")
        acted = _date(state, row["action_date"], line, "action_date")
        action = row["action_type"].strip()
        if acted is not None:
            if action not in ACTIONS:
                state.ctx.problem("invalid-value", f"action {action!r} is not one of "
                                  f"{', '.join(ACTIONS)}", row=line, column="action_type",
                                  severity=Severity.WARNING)
            state.add(treaty, country, InstrumentStatus.RATIFIED, signed=signed,
                      ratified=acted, notes=_action_note(action))
        elif signed is not None:
            state.add(treaty, country, InstrumentStatus.SIGNED, signed=signed)
        else:
            state.ctx.problem("participant-without-date", f"{row['participant']} is listed "
                              "with neither a signature nor an action date: status unknown",
                              row=line, column="action_date", severity=Severity.INFO)
            state.add(treaty, country, InstrumentStatus.UNKNOWN,
                      notes=_status_note("listed_without_date"))
    for treaty in treaties.values():
        if treaty.tidy:  # the March 2015 scrape covers it: non-parties are "not ratified"
            state.not_ratified(treaty, _status_note("no_action_2015"))
    if others:
        state.ctx.report.info("treaty-skipped", f"{others} row(s) of treaties not listed in "
                              "mappings/treaties.yaml left out", file=state.ctx.file)


def _wpdl_country(state: _Read, row: dict[str, str], line: int) -> str | None:
    code = state.ctx.areas.registry.try_resolve(row["iso2"]) if row["iso2"].strip() else None
    if code is None or state.ctx.areas.kind(code) is not AreaKind.COUNTRY:
        return state.country(row["member"], line, "member")  # "TP" (East Timor): by name
    return code if state.ctx.wanted(code) else None


def read_wpdl(state: _Read, treaty: Listed, rows: Iterable[tuple[int, dict[str, str]]]
              ) -> None:
    year_note = _status_note("year_only", as_of=state.as_of.isoformat())
    no_action = _status_note("no_action", as_of=state.as_of.isoformat())
    for line, row in rows:
        country = _wpdl_country(state, row, line)
        if country is None:
            continue
        year = row["year ratification or accession"].strip()
        if row["state party"].strip() == "1":
            years = (int(year),) if year.isdigit() else ()
            state.add(treaty, country, InstrumentStatus.RATIFIED, years=years, notes=year_note)
        elif row["signatory"].strip() == "1":
            state.add(treaty, country, InstrumentStatus.SIGNED)
        else:
            state.add(treaty, country, InstrumentStatus.NOT_RATIFIED, notes=no_action)


class TreatiesReader:
    name = "treaties"
    description = ("UN Treaty Collection status of the migration treaties: the tidy March 2015 "
                   "table, or a World Politics Data Lab hr_status_<treaty>.csv (2022)")

    def claims(self, path: Path) -> bool:
        return _layout(path) is not None

    def read(self, path: Path, options: ReadOptions) -> ImportBatch:
        layout = _layout(path)
        if layout is None:
            raise ValueError(f"{path} is not a UNTC treaty status table")
        as_of = _as_of(options, UNTC_2015 if layout == "untc" else WPDL_2022)
        treaty = _wpdl_treaty(path) if layout == "wpdl" else None
        source = treaty_source(path, options, as_of, treaty)
        ctx = TableContext(file=path.name, source_id=source.id, options=options,
                           areas=AreaMap(file=path.name, allow_unmapped=options.allow_unmapped))
        ctx.report.subject = str(path)
        state = _Read(ctx, as_of)
        if treaty is None:
            read_tidy(state, iter_rows(path, ctx.report, TIDY_COLUMNS))
        else:
            read_wpdl(state, treaty, iter_rows(path, ctx.report, WPDL_COLUMNS))
        ctx.finish()
        ctx.report.stats["instruments"] = len(state.instruments)
        return ImportBatch(source=source, format=self.name, path=str(path),
                           instruments=state.instruments, areas=ctx.unmapped, report=ctx.report)


def treaty_key(instrument: LegalInstrument) -> tuple[str, str] | None:
    """(treaty, country) of a status snapshot, or None (from its fields, not its id)."""
    if instrument.treaty is None or instrument.as_of is None:
        return None
    return (instrument.treaty, instrument.country)


def current_instruments(instruments: Iterable[LegalInstrument]) -> Iterator[LegalInstrument]:
    """Per treaty and country, the instrument of the newest snapshot (``store.legal.current``,
    the rule ``treaty_status`` applies); instruments that are no status snapshot pass through.
    """
    snapshots = []
    for instrument in instruments:
        if treaty_key(instrument) is None:
            yield instrument
        else:
            snapshots.append(instrument)
    yield from current(snapshots)


register(TreatiesReader())
