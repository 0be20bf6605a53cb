"""Hash-chained, append-only audit of what central users saw and changed.

Each row's hash covers the previous row's hash and the row's own content, so an edited,
deleted or reordered row breaks the chain from that point on, which ``verify_chain`` reports.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, insert, select, text
from sqlalchemy.engine import Connection

from sync_server.console.tables import console_audit

GENESIS = "0" * 64
# Any constant: serializes writers to the chain on PostgreSQL (SQLite serializes writes anyway).
_ADVISORY_LOCK_KEY = 0x636F6E736F6C65


@dataclass(frozen=True)
class ChainStatus:
    rows: int
    intact: bool
    broken_at: int | None


def _row_hash(prev_hash: str, at: str, username: str, action: str, target: str, details: str) -> str:
    payload = json.dumps(
        [prev_hash, at, username, action, target, details],
        ensure_ascii=False,
        separators=(",", ":"),
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def _stamp(at: datetime) -> str:
    return (at if at.tzinfo else at.replace(tzinfo=UTC)).astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def record(
    conn: Connection,
    username: str,
    action: str,
    target: str = "",
    details: dict[str, Any] | None = None,
) -> None:
    """Append one entry to the chain, in the caller's transaction."""
    # PostgreSQL text cannot hold NUL; whatever a user typed is kept, visibly escaped.
    username = username.replace("\x00", "\\x00")[:64]
    target = target.replace("\x00", "\\x00")
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _ADVISORY_LOCK_KEY})
    last = conn.execute(select(console_audit.c.hash).order_by(console_audit.c.id.desc()).limit(1)).scalar()
    prev = last or GENESIS
    now = datetime.now(UTC)
    at = now.replace(microsecond=now.microsecond // 1000 * 1000)
    details_text = json.dumps(details or {}, ensure_ascii=False, sort_keys=True, default=str)
    conn.execute(
        insert(console_audit).values(
            at=at,
            username=username,
            action=action,
            target=target[:500],
            details=details_text,
            prev_hash=prev,
            hash=_row_hash(prev, _stamp(at), username, action, target[:500], details_text),
        )
    )


def verify_chain(conn: Connection, *, latest: int | None = None, batch: int = 5000) -> ChainStatus:
    """Walk the chain in id order; report the first row whose hash does not follow.

    With ``latest``, only the newest ``latest`` entries are checked (each against the one
    before it), which keeps the Audit page fast on a long history; the CLI checks it all.
    """
    prev: str | None = GENESIS
    last_id = 0
    if latest is not None:
        start = conn.execute(
            select(console_audit.c.id).order_by(console_audit.c.id.desc()).limit(1).offset(latest)
        ).scalar()
        if start is not None:
            last_id = int(start)
            prev = None  # take the first checked row's prev_hash as the anchor
    count = 0
    while True:
        rows = (
            conn.execute(
                select(console_audit)
                .where(console_audit.c.id > last_id)
                .order_by(console_audit.c.id)
                .limit(batch)
            )
            .mappings()
            .all()
        )
        if not rows:
            return ChainStatus(rows=count, intact=True, broken_at=None)
        for r in rows:
            anchor = r["prev_hash"] if prev is None else prev
            expected = _row_hash(
                anchor, _stamp(r["at"]), r["username"], r["action"], r["target"], r["details"]
            )
            if r["prev_hash"] != anchor or r["hash"] != expected:
                return ChainStatus(rows=count, intact=False, broken_at=int(r["id"]))
            prev = r["hash"]
            count += 1
            last_id = int(r["id"])


def page(
    conn: Connection,
    *,
    username: str | None = None,
    action: str | None = None,
    before_id: int | None = None,
    limit: int = 100,
) -> list[dict[str, Any]]:
    """Newest first, keyset-paginated by id."""
    q = select(console_audit).order_by(console_audit.c.id.desc()).limit(limit)
    if username:
        q = q.where(console_audit.c.username == username.strip().lower())
    if action:
        q = q.where(console_audit.c.action == action)
    if before_id:
        q = q.where(console_audit.c.id < before_id)
    return [dict(r) for r in conn.execute(q).mappings()]


def count(conn: Connection) -> int:
    return int(conn.execute(select(func.count()).select_from(console_audit)).scalar() or 0)
