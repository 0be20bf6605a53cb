"""UI test fixtures: a real encrypted post store per test, and the app shell driving it."""

from __future__ import annotations

from pathlib import Path

import pytest

PASSWORD = "counter-pass-1"


@pytest.fixture(autouse=True)
def cheap_kdf(monkeypatch: pytest.MonkeyPatch) -> None:
    """Argon2id at its production cost makes each log-in ~1 s; the UI tests log in a lot."""
    from border_client.storage import keyslots

    monkeypatch.setattr(keyslots, "KDF_DEFAULT", keyslots.KdfParams(1, 1024, 1))


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    path = tmp_path / "post-data"
    path.mkdir()
    return path


@pytest.fixture
def post_dir(data_dir: Path) -> Path:
    """A post (HTI-OUA) with an admin, a supervisor and an inspector, all with PASSWORD."""
    from border_client.services import accounts

    store, admin, _key = accounts.init_post(
        data_dir,
        post_code="HTI-OUA",
        post_name="Ouanaminthe",
        admin_username="admin",
        admin_password=PASSWORD,
        timezone="America/Port-au-Prince",
    )
    try:
        accounts.add_user(store, admin, "chief", PASSWORD, "supervisor")
        accounts.add_user(store, admin, "ines", PASSWORD, "inspector")
    finally:
        store.close()
    return data_dir


@pytest.fixture
def shell_factory(qtbot):
    """Builds an AppShell (auto-sync off) and shuts it down after the test."""
    from border_client.ui.shell import AppShell

    shells = []

    def make(path: Path, language: str | None = "en"):
        shell = AppShell(path, language=language, auto_sync=False)
        shells.append(shell)
        return shell

    yield make
    for shell in shells:
        for window in (shell.main_window, shell.login_window, shell.wizard):
            if window is not None:
                window.close()
        shell.shutdown()
        shell.languages.set_language("en")


def login(qtbot, shell, username: str, password: str = PASSWORD):
    """Log in through the log-in window; returns the main window."""
    shell.start()
    panel = shell.login_window.panel
    panel.username.setText(username)
    panel.password.setText(password)
    with qtbot.waitSignal(shell.mainWindowShown, timeout=20_000) as blocker:
        panel.login_button.click()
    return blocker.args[0]
