#!/usr/bin/env python3
"""Screenshots of built profiles: HTML with headless Chromium, PDF pages with pdftoppm.

    python scripts/screenshots.py build/MA-fr.html build/MA-ar.pdf
    python scripts/screenshots.py build/                 # every .html and .pdf in it
    python scripts/screenshots.py build/ --out /tmp/shots --pages 1-3 --resolution 80

Writes PNG files into ``docs/screenshots/`` (or ``--out``):

* ``<name>.html.png``: the first 1280 × 2000 CSS pixels of the page (``--window-size``);
* ``<name>.pdf-<page>.png``: PDF pages (default pages 1-2, 60 dpi).

Chromium runs with no network features, a throw-away profile and no sandbox (containers).
Nothing is fetched: the profiles are self-contained.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUT = ROOT / "docs" / "screenshots"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--hide-scrollbars",
)
TIMEOUT = 120


def collect(paths: Iterable[Path]) -> list[Path]:
    """The .html and .pdf files named, or found (not recursively) in the folders named."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(sorted(p for p in path.iterdir()
                                if p.suffix.lower() in (".html", ".htm", ".pdf")))
        elif path.is_file():
            files.append(path)
        else:
            raise SystemExit(f"{path}: no such file or folder")
    return files


def shoot_html(path: Path, out: Path, *, width: int, height: int,
               chromium: str = CHROMIUM) -> Path:
    if shutil.which(chromium) is None:
        raise SystemExit(f"{chromium}: Chromium not found (set CHROMIUM or --chromium)")
    target = out / f"{path.stem}.html.png"
    with tempfile.TemporaryDirectory(prefix="migprofile-chromium-") as profile_dir:
        command = [chromium, *CHROMIUM_FLAGS, f"--user-data-dir={profile_dir}",
                   f"--screenshot={target}", f"--window-size={width},{height}",
                   path.resolve().as_uri()]
        subprocess.run(command, check=True, timeout=TIMEOUT, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
    if not target.is_file():
        raise SystemExit(f"{path}: Chromium wrote no screenshot")
    return target


def shoot_pdf(path: Path, out: Path, *, first: int, last: int, resolution: int) -> list[Path]:
    if shutil.which("pdftoppm") is None:
        raise SystemExit("pdftoppm not found (apt-get install poppler-utils)")
    prefix = out / f"{path.stem}.pdf"
    for old in out.glob(f"{prefix.name}-*.png"):
        old.unlink()
    subprocess.run(["pdftoppm", "-png", "-r", str(resolution), "-f", str(first), "-l", str(last),
                    str(path), str(prefix)], check=True, timeout=TIMEOUT)
    written = sorted(out.glob(f"{prefix.name}-*.png"))
    renamed = []
    for image in written:  # pdftoppm pads page numbers to the page count's width
        page = int(image.stem.rsplit("-", 1)[1])
        target = out / f"{prefix.name}-{page}.png"
        image.rename(target)
        renamed.append(target)
    return renamed


def _pages(text: str) -> tuple[int, int]:
    first, _, last = text.partition("-")
    return int(first), int(last or first)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="+", type=Path, help="profile files or folders")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder")
    parser.add_argument("--width", type=int, default=1280)
    parser.add_argument("--height", type=int, default=2000)
    parser.add_argument("--pages", default="1-2", help="PDF pages, e.g. 1-2 or 3")
    parser.add_argument("--resolution", type=int, default=60, help="PDF dpi")
    parser.add_argument("--chromium", default=CHROMIUM)
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    first, last = _pages(args.pages)
    written: list[Path] = []
    for path in collect(args.paths):
        if path.suffix.lower() == ".pdf":
            written += shoot_pdf(path, args.out, first=first, last=last,
                                 resolution=args.resolution)
        else:
            written.append(shoot_html(path, args.out, width=args.width, height=args.height,
                                      chromium=args.chromium))
    for image in written:
        print(image)
    return 0 if written else 1


if __name__ == "__main__":
    sys.exit(main())
