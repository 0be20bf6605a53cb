"""SIGKILL a registering process at random moments; the store must always come back whole."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import select

from border_client.services import accounts, watchlist
from border_client.services.audit import verify_audit
from border_client.storage.models import Alert, AuditEvent, Crossing, OutboxEvent

REPO = Path(__file__).resolve().parents[3]
PASSWORD = "crash-test-pw"
ROUNDS = 32


def _check_whole(data_dir: Path) -> tuple[int, int]:
    store, user = accounts.open_store(data_dir, "chief", PASSWORD)
    try:
        assert store.integrity_check() == [], "integrity_check / cipher_integrity_check failed"
        report = verify_audit(store)
        assert report.ok, report.problem
        with store.read() as s:
            seqs = s.scalars(select(OutboxEvent.seq).order_by(OutboxEvent.seq)).all()
            assert seqs == list(range(1, len(seqs) + 1)), "gap in the outbox sequence"
            events = s.execute(select(OutboxEvent.event_type, OutboxEvent.payload)).all()
            registered = Counter(
                json.loads(p)["crossing_id"] for t, p in events if t == "crossing.registered"
            )
            raised = Counter(json.loads(p)["alert_id"] for t, p in events if t == "alert.raised")
            crossings = s.scalars(select(Crossing.crossing_id)).all()
            # Every crossing has exactly one event and one audit entry, and nothing else has.
            assert registered == Counter(crossings), "crossing without event (or the reverse)"
            audited = Counter(
                s.scalars(select(AuditEvent.subject).where(AuditEvent.action == "crossing.registered")).all()
            )
            assert audited == Counter(crossings)
            alert_ids = s.scalars(select(Alert.alert_id)).all()
            assert raised == Counter(alert_ids), "alert without its event"
        return len(crossings), len(alert_ids)
    finally:
        store.close()


@pytest.mark.slow
def test_sigkill_at_random_moments_loses_nothing(tmp_path: Path) -> None:
    data_dir = tmp_path / "post"
    # Real Argon2id cost would only slow the rounds down; the slots record their own cost.
    from border_client.storage import keyslots

    cheap = keyslots.KdfParams(1, 1024, 1)
    original = keyslots.KDF_DEFAULT
    keyslots.KDF_DEFAULT = cheap
    try:
        store, admin, _ = accounts.init_post(
            data_dir,
            post_code="USA-TST",
            post_name="Crash",
            admin_username="chief",
            admin_password=PASSWORD,
        )
        watchlist.import_watchlist_csv(
            store,
            admin,
            "list,document_number,issuing_state,reason\n"
            + "".join(f"document,C{n:07d},USA,stolen\n" for n in range(0, 200, 17)),
        )
        store.close()
    finally:
        keyslots.KDF_DEFAULT = original
    rng = random.Random(20261127)
    env = dict(os.environ, PYTHONPATH=str(REPO))
    totals = []
    for round_no in range(ROUNDS):
        child = subprocess.Popen(
            [sys.executable, "-m", "tests.client.storage.crash_child", str(data_dir), "chief", str(round_no)],
            cwd=REPO,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        assert child.stdin and child.stdout
        child.stdin.write(PASSWORD + "\n")
        child.stdin.close()
        if rng.random() < 0.2:
            time.sleep(rng.uniform(0.3, 1.5))  # may hit start-up, log-in or the first writes
        else:
            line = child.stdout.readline()
            if line.strip() != "ready":
                child.kill()
                raise AssertionError(f"child failed: {line} {child.stderr.read()}")  # type: ignore[union-attr]
            time.sleep(rng.uniform(0.0, 0.5))
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
        assert child.returncode == -signal.SIGKILL, child.stderr.read()  # type: ignore[union-attr]
        child.stdout.close()
        child.stderr.close()  # type: ignore[union-attr]
        totals.append(_check_whole(data_dir))
    crossings, alerts = totals[-1]
    assert crossings > ROUNDS, "the child hardly registered anything: the test proved little"
    assert alerts > 0
