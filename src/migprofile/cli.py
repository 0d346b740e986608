"""The ``migprofile`` command: parse arguments, call ``migprofile.core``, print.

Exit codes: 0 success; 1 data errors (a failed check or load); 2 usage errors;
3 environment errors (database, settings, missing optional tool).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from migprofile import core
from migprofile.errors import DataError, MigprofileError
from migprofile.i18n import format_number, format_percent, qualified
from migprofile.indicators.tables import PartnerTable
from migprofile.model import Observation
from migprofile.validate import Report, Severity

app = typer.Typer(help="A database of international-migration data and the country migration "
                  "profiles built from it.", no_args_is_help=True, add_completion=False)
console = Console()
err = Console(stderr=True)

DbOption = Annotated[str | None, typer.Option("--db", help="Database URL (default: "
                                              "MIGPROFILE_DATABASE_URL or ./migprofile.db).")]


def _fail(exc: MigprofileError) -> typer.Exit:
    err.print(f"[bold red]error:[/] {exc}")
    if isinstance(exc, DataError) and exc.report is not None:
        print_report(exc.report, to=err)
        return typer.Exit(1)
    return typer.Exit(3)


def print_report(report: Report, *, to: Console = console) -> None:
    if not report.findings:
        to.print(f"[green]{report.summary()}[/]")
        return
    table = Table(title=report.summary(), show_lines=False)
    for column in ("severity", "type", "location", "message"):
        table.add_column(column, overflow="fold")
    colours = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
    for f in report.findings:
        table.add_row(f"[{colours[f.severity]}]{f.severity.value}[/]", f.type, str(f.location),
                      f.message)
    to.print(table)


@app.command()
def init(db: DbOption = None) -> None:
    """Create or migrate the database and load the bundled reference data and country packages."""
    try:
        store = core.open_store(db)
        result = core.init_database(store, progress=lambda m: err.print(f"[dim]loading {m}[/]"))
    except MigprofileError as exc:
        raise _fail(exc) from exc
    console.print(f"Database ready: {result.areas} areas, {result.indicators} indicators, "
                  f"packages: {', '.join(result.packages) or 'none'}.")


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
          as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
          db: DbOption = None) -> None:
    """Check what the database holds (totals, "of which" rows, published values). Exit 1 on errors."""
    try:
        report = core.check_country(core.open_store(db), country)
    except MigprofileError as exc:
        raise _fail(exc) from exc
    if as_json:
        sys.stdout.write(json.dumps(report.to_dict(), ensure_ascii=False, indent=2) + "\n")
    else:
        print_report(report)
    raise typer.Exit(0 if report.ok else 1)


@app.command()
def countries(db: DbOption = None) -> None:
    """List the countries the database holds data for."""
    try:
        store = core.open_store(db)
        counts = store.countries_with_observations()
        packaged = {p.country for p in store.packages()}
        names = core.area_names(store)
    except MigprofileError as exc:
        raise _fail(exc) from exc
    table = Table(title=f"{len(counts)} countries with data")
    for column in ("code", "name", "observations", "package"):
        table.add_column(column)
    for code, n in sorted(counts.items()):
        area = names.get(code)
        table.add_row(code, area.names.text("en") if area else code, str(n),
                      "yes" if code in packaged else "")
    console.print(table)


@app.command()
def show(country: Annotated[str, typer.Argument(help="ISO2/ISO3 code or name.")],
         lang: Annotated[str, typer.Option(help="Language of names and numbers.")] = "fr",
         growth: Annotated[str, typer.Option(help="linear (CARIM) or exponential (UN).")] = "linear",
         db: DbOption = None) -> None:
    """Show what the database holds for a country: tables with computed columns, figures,
    texts per language and sources."""
    try:
        store = core.open_store(db)
        overview = core.country_overview(store, country, lang=lang, method=growth)
        names = {code: a.names.text(lang) for code, a in core.area_names(store).items()}
    except MigprofileError as exc:
        raise _fail(exc) from exc
    console.rule(f"{overview.name} ({overview.country}): {overview.observation_count} observations")
    for table in overview.tables:
        console.print(_table(table, names, lang, growth))
    console.print(_figures(overview.other_observations, names, lang))
    texts = Table(title="Texts per language")
    for column in ("kind", "fr", "en", "ar"):
        texts.add_column(column)
    for kind, per_lang in overview.texts.items():
        texts.add_row(kind, *(str(per_lang[x]) for x in ("fr", "en", "ar")))
    console.print(texts)
    console.print(f"Legal instruments: {overview.instruments}")
    sources = Table(title="Sources")
    for column in ("id", "citation", "edition"):
        sources.add_column(column)
    for s in overview.sources:
        sources.add_row(s.id, s.citation.text(lang) or s.publisher, s.edition or "")
    console.print(sources)


def _table(table: PartnerTable, names: dict[str, str], lang: str, growth: str) -> Table:
    out = Table(title=f"{table.table_id} ({table.indicator})")
    out.add_column("area")
    for period in table.periods:
        out.add_column(period, justify="right")
        if "share" in table.measures:
            out.add_column("%", justify="right")
    if table.show_growth:
        out.add_column(f"growth ({growth}) %/yr", justify="right")
    if table.show_variation:
        out.add_column("variation %", justify="right")
    for row in table.rows:
        label = ("  " * row.level) + names.get(row.area, row.area)
        cells = [f"[bold]{label}[/]" if row.is_total else label]
        for period in table.periods:
            obs = row.values.get(period)
            cells.append(_obs_text(obs, lang))
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


def _obs_text(obs: Observation | None, lang: str) -> str:
    if obs is None or obs.value is None:
        return "…" if obs is None else obs.status.value
    digits = 0 if float(obs.value).is_integer() else 1
    return qualified(format_number(obs.value, lang, digits), obs.status, lang)


def _figures(observations: list[Observation], names: dict[str, str], lang: str) -> Table:
    out = Table(title="Other figures")
    for column in ("indicator", "partner", "period", "breakdown", "value", "source"):
        out.add_column(column)
    for o in observations:
        value = _obs_text(o, lang)
        if o.indicator.endswith(("share", "_rate", "composition")) and o.value is not None:
            value = qualified(format_percent(o.value, lang), o.status, lang)
        breakdown = ";".join(f"{k}={v}" for k, v in o.breakdown.items())
        out.add_row(o.indicator, names.get(o.partner, o.partner), o.period, breakdown, value,
                    o.source_id)
    return out


@app.command()
def build(
    countries: Annotated[list[str] | None, typer.Argument(help="ISO2/ISO3 codes or names.")] = None,
    lang: Annotated[str, typer.Option(help="Languages, comma-separated: fr,en,ar.")] = "fr",
    fmt: Annotated[str, typer.Option("--format", help="Formats: html,pdf,md,json.")] = "html",
    out: Annotated[Path, typer.Option(help="Output folder.")] = Path("build"),
    growth: Annotated[str, typer.Option(help="linear (CARIM) or exponential (UN).")] = "linear",
    all_countries: Annotated[bool, typer.Option("--all", help="Every country with data.")] = False,
    db: DbOption = None,
) -> None:
    """Build profiles: writes OUT/<ISO2>-<lang>.<ext> and prints the paths."""
    from rich.progress import Progress

    from migprofile.build import FORMATS, BuildRequest, build_many, parse_list, profiled_countries
    from migprofile.indicators.growth import GrowthMethod

    try:
        langs = parse_list(lang, ("fr", "en", "ar"), "language")
        formats = parse_list(fmt, FORMATS, "format")
        method = GrowthMethod(growth)
    except ValueError as exc:
        err.print(f"[bold red]error:[/] {exc}")
        raise typer.Exit(2) from exc
    try:
        store = core.open_store(db)
        codes = list(profiled_countries(store)) if all_countries else \
            [core.resolve_country(store, c) for c in countries or ()]
        if not codes:
            err.print("[bold red]error:[/] name at least one country, or --all")
            raise typer.Exit(2)
        request = BuildRequest(tuple(codes), langs, formats, out, method)
        with Progress(console=err, transient=True) as bar:
            task = bar.add_task("building profiles", total=len(codes))
            result = build_many(store, request,
                                progress=lambda _c: bar.advance(task))
    except MigprofileError as exc:
        raise _fail(exc) from exc
    for path in result.written:
        console.print(str(path))
    for country, error in sorted(result.failed.items()):
        err.print(f"[yellow]skipped {country}:[/] {error}")
    if result.failed and not result.written:
        raise typer.Exit(1)


def main() -> None:  # pragma: no cover - console entry point
    app()
