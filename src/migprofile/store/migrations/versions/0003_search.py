"""search: a full-text index over instrument titles and framework cell texts

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-29 13:00:00.000000
"""

from __future__ import annotations

from alembic import op

from migprofile.store.search import refresh_search_index

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "sqlite":
        op.execute("CREATE VIRTUAL TABLE search_index USING fts5(kind UNINDEXED, "
                   "country UNINDEXED, ref UNINDEXED, lang UNINDEXED, body, "
                   "tokenize = 'unicode61 remove_diacritics 2')")
    else:
        op.execute("CREATE TABLE search_index (id SERIAL PRIMARY KEY, kind VARCHAR(40) NOT NULL, "
                   "country VARCHAR(40) NOT NULL, ref VARCHAR(200) NOT NULL, "
                   "lang VARCHAR(8) NOT NULL, body TEXT NOT NULL)")
        op.execute("CREATE INDEX ix_search_index_body ON search_index "
                   "USING gin (to_tsvector('simple', body))")
    refresh_search_index(bind)


def downgrade() -> None:
    op.execute("DROP TABLE search_index")
