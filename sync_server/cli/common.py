"""Helpers for the CLI modules: open the database (migrated), print errors in plain words."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator

from sqlalchemy.orm import Session

from sync_server.db import make_engine, make_sessionmaker, migrate


@contextlib.contextmanager
def open_session(db_url: str) -> Iterator[Session]:
    engine = make_engine(db_url)
    try:
        migrate(engine)
        with make_sessionmaker(engine)() as session:
            yield session
    finally:
        engine.dispose()


def fail(message: str, status: int = 1) -> int:
    print(f"sync-server: {message}", file=sys.stderr)
    return status
