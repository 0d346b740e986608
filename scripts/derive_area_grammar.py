"""Derive ``data/reference/areas/grammar.csv``: how each area's name is used in a sentence.

    python scripts/derive_area_grammar.py [--out data/reference/areas/grammar.csv]

Input: ``data/reference/areas/country_names.csv`` (UNTERM short names, which carry the French
and English articles: "Allemagne (l')", "Maroc (le)", "Philippines (the)") and the hand-written
corrections below (territories UNTERM lacks, Arabic gender, exceptions such as "en Israël").
Columns: code, fr_article (le, la, l', les or empty), fr_gender (m, f), fr_number (s, p),
fr_locative (au, en, aux, à), en_article (the or empty), ar_gender (m, f), es_article (el,
la, los, las or empty), es_gender (m, f), es_number (s, p), es_locative (en). Spanish takes the
article from the head noun of the display name (Babel's Spanish name or display_names.yaml):
"los Estados Unidos", "el Reino Unido", "la República Dominicana", "las Islas Caimán"; a
bare country name takes none ("Marruecos", "Francia") except where usage keeps one (ES_ARTICLE:
"la India", "el Perú"). The contractions "del"/"al" are made by geo/grammar.py from the article.
Rows are sorted by code: the same input always gives the same bytes.
"""

from __future__ import annotations

import argparse
import csv
import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
AREAS = REPO / "data" / "reference" / "areas"
FIELDS = ("code", "fr_article", "fr_gender", "fr_number", "fr_locative", "en_article",
          "ar_gender", "es_article", "es_gender", "es_number", "es_locative")

# Where UNTERM says nothing, or says it another way (its qualifiers "(République islamique
# d')"), or usage differs from the article rule (Israël takes "en", islands without article "à").
FR_OVERRIDES: dict[str, tuple[str, str, str, str]] = {
    "IRN": ("l'", "m", "s", "en"), "VEN": ("le", "m", "s", "au"), "BOL": ("la", "f", "s", "en"),
    "FSM": ("la", "f", "s", "en"), "ISR": ("", "m", "s", "en"), "HKG": ("la", "f", "s", "en"),
    "MAC": ("la", "f", "s", "en"), "TWN": ("", "m", "s", "à"), "XKX": ("le", "m", "s", "au"),
    "ESH": ("le", "m", "s", "au"), "VAT": ("le", "m", "s", "au"), "PSE": ("l'", "m", "s", "dans l'"),
    "UN:830": ("les", "f", "p", "aux"), "GGY": ("", "m", "s", "à"), "JEY": ("", "m", "s", "à"),
    "BES": ("", "m", "s", "à"), "SXM": ("", "m", "s", "à"), "MAF": ("", "m", "s", "à"),
    "GRL": ("le", "m", "s", "au"), "PRI": ("", "m", "s", "à"), "GUF": ("la", "f", "s", "en"),
    "NCL": ("la", "f", "s", "en"), "PYF": ("la", "f", "s", "en"), "REU": ("la", "f", "s", "à"),
    "GLP": ("la", "f", "s", "en"), "MTQ": ("la", "f", "s", "en"), "MYT": ("", "m", "s", "à"),
    "ALA": ("les", "f", "p", "aux"), "CYM": ("les", "f", "p", "aux"), "TCA": ("les", "f", "p",
                                                                         "aux"),
    "VGB": ("les", "f", "p", "aux"), "VIR": ("les", "f", "p", "aux"), "FRO": ("les", "f", "p",
                                                                         "aux"),
    "FLK": ("les", "f", "p", "aux"), "MNP": ("les", "f", "p", "aux"), "ASM": ("les", "f", "p",
                                                                         "aux"),
    "CCK": ("les", "f", "p", "aux"), "UMI": ("les", "f", "p", "aux"), "HMD": ("les", "f", "p",
                                                                         "aux"),
    "LAO": ("le", "m", "s", "au"), "TUR": ("la", "f", "s", "en"), "CIV": ("la", "f", "s", "en"),
    "CPV": ("le", "m", "s", "au"), "SLV": ("le", "m", "s", "au"), "ATA": ("l'", "f", "s", "en"),
    "BVT": ("l'", "f", "s", "à"), "CXR": ("l'", "f", "s", "à"), "IMN": ("l'", "f", "s", "à"),
    "IOT": ("le", "m", "s", "dans le"), "NFK": ("l'", "f", "s", "à"), "PCN": ("les", "f", "p",
                                                                             "aux"),
    "SJM": ("le", "m", "s", "au"), "WLF": ("", "m", "s", "à"),
    "ATF": ("les", "f", "p", "aux"), "SGS": ("la", "f", "s", "en"), "ANT": ("les", "f", "p",
                                                                       "aux"),
}
EN_THE = {"UN:830", "VAT", "CYM", "TCA", "VGB", "VIR", "FRO", "FLK", "MNP", "CCK", "UMI", "HMD",
          "ALA", "ANT", "BES", "MDV", "IMN", "SLB"}
# Arabic: country names are feminine unless usage makes them masculine (كندا stays feminine:
# "تليها كندا").
AR_MASCULINE = {"MAR", "IRQ", "JOR", "LBN", "SDN", "SSD", "YEM", "BHR", "SEN", "VAT", "KWT",
                "XKX", "ESH", "GAB", "NER", "TCD", "PAK", "BRA", "MEX", "JPN", "PRT",
                "LUX", "VNM", "CHL", "PER", "ECU", "SLV", "GTM", "HND", "PRY", "URY", "NPL",
                "BTN", "KHM", "LAO", "TWN", "OMN", "QAT"}
# UNTERM's "(the)" belongs to its formal short name ("Russian Federation (the)"); the display
# name keeps the article only when it is of that kind ("the Philippines", not "the Russia").
EN_THE_NAME = re.compile(r"Republic|Kingdom|States|Islands|Emirates|Netherlands|Philippines|"
                         r"Bahamas|Gambia|Maldives|Comoros|Seychelles|Holy See|State of|Isle|"
                         r"Federated|Territories|SAR|Union")
# Spanish: the article a name's first word (a common noun) calls for; a proper name alone takes
# none. "Micronesia (Estados Federados de)" keeps the UN list form and no article.
ES_HEAD: dict[str, tuple[str, str, str]] = {
    "Islas": ("las", "f", "p"), "Isla": ("la", "f", "s"), "República": ("la", "f", "s"),
    "Reino": ("el", "m", "s"), "Estados": ("los", "m", "p"), "Emiratos": ("los", "m", "p"),
    "Países": ("los", "m", "p"), "Territorios": ("los", "m", "p"), "Territorio": ("el", "m", "s"),
    "Estado": ("el", "m", "s"), "Santa Sede": ("la", "f", "s"), "Sáhara": ("el", "m", "s"),
}
# Usage that the head-noun rule cannot see: names that keep their article in UN and IOM Spanish
# ("la India", "el Perú" as Peru and Ecuador write themselves, "las Bahamas"), plural or
# feminine names without one ("Filipinas", "Seychelles"), and "El Salvador", whose capital
# "El" belongs to the name (no "del": "de El Salvador").
ES_ARTICLE: dict[str, tuple[str, str, str]] = {
    "IND": ("la", "f", "s"), "PER": ("el", "m", "s"), "ECU": ("el", "m", "s"),
    "BHS": ("las", "f", "p"), "COM": ("las", "f", "p"), "MDV": ("las", "f", "p"),
    "BMU": ("las", "f", "p"), "ATA": ("la", "f", "s"), "PHL": ("", "f", "p"),
    "SYC": ("", "f", "p"), "SLV": ("", "m", "s"), "FSM": ("", "f", "s"),
    "HKG": ("", "f", "s"), "MAC": ("", "f", "s"), "UN:830": ("las", "f", "p"),
    "GUF": ("la", "f", "s"), "PYF": ("la", "f", "s"),
}
# Bare names ending in -a are feminine ("Francia", "Colombia"), the rest masculine
# ("Marruecos", "Canadá"); these are the exceptions that count for agreement.
ES_FEMININE = {"GLP", "REU"}
PAREN = re.compile(r"^(?P<name>.*?)\s*\((?P<article>[^)]*)\)\s*\**\s*$")


def french(name: str) -> tuple[str, str, str, str]:
    match = PAREN.match(name)
    article = match.group("article").strip() if match else ""
    if article == "l'":
        return ("l'", "f" if name.split(" ")[0].endswith("e") else "m", "s", "en")
    if article == "la":
        return ("la", "f", "s", "en")
    if article == "le":
        return ("le", "m", "s", "au")
    if article == "les":
        return ("les", "f" if name.startswith(("Îles", "Philippines", "Seychelles",
                                               "Maldives", "Comores")) else "m", "p", "aux")
    return ("", "m", "s", "à")


def display(code: str, lang: str) -> str:
    """The display name the profiles print (display_names.yaml, else Babel's)."""
    import yaml
    from babel import Locale

    overrides = yaml.safe_load((AREAS / "display_names.yaml").read_text(encoding="utf-8"))
    if code in overrides and lang in overrides[code]:
        return str(overrides[code][lang])
    iso2 = ISO2.get(code, "")
    return str(Locale(lang).territories.get(iso2, ""))


def spanish(code: str) -> tuple[str, str, str, str]:
    """(article, gender, number, locative) of the Spanish display name."""
    if code in ES_ARTICLE:
        return (*ES_ARTICLE[code], "en")
    name = display(code, "es")
    for head, grammar in ES_HEAD.items():
        if name == head or name.startswith(head + " "):
            return (*grammar, "en")
    feminine = name.endswith("a") or code in ES_FEMININE
    return ("", "f" if feminine else "m", "s", "en")


ISO2: dict[str, str] = {}


def derive() -> list[dict[str, str]]:
    short: dict[tuple[str, str], str] = {}
    with (AREAS / "country_names.csv").open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            if row["kind"] == "unterm_short":
                short[(row["iso3"], row["lang"])] = row["name"]
    with (AREAS / "countries.csv").open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            ISO2[row["iso3"]] = row["iso2"]
    codes = set(ISO2)
    codes |= set(FR_OVERRIDES)
    rows = []
    for code in sorted(codes):
        fr = FR_OVERRIDES.get(code) or french(short.get((code, "fr"), ""))
        en_name = short.get((code, "en"), "")
        the = code in EN_THE or (en_name.rstrip(" *").endswith("(the)")
                                 and bool(EN_THE_NAME.search(display(code, "en"))))
        es = spanish(code)
        rows.append({"code": code, "fr_article": fr[0], "fr_gender": fr[1],
                     "fr_number": fr[2], "fr_locative": fr[3], "en_article": "the" if the
                     else "", "ar_gender": "m" if code in AR_MASCULINE else "f",
                     "es_article": es[0], "es_gender": es[1], "es_number": es[2],
                     "es_locative": es[3]})
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=AREAS / "grammar.csv")
    args = parser.parse_args()
    rows = derive()
    with args.out.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=FIELDS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"{args.out}: {len(rows)} areas")


if __name__ == "__main__":
    main()
