"""Copying the write-ahead log into the database off the writers' path.

SQLite's automatic checkpoint runs inside the commit that takes the WAL past its threshold
(1,000 pages by default): about one registration in fifty waited for it, with an fsync of the
database file, and those were the slowest registrations (measured on the benchmark's store, 450
registrations: p99 13-14 ms and the worst 180-270 ms with it; 5-6 ms and 9-10 ms with this
thread, the median unchanged). Here each open store has a thread with a
connection of its own that runs a PASSIVE checkpoint about once a second when something was
committed since its last one. A passive checkpoint never blocks a reader or a writer and copies
only frames that are already durable in the WAL: every commit is still fsynced
(``synchronous=FULL``) before it returns, so what a crash can lose does not change. The writers'
own automatic checkpoint stays, at a higher threshold (``BACKSTOP_PAGES``), for when this thread
cannot keep up or has died.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

__all__ = ["BACKSTOP_PAGES", "WalCheckpointer"]

# The writers' automatic checkpoint threshold (pages of 4 KiB: 40 MiB of WAL), a backstop only.
BACKSTOP_PAGES = 10_000
INTERVAL_S = 1.0


class WalCheckpointer:
    """A daemon thread running ``PRAGMA wal_checkpoint(PASSIVE)`` after commits.

    ``connect`` opens the thread's own keyed connection (in the thread). ``stop()`` ends it; the
    last connection to close checkpoints whatever is left, as SQLite always does.
    """

    def __init__(self, connect: Callable[[], Any], interval_s: float = INTERVAL_S) -> None:
        self._connect = connect
        self._interval = interval_s
        self._stop = threading.Event()
        self._ran = threading.Condition()
        self.checkpoints = 0  # checkpoints run so far
        self.last_error: str | None = None  # the last failure (the thread goes on after one)
        self._thread = threading.Thread(target=self._run, name="wal-checkpoint", daemon=True)
        self._thread.start()

    @property
    def alive(self) -> bool:
        return self._thread.is_alive()

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not threading.current_thread():
            self._thread.join()

    def wait_for(self, checkpoints: int, timeout_s: float) -> bool:
        """Block until at least ``checkpoints`` have run (or the timeout); for tests and tools."""
        with self._ran:
            return self._ran.wait_for(
                lambda: self.checkpoints >= checkpoints or not self.alive, timeout_s
            ) and self.checkpoints >= checkpoints

    def _run(self) -> None:
        try:
            conn = self._connect()
        except Exception as exc:  # noqa: BLE001 - the writers' backstop still checkpoints
            self.last_error = f"cannot open the checkpoint connection: {exc}"
            return
        try:
            seen = None
            while not self._stop.wait(self._interval):
                try:
                    # data_version changes when another connection (of any process) committed.
                    version = conn.execute("PRAGMA data_version").fetchone()[0]
                    if version == seen:
                        continue
                    conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
                except Exception as exc:  # noqa: BLE001 - e.g. a full disk: the writers report it
                    # Tried again next time: a dead thread would leave checkpoints to the
                    # backstop, ten times larger, inside some registration's commit.
                    self.last_error = f"checkpoint failed: {exc}"
                    continue
                seen = version
                with self._ran:
                    self.checkpoints += 1
                    self._ran.notify_all()
        finally:
            conn.close()
            with self._ran:
                self._ran.notify_all()
