"""End to end over loopback on SQLite and PostgreSQL: ingest, projection, acknowledgement rules."""

from __future__ import annotations

import json
import uuid

from border_client.sync import protocol
from tests.server.support import (
    SAMPLE_BATCH,
    ServerProcess,
    crossing_entry,
    enroll_device,
    sample_entries,
    server_query,
)


def test_sample_batch_is_stored_once_and_projected(server: ServerProcess) -> None:
    dev = enroll_device(server.url, server.db_url, "HTI-CAP")
    doc = json.loads(SAMPLE_BATCH.read_text(encoding="utf-8"))
    resp = dev.post_batch(doc["events"], health=doc["health"])
    assert resp.status_code == 200, resp.text
    ack = resp.json()
    assert ack["acknowledged_seq"] == 5
    assert ack["stored"] == 5 and ack["duplicates"] == 0 and ack["quarantined"] == []

    rows = server_query(
        server.db_url,
        "SELECT seq, event_type FROM events WHERE device_id = :d ORDER BY seq",
        d=dev.device_id,
    )
    assert [tuple(r) for r in rows] == [(e["seq"], e["event_type"]) for e in doc["events"]]
    crossing = server_query(
        server.db_url,
        "SELECT post_code, direction, document_number, surname, purpose, vehicle_plate, "
        "amended, traveler_key FROM crossings WHERE crossing_id = :c",
        c=doc["events"][0]["payload"]["crossing_id"],
    )
    assert len(crossing) == 1
    c = crossing[0]
    assert (c.post_code, c.direction, c.document_number, c.surname) == (
        "HTI-CAP",
        "entry",
        "L898902C3",
        "ERIKSSON",
    )
    # The amendment (seq 4) was applied to the query row and kept on its own.
    assert (c.purpose, c.vehicle_plate, bool(c.amended)) == ("work", "AA-12346", True)
    assert c.traveler_key == "UTO:L898902C3"
    alert = server_query(
        server.db_url,
        "SELECT kind, decision, decided_by, score FROM alerts WHERE alert_id = :a",
        a=doc["events"][1]["payload"]["alert_id"],
    )
    assert [tuple(a) for a in alert] == [("document", "referred", "supervisor", 100.0)]
    assert (
        len(
            server_query(
                server.db_url,
                "SELECT 1 FROM amendments WHERE crossing_id = :c",
                c=doc["events"][0]["payload"]["crossing_id"],
            )
        )
        == 1
    )
    assert (
        len(
            server_query(
                server.db_url,
                "SELECT 1 FROM identity_links WHERE traveler_id = :t",
                t=doc["events"][4]["payload"]["traveler_id"],
            )
        )
        == 1
    )
    health = server_query(
        server.db_url,
        "SELECT queue_length, app_version, last_error FROM devices WHERE device_id = :d",
        d=dev.device_id,
    )[0]
    assert health.queue_length == 5 and health.app_version == "0.1.0"
    assert "link may be down" in health.last_error

    # The same events again (new signature, new nonce): nothing changes, same acknowledgement.
    again = dev.post_batch(doc["events"], health=doc["health"])
    assert again.status_code == 200
    assert again.json()["acknowledged_seq"] == 5
    assert again.json()["stored"] == 0 and again.json()["duplicates"] == 5
    assert (
        server_query(server.db_url, "SELECT count(*) FROM events WHERE device_id = :d", d=dev.device_id)[0][0]
        == 5
    )


def test_gap_holds_the_acknowledgement_until_filled(server: ServerProcess) -> None:
    dev = enroll_device(server.url, server.db_url, "HTI-OUA")
    entries = [crossing_entry(s, "HTI-OUA") for s in range(1, 11)]
    r1 = dev.post_batch(entries[:5]).json()
    assert r1["acknowledged_seq"] == 5 and r1["missing_from"] is None
    r2 = dev.post_batch(entries[7:]).json()  # 8..10 arrive before 6..7
    assert r2["acknowledged_seq"] == 5 and r2["missing_from"] == 6 and r2["stored"] == 3
    r3 = dev.post_batch(entries[5:7]).json()
    assert r3["acknowledged_seq"] == 10 and r3["missing_from"] is None
    count = server_query(server.db_url, "SELECT count(*) FROM crossings WHERE post_code = 'HTI-OUA'")
    assert count[0][0] == 10


def test_invalid_event_is_quarantined_without_blocking(server: ServerProcess) -> None:
    dev = enroll_device(server.url, server.db_url, "BLZ-SNP")
    good1 = crossing_entry(1, "BLZ-SNP")
    bad = crossing_entry(2, "BLZ-SNP", direction="sideways")
    wrong_post = crossing_entry(3, "HTI-CAP")
    not_json = protocol.encode_event(4, str(uuid.uuid4()), "crossing.registered", None, "{oops")
    unknown = protocol.encode_event(5, str(uuid.uuid4()), "visa.issued", None, {"x": 1})
    good2 = crossing_entry(6, "BLZ-SNP")
    resp = dev.post_batch([good1, bad, wrong_post, not_json, unknown, good2])
    assert resp.status_code == 200, resp.text
    ack = resp.json()
    assert ack["acknowledged_seq"] == 6
    reasons = {q["seq"]: q["reason"] for q in ack["quarantined"]}
    assert set(reasons) == {2, 3, 4, 5}
    assert "direction" in reasons[2]
    assert "not this device's post" in reasons[3]
    assert "not valid JSON" in reasons[4]
    assert "unknown event type" in reasons[5]
    assert server_query(server.db_url, "SELECT count(*) FROM crossings WHERE post_code='BLZ-SNP'")[0][0] == 2
    # Kept, with the reason, never lost.
    kept = server_query(
        server.db_url,
        "SELECT seq, payload FROM events WHERE device_id = :d AND quarantine_reason IS NOT NULL ORDER BY seq",
        d=dev.device_id,
    )
    assert [r.seq for r in kept] == [2, 3, 4, 5]
    assert kept[2].payload == "{oops"
    # A resend gets the same answer, quarantine included.
    again = dev.post_batch([good1, bad, wrong_post, not_json, unknown, good2]).json()
    assert again["acknowledged_seq"] == 6
    assert {q["seq"] for q in again["quarantined"]} == {2, 3, 4, 5}


def test_event_id_reused_under_another_seq_is_quarantined(server: ServerProcess) -> None:
    dev = enroll_device(server.url, server.db_url, "HTI-JAC")
    first = crossing_entry(1, "HTI-JAC")
    clash = dict(crossing_entry(2, "HTI-JAC"), event_id=first["event_id"])
    ack = dev.post_batch([first, clash]).json()
    assert ack["acknowledged_seq"] == 2
    assert [q["seq"] for q in ack["quarantined"]] == [2]
    assert "another sequence number" in ack["quarantined"][0]["reason"]


def test_many_events_and_the_sample_amid_them(server: ServerProcess) -> None:
    dev = enroll_device(server.url, server.db_url, "HTI-BEL")
    entries = [crossing_entry(s, "HTI-BEL") for s in range(1, 1201)]
    ack = dev.post_batch(entries).json()  # above the PostgreSQL COPY threshold
    assert ack["acknowledged_seq"] == 1200 and ack["stored"] == 1200
    tail = [
        dict(e, payload={**e["payload"], "post_code": "HTI-BEL"})
        if e["event_type"] == "crossing.registered"
        else e
        for e in sample_entries(1201)
    ]
    ack2 = dev.post_batch(tail).json()
    assert ack2["acknowledged_seq"] == 1205, ack2
    n = server_query(server.db_url, "SELECT count(*) FROM events WHERE device_id = :d", d=dev.device_id)
    assert n[0][0] == 1205


def test_large_batch_over_a_gap_and_a_reused_id_stores_only_what_is_new(server: ServerProcess) -> None:
    # Above the PostgreSQL COPY threshold: the fast path (COPY straight into the tables) meets
    # rows already held and falls back to staging + ON CONFLICT without losing or doubling any.
    dev = enroll_device(server.url, server.db_url, "HTI-MIR")
    entries = [crossing_entry(s, "HTI-MIR") for s in range(1, 1201)]
    assert dev.post_batch(entries[:5]).json()["acknowledged_seq"] == 5
    r = dev.post_batch(entries[600:]).json()  # 601..1200 before 6..600
    assert r["acknowledged_seq"] == 5 and r["missing_from"] == 6 and r["stored"] == 600
    # Resent with the gap's events; one of them reuses an event id already held under seq 3.
    resent = [dict(e) for e in entries[5:]]
    resent[100] = dict(resent[100], event_id=entries[2]["event_id"])
    r = dev.post_batch(resent).json()
    assert r["acknowledged_seq"] == 1200 and r["missing_from"] is None
    assert r["stored"] == 594 and r["duplicates"] == 600
    assert [q["seq"] for q in r["quarantined"]] == [106]
    held = server_query(server.db_url, "SELECT count(*) FROM events WHERE device_id = :d", d=dev.device_id)
    assert held[0][0] == 1199
    crossings = server_query(server.db_url, "SELECT count(*) FROM crossings WHERE post_code = 'HTI-MIR'")
    assert crossings[0][0] == 1199


def test_nul_characters_are_refused_or_quarantined_never_a_server_error(server: ServerProcess) -> None:
    # PostgreSQL's text cannot hold U+0000; a post with a corrupted queue must get a clear answer,
    # not an HTTP 500 that it would retry for ever.
    dev = enroll_device(server.url, server.db_url, "BLZ-PGA")
    bad_id = crossing_entry(1, "BLZ-PGA")
    bad_id["event_id"] = "abc\x00def"
    refused = dev.post_batch([bad_id])
    assert refused.status_code == 400, refused.text
    assert "events[0].event_id" in refused.json()["message"]

    good = crossing_entry(1, "BLZ-PGA")
    nul_type = protocol.encode_event(2, str(uuid.uuid4()), "crossing.regis\x00tered", None, {"x": 1})
    nul_text = crossing_entry(3, "BLZ-PGA", remarks="seen at gate\x00 2")
    nul_text["payload"]["document"]["surname"] = "ERIKS\x00SON"
    nul_key = protocol.encode_event(4, str(uuid.uuid4()), "visa.issued", None, {"no\x00te": 1})
    after = crossing_entry(5, "BLZ-PGA")
    resp = dev.post_batch([good, nul_type, nul_text, nul_key, after])
    assert resp.status_code == 200, resp.text
    ack = resp.json()
    assert ack["acknowledged_seq"] == 5
    reasons = {q["seq"]: q["reason"] for q in ack["quarantined"]}
    assert set(reasons) == {2, 3, 4}
    assert all("NUL" in r for r in reasons.values())
    assert server_query(server.db_url, "SELECT count(*) FROM crossings WHERE post_code='BLZ-PGA'")[0][0] == 2
