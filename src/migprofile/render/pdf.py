"""The profile as an A4 PDF: Typst (default, ``render.typst``) or WeasyPrint from the print HTML.

``render_pdf`` picks the engine from its argument or the ``pdf_engine`` setting
(``MIGPROFILE_PDF_ENGINE``). Typst lays the Profile tree out itself in about a tenth of
WeasyPrint's time and sets Arabic in the upright Naskh font; WeasyPrint stays selectable
(it prints exactly the HTML page's stylesheet).

WeasyPrint needs Pango (and HarfBuzz, fontconfig) from the system: on Debian/Ubuntu
``apt-get install libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b``. When it or they are
missing, ``render_pdf`` raises ``RenderError`` saying so instead of an ``OSError``.
"""

from __future__ import annotations

from typing import Any

from migprofile.errors import RenderError
from migprofile.profiles.tree import Profile
from migprofile.render.html import FONT_BASE_URL, render_html

INSTALL_HINT = (
    "PDF output needs WeasyPrint and its system libraries (Pango, HarfBuzz, fontconfig): "
    "pip install weasyprint; on Debian/Ubuntu apt-get install libpango-1.0-0 "
    "libpangoft2-1.0-0 libharfbuzz0b fonts-noto-core"
)


def _weasyprint() -> Any:
    try:
        import weasyprint
    except ImportError as exc:
        raise RenderError(f"{INSTALL_HINT} ({exc})") from exc
    except OSError as exc:  # cffi cannot load libpango/libgobject
        raise RenderError(f"{INSTALL_HINT} (cannot load a system library: {exc})") from exc
    return weasyprint


PDF_ENGINES = ("typst", "weasyprint")


def render_pdf(profile: Profile, engine: str | None = None) -> bytes:
    """The profile as PDF bytes (A4, bundled fonts), typeset by ``engine``."""
    if engine is None:
        from migprofile.settings import get_settings

        engine = get_settings().pdf_engine
    if engine == "typst":
        from migprofile.render.typst import render_pdf_typst

        return render_pdf_typst(profile)
    if engine == "weasyprint":
        return render_pdf_weasyprint(profile)
    raise RenderError(f"unknown PDF engine {engine!r}; choose one of {', '.join(PDF_ENGINES)}")


def render_pdf_weasyprint(profile: Profile) -> bytes:
    """The profile as PDF bytes via WeasyPrint (A4, bundled fonts, charts as PNG)."""
    weasyprint = _weasyprint()
    from weasyprint.text.fonts import FontConfiguration

    html = render_html(profile, for_print=True)
    font_config = FontConfiguration()
    try:
        document = weasyprint.HTML(string=html, base_url=FONT_BASE_URL)
        pdf: bytes = document.write_pdf(font_config=font_config)
    except OSError as exc:
        raise RenderError(f"{INSTALL_HINT} ({exc})") from exc
    except Exception as exc:  # WeasyPrint has no exception hierarchy of its own
        raise RenderError(f"WeasyPrint could not typeset the profile: {exc}") from exc
    if not pdf.startswith(b"%PDF"):
        raise RenderError("WeasyPrint returned no PDF")
    return pdf
