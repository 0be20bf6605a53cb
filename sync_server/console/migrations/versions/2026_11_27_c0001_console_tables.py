"""Console tables: users, sessions, log-in attempts, audit chain, summaries; read indexes.

Revision ID: c0001
Revises:
Create Date: 2026-11-27 01:17:55.876089
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "c0001"
down_revision = None
branch_labels = None
depends_on = None


def _ckey(length: int) -> sa.types.TypeEngine[str]:
    # Byte-order collation on PostgreSQL: prefix searches are b-tree ranges on these keys.
    return sa.String(length).with_variant(sa.String(length, collation="C"), "postgresql")


def upgrade() -> None:
    op.create_table(
        "console_audit",
        sa.Column(
            "id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("action", sa.String(length=64), nullable=False),
        sa.Column("target", sa.Text(), nullable=False),
        sa.Column("details", sa.Text(), nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_console_audit")),
    )
    op.create_table(
        "console_flow_daily",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("post_code", sa.String(length=16), nullable=False),
        sa.Column("direction", sa.String(length=8), nullable=False),
        sa.Column("crossings", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("day", "post_code", "direction", name=op.f("pk_console_flow_daily")),
    )
    op.create_table(
        "console_flow_dims",
        sa.Column("period", sa.String(length=1), nullable=False),
        sa.Column("dimension", sa.String(length=12), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("post_code", sa.String(length=16), nullable=False),
        sa.Column("direction", sa.String(length=8), nullable=False),
        sa.Column("value", sa.String(length=8), nullable=False),
        sa.Column("crossings", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint(
            "period",
            "dimension",
            "day",
            "post_code",
            "direction",
            "value",
            name=op.f("pk_console_flow_dims"),
        ),
    )
    op.create_table(
        "console_login_attempts",
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("last_failure_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("locked_until", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("username", name=op.f("pk_console_login_attempts")),
    )
    op.create_table(
        "console_post_daily",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("post_code", sa.String(length=16), nullable=False),
        sa.Column("events", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("day", "post_code", name=op.f("pk_console_post_daily")),
    )
    op.create_table(
        "console_travelers",
        sa.Column("traveler_key", sa.String(length=128), nullable=False),
        sa.Column("document_number", _ckey(32), nullable=False),
        sa.Column("issuing_state", sa.String(length=3), nullable=False),
        sa.Column("surname", sa.String(length=200), nullable=False),
        sa.Column("given_names", sa.String(length=200), nullable=False),
        sa.Column("surname_key", _ckey(200), nullable=False),
        sa.Column("given_key", _ckey(200), nullable=False),
        sa.Column("birth_date", sa.String(length=10), nullable=False),
        sa.Column("nationality", sa.String(length=3), nullable=False),
        sa.Column("sex", sa.String(length=1), nullable=False),
        sa.Column("crossings", sa.Integer(), nullable=False),
        sa.Column("last_direction", sa.String(length=8), nullable=False),
        sa.Column("last_occurred_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_post_code", sa.String(length=16), nullable=False),
        sa.Column("last_crossing_id", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("traveler_key", name=op.f("pk_console_travelers")),
    )
    op.create_index(
        "ix_console_travelers_direction_at",
        "console_travelers",
        ["last_direction", "last_occurred_at"],
    )
    op.create_index("ix_console_travelers_surname_key", "console_travelers", ["surname_key"])
    op.create_index("ix_console_travelers_given_key", "console_travelers", ["given_key"])
    op.create_index("ix_console_travelers_birth_date", "console_travelers", ["birth_date"])
    op.create_index("ix_console_travelers_document_number", "console_travelers", ["document_number"])
    op.create_table(
        "console_sessions",
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("csrf_token", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_seen_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("expires_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("client_ip", sa.String(length=64), nullable=True),
        sa.PrimaryKeyConstraint("token_hash", name=op.f("pk_console_sessions")),
    )
    with op.batch_alter_table("console_sessions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_console_sessions_user_id"), ["user_id"], unique=False)

    op.create_table(
        "console_users",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("password_hash", sa.String(length=255), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("language", sa.String(length=8), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("last_login_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_console_users")),
        sa.UniqueConstraint("username", name=op.f("uq_console_users_username")),
    )

    # Indexes on the core's query tables for the console's reads (timelines, matching,
    # quarantine); named console_* so they are visibly ours.
    op.create_index("ix_console_crossings_traveler_key_at", "crossings", ["traveler_key", "occurred_at"])
    op.create_index("ix_console_crossings_traveler_id", "crossings", ["traveler_id"])
    op.create_index(
        "ix_console_crossings_direction_at", "crossings", ["direction", "occurred_at", "crossing_id"]
    )
    op.create_index(
        "ix_console_events_quarantined",
        "events",
        ["id"],
        sqlite_where=sa.text("quarantine_reason IS NOT NULL"),
        postgresql_where=sa.text("quarantine_reason IS NOT NULL"),
    )
    op.create_index("ix_console_alerts_decision_raised", "alerts", ["decision", "raised_at"])


def downgrade() -> None:
    op.drop_index("ix_console_alerts_decision_raised", table_name="alerts")
    op.drop_index("ix_console_events_quarantined", table_name="events")
    op.drop_index("ix_console_crossings_direction_at", table_name="crossings")
    op.drop_index("ix_console_crossings_traveler_id", table_name="crossings")
    op.drop_index("ix_console_crossings_traveler_key_at", table_name="crossings")
    op.drop_table("console_users")
    with op.batch_alter_table("console_sessions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_console_sessions_user_id"))

    op.drop_table("console_sessions")
    op.drop_table("console_travelers")
    op.drop_table("console_post_daily")
    op.drop_table("console_login_attempts")
    op.drop_table("console_flow_dims")
    op.drop_table("console_flow_daily")
    op.drop_table("console_audit")
