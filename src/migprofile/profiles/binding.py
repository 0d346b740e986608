"""Narratives whose figures are bound to data.

A narrative is a Jinja2 template run in a sandbox. Its functions (``obs``, ``growth``,
``share``, ``variation``, ``total``) look figures up in the country's observations; its
filters (``count``, ``millions``, ``pct``, ``num``, ``year``, ``date``, ``qualifier``,
``formula``, ``bare``) print them in the profile's language. A lookup with no data behind
it raises ``BindingError``: a profile never prints a blank where a figure should be.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import jinja2
from jinja2.sandbox import SandboxedEnvironment

from migprofile.errors import BindingError
from migprofile.i18n import (
    format_day,
    format_millions,
    format_number,
    format_percent,
    gettext,
    qualified,
)
from migprofile.i18n import qualifier as status_qualifier
from migprofile.indicators.growth import GrowthMethod, average_annual_growth, years_between
from migprofile.indicators.shares import share as share_of
from migprofile.indicators.shares import variation as variation_of
from migprofile.model import Narrative, Observation, Status, breakdown_key
from migprofile.profiles.sandbox import BudgetedEnvironment
from migprofile.profiles.tree import Value


@dataclass(frozen=True)
class Figure:
    """A value a narrative can print: an observation or a value computed from observations."""

    value: float
    kind: str  # observed | share | growth | variation | total
    status: Status
    period: str
    source_id: str | None
    formula: str | None = None
    partner: str | None = None

    @classmethod
    def of(cls, obs: Observation) -> Figure:
        if obs.value is None:
            raise BindingError(f"{obs.indicator} {obs.partner} {obs.period} has no value "
                               f"({obs.status.value})")
        return cls(obs.value, "observed", obs.status, obs.period, obs.source_id,
                   partner=obs.partner)


class Binder:
    """Resolves the functions and filters of narrative templates for one country and language."""

    def __init__(self, observations: Sequence[Observation], lang: str,
                 method: GrowthMethod = GrowthMethod.LINEAR,
                 preferred_sources: frozenset[str] = frozenset(),
                 names: dict[str, str] | None = None, country: str = "") -> None:
        self.lang = lang
        self.names = names or {}
        self.country = country
        self.method = method
        self.preferred = preferred_sources
        self.used: list[Value] = []
        self._index: dict[tuple[str, str, str, str], list[Observation]] = {}
        for o in observations:
            key = (o.indicator, o.partner, o.sex.value, breakdown_key(o.breakdown))
            self._index.setdefault(key, []).append(o)
        self.env = self._environment()

    # -- lookups ------------------------------------------------------------------------------

    def obs(self, indicator: str, partner: str = "WLD", period: str | None = None,
            sex: str = "total", source: str | None = None, **breakdown: str) -> Figure:
        candidates = [o for o in self._index.get((indicator, partner, sex,
                                                  breakdown_key(breakdown)), [])
                      if (source is None or o.source_id == source)
                      and (period is None or o.period == str(period))]
        where = (f"{indicator} partner={partner} period={period or 'latest'} sex={sex}"
                 + "".join(f" {k}={v}" for k, v in sorted(breakdown.items()))
                 + (f" source={source}" if source else ""))
        if not candidates:
            raise BindingError(f"no observation for {where}")
        if period is None:
            latest = max(c.year for c in candidates)
            candidates = [c for c in candidates if c.year == latest]
        if len(candidates) > 1 and source is None:
            # a narrative belongs to a package: its own sources win over imported data sets
            own = [c for c in candidates if c.source_id in self.preferred]
            candidates = own if len(own) == 1 else candidates
        if len(candidates) > 1:
            raise BindingError(f"{len(candidates)} observations for {where} "
                               f"(sources {sorted(c.source_id for c in candidates)}): name one")
        return self._record(Figure.of(candidates[0]), "count")

    def growth(self, indicator: str, start: str, end: str, partner: str = "WLD",
               source: str | None = None, **breakdown: str) -> Figure:
        f0 = self.obs(indicator, partner, str(start), source=source, **breakdown)
        f1 = self.obs(indicator, partner, str(end), source=source, **breakdown)
        rate = average_annual_growth(f0.value, f1.value, years_between(str(start), str(end)),
                                     self.method)
        assert rate.value is not None
        return self._record(Figure(rate.value, "growth", Status.OBSERVED, f"{start}/{end}",
                                   f1.source_id, self.method.value), "rate")

    def share(self, indicator: str, partner: str, period: str, of: str = "WLD",
              source: str | None = None, **breakdown: str) -> Figure:
        part = self.obs(indicator, partner, str(period), source=source, **breakdown)
        whole = self.obs(indicator, of, str(period), source=source, **breakdown)
        return self._record(Figure(share_of(part.value, whole.value), "share", Status.OBSERVED,
                                   str(period), part.source_id, "share"), "percent")

    def variation(self, indicator: str, start: str, end: str, partner: str = "WLD",
                  source: str | None = None, **breakdown: str) -> Figure:
        f0 = self.obs(indicator, partner, str(start), source=source, **breakdown)
        f1 = self.obs(indicator, partner, str(end), source=source, **breakdown)
        return self._record(Figure(variation_of(f0.value, f1.value), "variation",
                                   Status.OBSERVED, f"{start}/{end}", f1.source_id, "variation"),
                            "percent")

    def total(self, indicator: str, period: str, partners: Sequence[str],
              source: str | None = None) -> Figure:
        figures = [self.obs(indicator, p, str(period), source=source) for p in partners]
        status = Status.OBSERVED if all(f.status is Status.OBSERVED for f in figures) \
            else Status.ESTIMATED
        return self._record(Figure(sum(f.value for f in figures), "total", status, str(period),
                                   figures[0].source_id, "sum"), "count")

    def _series(self, indicator: str, partner: str, **breakdown: str) -> list[Observation]:
        """Values of the newest source that has the indicator (source ids sort by edition)."""
        found = [o for o in self._index.get((indicator, partner, "total",
                                             breakdown_key(breakdown)), [])
                 if o.value is not None]
        if not found:
            raise BindingError(f"no observation for {indicator} partner={partner}")
        newest = _newest_source(found)
        return sorted((o for o in found if o.source_id == newest), key=lambda o: o.period)

    def partners_total(self, indicator: str, period: str | None = None) -> Figure:
        """The sum over every partner (for data sets without a total row), newest source."""
        rows = [o for (ind, partner, sex, bd), obs in self._index.items()
                if ind == indicator and sex == "total" and not bd and partner != "WLD"
                for o in obs if o.value is not None]
        if not rows:
            raise BindingError(f"no partner values for {indicator}")
        newest = _newest_source(rows)
        latest = period or max(o.period for o in rows if o.source_id == newest)
        chosen = [o for o in rows if o.source_id == newest and o.period == latest]
        return self._record(Figure(sum(o.value or 0.0 for o in chosen), "total",
                                   Status.OBSERVED, latest, newest, "sum"), "count")

    def newest(self, indicator: str, partner: str = "WLD", **breakdown: str) -> Figure:
        return self._record(Figure.of(self._series(indicator, partner, **breakdown)[-1]), "count")

    def earliest(self, indicator: str, partner: str = "WLD", since: int = 1990,
                 **breakdown: str) -> Figure:
        series = [o for o in self._series(indicator, partner, **breakdown) if o.year >= since]
        if not series:
            raise BindingError(f"no observation for {indicator} partner={partner} since {since}")
        return self._record(Figure.of(series[0]), "count")

    def top(self, indicator: str, rank: int = 1, period: str | None = None) -> Figure:
        """The partner country with the rank-th largest value (newest source, latest period)."""
        rows = [o for (ind, partner, sex, bd), obs in self._index.items()
                if ind == indicator and sex == "total" and not bd and len(partner) == 3
                and partner not in ("WLD", "OTH", "UNK", "STL") for o in obs
                if o.value is not None]
        if not rows:
            raise BindingError(f"no partner values for {indicator}")
        newest = _newest_source(rows)
        latest = period or max(o.period for o in rows if o.source_id == newest)
        ranked = sorted((o for o in rows if o.source_id == newest and o.period == latest),
                        key=lambda o: -(o.value or 0))
        if len(ranked) < rank:
            raise BindingError(f"fewer than {rank} partners for {indicator}")
        return self._record(Figure.of(ranked[rank - 1]), "count")

    def rate(self, f0: Figure, f1: Figure) -> Figure:
        years = years_between(f0.period, f1.period)
        value = average_annual_growth(f0.value, f1.value, years, self.method).value
        if value is None:
            raise BindingError(f"no growth rate between {f0.period} and {f1.period}")
        return self._record(Figure(value, "growth", Status.OBSERVED,
                                   f"{f0.period}/{f1.period}", f1.source_id, self.method.value),
                            "rate")

    def ratio(self, part: Figure, whole: Figure) -> Figure:
        if part.period[:4] != whole.period[:4]:
            raise BindingError(f"ratio of figures of different years ({part.period}, "
                               f"{whole.period})")
        return self._record(Figure(share_of(part.value, whole.value), "share", Status.OBSERVED,
                                   part.period, part.source_id, "share"), "percent")

    def _record(self, figure: Figure, kind: str) -> Figure:
        self.used.append(Value(text="", number=figure.value, kind=kind,
                               status=figure.status.value, source_id=figure.source_id,
                               period=figure.period, formula=figure.formula))
        return figure

    # -- filters ------------------------------------------------------------------------------

    def _environment(self) -> SandboxedEnvironment:
        # the sandbox with an operation and time budget (profiles/sandbox.py): no hang
        env = BudgetedEnvironment(undefined=jinja2.StrictUndefined, autoescape=False,
                                  trim_blocks=True, lstrip_blocks=True)
        env.globals.update(obs=self.obs, growth=self.growth, share=self.share,
                           variation=self.variation, total=self.total, newest=self.newest,
                           earliest=self.earliest, top=self.top, rate=self.rate,
                           ratio=self.ratio, partners_total=self.partners_total,
                           country=self.country)
        filters: dict[str, Callable[..., str]] = {
            "count": self.f_count, "millions": self.f_millions, "pct": self.f_pct,
            "num": self.f_num, "year": self.f_year, "date": self.f_date,
            "qualifier": self.f_qualifier, "formula": self.f_formula, "bare": self.f_bare,
            "name": self.f_name,
        }
        env.filters.update(filters)
        return env

    def _figure(self, value: Any) -> Figure:
        if not isinstance(value, Figure):
            raise BindingError(f"a filter was given {value!r}, not a figure from obs() or growth()")
        return value

    def f_count(self, value: Any) -> str:
        f = self._figure(value)
        return qualified(format_number(f.value, self.lang, 0), f.status, self.lang)

    def f_bare(self, value: Any, digits: int = 0) -> str:
        return format_number(self._figure(value).value, self.lang, digits)

    def f_millions(self, value: Any, digits: int = 1) -> str:
        f = self._figure(value)
        return qualified(format_millions(f.value, self.lang, digits), f.status, self.lang)

    def f_pct(self, value: Any, digits: int = 1) -> str:
        f = self._figure(value)
        return qualified(format_percent(f.value, self.lang, digits), f.status, self.lang)

    def f_num(self, value: Any, digits: int = 1) -> str:
        f = self._figure(value)
        return qualified(format_number(f.value, self.lang, digits), f.status, self.lang)

    def f_year(self, value: Any) -> str:
        period = self._figure(value).period
        return period.split("/")[-1][:4]

    def f_date(self, value: Any) -> str:
        period = self._figure(value).period
        if len(period) == 10:
            return format_day(date.fromisoformat(period), self.lang)
        return period

    def f_qualifier(self, value: Any) -> str:
        return status_qualifier(self._figure(value).status, self.lang)

    def f_name(self, value: Any) -> str:
        partner = self._figure(value).partner or ""
        return self.names.get(partner, partner)

    def f_formula(self, value: Any) -> str:
        f = self._figure(value)
        return gettext(self.lang, f.formula or self.method.value)

    # -- narratives ---------------------------------------------------------------------------

    def render(self, narrative: Narrative, template: str) -> str:
        try:
            text = self.env.from_string(template).render()
        except BindingError as exc:
            raise BindingError(f"narrative {narrative.country}/{narrative.section}/"
                               f"{narrative.key} ({self.lang}): {exc}") from exc
        except jinja2.TemplateError as exc:
            raise BindingError(f"narrative {narrative.country}/{narrative.section}/"
                               f"{narrative.key} ({self.lang}): template error: {exc}") from exc
        return tidy(text)


def _newest_source(rows: Sequence[Observation]) -> str:
    """The source reaching the latest period; on a tie, the one with the most values."""
    latest: dict[str, str] = {}
    count: dict[str, int] = {}
    for o in rows:
        latest[o.source_id] = max(latest.get(o.source_id, ""), o.period)
        count[o.source_id] = count.get(o.source_id, 0) + 1
    return max(latest, key=lambda s: (latest[s], count[s], s))


_SPACES = re.compile(r"[ \t]*\n[ \t]*(?!\n)")


def tidy(text: str) -> str:
    """Join the lines of each paragraph (templates wrap freely); keep blank-line breaks."""
    paragraphs = re.split(r"\n\s*\n", text.strip())
    return "\n\n".join(re.sub(r"\s+", " ", p).strip() for p in paragraphs if p.strip())
