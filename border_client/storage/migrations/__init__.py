"""Alembic environment of the post's store (applied automatically when the store opens)."""
