"""Alembic env: runs on the store's own (already keyed) connection, batch mode for SQLite."""

from __future__ import annotations

from alembic import context

from border_client.storage.models import Base

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only reachable by running alembic by hand
    raise SystemExit(
        "the store's migrations run when the store opens (border_client.storage.open_store); "
        "they need the data key, so they cannot run from the alembic command line"
    )

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
