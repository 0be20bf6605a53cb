"""Corrections to crossings: requested with a reason, approved by a supervisor, never in place.

The crossing row stays as registered; an approved amendment is an event that readers apply
on top (``reporting`` shows the corrected values and marks the record as amended).
"""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import select, update

from border_client.services.audit import append_audit
from border_client.services.common import (
    NotFound,
    Role,
    UserSession,
    ValidationError,
    new_id,
    require_role,
    utcnow,
)
from border_client.services.outbox import enqueue
from border_client.services.registration import DIRECTIONS, TRAVEL_MODES
from border_client.storage.db import Store
from border_client.storage.models import Amendment, Crossing, Traveler

__all__ = [
    "AMENDABLE_FIELDS",
    "decide_amendment",
    "list_amendments",
    "request_amendment",
]

AMENDABLE_FIELDS = (
    "travel_mode",
    "vehicle_plate",
    "purpose",
    "origin_destination",
    "remarks",
    "surname",
    "given_names",
    "nationality",
    "sex",
    "birth_date",
    "expiry_date",
    "document_number",
    "issuing_state",
    "direction",
)


def _validate_changes(changes: dict[str, Any]) -> dict[str, str]:
    if not changes:
        raise ValidationError("an amendment must change at least one field")
    clean: dict[str, str] = {}
    for key, value in changes.items():
        if key not in AMENDABLE_FIELDS:
            raise ValidationError(
                f"field {key!r} cannot be amended (amendable: {', '.join(AMENDABLE_FIELDS)})"
            )
        text = "" if value is None else str(value).strip()
        if key == "direction" and text not in DIRECTIONS:
            raise ValidationError(f"direction {text!r}: expected entry or exit")
        if key == "travel_mode" and text not in TRAVEL_MODES:
            raise ValidationError(f"travel mode {text!r}: expected land, sea or air")
        if key == "sex" and text not in ("M", "F", "X"):
            raise ValidationError(f"sex {text!r}: expected M, F or X")
        if key in ("birth_date", "expiry_date") and text:
            from datetime import date

            try:
                date.fromisoformat(text)
            except ValueError:
                raise ValidationError(f"{key} {text!r}: expected YYYY-MM-DD") from None
        clean[key] = text
    return clean


def request_amendment(
    store: Store, user: UserSession, crossing_id: str, changes: dict[str, Any], reason: str
) -> dict[str, Any]:
    """Ask for a correction; it takes effect only once a supervisor approves it."""
    require_role(user, Role.INSPECTOR, "request corrections")
    if not reason.strip():
        raise ValidationError("a correction needs a reason")
    clean = _validate_changes(changes)
    with store.write() as session:
        crossing = session.scalars(select(Crossing).where(Crossing.crossing_id == crossing_id)).one_or_none()
        if crossing is None:
            raise NotFound(f"no crossing {crossing_id}")
        a = Amendment(
            amendment_id=new_id(),
            crossing_id=crossing_id,
            changes=json.dumps(clean),
            reason=reason.strip(),
            requested_by=user.username,
            requested_at=utcnow(),
            status="pending",
        )
        session.add(a)
        append_audit(
            session,
            user.username,
            "amendment.requested",
            a.amendment_id,
            {"crossing_id": crossing_id, "fields": sorted(clean)},
        )
        return _row(a)


def decide_amendment(store: Store, user: UserSession, amendment_id: str, approve: bool) -> dict[str, Any]:
    """Approve (emits ``crossing.amended``) or reject a pending correction."""
    require_role(user, Role.SUPERVISOR, "approve corrections")
    with store.write() as session:
        a = session.get(Amendment, amendment_id)
        if a is None:
            raise NotFound(f"no amendment {amendment_id}")
        if a.status != "pending":
            raise ValidationError(f"amendment {amendment_id} is already {a.status}")
        now = utcnow()
        a.status = "approved" if approve else "rejected"
        a.decided_by = user.username
        a.decided_at = now
        if approve:
            changes = json.loads(a.changes)
            if "direction" in changes:
                # A corrected direction of the traveler's latest crossing changes whether they
                # are inside (overstays, double-entry checks, the suggested next direction).
                session.execute(
                    update(Traveler)
                    .where(Traveler.last_crossing_id == a.crossing_id)
                    .values(last_direction=changes["direction"])
                )
            enqueue(
                session,
                "crossing.amended",
                {
                    "amendment_id": a.amendment_id,
                    "crossing_id": a.crossing_id,
                    "changes": json.loads(a.changes),
                    "reason": a.reason,
                    "requested_by": a.requested_by,
                    "approved_by": user.username,
                    "occurred_at": now.isoformat(),
                },
                at=now,
            )
        append_audit(
            session,
            user.username,
            f"amendment.{a.status}",
            a.amendment_id,
            {"crossing_id": a.crossing_id},
            at=now,
        )
        return _row(a)


def _row(a: Amendment) -> dict[str, Any]:
    return {
        "amendment_id": a.amendment_id,
        "crossing_id": a.crossing_id,
        "changes": json.loads(a.changes),
        "reason": a.reason,
        "requested_by": a.requested_by,
        "requested_at": a.requested_at.isoformat(),
        "status": a.status,
        "decided_by": a.decided_by,
        "decided_at": a.decided_at.isoformat() if a.decided_at else None,
    }


def list_amendments(
    store: Store, user: UserSession, status: str | None = "pending", crossing_id: str | None = None
) -> list[dict[str, Any]]:
    require_role(user, Role.INSPECTOR, "see corrections")
    stmt = select(Amendment).order_by(Amendment.requested_at)
    if status:
        stmt = stmt.where(Amendment.status == status)
    if crossing_id:
        stmt = stmt.where(Amendment.crossing_id == crossing_id)
    with store.read() as session:
        return [_row(a) for a in session.scalars(stmt)]
