"""How an area's name is used in a sentence: articles, elision, locative prepositions, gender.

Read from ``data/reference/areas/grammar.csv`` (derived by ``scripts/derive_area_grammar.py``
from UNTERM's short names, with hand corrections). French: "l'Allemagne / en Allemagne / de
l'Allemagne", "le Maroc / au Maroc / du Maroc", "les États-Unis / aux États-Unis / des
États-Unis", "Israël / en Israël / d'Israël", "Cuba / à Cuba". English: "the United States".
Arabic: the gender verbs and adjectives agree with. Spanish: "los Estados Unidos / en los
Estados Unidos / de los Estados Unidos", "el Reino Unido / del Reino Unido" (the contraction
"de el" → "del"), "Marruecos / en Marruecos / de Marruecos". An area missing from the file (a
region) is used bare, with "à"/"in"/"en".
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache

from migprofile.settings import get_settings

VOWELS = tuple("AEIOUYÂÉÈÊÎÔÛÏaeiouyéèêîôâh")


@dataclass(frozen=True)
class NameGrammar:
    fr_article: str = ""  # le, la, l', les or ""
    fr_gender: str = "m"
    fr_number: str = "s"
    fr_locative: str = "à"  # au, en, aux, à
    en_article: str = ""  # "the" or ""
    ar_gender: str = "f"
    es_article: str = ""  # el, la, los, las or ""
    es_gender: str = "m"
    es_number: str = "s"
    es_locative: str = "en"


BARE = NameGrammar()


@cache
def grammar_table() -> dict[str, NameGrammar]:
    path = get_settings().data_dir / "reference" / "areas" / "grammar.csv"
    with path.open(encoding="utf-8", newline="") as fh:
        return {row["code"]: NameGrammar(**{k: v for k, v in row.items() if k != "code"})
                for row in csv.DictReader(fh)}


def grammar_of(code: str) -> NameGrammar:
    return grammar_table().get(code, BARE)


def _elides(name: str) -> bool:
    return name.startswith(VOWELS)


def subject(code: str, name: str, lang: str) -> str:
    """The name as a subject or object: "l'Allemagne", "le Maroc", "the United States"."""
    g = grammar_of(code)
    if lang == "fr":
        if g.fr_article == "l'":
            return f"l'{name}"
        return f"{g.fr_article} {name}" if g.fr_article else name
    if lang == "en":
        return f"the {name}" if g.en_article else name
    if lang == "es":
        return f"{g.es_article} {name}" if g.es_article else name
    return name


def _spanish(preposition: str, code: str, name: str) -> str:
    """"de" or "a" before a Spanish name, contracted with "el": "del Perú", "al Reino Unido"."""
    article = grammar_of(code).es_article
    if article == "el":
        return f"{preposition}l {name}" if preposition in ("de", "a") else \
            f"{preposition} el {name}"
    return f"{preposition} {subject(code, name, 'es')}"


def of(code: str, name: str, lang: str) -> str:
    """"de l'Allemagne", "du Maroc", "des États-Unis", "d'Israël"; "of the United States"."""
    g = grammar_of(code)
    if lang == "fr":
        article = g.fr_article
        if article == "le":
            return f"du {name}"
        if article == "les":
            return f"des {name}"
        if article in ("la", "l'"):
            return f"de {subject(code, name, lang)}"
        return f"d'{name}" if _elides(name) else f"de {name}"
    if lang == "en":
        return f"of {subject(code, name, lang)}"
    if lang == "es":
        return _spanish("de", code, name)
    return name


def located(code: str, name: str, lang: str) -> str:
    """"en Allemagne", "au Maroc", "aux États-Unis", "à Cuba"; "in the Philippines"."""
    g = grammar_of(code)
    if lang == "fr":  # "dans l'État de Palestine": an elided article takes no space
        return f"{g.fr_locative}{name}" if g.fr_locative.endswith("'") else \
            f"{g.fr_locative} {name}"
    if lang == "en":
        return f"in {subject(code, name, lang)}"
    if lang == "es":
        return _spanish(g.es_locative, code, name)
    if lang == "ar":
        return f"في {name}"
    return name


def is_feminine(code: str, lang: str) -> bool:
    g = grammar_of(code)
    return {"ar": g.ar_gender, "es": g.es_gender}.get(lang, g.fr_gender) == "f"


def is_plural(code: str, lang: str) -> bool:
    g = grammar_of(code)
    return {"fr": g.fr_number, "es": g.es_number}.get(lang) == "p"
