"""Through a link that drops, delays, truncates, duplicates and resets: every event once."""

from __future__ import annotations

from pathlib import Path

import pytest

from border_client.services import outbox
from border_client.sync import errors
from border_client.sync.client import SyncClient
from border_client.sync.engine import SyncEngine, enroll_post
from tests.client.sync.conftest import POST, add_events, make_post, server_events
from tests.client.sync.faultproxy import FAULTS, FaultProxy
from tests.server.support import ServerProcess, issue_token, server_query


def test_faulty_link_delivers_each_event_exactly_once(server: ServerProcess, tmp_path: Path) -> None:
    n = 3000
    store = make_post(tmp_path / "post")
    try:
        add_events(store, n)
        enroll_post(store, SyncClient(server.url), issue_token(server.db_url, POST, "Cap"), post_code=POST)
        # Cycle through every fault so each is exercised, with passes between them.
        plan = [f for fault in FAULTS[1:] for f in (fault, "pass")] * 20
        it = iter(plan)
        with FaultProxy(server.port, choose=lambda: next(it, "pass"), delay_s=2.5) as proxy:
            client = SyncClient(proxy.url, timeout=(2.0, 1.5))
            engine = SyncEngine(store, client, batch_events=150, post_code=POST)
            failures: list[str] = []
            report = None
            for _ in range(200):
                try:
                    report = engine.sync_once()
                except errors.SyncFailure as exc:
                    failures.append(type(exc).__name__)
                    continue
                if report.pending == 0:
                    break
            assert report is not None and report.pending == 0, failures
            assert report.acknowledged_seq == n
            for fault in FAULTS:
                assert proxy.counts[fault] > 0, proxy.counts
        assert "NetworkFailure" in failures  # the faults were felt, and recovered from
        rows = server_events(server)
        sent = {e.seq: e.event_id for e in outbox.pending(store, after_seq=0, limit=n + 1)}
        assert len(rows) == n
        assert {r.seq: r.event_id for r in rows} == sent
        assert (
            server_query(server.db_url, "SELECT count(*) FROM crossings WHERE post_code=:p", p=POST)[0][0]
            == n
        )
        assert outbox.queue_stats(store).acked_seq == n
    finally:
        store.close()


def test_a_batch_overtaken_by_the_next_moves_no_cursor_back(
    server: ServerProcess, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two batches are in flight: when the first is held up on the link, the second reaches the
    server first and is answered with the old cursor (a gap). That stale answer, read after the
    first's, must not move the post's cursor back nor send anything twice."""
    n = 600
    store = make_post(tmp_path / "post")
    try:
        add_events(store, n)
        enroll_post(store, SyncClient(server.url), issue_token(server.db_url, POST, "Cap"), post_code=POST)
        recorded: list[int] = []
        real_record = outbox.record_ack

        def spy(st: object, seq: int) -> None:
            recorded.append(seq)
            real_record(st, seq)  # type: ignore[arg-type]

        monkeypatch.setattr(outbox, "record_ack", spy)
        plan = iter(["late", "pass", "late", "pass"])
        with FaultProxy(server.port, choose=lambda: next(plan, "pass"), late_s=0.8) as proxy:
            engine = SyncEngine(store, SyncClient(proxy.url), batch_events=150, post_code=POST)
            report = engine.sync_once()
            assert proxy.counts["late"] == 2
        assert report.pending == 0 and report.acknowledged_seq == n
        assert report.sent == n  # nothing was sent twice
        assert recorded == sorted(recorded) and recorded[-1] == n
        rows = server_events(server)
        assert [r.seq for r in rows] == list(range(1, n + 1))
        # The second batch (151..300) was stored before the first (1..150): it overtook it.
        received = {
            seq: at
            for seq, at in server_query(
                server.db_url, "SELECT seq, received_at FROM events WHERE seq IN (1, 151)"
            )
        }
        assert received[151] < received[1]
    finally:
        store.close()
