"""The country page: the renderer's interactive HTML, embedded in the portal's layout.

``render_html(profile, interactive=True, embed=True, links=...)`` gives the fragment: no
document or print cover (the portal's page opens on the key figures), a ``div`` for ``main``
(the portal has the one ``main`` landmark), CSV/XLSX links under each table and, with
``embed_base``, each chart's embed code; ``embed_css`` its stylesheet.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from markupsafe import Markup

from migprofile.profiles.tree import ChartBlock, Profile, TableBlock
from migprofile.render.common import iter_blocks
from migprofile.render.html import PortalLinks, embed_css, render_html


@dataclass(frozen=True)
class EmbeddedProfile:
    css: Markup
    body: Markup


def table_ids(profile: Profile) -> list[str]:
    return [b.id for s in profile.sections for b in iter_blocks(s.blocks)
            if isinstance(b, TableBlock)]


def chart_ids(profile: Profile) -> list[str]:
    return [b.id for s in profile.sections for b in iter_blocks(s.blocks)
            if isinstance(b, ChartBlock)]


def embed_profile(profile: Profile, base: str, label: str, *, embed_base: str = "",
                  embed_label: str = "", row_links: Mapping[str, str] | None = None
                  ) -> EmbeddedProfile:
    """The profile's CSS and body for the portal; ``base`` is ``/{lang}/countries/{ISO2}``,
    ``embed_base`` ``/{lang}/embed/countries/{ISO2}``; ``row_links``: table rows (by their
    printed header) that link somewhere (the partner tables to the corridors)."""
    links = PortalLinks(base, label, embed_base, embed_label)
    return EmbeddedProfile(Markup(embed_css(profile)),
                           Markup(render_html(profile, interactive=True, embed=True,
                                              links=links, row_links=row_links)))
