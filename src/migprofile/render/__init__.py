"""Renderers: the Profile tree (``profiles.tree``) as HTML, PDF, Markdown or JSON.

    render(profile, "html")  -> str    one self-contained HTML5 file
    render(profile, "pdf")   -> bytes  A4, via Typst (or WeasyPrint: setting pdf_engine)
    render(profile, "md")    -> str    GitHub-flavoured Markdown
    render(profile, "json")  -> str    the whole tree with provenance
    render(profile, "datapackage") -> bytes  a zip: every table as CSV + datapackage.json

Renderers never query the store: everything they print is in the tree.
"""

from __future__ import annotations

from migprofile.errors import RenderError
from migprofile.profiles.tree import Profile

FORMATS: tuple[str, ...] = ("html", "pdf", "md", "json", "datapackage")
EXTENSIONS: dict[str, str] = {"html": "html", "pdf": "pdf", "md": "md", "json": "json",
                              "datapackage": "datapackage.zip"}
MEDIA_TYPES: dict[str, str] = {
    "html": "text/html; charset=utf-8",
    "pdf": "application/pdf",
    "md": "text/markdown; charset=utf-8",
    "json": "application/json",
    "datapackage": "application/zip",
}


def render(profile: Profile, fmt: str) -> bytes | str:
    """The profile in ``fmt`` (one of ``FORMATS``): ``bytes`` for PDF, ``str`` otherwise."""
    if fmt == "html":
        from migprofile.render.html import render_html

        return render_html(profile)
    if fmt == "pdf":
        from migprofile.render.pdf import render_pdf

        return render_pdf(profile)
    if fmt == "md":
        from migprofile.render.markdown import render_markdown

        return render_markdown(profile)
    if fmt == "json":
        from migprofile.render.json import render_json

        return render_json(profile)
    if fmt == "datapackage":
        from migprofile.render.datapackage import render_datapackage

        return render_datapackage(profile)
    raise RenderError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")


__all__ = ["EXTENSIONS", "FORMATS", "MEDIA_TYPES", "render"]
