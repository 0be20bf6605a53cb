"""The sync outbox and sync state: what the sync engine reads, acknowledges and records.

Events are appended by the other services inside their own write transaction (``enqueue``), so
a crossing and its event commit together or not at all; ``seq`` is gap-free because writers hold
SQLite's write lock (BEGIN IMMEDIATE) from the moment they read the last number.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

import orjson
from sqlalchemy import Table, func, select
from sqlalchemy.orm import Session

from border_client.services.common import ServiceError, new_id, utcnow
from border_client.storage.db import Store
from border_client.storage.models import OutboxEvent, SyncState
from border_client.storage.rawsql import TableInsert, dbapi

__all__ = [
    "EVENT_TYPES",
    "OUTBOX_LAST_SQL",
    "PendingEvent",
    "QueueStats",
    "SYNC_STATE_FIELDS",
    "enqueue",
    "get_sync_state",
    "insert_event",
    "pending",
    "queue_stats",
    "record_ack",
    "record_error",
    "set_sync_state",
]

EVENT_TYPES = frozenset(
    {"crossing.registered", "crossing.amended", "alert.raised", "alert.decided", "identity.linked"}
)
_OUTBOX = cast(Table, OutboxEvent.__table__)
_OUTBOX_INSERT = TableInsert(_OUTBOX)
OUTBOX_LAST_SQL = "SELECT max(seq) FROM outbox"
SYNC_STATE_FIELDS = (
    "device_id",
    "device_private_key",
    "server_public_key",
    "server_url",
    "acked_seq",
    "last_sync_at",
    "last_error",
    "last_error_at",
    "watchlist_version",
)


@dataclass(frozen=True)
class PendingEvent:
    seq: int
    event_id: str
    event_type: str
    payload: dict[str, Any]
    created_at: datetime

    def to_dict(self) -> dict[str, Any]:
        return {
            "seq": self.seq,
            "event_id": self.event_id,
            "event_type": self.event_type,
            "payload": self.payload,
            "created_at": self.created_at.isoformat(),
        }


@dataclass(frozen=True)
class QueueStats:
    last_seq: int
    acked_seq: int
    pending: int
    oldest_pending_at: datetime | None
    last_sync_at: datetime | None
    last_error: str | None
    last_error_at: datetime | None


def enqueue(session: Session, event_type: str, payload: dict[str, Any], *, at: datetime | None = None) -> int:
    """Append an event with the next sequence number, inside the caller's write transaction.

    Returns the sequence number.
    """
    db = dbapi(session)
    last = session.info.get("outbox_seq")
    if last is None:
        last = db.execute(OUTBOX_LAST_SQL).fetchone()[0] or 0
    seq = insert_event(db, int(last) + 1, event_type, payload, at=at)
    session.info["outbox_seq"] = seq
    return seq


def insert_event(
    db: Any, seq: int, event_type: str, payload: dict[str, Any], *, at: datetime | None = None
) -> int:
    """Insert the event numbered ``seq`` on a DBAPI connection whose write transaction read the
    last number (``OUTBOX_LAST_SQL``) and got ``seq - 1``. Callers that enqueue through a
    session afterwards must set ``session.info["outbox_seq"]`` (``enqueue`` does)."""
    if event_type not in EVENT_TYPES:
        raise ValueError(f"unknown event type {event_type!r}")
    _OUTBOX_INSERT(
        db,
        {
            "seq": seq,
            "event_id": new_id(),
            "event_type": event_type,
            "payload": json.dumps(payload, sort_keys=True, ensure_ascii=False, separators=(",", ":")),
            "created_at": at or utcnow(),
        },
    )
    return seq


def _state(session: Session) -> SyncState:
    state = session.get(SyncState, 1)
    if state is None:
        state = SyncState(id=1, acked_seq=0)
        session.add(state)
        session.flush()
    return state


def pending(store: Store, after_seq: int | None = None, limit: int = 500) -> list[PendingEvent]:
    """Events after ``after_seq`` (default: the acknowledged cursor), oldest first."""
    with store.read() as session:
        if after_seq is None:
            state = session.get(SyncState, 1)
            after_seq = state.acked_seq if state else 0
        # Columns, not ORM objects: a sync reads thousands of events per batch, and building
        # and tracking an instance per row cost more than the read itself.
        rows = session.execute(
            select(
                OutboxEvent.seq,
                OutboxEvent.event_id,
                OutboxEvent.event_type,
                OutboxEvent.payload,
                OutboxEvent.created_at,
            )
            .where(OutboxEvent.seq > after_seq)
            .order_by(OutboxEvent.seq)
            .limit(limit)
        ).all()
        return [
            PendingEvent(seq, event_id, event_type, orjson.loads(payload), created_at)
            for seq, event_id, event_type, payload, created_at in rows
        ]


def record_ack(store: Store, seq: int, at: datetime | None = None) -> int:
    """Advance the acknowledged cursor to ``seq`` (never backwards); clears the last error."""
    with store.write() as session:
        last = session.execute(select(func.max(OutboxEvent.seq))).scalar_one() or 0
        if seq > last:
            raise ServiceError(f"acknowledged seq {seq} is beyond the last event {last}")
        state = _state(session)
        state.acked_seq = max(state.acked_seq, seq)
        state.last_sync_at = at or utcnow()
        state.last_error = None
        state.last_error_at = None
        return state.acked_seq


def record_error(store: Store, message: str, at: datetime | None = None) -> None:
    with store.write() as session:
        state = _state(session)
        state.last_error = message
        state.last_error_at = at or utcnow()


def queue_stats(store: Store) -> QueueStats:
    with store.read() as session:
        state = session.get(SyncState, 1)
        acked = state.acked_seq if state else 0
        last = session.execute(select(func.max(OutboxEvent.seq))).scalar_one() or 0
        oldest = session.execute(
            select(OutboxEvent.created_at).where(OutboxEvent.seq == acked + 1)
        ).scalar_one_or_none()
        return QueueStats(
            last_seq=last,
            acked_seq=acked,
            pending=last - acked,
            oldest_pending_at=oldest,
            last_sync_at=state.last_sync_at if state else None,
            last_error=state.last_error if state else None,
            last_error_at=state.last_error_at if state else None,
        )


def get_sync_state(store: Store) -> dict[str, Any]:
    """All sync_state fields (bytes as bytes, datetimes aware UTC)."""
    with store.read() as session:
        state = session.get(SyncState, 1)
        if state is None:
            return {name: (0 if name == "acked_seq" else None) for name in SYNC_STATE_FIELDS}
        return {name: getattr(state, name) for name in SYNC_STATE_FIELDS}


def set_sync_state(store: Store, **fields: Any) -> None:
    """Set some sync_state fields in one transaction, e.g. after enrollment."""
    unknown = set(fields) - set(SYNC_STATE_FIELDS)
    if unknown:
        raise ValueError(f"unknown sync_state field(s): {', '.join(sorted(unknown))}")
    with store.write() as session:
        state = _state(session)
        for name, value in fields.items():
            setattr(state, name, value)
