"""Console plumbing shared by pages and API: sessions from cookies, CSRF, rendering, audit."""

from __future__ import annotations

import secrets
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from fastapi import HTTPException, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from jinja2 import Environment, FileSystemLoader, select_autoescape
from sqlalchemy.engine import Connection

from sync_server.console import audit
from sync_server.console.auth import ConsoleSession, load_session
from sync_server.console.context import ConsoleContext
from sync_server.console.i18n import LANGUAGES, N_, TranslatableError, negotiate, translator

SESSION_COOKIE = "console_session"
LOGIN_CSRF_COOKIE = "console_login_csrf"
LANG_COOKIE = "console_lang"
TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"
STATIC_DIR = Path(__file__).resolve().parent / "static"

SECURITY_HEADERS = {
    # Everything (scripts, styles, the chart library) comes from the server itself.
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    ),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cache-Control": "no-store",
}

NAV = (
    ("posts", "/posts", "Posts", False),
    ("flows", "/flows", "Flows", False),
    ("travelers", "/travelers", "Travelers", False),
    ("matching", "/matching", "Matching and overstays", False),
    ("alerts", "/alerts", "Alerts", False),
    ("watchlists", "/watchlists", "Watchlists", False),
    ("quarantine", "/quarantine", "Quarantine", False),
    ("audit", "/audit", "Audit", False),
    ("users", "/users", "Users", True),
)


class LoginRequired(Exception):
    """No live session: pages redirect to the log-in form, the API answers 401."""


class CsrfRefused(Exception):
    """A state-changing request without the session's CSRF token."""


class Forbidden(Exception):
    """The user's role does not allow this."""


def reject_nul(request: Request) -> None:
    """Refuse NUL characters in the URL: PostgreSQL text cannot hold them (422, not a 500)."""
    if "\x00" in request.url.path or any(
        "\x00" in k or "\x00" in v for k, v in request.query_params.multi_items()
    ):
        raise HTTPException(422, "the request's parameters must not contain NUL characters")


def ctx_of(request: Request) -> ConsoleContext:
    ctx: ConsoleContext = request.app.state.console
    return ctx


@contextmanager
def transaction(request: Request) -> Iterator[Connection]:
    with ctx_of(request).engine.begin() as conn:
        yield conn


def language_of(request: Request, session: ConsoleSession | None = None) -> str:
    chosen = request.cookies.get(LANG_COOKIE)
    if chosen in LANGUAGES:
        return chosen
    if session and session.user.language in LANGUAGES:
        return str(session.user.language)
    return negotiate(request.headers.get("accept-language"))


def current_session(request: Request) -> ConsoleSession:
    cached = getattr(request.state, "console_session", None)
    if cached is not None:
        return cached  # type: ignore[no-any-return]
    token = request.cookies.get(SESSION_COOKIE)
    with transaction(request) as conn:
        session = load_session(conn, token)
    if session is None:
        raise LoginRequired()
    request.state.console_session = session
    return session


def require_admin(session: ConsoleSession) -> None:
    if not session.user.is_admin:
        raise Forbidden()


async def check_csrf(request: Request, session: ConsoleSession) -> dict[str, Any]:
    """The posted form, once its csrf_token matches the session's (header for API calls)."""
    from sync_server.console.auth import csrf_matches

    form = await request.form()
    given = form.get("csrf_token") or request.headers.get("x-csrf-token")
    if not csrf_matches(session.csrf_token, str(given) if given is not None else None):
        raise CsrfRefused()
    values = {k: v for k, v in form.multi_items()}
    if any(isinstance(v, str) and "\x00" in v for v in values.values()):
        raise HTTPException(422, "form fields must not contain NUL characters")
    return values


def record(request: Request, username: str, action: str, target: str = "", **details: Any) -> None:
    with transaction(request) as conn:
        audit.record(conn, username, action, target, details or None)


def _format_dt(value: Any) -> str:
    if value is None:
        return "—"
    if isinstance(value, datetime):
        v = value if value.tzinfo else value.replace(tzinfo=UTC)
        return v.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")
    return str(value)


def _format_int(value: Any) -> str:
    if value is None:
        return "—"
    try:
        return f"{int(value):,}".replace(",", "\u202f")
    except (TypeError, ValueError):
        return str(value)


def _ago(value: Any, _: Callable[..., str]) -> str:
    if not isinstance(value, datetime):
        return _("never")
    v = value if value.tzinfo else value.replace(tzinfo=UTC)
    seconds = int((datetime.now(UTC) - v).total_seconds())
    if seconds < 120:
        return _("just now")
    if seconds < 7200:
        return _("{n} minutes ago", n=seconds // 60)
    if seconds < 172800:
        return _("{n} hours ago", n=seconds // 3600)
    return _("{n} days ago", n=seconds // 86400)


_env = Environment(
    loader=FileSystemLoader(str(TEMPLATES_DIR)),
    autoescape=select_autoescape(["html"]),
    trim_blocks=True,
    lstrip_blocks=True,
)
_env.filters["dt"] = _format_dt
_env.filters["num"] = _format_int


def with_page(query: str, page: int, **cursor: str) -> str:
    """The current query string with ``page`` (and a keyset cursor, ``after=`` or ``before=``
    a row's position, if given) replaced (for pagers)."""
    from urllib.parse import parse_qsl, urlencode

    replaced = {"page", "after", "before"}
    params = [(k, v) for k, v in parse_qsl(query, keep_blank_values=False) if k not in replaced]
    params.append(("page", str(page)))
    params.extend((k, v) for k, v in cursor.items() if k in ("after", "before"))
    return "?" + urlencode(params)


def render(
    request: Request,
    template: str,
    *,
    session: ConsoleSession | None,
    active: str = "",
    status_code: int = 200,
    **values: Any,
) -> HTMLResponse:
    lang = language_of(request, session)
    _ = translator(lang)
    nav = [
        (key, href, _(label))
        for key, href, label, admin_only in NAV
        if session is not None and (not admin_only or session.user.is_admin)
    ]
    html = _env.get_template(template).render(
        _=_,
        ago=lambda v: _ago(v, _),
        lang=lang,
        languages=LANGUAGES,
        user=session.user if session else None,
        csrf_token=session.csrf_token if session else "",
        nav=nav,
        active=active,
        path=request.url.path,
        query=str(request.url.query),
        with_page=lambda n, **cursor: with_page(str(request.url.query), n, **cursor),
        **values,
    )
    response = HTMLResponse(html, status_code=status_code)
    response.headers.update(SECURITY_HEADERS)
    return response


def redirect(url: str) -> RedirectResponse:
    response = RedirectResponse(url, status_code=303)
    response.headers.update(SECURITY_HEADERS)
    return response


def set_cookie(request: Request, response: Response, name: str, value: str, **kw: Any) -> None:
    ctx = ctx_of(request)
    response.set_cookie(
        name,
        value,
        httponly=True,
        secure=ctx.cookie_secure,
        samesite="strict",
        path="/",
        **kw,
    )


def new_login_csrf() -> str:
    return secrets.token_urlsafe(24)


def parse_date(value: str | None, default: date, label: str) -> date:
    if not value:
        return default
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise TranslatableError(N_("{value} is not a date (YYYY-MM-DD)."), value=value[:40]) from exc


def error_text(request: Request, exc: Exception) -> str:
    """An error for the page, in the user's language (others' English messages are prefixed)."""
    _ = translator(language_of(request, getattr(request.state, "console_session", None)))
    if isinstance(exc, TranslatableError):
        return exc.translated(_)
    return _("Refused: {reason}", reason=str(exc))


def default_range(today: date, days: int = 30) -> tuple[date, date]:
    return today - timedelta(days=days - 1), today


def today_utc() -> date:
    return datetime.now(UTC).date()
