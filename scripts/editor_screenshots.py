"""Screenshots of the editor in headless Chromium: docs/screenshots/editor-*.png.

    python scripts/editor_screenshots.py

Makes a fresh SQLite database in a temporary folder (reference data and the bundled
packages, no extracts), three accounts, then walks the workflow as its users do: the login
page (in French and in Spanish), the editor of a legal cell in French and in Arabic (with the
live preview), the reviewer's queue with the diff, the comparison of two revisions and the
audit log.
Nothing touches the configured database.
"""

from __future__ import annotations

import socket
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import uvicorn
from playwright.sync_api import sync_playwright

from migprofile import core
from migprofile.editorial import accounts
from migprofile.editorial.accounts import Role
from migprofile.editorial.audit import CLI
from migprofile.store import Store
from migprofile.store.editorial import EditorialStore
from migprofile.web import create_app

OUT = Path(__file__).resolve().parents[1] / "docs" / "screenshots"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
PASSWORD = "screenshots only 2026"
CELL = "/edit/MA/legal?key=refugees%2Fimmigration%2F1"
FR = ("- Le Maroc a ratifié la *Convention de 1951* et son protocole de 1967.\n"
      "- Le Bureau des réfugiés et apatrides (BRA) reprend l'examen des demandes[^7].\n")
AR = ("- صادق المغرب على *اتفاقية 1951* وبروتوكولها لسنة 1967.\n"
      "- يستأنف مكتب اللاجئين وعديمي الجنسية النظر في الطلبات[^7].\n")


def serve(store: Store) -> tuple[uvicorn.Server, str]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(store), host="127.0.0.1", port=port,
                                           log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    return server, f"http://127.0.0.1:{port}"


def shot(page: Any, name: str) -> None:
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(400)  # the live previews answer after a short debounce
    path = OUT / f"editor-{name}.png"
    page.screenshot(path=str(path), full_page=True)
    print(path)


def login(browser: Any, base: str, username: str, lang: str) -> Any:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(f"{base}/{lang}/login")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("form.login-form button[type=submit]")
    page.wait_for_url(f"{base}/{lang}/edit/")
    return page


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        store = core.open_store(f"sqlite:///{Path(tmp) / 'editor.db'}")
        core.init_database(store, extracts=False)
        es = EditorialStore(store)
        accounts.add_user(es, CLI, "admin", PASSWORD, Role.ADMIN, display_name="Admin")
        accounts.add_user(es, CLI, "rita", PASSWORD, Role.REVIEWER, display_name="Rita H.")
        accounts.add_user(es, CLI, "karim", PASSWORD, Role.CONTRIBUTOR,
                          display_name="Karim B.", countries=["MAR"])
        server, base = serve(store)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=ARGS)
            page = browser.new_page(viewport={"width": 1280, "height": 700})
            page.goto(f"{base}/fr/login")
            shot(page, "login")
            page.goto(f"{base}/es/login")  # a registry language the editor had no strings for
            shot(page, "login-es")
            karim = login(browser, base, "karim", "fr")
            karim.goto(base + "/fr" + CELL)
            karim.fill("textarea[name='text.fr']", FR)
            shot(karim, "edit-fr")
            karim.goto(base + "/ar" + CELL)
            karim.fill("textarea[name='text.fr']", FR)
            karim.fill("textarea[name='text.ar']", AR)
            shot(karim, "edit-ar")
            karim.click("button[name=action][value=save]")
            karim.wait_for_selector(".notice")
            karim.click("form[action*='/submit'] button")
            karim.wait_for_load_state("networkidle")
            rita = login(browser, base, "rita", "fr")
            rita.goto(f"{base}/fr/edit/review")
            shot(rita, "review")
            rita.fill("form[action$='/publish'] input[name=message]",
                      "Relu : conforme au décret de 2013.")
            rita.click("form[action$='/publish'] button")
            rita.wait_for_url(f"{base}/fr/edit/review")
            rita.goto(f"{base}/fr/edit/MA/history?kind=legal&key=refugees%2Fimmigration%2F1")
            rita.click("form[action$='/compare'] button")
            shot(rita, "compare")
            karim.goto(f"{base}/ar/countries/MA")
            admin = login(browser, base, "admin", "fr")
            admin.goto(f"{base}/fr/edit/audit")
            shot(admin, "audit")
            browser.close()
        server.should_exit = True
        store.close()


if __name__ == "__main__":
    main()
