"""Apply the store's Alembic migrations on open (batch mode; see migrations/env.py).

Opening an up-to-date store does not import Alembic at all: the schema revision is read with
one query and compared with ``HEAD_REVISION`` (a test keeps that constant equal to the head of
the migration scripts). Alembic is loaded only when there is something to migrate.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, text
from sqlalchemy.exc import OperationalError

from border_client.storage.errors import DatabaseDamaged

if TYPE_CHECKING:
    from alembic.config import Config

__all__ = ["HEAD_REVISION", "alembic_config", "current_revision", "head_revision", "upgrade"]

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
HEAD_REVISION = "0002"


def alembic_config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    if head is None:  # pragma: no cover - a packaging error
        raise RuntimeError(f"no migrations found in {MIGRATIONS_DIR}")
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        try:
            rows = conn.execute(text("SELECT version_num FROM alembic_version")).all()
        except OperationalError:  # no such table: an empty store
            return None
    return str(rows[0][0]) if rows else None


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the schema to ``revision``; refuses a database newer than this program."""
    current = current_revision(engine)
    if revision == "head" and current == HEAD_REVISION:
        return
    from alembic import command
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    if current is not None and current not in {s.revision for s in script.walk_revisions()}:
        raise DatabaseDamaged(
            Path(str(engine.url.database)),
            f"schema revision {current!r} is newer than this program knows; update border-client",
        )
    cfg = alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
