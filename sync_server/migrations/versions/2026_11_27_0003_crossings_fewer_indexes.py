"""crossings: drop the indexes no query reads (surname, document_number, traveler_key)

Every crossing is inserted into each index of ``crossings`` at ingest, and these three take
keys in random order (names, document numbers), which costs the most per insert. Nothing reads
them: the console searches travelers in its own ``console_travelers`` (with its own keys) and
reads a traveler's crossings through its ``ix_console_crossings_traveler_key_at``, of which
``traveler_key`` alone is a prefix.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-27 05:45:00
"""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("crossings", schema=None) as batch_op:
        batch_op.drop_index("ix_crossings_surname")
        batch_op.drop_index("ix_crossings_document_number")
        batch_op.drop_index("ix_crossings_traveler_key")


def downgrade() -> None:
    with op.batch_alter_table("crossings", schema=None) as batch_op:
        batch_op.create_index("ix_crossings_traveler_key", ["traveler_key"], unique=False)
        batch_op.create_index("ix_crossings_document_number", ["document_number"], unique=False)
        batch_op.create_index("ix_crossings_surname", ["surname"], unique=False)
