"""The console's JSON API against its own OpenAPI schema: schemathesis finds no server error."""

from __future__ import annotations

from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error

from tests.console.conftest import ANALYST, login, make_client


@pytest.fixture(scope="module")
def console_cookie(seeded: tuple[Any, Any]) -> dict[str, str]:
    app, _ = seeded
    with make_client(app) as client:
        assert login(client, *ANALYST).status_code == 303
        token = client.cookies.get("console_session")
    assert token
    return {"console_session": token}


@pytest.fixture(scope="module")
def console_api_schema(seeded: tuple[Any, Any]) -> Any:
    app, _ = seeded
    return schemathesis.openapi.from_asgi("/openapi.json", app).include(path_regex="^/api/console/")


def test_every_console_operation_is_in_the_schema(seeded: tuple[Any, Any]) -> None:
    app, _ = seeded
    paths = app.openapi()["paths"]
    for path in (
        "/api/console/v1/flows",
        "/api/console/v1/travelers",
        "/api/console/v1/travelers/{traveler_key}",
        "/api/console/v1/overstays",
        "/api/console/v1/matching/exits",
        "/api/console/v1/matching/unmatched",
        "/api/console/v1/alerts",
        "/api/console/v1/quarantine",
        "/api/console/v1/watchlists",
        "/api/console/v1/audit",
        "/api/console/v1/posts",
    ):
        assert path in paths, path
    # The pages are not API operations.
    assert "/posts" not in paths and "/login" not in paths


def test_no_server_error(console_api_schema: Any, console_cookie: dict[str, str]) -> None:
    """Generated requests (valid and invalid parameters) to every operation, logged in."""
    from hypothesis import given

    operations = [result.ok() for result in console_api_schema.get_all_operations()]
    assert len(operations) >= 10
    statuses: dict[str, set[int]] = {}
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=25,
            deadline=None,
            suppress_health_check=list(HealthCheck),
            database=None,
        )
        def run(case: Any) -> None:
            response = case.call_and_validate(cookies=console_cookie, checks=[not_a_server_error])
            statuses.setdefault(case.operation.label, set()).add(response.status_code)

        run()
    # Logged in for real: the operations answered, not just 401s.
    answered = [label for label, codes in statuses.items() if 200 in codes]
    assert len(answered) >= len(operations) - 1, statuses
