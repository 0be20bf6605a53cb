"""A real post store syncing to a real server over loopback, through the CLI a post would use."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import pytest

from border_client.services import outbox
from border_client.sync import errors
from border_client.sync.client import SyncClient
from border_client.sync.engine import SyncEngine
from tests.client.sync.conftest import POST, add_events, client_cli, make_post, server_events
from tests.server.support import ServerProcess, issue_token, server_query

WATCHLIST = """list,document_number,issuing_state,surname,given_names,birth_date,nationality,reason
document,L00000003,UTO,,,,,reported stolen
person,,,VALCOURT,JEAN ROBERT,1979-03-14,HTI,person of interest
"""


def test_enroll_sync_and_watchlist_through_the_cli(server: ServerProcess, tmp_path: Path) -> None:
    data = tmp_path / "post"
    store = make_post(data)
    add_events(store, 2500)
    store.close()
    token = issue_token(server.db_url, POST, "Cap-Haïtien")
    res = client_cli(data, "enroll", "--server", server.url, "--token", token)
    assert res.returncode == 0, res.stderr
    assert "Enrolled post HTI-CAP" in res.stdout
    # A watchlist published centrally comes down with the sync.
    from sync_server.db import make_engine, make_sessionmaker
    from sync_server.services import watchlist

    eng = make_engine(server.db_url)
    with make_sessionmaker(eng)() as s:
        watchlist.import_csv(s, WATCHLIST)
        version = watchlist.publish(s).version
    eng.dispose()

    res = client_cli(data, "sync", "--once", "--json")
    assert res.returncode == 0, res.stderr
    out = json.loads(res.stdout)
    assert out["sent"] == 2500 and out["acknowledged_seq"] == 2500 and out["pending"] == 0
    assert out["watchlist_version"] == version and out["watchlist_applied"] is True
    rows = server_events(server)
    assert [r.seq for r in rows] == list(range(1, 2501))
    assert (
        server_query(server.db_url, "SELECT count(*) FROM crossings WHERE post_code = :p", p=POST)[0][0]
        == 2500
    )

    # Nothing new: an empty batch reports health; nothing is sent twice.
    again = json.loads(client_cli(data, "sync", "--once", "--json").stdout)
    assert again["sent"] == 0 and again["acknowledged_seq"] == 2500
    assert again["watchlist_applied"] is False
    health = server_query(
        server.db_url, "SELECT queue_length, app_version FROM devices WHERE post_code = :p", p=POST
    )[0]
    assert health.queue_length == 0 and health.app_version


def test_plain_words_for_revoked_and_unreachable(sqlite_server: ServerProcess, tmp_path: Path) -> None:
    import subprocess

    from tests.server.support import VENV_BIN

    data = tmp_path / "post"
    store = make_post(data)
    add_events(store, 3)
    store.close()
    token = issue_token(sqlite_server.db_url, POST, "Cap-Haïtien")
    assert client_cli(data, "enroll", "--server", sqlite_server.url, "--token", token).returncode == 0
    device_id = server_query(sqlite_server.db_url, "SELECT device_id FROM devices")[0][0]
    subprocess.run(
        [str(VENV_BIN / "sync-server"), "--db", sqlite_server.db_url, "revoke", device_id],
        check=True,
        capture_output=True,
    )
    res = client_cli(data, "sync", "--once", "--json")
    assert res.returncode == 1
    out = json.loads(res.stdout)
    assert out["error_code"] == "device_revoked" and "revoked" in out["error"]
    assert out["pending"] == 3 and out["acknowledged_seq"] == 0
    # Re-enrolling an enrolled post is refused in words.
    token2 = issue_token(sqlite_server.db_url, POST, "Cap-Haïtien")
    res = client_cli(data, "enroll", "--server", sqlite_server.url, "--token", token2)
    assert res.returncode == 1 and "already enrolled" in res.stderr

    sqlite_server.stop()
    res = client_cli(data, "sync", "--once")
    assert res.returncode == 1 and "cannot reach the server" in res.stderr
    # The error is kept for the health report and the app's status line.
    from border_client.services import accounts

    st, _ = accounts.open_store(data, "chief", "s3cret-pass")
    try:
        assert "cannot reach the server" in (outbox.queue_stats(st).last_error or "")
    finally:
        st.close()


def test_clock_skew_is_explained(
    sqlite_server: ServerProcess, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = make_post(tmp_path / "post")
    try:
        add_events(store, 2)
        client = SyncClient(sqlite_server.url)
        from border_client.sync.engine import enroll_post

        enroll_post(store, client, issue_token(sqlite_server.db_url, POST, "Cap"), post_code=POST)
        real = time.time
        monkeypatch.setattr(time, "time", lambda: real() - 7200)
        with pytest.raises(errors.ClockSkew) as exc:
            SyncEngine(store, client, post_code=POST).sync_once()
        assert "behind" in exc.value.message and exc.value.status == 412
        monkeypatch.setattr(time, "time", real)
        report = SyncEngine(store, client, post_code=POST).sync_once()
        assert report.acknowledged_seq == 2
    finally:
        store.close()


def test_tls_verification_is_on_and_ca_bundle_is_used(tmp_path: Path) -> None:
    bundle = tmp_path / "ca.pem"
    bundle.write_text("not a certificate")
    client = SyncClient("https://127.0.0.1:9", ca_bundle=str(bundle))
    assert client.session.verify == str(bundle)
    assert SyncClient("https://127.0.0.1:9").session.verify is True
    assert SyncClient("https://127.0.0.1:9").session.trust_env  # HTTPS_PROXY honoured
    with pytest.raises(errors.NetworkFailure):
        client.server_health()


def test_background_loop_wakes_for_new_records_and_backs_off_when_down(
    sqlite_server: ServerProcess, tmp_path: Path
) -> None:
    import threading

    from border_client.sync.engine import SyncReport, enroll_post

    store = make_post(tmp_path / "post")
    try:
        client = SyncClient(sqlite_server.url)
        enroll_post(store, client, issue_token(sqlite_server.db_url, POST, "Cap"), post_code=POST)
        engine = SyncEngine(store, client, post_code=POST)
        reports: list[SyncReport] = []
        stop = threading.Event()
        loop = threading.Thread(
            target=engine.run_forever, args=(stop,), kwargs={"interval": 300, "on_report": reports.append}
        )
        loop.start()
        try:
            deadline = time.monotonic() + 30
            while not reports and time.monotonic() < deadline:
                time.sleep(0.1)
            assert reports and reports[0].error is None
            add_events(store, 7)
            engine.wake()  # the app calls this after saving a crossing
            deadline = time.monotonic() + 30
            while len(server_events(sqlite_server)) < 7 and time.monotonic() < deadline:
                time.sleep(0.2)
            assert len(server_events(sqlite_server)) == 7

            # The server goes away: the loop reports the failure and does not spin.
            sqlite_server.stop()
            add_events(store, 1)
            before = len(reports)
            engine.wake()
            time.sleep(4)
            failures = [r for r in reports[before:] if r.error]
            assert failures and "cannot reach the server" in failures[0].error
            assert len(reports[before:]) <= 4  # backed off with jitter, not a tight loop
        finally:
            stop.set()
            loop.join(10)
        assert not loop.is_alive()
    finally:
        store.close()


def test_server_restored_from_an_older_backup_gets_the_rest_again(
    server: ServerProcess, tmp_path: Path
) -> None:
    from sqlalchemy import create_engine, text

    from border_client.sync.engine import enroll_post

    store = make_post(tmp_path / "post")
    try:
        add_events(store, 300)
        client = SyncClient(server.url)
        enroll_post(store, client, issue_token(server.db_url, POST, "Cap"), post_code=POST)
        engine = SyncEngine(store, client, batch_events=100, post_code=POST)
        assert engine.sync_once().acknowledged_seq == 300
        # The central database goes back to a backup taken when it held events 1..120.
        eng = create_engine(server.db_url)
        with eng.begin() as c:
            c.execute(
                text("DELETE FROM crossings WHERE event_id IN (SELECT event_id FROM events WHERE seq > 120)")
            )
            c.execute(text("DELETE FROM events WHERE seq > 120"))
            c.execute(text("UPDATE devices SET acked_seq = 120"))
        eng.dispose()
        report = engine.sync_once()
        assert report.acknowledged_seq == 300 and report.sent == 180
        rows = server_events(server)
        assert [r.seq for r in rows] == list(range(1, 301))
        sent = {e.seq: e.event_id for e in outbox.pending(store, after_seq=0, limit=400)}
        assert {r.seq: r.event_id for r in rows} == sent
    finally:
        store.close()


def test_revoked_post_enrolls_again_and_continues(sqlite_server: ServerProcess, tmp_path: Path) -> None:
    import subprocess

    from tests.server.support import VENV_BIN

    data = tmp_path / "post"
    store = make_post(data)
    add_events(store, 10)
    store.close()
    srv = sqlite_server
    assert (
        client_cli(
            data, "enroll", "--server", srv.url, "--token", issue_token(srv.db_url, POST, "Cap")
        ).returncode
        == 0
    )
    assert json.loads(client_cli(data, "sync", "--once", "--json").stdout)["acknowledged_seq"] == 10
    old = server_query(srv.db_url, "SELECT device_id FROM devices")[0][0]
    subprocess.run(
        [str(VENV_BIN / "sync-server"), "--db", srv.db_url, "revoke", old], check=True, capture_output=True
    )
    from border_client.services import accounts

    st, _ = accounts.open_store(data, "chief", "s3cret-pass")
    add_events(st, 5)
    st.close()
    res = client_cli(
        data, "enroll", "--server", srv.url, "--token", issue_token(srv.db_url, POST, "Cap"), "--replace"
    )
    assert res.returncode == 0, res.stderr
    out = json.loads(client_cli(data, "sync", "--once", "--json").stdout)
    assert out["acknowledged_seq"] == 15 and out["sent"] == 5 and out["pending"] == 0
    rows = server_query(srv.db_url, "SELECT device_id, seq FROM events ORDER BY seq")
    assert [r.seq for r in rows] == list(range(1, 16))
    assert {r.device_id for r in rows[:10]} == {old} and old not in {r.device_id for r in rows[10:]}
    # A token for a post cannot claim another post's device.
    other = enroll_device_claim(srv, old)
    assert other.status_code == 400 and "not a device of post" in other.json()["message"]


def enroll_device_claim(srv: ServerProcess, device_id: str) -> Any:
    import requests

    from border_client.sync import protocol

    token = issue_token(srv.db_url, "OTH-ER", "Other")
    key = protocol.generate_private_key()
    pub = protocol.public_key_bytes(key)
    return requests.post(
        srv.url + protocol.ENROLL_PATH,
        timeout=10,
        json={
            "token": token,
            "public_key": protocol.b64e(pub),
            "proof": protocol.b64e(key.sign(protocol.enrollment_proof_input(token, pub))),
            "previous_device_id": device_id,
        },
    )


def test_national_stay_rules_flow_down_and_apply(sqlite_server: ServerProcess, tmp_path: Path) -> None:
    import subprocess

    from border_client.services import accounts, settings
    from tests.server.support import VENV_BIN

    srv = sqlite_server
    rules = tmp_path / "stay.json"
    rules.write_text(
        json.dumps(
            {
                "default_days": 60,
                "overrides": {"USA": 180, "fra": 90},
                "exempt": ["DOM"],
                "caricom_exempt": True,
            }
        )
    )
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"default_days": 0}))

    def srv_cli(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(VENV_BIN / "sync-server"), "--db", srv.db_url, *args], capture_output=True, text=True
        )

    refused = srv_cli("reference", "publish", "stay_rules", str(bad))
    assert refused.returncode == 1 and "at least one day" in refused.stderr, refused.stderr
    ok = srv_cli("reference", "publish", "stay_rules", str(rules))
    assert ok.returncode == 0 and "version 1" in ok.stdout, ok.stderr

    data = tmp_path / "post"
    make_post(data).close()
    token = issue_token(srv.db_url, POST, "Cap")
    enrolled = client_cli(data, "enroll", "--server", srv.url, "--token", token)
    assert enrolled.returncode == 0, enrolled.stderr
    synced = client_cli(data, "sync", "--once", "--json")
    assert synced.returncode == 0, synced.stderr
    out = json.loads(synced.stdout)
    assert out["reference_applied"] == {"stay_rules": 1} and out["error"] is None
    st, _ = accounts.open_store(data, "chief", "s3cret-pass")
    try:
        policy = settings.get_stay_policy(st)
        assert policy.allowed_days("USA") == 180 and policy.allowed_days("FRA") == 90
        assert policy.allowed_days("DEU") == 60 and policy.allowed_days("DOM") is None
    finally:
        st.close()
    again = json.loads(client_cli(data, "sync", "--once", "--json").stdout)
    assert again["reference_applied"] == {}


def test_https_with_a_private_ca(tmp_path: Path) -> None:
    from tests.server.support import free_port, make_tls

    tls = make_tls(tmp_path)
    srv = ServerProcess(f"sqlite:///{tmp_path / 's.db'}", free_port(), tmp_path / "s.log", tls=tls)
    srv.start()
    try:
        data = tmp_path / "post"
        store = make_post(data)
        add_events(store, 4)
        store.close()
        token = issue_token(srv.db_url, POST, "Cap")
        # Without the CA the certificate is not trusted, and the post says so.
        res = client_cli(data, "enroll", "--server", srv.url, "--token", token)
        assert res.returncode == 1 and "could not be verified" in res.stderr
        res = client_cli(data, "enroll", "--server", srv.url, "--token", token, "--ca-bundle", str(tls[2]))
        assert res.returncode == 0, res.stderr
        # The CA given at enrollment is kept: later syncs need not be told again.
        out = json.loads(client_cli(data, "sync", "--once", "--json").stdout)
        assert out["acknowledged_seq"] == 4 and out["error"] is None
    finally:
        srv.stop()
