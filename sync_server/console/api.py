"""The JSON API behind the console (read-only), documented in the server's OpenAPI schema.

Authenticated by the console's session cookie; the Flows page's charts read it.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from pydantic import BaseModel

from sync_server.console import audit, queries
from sync_server.console.auth import ConsoleSession
from sync_server.console.web import ctx_of, current_session, reject_nul, today_utc, transaction

router = APIRouter(prefix="/api/console/v1", tags=["console"], dependencies=[Depends(reject_nul)])
SessionDep = Annotated[ConsoleSession, Depends(current_session)]
Limit = Annotated[int, Query(ge=1, le=500)]
Offset = Annotated[int, Query(ge=0, le=1_000_000)]
PostCode = Annotated[str | None, Query(max_length=16)]
UNAUTHORIZED: dict[int | str, dict[str, Any]] = {401: {"description": "No console session (log in first)"}}


class Me(BaseModel):
    username: str
    role: str


class PostStatus(BaseModel):
    post_code: str
    post_name: str
    device_id: str | None
    status: str | None
    hostname: str | None
    enrolled_at: datetime | None
    last_sync_at: datetime | None
    acked_seq: int | None
    queue_length: int | None
    oldest_pending_at: datetime | None
    app_version: str | None
    last_error: str | None
    watchlist_version: Any = None
    events_today: int


class FlowBucket(BaseModel):
    key: str
    entries: int
    exits: int


class FlowReportOut(BaseModel):
    start: date
    end: date
    post_code: str | None
    total_entries: int
    total_exits: int
    by_day: list[FlowBucket]
    by_post: list[FlowBucket]
    by_nationality: list[FlowBucket]
    by_sex: list[FlowBucket]
    by_age_band: list[FlowBucket]


class TravelerHit(BaseModel):
    traveler_key: str
    surname: str | None
    given_names: str | None
    nationality: str | None
    birth_date: str | None
    sex: str | None
    document_number: str | None
    issuing_state: str | None
    crossings: int
    last_seen_at: datetime
    last_post_code: str
    last_direction: str
    score: float


class TimelineCrossing(BaseModel):
    crossing_id: str
    traveler_key: str
    post_code: str
    direction: str
    occurred_at: datetime
    travel_mode: str | None
    document_number: str | None
    issuing_state: str | None
    inspector: str | None
    amended: bool
    days_stayed: int | None
    days_over: int | None
    entry_post_code: str | None = None


class InsideNow(BaseModel):
    since: datetime
    post_code: str
    days: int
    allowed_days: int | None
    days_over: int


class Timeline(BaseModel):
    traveler_key: str
    linked_keys: list[str]
    surname: str | None
    given_names: str | None
    nationality: str | None
    birth_date: str | None
    sex: str | None
    crossings: list[TimelineCrossing]
    inside: InsideNow | None


class MatchedExit(BaseModel):
    exit_id: str
    exit_post_code: str
    exit_at: datetime
    entry_id: str
    entry_post_code: str
    entry_at: datetime
    traveler_key: str
    surname: str | None
    given_names: str | None
    nationality: str | None
    document_number: str | None
    days_stayed: int
    allowed_days: int | None
    days_over: int


class UnmatchedExit(BaseModel):
    crossing_id: str
    post_code: str
    occurred_at: datetime
    traveler_key: str
    surname: str | None
    given_names: str | None
    nationality: str | None
    document_number: str | None
    issuing_state: str | None


class Overstay(BaseModel):
    traveler_key: str
    entry_at: datetime
    entry_post_code: str
    entry_crossing_id: str
    nationality: str
    days_stayed: int
    allowed_days: int | None
    days_over: int
    surname: str | None
    given_names: str | None
    document_number: str | None
    birth_date: str | None


class AlertOut(BaseModel):
    alert_id: str
    crossing_id: str | None
    post_code: str
    device_id: str
    kind: str | None
    watchlist_entry_id: str | None
    score: float | None
    reason: str | None
    raised_at: datetime | None
    late: bool
    decision: str | None
    decided_by: str | None
    decided_at: datetime | None
    note: str | None
    surname: str | None
    given_names: str | None
    document_number: str | None
    nationality: str | None
    direction: str | None
    traveler_key: str | None


class QuarantineOut(BaseModel):
    id: int
    source: Literal["event", "duplicate"]
    device_id: str
    post_code: str
    seq: int
    event_id: str
    event_type: str | None
    reason: str | None
    received_at: datetime


class WatchlistVersionOut(BaseModel):
    version: int
    published_at: datetime
    entry_count: int
    sha256: str


class DeviceWatchlist(BaseModel):
    post_code: str
    device_id: str
    status: str
    last_sync_at: datetime | None
    watchlist_version: Any = None


class WatchlistOverview(BaseModel):
    versions: list[WatchlistVersionOut]
    latest_version: int | None
    draft_count: int
    draft_pending: bool
    draft_imported_at: datetime | None
    draft: list[dict[str, Any]]
    devices: list[DeviceWatchlist]


class AuditEntry(BaseModel):
    id: int
    at: datetime
    username: str
    action: str
    target: str
    details: str
    prev_hash: str
    hash: str


class AuditPage(BaseModel):
    intact: bool
    broken_at: int | None
    rows: int
    entries: list[AuditEntry]


def _dates(start: date | None, end: date | None) -> tuple[date, date]:
    today = today_utc()
    s = start or date.fromordinal(today.toordinal() - 29)
    e = end or today
    if e < s:
        raise HTTPException(422, f"the end date {e} is before the start date {s}")
    if (e - s).days > queries.MAX_RANGE_DAYS:
        raise HTTPException(422, f"a range is at most {queries.MAX_RANGE_DAYS} days")
    return s, e


DateQ = Annotated[date | None, Query(description="first day (UTC), default 30 days ago")]
EndQ = Annotated[date | None, Query(description="last day (UTC), default today")]


def _audit(request: Request, session: ConsoleSession, target: str, **details: Any) -> None:
    with transaction(request) as conn:
        audit.record(conn, session.user.username, "api", target, details or None)


@router.get("/me", response_model=Me, responses=UNAUTHORIZED)
def me(session: SessionDep) -> Me:
    return Me(username=session.user.username, role=session.user.role)


@router.get("/posts", response_model=list[PostStatus], responses=UNAUTHORIZED)
def posts(request: Request, session: SessionDep) -> list[dict[str, Any]]:
    with transaction(request) as conn:
        return queries.posts_overview(conn, today_utc())


@router.get("/flows", response_model=FlowReportOut, responses=UNAUTHORIZED)
def flows(
    request: Request,
    session: SessionDep,
    start: DateQ = None,
    end: EndQ = None,
    post: PostCode = None,
) -> dict[str, Any]:
    s, e = _dates(start, end)
    with transaction(request) as conn:
        return queries.flows(conn, s, e, post or None).to_dict()


@router.get("/travelers", response_model=list[TravelerHit], responses=UNAUTHORIZED)
def travelers(
    request: Request,
    session: SessionDep,
    document: Annotated[str | None, Query(max_length=64)] = None,
    name: Annotated[str | None, Query(max_length=200)] = None,
    birth_date: date | None = None,
    limit: Annotated[int, Query(ge=1, le=200)] = 50,
) -> list[dict[str, Any]]:
    _audit(
        request,
        session,
        "travelers",
        document=document,
        name=name,
        birth_date=str(birth_date) if birth_date else None,
    )
    with transaction(request) as conn:
        try:
            return queries.search_travelers(
                conn, document_number=document, name=name, birth_date=birth_date, limit=limit
            )
        except queries.QueryError as exc:
            raise HTTPException(422, str(exc)) from exc


@router.get(
    "/travelers/{traveler_key}",
    response_model=Timeline,
    responses={**UNAUTHORIZED, 404: {"description": "No crossing for this traveler"}},
)
def traveler(request: Request, session: SessionDep, traveler_key: str) -> dict[str, Any]:
    _audit(request, session, "traveler", key=traveler_key)
    with transaction(request) as conn:
        t = queries.traveler_timeline(conn, traveler_key, ctx_of(request).policy, today_utc())
    if t is None:
        raise HTTPException(404, "no crossing is recorded for this traveler")
    return t


ExitAfter = Annotated[
    str | None,
    Query(
        max_length=200,
        description="Keyset paging: the exits after this position (older), "
        "'<exit time ISO 8601>~<exit crossing id>' of the last row of the previous page "
        "(a deep page then costs what the first does; offset is ignored).",
    ),
]
ExitBefore = Annotated[
    str | None,
    Query(max_length=200, description="Keyset paging backwards: the exits before this position (newer)."),
]


@router.get("/matching/exits", response_model=list[MatchedExit], responses=UNAUTHORIZED)
def matched(
    request: Request,
    session: SessionDep,
    start: DateQ = None,
    end: EndQ = None,
    post: PostCode = None,
    cross_post_only: bool = False,
    limit: Limit = 100,
    offset: Offset = 0,
    after: ExitAfter = None,
    before: ExitBefore = None,
) -> list[dict[str, Any]]:
    s, e = _dates(start, end)
    _audit(request, session, "matching/exits")
    with transaction(request) as conn:
        try:
            return queries.matched_exits(
                conn,
                s,
                e,
                policy=ctx_of(request).policy,
                post_code=post or None,
                cross_post_only=cross_post_only,
                limit=limit,
                offset=offset,
                after=after,
                before=before,
            )
        except queries.QueryError as exc:
            raise HTTPException(422, str(exc)) from exc


@router.get("/matching/unmatched", response_model=list[UnmatchedExit], responses=UNAUTHORIZED)
def unmatched(
    request: Request,
    session: SessionDep,
    start: DateQ = None,
    end: EndQ = None,
    post: PostCode = None,
    limit: Limit = 100,
    offset: Offset = 0,
    after: ExitAfter = None,
    before: ExitBefore = None,
) -> list[dict[str, Any]]:
    s, e = _dates(start, end)
    _audit(request, session, "matching/unmatched")
    with transaction(request) as conn:
        try:
            return queries.unmatched_exits(
                conn,
                s,
                e,
                post_code=post or None,
                limit=limit,
                offset=offset,
                after=after,
                before=before,
            )
        except queries.QueryError as exc:
            raise HTTPException(422, str(exc)) from exc


@router.get("/overstays", response_model=list[Overstay], responses=UNAUTHORIZED)
def overstays(
    request: Request,
    session: SessionDep,
    nationality: Annotated[str | None, Query(max_length=3)] = None,
    limit: Limit = 100,
    offset: Offset = 0,
    after: Annotated[
        str | None,
        Query(
            max_length=200,
            description="Keyset paging: the rows after this position, "
            "'<entry_at ISO 8601>~<traveler_key>' of the last row of the previous page "
            "(a deep page then costs what the first does; offset is ignored).",
        ),
    ] = None,
    before: Annotated[
        str | None,
        Query(max_length=200, description="Keyset paging backwards: the rows before this position."),
    ] = None,
) -> list[dict[str, Any]]:
    _audit(request, session, "overstays")
    with transaction(request) as conn:
        try:
            return queries.overstays(
                conn,
                policy=ctx_of(request).policy,
                today=today_utc(),
                nationality=nationality,
                limit=limit,
                offset=offset,
                after=after,
                before=before,
            )
        except queries.QueryError as exc:
            raise HTTPException(422, str(exc)) from exc


@router.get("/alerts", response_model=list[AlertOut], responses=UNAUTHORIZED)
def alerts(
    request: Request,
    session: SessionDep,
    start: DateQ = None,
    end: EndQ = None,
    post: PostCode = None,
    state: Literal["all", "pending", "allowed", "refused", "referred"] = "all",
    limit: Limit = 100,
    offset: Offset = 0,
) -> list[dict[str, Any]]:
    s, e = _dates(start, end)
    _audit(request, session, "alerts")
    with transaction(request) as conn:
        return queries.alerts(conn, s, e, post_code=post or None, state=state, limit=limit, offset=offset)


@router.get("/quarantine", response_model=list[QuarantineOut], responses=UNAUTHORIZED)
def quarantine(
    request: Request,
    session: SessionDep,
    post: PostCode = None,
    limit: Limit = 100,
    offset: Offset = 0,
) -> list[dict[str, Any]]:
    with transaction(request) as conn:
        return queries.quarantine(conn, post_code=post or None, limit=limit, offset=offset)


@router.get("/watchlists", response_model=WatchlistOverview, responses=UNAUTHORIZED)
def watchlists(request: Request, session: SessionDep) -> dict[str, Any]:
    with transaction(request) as conn:
        return queries.watchlist_overview(conn)


@router.get("/audit", response_model=AuditPage, responses=UNAUTHORIZED)
def audit_log(
    request: Request,
    session: SessionDep,
    before: Annotated[int | None, Query(ge=1, le=2**62)] = None,
    limit: Limit = 100,
) -> dict[str, Any]:
    with transaction(request) as conn:
        chain = audit.verify_chain(conn, latest=20_000)
        rows = audit.page(conn, before_id=before, limit=limit)
    return {
        "intact": chain.intact,
        "broken_at": chain.broken_at,
        "rows": chain.rows,
        "entries": rows,
    }
