"""legal: the shared treaties reference table; instruments know their treaty, content, link;
instrument ids are unique per country (two packages may cite the same convention)

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02 06:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "treaties",
        sa.Column("key", sa.String(length=80), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("framework", sa.String(length=20), nullable=False),
        sa.Column("row", sa.String(length=40), nullable=False),
        sa.Column("untc", sa.String(length=40), nullable=True),
        sa.Column("symbol", sa.String(length=40), nullable=True),
        sa.Column("adopted", sa.Date(), nullable=True),
        sa.Column("title", sa.JSON(), nullable=False),
        sa.Column("short_name", sa.JSON(), nullable=False),
        sa.Column("grammar", sa.JSON(), nullable=False),
        sa.Column("ord", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_treaties")),
    )
    with op.batch_alter_table("legal_instruments", recreate="always") as batch_op:
        batch_op.add_column(sa.Column("treaty", sa.String(length=80), nullable=True))
        batch_op.add_column(sa.Column("topics", sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column("url", sa.Text(), nullable=True))
        batch_op.drop_constraint("pk_legal_instruments", type_="primary")
        batch_op.create_primary_key("pk_legal_instruments", ["id", "country"])
        batch_op.create_index(batch_op.f("ix_legal_instruments_treaty"), ["treaty"],
                              unique=False)


def downgrade() -> None:
    with op.batch_alter_table("legal_instruments", recreate="always") as batch_op:
        batch_op.drop_index(batch_op.f("ix_legal_instruments_treaty"))
        batch_op.drop_constraint("pk_legal_instruments", type_="primary")
        batch_op.create_primary_key("pk_legal_instruments", ["id"])
        batch_op.drop_column("url")
        batch_op.drop_column("topics")
        batch_op.drop_column("treaty")
    op.drop_table("treaties")
