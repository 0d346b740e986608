"""The ``migprofile`` command: parse arguments, call ``migprofile.core``, print.

Exit codes: 0 success; 1 data errors (a failed check or load); 2 usage errors;
3 environment errors (database, settings, missing optional tool).
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from migprofile import core
from migprofile.core import GROWTH_CHOICES, PartnerTable, Report, Severity, Store
from migprofile.errors import DataError, MigprofileError, NotFoundError
from migprofile.i18n import format_number, qualified, value_text
from migprofile.model import LANGUAGES, Indicator, Observation
from migprofile.overview import HoldingCount, KeyFigure, SeriesSummary
from migprofile.settings import get_settings

app = typer.Typer(help="A database of international-migration data and the country migration "
                  "profiles built from it.", no_args_is_help=True, add_completion=False)
console = Console()
err = Console(stderr=True)
if not console.is_terminal and "COLUMNS" not in os.environ:
    console.width = 110  # logs and pipes: Rich's default of 80 folds every table


GrowthOption = Annotated[str | None, typer.Option(
    help="Growth formula: source (each source's convention), linear (CARIM) or exponential "
         "(UN DESA); default MIGPROFILE_GROWTH.")]
DbOption = Annotated[str | None, typer.Option("--db", help="Database URL or SQLite file path "
                                              "(default: MIGPROFILE_DATABASE_URL or "
                                              "./migprofile.db).")]
GROWTHS = GROWTH_CHOICES


def _fail(exc: MigprofileError) -> typer.Exit:
    """The exit code of an error: 1 data, 2 usage (an unknown country or id), 3 environment."""
    err.print(f"[bold red]error:[/] {exc}")
    if isinstance(exc, DataError) and exc.report is not None:
        print_report(exc.report, to=err)
        return typer.Exit(1)
    if isinstance(exc, NotFoundError | DataError):
        return typer.Exit(2 if isinstance(exc, NotFoundError) else 1)
    return typer.Exit(3)


def _choice(option: str, value: str, choices: tuple[str, ...]) -> str:
    """``value`` if it is one of ``choices``; otherwise a usage error (exit 2) listing them."""
    if value not in choices:
        err.print(f"[bold red]error:[/] {option} {value!r} is not one of {', '.join(choices)}")
        raise typer.Exit(2)
    return value


def _read_store(db: str | None) -> Store:
    """The database of a read command: never created, refused when missing or half set up."""
    return core.open_store(db, create=False)


def print_report(report: Report, *, to: Console = console, details: bool = True) -> None:
    """Errors always in full; warnings and notes in full with ``details``, else counted."""
    if not report.findings:
        to.print(f"[green]{report.summary()}[/]")
        return
    shown = report.findings if details else report.errors
    table = Table(title=report.summary(), show_lines=False)
    for column in ("severity", "type", "location", "message"):
        table.add_column(column, overflow="fold")
    colours = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
    for f in shown:
        table.add_row(f"[{colours[f.severity]}]{f.severity.value}[/]", f.type, str(f.location),
                      f.message)
    if not details:
        counts: dict[tuple[str, str], int] = {}
        for f in report.findings:
            if f.severity is not Severity.ERROR:
                key = (f.severity.value, f.type)
                counts[key] = counts.get(key, 0) + 1
        for (severity, kind), n in sorted(counts.items()):
            table.add_row(severity, kind, "", f"{n} finding(s); --details lists them")
    to.print(table)


@app.command()
def init(db: DbOption = None,
         extracts: Annotated[bool, typer.Option(help="Also load the bundled extracts of the "
                                                "international data sets.")] = True,
         template: Annotated[bool, typer.Option(help="Fill a fresh SQLite database from the "
                                                "init template (built once per data and "
                                                "code version, see MIGPROFILE_INIT_CACHE); "
                                                "--no-template loads every file afresh.")]
         = True) -> None:
    """Create or migrate the database and load the bundled reference data, country packages
    and extracts of international data (UN DESA, UNHCR, World Bank, KNOMAD, UNTC, OECD)."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    try:
        store = core.open_store(db)
        columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn())
        with Progress(*columns, console=err, transient=True,
                      disable=not err.is_terminal) as bar:
            task = bar.add_task("initialising", total=core.init_step_count(extracts=extracts))

            def step(message: str) -> None:
                bar.update(task, description=f"loading {message}")
                bar.advance(task)

            result = core.init_database(store, extracts=extracts, progress=step,
                                        template=template)
    except MigprofileError as exc:
        raise _fail(exc) from exc
    console.print(f"Database ready: {result.areas} areas, {result.indicators} indicators, "
                  f"packages: {', '.join(result.packages) or 'none'}.")
    use = result.template
    if use is not None:
        how = (f"built now in {use.build_seconds:.1f} s" if use.built
               else f"built {use.built_at:%Y-%m-%d %H:%M} UTC in {use.build_seconds:.1f} s")
        console.print(f"Filled from the init template {use.path} ({how}, from the same "
                      "bundled data and code); --no-template loads every file afresh.",
                      highlight=False)


@app.command()
def load(path: Annotated[Path, typer.Argument(help="A country data package folder.")],
         db: DbOption = None) -> None:
    """Load a country data package in one transaction (nothing is written on any error)."""
    try:
        report = core.load_package(core.open_store(db), path)
    except MigprofileError as exc:
        raise _fail(exc) from exc
    console.print(f"Loaded {path}: {report.stats}")
    if report.warnings:
        print_report(report)


@app.command()
def check(country: Annotated[str | None, typer.Argument(help="ISO2/ISO3 code or name.")] = None,
          as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
          details: Annotated[bool, typer.Option(help="List every warning.")] = False,
          db: DbOption = None) -> None:
    """Check what the database holds (totals, "of which" rows, published values, real-data
    warnings). Exit code 1 when there are errors."""
    try:
        report = core.check_country(_read_store(db), country)
    except MigprofileError as exc:
        raise _fail(exc) from exc
    if as_json:
        sys.stdout.write(json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n")
    else:
        print_report(report, details=details)
    raise typer.Exit(0 if report.ok else 1)


@app.command()
def countries(
    lang: Annotated[str, typer.Option(help="Language of names and of their order.")] = "en",
    db: DbOption = None,
) -> None:
    """List the areas the database holds data for: countries and territories first, then
    regions, aggregates and the other areas sources report (each sorted by name)."""
    try:
        listed, others = core.countries_overview(_read_store(db), lang=lang)
    except MigprofileError as exc:
        raise _fail(exc) from exc
    table = Table(title=f"{len(listed)} countries and territories with data")
    for column in ("code", "ISO2", "name", "observations", "package"):
        table.add_column(column, justify="right" if column == "observations" else "left")
    for h in listed:
        table.add_row(h.area.code, h.area.iso2 or "", h.area.names.text(lang) or h.area.code,
                      format_number(h.observations, lang), "yes" if h.packaged else "")
    console.print(table)
    rest = Table(title=f"{len(others)} regions, aggregates and other areas with data")
    for column in ("code", "kind", "name", "observations"):
        rest.add_column(column, justify="right" if column == "observations" else "left")
    for h in others:
        rest.add_row(h.area.code, h.area.kind.value, h.area.names.text(lang) or h.area.code,
                     format_number(h.observations, lang))
    console.print(rest)


@app.command()
def show(country: Annotated[str, typer.Argument(help="ISO2/ISO3 code or name.")],
         lang: Annotated[str, typer.Option(help="Language of names and numbers.")] = "fr",
         growth: GrowthOption = None,
         full: Annotated[bool, typer.Option("--full", help="Also list every observation "
                                            "outside the tables.")] = False,
         db: DbOption = None) -> None:
    """Show what the database holds for a country: key figures, the package's tables with
    their computed columns, its series (flows...) with growth rates, counts per indicator and
    source, texts per language and sources. --full lists every other observation too."""
    lang = _choice("--lang", lang, LANGUAGES)
    growth = _choice("--growth", growth or get_settings().growth, GROWTHS)
    try:
        store = _read_store(db)
        overview = core.country_overview(store, country, lang=lang, method=growth)
        names = {code: a.names.text(lang) for code, a in core.area_names(store).items()}
    except MigprofileError as exc:
        raise _fail(exc) from exc
    console.rule(f"{overview.name} ({overview.country}): "
                 f"{format_number(overview.observation_count, lang)} observations")
    console.print(_key_figures(overview.key_figures, overview.indicators, lang))
    for table in overview.tables:
        indicator = overview.indicators.get(table.indicator)
        console.print(_table(table, names, lang, growth, indicator))
    if overview.series:
        console.print(_series(overview.series, overview.indicators, names, lang, growth))
    console.print(_holdings(overview.holdings, lang))
    console.print(_texts(overview))
    console.print(_sources(overview))
    if full:
        console.print(_figures(overview.other_observations, overview.indicators, names, lang,
                               title="Every observation outside the tables"))
    else:
        console.print(f"[dim]{len(overview.other_observations)} observations outside the "
                      "tables: --full lists them[/]")


@app.command()
def summary(country: Annotated[str, typer.Argument(help="ISO2/ISO3 code or name.")] = "MA",
            lang: Annotated[str, typer.Option(help="Language of names and numbers.")] = "fr",
            db: DbOption = None) -> None:
    """The key figures of a country (emigrants, immigrants, refugees, remittances), each with
    its year and source."""
    lang = _choice("--lang", lang, LANGUAGES)
    try:
        store = _read_store(db)
        code, figures = core.country_key_figures(store, country)
        indicators = {i.code: i for i in store.indicators()}
    except MigprofileError as exc:
        raise _fail(exc) from exc
    name = core.area_name(code, lang=lang)
    console.print(_key_figures(figures, indicators, lang, title=f"{name}: key figures"))


def _key_figures(figures: list[KeyFigure], indicators: dict[str, Indicator], lang: str,
                 title: str = "Key figures") -> Table:
    out = Table(title=title, caption="Migrants by country of birth (UN DESA); * sum over "
                "origins or destinations (UNHCR publishes no total).")
    for column in ("figure", "value", "unit", "period", "source"):
        out.add_column(column, justify="right" if column == "value" else "left",
                       no_wrap=column != "figure", overflow="fold")
    for f in figures:
        indicator = indicators.get(f.indicator)
        unit = indicator.unit if indicator else ""
        label = KEY_FIGURE_LABELS.get(f.key, f.key) + (" *" if f.summed else "")
        digits = indicator.digits if indicator else None
        out.add_row(label, qualified(value_text(f.value, unit, lang, digits), f.status, lang),
                    UNIT_LABELS.get(unit, unit), f.period, f.source_id or "")
    return out


# The CLI speaks English; names and numbers follow --lang.
KEY_FIGURE_LABELS = {
    "emigrants": "emigrants",
    "immigrants": "immigrants",
    "immigrant_share": "immigrants, % of population",
    "refugees_hosted": "refugees hosted",
    "asylum_seekers_hosted": "asylum seekers hosted",
    "refugees_abroad": "refugees abroad",
    "asylum_seekers_abroad": "asylum seekers abroad",
    "remittances": "remittances received",
    "remittances_gdp": "remittances, % of GDP",
}
UNIT_LABELS = {"persons": "persons", "usd_million": "million US$", "percent": "", "usd": "US$"}


def _series(series: list[SeriesSummary], indicators: dict[str, Indicator],
            names: dict[str, str], lang: str, growth: str) -> Table:
    out = Table(title="Package series: first and last values")
    used = sorted({s.growth.method.value for s in series if s.growth is not None})
    headers = ("indicator", "partner", "from", "value", "to", "value ",
               f"growth ({', '.join(used) or growth}) %/yr")
    for column in headers:
        out.add_column(column, justify="right" if column.startswith(("value", "growth"))
                       else "left", overflow="fold")
    for s in series:
        indicator = indicators.get(s.indicator)
        rate = "…" if s.growth is None or s.growth.value is None \
            else format_number(s.growth.value, lang, 1)
        out.add_row(s.indicator, names.get(s.partner, s.partner), s.first.period,
                    _obs_text(s.first, lang, indicator), s.last.period,
                    _obs_text(s.last, lang, indicator), rate)
    return out


def _holdings(items: list[HoldingCount], lang: str) -> Table:
    """One row per indicator: how many values, over which years, from which sources."""
    out = Table(title="Values per indicator")
    for column in ("indicator", "values", "years", "partners", "sources"):
        out.add_column(column, justify="right" if column in ("values", "partners") else "left",
                       no_wrap=column == "indicator", overflow="fold")
    by_indicator: dict[str, list[HoldingCount]] = {}
    for h in items:
        by_indicator.setdefault(h.indicator, []).append(h)
    for indicator, held in by_indicator.items():
        first, last = min(h.first_year for h in held), max(h.last_year for h in held)
        out.add_row(indicator, format_number(sum(h.values for h in held), lang),
                    str(first) if first == last else f"{first}–{last}",
                    format_number(max(h.partners for h in held), lang),
                    ", ".join(h.source_id for h in held))
    return out


def _sources(overview: core.CountryOverview) -> Table:
    out = Table(title="Sources")
    for column in ("id", "publisher", "edition", "accessed"):
        out.add_column(column, no_wrap=column == "id", overflow="fold")
    for s in overview.sources:
        out.add_row(s.id, s.publisher, s.edition or "",
                    s.accessed.isoformat() if s.accessed else "")
    return out


def _texts(overview: core.CountryOverview) -> Table:
    languages = sorted({lang for counts in overview.texts.values() for lang in counts})
    texts = Table(title=f"Texts per language (legal instruments: {overview.instruments})")
    for column in ("kind", *languages):
        texts.add_column(column, justify="left" if column == "kind" else "right")
    for kind, per_lang in overview.texts.items():
        texts.add_row(kind, *(str(per_lang.get(x, 0)) for x in languages))
    return texts


def _table(table: PartnerTable, names: dict[str, str], lang: str, growth: str,
           indicator: Indicator | None = None) -> Table:
    """A package table as the profile prints it: values by the indicator's unit
    (``i18n.value_digits``), shares, growth and variation with one decimal."""
    out = Table(title=f"{table.table_id} ({table.indicator})")
    out.add_column("area")
    for period in table.periods:
        out.add_column(period, justify="right")
        if "share" in table.measures:
            out.add_column("%", justify="right")
    if table.show_growth:
        out.add_column(f"growth ({table.method.value}) %/yr", justify="right")
    if table.show_variation:
        out.add_column("variation %", justify="right")
    for row in table.rows:
        label = ("  " * row.level) + names.get(row.area, row.area)
        cells = [f"[bold]{label}[/]" if row.is_total else label]
        for period in table.periods:
            obs = row.values.get(period)
            cells.append(_obs_text(obs, lang, indicator))
            if "share" in table.measures:
                value = row.shares.get(period)
                cells.append("" if value is None else format_number(value, lang, 1))
        if table.show_growth:
            cells.append("" if row.growth is None or row.growth.value is None
                         else format_number(row.growth.value, lang, 1))
        if table.show_variation:
            cells.append("" if row.variation is None else format_number(row.variation, lang, 1))
        out.add_row(*cells)
    return out


def _obs_text(obs: Observation | None, lang: str, indicator: Indicator | None = None) -> str:
    """A value by its indicator's display metadata (unit and digits, indicators.yaml)."""
    if obs is None or obs.value is None:
        return "…" if obs is None else obs.status.value
    unit, digits = (indicator.unit, indicator.digits) if indicator else ("", None)
    return qualified(value_text(obs.value, unit, lang, digits), obs.status, lang)


def _figures(observations: list[Observation], indicators: dict[str, Indicator],
             names: dict[str, str], lang: str, *, title: str) -> Table:
    out = Table(title=title)
    for column in ("indicator", "partner", "period", "breakdown", "value", "source"):
        out.add_column(column, justify="right" if column == "value" else "left",
                       overflow="fold")
    for o in observations:
        indicator = indicators.get(o.indicator)
        breakdown = ";".join(f"{k}={v}" for k, v in o.breakdown.items())
        if o.sex.value != "total":
            breakdown = ";".join(filter(None, (f"sex={o.sex.value}", breakdown)))
        out.add_row(o.indicator, names.get(o.partner, o.partner), o.period, breakdown,
                    _obs_text(o, lang, indicator), o.source_id)
    return out


@app.command()
def build(
    countries: Annotated[list[str] | None, typer.Argument(help="ISO2/ISO3 codes or names.")] = None,
    lang: Annotated[str | None, typer.Option(
        help="Languages: " + ",".join(LANGUAGES) + " (default: "
                                             "MIGPROFILE_LANGUAGES).")] = None,
    fmt: Annotated[str, typer.Option("--format", help="Formats: html,pdf,md,json,datapackage "
                                     "(a zip: every table as CSV + datapackage.json).")] = "html",
    out: Annotated[Path | None, typer.Option(help="Output folder (default: "
                                             "MIGPROFILE_OUTPUT_DIR).")] = None,
    growth: GrowthOption = None,
    all_countries: Annotated[bool, typer.Option("--all", help="Every country with data.")] = False,
    db: DbOption = None,
) -> None:
    """Build profiles: writes OUT/<ISO2>-<lang>.<ext> and prints the paths."""
    from rich.progress import Progress

    from migprofile.build import FORMATS, BuildRequest, build_many, parse_list, profile_readiness

    settings = get_settings()
    try:
        langs = parse_list(lang or ",".join(settings.languages), LANGUAGES, "language")
        formats = parse_list(fmt, FORMATS, "format")
        method = core.growth_choice(growth or settings.growth)
    except ValueError as exc:
        err.print(f"[bold red]error:[/] {exc}")
        raise typer.Exit(2) from exc
    try:
        store = _read_store(db)
        skipped: dict[str, str] = {}
        if all_countries:
            codes, skipped = profile_readiness(store)
        else:
            codes = [core.resolve_country(store, c) for c in countries or ()]
        if not codes:
            err.print("[bold red]error:[/] name at least one country, or --all")
            raise typer.Exit(2)
        request = BuildRequest(tuple(codes), langs, formats, out or settings.output_dir, method)
        with Progress(console=err, transient=True, disable=not err.is_terminal) as bar:
            task = bar.add_task("building profiles", total=len(codes))
            result = build_many(store, request,
                                progress=lambda _c: bar.advance(task))
    except MigprofileError as exc:
        raise _fail(exc) from exc
    for path in result.written:
        console.print(str(path))
    for country, reason in sorted(skipped.items()):
        err.print(f"[dim]not profiled {country}: {reason}[/]")
    for country, error in sorted(result.failed.items()):
        err.print(f"[yellow]failed {country}:[/] {error}")
    built = len(codes) - len(result.failed)
    err.print(f"{len(result.written)} file(s) written; {built} "
              f"{'country' if built == 1 else 'countries'} built, {len(result.failed)} failed, "
              f"{len(skipped)} without enough data")
    if result.failed and not result.written:
        raise typer.Exit(1)


@app.command("build-corridor")
def build_corridor(
    a: Annotated[str, typer.Argument(help="First country (ISO2/ISO3 code or name).")],
    b: Annotated[str, typer.Argument(help="Second country.")],
    lang: Annotated[str | None, typer.Option(help="Languages (default: "
                                             "MIGPROFILE_LANGUAGES).")] = None,
    fmt: Annotated[str, typer.Option("--format", help="Formats: html,pdf,md,json.")] = "html",
    out: Annotated[Path | None, typer.Option(help="Output folder (default: "
                                             "MIGPROFILE_OUTPUT_DIR).")] = None,
    growth: GrowthOption = None,
    db: DbOption = None,
) -> None:
    """Build a migration corridor A-B (both directions): OUT/corridor-<A>-<B>-<lang>.<ext>."""
    from migprofile.build import FORMATS, parse_list

    settings = get_settings()
    try:
        langs = parse_list(lang or ",".join(settings.languages), LANGUAGES, "language")
        formats = parse_list(fmt, [f for f in FORMATS if f != "datapackage"], "format")
    except ValueError as exc:
        err.print(f"[bold red]error:[/] {exc}")
        raise typer.Exit(2) from exc
    try:
        store = _read_store(db)
        written = core.write_corridor(store, a, b, langs=langs, formats=formats,
                                      out_dir=out or settings.output_dir,
                                      method=growth or settings.growth)
    except MigprofileError as exc:
        raise _fail(exc) from exc
    for path in written:
        console.print(str(path))


@app.command("import")
def import_(
    fmt: Annotated[str, typer.Argument(metavar="FORMAT",
                                       help="Reader name (see `migprofile formats`) or auto.")],
    file: Annotated[Path, typer.Argument(help="The source file (.csv, .csv.gz, .xls, .xlsx).")],
    allow_unmapped: Annotated[bool, typer.Option(
        "--allow-unmapped", help="Keep unknown area names as unmapped areas (warnings).")] = False,
    edition: Annotated[str | None, typer.Option(help="Edition, if the file does not say.")] = None,
    accessed: Annotated[str | None, typer.Option(help="Download date, YYYY-MM-DD.")] = None,
    replace: Annotated[bool, typer.Option(
        "--replace", help="Import even if it removes or shrinks what the source holds.")] = False,
    db: DbOption = None,
) -> None:
    """Import a source file in one transaction (nothing is written on any error; an import
    that would remove or shrink a stored data set is refused unless --replace)."""
    from datetime import date

    from migprofile.errors import FormatNotRecognised

    try:
        day = date.fromisoformat(accessed) if accessed else None
    except ValueError as exc:
        err.print(f"[bold red]error:[/] --accessed {accessed!r} is not YYYY-MM-DD")
        raise typer.Exit(2) from exc
    try:
        store = core.open_store(db)
        with err.status(f"importing {file.name} (one transaction)"):
            result = core.import_file(store, path=file, fmt=fmt, allow_unmapped=allow_unmapped,
                                      edition=edition, accessed=day, replace=replace)
    except FormatNotRecognised as exc:
        err.print(f"[bold red]error:[/] {exc}")
        raise typer.Exit(1 if fmt == "auto" else 2) from exc
    except MigprofileError as exc:
        raise _fail(exc) from exc
    if result.skipped:
        console.print(f"{file.name}: already imported as {result.source_id}; nothing to do.")
        return
    console.print(f"Imported {file.name} ({result.format}) as source {result.source_id}: "
                  f"{result.observations} observations, {result.instruments} "
                  f"instruments, {result.unmapped_areas} unmapped areas.")
    if result.report.warnings:
        print_report(result.report)


@app.command()
def formats() -> None:
    """List the readers of `migprofile import FORMAT FILE`."""
    table = Table(title="Formats")
    for column in ("format", "description"):
        table.add_column(column, overflow="fold")
    for f in core.formats():
        table.add_row(f.name, f.description)
    console.print(table)


@app.command()
def sources(db: DbOption = None) -> None:
    """List the sources in the database, with edition, sha256 and access date."""
    try:
        overview = core.sources_overview(_read_store(db))
    except MigprofileError as exc:
        raise _fail(exc) from exc
    found, formats = overview.sources, overview.imported_as
    table = Table(title=f"{len(found)} sources")
    for column in ("id", "edition", "publisher", "accessed", "sha256", "imported as"):
        table.add_column(column, overflow="fold")
    for s in found:
        table.add_row(s.id, s.edition or "", s.publisher, s.accessed.isoformat() if s.accessed
                      else "", f"{s.sha256[:12]}…" if s.sha256 else "", formats.get(s.id, ""))
    console.print(table)


@app.command()
def diff(
    source: Annotated[str, typer.Argument(help="Source id (a later vintage).")],
    against: Annotated[str | None, typer.Option(
        help="Source id to compare with (default: the previous vintage).")] = None,
    limit: Annotated[int, typer.Option(help="Rows listed per kind of change.")] = 20,
    db: DbOption = None,
) -> None:
    """List the observations added, removed and changed from one vintage of a source to
    another (same indicator, country, partner, period, sex and breakdown)."""
    try:
        result = core.diff(_read_store(db), source=source, against=against)
        if result is None:
            err.print(f"[bold red]error:[/] no earlier vintage of {source!r} was imported; "
                      "name one with --against")
            raise typer.Exit(2)
    except NotFoundError as exc:
        err.print(f"[bold red]error:[/] {exc}")
        raise typer.Exit(2) from exc
    except MigprofileError as exc:
        raise _fail(exc) from exc
    table = Table(title=result.summary())
    for column in ("change", "indicator", "country", "partner", "period", "sex", "old", "new"):
        table.add_column(column, overflow="fold")
    for rows in (result.added, result.removed, result.changed):
        for row in rows[:limit]:
            table.add_row(row.change, *row.key[:5], _diff_value(row.old), _diff_value(row.new))
    console.print(table)


def _diff_value(value: tuple[float | None, str] | None) -> str:
    if value is None:
        return ""
    number, status = value
    text = "" if number is None else f"{number:,.6g}"
    return text if status == "observed" else f"{text} ({status})".strip()


@app.command()
def serve(
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port.")] = 8000,
    access_log: Annotated[bool, typer.Option(help="Log every request.")] = True,
    db: DbOption = None,
) -> None:
    """Serve the web portal and the JSON API (/api/v1/, docs at /api/v1/docs)."""
    import uvicorn

    from migprofile.web.app import create_app

    try:
        web_app = create_app(_read_store(db))
    except MigprofileError as exc:
        raise _fail(exc) from exc
    err.print(f"migprofile portal on http://{host}:{port}/fr/")
    uvicorn.run(web_app, host=host, port=port, access_log=access_log, log_level="info")


from migprofile.cli_editorial import export, users_app  # noqa: E402  (the editor's commands)

app.add_typer(users_app, name="users")
app.command("export")(export)


def main() -> None:  # pragma: no cover - console entry point
    app()
