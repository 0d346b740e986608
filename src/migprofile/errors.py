"""Exceptions raised by migprofile.

Every exception the package raises on purpose derives from ``MigprofileError``;
anything else is a bug. Problems *in data* are not exceptions at first: readers
and checks collect them as findings in a ``validate.Report``; an exception
carries that report when the problems must stop the work (a failed load).

    MigprofileError
    ├── ConfigError                 a setting is malformed (names the setting)
    ├── StoreError                  the database cannot be opened or migrated
    │   └── NotFoundError           a country, source, indicator... is not in the store
    ├── DataError                   input data are wrong; carries ``report``
    │   ├── PackageError            a country data package failed to load
    │   ├── ImportFailed            a source file failed to import
    │   └── UnknownAreaError        names or codes that resolve to no area
    ├── FormatNotRecognised         no reader claims a file (names the readers tried)
    ├── BindingError                a narrative figure has no data behind it
    ├── SpecError                   a profile spec or narrative file is malformed (file, key)
    ├── RenderError                 a renderer or an optional tool (PDF, charts) failed
    └── UndefinedIndicator          (also a ValueError; in migprofile.indicators.errors)
        ├── UndefinedRate           a growth rate from a zero or negative start, or no years
        └── UndefinedShare          a share of a zero total
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from migprofile.validate.report import Report


class MigprofileError(Exception):
    """Base class of every error migprofile raises on purpose."""


class ConfigError(MigprofileError):
    """A setting (environment variable or TOML key) has an invalid value."""


class StoreError(MigprofileError):
    """The database cannot be reached, created or migrated."""


class UnreadableTemplate(StoreError):
    """An init template cannot be read as the database it should be (it is built again)."""


class NotFoundError(StoreError):
    """A requested object is not in the store."""

    def __init__(self, kind: str, key: str) -> None:
        super().__init__(f"{kind} {key!r} is not in the database")
        self.kind = kind
        self.key = key


class DataError(MigprofileError):
    """Input data are wrong; ``report`` lists every finding."""

    def __init__(self, message: str, report: Report | None = None) -> None:
        super().__init__(message)
        self.report = report


class PackageError(DataError):
    """A country data package has errors; nothing of it was written."""


class ImportFailed(DataError):
    """A source file could not be imported; nothing of it was written."""


class UnknownAreaError(DataError):
    """Names or codes that resolve to no known area."""

    def __init__(self, names: Sequence[str], context: str = "") -> None:
        listed = ", ".join(repr(n) for n in names)
        where = f" in {context}" if context else ""
        super().__init__(f"unknown area name(s){where}: {listed}")
        self.names = list(names)


class FormatNotRecognised(MigprofileError):
    """No registered reader claims a file."""

    def __init__(self, path: str, tried: Sequence[str], reason: str | None = None) -> None:
        super().__init__(f"{path}: {reason}" if reason else
                         f"{path}: not recognised by any of {', '.join(tried)}")
        self.path = path
        self.tried = list(tried)


class BindingError(MigprofileError):
    """A narrative expression refers to a figure the database does not hold."""


class SpecError(ConfigError):
    """A profile spec (``spec.yaml``, a package's ``profile.yaml``) or the generic narratives
    are malformed; the message names the file and the key."""


class RenderError(MigprofileError):
    """A profile could not be rendered in the requested format."""
