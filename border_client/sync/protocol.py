"""The sync wire protocol, shared by the post and the server: headers, signing, batch encoding.

One module so the two sides cannot drift. It imports no HTTP or database library. See
docs/sync-protocol.md for the prose and JSON schema, tests/data/sync_sample_batch.json for a
sample both test suites load.
"""

from __future__ import annotations

import base64
import binascii
import gzip
import hashlib
import json
import secrets
import time
import zlib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import orjson
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

__all__ = [
    "BATCH_PATH",
    "ENROLL_PATH",
    "PROTOCOL_VERSION",
    "SUPPORTED_VERSIONS",
    "REFERENCE_PATH",
    "WATCHLIST_PATH",
    "BatchBody",
    "InflateError",
    "SignatureError",
    "b64d",
    "b64e",
    "batch_document",
    "body_digest",
    "build_batch",
    "dumps_compact",
    "encode_event",
    "enrollment_proof_input",
    "generate_private_key",
    "inflate",
    "loads",
    "private_key_from_bytes",
    "private_key_to_bytes",
    "public_key_bytes",
    "sign_request",
    "sign_response",
    "signing_input",
    "verify_enrollment_proof",
    "verify_request_signature",
    "verify_response",
]

PROTOCOL_VERSION = 1
SUPPORTED_VERSIONS = frozenset({1})

ENROLL_PATH = "/api/v1/enroll"
BATCH_PATH = "/api/v1/batches"
WATCHLIST_PATH = "/api/v1/watchlist"
REFERENCE_PATH = "/api/v1/reference"
SERVER_HEALTH_PATH = "/api/v1/health"

H_PROTOCOL = "X-Border-Protocol"
H_DEVICE = "X-Border-Device"
H_TIMESTAMP = "X-Border-Timestamp"
H_NONCE = "X-Border-Nonce"
H_SIGNATURE = "X-Border-Signature"
H_CONTENT_SHA256 = "X-Border-Content-SHA256"

BATCH_CONTENT_TYPE = "application/json"

_REQUEST_DOMAIN = "border-sync-v1 request"
_RESPONSE_DOMAIN = "border-sync-v1 response"
_ENROLL_DOMAIN = "border-sync-v1 enroll"


class SignatureError(ValueError):
    """A signature is missing, malformed or does not verify."""


def b64e(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def b64d(text: str) -> bytes:
    try:
        return base64.b64decode(text.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError, ValueError) as exc:
        raise SignatureError("not valid base64") from exc


# --- keys ------------------------------------------------------------------------------------


def generate_private_key() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.generate()


def private_key_to_bytes(key: Ed25519PrivateKey) -> bytes:
    return key.private_bytes(
        serialization.Encoding.Raw,
        serialization.PrivateFormat.Raw,
        serialization.NoEncryption(),
    )


def private_key_from_bytes(raw: bytes) -> Ed25519PrivateKey:
    return Ed25519PrivateKey.from_private_bytes(raw)


def public_key_bytes(key: Ed25519PrivateKey) -> bytes:
    return key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def _public_key(raw: bytes) -> Ed25519PublicKey:
    try:
        return Ed25519PublicKey.from_public_bytes(raw)
    except ValueError as exc:
        raise SignatureError("public key is not a 32-byte Ed25519 key") from exc


# --- request signatures ----------------------------------------------------------------------


def body_digest(body: bytes) -> str:
    return hashlib.sha256(body).hexdigest()


def signing_input(
    method: str, path: str, device_id: str, timestamp: int, nonce: str, digest_hex: str
) -> bytes:
    """The bytes a device signs: the endpoint, who, when, a one-time nonce, the body's digest.

    The digest is over the body exactly as sent (compressed), so the server verifies before it
    inflates anything.
    """
    return "\n".join(
        [_REQUEST_DOMAIN, method.upper(), path, device_id, str(timestamp), nonce, digest_hex]
    ).encode("utf-8")


def sign_request(
    key: Ed25519PrivateKey,
    method: str,
    path: str,
    device_id: str,
    body: bytes,
    *,
    now: float | None = None,
    nonce: str | None = None,
) -> dict[str, str]:
    """The headers that authenticate one request from a device."""
    ts = int(time.time() if now is None else now)
    nonce = nonce or secrets.token_hex(16)
    digest = body_digest(body)
    sig = key.sign(signing_input(method, path, device_id, ts, nonce, digest))
    return {
        H_PROTOCOL: str(PROTOCOL_VERSION),
        H_DEVICE: device_id,
        H_TIMESTAMP: str(ts),
        H_NONCE: nonce,
        H_CONTENT_SHA256: digest,
        H_SIGNATURE: b64e(sig),
    }


def verify_request_signature(
    public_key: bytes,
    method: str,
    path: str,
    device_id: str,
    timestamp: int,
    nonce: str,
    body: bytes,
    signature_b64: str,
) -> None:
    """Raise SignatureError unless ``signature_b64`` is the device's signature of this request."""
    sig = b64d(signature_b64)
    try:
        _public_key(public_key).verify(
            sig, signing_input(method, path, device_id, timestamp, nonce, body_digest(body))
        )
    except InvalidSignature as exc:
        raise SignatureError("the signature does not match the request") from exc


def enrollment_proof_input(token: str, public_key: bytes) -> bytes:
    return "\n".join([_ENROLL_DOMAIN, token, b64e(public_key)]).encode("utf-8")


def verify_enrollment_proof(token: str, public_key: bytes, proof_b64: str) -> None:
    """The enrolling post proves it holds the private key of the public key it sends."""
    try:
        _public_key(public_key).verify(b64d(proof_b64), enrollment_proof_input(token, public_key))
    except InvalidSignature as exc:
        raise SignatureError("the proof of key possession does not verify") from exc


# --- server response signatures (watchlists) ------------------------------------------------


def sign_response(key: Ed25519PrivateKey, body: bytes) -> str:
    return b64e(key.sign(_RESPONSE_DOMAIN.encode() + b"\n" + body_digest(body).encode()))


def verify_response(server_public_key: bytes, body: bytes, signature_b64: str | None) -> None:
    """Raise SignatureError unless the pinned server key signed ``body``."""
    if not signature_b64:
        raise SignatureError("the server's answer is not signed")
    try:
        _public_key(server_public_key).verify(
            b64d(signature_b64), _RESPONSE_DOMAIN.encode() + b"\n" + body_digest(body).encode()
        )
    except InvalidSignature as exc:
        raise SignatureError("the server's signature does not match (not our server?)") from exc


# --- batches -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class BatchBody:
    """One upload, ready to send: gzip body and what it covers."""

    body: bytes  # gzip-compressed JSON
    raw_size: int
    count: int
    first_seq: int | None
    last_seq: int | None


def encode_event(
    seq: int, event_id: str, event_type: str, created_at: str | None, payload: Any
) -> dict[str, Any]:
    """An outbox row as a batch entry; ``payload`` may be the stored JSON text or an object.

    A payload that is not valid JSON is sent as ``payload_raw`` so the server quarantines it
    with a reason rather than the whole batch failing (and the queue wedging).
    """
    entry: dict[str, Any] = {
        "seq": seq,
        "event_id": event_id,
        "event_type": event_type,
        "created_at": created_at,
    }
    if isinstance(payload, str | bytes):
        try:
            entry["payload"] = loads(payload)
        except ValueError:
            text = payload.decode("utf-8", "replace") if isinstance(payload, bytes) else payload
            entry["payload_raw"] = text
    else:
        entry["payload"] = payload
    return entry


def batch_document(
    events: Iterable[Mapping[str, Any]],
    *,
    device_id: str,
    post_code: str | None,
    health: Mapping[str, Any] | None = None,
    sent_at: str | None = None,
) -> dict[str, Any]:
    return {
        "protocol": PROTOCOL_VERSION,
        "device_id": device_id,
        "post_code": post_code,
        "sent_at": sent_at,
        "health": dict(health or {}),
        "events": list(events),
    }


def build_batch(
    events: Iterable[Mapping[str, Any]],
    *,
    device_id: str,
    post_code: str | None,
    health: Mapping[str, Any] | None = None,
    sent_at: str | None = None,
    compresslevel: int = 6,
) -> BatchBody:
    """Encode batch entries (see encode_event) as the gzip JSON body of one upload."""
    doc = batch_document(events, device_id=device_id, post_code=post_code, health=health, sent_at=sent_at)
    raw = dumps_compact(doc)
    seqs = [e["seq"] for e in doc["events"]]
    return BatchBody(
        body=gzip.compress(raw, compresslevel=compresslevel, mtime=0),
        raw_size=len(raw),
        count=len(seqs),
        first_seq=min(seqs) if seqs else None,
        last_seq=max(seqs) if seqs else None,
    )


def dumps_compact(obj: Any) -> bytes:
    """Compact UTF-8 JSON; orjson for speed, the standard library for what orjson refuses
    (integers beyond 64 bits): a strange payload must never stop a batch from being built."""
    try:
        return orjson.dumps(obj)
    except (orjson.JSONEncodeError, TypeError):
        return json.dumps(obj, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def loads(data: bytes | str) -> Any:
    """Parse JSON; orjson for speed, the standard library for what orjson refuses."""
    try:
        return orjson.loads(data)
    except orjson.JSONDecodeError:
        return json.loads(data)


class InflateError(ValueError):
    """The body is not gzip, is truncated, or inflates beyond the limit."""


def inflate(body: bytes, limit: int) -> bytes:
    """Gunzip ``body`` without ever holding more than ``limit`` bytes (a gzip bomb is refused)."""
    d = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)
    try:
        out = d.decompress(body, limit + 1)
    except zlib.error as exc:
        raise InflateError(f"the body is not valid gzip ({exc})") from exc
    if len(out) > limit or d.unconsumed_tail:
        raise InflateError(f"the body inflates beyond {limit} bytes")
    if not d.eof:
        raise InflateError("the gzip body is truncated")
    return out
