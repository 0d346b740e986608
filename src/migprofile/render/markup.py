"""Markdown of the profile (paragraphs, framework cells, footnotes) → safe HTML.

Texts come from country packages and contributors: they are Markdown (CommonMark +
tables), may contain raw HTML, and are never trusted. They are converted with
markdown-it-py, then cleaned with nh3 (an allow-list: no script, no style, no event
handlers, no ``javascript:`` links, no images). Footnote marks written ``[^N]`` become
``<sup class="fn-ref"><a href="#fn-N">N</a></sup>`` *after* cleaning (the markup is ours).
Editors' previews use the same ``to_html``; the Markdown output's sanitiser is
``render.mdsafe.safe_markdown`` (the one sanitiser of Markdown that stays Markdown).
"""

from __future__ import annotations

from functools import cache

import nh3
from markdown_it import MarkdownIt

from migprofile.model.text import FOOTNOTE_MARK

ALLOWED_TAGS = {
    "p", "br", "ul", "ol", "li", "em", "strong", "b", "i", "u", "sup", "sub", "a", "code",
    "blockquote", "span", "abbr", "cite", "q", "s", "small", "dl", "dt", "dd", "hr",
    "table", "thead", "tbody", "tr", "th", "td", "h4", "h5", "h6",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title", "hreflang"},
    "abbr": {"title"},
    "span": {"lang", "dir"},
    "th": {"scope", "colspan", "rowspan"},
    "td": {"colspan", "rowspan"},
    "ol": {"start"},
    "*": {"lang", "dir"},
}
URL_SCHEMES = {"http", "https", "mailto"}


@cache
def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark", {"typographer": False}).enable("table")


def clean(html: str) -> str:
    """Sanitize an HTML fragment with nh3's allow-list."""
    return str(nh3.clean(html, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES,
                         url_schemes=URL_SCHEMES, link_rel="noopener noreferrer",
                         strip_comments=True))


def json_safe(text: str) -> str:
    """JSON text with ``<`` written ``\\u003c``: the same data once parsed, but no byte of
    it can open a tag if a page or a proxy ever mistakes it for HTML."""
    return text.replace("<", "\\u003c")


def footnote_refs(html: str) -> str:
    """``[^3]`` → a superscript link to footnote 3."""
    return FOOTNOTE_MARK.sub(
        lambda m: f'<sup class="fn-ref"><a href="#fn-{m.group(1)}">{m.group(1)}</a></sup>', html)


def to_html(markdown: str, *, inline: bool = False) -> str:
    """Markdown → sanitized HTML with footnote marks linked.

    ``inline=True`` renders a one-paragraph text without its ``<p>`` wrapper (footnotes,
    source notes).
    """
    parser = _parser()
    html = parser.renderInline(markdown) if inline else parser.render(markdown)
    return footnote_refs(clean(html)).strip()


def footnote_numbers(markdown: str) -> list[int]:
    """The footnote numbers a text refers to, in order of first appearance."""
    return list(dict.fromkeys(int(n) for n in FOOTNOTE_MARK.findall(markdown)))


def strip_footnote_marks(text: str) -> str:
    return FOOTNOTE_MARK.sub("", text)
