"""The portal's interface strings: a key for each, its English msgid, translated by the gettext
catalogs (``render/locales/<lang>/LC_MESSAGES/migprofile.po``) like every other string; the
language list is the registry's."""

from __future__ import annotations

from collections.abc import Callable

from migprofile.i18n import N_, gettext
from migprofile.model.languages import LANGUAGE_NAMES, LANGUAGES

LANGS: tuple[str, ...] = LANGUAGES
LANG_NAMES: dict[str, str] = LANGUAGE_NAMES

MESSAGES: dict[str, str] = {
    "site": N_("Migration profiles"),
    "skip": N_("Skip to content"),
    "home": N_("Home"),
    "compare": N_("Compare"),
    "legal": N_("Legal framework"),
    "sources": N_("Sources"),
    "api": N_("API"),
    "language": N_("Language"),
    "countries": N_("Profiled countries"),
    "search_countries": N_("Find a country"),
    "search_countries_hint": N_("name in French, English or Arabic, or ISO code"),
    "countries_shown": N_("{n} countries"),
    "find_title": N_("Countries found"),
    "not_profiled": N_("no profile"),
    "datapackage": N_("Tables (CSV + datapackage.json)"),
    "database": N_("The whole database"),
    "database_note": N_("SQLite (opens in Datasette or DB Browser); CSV: one file per table, "
                           "in a zip archive."),
    "map": N_("World map"),
    "indicator": N_("Indicator"),
    "show": N_("Show"),
    "no_data": N_("No data"),
    "map_note": N_("Latest known value (total, partner “World”)."),
    "colon": N_(": "),
    "list_sep": N_(", "),
    "flowmap": N_("Corridor map"),
    "flowmap_home": N_("A country's migration corridors"),
    "flowmap_direction": N_("Corridors shown"),
    "flowmap_note": N_("Circle areas grow with the number of migrants; each circle and each "
                       "country in the table leads to the corridor's page."),
    "off_map": N_("Too small for the map's scale, in the table only"),
    "rank": N_("Rank"),
    "error.not_found": N_("Not found"),
    "error.invalid_parameter": N_("Invalid parameter"),
    "error.method_not_allowed": N_("Method not allowed"),
    "error.bad_request": N_("Bad request"),
    "error.internal_error": N_("Internal server error; it has been logged."),
    "error.help": N_("Go back to the home page or find a country:"),
    "kind.country": N_("country"),
    "kind.page": N_("page"),
    "kind.chart": N_("chart"),
    "kind.table": N_("table"),
    "kind.language": N_("language"),
    "kind.format": N_("format"),
    "kind.download": N_("file"),
    "kind.area": N_("area"),
    "kind.indicator": N_("indicator"),
    "kind.source": N_("source"),
    "kind.export format": N_("format"),
    "key_figures": N_("Key figures"),
    "key_figures_note": N_("Latest year of each source; refugees and asylum seekers: sum over "
                              "countries of origin or asylum (UNHCR)."),
    "usd_millions": N_("US${n} million"),
    "kf.emigrants": N_("Emigrants (born in the country)"),
    "kf.immigrants": N_("Immigrants (born abroad)"),
    "kf.immigrant_share": N_("Immigrants, share of the population"),
    "kf.refugees_hosted": N_("Refugees hosted"),
    "kf.asylum_seekers_hosted": N_("Asylum seekers hosted"),
    "kf.refugees_abroad": N_("Refugees from the country"),
    "kf.asylum_seekers_abroad": N_("Asylum seekers from the country"),
    "kf.remittances": N_("Remittances received"),
    "kf.remittances_gdp": N_("Remittances, share of GDP"),
    "compare_countries": N_("Countries or regions"),
    "compare_hint": N_("Ctrl or Cmd + click to choose several (12 at most); a region adds "
                          "all its profiled countries."),
    "whole_region": N_("Whole region"),
    "share_link": N_("Link to this comparison"),
    "embed": N_("Embed this chart on another site"),
    "download": N_("Download"),
    "profile_files": N_("The profile as a file"),
    "table_data": N_("Table data"),
    "from": N_("From"),
    "to": N_("To"),
    "partner": N_("Partner"),
    "growth": N_("Average annual growth rate"),
    "linear": N_("linear (CARIM)"),
    "exponential": N_("exponential (UN)"),
    "source": N_("each source's convention"),
    "formula": N_("Formula"),
    "country": N_("Country"),
    "year": N_("Year"),
    "value": N_("Value"),
    "conventions": N_("Multilateral conventions"),
    "convention": N_("Convention"),
    "search": N_("Search the texts"),
    "search_button": N_("Search"),
    "results": N_("Results"),
    "no_results": N_("No results."),
    "edition": N_("Edition"),
    "accessed": N_("Accessed"),
    "citation": N_("Citation"),
    "publisher": N_("Publisher"),
    "footer": N_("Data: migprofile data packages and their sources."),
    "map_licence": N_("Base map: Natural Earth, world-atlas (ISC)."),
    "error": N_("Error"),
    "editor": N_("Editor"),
    "status.ratified": N_("ratified"),
    "status.not_ratified": N_("not ratified"),
    "status.signed": N_("signed"),
    "status.in_force": N_("in force"),
    "status.unknown": N_("unknown"),
    "kind.instrument": N_("Instrument"),
    "kind.legal": N_("Legal framework"),
    "kind.socio_political": N_("Socio-political framework"),
}


def translator(lang: str) -> Callable[[str], str]:
    """``t(key)``: the interface string in ``lang``; the key itself when none is known."""

    def t(key: str) -> str:
        msgid = MESSAGES.get(key)
        return gettext(lang, msgid) if msgid else key

    return t
