"""Watchlist alerts: the supervisor's decision on each, and the queue of those waiting."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from border_client.services.audit import append_audit
from border_client.services.common import (
    NotFound,
    Role,
    UserSession,
    ValidationError,
    require_role,
    utcnow,
)
from border_client.services.outbox import enqueue
from border_client.storage.db import Store
from border_client.storage.models import Alert, Crossing

__all__ = ["DECISIONS", "AlertDecision", "apply_decision", "decide_alert", "pending_alerts"]

DECISIONS = ("allowed", "refused", "referred")


@dataclass(frozen=True)
class AlertDecision:
    decision: str  # allowed | refused | referred
    note: str = ""

    def __post_init__(self) -> None:
        if self.decision not in DECISIONS:
            raise ValidationError(f"decision {self.decision!r}: expected allowed, refused or referred")


def apply_decision(session: Session, user: UserSession, alert: Alert, decision: AlertDecision) -> None:
    """Record a decision inside the caller's transaction (with outbox event and audit)."""
    require_role(user, Role.SUPERVISOR, "decide watchlist alerts")
    if alert.decision is not None:
        raise ValidationError(
            f"alert {alert.alert_id} was already decided ({alert.decision} by {alert.decided_by})"
        )
    now = utcnow()
    alert.decision = decision.decision
    alert.decided_by = user.username
    alert.decided_at = now
    alert.note = decision.note
    enqueue(
        session,
        "alert.decided",
        {
            "alert_id": alert.alert_id,
            "decision": decision.decision,
            "decided_by": user.username,
            "decided_at": now.isoformat(),
            "note": decision.note,
        },
        at=now,
    )
    append_audit(
        session,
        user.username,
        "alert.decided",
        alert.alert_id,
        {"decision": decision.decision, "crossing_id": alert.crossing_id},
        at=now,
    )


def decide_alert(
    store: Store, user: UserSession, alert_id: str, decision: str, note: str = ""
) -> dict[str, Any]:
    require_role(user, Role.SUPERVISOR, "decide watchlist alerts")
    choice = AlertDecision(decision, note)
    with store.write() as session:
        alert = session.get(Alert, alert_id)
        if alert is None:
            raise NotFound(f"no alert {alert_id}")
        apply_decision(session, user, alert, choice)
        return _alert_row(alert, None)


def _alert_row(a: Alert, c: Crossing | None) -> dict[str, Any]:
    row: dict[str, Any] = {
        "alert_id": a.alert_id,
        "crossing_id": a.crossing_id,
        "kind": a.kind,
        "watchlist_entry_id": a.watchlist_entry_id,
        "score": a.score,
        "reason": a.reason,
        "raised_at": a.raised_at.isoformat(),
        "late": a.late,
        "decision": a.decision,
        "decided_by": a.decided_by,
        "decided_at": a.decided_at.isoformat() if a.decided_at else None,
        "note": a.note,
    }
    if c is not None:
        row.update(
            surname=c.surname,
            given_names=c.given_names,
            document_number=c.document_number,
            nationality=c.nationality,
            direction=c.direction,
            occurred_at=c.occurred_at.isoformat(),
            inspector=c.inspector,
        )
    return row


def pending_alerts(store: Store, user: UserSession, limit: int = 200) -> list[dict[str, Any]]:
    """Alerts waiting for a decision, oldest first, with the crossing's traveler."""
    require_role(user, Role.SUPERVISOR, "see pending alerts")
    with store.read() as session:
        rows = session.execute(
            select(Alert, Crossing)
            .join(Crossing, Crossing.crossing_id == Alert.crossing_id)
            .where(Alert.decision.is_(None))
            .order_by(Alert.raised_at)
            .limit(limit)
        ).all()
        return [_alert_row(a, c) for a, c in rows]
