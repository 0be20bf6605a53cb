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
