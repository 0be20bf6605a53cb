"""SIGKILL of the post's sync and of the server at random moments, 30 rounds, 10,000 events.

After it all, the central office holds exactly the post's events, each once, and the post's
cursor agrees.
"""

from __future__ import annotations

import json
import random
import signal
import subprocess
import time
from pathlib import Path

import pytest

from border_client.services import accounts, outbox
from tests.client.sync.conftest import PASSWORD, POST, add_events, client_cli, make_post
from tests.server.support import (
    VENV_BIN,
    ServerProcess,
    database,
    free_port,
    issue_token,
    server_query,
)

TOTAL = 10_000
ROUNDS = 30
INITIAL = 4_000


def _start_client(data: Path, log: Path) -> subprocess.Popen[bytes]:
    proc = subprocess.Popen(
        [
            str(VENV_BIN / "border-client"),
            "--data-dir",
            str(data),
            "sync",
            "--interval",
            "0.2",
            "--batch-events",
            "25",
            "--user",
            "chief",
            "--password-stdin",
        ],
        stdin=subprocess.PIPE,
        stdout=log.open("ab"),
        stderr=subprocess.STDOUT,
    )
    assert proc.stdin is not None
    proc.stdin.write((PASSWORD + "\n").encode())
    proc.stdin.close()
    return proc


def _kill(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        proc.send_signal(signal.SIGKILL)
    proc.wait(10)


@pytest.mark.slow
@pytest.mark.parametrize("kind", ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def test_sigkill_client_and_server_thirty_rounds(kind: str, tmp_path: Path) -> None:
    rng = random.Random(20261127)
    data = tmp_path / "post"
    store = make_post(data)
    add_events(store, INITIAL)
    store.close()
    with database(kind, tmp_path) as db_url:
        server = ServerProcess(db_url, free_port(), tmp_path / "server.log").start()
        try:
            token = issue_token(db_url, POST, "Cap-Haïtien")
            assert client_cli(data, "enroll", "--server", server.url, "--token", token).returncode == 0
            per_round = (TOTAL - INITIAL) // ROUNDS
            kills = {"client": 0, "server": 0}
            for _ in range(ROUNDS):
                if server.proc is None or server.proc.poll() is not None:
                    server.start()
                # More records arrive at the post while its sync is down.
                st, _user = accounts.open_store(data, "chief", PASSWORD)
                add_events(st, per_round)
                st.close()
                client = _start_client(data, tmp_path / "client.log")
                time.sleep(rng.uniform(0.5, 2.0))
                if rng.random() < 0.4:
                    server.kill()
                    kills["server"] += 1
                    time.sleep(rng.uniform(0.0, 0.5))
                    server.start()
                    time.sleep(rng.uniform(0.2, 1.0))
                _kill(client)
                kills["client"] += 1
            if server.proc is None or server.proc.poll() is not None:
                server.start()
            for _ in range(5):
                res = client_cli(data, "sync", "--once", "--json", timeout=300)
                out = json.loads(res.stdout)
                if res.returncode == 0 and out["pending"] == 0:
                    break
            assert out["pending"] == 0 and out["acknowledged_seq"] == TOTAL, out
            rows = server_query(db_url, "SELECT seq, event_id FROM events ORDER BY seq")
            st, _user = accounts.open_store(data, "chief", PASSWORD)
            try:
                local = {e.seq: e.event_id for e in outbox.pending(st, after_seq=0, limit=TOTAL + 1)}
                assert outbox.queue_stats(st).acked_seq == TOTAL
            finally:
                st.close()
            assert len(rows) == TOTAL
            assert {r.seq: r.event_id for r in rows} == local
            assert server_query(db_url, "SELECT acked_seq FROM devices")[0][0] == TOTAL
            assert server_query(db_url, "SELECT count(*) FROM crossings")[0][0] == TOTAL
            assert kills["server"] >= 5 and kills["client"] == ROUNDS
        finally:
            server.stop()
