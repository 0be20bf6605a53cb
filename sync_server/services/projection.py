"""Projection of validated events into the query tables the console reads.

Runs inside the ingest transaction, only for events stored for the first time, so a resent
batch projects nothing twice. Per device the events are projected in sequence order.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from pydantic import ValidationError
from sqlalchemy import update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection

from border_client.domain.watchlist import document_key
from sync_server import schemas
from sync_server.models import Alert, Amendment, Crossing, IdentityLink
from sync_server.schemas import PAYLOAD_MODELS, CrossingRegistered
from sync_server.services.payload_check import Decline, compile_model, identity_on_str
from sync_server.sqlutil import bulk_insert_ignore, insert_ignore

_DOC_FIELDS = (
    "document_code",
    "issuing_state",
    "document_number",
    "nationality",
    "surname",
    "given_names",
    "birth_date",
    "sex",
    "expiry_date",
    "optional_data",
)
_CROSSING_FIELDS = (
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
    "watchlist_version",
    "days_stayed",
    "overstay",
    "has_photo",
)


def traveler_key(issuing_state: str | None, document_number: str | None) -> str:
    """The same document seen at any post: issuing state and normalized document number."""
    return document_key(document_number or "", issuing_state or "")


class InvalidEvent(ValueError):
    """The event's payload does not satisfy its type's schema (the message says how)."""


def _first_error(exc: ValidationError) -> str:
    err = exc.errors()[0]
    loc = ".".join(str(p) for p in err["loc"]) or "payload"
    return f"{loc}: {err['msg']}"


def amended_columns(changes: dict[str, Any]) -> dict[str, Any]:
    """The crossing columns an amendment sets, validated as a registration would be.

    Field names are the crossing.registered payload's, document fields either bare or as
    ``document.<field>``. Unknown fields are kept in the amendment but change no column.
    """
    top: dict[str, Any] = {}
    doc: dict[str, Any] = {}
    for name, value in changes.items():
        bare = name.removeprefix("document.")
        if bare in _DOC_FIELDS:
            doc[bare] = value
        elif name in _CROSSING_FIELDS:
            top[name] = value
    if not top and not doc:
        return {}
    # Validate the changed values with the registration schema around placeholder values.
    probe: dict[str, Any] = {
        "crossing_id": "x",
        "post_code": "x",
        "direction": "entry",
        "occurred_at": "2000-01-01T00:00:00Z",
        "document": doc,
        **top,
    }
    try:
        parsed = CrossingRegistered.model_validate(probe)
    except ValidationError as exc:
        raise InvalidEvent(f"changes.{_first_error(exc)}") from exc
    cols = {k: getattr(parsed, k) for k in top}
    cols.update({k: getattr(parsed.document, k) for k in doc})
    return cols


# The ids' BeforeValidator turns integers into strings and passes strings through unchanged.
identity_on_str(schemas._to_str)
# Built once from the models themselves: the plain shape of each payload, checked without
# pydantic (see payload_check); None for a model the builder cannot follow.
_FAST_CHECKS = {event_type: compile_model(model) for event_type, model in PAYLOAD_MODELS.items()}


def validate_payload(event_type: str, payload: dict[str, Any], post_code: str) -> dict[str, Any]:
    """The payload's fields as the model defines them (a dict, nested models as dicts), or
    InvalidEvent naming what is wrong."""
    model = PAYLOAD_MODELS.get(event_type)
    if model is None:
        raise InvalidEvent(f"unknown event type {event_type!r}")
    fast = _FAST_CHECKS[event_type]
    parsed: dict[str, Any] | None = None
    if fast is not None:
        try:
            parsed = fast(payload)
        except Decline:
            parsed = None
    if parsed is None:
        try:
            parsed = model.model_validate(payload).model_dump()
        except ValidationError as exc:
            raise InvalidEvent(_first_error(exc)) from exc
        except (TypeError, ValueError) as exc:
            # A validator that fails outside pydantic's own errors must quarantine the event,
            # not fail the batch (which the post would resend forever).
            raise InvalidEvent(f"payload could not be validated: {exc}") from exc
    if event_type == "crossing.registered" and parsed["post_code"].upper() != post_code:
        raise InvalidEvent(f"post_code {parsed['post_code']!r} is not this device's post {post_code!r}")
    if event_type == "crossing.amended":
        amended_columns(payload["changes"])
    return parsed


@dataclass
class Projected:
    """What one batch added to the query tables (given to ingest hooks such as the console's)."""

    crossings: list[dict[str, Any]] = field(default_factory=list)
    amendments: list[dict[str, Any]] = field(default_factory=list)
    alerts_raised: list[dict[str, Any]] = field(default_factory=list)
    alerts_decided: list[dict[str, Any]] = field(default_factory=list)
    identity_links: list[dict[str, Any]] = field(default_factory=list)


def _upsert(conn: Connection, table: Any, rows: list[dict[str, Any]], cols: Sequence[str]) -> None:
    ins = postgresql.insert(table) if conn.dialect.name == "postgresql" else sqlite.insert(table)
    stmt = ins.on_conflict_do_update(
        index_elements=["alert_id"], set_={c: getattr(ins.excluded, c) for c in cols}
    )
    conn.execute(stmt, rows)


def crossing_row(
    device_id: str, post_code: str, received_at: datetime, event_id: str, p: dict[str, Any]
) -> dict[str, Any]:
    """The ``crossings`` row of a valid crossing.registered payload."""
    d = p["document"]
    return {
        "crossing_id": p["crossing_id"],
        "event_id": event_id,
        "device_id": device_id,
        "post_code": post_code,
        **{f: p[f] for f in _CROSSING_FIELDS},
        **{f: d[f] for f in _DOC_FIELDS},
        "mrz_lines": json.dumps(d["mrz_lines"]) if d["mrz_lines"] is not None else None,
        "traveler_key": traveler_key(d["issuing_state"], d["document_number"]),
        "amended": False,
        "received_at": received_at,
    }


def project(
    conn: Connection,
    device_id: str,
    post_code: str,
    received_at: datetime,
    events: Sequence[tuple[int, str, str, Any]],
    prebuilt: frozenset[str] | set[str] = frozenset(),
) -> Projected:
    """Project (seq, event_id, event_type, parsed payload) tuples, in sequence order.

    For the crossing.registered events whose ids are in ``prebuilt`` the tuple already holds
    the row (``crossing_row``, built before the ingest took the device's lock).
    """
    out = Projected()
    dialect = conn.dialect.name
    for _seq, event_id, event_type, p in events:
        if event_type == "crossing.registered":
            out.crossings.append(
                p if event_id in prebuilt else crossing_row(device_id, post_code, received_at, event_id, p)
            )
        elif event_type == "alert.raised":
            out.alerts_raised.append(
                {
                    "alert_id": p["alert_id"],
                    "crossing_id": p["crossing_id"],
                    "post_code": post_code,
                    "device_id": device_id,
                    "kind": p["kind"],
                    "watchlist_entry_id": p["watchlist_entry_id"],
                    "score": p["score"],
                    "reason": p["reason"],
                    "raised_at": p["raised_at"],
                    "late": p["late"],
                }
            )
        elif event_type == "alert.decided":
            out.alerts_decided.append(
                {
                    "alert_id": p["alert_id"],
                    "post_code": post_code,
                    "device_id": device_id,
                    "late": False,
                    "decision": p["decision"],
                    "decided_by": p["decided_by"],
                    "decided_at": p["decided_at"],
                    "note": p["note"],
                }
            )
        elif event_type == "crossing.amended":
            out.amendments.append(
                {
                    "amendment_id": p["amendment_id"],
                    "crossing_id": p["crossing_id"],
                    "post_code": post_code,
                    "device_id": device_id,
                    "changes": json.dumps(p["changes"], ensure_ascii=False),
                    "reason": p["reason"],
                    "requested_by": p["requested_by"],
                    "approved_by": p["approved_by"],
                    "occurred_at": p["occurred_at"],
                }
            )
        elif event_type == "identity.linked":
            out.identity_links.append(
                {
                    "event_id": event_id,
                    "post_code": post_code,
                    "traveler_id": p["traveler_id"],
                    "other_traveler_id": p["other_traveler_id"],
                    "confirmed_by": p["confirmed_by"],
                    "at": p["at"],
                }
            )
    if out.crossings:
        bulk_insert_ignore(conn, Crossing.__table__, out.crossings)
    # Raised and decided may meet in either order (a quarantined or late event): each upsert
    # sets only its own columns.
    if out.alerts_raised:
        _upsert(
            conn,
            Alert.__table__,
            out.alerts_raised,
            ("crossing_id", "kind", "watchlist_entry_id", "score", "reason", "raised_at", "late"),
        )
    if out.alerts_decided:
        _upsert(
            conn,
            Alert.__table__,
            out.alerts_decided,
            ("decision", "decided_by", "decided_at", "note"),
        )
    if out.amendments:
        conn.execute(insert_ignore(Amendment.__table__, dialect), out.amendments)
        for a in out.amendments:
            cols = amended_columns(json.loads(a["changes"]))
            if not cols:
                continue
            if "issuing_state" in cols or "document_number" in cols:
                row = conn.execute(
                    Crossing.__table__.select().where(Crossing.crossing_id == a["crossing_id"])
                ).first()
                if row is not None:
                    cols["traveler_key"] = traveler_key(
                        cols.get("issuing_state", row.issuing_state),
                        cols.get("document_number", row.document_number),
                    )
            conn.execute(
                update(Crossing).where(Crossing.crossing_id == a["crossing_id"]).values(**cols, amended=True)
            )
    if out.identity_links:
        conn.execute(insert_ignore(IdentityLink.__table__, dialect), out.identity_links)
    return out
