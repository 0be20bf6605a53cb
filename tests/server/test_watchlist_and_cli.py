"""Watchlist import/publish and signed download (full and delta); the admin CLI's contracts."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
import requests

from border_client.sync import errors, protocol
from border_client.sync.client import SyncClient
from sync_server.services.watchlist import snapshot_digest
from tests.server.support import VENV_BIN, ServerProcess, crossing_entry, enroll_device

CSV_V1 = """list,document_number,issuing_state,surname,given_names,birth_date,nationality,reason
document,PP0000001,HTI,,,,,reported stolen
document,L898902C3,UTO,,,,,reported lost
person,,,VALCOURT|VALCOUR,JEAN ROBERT,1979-03-14,HTI,person of interest
"""
CSV_V2 = CSV_V1.replace("document,PP0000001,HTI,,,,,reported stolen\n", "") + (
    "person,,,MARTINEZ OROZCO,ANA LUCIA,1988,GTM,person of interest\n"
)


def cli(db_url: str, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(VENV_BIN / "sync-server"), "--db", db_url, *args], capture_output=True, text=True, check=check
    )


def test_watchlist_versions_flow_down_signed(server: ServerProcess, tmp_path: Path) -> None:
    dev = enroll_device(server.url, server.db_url, "WL-A")
    client = SyncClient(server.url)
    (tmp_path / "v1.csv").write_text(CSV_V1, encoding="utf-8")
    (tmp_path / "v2.csv").write_text(CSV_V2, encoding="utf-8")
    out = json.loads(cli(server.db_url, "watchlist", "import", str(tmp_path / "v1.csv"), "--json").stdout)
    assert out == {"entries": 3, "documents": 2, "persons": 1}
    v1 = json.loads(cli(server.db_url, "watchlist", "publish", "--json").stdout)
    assert v1["entries"] == 3 and not v1["unchanged"]

    full = client.fetch_watchlist(dev.device_id, dev.key, dev.server_public_key, None)
    assert full is not None and full["kind"] == "full" and full["version"] == v1["version"]
    assert {e["document_number"] for e in full["entries"] if e["list"] == "document"} == {
        "PP0000001",
        "L898902C3",
    }
    assert snapshot_digest(full["entries"]) == full["sha256"]
    # Up to date: nothing to apply.
    assert client.fetch_watchlist(dev.device_id, dev.key, dev.server_public_key, v1["version"]) is None

    cli(server.db_url, "watchlist", "import", str(tmp_path / "v2.csv"))
    v2 = json.loads(cli(server.db_url, "watchlist", "publish", "--json").stdout)
    assert v2["version"] == v1["version"] + 1
    delta = client.fetch_watchlist(dev.device_id, dev.key, dev.server_public_key, v1["version"])
    assert delta is not None and delta["kind"] == "delta"
    assert delta["base_version"] == v1["version"]
    assert [e["surname"] for e in delta["entries"]] == ["MARTINEZ OROZCO"]
    removed = {e["entry_id"] for e in full["entries"] if e["document_number"] == "PP0000001"}
    assert set(delta["removed"]) == removed
    # The acknowledgement tells the post a newer version exists.
    ack = dev.post_batch([crossing_entry(1, "WL-A")]).json()
    assert ack["watchlist_version"] == v2["version"]
    # A post that pinned another server's key refuses the answer.
    with pytest.raises(errors.ServerIdentityMismatch):
        client.fetch_watchlist(
            dev.device_id, dev.key, protocol.public_key_bytes(protocol.generate_private_key()), None
        )
    # Unsigned requests for the watchlist are refused.
    resp = requests.get(server.url + protocol.WATCHLIST_PATH, timeout=10)
    assert resp.status_code == 401


def test_bad_watchlist_csv_names_the_line(server: ServerProcess, tmp_path: Path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text(CSV_V1 + "document,,HTI,,,,,no number\n", encoding="utf-8")
    res = cli(server.db_url, "watchlist", "import", str(bad), check=False)
    assert res.returncode == 1 and "line 5" in res.stderr
    missing = cli(server.db_url, "watchlist", "import", str(tmp_path / "nope.csv"), check=False)
    assert missing.returncode == 1 and "no such file" in missing.stderr


def test_enroll_devices_stats_cli(server: ServerProcess) -> None:
    out = json.loads(
        cli(server.db_url, "enroll", "--post", "CLI-A", "--name", "Cap-Haïtien", "--json").stdout
    )
    assert set(out) == {"token", "expires_at"} and len(out["token"]) >= 24
    client = SyncClient(server.url)
    answer = client.enroll(out["token"], protocol.generate_private_key(), post_code="CLI-A")
    devices = json.loads(cli(server.db_url, "devices", "--json").stdout)
    assert any(d["device_id"] == answer["device_id"] and d["status"] == "active" for d in devices)
    dev = enroll_device(server.url, server.db_url, "CLI-A", "Cap-Haïtien")
    dev.post_batch([crossing_entry(s, "CLI-A") for s in (1, 2, 3)])
    stats = json.loads(cli(server.db_url, "stats", "--json").stdout)
    post = next(p for p in stats["posts"] if p["post_code"] == "CLI-A")
    assert post["events"] == 3 and post["last_sync_at"] is not None and post["name"] == "Cap-Haïtien"
    assert stats["events_total"] >= 3
    new_post = cli(server.db_url, "enroll", "--post", "CLI-NEW", check=False)
    assert new_post.returncode == 1 and "--name" in new_post.stderr
