"""Replayed, tampered, unsigned, wrongly signed, revoked, skewed, old-protocol: each refused plainly."""

from __future__ import annotations

import gzip
import subprocess
import time

import requests

from border_client.sync import protocol
from tests.server.support import (
    VENV_BIN,
    ServerProcess,
    crossing_entry,
    enroll_device,
    issue_token,
    server_query,
)


def _count(server: ServerProcess, device_id: str) -> int:
    return int(
        server_query(server.db_url, "SELECT count(*) FROM events WHERE device_id = :d", d=device_id)[0][0]
    )


def test_replayed_request_is_refused(server: ServerProcess) -> None:
    dev = enroll_device(server.url, server.db_url, "RPL-A")
    entries = [crossing_entry(1, "RPL-A")]
    first = dev.post_batch(entries, nonce="0123456789abcdef")
    assert first.status_code == 200
    replay = dev.post_batch(entries, nonce="0123456789abcdef")
    assert replay.status_code == 409
    assert replay.json()["error"] == "replayed"


def test_tampered_body_is_refused(server: ServerProcess) -> None:
    dev = enroll_device(server.url, server.db_url, "TMP-A")
    good = protocol.build_batch([crossing_entry(1, "TMP-A")], device_id=dev.device_id, post_code="TMP-A")
    headers = protocol.sign_request(dev.key, "POST", protocol.BATCH_PATH, dev.device_id, good.body)
    evil = protocol.build_batch(
        [crossing_entry(1, "TMP-A", direction="exit")], device_id=dev.device_id, post_code="TMP-A"
    )
    headers.update({"Content-Encoding": "gzip", "Content-Type": "application/json"})
    resp = requests.post(server.url + protocol.BATCH_PATH, data=evil.body, headers=headers, timeout=10)
    assert resp.status_code == 401
    assert resp.json()["error"] == "bad_signature"
    assert _count(server, dev.device_id) == 0


def test_unsigned_and_wrongly_signed_batches_are_refused(server: ServerProcess) -> None:
    dev = enroll_device(server.url, server.db_url, "UNS-A")
    batch = protocol.build_batch([crossing_entry(1, "UNS-A")], device_id=dev.device_id, post_code="UNS-A")
    unsigned = requests.post(
        server.url + protocol.BATCH_PATH, data=batch.body, headers={"Content-Encoding": "gzip"}, timeout=10
    )
    assert unsigned.status_code == 401 and unsigned.json()["error"] == "unsigned"
    no_sig = requests.post(
        server.url + protocol.BATCH_PATH,
        data=batch.body,
        timeout=10,
        headers={"Content-Encoding": "gzip", protocol.H_PROTOCOL: "1", protocol.H_DEVICE: dev.device_id},
    )
    assert no_sig.status_code == 401 and no_sig.json()["error"] == "unsigned"
    other_key = protocol.generate_private_key()
    wrong = dev.post_batch([crossing_entry(1, "UNS-A")], key=other_key)
    assert wrong.status_code == 401 and wrong.json()["error"] == "bad_signature"
    garbage = dev.post_batch([crossing_entry(1, "UNS-A")], headers={protocol.H_SIGNATURE: "not base64!"})
    assert garbage.status_code == 401
    unknown = enroll_device(server.url, server.db_url, "UNS-B")
    unknown.device_id = "dev-doesnotexist"
    resp = unknown.post_batch([crossing_entry(1, "UNS-B")])
    assert resp.status_code == 401 and resp.json()["error"] == "unknown_device"
    assert _count(server, dev.device_id) == 0


def test_revoked_device_is_refused(server: ServerProcess) -> None:
    dev = enroll_device(server.url, server.db_url, "REV-A")
    assert dev.post_batch([crossing_entry(1, "REV-A")]).status_code == 200
    out = subprocess.run(
        [str(VENV_BIN / "sync-server"), "--db", server.db_url, "revoke", dev.device_id],
        capture_output=True,
        text=True,
        check=True,
    )
    assert "revoked" in out.stdout
    resp = dev.post_batch([crossing_entry(2, "REV-A")])
    assert resp.status_code == 403
    body = resp.json()
    assert body["error"] == "device_revoked" and "revoked" in body["message"]
    assert _count(server, dev.device_id) == 1


def test_clock_skew_is_refused_with_the_server_time(server: ServerProcess) -> None:
    dev = enroll_device(server.url, server.db_url, "CLK-A")
    resp = dev.post_batch([crossing_entry(1, "CLK-A")], now=time.time() - 3600)
    assert resp.status_code == 412
    body = resp.json()
    assert body["error"] == "clock_skew"
    assert "behind" in body["message"] and body["skew_seconds"] < -3500
    assert "server_time" in body
    ahead = dev.post_batch([crossing_entry(1, "CLK-A")], now=time.time() + 900)
    assert ahead.status_code == 412 and "ahead" in ahead.json()["message"]


def test_unsupported_protocol_version_is_refused(server: ServerProcess) -> None:
    dev = enroll_device(server.url, server.db_url, "PRT-A")
    resp = dev.post_batch([crossing_entry(1, "PRT-A")], headers={protocol.H_PROTOCOL: "7"})
    assert resp.status_code == 426
    assert resp.json()["error"] == "unsupported_protocol"
    assert resp.json()["supported"] == [1]


def test_enrollment_token_errors(server: ServerProcess) -> None:
    from border_client.sync import errors
    from border_client.sync.client import SyncClient

    client = SyncClient(server.url)
    token = issue_token(server.db_url, "TOK-A", "Token post")
    client.enroll(token, protocol.generate_private_key(), post_code="TOK-A")
    # One use only.
    try:
        client.enroll(token, protocol.generate_private_key())
        raise AssertionError("a used token was accepted")
    except errors.Refused as exc:
        assert exc.status == 409 and exc.code == "token_used"
    # Expired.
    expired = issue_token(server.db_url, "TOK-A", "Token post", ttl_hours=-1)
    try:
        client.enroll(expired, protocol.generate_private_key())
        raise AssertionError("an expired token was accepted")
    except errors.TokenExpired as exc:
        assert exc.status == 410 and "expired" in exc.message
    # Unknown.
    try:
        client.enroll("x" * 32, protocol.generate_private_key())
        raise AssertionError("an unknown token was accepted")
    except errors.Refused as exc:
        assert exc.status == 401 and exc.code == "token_invalid"
    # A token for another post is not consumed by the wrong post.
    other = issue_token(server.db_url, "TOK-B", "Other post")
    try:
        client.enroll(other, protocol.generate_private_key(), post_code="TOK-A")
        raise AssertionError("a token for another post was accepted")
    except errors.Refused as exc:
        assert exc.code == "post_mismatch"
    client.enroll(other, protocol.generate_private_key(), post_code="TOK-B")


def test_bad_bodies_are_refused_clearly(server: ServerProcess) -> None:
    dev = enroll_device(server.url, server.db_url, "BOD-A")
    not_gzip = dev.post_batch([], body=b"{}")
    assert not_gzip.status_code == 400 and "gzip" in not_gzip.json()["message"]
    whole = protocol.build_batch(
        [crossing_entry(1, "BOD-A")], device_id=dev.device_id, post_code="BOD-A"
    ).body
    truncated = dev.post_batch([], body=whole[: len(whole) // 2])
    assert truncated.status_code == 400 and "truncated" in truncated.json()["message"]
    bomb = gzip.compress(b"[" + b" " * (80 * 1024 * 1024) + b"]")
    resp = dev.post_batch([], body=bomb)
    assert resp.status_code == 400 and "inflates beyond" in resp.json()["message"]
    not_json = dev.post_batch([], body=gzip.compress(b"not json"))
    assert not_json.status_code == 400 and "not valid JSON" in not_json.json()["message"]
    plain = dev.post_batch([], headers={"Content-Encoding": "identity"})
    assert plain.status_code == 415
    assert _count(server, dev.device_id) == 0
