"""Every write route of the editor, in process, and the security properties around them."""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator
from typing import Any

import pytest
from editorial_helpers import Team, hidden_fields, log_in

from migprofile.model.languages import LANGUAGES
from migprofile.store import Store
from migprofile.web import create_app

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

CELL = "/fr/edit/MA/legal?key=refugees%2Fimmigration%2F1"
WORDS = "نص تجريبي عن اللاجئين في المغرب"
ARABIC = f"- {WORDS}"
ATTACK = ('<script>alert("x")</script> <img src=x onerror=alert(1)> '
          '[lien](javascript:alert(1)) <b onclick="alert(1)">gras</b>')


@pytest.fixture(scope="module")
def app(web_store: Store, web_team: Team) -> Any:
    return create_app(web_store)


@pytest.fixture
def client(app: Any) -> Iterator[TestClient]:
    with TestClient(app) as c:
        yield c


def _as(app: Any, username: str) -> TestClient:
    c = TestClient(app)
    assert log_in(c, username).status_code == 303
    return c


def _save_cell(c: TestClient, url: str = CELL, **changes: str) -> Any:
    page = c.get(url)
    assert page.status_code == 200, page.text
    fields = hidden_fields(page.text)
    form = {**_textareas(page.text), **fields, **changes, "action": "save"}
    post_url = url.split("?")[0]
    return c.post(post_url, data=form, follow_redirects=False)


def _textareas(html: str) -> dict[str, str]:
    from html import unescape
    found = dict(re.findall(r'<textarea id="f-[^"]+" name="([^"]+)"[^>]*>(.*?)</textarea>',
                            html, re.S))
    inputs = dict(re.findall(r'<input id="f-[^"]+" name="([^"]+)" value="([^"]*)"', html))
    selects = {}
    for name, body in re.findall(r'<select id="f-[^"]+" name="([^"]+)">(.*?)</select>', html,
                                 re.S):
        chosen = re.search(r'<option value="([^"]*)" selected>', body)
        selects[name] = chosen.group(1) if chosen else ""
    return {k: unescape(v) for k, v in {**found, **inputs, **selects}.items()}


def _draft_id(c: TestClient, url: str = CELL) -> tuple[int, int]:
    page = c.get(url).text
    found = re.search(r'/edit/drafts/(\d+)/submit" class="inline">\s*<input type="hidden" '
                      r'name="csrf" value="[^"]+"><input type="hidden" name="version" '
                      r'value="(\d+)">', page)
    assert found, page
    return int(found.group(1)), int(found.group(2))


def _csrf(c: TestClient, path: str = "/fr/edit/") -> str:
    return hidden_fields(c.get(path).text)["csrf"]


def test_login_cookie_flags_and_new_session_id(app: Any) -> None:
    c = TestClient(app)
    cookie = log_in(c, "karim").headers["set-cookie"]
    assert "HttpOnly" in cookie and "samesite=lax" in cookie.lower() and "Secure" not in cookie
    old = c.cookies.get("mp_session")
    # a browser that already holds a session id (e.g. one an attacker planted) gets a new
    # id at login, and the old one stops working
    again = TestClient(app)
    again.cookies.set("mp_session", old, domain="testserver.local")
    assert again.get("/fr/edit/", follow_redirects=False).status_code == 200
    token = hidden_fields(TestClient(app).get("/fr/login").text)["csrf"]
    again.cookies.set("mp_login_csrf", token, domain="testserver.local")
    answer = again.post("/fr/login", data={"username": "karim", "password":
                                           "correct horse battery", "csrf": token},
                        follow_redirects=False)
    assert answer.status_code == 303
    new = again.cookies.get("mp_session", domain="testserver.local")
    assert new and new != old
    stale = TestClient(app)
    stale.cookies.set("mp_session", old)
    assert stale.get("/fr/edit/", follow_redirects=False).status_code == 303  # closed


def test_secure_cookie_behind_https(app: Any) -> None:
    c = TestClient(app, base_url="https://testserver")
    assert "Secure" in log_in(c, "karim").headers["set-cookie"]


def test_one_generic_message_for_wrong_user_or_password(app: Any) -> None:
    answers = []
    for name in ("karim", "nobody-at-all"):
        c = TestClient(app)
        r = log_in(c, name, "not the password")
        assert r.status_code == 401
        answers.append(re.search(r'role="alert">(.*?)</p>', r.text).group(1))  # type: ignore
    assert answers[0] == answers[1] == "Identifiant ou mot de passe incorrect."


def test_login_is_rate_limited(app: Any, web_team: Team) -> None:
    from migprofile.editorial import accounts
    from migprofile.editorial.accounts import Role
    from migprofile.editorial.audit import CLI
    accounts.add_user(web_team.es, CLI, "target", "a long password 1", Role.CONTRIBUTOR)
    c = TestClient(app)
    for _ in range(accounts.MAX_FAILURES_PER_USER):
        assert log_in(c, "target", "wrong").status_code == 401
    assert log_in(c, "target", "a long password 1").status_code == 429


def test_login_form_without_csrf_is_refused(client: TestClient) -> None:
    r = client.post("/fr/login", data={"username": "karim", "password": "correct horse battery"},
                    headers={"accept": "text/html"})
    assert r.status_code == 403
    assert "mp_session" not in client.cookies


def test_edit_submit_publish_shows_on_public_page(app: Any, web_store: Store) -> None:
    karim, rita, public = _as(app, "karim"), _as(app, "rita"), TestClient(app)
    saved = _save_cell(karim, **{"text.ar": ARABIC})
    assert saved.status_code == 303, saved.text
    assert WORDS not in public.get("/ar/countries/MA").text  # the public sees published only
    assert WORDS not in public.get("/api/v1/profiles/MA?lang=ar").text
    from migprofile.build import build_profile
    from migprofile.render import render
    assert WORDS not in str(render(build_profile(web_store, "MAR", "ar"), "md"))  # nor build
    own = karim.get("/ar/countries/MA").text
    assert "draft-banner" in own and WORDS in own  # the author sees the draft in place
    draft_id, version = _draft_id(karim)
    r = karim.post(f"/fr/edit/drafts/{draft_id}/submit",
                   data={"csrf": _csrf(karim), "version": str(version)}, follow_redirects=False)
    assert r.status_code == 303
    queue = rita.get("/fr/edit/review").text
    assert "<ins>" in queue and "اللاجئين" in queue
    r = karim.post(f"/fr/edit/drafts/{draft_id}/publish",
                   data={"csrf": _csrf(karim), "message": "self"}, follow_redirects=False)
    assert r.status_code == 403  # a contributor does not publish
    r = rita.post(f"/fr/edit/drafts/{draft_id}/publish",
                  data={"csrf": _csrf(rita), "message": "relu"}, follow_redirects=False)
    assert r.status_code == 303
    assert WORDS in public.get("/ar/countries/MA").text
    assert WORDS in public.get("/ar/countries/MA.md").text
    api = public.get("/api/v1/profiles/MA?lang=ar").text
    assert "تجريبي" in api
    admin = _as(app, "admin")
    log = admin.get("/fr/edit/audit?object=MAR/legal/refugees").text
    for action in ("edit", "submit", "publish"):
        assert f"<td>{action}</td>" in log


def test_return_with_comment_and_restore(app: Any) -> None:
    url = "/fr/edit/MA/legal?key=nationality%2Fimmigration%2F1"
    karim, rita = _as(app, "karim"), _as(app, "rita")
    if karim.get(url).status_code == 404:
        pytest.skip("the Morocco package has no such cell")
    assert _save_cell(karim, url, **{"text.fr": "À revoir."}).status_code == 303
    draft_id, version = _draft_id(karim, url)
    karim.post(f"/fr/edit/drafts/{draft_id}/submit",
               data={"csrf": _csrf(karim), "version": str(version)})
    r = rita.post(f"/fr/edit/drafts/{draft_id}/return",
                  data={"csrf": _csrf(rita), "comment": "Citer la loi."}, follow_redirects=False)
    assert r.status_code == 303
    assert "Citer la loi." in karim.get(url).text
    # publish a new text, then restore the package's version from the history
    assert _save_cell(karim, url, **{"text.fr": "Corrigé."}).status_code == 303
    draft_id, version = _draft_id(karim, url)
    karim.post(f"/fr/edit/drafts/{draft_id}/submit",
               data={"csrf": _csrf(karim), "version": str(version)})
    rita.post(f"/fr/edit/drafts/{draft_id}/publish", data={"csrf": _csrf(rita), "message": "ok"})
    history = rita.get("/fr/edit/MA/history?kind=legal&key=nationality%2Fimmigration%2F1").text
    ids = [int(i) for i in re.findall(r'name="b" value="(\d+)"', history)]
    assert len(ids) == 2
    diff = rita.get(f"/fr/edit/compare?a={ids[1]}&b={ids[0]}").text
    assert "<ins>Corrigé.</ins>" in diff
    r = rita.post(f"/fr/edit/revisions/{ids[1]}/restore", data={"csrf": _csrf(rita)},
                  follow_redirects=False)
    assert r.status_code == 303
    assert "Corrigé." not in TestClient(app).get("/fr/countries/MA").text


def test_withdraw_and_delete_request(app: Any) -> None:
    url = "/fr/edit/MA/legal?key=entry_exit%2Femigration%2F1"
    karim = _as(app, "karim")
    if karim.get(url).status_code == 404:
        pytest.skip("the Morocco package has no such cell")
    page = karim.get(url)
    form = {**_textareas(page.text), **hidden_fields(page.text), "action": "delete"}
    assert karim.post(url.split("?")[0], data=form, follow_redirects=False).status_code == 303
    draft_id, _ = _draft_id(karim, url)
    r = karim.post(f"/fr/edit/drafts/{draft_id}/withdraw", data={"csrf": _csrf(karim)},
                   follow_redirects=False)
    assert r.status_code == 303
    assert "/submit" not in karim.get(url).text


def test_conflict_is_told_and_keeps_both_texts(app: Any) -> None:
    url = "/fr/edit/MA/socio_political?key=strategy%2Foutward%2F1"
    karim, rita = _as(app, "karim"), _as(app, "rita")
    if karim.get(url).status_code == 404:
        pytest.skip("the Morocco package has no such cell")
    page_k, page_r = karim.get(url).text, rita.get(url).text  # both open the cell
    form_k = {**_textareas(page_k), **hidden_fields(page_k), "action": "save",
              "text.fr": "Texte de Karim"}
    form_r = {**_textareas(page_r), **hidden_fields(page_r), "action": "save",
              "text.fr": "Texte de Rita"}
    assert karim.post(url.split("?")[0], data=form_k, follow_redirects=False).status_code == 303
    second = rita.post(url.split("?")[0], data=form_r, follow_redirects=False)
    assert second.status_code == 409
    assert "Texte de Rita" in second.text and "Texte de Karim" in second.text


def test_invalid_form_names_the_field(app: Any) -> None:
    karim = _as(app, "karim")
    # every language of the registry emptied (the Morocco footnotes have Spanish too)
    r = _save_cell(karim, "/fr/edit/MA/footnote?key=1",
                   **{f"text.{lang}": "" for lang in LANGUAGES})
    assert r.status_code == 422 and "field-error" in r.text


def test_new_footnote_and_narrative_preview(app: Any) -> None:
    karim = _as(app, "karim")
    page = karim.get("/fr/edit/MA/footnote").text
    form = {**hidden_fields(page), "number": "90", "text.fr": "Nouvelle note.",
            "action": "save"}
    assert karim.post("/fr/edit/MA/footnote", data=form,
                      follow_redirects=False).status_code == 303
    csrf = _csrf(karim)
    r = karim.post("/fr/edit/preview", headers={"x-csrf-token": csrf}, json={
        "mode": "narrative", "country": "MA", "lang": "fr",
        "text": '{{ obs("emigrant_stock", partner="FRA", period="2007-01-01") | count }}'})
    assert r.status_code == 200 and r.json()["error"] is None
    assert r.json()["figures"][0]["number"] == 1131000
    bad = karim.post("/fr/edit/preview", headers={"x-csrf-token": csrf}, json={
        "mode": "narrative", "country": "MA", "lang": "fr",
        "text": '{{ obs("emigrant_stock", partner="JPN", period="1900") | count }}'})
    assert "no observation" in bad.json()["error"]
    md = karim.post("/fr/edit/preview", headers={"x-csrf-token": csrf},
                    json={"mode": "markdown", "lang": "ar", "text": ATTACK})
    assert "<script" not in md.json()["html"] and "onerror" not in md.json()["html"]
    assert karim.post("/fr/edit/preview", json={"mode": "markdown", "text": "x"}
                      ).status_code == 403  # no CSRF header


def test_contributor_of_tunisia_cannot_edit_morocco(app: Any) -> None:
    leila = _as(app, "leila")
    assert leila.get(CELL).status_code == 403
    assert leila.get("/fr/edit/MA").status_code == 403
    karim = _as(app, "karim")
    page = karim.get(CELL).text
    form = {**_textareas(page), **hidden_fields(page), "action": "save",
            "csrf": _csrf(leila), "text.fr": "intrusion"}
    r = leila.post("/fr/edit/MA/legal", data=form, follow_redirects=False)
    assert r.status_code == 403
    assert "intrusion" not in karim.get(CELL).text


WRITE_ROUTES = ["/fr/edit/MA/legal", "/fr/edit/drafts/1/submit", "/fr/edit/drafts/1/withdraw",
                "/fr/edit/drafts/1/publish", "/fr/edit/drafts/1/return",
                "/fr/edit/revisions/1/restore", "/fr/logout"]


@pytest.mark.parametrize("path", WRITE_ROUTES)
def test_write_without_csrf_is_refused(app: Any, path: str) -> None:
    admin = _as(app, "admin")
    assert admin.post(path, data={"action": "save", "message": "m", "comment": "c"},
                      follow_redirects=False).status_code == 403
    assert admin.post(path, data={"csrf": "forged"}, follow_redirects=False).status_code == 403


@pytest.mark.parametrize("path", [*WRITE_ROUTES, "/fr/edit/preview"])
def test_logged_out_writes_are_refused(client: TestClient, path: str) -> None:
    r = client.post(path, data={"csrf": "x", "action": "save"}, follow_redirects=False)
    assert r.status_code == 403


def test_pages_redirect_to_login_when_logged_out(client: TestClient) -> None:
    r = client.get("/fr/edit/MA", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith("/fr/login?next=")
    assert client.get("/fr/login?next=//evil.example/").text.count("//evil") == 0


def test_audit_log_is_for_admins(app: Any) -> None:
    assert _as(app, "rita").get("/fr/edit/audit").status_code == 403
    page = _as(app, "admin").get("/fr/edit/audit?action=login").text
    assert "<td>login</td>" in page and "<td>edit</td>" not in page


def test_no_password_hash_in_any_page_or_api_response(app: Any) -> None:
    admin = _as(app, "admin")
    paths = ["/fr/edit/", "/fr/edit/MA", CELL, "/fr/edit/review", "/fr/edit/audit",
             "/fr/edit/MA/history", "/fr/login", "/fr/", "/fr/countries/MA",
             "/fr/countries/MA.json", "/fr/sources", "/fr/legal", "/api/v1/areas",
             "/api/v1/sources", "/api/v1/legal-instruments", "/api/v1/profiles/MA",
             "/api/v1/indicators", "/api/v1/openapi.json"]
    for path in paths:
        body = admin.get(path).text
        assert "$argon2" not in body, path
        assert "password_hash" not in body, path


def test_a_script_in_a_cell_reaches_no_output_unescaped(app: Any, web_store: Store) -> None:
    from migprofile.build import build_profile
    from migprofile.render import render

    karim, rita = _as(app, "karim"), _as(app, "rita")
    url = "/fr/edit/MA/legal?key=general_references%2Fimmigration%2F1"
    assert _save_cell(karim, url, **{"text.fr": ATTACK, "text.ar": ATTACK}).status_code == 303
    outputs = {"draft view": karim.get("/fr/countries/MA").text,
               "edit form": karim.get(url).text}
    draft_id, version = _draft_id(karim, url)
    karim.post(f"/fr/edit/drafts/{draft_id}/submit",
               data={"csrf": _csrf(karim), "version": str(version)})
    outputs["review"] = rita.get("/fr/edit/review").text
    rita.post(f"/fr/edit/drafts/{draft_id}/publish", data={"csrf": _csrf(rita), "message": "x"})
    public = TestClient(app)
    for lang in ("fr", "ar"):
        outputs[f"page {lang}"] = public.get(f"/{lang}/countries/MA").text
        outputs[f"md {lang}"] = public.get(f"/{lang}/countries/MA.md").text
        outputs[f"json {lang}"] = public.get(f"/{lang}/countries/MA.json").text
        outputs[f"api {lang}"] = public.get(f"/api/v1/profiles/MA?lang={lang}").text
        outputs[f"pdf html {lang}"] = render(build_profile(web_store, "MAR", lang), "html")
    outputs["search"] = public.get("/fr/legal?q=gras").text
    outputs["history"] = rita.get("/fr/edit/MA/history").text
    for name, text in outputs.items():
        lowered = str(text).lower()
        for raw in ("<script>alert", "<img src=x", "<b onclick", 'href="javascript:'):
            assert raw not in lowered, (name, raw)
        if name.startswith("md"):  # in HTML it is left as plain text, not a link
            assert "](javascript:" not in lowered, name
    for name in ("json fr", "api fr", "json ar", "api ar"):
        assert "<" not in outputs[name], name  # JSON writes it \u003c
    assert "gras" in outputs["page fr"]  # the harmless part is kept
    assert "onclick" not in outputs["page fr"].lower()
    assert "onclick" not in outputs["md fr"].lower()
