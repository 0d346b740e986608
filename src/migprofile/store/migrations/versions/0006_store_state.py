"""store_state: the state of ``init`` (started / complete), so a half-done set-up is detected;
on PostgreSQL, the unaccent extension when available (accent-insensitive search)

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02 06:10:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "store_state",
        sa.Column("key", sa.String(40), primary_key=True),
        sa.Column("value", sa.String(40), nullable=False),
        sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False),
    )
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        try:
            with bind.begin_nested():
                bind.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA public")
        except sa.exc.SQLAlchemyError:
            pass  # not on this server, or not allowed: search stays accent-sensitive


def downgrade() -> None:
    op.drop_table("store_state")
