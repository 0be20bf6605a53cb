from __future__ import annotations

import shutil
import sqlite3
import time
from pathlib import Path

import pytest
import sqlcipher3
from sqlalchemy import text
from sqlalchemy.exc import DatabaseError as SADatabaseError

from border_client.storage import DatabaseDamaged, Store, StoreExists
from border_client.storage.checkpoint import BACKSTOP_PAGES
from border_client.storage.db import _raw_connect
from border_client.storage.keyslots import new_data_key
from border_client.storage.migrate import current_revision, head_revision, upgrade


def test_file_is_unreadable_without_the_key(tmp_path: Path) -> None:
    store, _ = Store.create(tmp_path)
    with store.write() as s:
        s.execute(text("INSERT INTO settings(key, value) VALUES ('probe', 'JEAN-BAPTISTE DUVALIER')"))
    store.close()
    raw = (tmp_path / "post.db").read_bytes()
    assert b"DUVALIER" not in raw and b"SQLite format 3" not in raw
    conn = sqlite3.connect(tmp_path / "post.db")
    with pytest.raises(sqlite3.DatabaseError, match="file is not a database"):
        conn.execute("SELECT * FROM sqlite_master").fetchall()
    conn.close()


def test_wal_full_sync_and_foreign_keys(tmp_path: Path) -> None:
    store, _ = Store.create(tmp_path)
    with store.read() as s:
        assert s.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert s.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
        assert s.execute(text("PRAGMA foreign_keys")).scalar() == 1
    assert store.integrity_check() == []


def test_wrong_key_gives_a_clear_error_naming_the_file(tmp_path: Path) -> None:
    store, _ = Store.create(tmp_path)
    store.close()
    with pytest.raises(DatabaseDamaged, match="cannot be decrypted") as info:
        Store(tmp_path, new_data_key())
    assert str(tmp_path / "post.db") in str(info.value)


def test_garbage_database_is_reported(tmp_path: Path) -> None:
    (tmp_path / "post.db").write_bytes(b"\x00" * 10000)
    with pytest.raises(DatabaseDamaged):
        Store(tmp_path, new_data_key())


def test_init_refuses_an_existing_store(tmp_path: Path) -> None:
    Store.create(tmp_path)[0].close()
    with pytest.raises(StoreExists):
        Store.create(tmp_path)


def test_crossings_and_audit_are_append_only(tmp_path: Path) -> None:
    store, _ = Store.create(tmp_path)
    with store.write() as s:
        s.execute(
            text(
                "INSERT INTO audit_events(at, actor, action, subject, details, prev_hash, hash) "
                "VALUES ('2026-01-01 00:00:00.000000', 'a', 'x', NULL, '{}', '0', '1')"
            )
        )
    for stmt in ("UPDATE audit_events SET action = 'y'", "DELETE FROM audit_events"):
        with pytest.raises(SADatabaseError, match="append-only"), store.write() as s:
            s.execute(text(stmt))


def test_migrates_from_the_previous_schema(tmp_path: Path) -> None:
    key = new_data_key()
    store = Store(tmp_path, key, migrate=False)
    upgrade(store.engine, "0001")
    assert current_revision(store.engine) == "0001"
    with store.write() as s:
        s.execute(text("INSERT INTO settings(key, value) VALUES ('kept', '1')"))
        tables = {r[0] for r in s.execute(text("SELECT name FROM sqlite_master"))}
        assert "identity_links" not in tables
    store.close()
    reopened = Store(tmp_path, key)  # applies the rest on open
    assert current_revision(reopened.engine) == head_revision()
    with reopened.read() as s:
        assert s.execute(text("SELECT value FROM settings WHERE key='kept'")).scalar() == "1"
        tables = {r[0] for r in s.execute(text("SELECT name FROM sqlite_master"))}
        assert {"identity_links", "crossings_no_update"} <= tables


def test_migrations_from_empty_match_the_models(tmp_path: Path) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from border_client.storage.models import Base

    store, _ = Store.create(tmp_path)
    with store.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert diff == []


def test_head_constant_matches_the_migration_scripts() -> None:
    from border_client.storage.migrate import HEAD_REVISION

    assert head_revision() == HEAD_REVISION


def test_database_from_a_newer_program_is_refused(tmp_path: Path) -> None:
    store, key = Store.create(tmp_path)
    with store.write() as s:
        s.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    store.close()
    with pytest.raises(DatabaseDamaged, match="newer than this program"):
        Store(tmp_path, key)


def test_missing_keyslots_file_is_named(tmp_path: Path) -> None:
    from border_client.storage import KeySlotsDamaged

    Store.create(tmp_path)[0].close()  # a database whose init never wrote the slots
    with pytest.raises(KeySlotsDamaged, match="keyslots.json.*missing"):
        Store.load_keyslots(tmp_path)
    with pytest.raises(StoreExists, match="interrupted init"):
        Store.create(tmp_path)


def _in_database_file(db: Path, key: bytes, copy_dir: Path) -> str | None:
    """The probe setting as the database file alone holds it (a copy without its WAL), or None
    while it is only in the WAL (or the copy caught a page being written)."""
    shutil.rmtree(copy_dir, ignore_errors=True)
    copy_dir.mkdir()
    shutil.copyfile(db, copy_dir / "post.db")
    try:
        conn = _raw_connect(copy_dir / "post.db", key)
    except DatabaseDamaged:
        return None
    try:
        row = conn.execute("SELECT value FROM settings WHERE key = 'probe'").fetchone()
    except sqlcipher3.DatabaseError:
        return None
    finally:
        conn.close()
    return None if row is None else str(row[0])


def test_commits_reach_the_database_file_by_the_checkpoint_thread(tmp_path: Path) -> None:
    """No writer's commit checkpoints a small WAL (the backstop is 10,000 pages); the store's
    own thread copies the commit into the database file while the store stays open."""
    store, key = Store.create(tmp_path / "post")
    with store.write() as s:
        s.execute(text("INSERT INTO settings(key, value) VALUES ('probe', 'in the file')"))
        assert s.execute(text("PRAGMA wal_autocheckpoint")).scalar() == BACKSTOP_PAGES
    checkpointer = store.checkpointer
    assert checkpointer is not None and checkpointer.alive
    deadline = time.monotonic() + 60  # a deadline for a loaded machine, not a measurement
    found = None
    while found is None and time.monotonic() < deadline:
        checkpointer.wait_for(checkpointer.checkpoints + 1, timeout_s=5)
        found = _in_database_file(store.paths.db, key, tmp_path / "copy")
    assert found == "in the file"
    assert checkpointer.last_error is None
    store.close()
    assert not checkpointer.alive and store.checkpointer is None


def test_a_store_that_only_reads_starts_no_checkpoint_thread(tmp_path: Path) -> None:
    store, key = Store.create(tmp_path)
    store.close()
    reader = Store(tmp_path, key)
    with reader.read() as s:
        s.execute(text("SELECT count(*) FROM crossings")).scalar()
    assert reader.checkpointer is None
    reader.close()
