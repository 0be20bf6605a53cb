"""The audit trail: append-only events in a SHA-256 hash chain, and its verification."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, cast

from sqlalchemy import Table, select, text
from sqlalchemy.orm import Session

from border_client.services.common import Role, UserSession, canonical_json, require_role, utcnow
from border_client.storage.db import Store
from border_client.storage.models import AuditEvent
from border_client.storage.rawsql import TableInsert, dbapi

__all__ = [
    "AUDIT_HEAD_SQL",
    "GENESIS",
    "AuditReport",
    "append_audit",
    "audit_hash",
    "insert_audit",
    "list_audit",
    "record",
    "verify_audit",
]

GENESIS = "0" * 64
_AUDIT = cast(Table, AuditEvent.__table__)
# Built once: constructing statements per call costs more than running them.
_AUDIT_INSERT = TableInsert(_AUDIT, omit=("id",))
# The head: the newest event's hash (a backwards rowid scan that stops at the first row).
AUDIT_HEAD_SQL = "SELECT hash FROM audit_events ORDER BY id DESC LIMIT 1"


def audit_hash(
    prev_hash: str, at: datetime, actor: str | None, action: str, subject: str | None, details: str
) -> str:
    """SHA-256 over the previous hash and this event's canonical content."""
    content = canonical_json(
        {
            "at": at.isoformat(timespec="microseconds"),
            "actor": actor,
            "action": action,
            "subject": subject,
            "details": json.loads(details),
        }
    )
    return hashlib.sha256(f"{prev_hash}\n{content}".encode()).hexdigest()


def append_audit(
    session: Session,
    actor: str | None,
    action: str,
    subject: str | None = None,
    details: dict[str, Any] | None = None,
    *,
    at: datetime | None = None,
) -> str:
    """Append one event inside the caller's write transaction; returns its hash."""
    db = dbapi(session)
    # Within one transaction the head is remembered, so a registration that appends several
    # events reads it once (the write lock held since BEGIN IMMEDIATE keeps it valid).
    prev_hash = session.info.get("audit_head")
    if prev_hash is None:
        prev = db.execute(AUDIT_HEAD_SQL).fetchone()
        prev_hash = prev[0] if prev else GENESIS
    digest = insert_audit(db, prev_hash, actor, action, subject, details, at=at)
    session.info["audit_head"] = digest
    return digest


def insert_audit(
    db: Any,
    prev_hash: str,
    actor: str | None,
    action: str,
    subject: str | None = None,
    details: dict[str, Any] | None = None,
    *,
    at: datetime | None = None,
) -> str:
    """Insert one chained event on a DBAPI connection whose write transaction holds
    ``prev_hash`` as the current head (read in the same transaction); returns its hash.

    Callers that append through a session afterwards must set ``session.info["audit_head"]``
    to the result (``append_audit`` does)."""
    at = at or utcnow()
    details_text = canonical_json(details or {})
    digest = audit_hash(prev_hash, at, actor, action, subject, details_text)
    _AUDIT_INSERT(
        db,
        {
            "at": at,
            "actor": actor,
            "action": action,
            "subject": subject,
            "details": details_text,
            "prev_hash": prev_hash,
            "hash": digest,
        },
    )
    return digest


@dataclass(frozen=True)
class AuditReport:
    ok: bool
    events: int
    first_broken_id: int | None
    problem: str | None
    head_hash: str

    def to_dict(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "events": self.events,
            "first_broken_id": self.first_broken_id,
            "problem": self.problem,
            "head_hash": self.head_hash,
        }


def verify_audit(store: Store, user: UserSession | None = None) -> AuditReport:
    """Walk the chain from the start; report the first event whose link or content is wrong."""
    if user is not None:
        require_role(user, Role.SUPERVISOR, "verify the audit trail")
    prev_hash = GENESIS
    count = 0
    expected_id = None
    with store.read() as session:
        rows = session.execute(
            text(
                "SELECT id, at, actor, action, subject, details, prev_hash, hash "
                "FROM audit_events ORDER BY id"
            )
        )
        for row in rows:
            count += 1
            event_id = int(row.id)
            if expected_id is not None and event_id != expected_id:
                return AuditReport(
                    False,
                    count,
                    event_id,
                    f"events {expected_id}..{event_id - 1} are missing (deleted)",
                    prev_hash,
                )
            expected_id = event_id + 1
            if row.prev_hash != prev_hash:
                return AuditReport(
                    False,
                    count,
                    event_id,
                    f"event {event_id} does not link to the event before it "
                    "(an earlier event was changed, removed or inserted)",
                    prev_hash,
                )
            try:
                at = datetime.fromisoformat(str(row.at)).replace(tzinfo=UTC)
                recomputed = audit_hash(row.prev_hash, at, row.actor, row.action, row.subject, row.details)
            except (ValueError, TypeError):
                recomputed = None
            if recomputed != row.hash:
                return AuditReport(
                    False,
                    count,
                    event_id,
                    f"event {event_id} ({row.action}) was changed after it was written",
                    prev_hash,
                )
            prev_hash = row.hash
    return AuditReport(True, count, None, None, prev_hash)


def list_audit(store: Store, user: UserSession, limit: int = 200) -> list[dict[str, Any]]:
    require_role(user, Role.SUPERVISOR, "read the audit trail")
    with store.read() as session:
        events = session.scalars(select(AuditEvent).order_by(AuditEvent.id.desc()).limit(limit)).all()
        return [
            {
                "id": e.id,
                "at": e.at.isoformat(),
                "actor": e.actor,
                "action": e.action,
                "subject": e.subject,
                "details": json.loads(e.details),
            }
            for e in events
        ]


def record(
    store: Store,
    user: UserSession,
    action: str,
    subject: str | None = None,
    details: dict[str, Any] | None = None,
) -> None:
    """Append one audit event in its own transaction (for actions done outside a service,
    e.g. a PDF report the desktop renders itself)."""
    with store.write() as session:
        append_audit(session, user.username, action, subject, details)
