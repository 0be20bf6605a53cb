"""The post's batch builder produces exactly the shared sample; signing and back-off rules."""

from __future__ import annotations

import json
import random

import pytest

from border_client.sync import protocol
from border_client.sync.engine import Backoff
from tests.server.support import SAMPLE_BATCH


def test_builder_reproduces_the_sample_batch() -> None:
    sample = json.loads(SAMPLE_BATCH.read_text(encoding="utf-8"))
    entries = [
        protocol.encode_event(
            e["seq"], e["event_id"], e["event_type"], e["created_at"], json.dumps(e["payload"])
        )  # as the store keeps it: JSON text
        for e in sample["events"]
    ]
    batch = protocol.build_batch(
        entries,
        device_id=sample["device_id"],
        post_code=sample["post_code"],
        health=sample["health"],
        sent_at=sample["sent_at"],
    )
    assert json.loads(protocol.inflate(batch.body, 10**7)) == sample
    assert (batch.count, batch.first_seq, batch.last_seq) == (5, 1, 5)
    assert batch.raw_size > len(batch.body)  # compressed


def test_unparsable_payload_travels_as_raw_text() -> None:
    e = protocol.encode_event(7, "id", "crossing.registered", None, '{"broken": ')
    assert e["payload_raw"] == '{"broken": ' and "payload" not in e


def test_signature_covers_every_part() -> None:
    key = protocol.generate_private_key()
    pub = protocol.public_key_bytes(key)
    body = b"\x1f\x8b body"
    h = protocol.sign_request(key, "POST", protocol.BATCH_PATH, "dev-1", body, now=1000, nonce="n" * 16)
    args = ("POST", protocol.BATCH_PATH, "dev-1", 1000, "n" * 16, body, h[protocol.H_SIGNATURE])
    protocol.verify_request_signature(pub, *args)
    for i, changed in [
        (0, "GET"),
        (1, "/api/v1/other"),
        (2, "dev-2"),
        (3, 1001),
        (4, "m" * 16),
        (5, body + b"x"),
    ]:
        bad = list(args)
        bad[i] = changed
        with pytest.raises(protocol.SignatureError):
            protocol.verify_request_signature(pub, *bad)  # type: ignore[arg-type]


def test_inflate_refuses_bombs_and_truncation() -> None:
    import gzip

    with pytest.raises(protocol.InflateError, match="beyond"):
        protocol.inflate(gzip.compress(b"a" * 10_000), 1000)
    whole = gzip.compress(b"hello world" * 100)
    with pytest.raises(protocol.InflateError, match="truncated"):
        protocol.inflate(whole[:-10], 10**6)
    with pytest.raises(protocol.InflateError, match="not valid gzip"):
        protocol.inflate(b"plain text", 10**6)


def test_backoff_grows_with_full_jitter_and_is_capped() -> None:
    b = Backoff(base=2, cap=60, rng=random.Random(7))
    delays = [b.next_delay() for _ in range(12)]
    assert all(0 <= d <= 60 for d in delays)
    assert max(delays[6:]) > 8  # grows past the first steps
    assert len(set(delays)) == len(delays)  # jittered, not lock-step
    b.reset()
    assert b.next_delay() <= 4


def test_redirects_are_reported_not_followed() -> None:
    import threading
    from http.server import BaseHTTPRequestHandler, HTTPServer

    from border_client.sync import errors
    from border_client.sync.client import SyncClient

    class Redirect(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server's naming
            self.send_response(301)
            self.send_header("Location", "https://sync.example.org/api/v1/health")
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    httpd = HTTPServer(("127.0.0.1", 0), Redirect)
    t = threading.Thread(target=httpd.serve_forever, daemon=True)
    t.start()
    try:
        client = SyncClient(f"http://127.0.0.1:{httpd.server_port}")
        with pytest.raises(errors.Refused) as exc:
            client.server_health()
        assert exc.value.code == "redirected" and "https://sync.example.org" in exc.value.message
    finally:
        httpd.shutdown()
