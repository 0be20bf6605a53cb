"""The store's WAL checkpoint thread (storage/checkpoint.py) on a real SQLite WAL database."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from border_client.storage.checkpoint import WalCheckpointer


class _FailsOnce:
    """The checkpoint thread's connection, whose first checkpoint fails as on a full disk."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.failed = False

    def execute(self, sql: str) -> Any:
        if "wal_checkpoint" in sql and not self.failed:
            self.failed = True
            raise sqlite3.OperationalError("database or disk is full")
        return self.conn.execute(sql)

    def close(self) -> None:
        self.conn.close()


def _wal_db(path: Path) -> sqlite3.Connection:
    writer = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    writer.execute("PRAGMA journal_mode = WAL")
    writer.execute("PRAGMA wal_autocheckpoint = 0")  # only the thread checkpoints here
    writer.execute("CREATE TABLE t (x TEXT)")
    return writer


def test_a_failed_checkpoint_is_reported_and_the_thread_goes_on(tmp_path: Path) -> None:
    db = tmp_path / "wal.db"
    writer = _wal_db(db)
    writer.execute("INSERT INTO t VALUES ('committed')")
    checkpointer = WalCheckpointer(
        lambda: _FailsOnce(sqlite3.connect(db, isolation_level=None, check_same_thread=False)),
        interval_s=0.05,
    )
    assert checkpointer.wait_for(1, timeout_s=60)  # a deadline for a loaded machine
    assert checkpointer.last_error is not None and "disk is full" in checkpointer.last_error
    assert checkpointer.alive
    # The WAL's frames are in the database file: a checkpoint now has nothing left to copy.
    busy, frames, copied = writer.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
    assert busy == 0 and frames == copied > 0
    checkpointer.stop()
    assert not checkpointer.alive
    writer.close()


def test_nothing_committed_means_no_second_checkpoint(tmp_path: Path) -> None:
    db = tmp_path / "wal.db"
    writer = _wal_db(db)
    checkpointer = WalCheckpointer(
        lambda: sqlite3.connect(db, isolation_level=None, check_same_thread=False), interval_s=0.05
    )
    assert checkpointer.wait_for(1, timeout_s=60)
    assert not checkpointer.wait_for(2, timeout_s=0.5)  # idle: data_version did not move
    writer.execute("INSERT INTO t VALUES ('one more')")
    assert checkpointer.wait_for(2, timeout_s=60)
    checkpointer.stop()
    writer.close()
