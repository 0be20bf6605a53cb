"""The central office's web console: log-in, pages across all posts, and the JSON API behind them.

``install(app, settings)`` mounts it at the server's root URL; ``create_app`` calls it.
"""

from __future__ import annotations

from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles

__all__ = ["install"]


def install(app: FastAPI, settings: Any) -> None:
    """Add the console's pages, API, static files, error pages and ingest hook to ``app``."""
    from sync_server.console import api, pages, summaries
    from sync_server.console.context import build_context
    from sync_server.console.web import (
        STATIC_DIR,
        CsrfRefused,
        Forbidden,
        LoginRequired,
        language_of,
        render,
    )

    app.state.console = build_context(app, settings)
    app.include_router(pages.router)
    app.include_router(api.router)
    app.mount("/static/console", StaticFiles(directory=STATIC_DIR), name="console-static")

    # Keep the summary tables in the ingest transaction (see sync_server.console.summaries).
    hooks = app.state.sync.ingest_hooks
    if summaries.ingest_hook not in hooks:
        hooks.append(summaries.ingest_hook)
    if getattr(settings, "migrate_on_start", True):
        # create_app has run the core's migrations; ours come after, on the same database.
        from sync_server.console.migrations import upgrade

        upgrade(app.state.engine)

    def _is_api(request: Request) -> bool:
        return request.url.path.startswith("/api/")

    async def login_required(request: Request, exc: Exception) -> Response:
        if _is_api(request):
            return JSONResponse({"detail": "log in to the console first"}, status_code=401)
        return pages.login_redirect_for(request)

    async def csrf_refused(request: Request, exc: Exception) -> Response:
        if _is_api(request):
            return JSONResponse({"detail": "missing or wrong CSRF token"}, status_code=403)
        session = getattr(request.state, "console_session", None)
        language_of(request, session)
        return render(
            request,
            "message.html",
            session=session,
            title="Request refused",
            message="This form was not sent from a page of this console session (its security "
            "token is missing or out of date). Reload the page and try again.",
            status_code=403,
        )

    async def forbidden(request: Request, exc: Exception) -> Response:
        if _is_api(request):
            return JSONResponse({"detail": "an administrator role is needed"}, status_code=403)
        return render(
            request,
            "message.html",
            session=getattr(request.state, "console_session", None),
            title="Not allowed",
            message="This needs an administrator account.",
            status_code=403,
        )

    app.add_exception_handler(LoginRequired, login_required)
    app.add_exception_handler(CsrfRefused, csrf_refused)
    app.add_exception_handler(Forbidden, forbidden)
