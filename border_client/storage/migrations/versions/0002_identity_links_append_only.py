"""identity links; append-only triggers on crossings, audit events and the outbox

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

# Rows that are evidence are never changed by the application; the triggers make a stray
# UPDATE/DELETE (a bug, or a hand edit through the application's key) fail loudly. Editing the
# file behind the application's back is what the audit hash chain detects.
APPEND_ONLY = ("crossings", "audit_events", "outbox")


def upgrade() -> None:
    op.create_table(
        "identity_links",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("traveler_id", sa.String(length=36), nullable=False),
        sa.Column("other_traveler_id", sa.String(length=36), nullable=False),
        sa.Column("confirmed_by", sa.String(length=64), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["other_traveler_id"],
            ["travelers.id"],
            name=op.f("fk_identity_links_other_traveler_id_travelers"),
        ),
        sa.ForeignKeyConstraint(
            ["traveler_id"], ["travelers.id"], name=op.f("fk_identity_links_traveler_id_travelers")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_identity_links")),
        sa.UniqueConstraint("traveler_id", "other_traveler_id", name="pair"),
    )
    with op.batch_alter_table("identity_links", schema=None) as batch_op:
        batch_op.create_index("ix_identity_links_other", ["other_traveler_id"], unique=False)
    for table in APPEND_ONLY:
        for verb in ("UPDATE", "DELETE"):
            op.execute(
                f"CREATE TRIGGER {table}_no_{verb.lower()} BEFORE {verb} ON {table} "
                f"BEGIN SELECT RAISE(ABORT, '{table} rows are append-only'); END"
            )


def downgrade() -> None:
    for table in APPEND_ONLY:
        for verb in ("UPDATE", "DELETE"):
            op.execute(f"DROP TRIGGER IF EXISTS {table}_no_{verb.lower()}")
    with op.batch_alter_table("identity_links", schema=None) as batch_op:
        batch_op.drop_index("ix_identity_links_other")
    op.drop_table("identity_links")
