"""Seeding the console's tests the way posts do it: enrolled devices posting signed batches.

Works against the in-process app (FastAPI TestClient) or a real `sync-server serve` (requests).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from border_client.sync import protocol

Post = Callable[..., Any]  # (url, body bytes, headers) -> response with .status_code, .json()


@dataclass
class SeedDevice:
    device_id: str
    post_code: str
    key: Any
    seq: int = 0


def enroll(post_json: Callable[[str, dict[str, Any]], Any], token: str, post_code: str) -> SeedDevice:
    key = protocol.generate_private_key()
    pub = protocol.public_key_bytes(key)
    proof = protocol.b64e(key.sign(protocol.enrollment_proof_input(token, pub)))
    resp = post_json(
        protocol.ENROLL_PATH,
        {
            "token": token,
            "public_key": protocol.b64e(pub),
            "proof": proof,
            "hostname": f"{post_code.lower()}-pc1",
            "app_version": "0.1.0",
            "post_code": post_code,
        },
    )
    assert resp.status_code == 200, resp.text
    return SeedDevice(resp.json()["device_id"], post_code, key)


def send(
    post_body: Callable[[str, bytes, dict[str, str]], Any],
    device: SeedDevice,
    events: list[tuple[str, dict[str, Any]]],
    health: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """Post (event_type, payload) pairs as one signed batch; returns the acknowledgement."""
    entries = []
    for event_type, payload in events:
        device.seq += 1
        entries.append(
            protocol.encode_event(
                device.seq, str(uuid.uuid4()), event_type, datetime.now(UTC).isoformat(), payload
            )
        )
    batch = protocol.build_batch(
        entries, device_id=device.device_id, post_code=device.post_code, health=health
    )
    headers = protocol.sign_request(device.key, "POST", protocol.BATCH_PATH, device.device_id, batch.body)
    headers.update({"Content-Type": "application/json", "Content-Encoding": "gzip"})
    resp = post_body(protocol.BATCH_PATH, batch.body, headers)
    assert resp.status_code == 200, resp.text
    ack: dict[str, Any] = resp.json()
    assert ack["acknowledged_seq"] == device.seq, ack
    return ack


def at(day: date, hour: int = 10) -> str:
    return datetime.combine(day, time(hour, 0), tzinfo=UTC).isoformat()


def crossing(
    post_code: str,
    direction: str,
    occurred_at: str,
    *,
    surname: str,
    given_names: str,
    document_number: str,
    nationality: str,
    birth_date: str,
    sex: str,
    issuing_state: str | None = None,
    traveler_id: str | None = None,
    crossing_id: str | None = None,
) -> dict[str, Any]:
    return {
        "crossing_id": crossing_id or str(uuid.uuid4()),
        "post_code": post_code,
        "direction": direction,
        "occurred_at": occurred_at,
        "local_tz": "America/Port-au-Prince",
        "inspector": "insp1",
        "travel_mode": "land",
        "vehicle_plate": None,
        "purpose": "tourism",
        "origin_destination": "DOM",
        "remarks": "",
        "traveler_id": traveler_id or str(uuid.uuid4()),
        "document": {
            "document_code": "P",
            "issuing_state": issuing_state or nationality,
            "document_number": document_number,
            "nationality": nationality,
            "surname": surname,
            "given_names": given_names,
            "birth_date": birth_date,
            "sex": sex,
            "expiry_date": "2032-04-15",
            "optional_data": "",
            "mrz_lines": None,
        },
        "watchlist_version": None,
        "days_stayed": None,
        "overstay": False,
        "has_photo": False,
    }


@dataclass
class Scenario:
    """What the standard scenario put in, for assertions that recompute rather than hard-code."""

    today: date
    devices: dict[str, SeedDevice] = field(default_factory=dict)
    crossings: list[dict[str, Any]] = field(default_factory=list)
    ids: dict[str, str] = field(default_factory=dict)


def standard_scenario(
    issue_token: Callable[[str, str], str],
    post_json: Callable[[str, dict[str, Any]], Any],
    post_body: Callable[[str, bytes, dict[str, str]], Any],
    today: date | None = None,
) -> Scenario:
    """Two posts (Cap-Haïtien, Ouanaminthe), a handful of travelers with known stories."""
    today = today or datetime.now(UTC).date()
    sc = Scenario(today=today)
    cap = enroll(post_json, issue_token("HTI-CAP", "Cap-Haïtien"), "HTI-CAP")
    oua = enroll(post_json, issue_token("HTI-OUA", "Ouanaminthe"), "HTI-OUA")
    sc.devices = {"HTI-CAP": cap, "HTI-OUA": oua}
    d = lambda n: today - timedelta(days=n)  # noqa: E731

    # Hans Müller: in at Cap-Haïtien, out at Ouanaminthe a week later (matched across posts).
    hans_in = crossing(
        "HTI-CAP",
        "entry",
        at(d(10)),
        surname="MUELLER",
        given_names="HANS",
        document_number="C01X00T47",
        nationality="D",
        issuing_state="D",
        birth_date="1980-03-04",
        sex="M",
    )
    hans_out = crossing(
        "HTI-OUA",
        "exit",
        at(d(3)),
        surname="MUELLER",
        given_names="HANS",
        document_number="C01X00T47",
        nationality="D",
        issuing_state="D",
        birth_date="1980-03-04",
        sex="M",
    )
    # Anna Eriksson: entered 120 days ago, never left (overstay of 31 days under 90).
    anna_in = crossing(
        "HTI-OUA",
        "entry",
        at(d(120)),
        surname="ERIKSSON",
        given_names="ANNA MARIA",
        document_number="L898902C3",
        nationality="UTO",
        birth_date="1974-08-12",
        sex="F",
    )
    # Jean Pierre (Haiti, CARICOM, exempt in the tests' policy): inside 200 days, no overstay.
    jean_in = crossing(
        "HTI-CAP",
        "entry",
        at(d(200)),
        surname="PIERRE",
        given_names="JEAN",
        document_number="HT1234567",
        nationality="HTI",
        birth_date="1990-01-01",
        sex="M",
    )
    # Maria García, a minor: an exit with no entry anywhere (unmatched).
    maria_out = crossing(
        "HTI-CAP",
        "exit",
        at(d(1)),
        surname="GARCIA",
        given_names="MARIA",
        document_number="ESP000111",
        nationality="ESP",
        birth_date=f"{today.year - 12}-01-01",
        sex="F",
    )
    # Li Wei: entered on one passport, left on a new one; the post linked the two identities.
    t_old, t_new = str(uuid.uuid4()), str(uuid.uuid4())
    li_in = crossing(
        "HTI-CAP",
        "entry",
        at(d(5)),
        surname="LI",
        given_names="WEI",
        document_number="E11111111",
        nationality="CHN",
        birth_date="1985-05-05",
        sex="M",
        traveler_id=t_old,
    )
    li_out = crossing(
        "HTI-OUA",
        "exit",
        at(d(2)),
        surname="LI",
        given_names="WEI",
        document_number="E22222222",
        nationality="CHN",
        birth_date="1985-05-05",
        sex="M",
        traveler_id=t_new,
    )
    sc.crossings = [hans_in, anna_in, jean_in, maria_out, li_in, hans_out, li_out]
    sc.ids = {
        "hans_in": hans_in["crossing_id"],
        "hans_out": hans_out["crossing_id"],
        "anna_in": anna_in["crossing_id"],
        "maria_out": maria_out["crossing_id"],
        "li_in": li_in["crossing_id"],
        "li_out": li_out["crossing_id"],
        "jean_in": jean_in["crossing_id"],
    }
    alert_id = str(uuid.uuid4())
    sc.ids["alert"] = alert_id
    health = {"queue_length": 0, "app_version": "0.1.0", "watchlist_version": None}
    send(
        post_body,
        cap,
        [
            ("crossing.registered", hans_in),
            ("crossing.registered", jean_in),
            ("crossing.registered", maria_out),
            ("crossing.registered", li_in),
            (
                "alert.raised",
                {
                    "alert_id": alert_id,
                    "crossing_id": hans_in["crossing_id"],
                    "kind": "person",
                    "watchlist_entry_id": "W1",
                    "score": 91.0,
                    "reason": "person of interest: fraud inquiry",
                    "raised_at": at(d(10)),
                    "late": False,
                },
            ),
            (
                "alert.decided",
                {
                    "alert_id": alert_id,
                    "decision": "allowed",
                    "decided_by": "sup1",
                    "decided_at": at(d(10), 11),
                    "note": "not the same person",
                },
            ),
            # Not a valid registration (no direction): kept in quarantine with the reason.
            (
                "crossing.registered",
                {k: v for k, v in hans_in.items() if k != "direction"} | {"crossing_id": str(uuid.uuid4())},
            ),
        ],
        health=health,
    )
    send(
        post_body,
        oua,
        [
            ("crossing.registered", anna_in),
            ("crossing.registered", hans_out),
            ("crossing.registered", li_out),
            (
                "identity.linked",
                {"traveler_id": t_new, "other_traveler_id": t_old, "confirmed_by": "sup2", "at": at(d(2))},
            ),
        ],
        health={"queue_length": 3, "app_version": "0.1.1", "watchlist_version": None, "last_error": None},
    )
    return sc
