"""`border-client` with no subcommand: a window where there is a display, advice where not."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from border_client.app import display_problem


def _env_without_display() -> dict[str, str]:
    env = dict(os.environ)
    for key in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        env.pop(key, None)
    return env


def test_display_problem_names_xvfb_and_offscreen():
    assert display_problem({}) is not None
    assert "xvfb-run -a border-client" in (display_problem({}) or "")
    assert "QT_QPA_PLATFORM=offscreen" in (display_problem({}) or "")
    assert display_problem({"DISPLAY": ":0"}) is None
    assert display_problem({"QT_QPA_PLATFORM": "offscreen"}) is None


def test_cli_without_display_explains_instead_of_crashing(tmp_path: Path):
    proc = subprocess.run(
        [
            sys.executable,
            "-c",
            "import sys; from border_client.cli import main; sys.exit(main(sys.argv[1:]))",
            "--data-dir",
            str(tmp_path),
        ],
        env=_env_without_display(),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 2
    assert "xvfb-run -a border-client" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_module_entry_opens_a_window_offscreen(tmp_path: Path):
    env = _env_without_display()
    env["QT_QPA_PLATFORM"] = "offscreen"
    proc = subprocess.Popen(
        [sys.executable, "-m", "border_client.app", "--data-dir", str(tmp_path)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    log_file = tmp_path / "logs" / "client.log"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if log_file.exists() and "window shown" in log_file.read_text(encoding="utf-8"):
                break
            assert proc.poll() is None, proc.communicate()[1]
            time.sleep(0.1)
        else:
            raise AssertionError("the app did not show a window within 60 s")
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def test_shell_knows_the_store_file_names(tmp_path: Path):
    from border_client.storage.db import StorePaths
    from border_client.ui.shell import STORE_FILES, store_exists

    paths = StorePaths(tmp_path)
    assert set(STORE_FILES) == {paths.keyslots.name, paths.db.name}
    assert not store_exists(tmp_path)
    paths.keyslots.write_text("{}")
    assert store_exists(tmp_path) == paths.exists()


def test_log_in_window_does_not_import_the_storage_layer(tmp_path: Path):
    """The log-in window must show fast: SQLAlchemy loads while the password is typed."""
    (tmp_path / "keyslots.json").write_text("{}")
    code = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from border_client.ui.shell import AppShell\n"
        f"shell = AppShell(__import__('pathlib').Path({str(tmp_path)!r}))\n"
        "shell.tasks.run = lambda *a, **k: None\n"
        "shell.start()\n"
        "assert shell.login_window is not None\n"
        "print('sqlalchemy' in sys.modules)\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                         timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip().splitlines()[-1] == "False"


def test_sync_child_process_reports_a_refusal_in_plain_words(tmp_path: Path):
    """The sync runs in a child process; its failures come back as SyncFailure messages."""
    import pytest

    from border_client.services import accounts, outbox
    from border_client.storage import keyslots
    from border_client.sync import errors
    from border_client.ui.backend import SyncProcess

    keyslots_default = keyslots.KDF_DEFAULT
    keyslots.KDF_DEFAULT = keyslots.KdfParams(1, 1024, 1)
    try:
        store, _admin, _key = accounts.init_post(
            tmp_path, post_code="HTI-OUA", post_name="Ouanaminthe", admin_username="admin",
            admin_password="counter-pass-1",
        )
    finally:
        keyslots.KDF_DEFAULT = keyslots_default
    process = SyncProcess()
    try:
        with pytest.raises(errors.SyncFailure, match="not enrolled"):
            process.sync(store)
        assert outbox.queue_stats(store).pending == 0
    finally:
        process.close()
        store.close()
