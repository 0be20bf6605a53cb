from __future__ import annotations

import json
from pathlib import Path

import pytest

from border_client.services import accounts, registration
from border_client.services.audit import list_audit, verify_audit
from border_client.services.common import PermissionDenied, Role, ValidationError
from border_client.storage import (
    AccountDisabled,
    DatabaseDamaged,
    KeySlotsDamaged,
    StoreExists,
    StoreNotInitialized,
    UnknownAccount,
    WrongPassword,
)

from .conftest import PASSWORD, MakeDoc


def test_open_store_logs_in_and_audits(post, tmp_path: Path) -> None:
    store, admin, _ = post
    data_dir = store.paths.data_dir
    store.close()
    reopened, user = accounts.open_store(data_dir, "chief", PASSWORD)
    assert user.role is Role.ADMIN
    assert list_audit(reopened, user, 1)[0]["action"] == "login"
    reopened.close()


def test_wrong_password_opens_nothing_and_is_audited_later(post) -> None:
    store, _, _ = post
    data_dir = store.paths.data_dir
    store.close()
    slots_before = (data_dir / "keyslots.json").read_bytes()
    db_before = (data_dir / "post.db").read_bytes()
    with pytest.raises(WrongPassword, match="wrong user name or password"):
        accounts.open_store(data_dir, "chief", "not-the-password", sleep=lambda s: None)
    with pytest.raises(UnknownAccount, match="wrong user name or password"):
        accounts.open_store(data_dir, "nobody", "whatever-pass", sleep=lambda s: None)
    assert (data_dir / "keyslots.json").read_bytes() == slots_before
    assert (data_dir / "post.db").read_bytes() == db_before
    store2, user = accounts.open_store(data_dir, "chief", PASSWORD)
    actions = [e["action"] for e in list_audit(store2, user, 5)]
    assert actions[:3] == ["login", "login.failed", "login.failed"]
    store2.close()


def test_repeated_failures_slow_down(post) -> None:
    store, _, _ = post
    waits: list[float] = []
    for _ in range(6):
        with pytest.raises(WrongPassword):
            accounts.login(store, "chief", "bad-password", sleep=waits.append)
    assert waits == [1.0, 2.0, 4.0]  # three free attempts, then doubling
    accounts.login(store, "chief", PASSWORD, sleep=waits.append)
    waits.clear()
    with pytest.raises(WrongPassword):
        accounts.login(store, "chief", "bad-password", sleep=waits.append)
    assert waits == []  # a success ends the streak


def test_init_twice_and_missing_store_are_clear_errors(post, tmp_path: Path) -> None:
    store, _, _ = post
    with pytest.raises(StoreExists):
        accounts.init_post(
            store.paths.data_dir,
            post_code="HTI-CAP",
            post_name="x",
            admin_username="chief",
            admin_password=PASSWORD,
        )
    with pytest.raises(StoreNotInitialized, match="init"):
        accounts.open_store(tmp_path / "empty", "chief", PASSWORD)


def test_init_validates_input(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="post code"):
        accounts.init_post(
            tmp_path / "a", post_code="CAP", post_name="x", admin_username="chief", admin_password=PASSWORD
        )
    with pytest.raises(ValidationError, match="at least 8"):
        accounts.init_post(
            tmp_path / "b", post_code="HTI-CAP", post_name="x", admin_username="chief", admin_password="short"
        )
    with pytest.raises(ValidationError, match="time zone"):
        accounts.init_post(
            tmp_path / "c",
            post_code="HTI-CAP",
            post_name="x",
            admin_username="chief",
            admin_password=PASSWORD,
            timezone="Mars/Base",
        )
    assert not (tmp_path / "b").exists()


def test_user_lifecycle(store, admin) -> None:
    accounts.add_user(store, admin, "ian", PASSWORD, "inspector")
    ian = accounts.login(store, "ian", PASSWORD)
    with pytest.raises(ValidationError, match="already exists"):
        accounts.add_user(store, admin, "ian", PASSWORD, "inspector")
    with pytest.raises(PermissionDenied):
        accounts.remove_user(store, ian, "chief")
    accounts.change_password(store, ian, "brand-new-pass", current_password=PASSWORD)
    with pytest.raises(WrongPassword):
        accounts.login(store, "ian", PASSWORD, sleep=lambda s: None)
    accounts.login(store, "ian", "brand-new-pass")
    accounts.remove_user(store, admin, "ian")
    with pytest.raises(UnknownAccount):
        accounts.login(store, "ian", "brand-new-pass", sleep=lambda s: None)
    slots = json.loads(store.paths.keyslots.read_text())
    assert sorted(s["name"] for s in slots["slots"]) == ["chief", "recovery"]
    with pytest.raises(ValidationError, match="your own account"):
        accounts.remove_user(store, admin, "chief")
    assert verify_audit(store).ok


def test_disabled_user_with_a_stale_slot_is_refused(store, admin) -> None:
    accounts.add_user(store, admin, "ian", PASSWORD, "inspector")
    from sqlalchemy import update

    from border_client.storage.models import User

    with store.write() as s:  # the account was disabled, but its slot somehow remained
        s.execute(update(User).where(User.username == "ian").values(active=False))
    with pytest.raises(AccountDisabled):
        accounts.login(store, "ian", PASSWORD)


def test_admin_resets_another_users_password(store, admin) -> None:
    accounts.add_user(store, admin, "ian", PASSWORD, "inspector")
    accounts.change_password(store, admin, "reset-by-admin", username="ian")
    accounts.login(store, "ian", "reset-by-admin")
    ian = accounts.login(store, "ian", "reset-by-admin")
    with pytest.raises(PermissionDenied):
        accounts.change_password(store, ian, "whatever-pass", username="chief")


def test_rekey_reencrypts_and_every_slot_still_opens(post, make_doc: MakeDoc) -> None:
    store, admin, recovery = post
    accounts.add_user(store, admin, "ian", PASSWORD, "inspector")
    registration.register_crossing(store, admin, make_doc(), "entry")
    old_key = store.data_key
    data_dir = store.paths.data_dir
    accounts.rekey(store, admin)
    assert store.data_key != old_key
    # The WAL checkpoint thread was restarted with the new key (the old one opens nothing now).
    checkpointer = store.checkpointer
    assert checkpointer is not None and checkpointer.wait_for(1, timeout_s=60)
    assert checkpointer.last_error is None
    assert store.integrity_check() == []
    store.close()
    from border_client.storage.db import key_opens

    assert not key_opens(data_dir / "post.db", old_key)
    for name in ("chief", "ian"):
        s, u = accounts.open_store(data_dir, name, PASSWORD)
        assert verify_audit(s).ok
        s.close()
    accounts.open_with_recovery(data_dir, recovery).close()


def test_interrupted_rekey_is_finished_on_next_open(post) -> None:
    """A crash after PRAGMA rekey but before the slots file was rewritten loses nothing."""
    from border_client.storage.keyslots import KeySlots, new_data_key

    store, admin, _ = post
    data_dir = store.paths.data_dir
    old = store.data_key
    new = new_data_key()
    slots = KeySlots.load(store.paths.keyslots)
    slots.stage_next_key(new)
    slots.save(old)
    store.engine.dispose()
    import sqlcipher3

    conn = sqlcipher3.connect(str(data_dir / "post.db"))
    conn.execute(f"PRAGMA key = \"x'{old.hex()}'\"")
    conn.execute(f"PRAGMA rekey = \"x'{new.hex()}'\"")
    conn.close()
    store.close()
    s, _ = accounts.open_store(data_dir, "chief", PASSWORD)
    assert s.data_key == new
    assert "next" not in json.dumps(json.loads(s.paths.keyslots.read_text())["slots"])
    s.close()


def test_recovery_key_resets_a_forgotten_password(post) -> None:
    store, _, recovery = post
    data_dir = store.paths.data_dir
    store.close()
    with pytest.raises(WrongPassword):
        accounts.open_with_recovery(data_dir, "AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA")
    s = accounts.open_with_recovery(data_dir, recovery)
    accounts.reset_password_with_recovery(s, "chief", "remembered-now")
    s.close()
    accounts.open_store(data_dir, "chief", "remembered-now")[0].close()


def test_damaged_files_name_the_file(post) -> None:
    store, _, _ = post
    data_dir = store.paths.data_dir
    store.close()
    slots = (data_dir / "keyslots.json").read_bytes()
    (data_dir / "keyslots.json").write_bytes(slots[: len(slots) // 2])
    with pytest.raises(KeySlotsDamaged, match="keyslots.json"):
        accounts.open_store(data_dir, "chief", PASSWORD)
    (data_dir / "keyslots.json").write_bytes(slots)
    db = bytearray((data_dir / "post.db").read_bytes())
    db[0:4096] = b"\x00" * 4096  # the first page (salt and schema) wiped
    (data_dir / "post.db").write_bytes(bytes(db))
    with pytest.raises(DatabaseDamaged, match="post.db"):
        accounts.open_store(data_dir, "chief", PASSWORD)


def test_every_role_boundary(store, admin, make_doc: MakeDoc) -> None:
    from border_client.services import alerts, amendments, audit, reporting, settings

    accounts.add_user(store, admin, "ian", PASSWORD, "inspector")
    ian = accounts.login(store, "ian", PASSWORD)
    refused = [
        lambda: accounts.add_user(store, ian, "x1", PASSWORD, "inspector"),
        lambda: accounts.rekey(store, ian),
        lambda: settings.set_stay_rules(store, ian, default_days=30),
        lambda: alerts.pending_alerts(store, ian),
        lambda: amendments.decide_amendment(store, ian, "x", True),
        lambda: audit.verify_audit(store, ian),
        lambda: reporting.dashboard(store, ian),
        lambda: accounts.list_users(store, ian),
    ]
    for call in refused:
        with pytest.raises(PermissionDenied):
            call()
    registration.register_crossing(store, ian, make_doc(), "entry")  # allowed


def test_slot_swapped_behind_the_apps_back_is_refused_at_login(store, admin) -> None:
    """Someone with file access adds a slot they know the password of: log-in refuses it."""
    from border_client.storage.keyslots import KeySlots

    slots = json.loads(store.paths.keyslots.read_text())
    rogue = KeySlots(store.paths.keyslots, [])
    rogue.put_slot("mallory", b"mallory-password", store.data_key)
    slots["slots"].append(rogue.slots[0].to_json())
    store.paths.keyslots.write_text(json.dumps(slots))
    with pytest.raises(KeySlotsDamaged, match="changed outside the application"):
        accounts.login(store, "mallory", "mallory-password")


def test_backup_is_encrypted_and_opens_with_the_same_passwords(post, make_doc, tmp_path) -> None:
    store, admin, _ = post
    registration.register_crossing(store, admin, make_doc(surname="BACKUPNAME"), "entry")
    dest = accounts.backup(store, admin, tmp_path / "usb" / "post-backup")
    raw = (dest / "post.db").read_bytes()
    assert b"BACKUPNAME" not in raw and not raw.startswith(b"SQLite format 3")
    copy, user = accounts.open_store(dest, "chief", PASSWORD)
    from border_client.services import reporting

    assert reporting.count_records(copy, user) == 1
    assert verify_audit(copy).ok
    copy.close()
    with pytest.raises(StoreExists):
        accounts.backup(store, admin, dest)


def test_one_users_success_does_not_reset_anothers_slow_down(store, admin) -> None:
    from border_client.services.audit import list_audit

    accounts.add_user(store, admin, "ian", PASSWORD, "inspector")
    waits: list[float] = []
    for _ in range(4):
        with pytest.raises(WrongPassword):
            accounts.login(store, "chief", "guess-guess", sleep=waits.append)
    accounts.login(store, "ian", PASSWORD, sleep=waits.append)
    with pytest.raises(WrongPassword):
        accounts.login(store, "chief", "guess-again", sleep=waits.append)
    assert waits == [1.0, 2.0]  # still slowed after ian's log-in
    failed = [e for e in list_audit(store, admin, 50) if e["action"] == "login.failed"]
    assert len(failed) == 5  # each failure audited once, not again at the next log-in
