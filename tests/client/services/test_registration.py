from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from border_client.domain.mrz import parse_mrz
from border_client.services import outbox, registration
from border_client.services.audit import verify_audit
from border_client.services.common import PermissionDenied, ValidationError
from border_client.storage import Store
from border_client.storage.models import Crossing, OutboxEvent, Traveler

from .conftest import MakeDoc


def test_entry_is_stored_with_outbox_event_and_audit(store, inspector, make_doc: MakeDoc) -> None:
    doc = make_doc()
    result = registration.register_crossing(
        store, inspector, doc, "entry", purpose="tourism", vehicle_plate="ab 123"
    )
    c = result.crossing
    assert c.direction == "entry" and c.inspector == "ian" and c.post_code == "HTI-CAP"
    assert c.vehicle_plate == "AB 123" and c.local_tz == "America/Port-au-Prince"
    assert c.status == "cleared" and result.alerts == []
    events = outbox.pending(store, 0)
    assert [e.event_type for e in events] == ["crossing.registered"]
    payload = events[0].payload
    assert payload["crossing_id"] == c.crossing_id
    assert payload["document"]["document_number"] == "AB1234567"
    assert payload["document"]["mrz_lines"] == list(doc.lines)
    assert set(payload) >= {
        "crossing_id",
        "post_code",
        "direction",
        "occurred_at",
        "local_tz",
        "inspector",
        "travel_mode",
        "vehicle_plate",
        "purpose",
        "origin_destination",
        "remarks",
        "traveler_id",
        "document",
        "watchlist_version",
        "days_stayed",
        "overstay",
        "has_photo",
    }
    assert verify_audit(store).ok


def test_exit_computes_days_stayed_and_overstay(store, inspector, make_doc: MakeDoc) -> None:
    doc = make_doc(nationality="FRA")
    t0 = datetime(2026, 1, 1, 15, 0, tzinfo=UTC)
    registration.register_crossing(store, inspector, doc, "entry", occurred_at=t0)
    short = registration.register_crossing(store, inspector, doc, "exit", occurred_at=t0 + timedelta(days=9))
    assert short.crossing.days_stayed == 10 and not short.crossing.overstay
    registration.register_crossing(store, inspector, doc, "entry", occurred_at=t0 + timedelta(days=20))
    late = registration.register_crossing(
        store, inspector, doc, "exit", occurred_at=t0 + timedelta(days=20 + 100)
    )
    assert late.crossing.days_stayed == 101 and late.crossing.overstay
    assert late.allowed_days == 90
    assert any("overstay" in w for w in late.warnings)


def test_caricom_and_own_nationals_are_exempt(store, inspector, make_doc: MakeDoc) -> None:
    t0 = datetime(2026, 1, 1, 15, 0, tzinfo=UTC)
    for state in ("JAM", "HTI"):
        doc = make_doc(state=state, number=f"{state}12345")
        registration.register_crossing(store, inspector, doc, "entry", occurred_at=t0)
        r = registration.register_crossing(
            store, inspector, doc, "exit", occurred_at=t0 + timedelta(days=200)
        )
        assert r.crossing.days_stayed == 201 and not r.crossing.overstay
        assert r.allowed_days is None


def test_two_entries_without_exit_are_flagged(store, inspector, make_doc: MakeDoc) -> None:
    doc = make_doc()
    registration.register_crossing(store, inspector, doc, "entry")
    second = registration.register_crossing(store, inspector, doc, "entry")
    assert second.crossing.double_entry
    assert any("without a recorded exit" in w for w in second.warnings)


def test_traveler_is_linked_by_document_with_ocr_folding(store, inspector, make_doc: MakeDoc) -> None:
    registration.register_crossing(store, inspector, make_doc(number="AB1234567"), "entry")
    check = registration.check_traveler(store, inspector, make_doc(number="AB1234567"))
    assert check.suggested_direction == "exit" and len(check.history) == 1
    # Same number but another birth date: another traveler.
    registration.register_crossing(store, inspector, make_doc(birth="900101"), "entry")
    with store.read() as s:
        assert s.execute(select(func.count()).select_from(Traveler)).scalar() == 2


def test_invalid_mrz_is_refused_unless_explicit(store, inspector, make_doc: MakeDoc) -> None:
    lines = list(make_doc().lines)
    bad = lines[1][:9] + ("0" if lines[1][9] != "0" else "1") + lines[1][10:]
    doc = parse_mrz([lines[0], bad])
    assert not doc.valid
    with pytest.raises(ValidationError, match="check digit"):
        registration.register_crossing(store, inspector, doc, "entry")
    r = registration.register_crossing(store, inspector, doc, "entry", allow_invalid=True)
    assert r.crossing.mrz_valid is False


def test_bad_direction_and_mode_name_the_field(store, inspector, make_doc: MakeDoc) -> None:
    with pytest.raises(ValidationError, match="direction"):
        registration.register_crossing(store, inspector, make_doc(), "sideways")
    with pytest.raises(ValidationError, match="travel mode"):
        registration.register_crossing(store, inspector, make_doc(), "entry", travel_mode="rail")


def test_crossings_cannot_be_changed(store, inspector, make_doc: MakeDoc) -> None:
    from sqlalchemy.exc import DatabaseError

    registration.register_crossing(store, inspector, make_doc(), "entry")
    with pytest.raises(DatabaseError, match="append-only"), store.write() as s:
        c = s.scalars(select(Crossing)).one()
        c.remarks = "edited"
        s.flush()


def test_photo_is_stored(store, inspector, make_doc: MakeDoc) -> None:
    r = registration.register_crossing(store, inspector, make_doc(), "entry", photo=b"\xff\xd8jpeg")
    assert r.crossing.has_photo
    assert registration.get_photo(store, inspector, r.crossing.crossing_id) == b"\xff\xd8jpeg"


def test_seq_is_gap_free_across_event_types(store, supervisor, make_doc: MakeDoc) -> None:
    for i in range(5):
        registration.register_crossing(store, supervisor, make_doc(number=f"X{i}2345"), "entry")
    with store.read() as s:
        seqs = s.scalars(select(OutboxEvent.seq).order_by(OutboxEvent.seq)).all()
        assert seqs == list(range(1, len(seqs) + 1))
        payloads = [json.loads(p) for p in s.scalars(select(OutboxEvent.payload))]
    assert len(payloads) == 5


def test_admin_only_roles_are_refused(store, inspector) -> None:
    from border_client.services import accounts

    with pytest.raises(PermissionDenied, match="needs the admin role"):
        accounts.add_user(store, inspector, "eve", "password123", "admin")


def test_expired_document_and_minor_are_warned_before_and_at_save(
    store, inspector, make_doc: MakeDoc
) -> None:
    from datetime import date, timedelta

    expired = (date.today() - timedelta(days=40)).strftime("%y%m%d")
    child_birth = (date.today() - timedelta(days=365 * 10)).strftime("%y%m%d")
    doc = make_doc(number="KID000001", birth=child_birth, expiry=expired)
    check = registration.check_traveler(store, inspector, doc)
    assert any(w.startswith("the document expired on") for w in check.warnings)
    assert any(w.startswith("a minor:") for w in check.warnings)
    saved = registration.register_crossing(store, inspector, doc, "entry")
    assert any(w.startswith("a minor:") for w in saved.warnings)
    adult = registration.check_traveler(store, inspector, make_doc(number="ADULT0001"))
    assert not any(w.startswith(("the document expired", "a minor")) for w in adult.warnings)


def test_a_registration_is_one_read_and_four_writes_in_one_transaction(
    store, inspector, make_doc: MakeDoc
) -> None:
    """What SQLite runs for a returning traveler without a watchlist hit (the hot path)."""
    from sqlalchemy import event

    statements: list[str] = []

    @event.listens_for(store.engine, "connect")
    def trace(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
        dbapi_connection.set_trace_callback(lambda sql: statements.append(sql.split(None, 3)))

    store.engine.dispose()  # new connections, traced
    registration.register_crossing(store, inspector, make_doc(), "entry")
    statements.clear()
    result = registration.register_crossing(store, inspector, make_doc(), "exit")
    kinds = [" ".join(words[:3]) if words[0] == "INSERT" else " ".join(words[:2]) for words in statements]
    assert kinds == [
        "BEGIN IMMEDIATE",
        "SELECT (SELECT",
        "INSERT INTO crossings",
        "UPDATE travelers",
        "INSERT INTO outbox",
        "INSERT INTO audit_events",
        "COMMIT",
    ]
    assert result.crossing.days_stayed == 1
    assert verify_audit(store).ok
    assert [e.seq for e in outbox.pending(store, 0)] == [1, 2]


def test_a_hit_found_on_the_fast_path_is_registered_once_with_its_alert(
    store, inspector, supervisor, make_doc: MakeDoc
) -> None:
    """A registration that finds a watchlist hit leaves its bare transaction empty and is
    registered on the services' session: one crossing, its alert, gap-free events, whole chain."""
    from border_client.services import watchlist

    watchlist.import_watchlist_csv(
        store,
        supervisor,
        "list,document_number,issuing_state,surname,given_names,birth_date,nationality,reason\n"
        "document,HIT000001,FRA,,,,,stolen\n",
    )
    registration.register_crossing(store, inspector, make_doc(number="OK0000001"), "entry")  # warm
    result = registration.register_crossing(store, inspector, make_doc(number="HIT000001"), "entry")
    assert [a["kind"] for a in result.alerts] == ["document"] and result.crossing.status == "pending"
    with store.read() as s:
        assert s.scalar(select(func.count()).select_from(Crossing)) == 2
        types = s.scalars(select(OutboxEvent.event_type).order_by(OutboxEvent.seq)).all()
        seqs = s.scalars(select(OutboxEvent.seq).order_by(OutboxEvent.seq)).all()
    assert types == ["crossing.registered", "crossing.registered", "alert.raised"]
    assert seqs == [1, 2, 3]
    assert verify_audit(store).ok


def test_check_traveler_on_the_dbapi_connection_says_what_the_session_path_says(
    store, inspector, supervisor, make_doc: MakeDoc
) -> None:
    """Once the post, stay policy and watchlist are loaded, the counter's check runs on a bare
    DBAPI connection; for every kind of document it must give exactly the session path's answer,
    and it steps aside (None) for linked documents and for a newly applied list."""
    from border_client.services import identity, watchlist

    watchlist.import_watchlist_csv(
        store,
        supervisor,
        "list,document_number,issuing_state,surname,given_names,birth_date,nationality,reason\n"
        "document,HIT000001,FRA,,,,,stolen\n",
    )
    t0 = datetime.now(UTC) - timedelta(days=200)
    inside = make_doc(number="IN0000001", state="USA")
    for i, direction in enumerate(("entry", "exit", "entry")):  # inside since 100 days: overstay
        at = t0 + timedelta(days=50 * i)
        registration.register_crossing(store, inspector, inside, direction, occurred_at=at)
    left = make_doc(number="OUT000001", surname="MARTIN")
    registration.register_crossing(store, inspector, left, "entry", occurred_at=t0)
    registration.register_crossing(store, inspector, left, "exit", occurred_at=t0)  # same instant: tie
    docs = [
        inside,
        left,
        make_doc(number="NEW000001", surname="NOUVEAU"),
        make_doc(number="HIT000001"),
        make_doc(number="OLD000001", expiry="200101"),
    ]
    for doc in docs:
        store.cache.pop("post", None)  # the session path (it loads the post again)
        on_session = registration.check_traveler(store, inspector, doc)
        on_dbapi = registration._check_on_dbapi(store, doc)
        assert on_dbapi is not None and on_dbapi == on_session
        assert registration.check_traveler(store, inspector, doc) == on_session
    by_doc = {d.document_number: registration.check_traveler(store, inspector, d) for d in docs}
    assert [c.direction for c in by_doc["IN0000001"].history] == ["entry", "exit", "entry"]
    assert by_doc["IN0000001"].overstay and by_doc["IN0000001"].suggested_direction == "exit"
    assert [c.direction for c in by_doc["OUT000001"].history] == ["exit", "entry"]  # newest id first
    assert by_doc["NEW000001"].traveler_id is None and by_doc["NEW000001"].history == []
    assert [h.kind for h in by_doc["HIT000001"].hits] == ["document"]
    assert by_doc["OLD000001"].warnings

    other = make_doc(number="IN0000002", state="USA")
    registration.register_crossing(store, inspector, other, "entry")
    ids = [by_doc["IN0000001"].traveler_id, registration.check_traveler(store, inspector, other).traveler_id]
    identity.link_identities(store, supervisor, ids[0], ids[1])
    assert registration._check_on_dbapi(store, inside) is None  # linked: the session path follows links
    linked = registration.check_traveler(store, inspector, inside)
    assert len(linked.history) == 4 and linked.suggested_direction == "exit"

    other_process = Store(store.paths.data_dir, store.data_key)  # e.g. the sync applying a list
    watchlist.import_watchlist_csv(
        other_process,
        supervisor,
        "list,document_number,issuing_state,surname,given_names,birth_date,nationality,reason\n"
        "document,NEW000001,FRA,,,,,stolen\n",
    )
    other_process.close()
    assert registration._check_on_dbapi(store, docs[2]) is None  # another list: the session reloads it
    assert [h.kind for h in registration.check_traveler(store, inspector, docs[2]).hits] == ["document"]
    reloaded = registration.check_traveler(store, inspector, docs[2])
    assert registration._check_on_dbapi(store, docs[2]) == reloaded


def test_the_counters_history_query_is_an_index_range_in_order(store) -> None:
    """A frequent crosser's latest 20 crossings come off ix_crossings_traveler newest first: no
    sort of every crossing the traveler ever made."""
    with store.raw_read() as db:
        plan = db.execute(f"EXPLAIN QUERY PLAN {registration._HISTORY_OF_ONE}", ("t",)).fetchall()
    details = " | ".join(row[-1] for row in plan)
    assert "USING INDEX ix_crossings_traveler (traveler_id=?)" in details
    assert "TEMP B-TREE" not in details
