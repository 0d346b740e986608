"""End to end in headless Chromium: a contributor logs in, edits an Arabic cell and submits;
a reviewer publishes; the public page shows the new text; the audit log lists each step."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from editorial_helpers import PASSWORD, Team

from migprofile.store import Store
from migprofile.web import create_app

CHROMIUM = Path("/usr/bin/chromium")
ARABIC = "- يمنح القانون اللاجئين المعترف بهم بطاقة إقامة (نص تجريبي)"

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="/usr/bin/chromium is not installed"),
]


@pytest.fixture(scope="module")
def server(web_store: Store, web_team: Team) -> Iterator[str]:
    import uvicorn

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = int(s.getsockname()[1])
    srv = uvicorn.Server(uvicorn.Config(create_app(web_store), host="127.0.0.1", port=port,
                                        log_level="warning", access_log=False))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not srv.started and time.monotonic() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=5)



def _login(browser: Any, base: str, username: str, lang: str = "fr") -> Any:
    context = browser.new_context()
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(f"{base}/{lang}/login")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("form.login-form button[type=submit]")
    page.wait_for_url(f"{base}/{lang}/edit/")
    page.errors = errors
    return page


def test_contributor_edits_arabic_reviewer_publishes_public_sees_it(browser: Any,
                                                                    server: str) -> None:
    karim = _login(browser, server, "karim", "ar")
    karim.goto(f"{server}/ar/edit/MA/legal?key=refugees%2Fimmigration%2F1")
    assert karim.get_attribute("textarea[name='text.ar']", "dir") == "rtl"
    karim.fill("textarea[name='text.ar']", ARABIC)
    preview = karim.locator("[data-preview-of='f-text.ar'] .preview-body")
    # the live preview renders the new Markdown list item
    preview.locator("li", has_text="نص تجريبي").wait_for()
    assert preview.locator("li").count() == 1
    karim.click("button[name=action][value=save]")
    karim.wait_for_selector(".notice")
    karim.click("form[action*='/submit'] button")
    karim.wait_for_url(f"{server}/ar/edit/MA/legal?key=refugees%2Fimmigration%2F1*")
    assert karim.errors == []

    rita = _login(browser, server, "rita")
    rita.goto(f"{server}/fr/edit/review")
    assert "نص تجريبي" in " ".join(rita.locator(".review-item ins").all_inner_texts())
    rita.fill(".review-item form[action$='/publish'] input[name=message]", "Relu, conforme.")
    rita.click(".review-item form[action$='/publish'] button")
    rita.wait_for_url(f"{server}/fr/edit/review")

    public = browser.new_context().new_page()
    public.goto(f"{server}/ar/countries/MA")
    assert "يمنح القانون اللاجئين المعترف بهم" in public.inner_text("main")
    assert public.locator(".draft-banner").count() == 0

    admin = _login(browser, server, "admin")
    admin.goto(f"{server}/fr/edit/audit?object=MAR%2Flegal%2Frefugees")
    actions = admin.locator("table.audit tbody tr td:nth-child(4)").all_inner_texts()
    users = admin.locator("table.audit tbody tr td:nth-child(3)").all_inner_texts()
    assert actions[:3] == ["publish", "submit", "edit"]
    assert users[:3] == ["rita", "karim", "karim"]
    admin.goto(f"{server}/fr/edit/audit?action=login")
    logged = set(admin.locator("table.audit tbody tr td:nth-child(3)").all_inner_texts())
    assert {"karim", "rita", "admin"} <= logged
