"""Numbers, dates and messages in French, English and Arabic (Babel + gettext catalogs).

Catalogs are the ``.po`` files in ``render/locales/<lang>/LC_MESSAGES/migprofile.po``;
they are read directly with Babel (no compiled ``.mo`` files to keep in step).
"""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_EVEN, Decimal
from functools import cache
from pathlib import Path

from babel import Locale
from babel.dates import format_date
from babel.messages.pofile import read_po
from babel.numbers import format_compact_decimal, format_decimal

from migprofile.model import Status, languages

LOCALES_DIR = Path(__file__).parent / "render" / "locales"
QUALIFIER_MSG = {
    Status.APPROXIMATE: "about",
    Status.LOWER_BOUND: "more than",
}


@cache
def locale(lang: str) -> Locale:
    """The CLDR locale the registry gives ``lang`` (the code itself for an unregistered one)."""
    try:
        return Locale.parse(languages.language(lang).locale)
    except KeyError:
        return Locale.parse(lang)


@cache
def catalog(lang: str) -> dict[str, str]:
    path = LOCALES_DIR / lang / "LC_MESSAGES" / "migprofile.po"
    if not path.is_file():
        return {}
    with path.open("rb") as fh:
        po = read_po(fh, locale=lang)
    return {str(m.id): str(m.string) for m in po if m.id and m.string and not m.fuzzy}


def N_(message: str) -> str:
    """Mark ``message`` for extraction (scripts/extract_messages.py) without translating it."""
    return message


def gettext(lang: str, message: str) -> str:
    """The translation of ``message`` (an English msgid) in ``lang``; the msgid if none."""
    return catalog(lang).get(message, message)


# Punctuation that differs by language, as catalog messages so that a new language brings its own:
# " ; " with a no-break space in French, "؛ " and "، " in Arabic.
SEMICOLON = N_("; ")
COMMA = N_(", ")
CAPTION_PERIOD = N_("{caption}, {start}–{end}")
LEAD = N_("{label}:")  # a label before its text; French puts a no-break space before ":"


def labelled(lang: str, label: str) -> str:
    """``label`` followed by its colon as ``lang`` writes it (« Source : », "Source:")."""
    return gettext(lang, LEAD).format(label=label)


def semicolon(lang: str) -> str:
    """The separator of a list of facts in ``lang``."""
    return gettext(lang, SEMICOLON)


def list_comma(lang: str) -> str:
    """The separator of a list of names in ``lang`` (Arabic: "، ")."""
    return gettext(lang, COMMA)


def _pattern(lang: str, digits: int) -> str:
    base = "#,##0"
    return base + ("." + "0" * digits if digits > 0 else "")


def _rounds_to_zero(value: float, digits: int) -> bool:
    # the rounding Babel applies (half-even on the decimal value)
    quantum = Decimal(1).scaleb(-max(digits, 0))
    return Decimal(repr(value)).quantize(quantum, rounding=ROUND_HALF_EVEN) == 0


def format_number(value: float, lang: str, digits: int = 0) -> str:
    """``3292599`` → "3 292 599" (fr, es), "3,292,599" (en); one decimal: "8,1" / "8.1".
    A value that rounds to zero prints without a sign: −0.04 is "0,0", never "-0,0"."""
    if -1 < value <= 0 and _rounds_to_zero(value, digits):  # -0.04, and -0.0 itself
        value = 0.0
    try:
        style = languages.language(lang)
    except KeyError:
        style = None
    grouped = style is None or abs(value) >= 10 ** (2 + style.min_grouping_digits)
    pattern = _pattern(lang, digits) if grouped else _pattern(lang, digits).replace(",", "")
    text = str(format_decimal(value, format=pattern, locale=locale(lang),
                              decimal_quantization=True))
    if style is not None and style.group_separator and grouped:
        text = text.replace(_symbol(lang, "group", ","), style.group_separator)
    return text


def _symbol(lang: str, name: str, default: str) -> str:
    """A CLDR number symbol of the language's locale, in Latin digits (Babel keys the
    symbols by numbering system)."""
    symbols = locale(lang).number_symbols
    if "latn" in symbols:
        return str(symbols["latn"].get(name, default))
    return str(symbols.get(name, default))


def format_percent(value: float, lang: str, digits: int = 1) -> str:
    """A value already in percent (8.08) → "8,1 %" (fr), "8.1%" (en), Arabic per CLDR."""
    loc = locale(lang)
    pattern = loc.percent_formats[None].pattern
    number = format_number(value, lang, digits)
    suffix = pattern.split("0")[-1] if "0" in pattern else "%"
    prefix = pattern.split("#")[0] if pattern.startswith(("%", "\u061c", "\u200e")) else ""
    percent_sign = loc.number_symbols.get("latn", {}).get("percentSign", "%") \
        if isinstance(loc.number_symbols, dict) and "latn" in loc.number_symbols \
        else loc.number_symbols.get("percentSign", "%")
    suffix = suffix.replace("%", percent_sign)
    prefix = prefix.replace("%", percent_sign)
    return f"{prefix}{number}{suffix}"


def format_millions(value: float, lang: str, digits: int = 1) -> str:
    """3292599 → "3,3 millions" (fr), "3.3 million" (en), "3.3 مليون" (ar): CLDR's long
    compact form, which knows each language's plural rules."""
    if abs(value) >= 1e9:  # the compact form would switch to billions
        return f"{format_number(value / 1e6, lang, digits)}\u00a0{gettext(lang, 'millions')}"
    text = format_compact_decimal(value, format_type="long", fraction_digits=digits,
                                  locale=locale(lang))
    return str(text).replace(" ", "\u00a0", 1)


def format_long_date(value: date, lang: str) -> str:
    """A date in running text, by the registry's pattern: "5 décembre 2023", "5 de diciembre
    de 2023"."""
    text = str(format_date(value, languages.language(lang).date_pattern, locale=locale(lang)))
    return _first_day(text, value, lang)


def _first_day(text: str, value: date, lang: str) -> str:
    """The language's form of a month's first day ("1er janvier"), from the registry."""
    first = languages.language(lang).first_day
    if first and value.day == 1 and text.startswith("1") and not text[1:2].isdigit():
        return first + text[1:]
    return text


def format_month(value: date, lang: str) -> str:
    """A month in running text: "décembre 2023", "diciembre de 2023"."""
    return str(format_date(value, languages.language(lang).month_pattern, locale=locale(lang)))


def format_day(value: date, lang: str) -> str:
    """"1er janvier 2007" in French (the CARIM convention), "1 January 2007", Arabic per CLDR."""
    return _first_day(str(format_date(value, format="long", locale=locale(lang))), value, lang)


def qualifier(status: Status, lang: str) -> str:
    message = QUALIFIER_MSG.get(status)
    return gettext(lang, message) if message else ""


def qualified(text: str, status: Status, lang: str) -> str:
    """``environ 16 000``, ``more than 12,000``: the status's word before the number."""
    word = qualifier(status, lang)
    return f"{word} {text}" if word else text


# How many decimals a value shows, by its indicator's unit (the one rule of tables, the CLI
# and the portal): counts whole, percentages one decimal; other units whole when whole.
UNIT_DIGITS = {"persons": 0, "count": 0, "households": 0, "percent": 1,
               "percentage_points": 1}


def value_digits(value: float, unit: str, digits: int | None = None) -> int:
    """The decimals of a value: the indicator's own ``digits`` (indicators.yaml) when it has
    them, else its unit's rule."""
    if digits is not None:
        return digits
    if unit in UNIT_DIGITS:
        return UNIT_DIGITS[unit]
    if unit == "usd_million" and abs(value) >= 100:  # CARIM's tables: whole millions
        return 0
    return 0 if float(value).is_integer() else 1


def value_number(value: float, unit: str, lang: str, digits: int | None = None) -> str:
    """A value's number as a table cell prints it (the column says the unit)."""
    return format_number(value, lang, value_digits(value, unit, digits))


def value_text(value: float, unit: str, lang: str, digits: int | None = None) -> str:
    """A value as the CLI and the portal print it alone: ``value_number`` with, for
    percentages, the language's percent sign."""
    if unit in ("percent", "percentage_points"):
        return format_percent(value, lang, value_digits(value, unit, digits))
    return value_number(value, unit, lang, digits)
