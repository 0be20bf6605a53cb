from __future__ import annotations

from datetime import UTC, datetime

import pytest

from border_client.services import outbox, registration, settings
from border_client.services.common import ServiceError, ValidationError

from .conftest import MakeDoc


def test_pending_ack_error_and_stats(store, inspector, make_doc: MakeDoc) -> None:
    for i in range(3):
        registration.register_crossing(store, inspector, make_doc(number=f"P{i}23456"), "entry")
    stats = outbox.queue_stats(store)
    assert (stats.last_seq, stats.acked_seq, stats.pending) == (3, 0, 3)
    assert stats.oldest_pending_at is not None
    assert [e.seq for e in outbox.pending(store)] == [1, 2, 3]
    assert [e.seq for e in outbox.pending(store, after_seq=1, limit=1)] == [2]
    outbox.record_error(store, "server unreachable")
    assert outbox.queue_stats(store).last_error == "server unreachable"
    at = datetime(2026, 11, 27, 3, 0, tzinfo=UTC)
    assert outbox.record_ack(store, 2, at) == 2
    stats = outbox.queue_stats(store)
    assert (stats.acked_seq, stats.pending, stats.last_error) == (2, 1, None)
    assert stats.last_sync_at == at
    assert [e.seq for e in outbox.pending(store)] == [3]
    assert outbox.record_ack(store, 1) == 2  # never backwards
    with pytest.raises(ServiceError, match="beyond the last event"):
        outbox.record_ack(store, 9)


def test_sync_state_fields(store) -> None:
    outbox.set_sync_state(
        store,
        device_id="dev-1",
        device_private_key=b"\x01" * 32,
        server_public_key=b"\x02" * 32,
        server_url="https://central.example",
    )
    state = outbox.get_sync_state(store)
    assert state["device_id"] == "dev-1" and state["device_private_key"] == b"\x01" * 32
    assert state["acked_seq"] == 0
    with pytest.raises(ValueError, match="unknown sync_state field"):
        outbox.set_sync_state(store, password="x")
    # The device's private key never appears in clear in the file.
    store.close()
    raw = (store.paths.data_dir / "post.db").read_bytes()
    assert b"central.example" not in raw


def test_no_personal_data_in_database_or_wal(store, inspector, make_doc: MakeDoc) -> None:
    registration.register_crossing(
        store,
        inspector,
        make_doc(surname="ZYXWVUTSR", number="QZ9876543"),
        "entry",
        remarks="CONFIDENTIALREMARK",
    )
    files = [p for p in store.paths.data_dir.iterdir() if p.name.startswith("post.db")]
    assert files
    for path in files:
        raw = path.read_bytes()
        for secret in (b"ZYXWVUTSR", b"QZ9876543", b"CONFIDENTIALREMARK"):
            assert secret not in raw, f"{secret!r} found in {path.name}"


def test_stay_rules_configuration(store, admin, inspector) -> None:
    from border_client.services.common import PermissionDenied

    policy = settings.set_stay_rules(
        store,
        admin,
        default_days=60,
        overrides={"USA": 180},
        exempt=["CAN"],
        caricom_exempt=False,
    )
    assert policy.allowed_days("FRA") == 60 and policy.allowed_days("USA") == 180
    assert policy.allowed_days("CAN") is None and policy.allowed_days("JAM") == 60
    assert policy.allowed_days("HTI") is None  # the post's own nationals
    with pytest.raises(ValidationError):
        settings.set_stay_rules(store, admin, overrides={"USA": 0})
    with pytest.raises(PermissionDenied):
        settings.set_stay_rules(store, inspector, default_days=30)
    assert settings.get_stay_policy(store).default_days == 60
