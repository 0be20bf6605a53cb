"""Apply the store's Alembic migrations on open (batch mode; see migrations/env.py)."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine

from border_client.storage.errors import DatabaseDamaged

__all__ = ["head_revision", "alembic_config", "current_revision", "upgrade"]

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    if head is None:  # pragma: no cover - a packaging error
        raise RuntimeError(f"no migrations found in {MIGRATIONS_DIR}")
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the schema to ``revision``; refuses a database newer than this program."""
    current = current_revision(engine)
    if revision == "head" and current == head_revision():
        return
    script = ScriptDirectory.from_config(alembic_config())
    if current is not None and script.get_revision(current) is None:
        raise DatabaseDamaged(
            Path(str(engine.url.database)),
            f"schema revision {current!r} is newer than this program knows; update border-client",
        )
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
