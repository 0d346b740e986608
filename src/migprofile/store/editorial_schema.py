"""Tables of the editorial workflow (migration 0005): accounts, sessions, drafts,
revisions and the audit log.

Published content is not stored here: publication writes into the content tables of
``schema`` (framework cells, footnotes, instruments, narratives, sources), which is what
profiles, the API and ``build`` read. These tables hold what is not (yet) published and
the history of what was.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    Text,
    UniqueConstraint,
)

from migprofile.store.schema import metadata

users = Table(
    "users",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("username", String(80), nullable=False, unique=True),
    Column("display_name", Text, nullable=False),
    Column("password_hash", Text, nullable=False),
    Column("role", String(20), nullable=False),  # admin | reviewer | contributor
    Column("active", Boolean, nullable=False, default=True),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

user_countries = Table(
    "user_countries",
    metadata,
    Column("user_id", Integer, ForeignKey("users.id", ondelete="CASCADE"), primary_key=True),
    Column("country", String(40), primary_key=True),
)

sessions = Table(
    "sessions",
    metadata,
    Column("id", String(64), primary_key=True),  # sha256 of the cookie's token, never the token
    Column("user_id", Integer, ForeignKey("users.id", ondelete="CASCADE"), nullable=False),
    Column("csrf", String(64), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("expires_at", DateTime(timezone=True), nullable=False),
)

drafts = Table(
    "editorial_drafts",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("country", String(40), nullable=False),
    Column("kind", String(20), nullable=False),  # legal | socio_political | footnote | ...
    Column("key", String(200), nullable=False),
    Column("payload", JSON),  # None: the object is to be deleted
    Column("state", String(20), nullable=False),  # draft | submitted | returned
    Column("author_id", Integer, ForeignKey("users.id"), nullable=False),
    Column("comment", Text, nullable=False, default=""),  # the reviewer's, when returned
    Column("version", Integer, nullable=False),  # optimistic lock: +1 on every write
    Column("base_sha", String(64), nullable=False),  # published content it was written over
    Column("updated_at", DateTime(timezone=True), nullable=False),
    UniqueConstraint("country", "kind", "key", name="uq_draft_object"),
)

revisions = Table(
    "editorial_revisions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("country", String(40), nullable=False),
    Column("kind", String(20), nullable=False),
    Column("key", String(200), nullable=False),
    Column("payload", JSON),  # None: deleted by this revision
    Column("sha256", String(64), nullable=False),
    Column("author", Text, nullable=False),
    Column("reviewer", Text, nullable=False),
    Column("message", Text, nullable=False),
    Column("published_at", DateTime(timezone=True), nullable=False),
    Index("ix_revision_object", "country", "kind", "key"),
)

audit_log = Table(
    "audit_log",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("username", String(80), nullable=False),  # who; "-" for nobody known, "cli" for shell
    Column("action", String(30), nullable=False),
    Column("object", String(300), nullable=False),
    Column("before_sha", String(64), nullable=False),
    Column("after_sha", String(64), nullable=False),
    Column("detail", JSON, nullable=False),
    Column("client", String(80), nullable=False),  # IP address or "cli"
    Index("ix_audit_action_object_at", "action", "object", "at"),
    Index("ix_audit_client_at", "client", "at"),
)
