"""Server settings: the database URL and the protocol's limits, from arguments or environment."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path


def default_db_url() -> str:
    """A SQLite file under the user's data directory: `sync-server serve` needs no set-up."""
    env = os.environ.get("SYNC_SERVER_DB_URL")
    if env:
        return env
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return f"sqlite:///{Path(base) / 'sync-server' / 'sync.db'}"


@dataclass(frozen=True)
class Settings:
    """What the server needs to run; every field has a working default."""

    db_url: str = field(default_factory=default_db_url)
    # A signed request whose timestamp is further than this from the server's clock is refused.
    clock_window_s: int = 300
    # Bounds of one upload: compressed body, decompressed body, events.
    max_body_bytes: int = 8 * 1024 * 1024
    max_inflated_bytes: int = 64 * 1024 * 1024
    max_batch_events: int = 5000
    # Batches inflated, parsed and checked at once (each post may have two in flight): parsed
    # batches are ~10 times their compressed size, so this bounds the server's memory however
    # many posts sync together; more than the cores gains nothing.
    max_batches_in_progress: int = 4
    token_ttl_hours: int = 72
    # Run the Alembic migrations on start (the embedded SQLite default relies on it).
    migrate_on_start: bool = True
    # Bulk COPY into a staging table on PostgreSQL once a batch has at least this many events.
    copy_threshold: int = 500
    extra: dict[str, str] = field(default_factory=dict)
