"""Through a link that drops, delays, truncates, duplicates and resets: every event once."""

from __future__ import annotations

from pathlib import Path

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
