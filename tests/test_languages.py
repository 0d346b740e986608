"""Every language of the registry is complete: settings, catalog, area names, narratives, legal
wording, page direction and the API's enum derive from it, so a language added to
``model/languages.yaml`` without its texts fails here, naming what is missing."""

from __future__ import annotations

import pytest

from migprofile import i18n
from migprofile.geo import default_registry
from migprofile.model import languages
from migprofile.model.languages import LANGUAGES, registry
from migprofile.profiles.assemble import generic_narratives
from migprofile.render.common import direction
from migprofile.settings import REGISTRY

CODES = [lang.code for lang in registry()]


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
