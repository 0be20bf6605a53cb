"""The FastAPI application: create_app(settings) wires the database, routers and the console."""

from __future__ import annotations

import importlib
import importlib.util
import logging

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

import sync_server
from sync_server.config import Settings
from sync_server.db import make_engine, make_sessionmaker, migrate
from sync_server.errors import SyncError
from sync_server.routers import sync_api
from sync_server.services.identity import server_key
from sync_server.state import ServerState

log = logging.getLogger(__name__)


def create_app(settings: Settings | None = None) -> FastAPI:
    """The server for ``settings`` (default: the embedded SQLite file), migrated and ready."""
    settings = settings or Settings()
    engine = make_engine(settings.db_url)
    if settings.migrate_on_start:
        migrate(engine)
    sessions = make_sessionmaker(engine)
    with sessions() as session:
        server_key(session)  # created on first start so enrollment never races for it
    app = FastAPI(title="Border crossing sync server", version=sync_server.__version__)
    app.state.sync = ServerState(settings=settings, engine=engine, sessions=sessions)
    app.state.settings = settings
    app.state.engine = engine
    app.state.sessions = sessions

    @app.exception_handler(SyncError)
    async def _sync_error(_request: Request, exc: SyncError) -> JSONResponse:
        return JSONResponse(status_code=exc.status, content=exc.to_json())

    app.include_router(sync_api.router)
    if importlib.util.find_spec("sync_server.console") is not None:
        console = importlib.import_module("sync_server.console")
        install = getattr(console, "install", None)
        if install is not None:
            install(app, settings)
    return app
