"""The editor's pages speak the language of their address: every string comes from that
language's catalog, none from another language's (Spanish pages once showed French, the
editor's own strings having only fr/en/ar)."""

from __future__ import annotations

import re
import warnings

import pytest
from editorial_helpers import Team, log_in

from migprofile import i18n
from migprofile.model.languages import LANGUAGES
from migprofile.store import Store
from migprofile.web import create_app
from migprofile.web.editor.texts import EDITOR, editor_translator
from migprofile.web.messages import MESSAGES

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

INTERFACE = sorted({*EDITOR.values(), *MESSAGES.values()})
PAGES = ["/{lang}/login", "/{lang}/edit/", "/{lang}/edit/MA", "/{lang}/edit/review",
         "/{lang}/edit/audit", "/{lang}/edit/MA/history"]


@pytest.fixture(scope="module")
def admin(web_store: Store, web_team: Team) -> TestClient:
    c = TestClient(create_app(web_store))
    assert log_in(c, "admin").status_code == 303
    return c


def visible_text(html: str) -> str:
    html = re.sub(r"(?s)<(script|style)\b.*?</\1>", " ", html)
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def foreign_strings(text: str, lang: str) -> list[str]:
    """Other languages' translations of the interface (the editor's strings and the portal's)
    found in ``text`` where ``lang`` says something else.

    Not foreign: what ``lang``'s own catalog says somewhere (Spanish "Editor" for English
    "Publisher", French "immigrants" in a source's title) and identifiers
    (``demo_irregular/apprehensions``, ``amerm-survey``)."""
    own = i18n.catalog(lang)
    own_words = "\n".join(own.values()).lower()
    found = set()
    for other in LANGUAGES:
        if other == lang:
            continue
        for msgid in INTERFACE:
            words = i18n.gettext(other, msgid).strip()
            if (words != own.get(msgid, "").strip() and words.lower() not in own_words
                    and re.search(r"\w", words)
                    and re.search(rf"(?<![\w/.-]){re.escape(words)}(?![\w/-])", text)):
                found.add(f"{other}: {words}")
    return sorted(found)


def test_spanish_login_page_is_in_spanish(web_store: Store) -> None:
    text = visible_text(TestClient(create_app(web_store)).get("/es/login").text)
    for spanish in ("Iniciar sesión", "Nombre de usuario", "Contraseña"):
        assert spanish in text
    for french in ("Connexion", "Identifiant", "Mot de passe", "Édition"):
        assert french not in text
    assert foreign_strings(text, "es") == []


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("path", PAGES)
def test_editor_pages_have_no_other_language(admin: TestClient, lang: str, path: str) -> None:
    r = admin.get(path.format(lang=lang))
    assert r.status_code == 200
    assert f'lang="{lang}"' in r.text
    # The account names are data, not words of a language ("admin" is also an English role).
    text = re.sub(r"(?<!\w)(admin|karim|rita|sami)(?!\w)", " ", visible_text(r.text))
    assert foreign_strings(text, lang) == []


def test_editor_keys_first_then_the_portal_keys() -> None:
    # Both answer from the same catalog; an editor key shadows a portal key of the same name
    # ("kind.source": the editor's list of sources, the portal's "source" in a search result).
    for lang in LANGUAGES:
        t = editor_translator(lang)
        assert t("password") == i18n.gettext(lang, EDITOR["password"])
        assert t("site") == i18n.gettext(lang, "Migration profiles")  # a portal key
        assert t("kind.source") == i18n.gettext(lang, "Sources")
