"""Console fixtures: the real app on SQLite and PostgreSQL, seeded through signed batches."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient

from sync_server.config import Settings
from tests.console.seed import Scenario, standard_scenario
from tests.server.support import database

ADMIN = ("chief", "correct horse battery")
ANALYST = ("ana", "analyst password 1")
EXTRA = {"console_stay_exempt": "caricom"}


def make_client(app: Any) -> TestClient:
    # https: the session cookie is Secure and must come back.
    return TestClient(app, base_url="https://testserver")


def login(client: TestClient, username: str, password: str) -> Any:
    page = client.get("/login")
    token = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
    assert token, page.text
    return client.post(
        "/login",
        data={"username": username, "password": password, "csrf_token": token.group(1)},
        follow_redirects=False,
    )


def csrf_of(html: str) -> str:
    m = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert m, "no CSRF token in the page"
    return m.group(1)


def seed(app: Any, client: TestClient) -> Scenario:
    from sync_server.services.enrollment import issue_token

    def token(post_code: str, name: str) -> str:
        with app.state.sessions() as s:
            return issue_token(s, post_code, name).token

    return standard_scenario(
        token,
        lambda path, doc: client.post(path, json=doc),
        lambda path, body, headers: client.post(path, content=body, headers=headers),
    )


def add_users(app: Any) -> None:
    from sync_server.console.auth import add_user

    with app.state.engine.begin() as conn:
        add_user(conn, ADMIN[0], ADMIN[1], "admin")
        add_user(conn, ANALYST[0], ANALYST[1], "analyst")


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def seeded(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Any, Scenario]]:
    """(app, scenario): a migrated server on each backend holding the standard scenario."""
    from sync_server.main import create_app

    tmp: Path = tmp_path_factory.mktemp(f"console-{request.param}")
    with database(request.param, tmp) as url:
        app = create_app(Settings(db_url=url, extra=dict(EXTRA)))
        with make_client(app) as client:
            scenario = seed(app, client)
        add_users(app)
        yield app, scenario
        app.state.engine.dispose()


@pytest.fixture()
def admin_client(seeded: tuple[Any, Scenario]) -> Iterator[TestClient]:
    app, _ = seeded
    with make_client(app) as client:
        resp = login(client, *ADMIN)
        assert resp.status_code == 303, resp.text
        yield client


@pytest.fixture()
def analyst_client(seeded: tuple[Any, Scenario]) -> Iterator[TestClient]:
    app, _ = seeded
    with make_client(app) as client:
        resp = login(client, *ANALYST)
        assert resp.status_code == 303, resp.text
        yield client
