"""Several writers at once (the counter's worker, the sync thread, a CLI in another process)."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

from sqlalchemy import select

from border_client.services import outbox, registration
from border_client.services.audit import verify_audit
from border_client.storage.models import Crossing, OutboxEvent

from .conftest import PASSWORD, MakeDoc

REPO = Path(__file__).resolve().parents[3]


def test_threads_and_another_process_keep_seq_and_chain_whole(
    store, inspector, supervisor, make_doc: MakeDoc
) -> None:
    errors: list[BaseException] = []

    def register(user, prefix: str) -> None:
        try:
            for i in range(15):
                registration.register_crossing(store, user, make_doc(number=f"{prefix}{i:07d}"), "entry")
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    def sync_thread() -> None:
        try:
            for _ in range(15):
                stats = outbox.queue_stats(store)
                outbox.record_ack(store, stats.last_seq)
                outbox.record_error(store, "link down")
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)

    child = subprocess.Popen(
        [sys.executable, "-c", _CHILD, str(store.paths.data_dir), PASSWORD],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    threads = [
        threading.Thread(target=register, args=(inspector, "TA")),
        threading.Thread(target=register, args=(supervisor, "TB")),
        threading.Thread(target=sync_thread),
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    out, err = child.communicate(timeout=120)
    assert child.returncode == 0, err
    assert not errors, errors
    assert verify_audit(store).ok
    with store.read() as s:
        seqs = s.scalars(select(OutboxEvent.seq).order_by(OutboxEvent.seq)).all()
        assert seqs == list(range(1, len(seqs) + 1))
        assert len(s.scalars(select(Crossing.crossing_id)).all()) == 45


_CHILD = """
import sys
from pathlib import Path
from border_client.domain.mrz import MrzFormat, compose_mrz, parse_mrz
from border_client.services import accounts, registration
store, user = accounts.open_store(Path(sys.argv[1]), "chief", sys.argv[2])
for i in range(15):
    lines = compose_mrz(MrzFormat.TD3, document_code="P", issuing_state="CAN", surname="CHILD",
        given_names="PROC", document_number=f"PC{i:07d}", nationality="CAN",
        birth_date_raw="900101", sex="M", expiry_date_raw="350101")
    registration.register_crossing(store, user, parse_mrz(lines), "entry")
store.close()
"""
