"""Narratives whose figures are bound to data.

A narrative is a Jinja2 template run in a sandbox. Its functions (``obs``, ``growth``,
``share``, ``variation``, ``total``, ``newest``, ``oldest``…) look figures up in the
country's observations; its filters (``count``, ``millions``, ``pct``, ``num``, ``year``,
``date``, ``qualifier``, ``formula``, ``bare``, ``visa``…) print them in the profile's
language. A lookup with no data behind it raises ``BindingError``: a profile never prints
a blank where a figure should be.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import jinja2
from jinja2 import nodes
from jinja2.environment import TemplateExpression
from jinja2.parser import Parser
from jinja2.sandbox import SandboxedEnvironment

from migprofile.errors import BindingError
from migprofile.geo import grammar
from migprofile.i18n import (
    format_day,
    format_millions,
    format_number,
    format_percent,
    gettext,
    qualified,
)
from migprofile.i18n import qualifier as status_qualifier
from migprofile.indicators.growth import (
    GrowthMethod,
    GrowthPolicy,
    average_annual_growth,
    years_between,
)
from migprofile.indicators.shares import share as share_of
from migprofile.indicators.shares import variation as variation_of
from migprofile.model import SPECIAL_PARTNERS, Narrative, Observation, Status, breakdown_key
from migprofile.profiles.counted import counted
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
    low: float | None = None  # a total with masked parts lies between low and value

    @classmethod
    def of(cls, obs: Observation) -> Figure:
        if obs.value is None:
            raise BindingError(f"{obs.indicator} {obs.partner} {obs.period} has no value "
                               f"({obs.status.value})")
        return cls(obs.value, "observed", obs.status, obs.period, obs.source_id,
                   partner=obs.partner)


ObservationIndex = dict[tuple[str, str, str, str], list[Observation]]
_LAST_INDEX: list[tuple[Sequence[Observation], ObservationIndex]] = []


def _observation_index(observations: Sequence[Observation]) -> ObservationIndex:
    """Observations by (indicator, partner, sex, breakdown). A profile makes several binders
    over the same tuple of observations (one per language and section): the index of the
    last sequence seen (the same object, never modified after loading) is kept rather than
    rebuilt: that loop was a third of the time of assembly."""
    last = _LAST_INDEX[0] if _LAST_INDEX else None  # one read: safe across threads
    if last is not None and last[0] is observations and sum(map(len, last[1].values())) \
            == len(observations):
        return last[1]
    index: ObservationIndex = {}
    for o in observations:
        key = (o.indicator, o.partner, o.sex.value, breakdown_key(o.breakdown))
        index.setdefault(key, []).append(o)
    _LAST_INDEX[:] = [(observations, index)]
    return index


@dataclass(frozen=True)
class Missing:
    """A declared figure the data cannot give: any filter or attribute use raises
    ``BindingError``, so the clause that prints it is left out (and only that clause)."""

    reason: str

    def __getattr__(self, name: str) -> Any:
        raise BindingError(self.reason)


class Binder:
    """Resolves the functions and filters of narrative templates for one country and language."""

    def __init__(self, observations: Sequence[Observation], lang: str,
                 method: GrowthMethod | GrowthPolicy | None = None,
                 preferred_sources: frozenset[str] = frozenset(),
                 names: dict[str, str] | None = None, country: str = "") -> None:
        self.lang = lang
        self.names = names or {}
        self.country = country
        # the formula of each rate: the one chosen, or the convention of the figures' source
        self.policy = method if isinstance(method, GrowthPolicy) else GrowthPolicy(method)
        self.methods_used: set[GrowthMethod] = set()
        self.preferred = preferred_sources
        self.used: list[Value] = []
        self.touched: list[Figure] = []  # figures printed by filters, in order
        self.country_code = ""
        self.countries: frozenset[str] = frozenset()  # partners that may rank as "top"
        self._index = _observation_index(observations)
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
        method = self._method(f0, f1)
        rate = average_annual_growth(f0.value, f1.value, years_between(str(start), str(end)),
                                     method)
        assert rate.value is not None
        return self._record(Figure(rate.value, "growth", Status.OBSERVED, f"{start}/{end}",
                                   f1.source_id, method.value), "rate")

    def _method(self, f0: Figure, f1: Figure) -> GrowthMethod:
        method = self.policy.method({s for s in (f0.source_id, f1.source_id) if s})
        self.methods_used.add(method)
        return method

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
        """The sum over every partner (for data sets without a total row), newest source.

        Parts the source masks (approximate counts, 1 to 5 stored as 5) make the total
        approximate; ``low`` keeps the smallest total they allow."""
        rows = [o for (ind, partner, sex, bd), obs in self._index.items()
                if ind == indicator and sex == "total" and not bd and partner != "WLD"
                for o in obs if o.value is not None]
        if not rows:
            raise BindingError(f"no partner values for {indicator}")
        newest = _newest_source(rows)
        latest = str(period) if period else max(o.period for o in rows if o.source_id == newest)
        chosen = [o for o in rows if o.source_id == newest and o.period == latest]
        total = sum(o.value or 0.0 for o in chosen)
        if not chosen or total <= 0:
            raise BindingError(f"no partner values for {indicator} in {latest}")
        masked = [o for o in chosen if o.status is Status.APPROXIMATE]
        status = Status.APPROXIMATE if masked else Status.OBSERVED
        low = total - sum((o.value or 0.0) - 1 for o in masked) if masked else None
        return self._record(Figure(total, "total", status, latest, newest, "sum", low=low),
                            "count")

    def newest(self, indicator: str, partner: str = "WLD", period: str | None = None,
               **breakdown: str) -> Figure:
        """The latest value of the newest source (or its value for ``period``); a zero that
        stands for nothing measured is no figure."""
        series = self._series(indicator, partner, **breakdown)
        if period is not None:
            series = [o for o in series if o.period[:4] == str(period)[:4]]
            if not series:
                raise BindingError(f"no {indicator} for {period}")
        return self._record(Figure.of(series[-1]), "count")

    def earliest(self, indicator: str, partner: str = "WLD", since: int = 1990,
                 positive: bool = True, **breakdown: str) -> Figure:
        series = [o for o in self._series(indicator, partner, **breakdown) if o.year >= since
                  and (not positive or (o.value or 0) > 0)]
        if not series:
            raise BindingError(f"no observation for {indicator} partner={partner} since {since}")
        return self._record(Figure.of(series[0]), "count")

    def oldest(self, indicator: str, partner: str = "WLD", **breakdown: str) -> Figure:
        """The earliest value in any source: for data sets whose every snapshot is a source
        of its own (the Passport Index), where ``earliest`` stays within the newest."""
        found = sorted((o for o in self._index.get((indicator, partner, "total",
                                                    breakdown_key(breakdown)), [])
                        if o.value is not None), key=lambda o: (o.period, o.source_id))
        if not found:
            raise BindingError(f"no observation for {indicator} partner={partner}")
        return self._record(Figure.of(found[0]), "count")

    def top(self, indicator: str, rank: int = 1, period: str | None = None) -> Figure:
        """The partner country with the rank-th largest value (newest source, latest period);
        a partner with 0 is never a "top" partner."""
        rows = [o for (ind, partner, sex, bd), obs in self._index.items()
                if ind == indicator and sex == "total" and not bd and len(partner) == 3
                and partner not in SPECIAL_PARTNERS
                and (not self.countries or partner in self.countries) for o in obs
                if o.value]
        if not rows:
            raise BindingError(f"no partner values for {indicator}")
        newest = _newest_source(rows)
        latest = str(period) if period else max(o.period for o in rows
                                                 if o.source_id == newest)
        ranked = sorted((o for o in rows if o.source_id == newest and o.period == latest),
                        key=lambda o: (-(o.value or 0), o.partner))
        if len(ranked) < rank:
            raise BindingError(f"fewer than {rank} partners for {indicator}")
        return self._record(Figure.of(ranked[rank - 1]), "count")

    def rate(self, f0: Figure, f1: Figure) -> Figure:
        years = years_between(f0.period, f1.period)
        method = self._method(f0, f1)
        value = average_annual_growth(f0.value, f1.value, years, method).value
        if value is None:
            raise BindingError(f"no growth rate between {f0.period} and {f1.period}")
        return self._record(Figure(value, "growth", Status.OBSERVED,
                                   f"{f0.period}/{f1.period}", f1.source_id, method.value),
                            "rate")

    def small_base(self, f0: Figure, f1: Figure, factor: float = 20.0) -> bool:
        """True when the end value is more than ``factor`` times the start: a rate from such a
        base says little, and texts name the two values instead of the rate."""
        return f0.value <= 0 or f1.value / f0.value > factor

    def ratio(self, part: Figure, whole: Figure) -> Figure:
        if part.period[:4] != whole.period[:4]:
            raise BindingError(f"ratio of figures of different years ({part.period}, "
                               f"{whole.period})")
        return self._record(Figure(share_of(part.value, whole.value), "share", Status.OBSERVED,
                                   part.period, part.source_id, "share"), "percent")

    def _record(self, figure: Figure, kind: str) -> Figure:
        self.used.append(value_of(figure, kind))
        return figure

    # -- filters ------------------------------------------------------------------------------

    def template(self, source: str) -> jinja2.Template:
        """A template of this binder's environment; compiled once per process and source."""
        code = _compiled(self.env, source)
        return self.env.template_class.from_code(self.env, code, self.env.make_globals(None))

    def expression(self, source: str) -> Any:
        """A callable evaluating one expression (``partners_total("refugees")``) in this
        binder's environment; compiled once per process and source."""
        code = _EXPRESSIONS.get(source)
        if code is None:
            parser = Parser(self.env, source, state="variable")
            expr = parser.parse_expression()
            if not parser.stream.eos:
                raise jinja2.TemplateSyntaxError("chunk after expression", 1, None, None)
            body = [nodes.Assign(nodes.Name("result", "store"), expr, lineno=1)]
            code = _EXPRESSIONS[source] = self.env.compile(nodes.Template(body, lineno=1))
        template = self.env.template_class.from_code(self.env, code, self.env.make_globals(None))
        return TemplateExpression(template, True)

    def _environment(self) -> SandboxedEnvironment:
        """The one place the narratives' sandbox is made (functions, filters, options)."""
        # the sandbox with an operation and time budget (profiles/sandbox.py): no hang
        env = BudgetedEnvironment(undefined=jinja2.StrictUndefined, autoescape=False,
                                  trim_blocks=True, lstrip_blocks=True)
        env.globals.update(obs=self.obs, growth=self.growth, share=self.share,
                           variation=self.variation, total=self.total, newest=self.newest,
                           earliest=self.earliest, oldest=self.oldest, top=self.top,
                           rate=self.rate,
                           ratio=self.ratio, partners_total=self.partners_total,
                           small_base=self.small_base, country=self.country,
                           here=self.country_code)
        filters: dict[str, Callable[..., str]] = {
            "count": self.f_count, "counted": self.f_counted, "millions": self.f_millions,
            "pct": self.f_pct,
            "num": self.f_num, "year": self.f_year, "start": self.f_start, "date": self.f_date,
            "qualifier": self.f_qualifier, "formula": self.f_formula, "bare": self.f_bare,
            "name": self.f_name, "art": self.f_art, "of": self.f_of, "loc": self.f_loc,
            "fem": self.f_fem, "plural": self.f_plural, "range": self.f_range,
            "visa": self.f_visa,
        }
        env.filters.update(filters)
        return env

    def _figure(self, value: Any) -> Figure:
        if isinstance(value, Missing):
            raise BindingError(value.reason)
        if not isinstance(value, Figure):
            raise BindingError(f"a filter was given {value!r}, not a figure from obs() or growth()")
        self.touched.append(value)
        return value

    def _area(self, value: Any) -> tuple[str, str]:
        """(code, name) of a figure's partner or of an area code (``here``)."""
        code = self._figure(value).partner or "" if not isinstance(value, str) else value
        return code, self.names.get(code, code)

    def f_art(self, value: Any) -> str:
        return grammar.subject(*self._area(value), self.lang)

    def f_of(self, value: Any) -> str:
        return grammar.of(*self._area(value), self.lang)

    def f_loc(self, value: Any) -> str:
        return grammar.located(*self._area(value), self.lang)

    def f_fem(self, value: Any, feminine: str, masculine: str) -> str:
        """The word agreeing with the area's gender in the profile's language."""
        return feminine if grammar.is_feminine(self._area(value)[0], self.lang) else masculine

    def f_plural(self, value: Any, plural: str, singular: str) -> str:
        """The verb agreeing with the area's number: "les Philippines comptaient"."""
        return plural if grammar.is_plural(self._area(value)[0], self.lang) else singular

    def f_range(self, value: Any) -> str:
        """"1–5"-style range of an approximate total, or "" when it is exact."""
        f = self._figure(value)
        if f.low is None:
            return ""
        return f"{format_number(f.low, self.lang, 0)}–{format_number(f.value, self.lang, 0)}"

    def f_count(self, value: Any) -> str:
        f = self._figure(value)
        return qualified(format_number(f.value, self.lang, 0), f.status, self.lang)

    def f_counted(self, value: Any, noun: str) -> str:
        """The figure with its noun in the language's grammar ("1 refugee", "12 لاجئًا")."""
        f = self._figure(value)
        n = round(f.value)
        plain = format_number(f.value, self.lang, 0)
        text = qualified(plain, f.status, self.lang)
        return counted(noun, n, self.lang, None if text == plain else text)

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

    def f_start(self, value: Any) -> str:
        """The first year of a figure's period (of a span "1981/2009": 1981)."""
        return self._figure(value).period.split("/")[0][:4]

    def f_date(self, value: Any) -> str:
        period = self._figure(value).period
        if len(period) == 10:
            return format_day(date.fromisoformat(period), self.lang)
        return period

    def f_qualifier(self, value: Any) -> str:
        return status_qualifier(self._figure(value).status, self.lang)

    def f_visa(self, value: Any) -> str:
        """A visa requirement's category in words ("visa required", "sans visa")."""
        from migprofile.profiles.legal.words import pick, wording

        code = int(self._figure(value).value)
        categories = wording("visa")["categories"]
        if code not in categories:
            raise BindingError(f"no visa category {code}")
        return pick(categories[code], self.lang)

    def f_name(self, value: Any) -> str:
        return self._area(value)[1]

    def f_formula(self, value: Any) -> str:
        f = self._figure(value)
        return gettext(self.lang, f.formula or self.policy.label)

    # -- narratives ---------------------------------------------------------------------------

    def render(self, narrative: Narrative, template: str) -> str:
        try:
            text = self.template(template).render()
        except BindingError as exc:
            raise BindingError(f"narrative {narrative.country}/{narrative.section}/"
                               f"{narrative.key} ({self.lang}): {exc}") from exc
        except jinja2.TemplateError as exc:
            raise BindingError(f"narrative {narrative.country}/{narrative.section}/"
                               f"{narrative.key} ({self.lang}): template error: {exc}") from exc
        return tidy(text)


def value_of(figure: Figure, kind: str = "count") -> Value:
    """The provenance record of a figure a text prints (its text is the sentence's)."""
    return Value(text="", number=figure.value, kind=kind, status=figure.status.value,
                 source_id=figure.source_id, period=figure.period, formula=figure.formula,
                 low=figure.low)


def _newest_source(rows: Sequence[Observation]) -> str:
    """The source reaching the latest period; on a tie, the one with the most values."""
    latest: dict[str, str] = {}
    count: dict[str, int] = {}
    for o in rows:
        latest[o.source_id] = max(latest.get(o.source_id, ""), o.period)
        count[o.source_id] = count.get(o.source_id, 0) + 1
    return max(latest, key=lambda s: (latest[s], count[s], s))


_CODE: dict[str, Any] = {}
_EXPRESSIONS: dict[str, Any] = {}


def _compiled(env: SandboxedEnvironment, source: str) -> Any:
    """Compiled code of a template source; every binder's environment has the same options,
    so the code is shared (compiling is most of the cost of rendering a narrative)."""
    code = _CODE.get(source)
    if code is None:
        code = _CODE[source] = env.compile(source)
    return code


_SPACES = re.compile(r"[ \t]*\n[ \t]*(?!\n)")


def tidy(text: str) -> str:
    """Join the lines of each paragraph (templates wrap freely); keep blank-line breaks."""
    paragraphs = re.split(r"\n\s*\n", text.strip())
    return "\n\n".join(re.sub(r"\s+", " ", p).strip() for p in paragraphs if p.strip())
