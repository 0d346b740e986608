"""Named queries of the editorial workflow (accounts, sessions, drafts, revisions, audit) and
the writes that publish one object into the content tables.

Like ``queries.Store``, this is the only place their SQL is written. Methods that take a
``conn`` run inside the caller's transaction, so a publication (content row, revision,
draft removal, audit entry, data version) is one atomic write.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, and_, delete, func, insert, select, update
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from migprofile.editorial import objects as ob
from migprofile.editorial.objects import Kind, Payload
from migprofile.errors import StoreError
from migprofile.store import convert as cv
from migprofile.store import editorial_schema as e
from migprofile.store import schema as t
from migprofile.store.queries import Store
from migprofile.store.search import refresh_search_index


class DuplicateRow(StoreError):
    """An insert met a unique constraint (a user name, or a draft someone else just made)."""


@dataclass(frozen=True)
class AuditFilter:
    username: str | None = None
    action: str | None = None
    object_prefix: str | None = None
    since: datetime | None = None


class EditorialStore:
    def __init__(self, store: Store) -> None:
        self.store = store
        self.engine = store.engine

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        try:
            with self.engine.begin() as conn:
                yield conn
        except IntegrityError as exc:
            raise DuplicateRow(f"duplicate or conflicting row: {exc.orig}") from exc
        except SQLAlchemyError as exc:
            raise StoreError(f"database error: {exc}") from exc

    def read(self) -> Any:
        return self.transaction()

    # -- users --------------------------------------------------------------------------------

    def insert_user(self, conn: Connection, row: Mapping[str, Any]) -> int:
        result = conn.execute(insert(e.users).values(**row))
        return int(result.inserted_primary_key[0])  # type: ignore[index]

    def user(self, conn: Connection, *, username: str | None = None,
             user_id: int | None = None) -> dict[str, Any] | None:
        query = select(e.users)
        query = query.where(e.users.c.username == username) if username is not None \
            else query.where(e.users.c.id == user_id)
        row = conn.execute(query).mappings().first()
        return dict(row) if row else None

    def users(self, conn: Connection) -> list[dict[str, Any]]:
        return [dict(r) for r in conn.execute(select(e.users).order_by(e.users.c.username))
                .mappings()]

    def update_user(self, conn: Connection, user_id: int, **values: Any) -> None:
        conn.execute(update(e.users).where(e.users.c.id == user_id).values(**values))

    def countries_of(self, conn: Connection, user_id: int) -> list[str]:
        uc = e.user_countries.c
        return list(conn.execute(select(uc.country).where(uc.user_id == user_id)
                                 .order_by(uc.country)).scalars())

    def set_countries(self, conn: Connection, user_id: int, countries: Sequence[str]) -> None:
        conn.execute(delete(e.user_countries).where(e.user_countries.c.user_id == user_id))
        if countries:
            conn.execute(insert(e.user_countries),
                         [{"user_id": user_id, "country": c} for c in countries])

    # -- sessions -----------------------------------------------------------------------------

    def insert_session(self, conn: Connection, row: Mapping[str, Any]) -> None:
        conn.execute(insert(e.sessions).values(**row))

    def session(self, conn: Connection, sid: str, now: datetime) -> dict[str, Any] | None:
        s = e.sessions.c
        row = conn.execute(select(e.sessions).where(and_(s.id == sid, s.expires_at > now))
                           ).mappings().first()
        return dict(row) if row else None

    def delete_sessions(self, conn: Connection, *, sid: str | None = None,
                        user_id: int | None = None, before: datetime | None = None) -> None:
        s = e.sessions.c
        if sid is not None:
            conn.execute(delete(e.sessions).where(s.id == sid))
        if user_id is not None:
            conn.execute(delete(e.sessions).where(s.user_id == user_id))
        if before is not None:
            conn.execute(delete(e.sessions).where(s.expires_at <= before))

    # -- audit --------------------------------------------------------------------------------

    def append_audit(self, conn: Connection, row: Mapping[str, Any]) -> None:
        conn.execute(insert(e.audit_log).values(**row))

    def audit(self, conn: Connection, f: AuditFilter, *, limit: int = 200,
              offset: int = 0) -> list[dict[str, Any]]:
        a = e.audit_log.c
        query = select(e.audit_log).order_by(a.id.desc()).limit(limit).offset(offset)
        if f.username:
            query = query.where(a.username == f.username)
        if f.action:
            query = query.where(a.action == f.action)
        if f.object_prefix:
            query = query.where(a.object.startswith(f.object_prefix, autoescape=True))
        if f.since:
            query = query.where(a.at >= f.since)
        return [dict(r) for r in conn.execute(query).mappings()]

    def count_audit(self, conn: Connection, action: str, since: datetime, *,
                    obj: str | None = None, client: str | None = None) -> int:
        a = e.audit_log.c
        query = select(func.count()).select_from(e.audit_log).where(
            and_(a.action == action, a.at >= since))
        if obj is not None:
            query = query.where(a.object == obj)
        if client is not None:
            query = query.where(a.client == client)
        return int(conn.execute(query).scalar() or 0)

    # -- drafts -------------------------------------------------------------------------------

    def draft(self, conn: Connection, *, draft_id: int | None = None,
              obj: tuple[str, Kind, str] | None = None) -> dict[str, Any] | None:
        d = e.drafts.c
        query = select(e.drafts)
        if draft_id is not None:
            query = query.where(d.id == draft_id)
        elif obj is not None:
            query = query.where(and_(d.country == obj[0], d.kind == obj[1].value,
                                     d.key == obj[2]))
        row = conn.execute(query).mappings().first()
        return dict(row) if row else None

    def drafts(self, conn: Connection, *, country: str | None = None,
               states: Sequence[str] | None = None, author_id: int | None = None
               ) -> list[dict[str, Any]]:
        d = e.drafts.c
        query = select(e.drafts, e.users.c.username.label("author")).join(
            e.users, e.users.c.id == d.author_id).order_by(d.country, d.kind, d.key)
        if country:
            query = query.where(d.country == country)
        if states:
            query = query.where(d.state.in_(list(states)))
        if author_id is not None:
            query = query.where(d.author_id == author_id)
        return [dict(r) for r in conn.execute(query).mappings()]

    def insert_draft(self, conn: Connection, row: Mapping[str, Any]) -> int:
        result = conn.execute(insert(e.drafts).values(**row))
        return int(result.inserted_primary_key[0])  # type: ignore[index]

    def update_draft(self, conn: Connection, draft_id: int, expected: int | None,
                     **values: Any) -> bool:
        """Update a draft if it is still at version ``expected`` (None: whatever it is);
        False when someone else wrote it first."""
        d = e.drafts.c
        query = update(e.drafts).where(d.id == draft_id)
        if expected is not None:
            query = query.where(d.version == expected)
        return conn.execute(query.values(**values)).rowcount == 1

    def delete_draft(self, conn: Connection, draft_id: int) -> None:
        conn.execute(delete(e.drafts).where(e.drafts.c.id == draft_id))

    # -- revisions ----------------------------------------------------------------------------

    def insert_revision(self, conn: Connection, row: Mapping[str, Any]) -> int:
        result = conn.execute(insert(e.revisions).values(**row))
        return int(result.inserted_primary_key[0])  # type: ignore[index]

    def revisions(self, conn: Connection, *, country: str | None = None,
                  obj: tuple[str, Kind, str] | None = None, limit: int = 500
                  ) -> list[dict[str, Any]]:
        r = e.revisions.c
        query = select(e.revisions).order_by(r.id.desc()).limit(limit)
        if country:
            query = query.where(r.country == country)
        if obj is not None:
            query = query.where(and_(r.country == obj[0], r.kind == obj[1].value,
                                     r.key == obj[2]))
        return [dict(row) for row in conn.execute(query).mappings()]

    def revision(self, conn: Connection, revision_id: int) -> dict[str, Any] | None:
        row = conn.execute(select(e.revisions).where(e.revisions.c.id == revision_id)
                           ).mappings().first()
        return dict(row) if row else None

    # -- published content --------------------------------------------------------------------

    def published(self, conn: Connection, country: str, kind: Kind) -> dict[str, Payload]:
        """key -> payload of what profiles show now, for one kind of one country."""
        items: list[Payload]
        if kind in ob.CELL_KINDS:
            c = t.framework_cells.c
            rows = conn.execute(select(t.framework_cells).where(and_(
                c.country == country, c.framework == kind.value, c.origin == origin_of(country)))
                .order_by(c.row, c.direction, c.ord)).mappings()
            items = [ob.cell_payload(cv.cell_from(r)) for r in rows]
        elif kind is Kind.FOOTNOTE:
            f = t.footnotes.c
            rows = conn.execute(select(t.footnotes).where(and_(
                f.country == country, f.origin == origin_of(country))).order_by(f.number)
                ).mappings()
            items = [ob.footnote_payload(cv.footnote_from(r)) for r in rows]
        elif kind is Kind.INSTRUMENT:
            li = t.legal_instruments.c
            rows = conn.execute(select(t.legal_instruments).where(and_(
                li.country == country, li.origin == origin_of(country))).order_by(li.id)
                ).mappings()
            items = [ob.instrument_payload(cv.instrument_from(r)) for r in rows]
        elif kind is Kind.NARRATIVE:
            n = t.narratives.c
            rows = conn.execute(select(t.narratives).where(and_(
                n.country == country, n.origin == origin_of(country)))
                .order_by(n.section, n.ord, n.key)).mappings()
            items = [ob.narrative_payload(cv.narrative_from(r)) for r in rows]
        else:
            s = t.sources.c
            rows = conn.execute(select(t.sources).where(s.origin == origin_of(country))
                                .order_by(s.id)).mappings()
            items = [ob.source_payload(cv.source_from(r)) for r in rows]
        return {ob.object_key(kind, p): p for p in items}

    def all_source_ids(self, conn: Connection) -> set[str]:
        return set(conn.execute(select(t.sources.c.id)).scalars())

    def write_published(self, conn: Connection, country: str, kind: Kind, key: str,
                        payload: Payload | None) -> None:
        """Replace (or, for None, delete) one object in the content tables."""
        origin = origin_of(country)
        if kind in ob.CELL_KINDS:
            row, direction, order = key.split("/")
            c = t.framework_cells.c
            conn.execute(delete(t.framework_cells).where(and_(
                c.country == country, c.framework == kind.value, c.row == row,
                c.direction == direction, c.ord == int(order))))
            if payload is not None:
                conn.execute(insert(t.framework_cells).values(
                    **cv.cell_row(ob.to_cell(country, kind, payload), origin)))
        elif kind is Kind.FOOTNOTE:
            f = t.footnotes.c
            conn.execute(delete(t.footnotes).where(and_(f.country == country,
                                                        f.number == int(key))))
            if payload is not None:
                conn.execute(insert(t.footnotes).values(
                    **cv.footnote_row(ob.to_footnote(country, payload), origin)))
        elif kind is Kind.NARRATIVE:
            section, nkey = key.split("/", 1)
            n = t.narratives.c
            conn.execute(delete(t.narratives).where(and_(
                n.country == country, n.section == section, n.key == nkey)))
            if payload is not None:
                conn.execute(insert(t.narratives).values(
                    **cv.narrative_row(ob.to_narrative(country, payload), origin)))
        elif kind is Kind.INSTRUMENT and payload is not None:
            row_values = cv.instrument_row(ob.to_instrument(country, payload), origin)
            li = t.legal_instruments.c
            if conn.execute(update(t.legal_instruments).where(li.id == key)
                            .values(**row_values)).rowcount == 0:
                conn.execute(insert(t.legal_instruments).values(**row_values))
        elif kind is Kind.SOURCE and payload is not None:
            self.store.upsert_sources(conn, [ob.to_source(payload)], origin)
        self.store.bump_version(conn)
        if kind in ob.CELL_KINDS or kind is Kind.INSTRUMENT:
            refresh_search_index(conn)

    # -- whole-package reads (export) ---------------------------------------------------------

    def package_rows(self, conn: Connection, country: str) -> dict[str, Any]:
        """What a country package wrote that the editor does not edit: its description,
        areas, observations and table layouts."""
        origin = origin_of(country)
        package = conn.execute(select(t.packages).where(t.packages.c.country == country)
                               ).mappings().first()
        areas = [dict(r) for r in conn.execute(select(t.areas).where(t.areas.c.origin == origin)
                                               .order_by(t.areas.c.code)).mappings()]
        codes = [a["code"] for a in areas]
        gm = t.grouping_members.c
        members = [dict(r) for r in conn.execute(
            select(t.grouping_members).where(gm.grouping.in_(codes))).mappings()]
        o = t.observations.c
        observations = cv.observations_from(conn.execute(
            select(*t.observation_columns).where(o.origin == origin).order_by(o.id)).mappings())
        tl = t.table_layouts.c
        layouts = [dict(r) for r in conn.execute(select(t.table_layouts).where(
            tl.origin == origin).order_by(tl.table_id)).mappings()]
        return {"package": dict(package) if package else None, "areas": areas,
                "members": members, "observations": observations, "layouts": layouts}


def origin_of(country: str) -> str:
    """The origin of a country's curated content, whether a package or the editor wrote it
    (so that ``migprofile load`` of an exported package replaces exactly that content)."""
    return f"package:{country}"
