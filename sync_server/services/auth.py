"""Authenticating a device's signed request: protocol, signature, status, clock, nonce."""

from __future__ import annotations

import time
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from border_client.sync import protocol
from sync_server.errors import (
    ClockSkew,
    DeviceRevoked,
    Replayed,
    Unauthenticated,
    UnsupportedProtocol,
)
from sync_server.models import Device, Nonce
from sync_server.sqlutil import dialect_of, insert_ignore

_last_prune = 0.0


def check_protocol(headers: Mapping[str, str]) -> None:
    raw = headers.get(protocol.H_PROTOCOL)
    if raw is None:
        raise Unauthenticated(f"the request is not signed (no {protocol.H_PROTOCOL} header)", code="unsigned")
    try:
        version = int(raw)
    except ValueError:
        version = -1
    if version not in protocol.SUPPORTED_VERSIONS:
        raise UnsupportedProtocol(
            f"sync protocol version {raw} is not supported by this server "
            f"(it speaks {sorted(protocol.SUPPORTED_VERSIONS)}); update the post's software",
            supported=sorted(protocol.SUPPORTED_VERSIONS),
        )


def authenticate(
    session: Session,
    method: str,
    path: str,
    headers: Mapping[str, str],
    body: bytes,
    *,
    clock_window_s: int,
    lock: bool = False,
) -> Device:
    """The active device that signed this request, or a SyncError saying what is wrong.

    The nonce is recorded in ``session``'s transaction: the caller commits it with its work.
    """
    check_protocol(headers)
    device_id = headers.get(protocol.H_DEVICE)
    ts_raw = headers.get(protocol.H_TIMESTAMP)
    nonce = headers.get(protocol.H_NONCE)
    sig = headers.get(protocol.H_SIGNATURE)
    if not (device_id and ts_raw and nonce and sig):
        raise Unauthenticated(
            "the request is not signed (device, timestamp, nonce and signature headers needed)",
            code="unsigned",
        )
    try:
        timestamp = int(ts_raw)
    except ValueError as exc:
        raise Unauthenticated("the timestamp header is not a number", code="unsigned") from exc
    if not (8 <= len(nonce) <= 64):
        raise Unauthenticated("the nonce must be 8 to 64 characters", code="unsigned")
    q = select(Device).where(Device.device_id == device_id)
    if lock and session.get_bind().dialect.name == "postgresql":
        # One batch per device at a time: the acknowledgement is computed under this lock.
        q = q.with_for_update()
    device = session.scalar(q)
    if device is None:
        raise Unauthenticated(f"device {device_id} is not enrolled at this server", code="unknown_device")
    try:
        protocol.verify_request_signature(
            device.public_key, method, path, device_id, timestamp, nonce, body, sig
        )
    except protocol.SignatureError as exc:
        raise Unauthenticated(f"signature refused: {exc}", code="bad_signature") from exc
    if device.status != "active":
        raise DeviceRevoked(
            f"device {device_id} was revoked by the central office; it can no longer sync. "
            "Contact the central office to enroll this computer again."
        )
    now = time.time()
    skew = timestamp - now
    if abs(skew) > clock_window_s:
        direction = "ahead of" if skew > 0 else "behind"
        raise ClockSkew(
            f"the post's clock is {abs(int(skew))} seconds {direction} the server's "
            f"(at most {clock_window_s} allowed); set the computer's date and time",
            server_time=datetime.now(UTC).isoformat(),
            skew_seconds=int(skew),
        )
    _prune_nonces(session, clock_window_s)
    stored = session.execute(
        insert_ignore(Nonce, dialect_of(session))
        .values(device_id=device_id, nonce=nonce, seen_at=datetime.now(UTC))
        .returning(Nonce.nonce)
    ).first()
    if stored is None:
        raise Replayed("this signed request was already received (replay refused)")
    return device


def _prune_nonces(session: Session, window_s: int) -> None:
    # A nonce outside the clock window can no longer be replayed (its timestamp would be
    # refused), so it need not be remembered.
    global _last_prune
    now = time.monotonic()
    if now - _last_prune < 60:
        return
    _last_prune = now
    cutoff = datetime.now(UTC) - timedelta(seconds=2 * window_s + 60)
    session.execute(delete(Nonce).where(Nonce.seen_at < cutoff))
