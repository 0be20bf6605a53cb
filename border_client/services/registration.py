"""Registering a crossing: traveler linking, stay rules, watchlist check, audit and outbox.

Everything a registration writes (traveler, crossing, photo, alerts, outbox events, audit
events) commits in one fsynced transaction, or not at all.
"""

from __future__ import annotations

import zoneinfo
from collections import namedtuple
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from types import SimpleNamespace
from typing import Any, cast

from sqlalchemy import Boolean, Table, bindparam, or_, select
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from border_client.domain.mrz import MrzDocument
from border_client.domain.names import full_name, icao_transliterate
from border_client.domain.stay import StayPolicy
from border_client.domain.traveler import document_warnings
from border_client.domain.watchlist import normalize_document_number
from border_client.services.alerts import AlertDecision, apply_decision
from border_client.services.audit import AUDIT_HEAD_SQL, GENESIS, insert_audit
from border_client.services.common import (
    NotFound,
    Role,
    UserSession,
    ValidationError,
    new_id,
    require_role,
    utcnow,
)
from border_client.services.outbox import OUTBOX_LAST_SQL, insert_event
from border_client.services.settings import cached_stay_policy, fresh_stay_policy
from border_client.services.watchlist import Hit, WatchlistIndex, get_index, raise_alert
from border_client.storage.db import Store
from border_client.storage.models import (
    Alert,
    Crossing,
    CrossingPhoto,
    IdentityLink,
    Post,
    Traveler,
)
from border_client.storage.rawsql import TableInsert, dbapi, to_db, utc_from_db

__all__ = [
    "DIRECTIONS",
    "SELECT_CROSSINGS",
    "TRAVEL_MODES",
    "CrossingView",
    "RegistrationResult",
    "TravelerCheck",
    "check_traveler",
    "crossing_row",
    "crossing_view",
    "get_photo",
    "linked_traveler_ids",
    "register_crossing",
    "traveler_history",
]

DIRECTIONS = ("entry", "exit")
TRAVEL_MODES = ("land", "sea", "air")
MAX_PHOTO_BYTES = 2 * 1024 * 1024


@dataclass(frozen=True)
class CrossingView:
    """A crossing as shown and exported (with approved amendments applied)."""

    crossing_id: str
    row_id: int
    post_code: str
    direction: str
    occurred_at: datetime
    local_tz: str
    inspector: str
    travel_mode: str
    vehicle_plate: str
    purpose: str
    origin_destination: str
    remarks: str
    traveler_id: str
    document_code: str
    issuing_state: str
    document_number: str
    nationality: str
    surname: str
    given_names: str
    birth_date: str | None
    sex: str
    expiry_date: str | None
    optional_data: str
    mrz_lines: tuple[str, ...]
    mrz_valid: bool
    watchlist_version: int | None
    days_stayed: int | None
    overstay: bool
    double_entry: bool
    has_photo: bool
    status: str = "cleared"  # cleared | pending | allowed | refused | referred
    amended: bool = False

    @property
    def local_time(self) -> datetime:
        return self.occurred_at.astimezone(zoneinfo.ZoneInfo(self.local_tz))

    def to_dict(self) -> dict[str, Any]:
        d = {k: getattr(self, k) for k in self.__dataclass_fields__}
        d["occurred_at"] = self.occurred_at.isoformat()
        d["local_time"] = self.local_time.isoformat()
        d["mrz_lines"] = list(self.mrz_lines)
        return d


_AMENDABLE = (
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


def crossing_view(
    c: Any, status: str = "cleared", amendments: list[dict[str, Any]] | None = None
) -> CrossingView:
    """A view of a ``Crossing`` object or of a Core row of the crossings table."""
    row_id = getattr(c, "rowid_", None)
    values: dict[str, Any] = {
        "crossing_id": c.crossing_id,
        "row_id": row_id if row_id is not None else c.id,
        "post_code": c.post_code,
        "direction": c.direction,
        "occurred_at": c.occurred_at,
        "local_tz": c.local_tz,
        "inspector": c.inspector,
        "travel_mode": c.travel_mode,
        "vehicle_plate": c.vehicle_plate,
        "purpose": c.purpose,
        "origin_destination": c.origin_destination,
        "remarks": c.remarks,
        "traveler_id": c.traveler_id,
        "document_code": c.document_code,
        "issuing_state": c.issuing_state,
        "document_number": c.document_number,
        "nationality": c.nationality,
        "surname": c.surname,
        "given_names": c.given_names,
        "birth_date": c.birth_date,
        "sex": c.sex,
        "expiry_date": c.expiry_date,
        "optional_data": c.optional_data,
        "mrz_lines": tuple(c.mrz_lines.split("\n")),
        "mrz_valid": c.mrz_valid,
        "watchlist_version": c.watchlist_version,
        "days_stayed": c.days_stayed,
        "overstay": c.overstay,
        "double_entry": c.double_entry,
        "has_photo": c.has_photo,
        "status": status,
    }
    for changes in amendments or ():
        values.update({k: v for k, v in changes.items() if k in _AMENDABLE})
        values["amended"] = True
    return CrossingView(**values)


@dataclass(frozen=True)
class RegistrationResult:
    crossing: CrossingView
    alerts: list[dict[str, Any]]
    warnings: list[str] = field(default_factory=list)
    allowed_days: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "crossing": self.crossing.to_dict(),
            "alerts": self.alerts,
            "warnings": self.warnings,
            "allowed_days": self.allowed_days,
        }


@dataclass(frozen=True)
class TravelerCheck:
    """What the counter shows before saving: hits, history, the suggested direction, the stay."""

    traveler_id: str | None
    hits: list[Hit]
    history: list[CrossingView]
    suggested_direction: str
    days_stayed: int | None
    allowed_days: int | None
    overstay: bool
    warnings: list[str]


def _alert_dict(a: Alert) -> dict[str, Any]:
    return {
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


def linked_traveler_ids(session: Session | Connection, traveler_id: str) -> set[str]:
    """The traveler and every document confirmed as the same person (transitively)."""
    table = IdentityLink.__table__
    # The common case (one traveler, usually no links) runs a statement built once.
    rows = session.execute(_LINKS_OF_ONE, {"tid": traveler_id}).all()
    group = {traveler_id}
    frontier = {x for row in rows for x in row} - group
    group |= frontier
    while frontier:
        rows = session.execute(
            _LINKS.where(or_(table.c.traveler_id.in_(frontier), table.c.other_traveler_id.in_(frontier)))
        ).all()
        found = {x for row in rows for x in row} - group
        group |= found
        frontier = found
    return group


_TRAVELERS = cast(Table, Traveler.__table__)
_CROSSINGS = cast(Table, Crossing.__table__)
_CROSSING_COLUMNS = tuple(c.name for c in _CROSSINGS.columns)
# A crossings row read on the DBAPI connection, with the model's types applied (crossing_row);
# crossing_view takes it as it takes a Crossing.
_CrossingRow: Any = namedtuple("_CrossingRow", _CROSSING_COLUMNS)  # type: ignore[misc]
_OCCURRED_AT = _CROSSING_COLUMNS.index("occurred_at")
_BOOLEANS = [i for i, c in enumerate(_CROSSINGS.columns) if isinstance(c.type, Boolean)]
SELECT_CROSSINGS = f"SELECT {', '.join(_CROSSING_COLUMNS)} FROM crossings"


def crossing_row(raw: Sequence[Any]) -> Any:
    """A row of ``SELECT_CROSSINGS`` with the model's types (aware UTC time, booleans)."""
    values = list(raw)
    values[_OCCURRED_AT] = utc_from_db(values[_OCCURRED_AT])
    for i in _BOOLEANS:
        values[i] = bool(values[i])
    return _CrossingRow(*values)


@dataclass(frozen=True)
class _Last:
    """A traveler group's most recent crossing (from the travelers' last-crossing cache)."""

    direction: str
    at: datetime


# Statements built once (building them per call costs more than running them).
_FIND_TRAVELER = select(_TRAVELERS.c.id, _TRAVELERS.c.last_direction, _TRAVELERS.c.last_crossing_at).where(
    _TRAVELERS.c.number_key == bindparam("number_key"),
    _TRAVELERS.c.issuing_state == bindparam("issuing_state"),
    _TRAVELERS.c.birth_date_raw == bindparam("birth_date_raw"),
)
_INSERT_TRAVELER = TableInsert(_TRAVELERS)
_INSERT_CROSSING = TableInsert(_CROSSINGS, omit=("id",))
_INSERT_PHOTO = TableInsert(cast(Table, CrossingPhoto.__table__))
# A crossing registered with an earlier time (a late entry of a paper record) does not replace
# a later one as the traveler's latest.
_UPDATE_LAST = (
    "UPDATE travelers SET last_direction = ?, last_crossing_at = ?, last_crossing_id = ? "
    "WHERE id = ? AND (last_crossing_at IS NULL OR last_crossing_at <= ?)"
)
# Everything a registration reads, in one statement: the current watchlist version, the last
# outbox seq and audit hash, and the traveler of this document (with whether any identity link
# joins it to other documents). The outer row always exists; the traveler's columns are NULL
# when the document is new.
_HEADS_AND_TRAVELER = (
    "SELECT (SELECT max(id) FROM watchlist_versions), "
    f"({OUTBOX_LAST_SQL}), ({AUDIT_HEAD_SQL}), "
    "t.id, t.last_direction, t.last_crossing_at, "
    "EXISTS (SELECT 1 FROM identity_links l WHERE l.traveler_id = t.id OR l.other_traveler_id = t.id) "
    "FROM (SELECT 1) LEFT JOIN travelers t "
    "ON t.number_key = ? AND t.issuing_state = ? AND t.birth_date_raw = ?"
)
_LINKS = select(IdentityLink.__table__.c.traveler_id, IdentityLink.__table__.c.other_traveler_id)
_LINKS_OF_ONE = _LINKS.where(
    or_(
        IdentityLink.__table__.c.traveler_id == bindparam("tid"),
        IdentityLink.__table__.c.other_traveler_id == bindparam("tid"),
    )
)


def _find_traveler_id(conn: Connection, doc: MrzDocument) -> tuple[str, _Last | None] | None:
    row = conn.execute(
        _FIND_TRAVELER,
        {
            "number_key": normalize_document_number(doc.document_number),
            "issuing_state": doc.issuing_state,
            "birth_date_raw": doc.birth_date_raw,
        },
    ).first()
    if row is None:
        return None
    last = _Last(row.last_direction, row.last_crossing_at) if row.last_crossing_at else None
    return str(row.id), last


def _last_in_group(conn: Connection, traveler_id: str, own: _Last | None) -> _Last | None:
    group = linked_traveler_ids(conn, traveler_id)
    if len(group) == 1:
        return own
    rows = conn.execute(
        select(_TRAVELERS.c.last_direction, _TRAVELERS.c.last_crossing_at).where(
            _TRAVELERS.c.id.in_(group), _TRAVELERS.c.last_crossing_at.is_not(None)
        )
    ).all()
    if not rows:
        return None
    latest = max(rows, key=lambda r: r.last_crossing_at)
    return _Last(latest.last_direction, latest.last_crossing_at)


def _post(store: Store, session: Session) -> tuple[str, str]:
    """(post code, time zone): fixed at set-up, so read once per open store."""
    cached = store.cache.get("post")
    if cached is None:
        post = session.get(Post, 1)
        if post is None:
            raise NotFound("the store has no post configured")
        cached = store.cache["post"] = (post.code, post.timezone)
    code, tz = cached
    return str(code), str(tz)


def _local_day(at: datetime, tz: str) -> date:
    return at.astimezone(zoneinfo.ZoneInfo(tz)).date()


def _stay(
    policy: StayPolicy, last: _Last | None, nationality: str, until: datetime, tz: str
) -> tuple[int | None, int | None, bool]:
    """(days stayed, allowed days, overstay) for someone whose last crossing was an entry."""
    allowed = policy.allowed_days(nationality)
    if last is None or last.direction != "entry":
        return None, allowed, False
    entry_day = _local_day(last.at, tz)
    until_day = _local_day(until, tz)
    if until_day < entry_day:
        return None, allowed, False
    assessment = policy.assess(nationality, entry_day, until_day)
    return assessment.days, assessment.allowed_days, assessment.overstay


def _history(session: Session, group: set[str], limit: int = 20) -> list[CrossingView]:
    rows = session.scalars(
        select(Crossing)
        .where(Crossing.traveler_id.in_(group))
        .order_by(Crossing.occurred_at.desc(), Crossing.rowid_.desc())
        .limit(limit)
    ).all()
    return [crossing_view(c) for c in rows]


# The counter's check of one document on the DBAPI connection (check_traveler): the current
# watchlist version and the document's traveler, whether identity links join it to others, then
# its latest crossings. The outer row always exists; the traveler's columns are NULL when the
# document is new.
_CHECK_TRAVELER = (
    "SELECT (SELECT max(id) FROM watchlist_versions), t.id, t.last_direction, t.last_crossing_at, "
    "EXISTS (SELECT 1 FROM identity_links l WHERE l.traveler_id = t.id OR l.other_traveler_id = t.id) "
    "FROM (SELECT 1) LEFT JOIN travelers t "
    "ON t.number_key = ? AND t.issuing_state = ? AND t.birth_date_raw = ?"
)
_HISTORY_LIMIT = 20
_HISTORY_OF_ONE = (
    f"{SELECT_CROSSINGS} WHERE traveler_id = ? "
    f"ORDER BY occurred_at DESC, id DESC LIMIT {_HISTORY_LIMIT}"
)


def check_traveler(store: Store, user: UserSession, doc: MrzDocument) -> TravelerCheck:
    """Everything the counter needs before saving; writes nothing."""
    require_role(user, Role.INSPECTOR, "look up travelers")
    checked = _check_on_dbapi(store, doc)
    if checked is not None:
        return checked
    with store.read() as session:
        _, tz = _post(store, session)
        conn = session.connection()
        found = _find_traveler_id(conn, doc)
        traveler_id = found[0] if found else None
        group = linked_traveler_ids(conn, traveler_id) if traveler_id else set()
        last = _last_in_group(conn, found[0], found[1]) if found else None
        index = get_index(store, session)
        policy = cached_stay_policy(store, session)
        history = _history(session, group, _HISTORY_LIMIT) if group else []
    return _traveler_check(doc, tz, policy, index, traveler_id, last, history)


def _check_on_dbapi(store: Store, doc: MrzDocument) -> TravelerCheck | None:
    """check_traveler in two statements on a bare DBAPI connection (SQLAlchemy's session costs
    more than the statements), or None when the services' session is needed: the post, stay
    policy or watchlist not loaded yet or another list applied, or documents linked to others."""
    post = store.cache.get("post")
    policy = fresh_stay_policy(store)
    index = store.cache.get("watchlist_index")
    if post is None or policy is None or not isinstance(index, WatchlistIndex):
        return None
    key = (normalize_document_number(doc.document_number), doc.issuing_state, doc.birth_date_raw)
    with store.raw_read() as db:
        wl_version, traveler_id, direction, at, linked = db.execute(_CHECK_TRAVELER, key).fetchone()
        if wl_version != index.version_id or linked:
            return None
        history = []
        if traveler_id is not None:
            rows = db.execute(_HISTORY_OF_ONE, (traveler_id,)).fetchall()
            history = [crossing_view(crossing_row(r)) for r in rows]
    last_at = utc_from_db(at)
    last = _Last(direction, last_at) if last_at else None
    return _traveler_check(doc, str(post[1]), policy, index, traveler_id, last, history)


def _traveler_check(
    doc: MrzDocument,
    tz: str,
    policy: StayPolicy,
    index: WatchlistIndex,
    traveler_id: str | None,
    last: _Last | None,
    history: list[CrossingView],
) -> TravelerCheck:
    hits = index.check_document(doc)
    now = utcnow()
    days, allowed, over = _stay(policy, last, doc.nationality, now, tz)
    warnings = list(doc.warnings) + document_warnings(doc, _local_day(now, tz))
    if not doc.valid:
        warnings.append("a check digit fails: verify the document")
    return TravelerCheck(
        traveler_id=traveler_id,
        hits=hits,
        history=history,
        suggested_direction="exit" if last and last.direction == "entry" else "entry",
        days_stayed=days,
        allowed_days=allowed,
        overstay=over,
        warnings=warnings,
    )


def _validate(direction: str, travel_mode: str, doc: MrzDocument, allow_invalid: bool) -> None:
    if direction not in DIRECTIONS:
        raise ValidationError(f"direction {direction!r}: expected entry or exit")
    if travel_mode not in TRAVEL_MODES:
        raise ValidationError(f"travel mode {travel_mode!r}: expected land, sea or air")
    if not doc.valid and not allow_invalid:
        failed = ", ".join(k for k, v in doc.checks.items() if v is False)
        raise ValidationError(
            f"the MRZ fails its check digit(s) ({failed}); correct it or register it explicitly as unverified"
        )
    if not doc.document_number.strip("<") or not doc.issuing_state.strip("<"):
        raise ValidationError("the document has no number or no issuing state")


def register_crossing(
    store: Store,
    user: UserSession,
    doc: MrzDocument,
    direction: str,
    *,
    travel_mode: str = "land",
    vehicle_plate: str = "",
    purpose: str = "",
    origin_destination: str = "",
    remarks: str = "",
    photo: bytes | None = None,
    occurred_at: datetime | None = None,
    decision: AlertDecision | None = None,
    allow_invalid: bool = False,
) -> RegistrationResult:
    """Register an entry or exit. A watchlist hit raises alerts; a supervisor may decide them
    here (``decision``), otherwise they wait in the supervisor's queue."""
    require_role(user, Role.INSPECTOR, "register crossings")
    _validate(direction, travel_mode, doc, allow_invalid)
    if photo is not None and len(photo) > MAX_PHOTO_BYTES:
        raise ValidationError(f"the photo is larger than {MAX_PHOTO_BYTES // 1024} KiB")
    if decision is not None:
        require_role(user, Role.SUPERVISOR, "decide watchlist alerts")
    now = occurred_at or utcnow()

    def attempt(db: Any, session: Session | None) -> RegistrationResult | None:
        return _register(
            store, db, session, user, doc, direction, now, travel_mode, vehicle_plate, purpose,
            origin_destination, remarks, photo, decision,
        )  # fmt: skip

    # Most registrations commit on a bare DBAPI connection (SQLAlchemy's session costs more than
    # the statements); the others write nothing there and run again on a session.
    with store.raw_write() as db:
        result = attempt(db, None)
    if result is None:
        with store.write() as session:
            result = attempt(dbapi(session), session)
    assert result is not None  # with a session, _register always registers (or raises)
    return result


def _register(
    store: Store,
    db: Any,
    session: Session | None,
    user: UserSession,
    doc: MrzDocument,
    direction: str,
    now: datetime,
    travel_mode: str,
    vehicle_plate: str,
    purpose: str,
    origin_destination: str,
    remarks: str,
    photo: bytes | None,
    decision: AlertDecision | None,
) -> RegistrationResult | None:
    """The registration inside its write transaction on ``db``: one read for the traveler and
    the three heads (read under the write lock, they cannot move before the commit), then four
    inserts or updates. Without a ``session`` (the fast path on a bare DBAPI connection) it
    returns None, having written nothing, when the registration needs the services' session:
    a watchlist hit, linked documents, a list or setting to load."""
    if session is None:
        post = store.cache.get("post")
        policy = fresh_stay_policy(store)
        if post is None or policy is None:
            return None
        post_code, tz = str(post[0]), str(post[1])
    else:
        post_code, tz = _post(store, session)
        policy = cached_stay_policy(store, session)
    number_key = normalize_document_number(doc.document_number)
    wl_version, last_seq, audit_head, found_id, found_dir, found_at, linked = db.execute(
        _HEADS_AND_TRAVELER, (number_key, doc.issuing_state, doc.birth_date_raw)
    ).fetchone()
    crossing_id = new_id()
    if found_id is None:
        traveler_id = new_id()
        last = None
    else:
        traveler_id = str(found_id)
        found_at = utc_from_db(found_at)
        last = _Last(found_dir, found_at) if found_at else None
        if linked:
            if session is None:
                return None  # linked documents (rare): the session's path follows the links
            last = _last_in_group(session.connection(), traveler_id, last)
    warnings: list[str] = list(doc.warnings) + document_warnings(doc, _local_day(now, tz))
    days: int | None = None
    allowed: int | None = None
    overstay = double_entry = False
    if direction == "entry":
        if last is not None and last.direction == "entry":
            double_entry = True
            warnings.append("entered before without a recorded exit")
        allowed = policy.allowed_days(doc.nationality)
    else:
        days, allowed, overstay = _stay(policy, last, doc.nationality, now, tz)
        if last is None or last.direction != "entry":
            warnings.append("exit without a recorded entry")
        elif overstay:
            warnings.append(f"overstay: {days} days stayed, {allowed} allowed")
    index = store.cache.get("watchlist_index")
    if not isinstance(index, WatchlistIndex) or index.version_id != wl_version:
        if session is None:
            return None  # another list was applied: the session's path rebuilds the index
        index = get_index(store, session)
    hits = index.check_document(doc)
    if hits and session is None:
        return None  # alerts (rare) are raised by the services, on the session's path
    if found_id is None:
        surname_key = icao_transliterate(doc.surname)
        _INSERT_TRAVELER(
            db,
            {
                "id": traveler_id,
                "document_number": doc.document_number,
                "number_key": number_key,
                "issuing_state": doc.issuing_state,
                "birth_date_raw": doc.birth_date_raw,
                "birth_date": doc.birth_date,
                "surname": doc.surname,
                "given_names": doc.given_names,
                "name_key": icao_transliterate(full_name(doc.surname, doc.given_names)),
                "surname_initial": surname_key[:1],
                "nationality": doc.nationality,
                "sex": doc.sex,
                "created_at": now,
                # A new traveler's latest crossing is this one.
                "last_direction": direction,
                "last_crossing_at": now,
                "last_crossing_id": crossing_id,
            },
        )
    values: dict[str, Any] = {
        "crossing_id": crossing_id,
        "post_code": post_code,
        "direction": direction,
        "occurred_at": now,
        "local_tz": tz,
        "inspector": user.username,
        "travel_mode": travel_mode,
        "vehicle_plate": vehicle_plate.strip().upper(),
        "purpose": purpose.strip(),
        "origin_destination": origin_destination.strip(),
        "remarks": remarks.strip(),
        "traveler_id": traveler_id,
        "document_code": doc.document_code,
        "issuing_state": doc.issuing_state,
        "document_number": doc.document_number,
        "nationality": doc.nationality,
        "surname": doc.surname,
        "given_names": doc.given_names,
        "birth_date": doc.birth_date.isoformat() if doc.birth_date else None,
        "sex": doc.sex,
        "expiry_date": doc.expiry_date.isoformat() if doc.expiry_date else None,
        "optional_data": doc.optional_data,
        "mrz_lines": "\n".join(doc.lines),
        "mrz_valid": doc.valid,
        "watchlist_version": index.version_id,
        "days_stayed": days,
        "overstay": overstay,
        "double_entry": double_entry,
        "has_photo": photo is not None,
    }
    crossing = SimpleNamespace(rowid_=_INSERT_CROSSING(db, values), **values)
    if photo is not None:
        _INSERT_PHOTO(db, {"crossing_id": crossing_id, "media_type": "image/jpeg", "data": photo})
    if found_id is not None:
        db.execute(_UPDATE_LAST, (direction, to_db(now), crossing_id, traveler_id, to_db(now)))
    seq = insert_event(
        db,
        (last_seq or 0) + 1,
        "crossing.registered",
        _registered_payload(crossing, doc, index.server_version),
        at=now,
    )
    audit_head = insert_audit(
        db,
        audit_head or GENESIS,
        user.username,
        "crossing.registered",
        crossing_id,
        {"direction": direction, "alerts": len(hits), "mrz_valid": doc.valid},
        at=now,
    )
    alerts: list[Alert] = []
    if session is not None:
        # The alert services continue the chain and the sequence from these heads.
        session.info["outbox_seq"] = seq
        session.info["audit_head"] = audit_head
        alerts = [raise_alert(session, user.username, crossing_id, h, late=False) for h in hits]
        if decision is not None:
            for alert in alerts:
                apply_decision(session, user, alert, decision)
    status = _status(alerts)
    return RegistrationResult(
        crossing_view(crossing, status), [_alert_dict(a) for a in alerts], warnings, allowed
    )


def _status(alerts: list[Alert]) -> str:
    if not alerts:
        return "cleared"
    decisions = {a.decision for a in alerts}
    if None in decisions:
        return "pending"
    for d in ("refused", "referred", "allowed"):
        if d in decisions:
            return d
    return "cleared"  # pragma: no cover


def _registered_payload(c: Any, doc: MrzDocument, server_watchlist_version: int | None) -> dict[str, Any]:
    """The ``crossing.registered`` event (TEAM.md contract). ``watchlist_version`` is the
    central office's version number the check ran against (null for a local CSV list)."""
    return {
        "crossing_id": c.crossing_id,
        "post_code": c.post_code,
        "direction": c.direction,
        "occurred_at": c.occurred_at.isoformat(),
        "local_tz": c.local_tz,
        "inspector": c.inspector,
        "travel_mode": c.travel_mode,
        "vehicle_plate": c.vehicle_plate,
        "purpose": c.purpose,
        "origin_destination": c.origin_destination,
        "remarks": c.remarks,
        "traveler_id": c.traveler_id,
        "document": {
            "document_code": c.document_code,
            "issuing_state": c.issuing_state,
            "document_number": c.document_number,
            "nationality": c.nationality,
            "surname": c.surname,
            "given_names": c.given_names,
            "birth_date": c.birth_date,
            "sex": c.sex,
            "expiry_date": c.expiry_date,
            "optional_data": c.optional_data,
            "mrz_lines": list(doc.lines),
        },
        "watchlist_version": server_watchlist_version,
        "days_stayed": c.days_stayed,
        "overstay": c.overstay,
        "has_photo": c.has_photo,
    }


def traveler_history(store: Store, user: UserSession, traveler_id: str) -> list[CrossingView]:
    require_role(user, Role.INSPECTOR, "see a traveler's history")
    with store.read() as session:
        if session.get(Traveler, traveler_id) is None:
            raise NotFound(f"no traveler {traveler_id}")
        return _history(session, linked_traveler_ids(session, traveler_id), limit=1000)


def get_photo(store: Store, user: UserSession, crossing_id: str) -> bytes | None:
    require_role(user, Role.INSPECTOR, "see photos")
    with store.read() as session:
        photo = session.get(CrossingPhoto, crossing_id)
        return photo.data if photo else None
