#!/usr/bin/env python3
"""Extract the translatable messages of migprofile and update the fr/en/ar catalogs.

    python scripts/extract_messages.py           # update the .po files in place
    python scripts/extract_messages.py --check   # exit 1 if they are stale or incomplete

Messages are English msgids found in ``src/migprofile``:

* Python: ``gettext(lang, "msgid")`` (``migprofile.i18n.gettext``: the msgid is the 2nd
  argument), ``N_("msgid")`` (mark only) and ``_("msgid")`` (a translator bound to a
  language, as the renderers use);
* Jinja2 templates (``**/templates/*.j2``): ``{{ _("msgid") }}``;
* the profile layout ``profiles/spec.yaml``: the values of ``title``, ``titles``,
  ``heading``, ``value_title``, ``label_title``, ``caption`` and ``women_of`` (English msgids).

Each catalog ``src/migprofile/render/locales/<lang>/LC_MESSAGES/migprofile.po`` keeps its
existing translations; new msgids are added empty (``en`` gets msgstr = msgid); msgids no
longer in the code are kept as obsolete (``#~``) entries so no translation is ever lost.
Files are rewritten only when their messages change (the revision date moves then), so
running the script twice changes nothing.
"""

from __future__ import annotations

import argparse
import copy
import io
import sys
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import yaml
from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po

from migprofile.model.languages import LANGUAGES, registry

ROOT = Path(__file__).resolve().parents[1]
SOURCE_DIR = ROOT / "src" / "migprofile"
LOCALES_DIR = SOURCE_DIR / "render" / "locales"
DOMAIN = "migprofile"
LANGS = LANGUAGES  # the registry (model/languages.yaml)
SOURCE_LANG = "en"
YAML_KEYS = frozenset({"title", "titles", "heading", "value_title", "label_title", "caption",
                       "women_of"})


def extract_yaml(fileobj: Any, keywords: Any, comment_tags: Any,
                 options: Any) -> Iterator[tuple[int, str, str, list[str]]]:
    """Babel extractor for the profile spec: msgids under the keys in ``YAML_KEYS``."""
    node = yaml.compose(fileobj.read().decode("utf-8"))

    def walk(node: Any, key: str | None) -> Iterator[tuple[int, str, str, list[str]]]:
        if isinstance(node, yaml.MappingNode):
            for k, v in node.value:
                yield from walk(v, str(k.value))
        elif isinstance(node, yaml.SequenceNode):
            for item in node.value:
                yield from walk(item, key if key in YAML_KEYS else None)
        elif isinstance(node, yaml.ScalarNode) and key in YAML_KEYS and node.value:
            yield node.start_mark.line + 1, "N_", str(node.value), []

    if node is not None:
        yield from walk(node, None)


METHOD_MAP: list[tuple[str, Any]] = [
    ("**/templates/**.j2", "jinja2.ext:babel_extract"),
    ("**/profiles/spec.yaml", extract_yaml),
    ("**.py", "python"),
]
OPTIONS_MAP = {"**/templates/**.j2": {"trimmed": "false"}}
KEYWORDS: dict[str, tuple[int, ...] | None] = {"gettext": (2,), "N_": None, "_": None}
COMMENT_TAGS = ("TRANSLATORS:",)
WIDTH = 100


def po_path(lang: str) -> Path:
    return LOCALES_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


def extract(source_dir: Path = SOURCE_DIR) -> Catalog:
    """A template catalog of every msgid in the sources."""
    template = Catalog(project=DOMAIN, domain=DOMAIN, charset="utf-8",
                       msgid_bugs_address="", copyright_holder="migprofile contributors")
    for filename, lineno, message, comments, context in extract_from_dir(
            str(source_dir), method_map=METHOD_MAP, options_map=OPTIONS_MAP,
            keywords=KEYWORDS, comment_tags=COMMENT_TAGS, strip_comment_tags=True):
        if not message or (isinstance(message, tuple) and not message[0]):
            continue
        location = (str(Path("src") / "migprofile" / filename), lineno)
        template.add(message, None, [location], auto_comments=comments, context=context)
    for lang in registry():  # render/messages.py TEXT_IN_LANGUAGE: the fallback marks
        template.add(f"text in {lang.english_name}", None,
                     [("src/migprofile/model/languages.yaml", 0)])
    return template


def _read(path: Path, lang: str) -> Catalog | None:
    if not path.is_file():
        return None
    with path.open("rb") as fh:
        return read_po(fh, locale=lang, domain=DOMAIN)


def _dump(catalog: Catalog) -> str:
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=WIDTH, sort_output=True, include_lineno=False,
             include_previous=False, ignore_obsolete=False)
    return buffer.getvalue().decode("utf-8")


def updated(template: Catalog, lang: str) -> tuple[str, Catalog]:
    """The new text of ``lang``'s catalog (keeping its dates) and the catalog itself."""
    existing = _read(po_path(lang), lang)
    if existing is None:
        existing = Catalog(locale=lang, domain=DOMAIN, project=DOMAIN, charset="utf-8",
                           msgid_bugs_address="", copyright_holder="migprofile contributors",
                           creation_date=template.creation_date)
        existing.fuzzy = False
    for message in list(existing.obsolete.values()):  # revive msgids back in the code
        if message.id not in existing:
            existing[message.id] = message
    existing.obsolete.clear()
    # A copy: Catalog.update shares the template's Message objects, so filling the source
    # language's msgstr would otherwise leak English into the catalogs updated after it.
    existing.update(copy.deepcopy(template), no_fuzzy_matching=True, update_header_comment=False,
                    update_creation_date=False)
    for key, message in list(existing.obsolete.items()):  # keep only translated leftovers
        if not message.string or lang == SOURCE_LANG:
            del existing.obsolete[key]
    if lang == SOURCE_LANG:
        for message in existing:
            if message.id and not message.string:
                message.string = message.id
    return _dump(existing), existing


def stale_msgids(new: Catalog, old: Catalog | None) -> list[str]:
    """Msgids added to or removed from the code since the catalog was last written."""
    def ids(catalog: Catalog | None) -> set[str]:
        return {str(m.id) for m in catalog if m.id} if catalog is not None else set()

    return sorted(ids(new) ^ ids(old))


def untranslated(catalog: Catalog) -> list[str]:
    return sorted(str(m.id) for m in catalog if m.id and (not m.string or m.fuzzy))


def run(langs: Iterable[str] = LANGS, *, check: bool = False) -> int:
    template = extract()
    status = 0
    print(f"{len(template)} messages in {SOURCE_DIR.relative_to(ROOT)}")
    for lang in langs:
        path = po_path(lang)
        text, catalog = updated(template, lang)
        current = path.read_text(encoding="utf-8") if path.is_file() else None
        missing = untranslated(catalog)
        if text != current:
            if check:
                stale = stale_msgids(catalog, _read(path, lang))
                if stale:
                    print(f"{lang}: {path.relative_to(ROOT)} is out of date: "
                          + "; ".join(stale[:10]), file=sys.stderr)
                    status = 1
                else:
                    print(f"{lang}: only source locations changed")
            else:
                catalog.revision_date = datetime.now(UTC)
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(_dump(catalog), encoding="utf-8")
                print(f"{lang}: wrote {path.relative_to(ROOT)}")
        else:
            print(f"{lang}: up to date")
        if missing:
            print(f"{lang}: {len(missing)} untranslated: " + "; ".join(missing[:20])
                  + (" ..." if len(missing) > 20 else ""), file=sys.stderr)
            if check:
                status = 1
    return status


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true",
                        help="change nothing; exit 1 if a catalog is stale or incomplete")
    parser.add_argument("--lang", action="append", choices=LANGS,
                        help="only this language (repeatable)")
    args = parser.parse_args(argv)
    return run(args.lang or LANGS, check=args.check)


if __name__ == "__main__":
    sys.exit(main())
