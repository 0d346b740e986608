"""Markdown of the profile → plain data nodes the Typst template lays out.

The Typst renderer never writes data into Typst markup: texts travel as JSON strings and
the template turns them into content with ``[#s]``, which Typst prints literally. Markdown
(paragraphs, framework cells, footnotes) is therefore parsed here, with the same
markdown-it parser as the HTML renderer, into nested lists and dicts:

* a block is ``{"k": "p" | "h" | "ul" | "ol" | "quote" | "pre" | "hr" | "table", ...}``;
* an inline is a string (text) or ``{"k": "b" | "i" | "code" | "link" | "fn" | "br", ...}``.

Raw HTML inside Markdown is untrusted: its tags are dropped and only its text is kept.
Links keep only http, https and mailto URLs (as ``render.markup``). Footnote marks
``[^N]`` become ``{"k": "fn", "n": N, "anchor": bool}`` nodes.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from typing import Any

import nh3
from markdown_it.tree import SyntaxTreeNode

from migprofile.model.text import FOOTNOTE_MARK
from migprofile.render.markup import URL_SCHEMES, _parser

Node = dict[str, Any]
Inline = str | Node
TextHook = Callable[[str], str]


def _plain_html(fragment: str) -> str:
    """The text of an untrusted HTML fragment, without any tag."""
    return html.unescape(str(nh3.clean(fragment, tags=set(), strip_comments=True)))


class MarkdownNodes:
    """Converts Markdown texts of one profile; ``text`` post-processes every text run (bidi
    isolation in right-to-left profiles); ``footnotes`` are the numbers that have a note,
    the first reference to each also carrying its anchor flag for the template."""

    def __init__(self, text: TextHook, footnotes: set[int]) -> None:
        self._text = text
        self._footnotes = footnotes

    def blocks(self, markdown: str) -> list[Node]:
        tree = SyntaxTreeNode(_parser().parse(markdown or ""))
        return [b for child in tree.children for b in self._block(child)]

    def inline(self, markdown: str) -> list[Inline]:
        """A one-paragraph text (footnotes, notes) as inlines, paragraphs joined by breaks."""
        out: list[Inline] = []
        for block in self.blocks(markdown):
            if out:
                out.append({"k": "br"})
            out.extend(block.get("c", []) if block["k"] in ("p", "h") else
                       [self._text(_block_text(block))])
        return out

    def plain(self, text: str) -> list[Inline]:
        """Text that is not Markdown, with its footnote marks as nodes."""
        return self._marks(text)

    # -- blocks ---------------------------------------------------------------------------

    def _block(self, node: SyntaxTreeNode) -> list[Node]:
        kind = node.type
        if kind == "paragraph":
            return [{"k": "p", "c": self._inlines(node)}]
        if kind == "heading":
            return [{"k": "h", "level": int(node.tag[1:]), "c": self._inlines(node)}]
        if kind in ("bullet_list", "ordered_list"):
            items = [[b for child in item.children for b in self._block(child)]
                     for item in node.children]
            if kind == "bullet_list":
                return [{"k": "ul", "items": items}]
            start = node.attrs.get("start", 1)
            return [{"k": "ol", "start": int(start) if str(start).isdigit() else 1,
                     "items": items}]
        if kind == "blockquote":
            return [{"k": "quote", "c": [b for child in node.children
                                         for b in self._block(child)]}]
        if kind in ("code_block", "fence"):
            return [{"k": "pre", "s": node.content.rstrip("\n")}]
        if kind == "hr":
            return [{"k": "hr"}]
        if kind == "html_block":
            text = _plain_html(node.content).strip()
            return [{"k": "p", "c": self._marks(text)}] if text else []
        if kind == "table":
            return [self._table(node)]
        return [{"k": "p", "c": self._inlines(node)}] if node.children else []

    def _table(self, node: SyntaxTreeNode) -> Node:
        rows: list[list[Node]] = []
        header = 0
        for part in node.children:  # thead, tbody
            for tr in part.children:
                rows.append([{"h": cell.type == "th", "c": self._inlines(cell)}
                             for cell in tr.children])
                header += part.type == "thead"
        return {"k": "table", "header": header, "rows": rows,
                "columns": max((len(r) for r in rows), default=1)}

    # -- inlines --------------------------------------------------------------------------

    def _inlines(self, node: SyntaxTreeNode) -> list[Inline]:
        out: list[Inline] = []
        for child in node.children:
            out.extend(self._inline(child))
        return out

    def _inline(self, node: SyntaxTreeNode) -> list[Inline]:
        kind = node.type
        if kind == "inline":
            return self._inlines(node)
        if kind == "text":
            return self._marks(node.content)
        if kind == "softbreak":
            return [" "]
        if kind == "hardbreak":
            return [{"k": "br"}]
        if kind == "strong":
            return [{"k": "b", "c": self._inlines(node)}]
        if kind == "em":
            return [{"k": "i", "c": self._inlines(node)}]
        if kind == "s":
            return [{"k": "s", "c": self._inlines(node)}]
        if kind == "code_inline":
            return [{"k": "code", "s": node.content}]
        if kind == "link":
            href = str(node.attrs.get("href", ""))
            scheme = href.split(":", 1)[0].lower() if ":" in href else ""
            body = self._inlines(node)
            return [{"k": "link", "url": href, "c": body}] if scheme in URL_SCHEMES else body
        if kind == "image":
            return self._marks(node.content)
        if kind == "html_inline":
            return []
        return self._inlines(node) if node.children else self._marks(node.content)

    def _marks(self, text: str) -> list[Inline]:
        out: list[Inline] = []
        last = 0
        for match in FOOTNOTE_MARK.finditer(text):
            if match.start() > last:
                out.append(self._text(text[last:match.start()]))
            out.append(self._mark(int(match.group(1))))
            last = match.end()
        if last < len(text):
            out.append(self._text(text[last:]))
        return out

    def _mark(self, number: int) -> Node:
        return {"k": "fn", "n": number, "link": number in self._footnotes}


_SPACES = re.compile(r"\s+")


def _block_text(block: Node) -> str:
    """Flat text of a block (lists or tables in a footnote, which prints inline)."""
    parts: list[str] = []

    def walk(value: Any) -> None:
        if isinstance(value, str):
            parts.append(value)
        elif isinstance(value, list):
            for v in value:
                walk(v)
        elif isinstance(value, dict):
            for key in ("s", "c", "items", "rows"):
                if key in value:
                    walk(value[key])
    walk(block)
    return _SPACES.sub(" ", " ".join(parts)).strip()
