"""Screenshots of the legal framework of built profiles, and of the portal's legal matrix.

    python scripts/legal_screenshots.py build/MA-fr.html build/DE-en.html ... [--db URL]

For each HTML profile, the legal-framework table (``#fw-legal``) and the socio-political one
(``#fw-socio_political``) as ``docs/screenshots/legal-<name>.png`` (element screenshots in
headless Chromium, driven by Playwright, no ``playwright install``). With ``--db``, also the
legal matrix page in French and Arabic (``web-legal-matrix-{fr,ar}.png``).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parent))
from web_screenshots import ARGS, OUT, serve

MATRIX = {"fr": "/fr/legal?dimension=treaties&region=UN:002",
          "ar": "/ar/legal?dimension=nationality&region=UN:142"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("profiles", nargs="*", type=Path)
    parser.add_argument("--db", help="database URL: also shoot the legal matrix pages")
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=args.chromium, args=ARGS)
        for path in args.profiles:
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(path.resolve().as_uri())
            for table in ("legal", "socio_political"):
                element = page.locator(f"#fw-{table}")
                if element.count():
                    suffix = "" if table == "legal" else "-socio"
                    target = OUT / f"legal-{path.stem}{suffix}.png"
                    element.screenshot(path=str(target))
                    print(target)
            page.close()
        if args.db:
            server, base = serve(args.db)
            for lang, url in MATRIX.items():
                page = browser.new_page(viewport={"width": 1280, "height": 900})
                page.goto(base + url, wait_until="networkidle")
                target = OUT / f"web-legal-matrix-{lang}.png"
                page.locator(".legal-matrix").screenshot(path=str(target))
                print(target)
                page.close()
            server.should_exit = True
        browser.close()


if __name__ == "__main__":
    main()
