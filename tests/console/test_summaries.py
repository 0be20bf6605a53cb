"""The summaries follow amendments and late, out-of-order syncs exactly as a rebuild would."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from sync_server.config import Settings
from sync_server.console import queries, summaries
from sync_server.console.tables import console_flow_daily, console_flow_dims, console_travelers
from tests.console.conftest import make_client
from tests.console.seed import at, crossing, enroll, send
from tests.server.support import database


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def app(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Any]:
    from sync_server.main import create_app

    with database(request.param, tmp_path) as url:
        application = create_app(Settings(db_url=url))
        yield application
        application.state.engine.dispose()


def _snapshot(app: Any) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    with app.state.engine.connect() as c:
        flows = sorted(tuple(r) for r in c.execute(select(console_flow_daily)).all() if r[-1])
        flows += sorted(tuple(r) for r in c.execute(select(console_flow_dims)).all() if r[-1])
        travelers = sorted(tuple(r) for r in c.execute(select(console_travelers)).all())
    return flows, travelers


def test_amendments_and_late_syncs_match_a_rebuild(app: Any) -> None:
    from sync_server.services.enrollment import issue_token

    today = datetime.now(UTC).date()
    with make_client(app) as client:

        def token(code: str) -> str:
            with app.state.sessions() as s:
                return issue_token(s, code, f"Post {code}").token

        post_json = lambda p, d: client.post(p, json=d)  # noqa: E731
        post_body = lambda p, b, h: client.post(p, content=b, headers=h)  # noqa: E731
        cap = enroll(post_json, token("HTI-CAP"), "HTI-CAP")
        oua = enroll(post_json, token("HTI-OUA"), "HTI-OUA")
        person = dict(
            surname="DOE",
            given_names="JOHN",
            document_number="X1234567",
            nationality="USA",
            birth_date="1970-01-01",
            sex="M",
        )
        entry = crossing("HTI-CAP", "entry", at(today - timedelta(days=20)), **person)
        # Registered with the wrong sex and corrected in the same batch.
        wrong = crossing(
            "HTI-CAP",
            "entry",
            at(today - timedelta(days=2)),
            surname="ROE",
            given_names="JANE",
            document_number="Y7654321",
            nationality="CAN",
            birth_date="1990-02-02",
            sex="M",
        )
        send(
            post_body,
            cap,
            [
                ("crossing.registered", entry),
                ("crossing.registered", wrong),
                (
                    "crossing.amended",
                    {
                        "amendment_id": str(uuid.uuid4()),
                        "crossing_id": wrong["crossing_id"],
                        "changes": {"document.sex": "F"},
                        "reason": "typo",
                        "requested_by": "i1",
                        "approved_by": "s1",
                        "occurred_at": at(today - timedelta(days=2), 11),
                    },
                ),
            ],
        )
        # The exit at the other post is synced first, then the entry's correction arrives
        # later, moving the entry to another day and nationality.
        exit_ = crossing("HTI-OUA", "exit", at(today - timedelta(days=5)), **person)
        send(post_body, oua, [("crossing.registered", exit_)])
        send(
            post_body,
            cap,
            [
                (
                    "crossing.amended",
                    {
                        "amendment_id": str(uuid.uuid4()),
                        "crossing_id": entry["crossing_id"],
                        "changes": {
                            "occurred_at": at(today - timedelta(days=19)),
                            "document.nationality": "GBR",
                        },
                        "reason": "clock",
                        "requested_by": "i1",
                        "approved_by": "s1",
                        "occurred_at": at(today - timedelta(days=1)),
                    },
                ),
            ],
        )
        # A late crossing older than the exit must not make DOE "inside" again.
        late = crossing("HTI-CAP", "entry", at(today - timedelta(days=40)), **person)
        send(post_body, cap, [("crossing.registered", late)])

    maintained = _snapshot(app)
    with app.state.engine.begin() as c:
        summaries.rebuild(c)
    assert _snapshot(app) == maintained

    with app.state.engine.connect() as c:
        report = queries.flows(c, today - timedelta(days=60), today)
        sexes = {r["key"]: r["entries"] + r["exits"] for r in report.by_sex}
        assert sexes == {"F": 1, "M": 3}
        nat = {r["key"]: r["entries"] + r["exits"] for r in report.by_nationality}
        assert nat == {"CAN": 1, "GBR": 1, "USA": 2}
        doe = (
            c.execute(select(console_travelers).where(console_travelers.c.traveler_key == "USA:X1234567"))
            .mappings()
            .one()
        )
        assert doe["last_direction"] == "exit" and doe["crossings"] == 3
