"""UN General Assembly recorded votes (Voeten, via the ``unvotes`` package):
``unga_migration_votes.csv`` (one row per roll call and voting country).

Only the resolutions of the shared reference (``mappings/treaties.yaml``, kind
``resolution``, matched by ``symbol``) are kept; other roll calls are counted. One instrument
per resolution and country (kind ``resolution_vote``, ``treaty`` = the reference key,
``as_of`` = the date of the vote): ``voted_yes``, ``voted_no``, ``abstained``, and
``not_voting`` for a UN member state with no recorded vote (the source drops absences).
Unknown vote values and country codes are named in one error each.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import Path

from migprofile.importers.areamap import AreaMap
from migprofile.importers.base import ImportBatch, ReadOptions, register
from migprofile.importers.csvrows import iter_rows
from migprofile.importers.table_context import TableContext
from migprofile.importers.tabular import file_record, has_columns
from migprofile.importers.treaties import reference, un_members
from migprofile.model import (
    AreaKind,
    InstrumentKind,
    InstrumentStatus,
    LegalInstrument,
    Treaty,
)

COLUMNS = ("rcid", "date", "resolution_symbol", "iso3", "vote")
EDITION = "2021-02-21"  # Dataverse version downloaded by the unvotes package
# the unvotes package keeps a state's code after a change of name: Serbia votes as "YU"
# (Yugoslavia) after the dissolution of Serbia and Montenegro (3 June 2006)
SEATS = {"YUG": ("SRB", date(2006, 6, 3))}
VOTES = {"yes": InstrumentStatus.VOTED_YES, "no": InstrumentStatus.VOTED_NO,
         "abstain": InstrumentStatus.ABSTAINED}


def resolutions() -> dict[str, Treaty]:
    return {t.symbol: t for t in reference().values() if t.kind == "resolution" and t.symbol}


class _State:
    def __init__(self, ctx: TableContext) -> None:
        self.ctx = ctx
        self.out: list[LegalInstrument] = []
        self.voted: dict[str, tuple[date, set[str]]] = {}
        self.unknown: dict[str, int] = {}

    def add(self, treaty: Treaty, country: str, status: InstrumentStatus, when: date) -> None:
        self.out.append(LegalInstrument(
            id=f"unga:{treaty.key}:{country}", country=country,
            kind=InstrumentKind.RESOLUTION, title=treaty.title, short_name=treaty.short_name,
            status=status, source_id=self.ctx.source_id, number=treaty.symbol,
            adopted=treaty.adopted, as_of=when, treaty=treaty.key))


def read_rows(state: _State, rows: Iterable[tuple[int, dict[str, str]]]) -> int:
    wanted, others = resolutions(), 0
    ctx = state.ctx
    for line, row in rows:
        treaty = wanted.get(row["resolution_symbol"].strip())
        if treaty is None:
            others += 1
            continue
        status = VOTES.get(row["vote"].strip())
        if status is None:
            state.unknown.setdefault(row["vote"].strip(), line)
            continue
        try:
            when = date.fromisoformat(row["date"].strip())
        except ValueError:
            ctx.problem("invalid-date", f"{row['date']!r} is not a date", row=line,
                        column="date")
            continue
        code = row["iso3"].strip()
        if code in SEATS and when >= SEATS[code][1]:
            code = SEATS[code][0]
        country = ctx.areas.code(code, line, "iso3")
        if country is None or ctx.areas.kind(country) is not AreaKind.COUNTRY:
            continue
        state.voted.setdefault(treaty.key, (when, set()))[1].add(country)
        if ctx.wanted(country):
            state.add(treaty, country, status, when)
    for treaty in wanted.values():
        if treaty.key not in state.voted:
            continue  # not in this file
        when, voted = state.voted[treaty.key]
        for country in sorted(un_members() - voted):
            if ctx.wanted(country):
                state.add(treaty, country, InstrumentStatus.NOT_VOTING, when)
    return others


class UngaVotesReader:
    name = "unga-votes"
    description = ("UN General Assembly recorded votes (Voeten; unga_migration_votes.csv): the "
                   "votes on the resolutions of mappings/treaties.yaml")

    def claims(self, path: Path) -> bool:
        return has_columns(path, *COLUMNS)

    def read(self, path: Path, options: ReadOptions) -> ImportBatch:
        source = file_record("legal_datasets", "unga", path, options, edition=EDITION)
        ctx = TableContext(file=path.name, source_id=source.id, options=options,
                           areas=AreaMap(file=path.name, allow_unmapped=options.allow_unmapped))
        ctx.report.subject = str(path)
        state = _State(ctx)
        others = read_rows(state, iter_rows(path, ctx.report, COLUMNS))
        if state.unknown:
            listed = ", ".join(f"{v!r} (row {n})" for v, n in state.unknown.items())
            ctx.problem("unknown-code", f"vote value(s) not yes/no/abstain: {listed}",
                        row=min(state.unknown.values()), column="vote")
        if others:
            ctx.report.info("resolution-skipped", f"{others} vote(s) on resolutions not in "
                            "mappings/treaties.yaml left out", file=path.name)
        ctx.finish()
        ctx.report.stats["instruments"] = len(state.out)
        return ImportBatch(source=source, format=self.name, path=str(path),
                           instruments=state.out, areas=ctx.unmapped, report=ctx.report)


register(UngaVotesReader())
