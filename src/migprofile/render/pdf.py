"""The profile as an A4 PDF, typeset by WeasyPrint from the print HTML.

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


def render_pdf(profile: Profile) -> bytes:
    """The profile as PDF bytes (A4, bundled fonts, charts as PNG)."""
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
