"""The country page: the renderer's interactive HTML, embedded in the portal's layout.

``render_html(profile, interactive=True)`` gives a whole document; its stylesheet and body
are lifted into the portal page, its ``<main>`` becomes a ``div`` (the portal has the one
``main`` landmark), and each table gets CSV/XLSX download links.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from markupsafe import Markup, escape

from migprofile.profiles.tree import ChartBlock, Profile, TableBlock
from migprofile.render.common import iter_blocks
from migprofile.render.html import render_html

_STYLE = re.compile(r"<style>(.*?)</style>", re.S)
_BODY = re.compile(r"<body[^>]*>(.*)</body>", re.S)
# The print cover (authors, publisher, date) belongs to the PDF; the portal's page opens on
# the country's key figures instead. The cover holds no nested section.
_COVER = re.compile(r'<section class="cover"[^>]*>.*?</section>\s*', re.S)


@dataclass(frozen=True)
class EmbeddedProfile:
    css: Markup
    body: Markup


def table_ids(profile: Profile) -> list[str]:
    return [b.id for s in profile.sections for b in iter_blocks(s.blocks)
            if isinstance(b, TableBlock)]


def _downloads(html: str, ids: list[str], base: str, label: str) -> str:
    for table_id in ids:
        start = html.find(f'id="tbl-{table_id}"')
        end = html.find("</figure>", start) if start >= 0 else -1
        if end < 0:
            continue
        links = (f'<p class="downloads no-print"><span>{label}:</span> '
                 f'<a href="{base}/tables/{table_id}.csv" download>CSV</a> '
                 f'<a href="{base}/tables/{table_id}.xlsx" download>XLSX</a></p>')
        html = html[:end] + links + html[end:]
    return html


def chart_ids(profile: Profile) -> list[str]:
    return [b.id for s in profile.sections for b in iter_blocks(s.blocks)
            if isinstance(b, ChartBlock)]


def _embeds(html: str, ids: list[str], embed_base: str, label: str) -> str:
    """Under each chart: a link to its embeddable page and the iframe snippet to copy."""
    for chart_id in ids:
        start = html.find(f'id="chart-{chart_id}"')
        end = html.find("</figure>", start) if start >= 0 else -1
        if end < 0:
            continue
        url = f"{embed_base}/charts/{chart_id}"
        snippet = escape(f'<iframe src="{url}" width="680" height="460" '
                         f'style="border:0" loading="lazy"></iframe>')
        links = (f'<details class="embed no-print"><summary>{escape(label)}</summary>'
                 f'<p><a href="{url}">{escape(url)}</a></p>'
                 f'<pre dir="ltr"><code>{snippet}</code></pre></details>')
        html = html[:end] + links + html[end:]
    return html


def embed_profile(profile: Profile, base: str, label: str, *, embed_base: str = "",
                  embed_label: str = "", row_links: Mapping[str, str] | None = None
                  ) -> EmbeddedProfile:
    """The profile's CSS and body for the portal; ``base`` is ``/{lang}/countries/{ISO2}``,
    ``embed_base`` ``/{lang}/embed/countries/{ISO2}``; ``row_links``: table rows (by their
    printed header) that link somewhere (the partner tables to the corridors)."""
    document = render_html(profile, interactive=True, row_links=row_links)
    css = "\n".join(_STYLE.findall(document))
    match = _BODY.search(document)
    body = match.group(1) if match else document
    body = _COVER.sub("", body, count=1)
    body = body.replace("<main>", '<div class="profile-main">', 1).replace(
        "</main>", "</div>", 1)
    body = _downloads(body, table_ids(profile), base, label)
    if embed_base:
        body = _embeds(body, chart_ids(profile), embed_base, embed_label)
    # The profile's own stylesheet targets the whole document; scope its body rules.
    css = css.replace("body.screen", ".profile-embed").replace("body {", ".profile-embed {")
    return EmbeddedProfile(Markup(css), Markup(body))
