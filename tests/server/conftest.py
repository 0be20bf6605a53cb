"""A real `sync-server serve` per database backend (SQLite file, PostgreSQL database)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.server.support import ServerProcess, database, running_server


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def backend(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[str, Path]]:
    tmp = tmp_path_factory.mktemp(f"srv-{request.param}")
    with database(request.param, tmp) as url:
        yield url, tmp


@pytest.fixture(scope="module")
def server(backend: tuple[str, Path]) -> Iterator[ServerProcess]:
    url, tmp = backend
    with running_server(url, tmp) as srv:
        yield srv
