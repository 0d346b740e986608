"""Full-text search over instrument titles and framework cell texts.

One index, ``search_index`` (kind, country, ref, lang, body), created by migration 0003:
an FTS5 virtual table on SQLite, a plain table with a GIN ``to_tsvector`` index on
PostgreSQL. ``refresh_search_index`` rebuilds its content from the store's tables; the
writer (``Store.replace_package``) calls it inside the same transaction, so the index
always matches the data.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, column, delete, insert, select, table, text
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.sql.elements import TextClause

from migprofile.errors import StoreError
from migprofile.store import schema as t

if TYPE_CHECKING:
    from migprofile.store.queries import Store

# Around each matched word of a snippet: two private-use characters no text holds (square
# brackets were ambiguous: framework cells carry footnote marks ``[^3]``).
MATCH_START, MATCH_END = "\ue000", "\ue001"

INDEX = table("search_index", column("kind"), column("country"), column("ref"),
              column("lang"), column("body"))


@dataclass(frozen=True)
class SearchHit:
    kind: str  # "instrument" | "legal" | "socio_political"
    country: str
    ref: str  # instrument id, or "<row>/<direction>/<ord>" for a framework cell
    lang: str
    snippet: str  # plain text; matched words between MATCH_START and MATCH_END


def _rows(conn: Connection) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    li = t.legal_instruments.c
    # treaty-status snapshots (untc:<treaty>:<ISO3>) repeat one title per country; the legal
    # matrix shows them, the search covers the curated texts
    query = select(li.id, li.country, li.title, li.short_name).where(~li.id.startswith("untc:"))
    for r in conn.execute(query).mappings():
        for lang, title in (r["title"] or {}).items():
            short = (r["short_name"] or {}).get(lang, "")
            rows.append({"kind": "instrument", "country": r["country"], "ref": r["id"],
                         "lang": lang, "body": f"{title} {short}".strip()})
    fc = t.framework_cells.c
    query = select(fc.country, fc.framework, fc.row, fc.direction, fc.ord, fc.text)
    for r in conn.execute(query).mappings():
        ref = f"{r['row']}/{r['direction']}/{r['ord']}"
        for lang, body in (r["text"] or {}).items():
            rows.append({"kind": r["framework"], "country": r["country"], "ref": ref,
                         "lang": lang, "body": body})
    return rows


def refresh_search_index(conn: Connection) -> int:
    """Rebuild the index content from instruments and framework cells; returns its rows."""
    rows = _rows(conn)
    conn.execute(delete(INDEX))
    if rows:
        conn.execute(insert(INDEX), rows)
    return len(rows)


def fts5_query(words: str) -> str:
    """User words as an FTS5 query: every word required, the last one as a prefix."""
    tokens = ['"' + w.replace('"', '""') + '"' for w in words.split()]
    if tokens:
        tokens[-1] += "*"
    return " ".join(tokens)


_SQLITE = text(
    "SELECT kind, country, ref, lang, "
    "snippet(search_index, 4, '" + MATCH_START + "', '" + MATCH_END + "', '…', 16) AS snippet "
    "FROM search_index WHERE search_index MATCH :q AND (:lang IS NULL OR lang = :lang) "
    "ORDER BY rank LIMIT :limit")
_POSTGRES = text(
    "SELECT kind, country, ref, lang, ts_headline('simple', body, q, "
    "'StartSel=" + MATCH_START + ", StopSel=" + MATCH_END + ", MaxWords=30, MinWords=10') "
    "AS snippet "
    "FROM search_index, plainto_tsquery('simple', :q) AS q "
    "WHERE to_tsvector('simple', body) @@ q AND (CAST(:lang AS TEXT) IS NULL OR lang = :lang) "
    "ORDER BY ts_rank(to_tsvector('simple', body), q) DESC LIMIT :limit")


def _unaccent_schema(conn: Connection) -> str | None:
    """The schema of PostgreSQL's ``unaccent`` extension, or None when it is not installed
    (migration 0006 installs it when the server has it and the role may)."""
    found = conn.execute(text(
        "SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace "
        "WHERE e.extname = 'unaccent'")).scalar()
    return None if found is None else str(found)


def _postgres_query(schema: str | None) -> TextClause:
    """Accent-insensitive when ``unaccent`` is there (like SQLite's ``remove_diacritics``);
    the index is then not used, which the few thousand rows of the index allow."""
    if schema is None:
        return _POSTGRES
    fn = '"' + schema.replace('"', '""') + '".unaccent'
    # the snippet keeps the accents of the text when the words as typed match it
    options = f"'StartSel={MATCH_START}, StopSel={MATCH_END}, MaxWords=30, MinWords=10'"
    exact = f"ts_headline('simple', body, plainto_tsquery('simple', :q), {options})"
    return text(
        "SELECT kind, country, ref, lang, CASE WHEN to_tsvector('simple', body) @@ "
        "plainto_tsquery('simple', :q) "
        f"THEN {exact} ELSE ts_headline('simple', {fn}(body), q, {options}) END AS snippet "
        f"FROM search_index, plainto_tsquery('simple', {fn}(:q)) AS q "
        f"WHERE to_tsvector('simple', {fn}(body)) @@ q "
        "AND (CAST(:lang AS TEXT) IS NULL OR lang = :lang) "
        f"ORDER BY ts_rank(to_tsvector('simple', {fn}(body)), q) DESC LIMIT :limit")


def search_texts(store: Store, words: str, *, lang: str | None = None,
                 limit: int = 50) -> list[SearchHit]:
    """Instruments and framework cells whose text holds every word (best first)."""
    if not words.split():
        return []
    sqlite = store.engine.dialect.name == "sqlite"
    params = {"q": fts5_query(words) if sqlite else words, "lang": lang, "limit": limit}
    try:
        with store.engine.connect() as conn:
            query = _SQLITE if sqlite else _postgres_query(_unaccent_schema(conn))
            result = conn.execute(query, params).mappings()
            return [SearchHit(r["kind"], r["country"], r["ref"], r["lang"], r["snippet"])
                    for r in result]
    except SQLAlchemyError as exc:
        raise StoreError(f"search failed: {exc}") from exc
