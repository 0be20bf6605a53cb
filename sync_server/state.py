"""What the app keeps for its lifetime: settings, engine, sessions, the write lock, ingest hooks."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field

from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from sync_server.config import Settings
from sync_server.services.ingest import IngestHook


@dataclass
class ServerState:
    settings: Settings
    engine: Engine
    sessions: sessionmaker[Session]
    # Hooks run inside each ingest transaction (the console keeps its summaries with them).
    ingest_hooks: list[IngestHook] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    # Admission of batches past their compressed body (see Settings.max_batches_in_progress).
    batch_slots: threading.BoundedSemaphore = field(init=False)

    def __post_init__(self) -> None:
        self.batch_slots = threading.BoundedSemaphore(max(1, self.settings.max_batches_in_progress))

    @contextlib.contextmanager
    def write(self) -> Iterator[None]:
        """Serialize writers on SQLite (one writer at a time anyway); PostgreSQL locks rows."""
        if self.engine.dialect.name == "sqlite":
            with self._lock:
                yield
        else:
            yield
