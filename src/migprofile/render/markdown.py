"""The profile as GitHub-flavoured Markdown.

Headings and paragraphs as they are; statistical tables as GitHub tables (multi-row
headers flattened, "of which" rows prefixed with "— ", total rows in bold, numbers
right-aligned); framework tables as GitHub tables with ``<br>`` inside cells; footnotes as
``[^N]`` definitions; charts as their data table and a note; source lines in italics.
The output is deterministic (golden-file tested).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from migprofile.profiles.tree import (
    Block,
    ChartBlock,
    Footnote,
    FrameworkTable,
    Heading,
    ItemGroup,
    Paragraph,
    Profile,
    RichText,
    SideBySide,
    SourceLine,
    TableBlock,
)
from migprofile.render.common import Translate, chart_table, fallback_mark, short_sha, translator
from migprofile.render.markup import strip_footnote_marks
from migprofile.render.mdsafe import safe_markdown

_LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
_SLUG_DROP = re.compile(r"[^\w\- ]", re.UNICODE)


def render_markdown(profile: Profile) -> str:
    """The profile as GitHub-flavoured Markdown text."""
    writer = _Writer(profile)
    return writer.document()


def slug(text: str) -> str:
    """GitHub's heading anchor for ``text``."""
    return _SLUG_DROP.sub("", strip_footnote_marks(text).strip().lower()).replace(" ", "-")


def _cell(text: str) -> str:
    """Text safe inside a GitHub table cell (one line, pipes escaped)."""
    return text.replace("\\|", "|").replace("|", "\\|").replace("\n", " ").strip()


def _italic(text: str) -> str:
    escaped = text.replace("*", "\\*")
    return f"*{escaped}*" if text else ""


def _bold(text: str) -> str:
    return f"**{text}**" if text else ""


class _Writer:
    def __init__(self, profile: Profile) -> None:
        self.profile = profile
        self._ = translator(profile)
        self.out: list[str] = []
        self.footnotes: dict[int, Footnote] = {}
        self.emitted: set[int] = set()

    # -- document -------------------------------------------------------------------

    def document(self) -> str:
        self.cover()
        self.contents()
        for section in self.profile.sections:
            self.add(f"## {section.title}")
            for block in section.blocks:
                self.block(block, 2)
            for note in section.footnotes:
                self.footnotes.setdefault(note.number, note)
            self.flush_footnotes()
        self.sources()
        return "\n\n".join(self.out).rstrip() + "\n"

    def add(self, *chunks: str) -> None:
        # every chunk passes here: texts from packages and sources are sanitized once
        self.out.extend(safe_markdown(c) for c in chunks if c)

    def cover(self) -> None:
        cover = self.profile.cover
        # the title usually names the country already ("Profil migratoire : Maroc")
        named = cover.title and cover.country_name in cover.title
        self.add(f"# {cover.title}" if named else
                 f"# {cover.country_name} — {cover.title}" if cover.title else
                 f"# {cover.country_name}")
        self.add(_italic(cover.series))
        self.add("\n".join(f"- {line}" for line in cover.subtitle_lines))
        if cover.authors:
            separator = "، " if self.profile.lang == "ar" else ", "
            self.add(separator.join(_bold(a) for a in cover.authors))
        self.add(cover.credits)
        self.add(" · ".join(t for t in (cover.publisher, cover.date_text) if t))

    def contents(self) -> None:
        _ = self._
        titles = [s.title for s in self.profile.sections] + [_("Sources and methods")]
        contents = _("Contents")
        self.add(f"## {contents}")
        self.add("\n".join(f"{i}. [{strip_footnote_marks(t).strip()}](#{slug(t)})"
                           for i, t in enumerate(titles, 1)))

    # -- blocks ---------------------------------------------------------------------

    def block(self, block: Block, depth: int) -> None:
        if isinstance(block, Paragraph):
            self.paragraph(block, depth)
        elif isinstance(block, TableBlock):
            self.table(block)
        elif isinstance(block, ChartBlock):
            self.chart(block)
        elif isinstance(block, FrameworkTable):
            self.framework(block)
        elif isinstance(block, Heading):
            level = min(max(block.level + depth - 2, 3), 6)
            self.add(f"{'#' * level} {block.text}")
        elif isinstance(block, SideBySide):
            for title, column in zip(block.titles, block.columns, strict=True):
                if not column:
                    # one column after another: an empty column's title would head whatever
                    # follows the pair (HTML and PDF keep it over its empty column)
                    continue
                self.add(f"{'#' * min(depth + 1, 6)} {title}")
                for inner in column:
                    self.block(inner, depth + 1)

    def paragraph(self, p: Paragraph, depth: int) -> None:
        if p.title:
            self.add(f"{'#' * min(depth + 1, 6)} {p.title}")
        if p.fallback:
            self.add(_italic(fallback_mark(self._, p.lang)))
        self.add(safe_markdown(p.text).strip())

    def source_line(self, source: SourceLine) -> str:
        return _italic(source.text) \
            if source.citations else ""

    def table(self, t: TableBlock) -> None:
        header = t.csv_rows()[0] if t.header else []
        width = max([len(header), *(len(r) for r in t.body)], default=0)
        numeric = [any(i < len(r) and (r[i].numeric or r[i].value is not None) for r in t.body)
                   for i in range(width)]
        lines = [self.row(header + [""] * (width - len(header))),
                 "|" + "|".join(" ---: " if n else " --- " for n in numeric) + "|"]
        for row in t.body:
            cells = []
            for i, c in enumerate(row):
                text = c.value.text if c.value is not None else c.text
                if i == 0 and c.level:
                    text = "— " * c.level + text
                cells.append(_bold(text) if c.strong and text else text)
            lines.append(self.row(cells + [""] * (width - len(cells))))
        self.add(_bold(t.caption), "\n".join(lines), self.source_line(t.source))
        self.add(*(note for note in t.notes))

    @staticmethod
    def row(cells: Sequence[str]) -> str:
        return "| " + " | ".join(_cell(c) for c in cells) + " |"

    def chart(self, c: ChartBlock) -> None:
        _ = self._
        header, body = chart_table(c, self.profile.lang, _)
        self.add(_bold(c.title))
        if body:
            lines = [self.row(header), "|" + "|".join(
                [" --- ", *[" ---: "] * (len(header) - 1)]) + "|"]
            lines.extend(self.row(r) for r in body)
            self.add("\n".join(lines))
        self.add(_italic(_("Chart shown as a table; see the HTML or PDF edition for the figure.")),
                 self.source_line(c.source))

    def framework(self, f: FrameworkTable) -> None:
        lines = [self.row([f.corner, *f.columns]), "| --- | --- | --- |"]
        for row in f.rows:
            cells = [_bold(row.title), *("<br><br>".join(self.rich(rt) for rt in texts)
                                         for texts in row.cells)]
            lines.append(self.row(cells))
        self.add(_bold(f.caption), "\n".join(lines))
        for note in f.footnotes:
            self.footnotes.setdefault(note.number, note)
        self.flush_footnotes()

    def rich(self, rt: RichText | ItemGroup) -> str:
        """A framework cell's Markdown on one line: paragraphs and list items → ``<br>``."""
        if isinstance(rt, ItemGroup):
            return self.item_group(rt)
        parts: list[str] = []
        for para in re.split(r"\n\s*\n", safe_markdown(rt.markdown).strip()):
            lines = [ln.strip() for ln in para.splitlines() if ln.strip()]
            if lines and all(_LIST_ITEM.match(ln) for ln in lines):
                parts.append("<br>".join("• " + _LIST_ITEM.sub("", ln) for ln in lines))
            else:
                parts.append(" ".join(lines))
        text = "<br>".join(p for p in parts if p)
        if rt.fallback:
            text = f"{_italic(fallback_mark(self._, rt.lang))} {text}"
        return text

    def item_group(self, g: ItemGroup) -> str:
        """A generated sub-block on one line: its title in bold, the items, note, source."""
        lines = [_bold(g.title), *("• " + item.text for item in g.items)]
        if g.note:
            lines.append(_italic(g.note))
        lines.append(_italic(g.source.text))
        return "<br>".join(_cell(line) for line in lines)

    def flush_footnotes(self) -> None:
        for number in sorted(self.footnotes):
            if number in self.emitted:
                continue
            self.emitted.add(number)
            note = self.footnotes[number]
            mark = f"{_italic(fallback_mark(self._, note.lang))} " if note.fallback else ""
            self.add(f"[^{number}]: {mark}{' '.join(safe_markdown(note.text).split())}")
        self.footnotes = {}

    # -- sources ----------------------------------------------------------------------

    def sources(self) -> None:
        _: Translate = self._
        profile = self.profile
        title, sources = _("Sources and methods"), _("Sources")
        labels = {"edition": _("Edition: {edition}"), "accessed": _("Accessed {date}"),
                  "licence": _("Licence: {licence}")}
        self.add(f"## {title}")
        self.add(profile.method_note.strip())
        self.add(f"### {sources}")
        items = []
        for i, s in enumerate(profile.sources, 1):
            parts = [_bold(s.citation)]
            where = ", ".join(t for t in (s.publisher, _italic(s.title)) if t)
            if where:
                parts.append(f"— {where}.")
            for key, text in (("edition", s.edition), ("accessed", s.accessed),
                              ("licence", s.licence)):
                if text:
                    parts.append(labels[key].format(**{"date" if key == "accessed" else key:
                                                         text}) + ".")
            if s.sha256:
                parts.append(f"SHA-256: `{short_sha(s.sha256)}…`.")
            if s.url:
                parts.append(f"<{s.url}>")
            parts.append(f"`[{s.id}]`")
            items.append(f"{i}. " + " ".join(parts))
        self.add("\n".join(items))
        generated, version = _("Generated by"), _("Data version")
        self.add(_italic(f"{generated} {profile.generated_by} · "
                         f"{version} {profile.data_version} · {profile.edition}"))
