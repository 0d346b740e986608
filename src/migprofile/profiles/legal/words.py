"""The wording files of the generated legal items (``words.yaml``, ``citizenship.yaml``,
``visa.yaml``) and the small helpers that put coded values into words in one language."""

from __future__ import annotations

from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from babel.units import format_unit

from migprofile.i18n import format_long_date, format_month, format_number, list_comma, locale
from migprofile.profiles.counted import counted, vocabulary

HERE = Path(__file__).parent


@cache
def wording(name: str) -> dict[Any, Any]:
    data: dict[Any, Any] = yaml.safe_load((HERE / f"{name}.yaml").read_text(encoding="utf-8"))
    return data


def pick(entry: Any, lang: str) -> str:
    """The text of a ``{fr, en, ar}`` entry in ``lang`` (English when a language lacks it)."""
    if isinstance(entry, dict):
        return str(entry.get(lang) or entry.get("en") or "")
    return str(entry)


def word(section: str, key: str, lang: str, **fields: object) -> str:
    text = pick(wording("words")[section][key], lang)
    return text.format(**fields) if fields else text


def status_word(status: str, lang: str, grammar: dict[str, str]) -> str:
    """A treaty status agreeing with the treaty's name: "ratifié" / "ratifiée", Arabic
    masculine / feminine (``grammar``: ``{"fr": "f.sg", "ar": "f"}``)."""
    entry = wording("words")["status"].get(status) or wording("words")["status"]["unknown"]
    value = entry.get(lang) if isinstance(entry, dict) else entry
    if isinstance(value, dict):
        default = "f.sg" if lang == "fr" else "f"
        return str(value.get(grammar.get(lang, default)) or next(iter(value.values())))
    return str(value if value is not None else entry.get("en"))


@cache
def long_date(value: date, lang: str) -> str:
    return format_long_date(value, lang)


def month(value: date, lang: str) -> str:
    return format_month(value, lang)


def number(value: float, lang: str) -> str:
    return format_number(value, lang)


def years(n: int, lang: str) -> str:
    """A number of years, counted in the language's grammar ("1 an", "5 ans", "سنتين")."""
    if lang in vocabulary()["years"]:
        return counted("years", n, lang)  # profiles/counted.yaml
    # a language without its own forms: CLDR's plural of the unit
    return str(format_unit(n, "duration-year", length="long", locale=locale(lang)))


def join(items: list[str], lang: str) -> str:
    return list_comma(lang).join(items)
