"""The fr/en/ar message catalogs: complete, in step with the code, used by the renderers."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType

import pytest
from babel.messages.pofile import read_po

from migprofile.i18n import gettext

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "extract_messages.py"


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("extract_messages", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("extract_messages", module)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def script() -> ModuleType:
    return _script()


def _catalog(script: ModuleType, lang: str) -> dict[str, str]:
    with script.po_path(lang).open("rb") as fh:
        po = read_po(fh, locale=lang)
    return {str(m.id): str(m.string) for m in po if m.id and not m.fuzzy}


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_every_msgid_is_translated(script: ModuleType, lang: str) -> None:
    catalog = _catalog(script, lang)
    english = _catalog(script, "en")
    assert set(catalog) == set(english)
    missing = sorted(k for k, v in catalog.items() if not v.strip())
    assert not missing, f"untranslated in {lang}: {missing}"
    for msgid, text in catalog.items():  # placeholders survive translation
        assert set(re.findall(r"\{\w+\}", msgid)) == set(re.findall(r"\{\w+\}", text)), msgid
    if lang == "ar":
        arabic = [t for t in catalog.values() if re.search(r"[\u0600-\u06ff]", t)]
        assert len(arabic) >= len(catalog) - 2  # all but symbols such as "n.a."


def test_english_catalog_is_identity(script: ModuleType) -> None:
    assert all(k == v for k, v in _catalog(script, "en").items())


def test_catalogs_are_in_step_with_the_code(script: ModuleType) -> None:
    template = script.extract()
    extracted = {str(m.id) for m in template if m.id}
    for msgid in ("Contents", "Sources and methods", "Page", "of which", "text in French",
                  "Accessed {date}", "million", "about", "more than", "exponential",
                  "The legal framework of migration"):  # code, templates and spec.yaml
        assert msgid in extracted, msgid
    for lang in script.LANGS:  # msgids only: moved code (new locations) is no failure
        _, catalog = script.updated(template, lang)
        with script.po_path(lang).open("rb") as fh:
            current = read_po(fh, locale=lang)
        stale = script.stale_msgids(catalog, current)
        assert not stale, f"{lang}: run python scripts/extract_messages.py ({stale[:5]})"


def test_gettext_reads_the_catalogs() -> None:
    assert gettext("fr", "text in French") == "texte en français"
    assert gettext("ar", "text in French") == "نص بالفرنسية"
    assert gettext("fr", "of which") == "dont"
    assert gettext("ar", "Sources and methods") == "المصادر والمنهجية"
    assert gettext("fr", "no such message") == "no such message"
