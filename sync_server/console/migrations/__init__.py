"""The console's Alembic environment (its own version table), run after the core migrations."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy.engine import Connection, Engine

VERSION_TABLE = "console_alembic_version"
_HERE = Path(__file__).resolve().parent


def alembic_config(url: str | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(_HERE))
    if url:
        cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


def upgrade(bind: Engine | Connection, revision: str = "head") -> None:
    """Bring the console's tables to ``revision`` on the database behind ``bind``."""
    cfg = alembic_config()
    if isinstance(bind, Engine):
        with bind.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, revision)
    else:
        cfg.attributes["connection"] = bind
        command.upgrade(cfg, revision)
