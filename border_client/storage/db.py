"""The encrypted store: a SQLCipher database opened with the data key from the key slots."""

from __future__ import annotations

import os
import shutil
import sqlite3
import threading
import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlcipher3
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session, sessionmaker

from border_client.storage.checkpoint import BACKSTOP_PAGES, WalCheckpointer
from border_client.storage.errors import (
    DatabaseDamaged,
    KeySlotsDamaged,
    StoreExists,
    StoreNotInitialized,
)
from border_client.storage.keyslots import KeySlots, new_data_key

__all__ = ["DB_NAME", "KEYSLOTS_NAME", "Store", "StorePaths", "key_opens"]

DB_NAME = "post.db"
KEYSLOTS_NAME = "keyslots.json"
THROTTLE_NAME = "login-failures.json"
BUSY_TIMEOUT_MS = 30_000
CACHE_KIB = 32 * 1024


@dataclass(frozen=True)
class StorePaths:
    data_dir: Path

    @property
    def db(self) -> Path:
        return self.data_dir / DB_NAME

    @property
    def keyslots(self) -> Path:
        return self.data_dir / KEYSLOTS_NAME

    @property
    def throttle(self) -> Path:
        return self.data_dir / THROTTLE_NAME

    def exists(self) -> bool:
        return self.keyslots.exists() or self.db.exists()


def _key_pragma(data_key: bytes) -> str:
    return f"PRAGMA key = \"x'{data_key.hex()}'\""


def _raw_connect(db_path: Path, data_key: bytes | None) -> Any:
    """Open one DB-API connection, keyed and configured; a wrong key or damage -> DatabaseDamaged."""
    module: Any = sqlcipher3 if data_key is not None else sqlite3
    conn = module.connect(
        str(db_path), check_same_thread=False, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000
    )
    try:
        if data_key is not None:
            # SQLCipher prints decryption failures to stderr; we report them ourselves.
            conn.execute("PRAGMA cipher_log_level = NONE")
            conn.execute(_key_pragma(data_key))
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        conn.execute("PRAGMA journal_mode = WAL").fetchone()
        conn.execute("PRAGMA synchronous = FULL")
        # Checkpoints run in the store's own thread (storage/checkpoint.py), not inside a
        # registration's commit; a writer still checkpoints if the WAL reaches this size.
        conn.execute(f"PRAGMA wal_autocheckpoint = {BACKSTOP_PAGES}")
        conn.execute("PRAGMA foreign_keys = ON")
        # Sorts and temporary indexes stay in memory, never in a plaintext temp file.
        conn.execute("PRAGMA temp_store = MEMORY")
        # 32 MiB of decrypted pages per connection: index pages of a million-row table stay hot
        # instead of being read and decrypted again on every lookup.
        conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    except module.DatabaseError as exc:
        conn.close()
        if "not a database" in str(exc) or "encrypted" in str(exc):
            raise DatabaseDamaged(
                db_path,
                "cannot be decrypted with the key from the key slots "
                "(the file is damaged, or belongs with another keyslots.json)",
            ) from None
        raise DatabaseDamaged(db_path, f"cannot be opened: {exc}") from None
    return conn


def key_opens(db_path: Path, data_key: bytes) -> bool:
    try:
        _raw_connect(db_path, data_key).close()
    except DatabaseDamaged:
        return False
    return True


def _make_engine(db_path: Path, data_key: bytes | None) -> Engine:
    module: Any = sqlcipher3 if data_key is not None else sqlite3
    engine = create_engine(
        f"sqlite:///{db_path}",
        module=module,
        creator=lambda: _raw_connect(db_path, data_key),
        pool_size=4,
        max_overflow=4,
        pool_pre_ping=False,
        # The connection used last is reused: its decrypted page cache is the warm one (a
        # connection's cache is dropped whenever another connection has written since).
        pool_use_lifo=True,
    )

    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        # Writers take the write lock up front: a deferred transaction that reads the last
        # outbox seq or audit hash and then writes could race another writer.
        immediate = conn.get_execution_options().get("immediate", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


class Store:
    """An open post store. ``read()`` and ``write()`` give sessions; services do the rest."""

    def __init__(self, data_dir: Path, data_key: bytes | None, *, migrate: bool = True) -> None:
        self.paths = StorePaths(Path(data_dir))
        self._data_key = data_key
        # Services keep derived, rebuildable data here (e.g. the in-memory watchlist index).
        self.cache: dict[str, Any] = {}
        self.engine = _make_engine(self.paths.db, data_key)
        self._reader = sessionmaker(self.engine, expire_on_commit=False)
        self._writer = sessionmaker(self.engine.execution_options(immediate=True), expire_on_commit=False)
        self._checkpointer: WalCheckpointer | None = None
        self._checkpointer_lock = threading.Lock()  # the GUI and its workers write from threads
        if migrate:
            from border_client.storage.migrate import upgrade

            upgrade(self.engine)

    @property
    def encrypted(self) -> bool:
        return self._data_key is not None

    @property
    def data_key(self) -> bytes:
        if self._data_key is None:
            raise RuntimeError("plain (unencrypted) store has no data key")
        return self._data_key

    # -- opening ----------------------------------------------------------------------------

    @classmethod
    def create(cls, data_dir: Path) -> tuple[Store, bytes]:
        """A new empty store in ``data_dir``; the caller adds the slots (see services.setup)."""
        paths = StorePaths(Path(data_dir))
        if paths.exists():
            if not paths.keyslots.exists():
                raise StoreExists(
                    f"{paths.data_dir} holds a database but no keyslots.json (an interrupted "
                    "init?); if it holds nothing you need, remove the folder and run init again"
                )
            raise StoreExists(f"{paths.data_dir} already holds a post store")
        paths.data_dir.mkdir(parents=True, exist_ok=True)
        # Encrypted or not, the post's files are nobody else's business on a shared laptop.
        paths.data_dir.chmod(0o700)
        data_key = new_data_key()
        return cls(paths.data_dir, data_key), data_key

    @classmethod
    def create_plain(cls, data_dir: Path) -> Store:
        """An unencrypted store with the same schema, only for the benchmark's baseline."""
        Path(data_dir).mkdir(parents=True, exist_ok=True)
        return cls(Path(data_dir), None)

    @staticmethod
    def load_keyslots(data_dir: Path) -> KeySlots:
        paths = StorePaths(Path(data_dir))
        if not paths.exists():
            raise StoreNotInitialized(
                f"no post store in {paths.data_dir} (run `border-client --data-dir "
                f"{paths.data_dir} init ...` first)"
            )
        if not paths.db.exists():
            raise DatabaseDamaged(paths.db, "the file is missing")
        if not paths.keyslots.exists():
            raise KeySlotsDamaged(
                paths.keyslots,
                "the file is missing: without it the database cannot be opened (restore it "
                "from the backup taken with the database)",
            )
        return KeySlots.load(paths.keyslots)

    @classmethod
    def open_with(cls, data_dir: Path, slots: KeySlots, data_key: bytes, next_key: bytes | None) -> Store:
        """Open with an unlocked key; finishes a rekey that a crash interrupted."""
        paths = StorePaths(Path(data_dir))
        slots.verify_mac(data_key, next_key)
        if next_key is not None:
            if key_opens(paths.db, next_key):
                slots.promote_next_key()
                slots.save(next_key)
                data_key = next_key
            else:
                slots.drop_next_key()
                slots.save(data_key)
        return cls(paths.data_dir, data_key)

    # -- sessions ---------------------------------------------------------------------------

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self._reader() as session:
            yield session

    @contextmanager
    def raw_read(self) -> Iterator[Any]:
        """A pooled DBAPI connection inside a read transaction (one consistent snapshot), for
        read paths where SQLAlchemy's per-statement work costs more than SQLite's (see
        storage/rawsql.py). Nothing can be written: the transaction is rolled back."""
        pooled = self.engine.raw_connection()
        try:
            db: Any = pooled.driver_connection
            db.execute("BEGIN")
            try:
                yield db
            finally:
                if db.in_transaction:
                    db.execute("ROLLBACK")
        finally:
            pooled.close()  # back to the pool

    @contextmanager
    def raw_write(self) -> Iterator[Any]:
        """A pooled DBAPI connection inside ``BEGIN IMMEDIATE ... COMMIT`` (fsynced:
        synchronous=FULL), for the registration's hot path; rolled back if the block raises."""
        self._start_checkpointer()
        pooled = self.engine.raw_connection()
        try:
            db: Any = pooled.driver_connection
            db.execute("BEGIN IMMEDIATE")
            try:
                yield db
            except BaseException:
                if db.in_transaction:
                    db.execute("ROLLBACK")
                raise
            db.execute("COMMIT")
        finally:
            pooled.close()  # back to the pool (which rolls back anything left open)

    @contextmanager
    def write(self) -> Iterator[Session]:
        """One write transaction (BEGIN IMMEDIATE ... COMMIT, fsynced: synchronous=FULL)."""
        self._start_checkpointer()
        with self._writer() as session:
            try:
                with session.begin():
                    yield session
            finally:
                # Per-transaction caches (audit head, last outbox seq) die with it.
                session.info.clear()

    @property
    def checkpointer(self) -> WalCheckpointer | None:
        """The WAL checkpoint thread, once something has been written through this store."""
        return self._checkpointer

    def _start_checkpointer(self) -> None:
        if self._checkpointer is not None:
            return
        with self._checkpointer_lock:
            if self._checkpointer is None:
                path, key = self.paths.db, self._data_key
                self._checkpointer = WalCheckpointer(lambda: _raw_connect(path, key))
                # A store dropped without close() does not leave its thread behind.
                weakref.finalize(self, self._checkpointer.stop)

    def _stop_checkpointer(self) -> None:
        with self._checkpointer_lock:
            checkpointer, self._checkpointer = self._checkpointer, None
        if checkpointer is not None:
            checkpointer.stop()

    def close(self) -> None:
        self._stop_checkpointer()
        # SQLite's advice: let it refresh the planner's statistics where they went stale, so
        # filtered queries over a growing table keep choosing the right index.
        try:
            with self.engine.connect() as conn:
                conn.exec_driver_sql("PRAGMA optimize")
        except Exception:  # noqa: BLE001 - closing must not fail over an optimisation
            pass
        self.engine.dispose()

    # -- maintenance ------------------------------------------------------------------------

    def integrity_check(self) -> list[str]:
        """``PRAGMA integrity_check`` (and ``cipher_integrity_check`` when encrypted); [] = fine."""
        conn = _raw_connect(self.paths.db, self._data_key)
        try:
            problems = [r[0] for r in conn.execute("PRAGMA integrity_check").fetchall()]
            problems = [p for p in problems if p != "ok"]
            if self._data_key is not None:
                problems += [r[0] for r in conn.execute("PRAGMA cipher_integrity_check").fetchall()]
        finally:
            conn.close()
        return problems

    def backup_to(self, dest_dir: Path) -> StorePaths:
        """A consistent, still-encrypted copy of the store (database + key slots) in
        ``dest_dir``, taken with SQLite's online backup while the store stays in use."""
        dest = StorePaths(Path(dest_dir))
        if dest.exists():
            raise StoreExists(f"{dest.data_dir} already holds a post store; choose an empty folder")
        dest.data_dir.mkdir(parents=True, exist_ok=True)
        dest.data_dir.chmod(0o700)
        tmp = dest.data_dir / (DB_NAME + ".partial")
        source = _raw_connect(self.paths.db, self._data_key)
        try:
            target = _raw_connect(tmp, self._data_key)
            try:
                source.backup(target)
                target.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
                target.execute("PRAGMA journal_mode = DELETE").fetchall()
            finally:
                target.close()
        finally:
            source.close()
        with open(tmp, "rb") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, dest.db)
        shutil.copyfile(self.paths.keyslots, dest.keyslots)
        os.chmod(dest.keyslots, 0o600)
        return dest

    def rekey(self, slots: KeySlots) -> bytes:
        """Re-encrypt the whole database under a new data key and seal it to every slot."""
        old_key = self.data_key
        new_key = new_data_key()
        slots.verify_mac(old_key)
        slots.stage_next_key(new_key)
        slots.save(old_key)  # both keys recorded before the database changes
        self._stop_checkpointer()  # its connection holds the old key
        self.engine.dispose()
        conn = _raw_connect(self.paths.db, old_key)
        try:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
            conn.execute(f"PRAGMA rekey = \"x'{new_key.hex()}'\"").fetchall()
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
        finally:
            conn.close()
        if not key_opens(self.paths.db, new_key):  # pragma: no cover - SQLCipher failure
            slots.drop_next_key()
            slots.save(old_key)
            raise DatabaseDamaged(self.paths.db, "rekey failed; the old key is still in use")
        slots.promote_next_key()
        slots.save(new_key)
        self._data_key = new_key
        self.engine = _make_engine(self.paths.db, new_key)
        self._reader = sessionmaker(self.engine, expire_on_commit=False)
        self._writer = sessionmaker(self.engine.execution_options(immediate=True), expire_on_commit=False)
        return new_key
