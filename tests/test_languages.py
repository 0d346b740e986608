"""Every language of the registry is complete: settings, catalog, area names, narratives, legal
wording, page direction and the API's enum derive from it, so a language added to
``model/languages.yaml`` without its texts fails here, naming what is missing."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
import yaml

from migprofile import i18n
from migprofile.core import reference_indicators
from migprofile.geo import default_registry, grammar
from migprofile.importers import readmission
from migprofile.importers.treaties import catalogue
from migprofile.model import languages
from migprofile.model.languages import LANGUAGES, registry
from migprofile.profiles.assemble import LICENCE_STATEMENTS, generic_narratives
from migprofile.profiles.corridors.build import corridor_narratives
from migprofile.profiles.legal import words
from migprofile.render.common import direction
from migprofile.settings import REGISTRY

CODES = [lang.code for lang in registry()]
SOURCES = Path(readmission.__file__).with_name("sources")
LICENCE_NAME = re.compile(r"^(CC BY \d\.\d( IGO)?|CC0)$")


def test_registry_is_the_language_list() -> None:
    assert tuple(CODES) == LANGUAGES
    assert {lang.code for lang in registry() if lang.rtl} == languages.RTL_LANGUAGES
    assert direction("ar-EG") == "rtl" and direction("xx") == "ltr"


@pytest.mark.parametrize("code", CODES)
def test_catalog_translates_the_interface(code: str) -> None:
    catalog = i18n.catalog(code)
    if code == "en":  # msgids are English
        return
    assert len(catalog) > 50, f"{code}: render/locales/{code}/LC_MESSAGES/migprofile.po thin"


@pytest.mark.parametrize("code", CODES)
def test_every_country_has_a_name(code: str) -> None:
    areas = default_registry()
    unnamed = [a.code for a in areas.countries() if code not in a.names]
    assert not unnamed, f"{code}: no name for {unnamed[:10]}"


@pytest.mark.parametrize("code", CODES)
def test_every_generic_narrative_clause_has_text(code: str) -> None:
    for section, narratives in generic_narratives().items():
        for narrative in narratives:
            for sentence in narrative.sentences:
                for clause in sentence.clauses:
                    assert clause.texts.get(code), f"{section}/{narrative.key}: no {code} text"


@pytest.mark.parametrize("code", CODES)
def test_settings_accept_the_language(code: str) -> None:
    setting = next(s for s in REGISTRY if s.name == "languages")
    assert setting.parse(code) == (code,)


def test_settings_refuse_an_unregistered_language() -> None:
    setting = next(s for s in REGISTRY if s.name == "languages")
    with pytest.raises(ValueError, match="unknown language"):
        setting.parse("xx")


@pytest.mark.parametrize("code", CODES)
def test_number_locale_follows_the_registry(code: str) -> None:
    assert str(i18n.locale(code)) == languages.language(code).locale.replace("-", "_")


@pytest.mark.parametrize("code", CODES)
def test_every_corridor_narrative_clause_has_text(code: str) -> None:
    for narrative in corridor_narratives():
        for sentence in narrative.sentences:
            for clause in sentence.clauses:
                assert clause.texts.get(code), f"corridor/{narrative.key}: no {code} text"


@pytest.mark.parametrize("code", CODES)
def test_every_readmission_type_has_a_title(code: str) -> None:
    untitled = [t for t in set(readmission.types().values())
                if code not in readmission.titles()[t]]
    assert not untitled, f"mappings/readmission.yaml titles: no {code} for {untitled}"


@pytest.mark.parametrize("code", CODES)
def test_every_treaty_has_a_title_and_short_name(code: str) -> None:
    for key, listed in catalogue().items():
        assert code in listed.ref.title and code in listed.ref.short_name, \
            f"mappings/treaties.yaml {key}: no {code} title or short_name"


@pytest.mark.parametrize("code", [c for c in CODES if c != "en"])
def test_licence_statements_are_translated(code: str) -> None:
    untranslated = [s for s in LICENCE_STATEMENTS if not i18n.catalog(code).get(s)]
    assert not untranslated, f"{code}: {untranslated}"


def test_every_source_licence_is_a_name_or_a_statement() -> None:
    licences = {str(part["defaults"].get("licence") or common.get("licence"))
                for path in SOURCES.glob("*.yaml")
                for raw in [yaml.safe_load(path.read_text(encoding="utf-8"))]
                for common in [raw.get("_common", {})]
                for name, part in raw.items() if name != "_common"}
    odd = [x for x in licences if x not in LICENCE_STATEMENTS and not LICENCE_NAME.match(x)]
    assert not odd, f"licences neither a licence's name nor a translated statement: {odd}"


@pytest.mark.parametrize("code", CODES)
def test_every_area_has_its_grammar(code: str) -> None:
    areas = default_registry()
    table = grammar.grammar_table()
    assert not [a.code for a in areas.countries() if a.code not in table]
    if code == "es":
        assert table["USA"].es_article == "los" and table["MAR"].es_article == ""


def _texts_missing(node: object, code: str, where: str) -> list[str]:
    """Paths of the fr/en texts of a YAML tree that have no ``code`` text."""
    if isinstance(node, dict):
        if "fr" in node and "en" in node and code not in node:
            return [where]
        return [p for k, v in node.items() for p in _texts_missing(v, code, f"{where}/{k}")]
    return []


@pytest.mark.parametrize("code", CODES)
def test_legal_wording_has_the_language(code: str) -> None:
    legal = Path(words.__file__).parent
    missing = [p for path in sorted(legal.glob("*.yaml")) for p in _texts_missing(
        yaml.safe_load(path.read_text(encoding="utf-8")), code, path.name)]
    assert not missing, f"{code}: {missing[:10]}"


@pytest.mark.parametrize("code", CODES)
def test_every_source_citation_has_the_language(code: str) -> None:
    missing = [f"{path.name}/{name}" for path in sorted(SOURCES.glob("*.yaml"))
               for name, part in yaml.safe_load(path.read_text(encoding="utf-8")).items()
               if name != "_common" and code not in (
                   part.get("defaults", {}).get("citation") or part.get("citation") or
                   yaml.safe_load(path.read_text(encoding="utf-8")).get("_common", {})
                   .get("citation", {}))]
    assert not missing, f"{code}: no citation in {missing}"


@pytest.mark.parametrize("code", CODES)
def test_every_indicator_has_a_name(code: str) -> None:
    unnamed = [i.code for i in reference_indicators() if code not in i.names]
    assert not unnamed, f"data/reference/indicators.yaml: no {code} name for {unnamed}"


def test_spanish_numbers_dates_and_typography() -> None:
    """RAE rules where CLDR es differs: "3 292 599" (not "3.292.599"), "1234" ungrouped,
    "8,1 %" with a space, "5 de diciembre de 2023"; the sweep's typography check sees the
    CLDR form and a space before a colon."""
    from datetime import date

    from migprofile.profiles.invariants import TYPOGRAPHY

    assert i18n.format_number(3292599, "es") == "3\u202f292\u202f599"
    assert i18n.format_number(1234, "es") == "1234"
    assert i18n.format_number(12345.67, "es", 1) == "12\u202f345,7"
    assert i18n.format_percent(8.08, "es") == "8,1\u00a0%"
    assert i18n.format_long_date(date(2023, 12, 5), "es") == "5 de diciembre de 2023"
    assert i18n.format_month(date(2022, 12, 1), "es") == "diciembre de 2022"
    assert i18n.format_number(3292599, "fr") == "3\u202f292\u202f599"  # unchanged
    assert i18n.format_number(1234, "en") == "1,234"
    for wrong in ("3.292.599 personas", "Fuente : ACNUR"):
        assert TYPOGRAPHY["es"].search(wrong), wrong
    assert not TYPOGRAPHY["es"].search("Fuente: ACNUR, 3\u202f292\u202f599 (8,1\u00a0%)")


def test_the_first_of_a_month_takes_the_language_s_form() -> None:
    """French writes "1er décembre" in running text, in every date of a profile (the legal
    items' signature dates printed "1 décembre 1980" while table captions had "1er")."""
    assert i18n.format_long_date(date(1980, 12, 1), "fr") == "1er décembre 1980"
    assert i18n.format_day(date(2007, 1, 1), "fr") == "1er janvier 2007"
    assert i18n.format_long_date(date(1980, 12, 11), "fr") == "11 décembre 1980"
    assert i18n.format_long_date(date(1980, 12, 1), "en") == "1 December 1980"
    assert i18n.format_long_date(date(1980, 12, 1), "es") == "1 de diciembre de 1980"


@pytest.mark.parametrize("code", CODES)
def test_importer_mapping_texts_have_the_language(code: str) -> None:
    """Titles and notes the readers write (readmission types, labour agreements, UN DESA
    and UNHCR notes, treaty titles) come from importers/mappings/*.yaml, per language."""
    mappings = SOURCES.with_name("mappings")
    missing = [p for path in sorted(mappings.glob("*.yaml")) for p in _texts_missing(
        yaml.safe_load(path.read_text(encoding="utf-8")), code, path.name)]
    assert not missing, f"{code}: {missing[:10]}"


@pytest.mark.parametrize("code", CODES)
def test_every_editor_string_has_the_language(code: str) -> None:
    from migprofile.web.editor.texts import EDITOR

    catalog = i18n.catalog(code)
    missing = sorted(key for key, msgid in EDITOR.items() if msgid not in catalog)
    assert not missing, f"{code}: editor keys without a translation: {missing}"
    broken = sorted(key for key, msgid in EDITOR.items()
                    if set(re.findall(r"\{\w+\}", catalog[msgid]))
                    != set(re.findall(r"\{\w+\}", msgid)))
    assert not broken, f"{code}: editor translations that lose or add a placeholder: {broken}"
