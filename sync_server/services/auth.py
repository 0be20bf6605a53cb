"""Authenticating a device's signed request: protocol, signature, status, clock, nonce."""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import dataclass
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


@dataclass(frozen=True, slots=True)
class SignedRequest:
    """A request whose signature, device status and clock have been checked, but whose nonce
    is not yet recorded: ``admit`` does that in the transaction that does the work."""

    device_id: str
    post_code: str
    nonce: str


def verify_request(
    session: Session,
    method: str,
    path: str,
    headers: Mapping[str, str],
    body: bytes,
    *,
    clock_window_s: int,
) -> SignedRequest:
    """Check who signed this request (protocol, signature, status, clock), taking no lock.

    A batch is verified this way before the server inflates and validates it, outside the
    device's lock, so that the next batch of the same post can be prepared while the current
    one is written.
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
    device = session.scalar(select(Device).where(Device.device_id == device_id))
    if device is None:
        raise Unauthenticated(f"device {device_id} is not enrolled at this server", code="unknown_device")
    try:
        protocol.verify_request_signature(
            device.public_key, method, path, device_id, timestamp, nonce, body, sig
        )
    except protocol.SignatureError as exc:
        raise Unauthenticated(f"signature refused: {exc}", code="bad_signature") from exc
    _check_active(device)
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
    return SignedRequest(device_id=device_id, post_code=device.post_code, nonce=nonce)


def admit(session: Session, signed: SignedRequest, *, clock_window_s: int, lock: bool = False) -> Device:
    """The device of a verified request, still active, with the request's nonce recorded in
    ``session``'s transaction (the caller commits it with its work); Replayed if it was seen.

    ``lock`` takes the device's row lock on PostgreSQL (one batch per device at a time: the
    acknowledgement is computed under it; SQLite has one writer anyway).
    """
    q = select(Device).where(Device.device_id == signed.device_id)
    if lock and session.get_bind().dialect.name == "postgresql":
        q = q.with_for_update()
    device = session.scalar(q)
    if device is None:  # removed between verifying and admitting
        raise Unauthenticated(
            f"device {signed.device_id} is not enrolled at this server", code="unknown_device"
        )
    # Checked again under the lock: a revocation in between is honoured.
    _check_active(device)
    _prune_nonces(session, clock_window_s)
    stored = session.execute(
        insert_ignore(Nonce, dialect_of(session))
        .values(device_id=signed.device_id, nonce=signed.nonce, seen_at=datetime.now(UTC))
        .returning(Nonce.nonce)
    ).first()
    if stored is None:
        raise Replayed("this signed request was already received (replay refused)")
    return device


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
    signed = verify_request(session, method, path, headers, body, clock_window_s=clock_window_s)
    return admit(session, signed, clock_window_s=clock_window_s, lock=lock)


def _check_active(device: Device) -> None:
    if device.status != "active":
        raise DeviceRevoked(
            f"device {device.device_id} was revoked by the central office; it can no longer sync. "
            "Contact the central office to enroll this computer again."
        )


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
