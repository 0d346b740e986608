"""Typed settings, read from the environment and an optional TOML file.

Every setting is declared once in ``REGISTRY`` with its environment variable, TOML key,
default and help; ``docs/settings.md`` lists them and a test keeps the two in step.
Precedence: environment variable > TOML file (``MIGPROFILE_CONFIG`` or ``./migprofile.toml``)
> default.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from migprofile.errors import ConfigError

# GROWTH_CHOICES is re-exported for the shells (they may not import indicators/)
from migprofile.indicators.growth import GROWTH_CHOICES as GROWTH_CHOICES
from migprofile.model.languages import LANGUAGES

REPO_ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Setting:
    name: str
    env: str
    default: Callable[[], Any]
    help: str
    parse: Callable[[str], Any] = str


def _default_db() -> str:
    return f"sqlite:///{Path.cwd() / 'migprofile.db'}"


def _default_init_cache() -> Path | None:
    try:
        base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    except RuntimeError:  # no home folder (a service account): no template, direct loads
        return None
    return Path(base) / "migprofile"


def _init_cache(value: str) -> Path | None:
    # "off" (or an empty value): every init loads the bundled data afresh
    return None if value.strip().lower() in ("", "off", "none", "0") else Path(value)


def _growth(value: str) -> str:
    if value not in GROWTH_CHOICES:
        raise ValueError(f"must be one of {', '.join(repr(c) for c in GROWTH_CHOICES)}")
    return value


def _pdf_engine(value: str) -> str:
    if value not in ("typst", "weasyprint"):
        raise ValueError("must be 'typst' or 'weasyprint'")
    return value


def _langs(value: str) -> tuple[str, ...]:
    langs = tuple(v.strip() for v in value.split(",") if v.strip())
    unknown = [lang for lang in langs if lang not in LANGUAGES]
    if unknown:
        raise ValueError(f"unknown language(s) {unknown}; use {', '.join(LANGUAGES)}")
    return langs


def _secure(value: str) -> str:
    if value not in ("auto", "always", "never"):
        raise ValueError("must be 'auto', 'always' or 'never'")
    return value


REGISTRY: tuple[Setting, ...] = (
    Setting("database_url", "MIGPROFILE_DATABASE_URL", _default_db,
            "SQLAlchemy URL of the database (SQLite file by default, "
            "postgresql+psycopg://… for servers)."),
    Setting("data_dir", "MIGPROFILE_DATA_DIR", lambda: REPO_ROOT / "data",
            "Folder of bundled data: countries/<ISO2>/ packages, reference lists, extracts.", Path),
    Setting("output_dir", "MIGPROFILE_OUTPUT_DIR", lambda: Path.cwd() / "build",
            "Where `migprofile build` writes profiles unless --out is given.", Path),
    Setting("growth", "MIGPROFILE_GROWTH", lambda: "source",
            "Average annual growth formula: source (each source's own convention: UN DESA "
            "exponential, national sources linear as CARIM), linear or exponential (for every "
            "rate).", _growth),
    Setting("languages", "MIGPROFILE_LANGUAGES", lambda: ("fr",),
            "Default languages of `migprofile build`, comma-separated.", _langs),
    Setting("chromium", "MIGPROFILE_CHROMIUM", lambda: "/usr/bin/chromium",
            "Chromium used for screenshots and browser tests (optional).", str),
    Setting("cache_size", "MIGPROFILE_CACHE_SIZE", lambda: 256,
            "Rendered pages kept in the web portal's cache.", int),
    Setting("pdf_engine", "MIGPROFILE_PDF_ENGINE", lambda: "typst",
            "Typesetter of PDF profiles: typst (fast, default) or weasyprint (from the HTML).",
            _pdf_engine),
    Setting("init_cache", "MIGPROFILE_INIT_CACHE", _default_init_cache,
            "Folder where `migprofile init` keeps the template it copies into a fresh SQLite "
            "database (built on first use from the bundled data and this version's code, "
            "rebuilt when either changes); `off` loads everything afresh each time.",
            _init_cache),
    Setting("cookie_secure", "MIGPROFILE_COOKIE_SECURE", lambda: "auto",
            "Secure flag of the editor's session cookie: auto (when the request is HTTPS, "
            "as a reverse proxy reports it), always or never.", _secure),
)


@dataclass(frozen=True)
class Settings:
    database_url: str
    data_dir: Path
    output_dir: Path
    growth: str
    languages: tuple[str, ...]
    chromium: str
    cache_size: int
    pdf_engine: str
    cookie_secure: str = "auto"
    init_cache: Path | None = None


def _toml_values() -> dict[str, Any]:
    path = Path(os.environ.get("MIGPROFILE_CONFIG", "migprofile.toml"))
    if not path.is_file():
        return {}
    try:
        with path.open("rb") as fh:
            data = tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from exc
    section = data.get("migprofile", data)
    return dict(section) if isinstance(section, dict) else {}


def load_settings() -> Settings:
    """Read every setting; a malformed value raises ``ConfigError`` naming it."""
    toml = _toml_values()
    values: dict[str, Any] = {}
    for setting in REGISTRY:
        raw = os.environ.get(setting.env)
        origin = setting.env
        if raw is None and setting.name in toml:
            raw, origin = toml[setting.name], f"{setting.name} in the TOML file"
            if isinstance(raw, list):
                raw = ",".join(str(v) for v in raw)
        if raw is None:
            values[setting.name] = setting.default()
            continue
        try:
            values[setting.name] = setting.parse(str(raw))
        except ValueError as exc:
            raise ConfigError(f"{origin}={raw!r}: {exc}") from exc
    return Settings(**values)


@cache
def get_settings() -> Settings:
    return load_settings()
