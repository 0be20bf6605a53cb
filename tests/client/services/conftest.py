"""Fixtures for the services: a fresh post store (cheap Argon2id), users of each role, MRZs."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from border_client.domain.mrz import MrzDocument, MrzFormat, compose_mrz, parse_mrz
from border_client.services import accounts
from border_client.services.common import UserSession
from border_client.storage import Store, keyslots

PASSWORD = "s3cret-pass"


@pytest.fixture(autouse=True)
def cheap_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(keyslots, "KDF_DEFAULT", keyslots.KdfParams(1, 1024, 1))


@pytest.fixture
def post(tmp_path: Path) -> Iterator[tuple[Store, UserSession, str]]:
    store, admin, recovery = accounts.init_post(
        tmp_path / "post",
        post_code="HTI-CAP",
        post_name="Cap-Haïtien",
        admin_username="chief",
        admin_password=PASSWORD,
        timezone="America/Port-au-Prince",
    )
    yield store, admin, recovery
    store.close()


@pytest.fixture
def store(post: tuple[Store, UserSession, str]) -> Store:
    return post[0]


@pytest.fixture
def admin(post: tuple[Store, UserSession, str]) -> UserSession:
    return post[1]


@pytest.fixture
def supervisor(store: Store, admin: UserSession) -> UserSession:
    accounts.add_user(store, admin, "sara", PASSWORD, "supervisor")
    return accounts.login(store, "sara", PASSWORD)


@pytest.fixture
def inspector(store: Store, admin: UserSession) -> UserSession:
    accounts.add_user(store, admin, "ian", PASSWORD, "inspector")
    return accounts.login(store, "ian", PASSWORD)


MakeDoc = Callable[..., MrzDocument]


@pytest.fixture
def make_doc() -> MakeDoc:
    def make(
        surname: str = "DUPONT",
        given_names: str = "MARIE CLAIRE",
        number: str = "AB1234567",
        state: str = "FRA",
        nationality: str | None = None,
        birth: str = "850312",
        sex: str = "F",
        expiry: str = "320101",
    ) -> MrzDocument:
        lines = compose_mrz(
            MrzFormat.TD3,
            document_code="P",
            issuing_state=state,
            surname=surname,
            given_names=given_names,
            document_number=number,
            nationality=nationality or state,
            birth_date_raw=birth,
            sex=sex,
            expiry_date_raw=expiry,
        )
        doc = parse_mrz(lines)
        assert doc.valid
        return doc

    return make
