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
