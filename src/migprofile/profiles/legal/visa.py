"""Generated items: the visa policy of the country (as destination) and the access of its
passport (as passport), from the newest Passport Index snapshot, the main partners named
(by UN DESA migrant stocks) and the change of the visa-free count since the oldest snapshot.
A private index: every title says so."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from datetime import date

from migprofile.i18n import labelled
from migprofile.model import Observation, Source
from migprofile.profiles.counted import counted
from migprofile.profiles.legal.common import NOT_COVERED, Generated, group
from migprofile.profiles.legal.data import VISA, LegalData
from migprofile.profiles.legal.words import (
    join,
    long_date,
    number,
    pick,
    word,
    wording,
)
from migprofile.profiles.tree import LegalItem

VISA_FREE = 1
TOP = 5
STOCKS = {0: "immigrant_stock_birth", 1: "emigrant_stock_birth"}  # side -> UN DESA stock


def _category(code: int, lang: str) -> str:
    return pick(wording("visa")["categories"][code], lang)


def _counts(rows: Sequence[Observation], lang: str) -> str:
    tally = Counter(int(o.value or 0) for o in rows)
    parts = [f"{_category(code, lang)} ({number(n, lang)})" for code, n in sorted(tally.items())]
    return join(parts, lang)


def main_partners(observations: Sequence[Observation], indicator: str
                  ) -> tuple[str | None, list[str]]:
    """(period, the TOP partners by stock) of a UN DESA bilateral stock, newest period."""
    rows = [o for o in observations if o.indicator == indicator and o.value
            and o.sex.value == "total" and not o.breakdown and len(o.partner) == 3
            and o.partner != "WLD"]
    if not rows:
        return None, []
    period = max(o.period for o in rows)
    ranked = sorted((o for o in rows if o.period == period), key=lambda o: -(o.value or 0))
    return period, [o.partner for o in ranked[:TOP]]


def _group(side: int, rows: list[Observation], partner_of: Callable[[Observation], str],
           observations: Sequence[Observation], lang: str, names: Mapping[str, str],
           sources: Mapping[str, Source]) -> list[LegalItem]:
    periods = sorted({o.period for o in rows})
    newest = [o for o in rows if o.period == periods[-1]]
    source = newest[0].source_id
    key = "in" if side == 0 else "out"
    sentences = wording("visa")["sentences"]
    items = [LegalItem(text=pick(sentences[f"{key}_counts"], lang).format(
        total=counted("nationalities" if side == 0 else "destinations", len(newest), lang),
        counts=_counts(newest, lang)),
        source_id=source, as_of=periods[-1])]
    stock_period, partners = main_partners(observations, STOCKS[side])
    by_partner = {partner_of(o): int(o.value or 0) for o in newest}
    listed = [f"{labelled(lang, names.get(p, p))} {_category(by_partner[p], lang)}"
              for p in partners if p in by_partner]
    if listed and stock_period:
        items.append(LegalItem(text=pick(sentences[f"{key}_partners"], lang).format(
            year=stock_period[:4], list=join(listed, lang)), source_id=source,
            as_of=periods[-1], partners=tuple(p for p in partners if p in by_partner)))
    if len(periods) > 1:
        oldest = [o for o in rows if o.period == periods[0]]
        count = {p: sum(1 for o in r if int(o.value or 0) == VISA_FREE)
                 for p, r in ((periods[0], oldest), (periods[-1], newest))}
        items.append(LegalItem(text=pick(sentences[f"{key}_change"], lang).format(
            old=number(count[periods[0]], lang), new=number(count[periods[-1]], lang),
            old_date=long_date(date.fromisoformat(periods[0]), lang),
            new_date=long_date(date.fromisoformat(periods[-1]), lang)),
            source_id=newest[0].source_id, as_of=periods[-1], date=periods[0]))
    return items


def add_visa(out: Generated, country: str, observations: Sequence[Observation],
             legal: LegalData, lang: str, names: Mapping[str, str],
             sources: Mapping[str, Source]) -> None:
    inbound = [o for o in observations if o.indicator == VISA and o.country == country]
    outbound = [o for o in legal.visa_out if o.partner == country]
    if not inbound and not outbound:
        imported = legal.imported.get("visa", [])
        if imported:
            item = LegalItem(text=word("missing", "visa", lang), source_id=imported[-1],
                             status=NOT_COVERED)
            out.add("legal", "entry_exit", 0, group("visa_in", word(
                "titles", "visa_in", lang, as_of="—"), [item], sources, lang))
        return
    for side, rows, partner_of in ((0, inbound, lambda o: o.partner),
                                   (1, outbound, lambda o: o.country)):
        if not rows:
            continue
        items = _group(side, rows, partner_of, observations, lang, names, sources)
        newest = date.fromisoformat(max(o.period for o in rows))
        key = "visa_in" if side == 0 else "visa_out"
        title = word("titles", key, lang, as_of=long_date(newest, lang))
        out.add("legal", "entry_exit", side, group(key, title, items, sources, lang))
