"""Storing a device's batch exactly once, projecting it, and computing the acknowledgement.

Everything happens in one transaction under a per-device lock (SELECT ... FOR UPDATE on
PostgreSQL; a process lock around the write on SQLite): the nonce, the new events (multi-row
INSERT ... ON CONFLICT DO NOTHING, or COPY into a staging table for large batches on
PostgreSQL), their projections, the console's hooks, and the device's acknowledged sequence
number. A batch that is resent stores nothing new and gets the same acknowledgement.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import and_, bindparam, func, select, union
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from border_client.sync import protocol
from sync_server.errors import MalformedRequest, TooLarge, UnsupportedProtocol
from sync_server.models import (
    Device,
    Event,
    QuarantinedEvent,
    ReferenceVersion,
    WatchlistVersion,
)
from sync_server.schemas import BatchAck, QuarantinedOut
from sync_server.services.projection import (
    InvalidEvent,
    Projected,
    crossing_row,
    project,
    validate_payload,
)
from sync_server.sqlutil import bulk_insert_ignore, insert_ignore

__all__ = [
    "EVENT_COLUMNS",
    "IngestHook",
    "IngestedBatch",
    "PreparedBatch",
    "ingest_batch",
    "parse_batch_document",
    "prepare_batch",
]


@dataclass
class IngestedBatch:
    """What a batch added; ingest hooks receive it inside the ingest transaction."""

    device_id: str
    post_code: str
    received_at: datetime
    # (seq, event_id, event_type, payload dict or None, quarantine reason or None), newly stored
    events: list[tuple[int, str, str, dict[str, Any] | None, str | None]] = field(default_factory=list)
    projected: Projected = field(default_factory=Projected)


IngestHook = Callable[[Connection, IngestedBatch], None]


@dataclass(slots=True)
class _Row:
    seq: int
    event_id: str
    event_type: str
    created_at: datetime | None
    payload_text: str
    payload: dict[str, Any] | None
    parsed: Any
    reason: str | None


def parse_batch_document(raw: bytes, max_events: int) -> dict[str, Any]:
    """The batch JSON as a dict with a sound envelope, or MalformedRequest saying what is wrong."""
    try:
        doc = protocol.loads(raw)
    except (ValueError, UnicodeDecodeError) as exc:
        raise MalformedRequest(f"the batch is not valid JSON ({exc})") from exc
    if not isinstance(doc, dict):
        raise MalformedRequest("the batch must be a JSON object")
    if doc.get("protocol") != 1:
        raise UnsupportedProtocol(
            f"batch format version {doc.get('protocol')!r} is not supported (this server: 1)",
            supported=[1],
        )
    events = doc.get("events")
    if not isinstance(events, list):
        raise MalformedRequest("the batch has no events list")
    if len(events) > max_events:
        raise TooLarge(f"the batch holds {len(events)} events; at most {max_events} allowed")
    health = doc.get("health", {})
    if not isinstance(health, dict):
        raise MalformedRequest("health must be an object")
    for i, e in enumerate(events):
        if not isinstance(e, dict):
            raise MalformedRequest(f"events[{i}] is not an object")
        seq = e.get("seq")
        if type(seq) is not int or seq < 1 or seq > 2**62:
            raise MalformedRequest(f"events[{i}].seq must be a positive integer")
        eid = e.get("event_id")
        if not isinstance(eid, str) or not 1 <= len(eid) <= 64:
            raise MalformedRequest(f"events[{i}].event_id must be a string of 1 to 64 characters")
        if "\x00" in eid:
            # An event's identity cannot be stored (PostgreSQL text holds no NUL) nor quarantined.
            raise MalformedRequest(f"events[{i}].event_id contains a NUL character")
        if not isinstance(e.get("event_type"), str):
            raise MalformedRequest(f"events[{i}].event_type must be a string")
    return doc


def _parse_time(value: Any) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        dt = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return dt if dt.tzinfo is not None else dt.replace(tzinfo=UTC)


def _prepare(e: dict[str, Any], device_id: str, post_code: str, received_at: datetime) -> _Row:
    event_type: str = e["event_type"]
    reason: str | None = None
    payload = e.get("payload")
    parsed: Any = None
    if len(event_type) > 40:
        reason = "event_type longer than 40 characters"
        event_type = event_type[:40]
    if "\x00" in event_type:
        reason = reason or "event_type contains a NUL character"
        event_type = event_type.replace("\x00", "\ufffd")
    if isinstance(payload, dict):
        payload_text = protocol.dumps_compact(payload).decode("utf-8")
    elif "payload_raw" in e:
        payload_text = str(e["payload_raw"])
        payload = None
        reason = reason or "the post's copy of the payload is not valid JSON"
    else:
        payload_text = json.dumps(payload)
        payload = None
        reason = reason or "payload is missing or not an object"
    if "\x00" in payload_text or "\\u0000" in payload_text:
        # PostgreSQL text cannot hold NUL; keep the event, escaped, in quarantine.
        payload_text = payload_text.replace("\x00", "\\u0000")
        reason = reason or "payload contains a NUL character"
    if reason is None and payload is not None:
        try:
            parsed = validate_payload(event_type, payload, post_code)
        except InvalidEvent as exc:
            reason = str(exc)
        else:
            if event_type == CROSSING_REGISTERED:
                # Its row for `crossings`, built here rather than under the device's lock.
                parsed = crossing_row(device_id, post_code, received_at, e["event_id"], parsed)
    return _Row(
        seq=e["seq"],
        event_id=e["event_id"],
        event_type=event_type,
        created_at=_parse_time(e.get("created_at")),
        payload_text=payload_text,
        payload=payload,
        parsed=parsed,
        reason=reason,
    )


@dataclass(slots=True)
class PreparedBatch:
    """A parsed batch with every event checked and its rows built: the CPU work of ingest,
    done before the device's lock is taken so that it overlaps the previous batch's writes."""

    doc: dict[str, Any]
    device_id: str
    post_code: str
    received_at: datetime
    rows: list[_Row]


def prepare_batch(
    doc: dict[str, Any], device_id: str, post_code: str, received_at: datetime | None = None
) -> PreparedBatch:
    """Check every event of a parsed batch from ``device_id`` of ``post_code`` and build its
    rows, stamped as received at ``received_at`` (now by default)."""
    at = received_at or datetime.now(UTC)
    return PreparedBatch(
        doc, device_id, post_code, at, [_prepare(e, device_id, post_code, at) for e in doc["events"]]
    )


CROSSING_REGISTERED = "crossing.registered"

# The events row as ingest writes it; the console bench bulk-loads rows in this order too.
EVENT_COLUMNS = (
    "device_id",
    "post_code",
    "seq",
    "event_id",
    "event_type",
    "created_at",
    "received_at",
    "payload",
    "quarantine_reason",
)


def _insert_events(conn: Connection, values: list[tuple[Any, ...]], copy_threshold: int) -> set[int]:
    """Insert new events (tuples in EVENT_COLUMNS order), skipping any already held; the seqs
    actually inserted."""
    return set(
        bulk_insert_ignore(
            conn,
            Event.__table__,
            values,
            columns=EVENT_COLUMNS,
            returning="seq",
            copy_threshold=copy_threshold,
        )
    )


def _advance(conn: Connection, device_id: str, acked: int) -> tuple[int, int | None]:
    """The highest contiguous seq held for the device (events or quarantine), and the first gap."""
    held = union(
        select(Event.seq).where(and_(Event.device_id == device_id, Event.seq > acked)),
        select(QuarantinedEvent.seq).where(
            and_(QuarantinedEvent.device_id == device_id, QuarantinedEvent.seq > acked)
        ),
    ).subquery()
    # Seqs are unique per device: when as many are held as the span above ``acked``, there is
    # no gap (the usual case), and the database answers without sending the seqs.
    count, top = conn.execute(select(func.count(), func.max(held.c.seq))).one()
    if not count:
        return acked, None
    if top - acked == count:
        return int(top), None
    chunk = 10000
    while True:
        sub = union(
            select(Event.seq).where(and_(Event.device_id == device_id, Event.seq > acked)),
            select(QuarantinedEvent.seq).where(
                and_(QuarantinedEvent.device_id == device_id, QuarantinedEvent.seq > acked)
            ),
        ).subquery()
        seqs = conn.execute(select(sub.c.seq).order_by(sub.c.seq).limit(chunk)).scalars().all()
        for s in seqs:
            if s == acked + 1:
                acked = s
            else:
                return acked, acked + 1
        if len(seqs) < chunk:
            return acked, None


def _latest_watchlist_version(conn: Connection) -> int | None:
    return conn.execute(select(func.max(WatchlistVersion.version))).scalar()


def _latest_reference_versions(conn: Connection) -> dict[str, int]:
    rows = conn.execute(
        select(ReferenceVersion.name, func.max(ReferenceVersion.version)).group_by(ReferenceVersion.name)
    ).all()
    return {name: int(v) for name, v in rows}


def ingest_batch(
    session: Session,
    device: Device,
    batch_doc: dict[str, Any] | PreparedBatch,
    *,
    hooks: Sequence[IngestHook] = (),
    copy_threshold: int = 500,
) -> BatchAck:
    """Store the batch's new events, project them, and answer with the acknowledgement.

    The caller has authenticated ``device`` in ``session``'s transaction and commits after.
    ``batch_doc`` is the parsed batch, or the same already prepared (``prepare_batch``).
    """
    if isinstance(batch_doc, PreparedBatch) and (batch_doc.device_id, batch_doc.post_code) == (
        device.device_id,
        device.post_code,
    ):
        prepared = batch_doc
    else:
        doc_only = batch_doc.doc if isinstance(batch_doc, PreparedBatch) else batch_doc
        prepared = prepare_batch(doc_only, device.device_id, device.post_code)
    doc = prepared.doc
    if doc.get("device_id") not in (None, device.device_id):
        raise MalformedRequest(
            f"the batch names device {doc.get('device_id')!r} but was signed by {device.device_id}"
        )
    # Rows carry the time the batch was received (prepared); the device's last sync is now.
    now = prepared.received_at
    post_code = device.post_code
    conn = session.connection()
    acked_before = device.acked_seq
    events: list[dict[str, Any]] = doc["events"]
    rows = [r for r in prepared.rows if r.seq > acked_before]
    duplicates = len(events) - len(rows)
    device_id = device.device_id
    values = [
        (device_id, post_code, r.seq, r.event_id, r.event_type, r.created_at, now, r.payload_text, r.reason)
        for r in rows
    ]
    inserted = _insert_events(conn, values, copy_threshold)
    stored = [r for r in rows if r.seq in inserted]
    quarantined = [
        QuarantinedOut(seq=r.seq, event_id=r.event_id, reason=r.reason)
        for r in stored
        if r.reason is not None
    ]
    not_inserted = [r for r in rows if r.seq not in inserted]
    if not_inserted:
        # Either already held (a resend) or the event id is already used under another seq.
        held = set(
            conn.execute(
                select(Event.seq).where(
                    Event.device_id == device.device_id,
                    Event.seq.in_(bindparam("seqs", expanding=True)),
                ),
                {"seqs": [r.seq for r in not_inserted]},
            ).scalars()
        )
        clashes = [r for r in not_inserted if r.seq not in held]
        duplicates += len(not_inserted) - len(clashes)
        if clashes:
            qrows = [
                {
                    "device_id": device.device_id,
                    "post_code": post_code,
                    "seq": r.seq,
                    "event_id": r.event_id,
                    "reason": "event_id already received under another sequence number",
                    "raw": r.payload_text,
                    "received_at": now,
                }
                for r in clashes
            ]
            conn.execute(insert_ignore(QuarantinedEvent.__table__, conn.dialect.name), qrows)
            quarantined += [
                QuarantinedOut(seq=r.seq, event_id=r.event_id, reason=str(q["reason"]))
                for r, q in zip(clashes, qrows, strict=True)
            ]
    if duplicates and events:
        # A resend gets the same answer: report what this batch's range holds in quarantine.
        seen = {q.seq for q in quarantined}
        lo = min(e["seq"] for e in events)
        hi = max(e["seq"] for e in events)
        for seq, eid, reason in conn.execute(
            select(Event.seq, Event.event_id, Event.quarantine_reason).where(
                Event.device_id == device.device_id,
                Event.seq.between(lo, hi),
                Event.quarantine_reason.is_not(None),
            )
        ):
            if seq not in seen:
                quarantined.append(QuarantinedOut(seq=seq, event_id=eid, reason=reason or ""))
    stored.sort(key=lambda r: r.seq)
    batch = IngestedBatch(
        device_id=device.device_id,
        post_code=post_code,
        received_at=now,
        events=[(r.seq, r.event_id, r.event_type, r.payload, r.reason) for r in stored],
    )
    valid = [r for r in stored if r.reason is None]
    batch.projected = project(
        conn,
        device.device_id,
        post_code,
        now,
        [(r.seq, r.event_id, r.event_type, r.parsed) for r in valid],
        prebuilt={r.event_id for r in valid if r.event_type == CROSSING_REGISTERED},
    )
    for hook in hooks:
        hook(conn, batch)
    acked, missing_from = _advance(conn, device.device_id, acked_before)
    answered_at = datetime.now(UTC)
    _record_health(device, doc.get("health") or {}, answered_at)
    device.acked_seq = acked
    device.last_sync_at = answered_at
    quarantined.sort(key=lambda q: q.seq)
    return BatchAck(
        acknowledged_seq=acked,
        received=len(events),
        stored=len(stored),
        duplicates=duplicates,
        quarantined=quarantined,
        missing_from=missing_from,
        server_time=answered_at.isoformat(),
        watchlist_version=_latest_watchlist_version(conn),
        reference_versions=_latest_reference_versions(conn),
    )


def _record_health(device: Device, health: dict[str, Any], now: datetime) -> None:
    device.health = json.dumps({**health, "reported_at": now.isoformat()}, ensure_ascii=False)[:10000]
    ql = health.get("queue_length")
    device.queue_length = ql if type(ql) is int else None
    device.oldest_pending_at = _parse_time(health.get("oldest_pending_at"))
    v = health.get("app_version")
    device.app_version = str(v)[:40] if v is not None else device.app_version
    err = health.get("last_error")
    device.last_error = str(err)[:2000] if err else None
