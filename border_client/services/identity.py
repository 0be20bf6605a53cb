"""Identity linking: one person, several documents (renewed passport, second nationality).

A crossing links to a traveler by document (number + issuing state + birth date). Other
documents of the same person are *suggested* by a transliteration-aware name match with the
same birth date and nationality; a supervisor confirms, and the link joins their histories.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import or_, select

from border_client.domain.names import full_name, name_similarity
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
from border_client.services.registration import linked_traveler_ids
from border_client.storage.db import Store
from border_client.storage.models import IdentityLink, Traveler

__all__ = ["SUGGESTION_THRESHOLD", "identity_suggestions", "link_identities"]

SUGGESTION_THRESHOLD = 85.0


def identity_suggestions(
    store: Store, user: UserSession, traveler_id: str, threshold: float = SUGGESTION_THRESHOLD
) -> list[dict[str, Any]]:
    """Other travelers (documents) that are probably the same person, best first."""
    require_role(user, Role.INSPECTOR, "see identity suggestions")
    with store.read() as session:
        t = session.get(Traveler, traveler_id)
        if t is None:
            raise NotFound(f"no traveler {traveler_id}")
        if t.birth_date is None:
            return []
        already = linked_traveler_ids(session, traveler_id)
        candidates = session.scalars(
            select(Traveler).where(
                Traveler.birth_date == t.birth_date,
                Traveler.nationality == t.nationality,
                Traveler.id.not_in(already),
            )
        ).all()
        name = full_name(t.surname, t.given_names)
        out: list[dict[str, Any]] = []
        for c in candidates:
            score = name_similarity(name, full_name(c.surname, c.given_names))
            sex_agrees = c.sex == t.sex or "X" in (c.sex, t.sex) or "<" in (c.sex, t.sex)
            if score >= threshold and sex_agrees:
                out.append(
                    {
                        "traveler_id": c.id,
                        "surname": c.surname,
                        "given_names": c.given_names,
                        "document_number": c.document_number,
                        "issuing_state": c.issuing_state,
                        "birth_date": c.birth_date.isoformat() if c.birth_date else None,
                        "nationality": c.nationality,
                        "score": round(score, 1),
                        "reason": f"name {score:.0f}% alike, same birth date and nationality",
                    }
                )
        out.sort(key=lambda d: -d["score"])
        return out


def link_identities(
    store: Store, user: UserSession, traveler_id: str, other_traveler_id: str
) -> dict[str, Any]:
    """A supervisor confirms two travelers are one person (emits ``identity.linked``)."""
    require_role(user, Role.SUPERVISOR, "confirm identities")
    if traveler_id == other_traveler_id:
        raise ValidationError("a traveler cannot be linked to itself")
    with store.write() as session:
        for tid in (traveler_id, other_traveler_id):
            if session.get(Traveler, tid) is None:
                raise NotFound(f"no traveler {tid}")
        existing = session.scalars(
            select(IdentityLink).where(
                or_(
                    (IdentityLink.traveler_id == traveler_id)
                    & (IdentityLink.other_traveler_id == other_traveler_id),
                    (IdentityLink.traveler_id == other_traveler_id)
                    & (IdentityLink.other_traveler_id == traveler_id),
                )
            )
        ).first()
        if existing is not None:
            raise ValidationError("these travelers are already linked")
        now = utcnow()
        session.add(
            IdentityLink(
                traveler_id=traveler_id,
                other_traveler_id=other_traveler_id,
                confirmed_by=user.username,
                at=now,
            )
        )
        payload = {
            "traveler_id": traveler_id,
            "other_traveler_id": other_traveler_id,
            "confirmed_by": user.username,
            "at": now.isoformat(),
        }
        enqueue(session, "identity.linked", payload, at=now)
        append_audit(
            session,
            user.username,
            "identity.linked",
            traveler_id,
            {"other_traveler_id": other_traveler_id},
            at=now,
        )
        return payload
