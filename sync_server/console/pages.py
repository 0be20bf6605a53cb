"""The console's HTML pages: thin handlers that parse, call queries or services, audit, render."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, Response, StreamingResponse

from sync_server.console import audit, queries
from sync_server.console.auth import (
    ROLES,
    AuthError,
    LockedOut,
    add_user,
    authenticate,
    create_session,
    csrf_matches,
    end_session,
    list_users,
    normalize_username,
    set_user_active,
)
from sync_server.console.i18n import LANGUAGES, TranslatableError, translator
from sync_server.console.web import (
    LANG_COOKIE,
    LOGIN_CSRF_COOKIE,
    SESSION_COOKIE,
    check_csrf,
    ctx_of,
    current_session,
    default_range,
    error_text,
    language_of,
    new_login_csrf,
    parse_date,
    record,
    redirect,
    reject_nul,
    render,
    require_admin,
    set_cookie,
    today_utc,
    transaction,
)

router = APIRouter(include_in_schema=False, dependencies=[Depends(reject_nul)])
Opt = Annotated[str | None, Query()]
PAGE = 100
# The Audit page re-verifies this many newest entries on each view; the CLI checks them all.
AUDIT_VERIFY_LATEST = 20_000


def _safe_next(value: str | None) -> str:
    # Only same-site paths: an attacker's link must not bounce a fresh log-in to another host.
    if value and value.startswith("/") and not value.startswith("//") and "\\" not in value:
        return value
    return "/posts"


# --- Log-in -------------------------------------------------------------------------------


@router.get("/")
def root(request: Request) -> Response:
    token = request.cookies.get(SESSION_COOKIE)
    if token:
        from sync_server.console.auth import load_session

        with transaction(request) as conn:
            if load_session(conn, token) is not None:
                return redirect("/posts")
    return redirect("/login")


def _login_page(
    request: Request, *, error: str | None = None, status_code: int = 200, next_url: str = ""
) -> HTMLResponse:
    token = new_login_csrf()
    response = render(
        request,
        "login.html",
        session=None,
        login_csrf=token,
        error=error,
        next_url=next_url,
        status_code=status_code,
    )
    set_cookie(request, response, LOGIN_CSRF_COOKIE, token, max_age=3600)
    return response


@router.get("/login")
def login_form(request: Request, next: Opt = None) -> HTMLResponse:  # noqa: A002
    return _login_page(request, next_url=_safe_next(next))


@router.post("/login")
async def login(request: Request) -> Response:
    form = await request.form()
    _ = translator(language_of(request))
    next_url = _safe_next(str(form.get("next") or ""))
    if not csrf_matches(request.cookies.get(LOGIN_CSRF_COOKIE), str(form.get("csrf_token") or "")):
        return _login_page(
            request,
            error=_("The form had expired or was not sent by this console. Please try again."),
            status_code=403,
            next_url=next_url,
        )
    username = str(form.get("username") or "")
    password = str(form.get("password") or "")
    failure: AuthError | None = None
    with transaction(request) as conn:
        try:
            user = authenticate(conn, username, password)
        except AuthError as exc:
            failure = exc
        else:
            client = request.client.host if request.client else None
            token, _csrf = create_session(conn, user, client)
            audit.record(conn, user.username, "login", "", {"ip": client})
    if failure is not None:
        with transaction(request) as conn:
            audit.record(
                conn,
                normalize_username(username)[:64] or "?",
                "login_failed",
                "",
                {"locked": isinstance(failure, LockedOut)},
            )
        if isinstance(failure, LockedOut):
            message = _(
                "Too many failed attempts. Try again after {time}.",
                time=failure.until.strftime("%H:%M:%S UTC"),
            )
            return _login_page(request, error=message, status_code=429, next_url=next_url)
        return _login_page(
            request,
            error=_("Wrong user name or password."),
            status_code=401,
            next_url=next_url,
        )
    response = redirect(next_url)
    set_cookie(request, response, SESSION_COOKIE, token)
    response.delete_cookie(LOGIN_CSRF_COOKIE, path="/")
    return response


@router.post("/logout")
async def logout(request: Request) -> Response:
    session = current_session(request)
    await check_csrf(request, session)
    with transaction(request) as conn:
        end_session(conn, request.cookies.get(SESSION_COOKIE))
        audit.record(conn, session.user.username, "logout")
    response = redirect("/login")
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response


@router.get("/language/{code}")
def set_language(request: Request, code: str, next: Opt = None) -> Response:  # noqa: A002
    response = redirect(_safe_next(next))
    if code in LANGUAGES:
        set_cookie(request, response, LANG_COOKIE, code, max_age=365 * 86400)
    return response


# --- Posts --------------------------------------------------------------------------------


def _post_totals(rows: list[dict[str, Any]]) -> dict[str, int]:
    per_post = {r["post_code"]: r["events_today"] for r in rows}
    return {
        "posts": len(per_post),
        "active": sum(1 for r in rows if r["status"] == "active"),
        "events_today": sum(per_post.values()),
        "queue": sum(r["queue_length"] or 0 for r in rows if r["status"] == "active"),
    }


@router.get("/posts")
def posts_page(request: Request) -> HTMLResponse:
    session = current_session(request)
    today = today_utc()
    with transaction(request) as conn:
        rows = queries.posts_overview(conn, today)
        audit.record(conn, session.user.username, "view", "posts")
    return render(
        request,
        "posts.html",
        session=session,
        active="posts",
        rows=rows,
        totals=_post_totals(rows),
    )


@router.post("/posts/enroll")
async def enroll(request: Request) -> HTMLResponse:
    session = current_session(request)
    require_admin(session)
    form = await check_csrf(request, session)
    _ = translator(language_of(request, session))
    from sync_server.services.enrollment import issue_token

    post_code = str(form.get("post_code") or "").strip().upper()
    name = str(form.get("name") or "").strip() or None
    ctx = ctx_of(request)
    error = None
    issued = None
    with ctx.orm_sessions() as orm:
        try:
            issued = issue_token(orm, post_code, name, getattr(ctx.settings, "token_ttl_hours", 72))
        except ValueError as exc:
            error = error_text(request, exc)
    if issued is not None:
        record(request, session.user.username, "enroll_token", post_code)
    with transaction(request) as conn:
        rows = queries.posts_overview(conn, today_utc())
    return render(
        request,
        "posts.html",
        session=session,
        active="posts",
        rows=rows,
        totals=_post_totals(rows),
        issued=issued,
        enroll_error=error,
        status_code=200 if error is None else 422,
    )


@router.post("/devices/{device_id}/revoke")
async def revoke(request: Request, device_id: str) -> Response:
    session = current_session(request)
    require_admin(session)
    await check_csrf(request, session)
    from sync_server.errors import NotFound
    from sync_server.services.enrollment import revoke_device

    with ctx_of(request).orm_sessions() as orm:
        try:
            revoke_device(orm, device_id)
        except NotFound:
            return render(
                request,
                "message.html",
                session=session,
                active="posts",
                title="Not found",
                message="There is no such device.",
                status_code=404,
            )
    record(request, session.user.username, "revoke_device", device_id)
    return redirect("/posts")


# --- Flows --------------------------------------------------------------------------------


def _range(start: str | None, end: str | None) -> tuple[date, date]:
    d_start, d_end = default_range(today_utc())
    return parse_date(start, d_start, "start"), parse_date(end, d_end, "end")


@router.get("/flows")
def flows_page(request: Request, start: Opt = None, end: Opt = None, post: Opt = None) -> HTMLResponse:
    session = current_session(request)
    error = None
    report = None
    d_start, d_end = default_range(today_utc())
    with transaction(request) as conn:
        try:
            d_start, d_end = _range(start, end)
            report = queries.flows(conn, d_start, d_end, post or None)
        except TranslatableError as exc:
            error = error_text(request, exc)
        posts = queries.post_codes(conn)
        audit.record(
            conn,
            session.user.username,
            "view",
            "flows",
            {"start": str(d_start), "end": str(d_end), "post": post},
        )
    return render(
        request,
        "flows.html",
        session=session,
        active="flows",
        report=report,
        error=error,
        start=d_start,
        end=d_end,
        post=post or "",
        posts=posts,
        status_code=200 if error is None else 422,
    )


@router.get("/flows.csv")
def flows_csv(request: Request, start: Opt = None, end: Opt = None, post: Opt = None) -> Response:
    session = current_session(request)
    with transaction(request) as conn:
        try:
            d_start, d_end = _range(start, end)
            queries.day_bounds(d_start, d_end)
        except TranslatableError as exc:
            return Response(error_text(request, exc), status_code=422, media_type="text/plain; charset=utf-8")
        audit.record(
            conn,
            session.user.username,
            "export",
            "flows.csv",
            {"start": str(d_start), "end": str(d_end), "post": post},
        )
    engine = ctx_of(request).engine

    def body() -> Iterator[str]:
        # Streamed in ~64 kB pieces as the database produces them: memory stays flat whatever
        # the range, and the first bytes leave before the last row is read.
        with engine.begin() as conn:
            yield from queries.flow_csv(conn, d_start, d_end, post or None)

    filename = f"flows_{d_start.isoformat()}_{d_end.isoformat()}.csv"
    return StreamingResponse(
        body(),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{filename}"', "Cache-Control": "no-store"},
    )


# --- Travelers ----------------------------------------------------------------------------


@router.get("/travelers")
def travelers_page(
    request: Request, document: Opt = None, name: Opt = None, birth_date: Opt = None
) -> HTMLResponse:
    session = current_session(request)
    results = None
    error = None
    searched = bool(document or name or birth_date)
    if searched:
        with transaction(request) as conn:
            try:
                born = parse_date(birth_date, date.min, "birth date") if birth_date else None
                results = queries.search_travelers(conn, document_number=document, name=name, birth_date=born)
            except TranslatableError as exc:
                error = error_text(request, exc)
            audit.record(
                conn,
                session.user.username,
                "search",
                "travelers",
                {"document": document, "name": name, "birth_date": birth_date},
            )
    return render(
        request,
        "travelers.html",
        session=session,
        active="travelers",
        results=results,
        error=error,
        document=document or "",
        name=name or "",
        birth_date=birth_date or "",
        status_code=200 if error is None else 422,
    )


@router.get("/travelers/{traveler_key:path}")
def traveler_page(request: Request, traveler_key: str) -> HTMLResponse:
    session = current_session(request)
    ctx = ctx_of(request)
    with transaction(request) as conn:
        timeline = queries.traveler_timeline(conn, traveler_key, ctx.policy, today_utc())
        audit.record(conn, session.user.username, "view", "traveler", {"key": traveler_key})
    if timeline is None:
        return render(
            request,
            "message.html",
            session=session,
            active="travelers",
            title="Not found",
            message="No crossings are recorded for this traveler.",
            status_code=404,
        )
    return render(request, "traveler.html", session=session, active="travelers", t=timeline)


# --- Matching and overstays ---------------------------------------------------------------


@router.get("/matching")
def matching_page(
    request: Request,
    tab: Opt = None,
    start: Opt = None,
    end: Opt = None,
    post: Opt = None,
    cross_post: Opt = None,
    # With a position the page number only labels the page, and a year of exits at the central
    # office runs past 10,000 pages of 100 (5M events: ~2M exits).
    page: Annotated[int, Query(ge=1, le=1_000_000)] = 1,
    after: Annotated[str | None, Query(max_length=200)] = None,
    before: Annotated[str | None, Query(max_length=200)] = None,
) -> HTMLResponse:
    session = current_session(request)
    ctx = ctx_of(request)
    tab = tab if tab in ("matched", "overstays", "unmatched") else "matched"
    pager: dict[str, str] = {}
    d_start, d_end = default_range(today_utc())
    offset = (page - 1) * PAGE
    rows: list[dict[str, Any]] = []
    error = None
    with transaction(request) as conn:
        try:
            d_start, d_end = _range(start, end)
            # Keyset pages on every tab: the pager's links carry the first or last row's
            # position, so a deep page costs what the first does (an offset would walk every
            # row before). A bare ?page=N (no position) still works, by offset.
            if tab == "matched":
                rows = queries.matched_exits(
                    conn,
                    d_start,
                    d_end,
                    policy=ctx.policy,
                    post_code=post or None,
                    cross_post_only=bool(cross_post),
                    limit=PAGE,
                    offset=offset,
                    after=after,
                    before=before,
                )
                if rows:
                    pager["next"] = queries.matched_exit_cursor(rows[-1])
                    pager["prev"] = queries.matched_exit_cursor(rows[0])
            elif tab == "unmatched":
                rows = queries.unmatched_exits(
                    conn,
                    d_start,
                    d_end,
                    post_code=post or None,
                    limit=PAGE,
                    offset=offset,
                    after=after,
                    before=before,
                )
                if rows:
                    pager["next"] = queries.unmatched_exit_cursor(rows[-1])
                    pager["prev"] = queries.unmatched_exit_cursor(rows[0])
            else:
                rows = queries.overstays(
                    conn,
                    policy=ctx.policy,
                    today=today_utc(),
                    limit=PAGE,
                    offset=offset,
                    after=after,
                    before=before,
                )
                if rows:
                    pager["next"] = queries.overstay_cursor(rows[-1])
                    pager["prev"] = queries.overstay_cursor(rows[0])
        except TranslatableError as exc:
            error = error_text(request, exc)
        posts = queries.post_codes(conn)
        audit.record(
            conn,
            session.user.username,
            "view",
            f"matching/{tab}",
            {"start": str(d_start), "end": str(d_end), "post": post, "page": page},
        )
    return render(
        request,
        "matching.html",
        session=session,
        active="matching",
        tab=tab,
        rows=rows,
        error=error,
        start=d_start,
        end=d_end,
        post=post or "",
        posts=posts,
        cross_post=bool(cross_post),
        page=page,
        has_next=len(rows) == PAGE,
        pager=pager,
        status_code=200 if error is None else 422,
    )


# --- Alerts, quarantine -------------------------------------------------------------------


@router.get("/alerts")
def alerts_page(
    request: Request,
    start: Opt = None,
    end: Opt = None,
    post: Opt = None,
    state: Opt = None,
    page: Annotated[int, Query(ge=1, le=10_000)] = 1,
) -> HTMLResponse:
    session = current_session(request)
    d_start, d_end = default_range(today_utc())
    state = state if state in queries.ALERT_STATES else "all"
    rows: list[dict[str, Any]] = []
    error = None
    with transaction(request) as conn:
        try:
            d_start, d_end = _range(start, end)
            rows = queries.alerts(
                conn,
                d_start,
                d_end,
                post_code=post or None,
                state=state,
                limit=PAGE,
                offset=(page - 1) * PAGE,
            )
        except TranslatableError as exc:
            error = error_text(request, exc)
        posts = queries.post_codes(conn)
        audit.record(
            conn,
            session.user.username,
            "view",
            "alerts",
            {"start": str(d_start), "end": str(d_end), "post": post, "state": state},
        )
    return render(
        request,
        "alerts.html",
        session=session,
        active="alerts",
        rows=rows,
        start=d_start,
        end=d_end,
        post=post or "",
        posts=posts,
        state=state,
        states=queries.ALERT_STATES,
        page=page,
        has_next=len(rows) == PAGE,
        error=error,
        status_code=200 if error is None else 422,
    )


@router.get("/quarantine")
def quarantine_page(
    request: Request, post: Opt = None, page: Annotated[int, Query(ge=1, le=10_000)] = 1
) -> HTMLResponse:
    session = current_session(request)
    with transaction(request) as conn:
        rows = queries.quarantine(conn, post_code=post or None, limit=PAGE, offset=(page - 1) * PAGE)
        posts = queries.post_codes(conn)
        audit.record(conn, session.user.username, "view", "quarantine", {"post": post})
    return render(
        request,
        "quarantine.html",
        session=session,
        active="quarantine",
        rows=rows,
        post=post or "",
        posts=posts,
        page=page,
        has_next=len(rows) == PAGE,
    )


# --- Watchlists ---------------------------------------------------------------------------


def _watchlist_page(request: Request, session: Any, status_code: int = 200, **values: Any) -> HTMLResponse:
    with transaction(request) as conn:
        overview = queries.watchlist_overview(conn)
    return render(
        request,
        "watchlists.html",
        session=session,
        active="watchlists",
        wl=overview,
        status_code=status_code,
        **values,
    )


@router.get("/watchlists")
def watchlists_page(request: Request) -> HTMLResponse:
    session = current_session(request)
    record(request, session.user.username, "view", "watchlists")
    return _watchlist_page(request, session)


@router.post("/watchlists/import")
async def watchlist_import(request: Request) -> HTMLResponse:
    session = current_session(request)
    require_admin(session)
    form = await check_csrf(request, session)
    _ = translator(language_of(request, session))
    upload = form.get("file")
    if upload is None or not hasattr(upload, "read"):
        return _watchlist_page(request, session, 422, import_error=_("Choose a CSV file."))
    raw = await upload.read()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return _watchlist_page(request, session, 422, import_error=_("The file is not UTF-8 text."))
    from border_client.domain.errors import WatchlistCsvError
    from sync_server.services import watchlist as watchlist_service

    try:
        with ctx_of(request).orm_sessions() as orm:
            result = watchlist_service.import_csv(orm, text)
    except WatchlistCsvError as exc:
        return _watchlist_page(
            request,
            session,
            422,
            import_error=_("The file was refused: {reason}", reason=str(exc)),
        )
    record(
        request,
        session.user.username,
        "watchlist_import",
        getattr(upload, "filename", "") or "",
        entries=result.entries,
        documents=result.documents,
        persons=result.persons,
    )
    return _watchlist_page(request, session, imported=result.entries)


@router.post("/watchlists/publish")
async def watchlist_publish(request: Request) -> HTMLResponse:
    session = current_session(request)
    require_admin(session)
    await check_csrf(request, session)
    _ = translator(language_of(request, session))
    from sync_server.services import watchlist as watchlist_service

    try:
        with ctx_of(request).orm_sessions() as orm:
            published = watchlist_service.publish(orm)
    except ValueError:
        return _watchlist_page(
            request, session, 409, publish_error=_("There is no imported list to publish.")
        )
    if published.unchanged:
        return _watchlist_page(
            request,
            session,
            409,
            publish_error=_(
                "This list is the same as version {v}: nothing new to publish.", v=published.version
            ),
        )
    record(
        request,
        session.user.username,
        "watchlist_publish",
        str(published.version),
        entries=published.entries,
        sha256=published.sha256,
    )
    return _watchlist_page(request, session, published=published.version)


# --- Audit and users ----------------------------------------------------------------------


@router.get("/audit")
def audit_page(
    request: Request,
    user: Opt = None,
    action: Opt = None,
    before: Annotated[int | None, Query(ge=1)] = None,
) -> HTMLResponse:
    session = current_session(request)
    with transaction(request) as conn:
        rows = audit.page(conn, username=user, action=action, before_id=before, limit=PAGE)
        chain = audit.verify_chain(conn, latest=AUDIT_VERIFY_LATEST)
        audit.record(conn, session.user.username, "view", "audit", {"user": user})
    return render(
        request,
        "audit.html",
        session=session,
        active="audit",
        rows=rows,
        chain=chain,
        user_filter=user or "",
        action=action or "",
        next_before=rows[-1]["id"] if len(rows) == PAGE else None,
    )


@router.get("/users")
def users_page(request: Request) -> HTMLResponse:
    session = current_session(request)
    require_admin(session)
    with transaction(request) as conn:
        users = list_users(conn)
    return render(request, "users.html", session=session, active="users", users=users, roles=ROLES)


@router.post("/users")
async def users_add(request: Request) -> HTMLResponse:
    session = current_session(request)
    require_admin(session)
    form = await check_csrf(request, session)
    error = None
    with transaction(request) as conn:
        try:
            created = add_user(
                conn,
                str(form.get("username") or ""),
                str(form.get("password") or ""),
                str(form.get("role") or ""),
            )
            audit.record(conn, session.user.username, "user_add", created.username, {"role": created.role})
        except ValueError as exc:
            error = error_text(request, exc)
    with transaction(request) as conn:
        users = list_users(conn)
    return render(
        request,
        "users.html",
        session=session,
        active="users",
        users=users,
        roles=ROLES,
        error=error,
        status_code=200 if error is None else 422,
    )


@router.post("/users/{user_id}/active")
async def users_active(request: Request, user_id: int) -> Response:
    session = current_session(request)
    require_admin(session)
    form = await check_csrf(request, session)
    active = str(form.get("active") or "") == "1"
    if user_id == session.user.id and not active:
        return redirect("/users")  # an admin cannot lock themselves out
    with transaction(request) as conn:
        set_user_active(conn, user_id, active)
        audit.record(conn, session.user.username, "user_enable" if active else "user_disable", str(user_id))
    return redirect("/users")


def login_redirect_for(request: Request) -> Response:
    target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    return redirect("/login?next=" + quote(target, safe=""))
