"""Test-wide settings: Qt offscreen, shared paths, PostgreSQL discovery."""

from __future__ import annotations

import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("OMP_THREAD_LIMIT", "1")

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
SHARED_DIR = REPO_ROOT.parent / "shared"
REAL_SPECIMENS = SHARED_DIR / "data" / "mrz-real"
POSTGRES_URL = os.environ.get(
    "BORDER_TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432/test"
)


@pytest.fixture(scope="session")
def real_specimens_dir() -> Path:
    if not (REAL_SPECIMENS / "manifest.json").exists():
        pytest.skip(f"real MRZ specimens not present at {REAL_SPECIMENS} (CI has them)")
    return REAL_SPECIMENS


# Every package must have real tests: a full run (`make test`) fails if one of these collects none.
PACKAGES_WITH_TESTS = {
    "border_client.domain": "tests/client/domain",
    "border_client.scanning": "tests/client/scanning",
    "border_client.storage / services": "tests/client/storage",
    "border_client.sync": "tests/client/sync",
    "border_client.ui": "tests/client/ui",
    "sync_server": "tests/server",
    "sync_server.console": "tests/console",
}


def pytest_collection_finish(session: pytest.Session) -> None:
    if os.environ.get("BORDER_CHECK_ALL_PACKAGES") != "1":
        return
    collected = {str(Path(item.path).relative_to(REPO_ROOT)) for item in session.items}
    empty = [
        f"{package} ({folder})"
        for package, folder in PACKAGES_WITH_TESTS.items()
        if not any(path.startswith(folder + "/") for path in collected)
    ]
    if empty:
        raise pytest.UsageError("no tests collected for: " + ", ".join(empty))
