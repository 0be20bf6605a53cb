"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-27
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "audit_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("actor", sa.String(length=64), nullable=True),
        sa.Column("action", sa.String(length=64), nullable=False),
        sa.Column("subject", sa.String(length=64), nullable=True),
        sa.Column("details", sa.Text(), nullable=False),
        sa.Column("prev_hash", sa.String(length=64), nullable=False),
        sa.Column("hash", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_events")),
    )
    op.create_table(
        "outbox",
        sa.Column("seq", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("event_id", sa.String(length=36), nullable=False),
        sa.Column("event_type", sa.String(length=32), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("seq", name=op.f("pk_outbox")),
        sa.UniqueConstraint("event_id", name=op.f("uq_outbox_event_id")),
    )
    op.create_table(
        "post",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=16), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("timezone", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("id = 1", name=op.f("ck_post_single_row")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_post")),
    )
    op.create_table(
        "settings",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_settings")),
    )
    op.create_table(
        "stay_rules",
        sa.Column("nationality", sa.String(length=3), nullable=False),
        sa.Column("allowed_days", sa.Integer(), nullable=True),
        sa.Column("exempt", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("nationality", name=op.f("pk_stay_rules")),
    )
    op.create_table(
        "sync_state",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("device_id", sa.String(length=64), nullable=True),
        sa.Column("device_private_key", sa.LargeBinary(), nullable=True),
        sa.Column("server_public_key", sa.LargeBinary(), nullable=True),
        sa.Column("server_url", sa.String(length=500), nullable=True),
        sa.Column("acked_seq", sa.Integer(), nullable=False),
        sa.Column("last_sync_at", sa.DateTime(), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("last_error_at", sa.DateTime(), nullable=True),
        sa.Column("watchlist_version", sa.Integer(), nullable=True),
        sa.CheckConstraint("id = 1", name=op.f("ck_sync_state_single_row")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_state")),
    )
    op.create_table(
        "travelers",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("document_number", sa.String(length=40), nullable=False),
        sa.Column("number_key", sa.String(length=40), nullable=False),
        sa.Column("issuing_state", sa.String(length=3), nullable=False),
        sa.Column("birth_date_raw", sa.String(length=6), nullable=False),
        sa.Column("birth_date", sa.Date(), nullable=True),
        sa.Column("surname", sa.String(length=100), nullable=False),
        sa.Column("given_names", sa.String(length=200), nullable=False),
        sa.Column("name_key", sa.String(length=300), nullable=False),
        sa.Column("surname_initial", sa.String(length=1), nullable=False),
        sa.Column("nationality", sa.String(length=3), nullable=False),
        sa.Column("sex", sa.String(length=1), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("last_direction", sa.String(length=5), nullable=True),
        sa.Column("last_crossing_at", sa.DateTime(), nullable=True),
        sa.Column("last_crossing_id", sa.String(length=36), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_travelers")),
        sa.UniqueConstraint("number_key", "issuing_state", "birth_date_raw", name="document"),
    )
    with op.batch_alter_table("travelers", schema=None) as batch_op:
        batch_op.create_index("ix_travelers_birth_date", ["birth_date"], unique=False)
        batch_op.create_index("ix_travelers_inside", ["last_direction", "last_crossing_at"], unique=False)
        batch_op.create_index("ix_travelers_surname_initial", ["surname_initial"], unique=False)

    op.create_table(
        "users",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("full_name", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=16), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("disabled_at", sa.DateTime(), nullable=True),
        sa.Column("last_login_at", sa.DateTime(), nullable=True),
        sa.CheckConstraint("role IN ('inspector','supervisor','admin')", name=op.f("ck_users_role")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_users")),
        sa.UniqueConstraint("username", name=op.f("uq_users_username")),
    )
    op.create_table(
        "watchlist_entries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("entry_key", sa.String(length=64), nullable=False),
        sa.Column("list_kind", sa.String(length=8), nullable=False),
        sa.Column("document_number", sa.String(length=40), nullable=False),
        sa.Column("number_key", sa.String(length=40), nullable=False),
        sa.Column("issuing_state", sa.String(length=3), nullable=False),
        sa.Column("surname", sa.String(length=200), nullable=False),
        sa.Column("given_names", sa.String(length=300), nullable=False),
        sa.Column("birth_date", sa.String(length=10), nullable=False),
        sa.Column("nationality", sa.String(length=3), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("version_added", sa.Integer(), nullable=False),
        sa.CheckConstraint("list_kind IN ('document','person')", name=op.f("ck_watchlist_entries_list_kind")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_watchlist_entries")),
        sa.UniqueConstraint("entry_key", name=op.f("uq_watchlist_entries_entry_key")),
    )
    with op.batch_alter_table("watchlist_entries", schema=None) as batch_op:
        batch_op.create_index("ix_watchlist_entries_number_key", ["number_key"], unique=False)

    op.create_table(
        "watchlist_versions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("source", sa.String(length=8), nullable=False),
        sa.Column("server_version", sa.Integer(), nullable=True),
        sa.Column("applied_at", sa.DateTime(), nullable=False),
        sa.Column("entry_count", sa.Integer(), nullable=False),
        sa.Column("added", sa.Integer(), nullable=False),
        sa.Column("removed", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_watchlist_versions")),
    )
    op.create_table(
        "crossings",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("crossing_id", sa.String(length=36), nullable=False),
        sa.Column("post_code", sa.String(length=16), nullable=False),
        sa.Column("direction", sa.String(length=5), nullable=False),
        sa.Column("occurred_at", sa.DateTime(), nullable=False),
        sa.Column("local_tz", sa.String(length=64), nullable=False),
        sa.Column("inspector", sa.String(length=64), nullable=False),
        sa.Column("travel_mode", sa.String(length=4), nullable=False),
        sa.Column("vehicle_plate", sa.String(length=32), nullable=False),
        sa.Column("purpose", sa.String(length=64), nullable=False),
        sa.Column("origin_destination", sa.String(length=100), nullable=False),
        sa.Column("remarks", sa.Text(), nullable=False),
        sa.Column("traveler_id", sa.String(length=36), nullable=False),
        sa.Column("document_code", sa.String(length=2), nullable=False),
        sa.Column("issuing_state", sa.String(length=3), nullable=False),
        sa.Column("document_number", sa.String(length=40), nullable=False),
        sa.Column("nationality", sa.String(length=3), nullable=False),
        sa.Column("surname", sa.String(length=100), nullable=False),
        sa.Column("given_names", sa.String(length=200), nullable=False),
        sa.Column("birth_date", sa.String(length=10), nullable=True),
        sa.Column("sex", sa.String(length=1), nullable=False),
        sa.Column("expiry_date", sa.String(length=10), nullable=True),
        sa.Column("optional_data", sa.String(length=40), nullable=False),
        sa.Column("mrz_lines", sa.Text(), nullable=False),
        sa.Column("mrz_valid", sa.Boolean(), nullable=False),
        sa.Column("watchlist_version", sa.Integer(), nullable=True),
        sa.Column("days_stayed", sa.Integer(), nullable=True),
        sa.Column("overstay", sa.Boolean(), nullable=False),
        sa.Column("double_entry", sa.Boolean(), nullable=False),
        sa.Column("has_photo", sa.Boolean(), nullable=False),
        sa.CheckConstraint("direction IN ('entry','exit')", name=op.f("ck_crossings_direction")),
        sa.CheckConstraint("travel_mode IN ('land','sea','air')", name=op.f("ck_crossings_travel_mode")),
        sa.ForeignKeyConstraint(
            ["traveler_id"], ["travelers.id"], name=op.f("fk_crossings_traveler_id_travelers")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_crossings")),
        sa.UniqueConstraint("crossing_id", name=op.f("uq_crossings_crossing_id")),
    )
    with op.batch_alter_table("crossings", schema=None) as batch_op:
        batch_op.create_index("ix_crossings_direction", ["direction", "occurred_at"], unique=False)
        batch_op.create_index("ix_crossings_document_number", ["document_number"], unique=False)
        batch_op.create_index("ix_crossings_inspector", ["inspector", "occurred_at"], unique=False)
        batch_op.create_index("ix_crossings_nationality", ["nationality", "occurred_at"], unique=False)
        batch_op.create_index("ix_crossings_occurred_at", ["occurred_at", "id"], unique=False)
        batch_op.create_index("ix_crossings_surname", ["surname"], unique=False)
        batch_op.create_index("ix_crossings_traveler", ["traveler_id", "occurred_at"], unique=False)

    op.create_table(
        "alerts",
        sa.Column("alert_id", sa.String(length=36), nullable=False),
        sa.Column("crossing_id", sa.String(length=36), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("watchlist_entry_id", sa.String(length=64), nullable=False),
        sa.Column("score", sa.Float(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("raised_at", sa.DateTime(), nullable=False),
        sa.Column("late", sa.Boolean(), nullable=False),
        sa.Column("decision", sa.String(length=10), nullable=True),
        sa.Column("decided_by", sa.String(length=64), nullable=True),
        sa.Column("decided_at", sa.DateTime(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.CheckConstraint(
            "decision IS NULL OR decision IN ('allowed','refused','referred')",
            name=op.f("ck_alerts_decision"),
        ),
        sa.ForeignKeyConstraint(
            ["crossing_id"], ["crossings.crossing_id"], name=op.f("fk_alerts_crossing_id_crossings")
        ),
        sa.PrimaryKeyConstraint("alert_id", name=op.f("pk_alerts")),
        sa.UniqueConstraint("crossing_id", "watchlist_entry_id", name="hit"),
    )
    with op.batch_alter_table("alerts", schema=None) as batch_op:
        batch_op.create_index("ix_alerts_pending", ["decision", "raised_at"], unique=False)

    op.create_table(
        "amendments",
        sa.Column("amendment_id", sa.String(length=36), nullable=False),
        sa.Column("crossing_id", sa.String(length=36), nullable=False),
        sa.Column("changes", sa.Text(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("requested_by", sa.String(length=64), nullable=False),
        sa.Column("requested_at", sa.DateTime(), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("decided_by", sa.String(length=64), nullable=True),
        sa.Column("decided_at", sa.DateTime(), nullable=True),
        sa.CheckConstraint("status IN ('pending','approved','rejected')", name=op.f("ck_amendments_status")),
        sa.ForeignKeyConstraint(
            ["crossing_id"],
            ["crossings.crossing_id"],
            name=op.f("fk_amendments_crossing_id_crossings"),
        ),
        sa.PrimaryKeyConstraint("amendment_id", name=op.f("pk_amendments")),
    )
    with op.batch_alter_table("amendments", schema=None) as batch_op:
        batch_op.create_index("ix_amendments_crossing", ["crossing_id"], unique=False)
        batch_op.create_index("ix_amendments_status", ["status"], unique=False)

    op.create_table(
        "crossing_photos",
        sa.Column("crossing_id", sa.String(length=36), nullable=False),
        sa.Column("media_type", sa.String(length=32), nullable=False),
        sa.Column("data", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(
            ["crossing_id"],
            ["crossings.crossing_id"],
            name=op.f("fk_crossing_photos_crossing_id_crossings"),
        ),
        sa.PrimaryKeyConstraint("crossing_id", name=op.f("pk_crossing_photos")),
    )


def downgrade() -> None:
    op.drop_table("crossing_photos")
    with op.batch_alter_table("amendments", schema=None) as batch_op:
        batch_op.drop_index("ix_amendments_status")
        batch_op.drop_index("ix_amendments_crossing")

    op.drop_table("amendments")
    with op.batch_alter_table("alerts", schema=None) as batch_op:
        batch_op.drop_index("ix_alerts_pending")

    op.drop_table("alerts")
    with op.batch_alter_table("crossings", schema=None) as batch_op:
        batch_op.drop_index("ix_crossings_traveler")
        batch_op.drop_index("ix_crossings_surname")
        batch_op.drop_index("ix_crossings_occurred_at")
        batch_op.drop_index("ix_crossings_nationality")
        batch_op.drop_index("ix_crossings_inspector")
        batch_op.drop_index("ix_crossings_document_number")
        batch_op.drop_index("ix_crossings_direction")

    op.drop_table("crossings")
    op.drop_table("watchlist_versions")
    with op.batch_alter_table("watchlist_entries", schema=None) as batch_op:
        batch_op.drop_index("ix_watchlist_entries_number_key")

    op.drop_table("watchlist_entries")
    op.drop_table("users")
    with op.batch_alter_table("travelers", schema=None) as batch_op:
        batch_op.drop_index("ix_travelers_surname_initial")
        batch_op.drop_index("ix_travelers_inside")
        batch_op.drop_index("ix_travelers_birth_date")

    op.drop_table("travelers")
    op.drop_table("sync_state")
    op.drop_table("stay_rules")
    op.drop_table("settings")
    op.drop_table("post")
    op.drop_table("outbox")
    op.drop_table("audit_events")
