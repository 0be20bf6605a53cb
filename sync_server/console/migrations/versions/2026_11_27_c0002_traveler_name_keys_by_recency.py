"""Traveler name keys indexed with the latest crossing time: a name's most recent travelers by index.

The fuzzy search first looks for travelers whose loose surname or given-name key equals the
query's; with (key, last_occurred_at) the database reads a common name's most recent travelers
straight off the index (backwards) instead of every traveler of that name. Prefix ranges on
the key still use these indexes' leading column, index-only on PostgreSQL (INCLUDE columns).

Revision ID: c0002
Revises: c0001
Create Date: 2026-11-27 06:15:00
"""

from __future__ import annotations

from alembic import op

revision = "c0002"
down_revision = "c0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("ix_console_travelers_surname_key", table_name="console_travelers")
    op.drop_index("ix_console_travelers_given_key", table_name="console_travelers")
    # On PostgreSQL each also holds the other name key and the traveler key: the prefix tiers
    # of the search then read only the indexes (index-only scans), not the travelers' rows.
    op.create_index(
        "ix_console_travelers_surname_key_at",
        "console_travelers",
        ["surname_key", "last_occurred_at"],
        postgresql_include=["given_key", "traveler_key"],
    )
    op.create_index(
        "ix_console_travelers_given_key_at",
        "console_travelers",
        ["given_key", "last_occurred_at"],
        postgresql_include=["surname_key", "traveler_key"],
    )


def downgrade() -> None:
    op.drop_index("ix_console_travelers_given_key_at", table_name="console_travelers")
    op.drop_index("ix_console_travelers_surname_key_at", table_name="console_travelers")
    op.create_index("ix_console_travelers_given_key", "console_travelers", ["given_key"])
    op.create_index("ix_console_travelers_surname_key", "console_travelers", ["surname_key"])
