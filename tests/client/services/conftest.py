"""Fast Argon2id for tests: the real cost is measured by bench/store_bench.py."""

from __future__ import annotations

import pytest

from border_client.storage import keyslots


@pytest.fixture(autouse=True)
def cheap_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(keyslots, "KDF_DEFAULT", keyslots.KdfParams(1, 1024, 1))
