"""Fixtures for the post's sync: a real post store with events, and a real server on loopback."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from border_client.services import accounts, outbox
from border_client.storage import Store, keyslots
from tests.server.support import VENV_BIN, ServerProcess, crossing_entry, database, running_server

PASSWORD = "s3cret-pass"
POST = "HTI-CAP"


@pytest.fixture(autouse=True)
def cheap_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    # Stored in keyslots.json, so the CLI subprocesses unlock cheaply too.
    monkeypatch.setattr(keyslots, "KDF_DEFAULT", keyslots.KdfParams(1, 1024, 1))


def make_post(data_dir: Path, post_code: str = POST) -> Store:
    store, _admin, _recovery = accounts.init_post(
        data_dir,
        post_code=post_code,
        post_name=f"Post {post_code}",
        admin_username="chief",
        admin_password=PASSWORD,
        timezone="America/Port-au-Prince",
    )
    return store


def add_events(store: Store, n: int, post_code: str = POST, chunk: int = 2000) -> None:
    """n crossing.registered events in the outbox, as the registration service writes them."""
    done = 0
    while done < n:
        with store.write() as session:
            for _ in range(min(chunk, n - done)):
                done += 1
                outbox.enqueue(session, "crossing.registered", crossing_entry(done, post_code)["payload"])


def client_cli(
    data_dir: Path, *args: str, check: bool = False, timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            str(VENV_BIN / "border-client"),
            "--data-dir",
            str(data_dir),
            *args,
            "--user",
            "chief",
            "--password-stdin",
        ],
        input=PASSWORD + "\n",
        capture_output=True,
        text=True,
        check=check,
        timeout=timeout,
    )


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def server(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[ServerProcess]:
    with database(request.param, tmp_path) as url, running_server(url, tmp_path) as srv:
        yield srv


@pytest.fixture
def sqlite_server(tmp_path: Path) -> Iterator[ServerProcess]:
    with database("sqlite", tmp_path) as url, running_server(url, tmp_path) as srv:
        yield srv


def server_events(server: ServerProcess, post_code: str = POST) -> list[Any]:
    from tests.server.support import server_query

    return server_query(
        server.db_url, "SELECT seq, event_id FROM events WHERE post_code = :p ORDER BY seq", p=post_code
    )
