"""Screenshots of the web portal in headless Chromium: docs/screenshots/web-*.png.

    python scripts/web_screenshots.py [--db sqlite:///file.db]

Starts the portal on loopback (uvicorn in a thread), opens each page with Playwright's
Python API driving /usr/bin/chromium (no ``playwright install``) and saves full-page PNGs.
"""

from __future__ import annotations

import argparse
import socket
import threading
import time
from pathlib import Path

import uvicorn
from playwright.sync_api import sync_playwright

from migprofile import core
from migprofile.web import create_app

OUT = Path(__file__).resolve().parents[1] / "docs" / "screenshots"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
PAGE_TYPES = {
    "home": "/{lang}/",
    "country": "/{lang}/countries/MA",
    "compare": "/{lang}/compare?indicator=emigrant_stock_birth&country=MA&country=TN"
               "&country=DZ&country=EG&country=SN&from=1990&to=2024",
    "legal": "/{lang}/legal",
    "sources": "/{lang}/sources",
    "find": "/{lang}/find?q=gui",
    "embed": "/{lang}/embed/countries/MA/charts/refugees_series",
    "error": "/{lang}/countries/XX",
    "corridor-MA-ES": "/{lang}/corridors/MA-ES",
    "corridor-MX-US": "/{lang}/corridors/MX-US",
    "corridor-SY-DE": "/{lang}/corridors/SY-DE",
}
# every page type on a desktop and a phone, in French and Arabic: web-<type>-<lang>[-phone]
SHOTS = {f"{kind}-{lang}{suffix}": (path.format(lang=lang), width)
         for kind, path in PAGE_TYPES.items() for lang in ("fr", "ar")
         for suffix, width in (("", 1280), ("-phone", 390))}
# the flow maps (the #flowmap section only, desktop): web-flowmap-<country>-<lang>.png, and
# the home page's: web-home-flowmap-<lang>.png
SECTIONS = {**{f"flowmap-{c}-{lang}": f"/{lang}/countries/{c}" for c in ("MA", "MX")
               for lang in ("fr", "ar")},
            "home-flowmap-fr": "/fr/?country=MA"}


def serve(db: str | None) -> tuple[uvicorn.Server, str]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(core.open_store(db)), host="127.0.0.1",
                                           port=port, log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    return server, f"http://127.0.0.1:{port}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="database URL (default: the configured one)")
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    parser.add_argument("--only", default="", help="only the shots whose name starts so")
    args = parser.parse_args()
    server, base = serve(args.db)
    OUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=args.chromium, args=ARGS)
        for name, (path, width) in SHOTS.items():
            if not name.startswith(args.only):
                continue
            page = browser.new_page(viewport={"width": width, "height": 900})
            page.goto(base + path, wait_until="networkidle")
            if page.locator(".vega-chart").count():
                page.wait_for_selector(".vega-chart.ready", timeout=15000)
            target = OUT / f"web-{name}.png"
            page.screenshot(path=str(target))  # the first screen, as a visitor lands
            print(target)
            page.close()
        for name, path in SECTIONS.items():
            if not name.startswith(args.only):
                continue
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(base + path, wait_until="networkidle")
            page.wait_for_selector("#flowmap .vega-chart.ready svg", timeout=15000)
            target = OUT / f"web-{name}.png"
            page.locator("#flowmap").screenshot(path=str(target))
            print(target)
            page.close()
        browser.close()
    server.should_exit = True


if __name__ == "__main__":
    main()
