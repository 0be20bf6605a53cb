"""`border-client mrz parse`: the JSON contract and exit statuses, run as a real process."""

from __future__ import annotations

import json
import subprocess
import sys

TD3 = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10"


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "border_client.cli", "mrz", "parse", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_valid_from_argument() -> None:
    out = run(TD3)
    assert out.returncode == 0
    data = json.loads(out.stdout)
    assert data["format"] == "TD3" and data["valid"] is True
    assert data["given_names"] == "ANNA MARIA"
    assert data["checks"] == {
        "document_number": True,
        "birth_date": True,
        "expiry_date": True,
        "optional_data": True,
        "composite": True,
    }


def test_failed_check_from_stdin_exits_1() -> None:
    out = run(stdin=TD3.replace("L898902C36", "L898902C37"))
    assert out.returncode == 1
    data = json.loads(out.stdout)
    assert data["valid"] is False and data["checks"]["document_number"] is False


def test_not_an_mrz_exits_2_with_error_on_both_streams() -> None:
    out = run("hello world")
    assert out.returncode == 2
    assert "error" in json.loads(out.stdout)
    assert "not an MRZ" in out.stderr
