"""``migprofile users …`` and ``migprofile export``: the editorial workflow's shell commands.

Passwords are read from a hidden prompt (asked twice) or, for scripts, from the first line
of standard input with ``--password-stdin``; never from an argument (it would be in the
shell history and the process list) and never echoed.
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
from migprofile.editorial import EditorialStore, accounts
from migprofile.editorial.accounts import Role
from migprofile.editorial.audit import CLI
from migprofile.editorial.errors import EditorialError
from migprofile.editorial.export import export_package
from migprofile.errors import MigprofileError

users_app = typer.Typer(help="Accounts of the portal's editors: admin, reviewer, contributor.",
                        no_args_is_help=True)
console = Console()
err = Console(stderr=True)

DbOption = Annotated[str | None, typer.Option("--db", help="Database URL (default: "
                                              "MIGPROFILE_DATABASE_URL or ./migprofile.db).")]
StdinOption = Annotated[bool, typer.Option("--password-stdin",
                                           help="Read the password from standard input.")]


def _es(db: str | None) -> EditorialStore:
    return EditorialStore(core.open_store(db))


def _fail(exc: MigprofileError) -> typer.Exit:
    err.print(f"[bold red]error:[/] {exc}")
    return typer.Exit(1 if isinstance(exc, EditorialError) else 3)


def _password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    password: str = typer.prompt("Password", hide_input=True, confirmation_prompt=True)
    return password


def _countries(es: EditorialStore, names: list[str]) -> list[str]:
    return [core.resolve_country(es.store, n) for n in names]


@users_app.command("add")
def add(username: str,
        role: Annotated[Role, typer.Option(help="admin, reviewer or contributor.")] =
        Role.CONTRIBUTOR,
        country: Annotated[list[str] | None, typer.Option(
            help="A country the contributor writes (ISO2/ISO3/name); repeat for several.")]
        = None,
        name: Annotated[str, typer.Option(help="Name shown in the portal.")] = "",
        password_stdin: StdinOption = False, db: DbOption = None) -> None:
    """Create an account."""
    try:
        es = _es(db)
        user = accounts.add_user(es, CLI, username, _password(password_stdin), role,
                                 display_name=name, countries=_countries(es, country or []))
    except MigprofileError as exc:
        raise _fail(exc) from exc
    console.print(f"user [bold]{user.username}[/] ({user.role.value}) created"
                  + (f", countries {', '.join(sorted(user.countries))}" if user.countries
                     else ""))


@users_app.command("list")
def list_(as_json: Annotated[bool, typer.Option("--json")] = False, db: DbOption = None) -> None:
    """Every account with its role and countries (never a password hash)."""
    try:
        found = accounts.list_users(_es(db))
    except MigprofileError as exc:
        raise _fail(exc) from exc
    if as_json:
        print(json.dumps([{"username": u.username, "name": u.display_name,
                           "role": u.role.value, "active": u.active,
                           "countries": sorted(u.countries)} for u in found], indent=2))
        return
    table = Table(title=f"{len(found)} user(s)")
    for column in ("user", "name", "role", "active", "countries"):
        table.add_column(column)
    for u in found:
        table.add_row(u.username, u.display_name, u.role.value, "yes" if u.active else "no",
                      ", ".join(sorted(u.countries)))
    console.print(table)


@users_app.command("set-role")
def set_role(username: str, role: Role, db: DbOption = None) -> None:
    """Change an account's role."""
    try:
        user = accounts.set_role(_es(db), CLI, username, role)
    except MigprofileError as exc:
        raise _fail(exc) from exc
    console.print(f"{user.username} is now {user.role.value}")


@users_app.command("assign")
def assign(username: str,
           add: Annotated[list[str] | None, typer.Option("--add", help="Country to add.")] = None,
           remove: Annotated[list[str] | None, typer.Option("--remove",
                                                            help="Country to remove.")] = None,
           db: DbOption = None) -> None:
    """Give a contributor countries to write (or take them away)."""
    try:
        es = _es(db)
        user = accounts.assign(es, CLI, username, _countries(es, add or []),
                               _countries(es, remove or []))
    except MigprofileError as exc:
        raise _fail(exc) from exc
    console.print(f"{user.username}: {', '.join(sorted(user.countries)) or 'no country'}")


@users_app.command("reset-password")
def reset_password(username: str, password_stdin: StdinOption = False,
                   db: DbOption = None) -> None:
    """Set a new password; the user's open sessions are closed."""
    try:
        accounts.reset_password(_es(db), CLI, username, _password(password_stdin))
    except MigprofileError as exc:
        raise _fail(exc) from exc
    console.print(f"password of {username} changed; open sessions closed")


@users_app.command("disable")
def disable(username: str, db: DbOption = None) -> None:
    """Close an account (it can no longer log in; its history stays)."""
    try:
        accounts.set_active(_es(db), CLI, username, False)
    except MigprofileError as exc:
        raise _fail(exc) from exc
    console.print(f"{username} disabled")


def export(country: Annotated[str, typer.Argument(help="ISO2/ISO3 code or name.")],
           folder: Annotated[Path, typer.Argument(help="Folder to write the package into.")],
           db: DbOption = None) -> None:
    """Write a country's published content as a data package (the format of
    data/countries/MA); `migprofile load FOLDER` reads it back."""
    try:
        es = _es(db)
        result = export_package(es, core.resolve_country(es.store, country), folder)
    except MigprofileError as exc:
        raise _fail(exc) from exc
    console.print(f"{len(result.files)} files written to {result.folder}: "
                  + ", ".join(f"{name} ({n})" for name, n in sorted(result.counts.items())))
