"""UI test fixtures: every test gets its own data directory and a fresh language state."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    path = tmp_path / "post-data"
    path.mkdir()
    return path
