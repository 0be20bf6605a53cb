"""The core's Alembic environment (version table ``alembic_version``)."""
