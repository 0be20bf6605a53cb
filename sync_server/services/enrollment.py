"""Posts, one-time enrollment tokens, devices and their revocation."""

from __future__ import annotations

import hashlib
import secrets
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from border_client.sync import protocol
from sync_server.errors import (
    MalformedRequest,
    NotFound,
    PostMismatch,
    TokenExpired,
    TokenInvalid,
    TokenUsed,
    Unauthenticated,
)
from sync_server.models import Device, EnrollmentToken, Post, utcnow
from sync_server.schemas import EnrollIn, EnrollOut
from sync_server.services.identity import server_key


def _hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class IssuedToken:
    token: str
    post_code: str
    expires_at: datetime


def issue_token(session: Session, post_code: str, name: str | None, ttl_hours: int = 72) -> IssuedToken:
    """Create (or rename) the post and a one-time token for enrolling one of its devices."""
    post_code = post_code.strip().upper()
    if not post_code or len(post_code) > 16:
        raise ValueError("the post code must be 1 to 16 characters, e.g. HTI-CAP")
    post = session.get(Post, post_code)
    if post is None:
        if not name:
            raise ValueError(f"post {post_code} is new: give its name with --name")
        session.add(Post(post_code=post_code, name=name))
        session.flush()  # the token refers to the post
    elif name:
        post.name = name
    # Typed or pasted at the post as `--token TOKEN`: one starting with '-' would read as an
    # option there (argparse refuses it), so the token always starts with a letter or digit.
    token = secrets.token_urlsafe(24)
    while token[0] in "-_":
        token = secrets.token_urlsafe(24)
    expires = utcnow() + timedelta(hours=ttl_hours)
    session.add(EnrollmentToken(token_hash=_hash_token(token), post_code=post_code, expires_at=expires))
    session.commit()
    return IssuedToken(token=token, post_code=post_code, expires_at=expires)


def enroll_device(session: Session, req: EnrollIn) -> EnrollOut:
    """Exchange a one-time token and a public key for a device id and the server's key."""
    try:
        public_key = protocol.b64d(req.public_key)
        protocol.verify_enrollment_proof(req.token, public_key, req.proof)
    except protocol.SignatureError as exc:
        raise Unauthenticated(f"enrollment refused: {exc}", code="bad_signature") from exc
    q = select(EnrollmentToken).where(EnrollmentToken.token_hash == _hash_token(req.token))
    if session.get_bind().dialect.name == "postgresql":
        q = q.with_for_update()
    tok = session.scalar(q)
    if tok is None:
        raise TokenInvalid("this enrollment token is not known: check it was copied in full")
    if tok.used_at is not None:
        raise TokenUsed("this enrollment token was already used; ask the central office for a new one")
    if tok.expires_at <= utcnow():
        raise TokenExpired(
            f"this enrollment token expired at {tok.expires_at.isoformat()}; "
            "ask the central office for a new one"
        )
    if req.post_code and req.post_code.strip().upper() != tok.post_code:
        raise PostMismatch(
            f"this token is for post {tok.post_code}, but this computer is set up as post "
            f"{req.post_code.strip().upper()}; the token was not used"
        )
    if len(public_key) != 32:
        raise MalformedRequest("the public key must be a raw 32-byte Ed25519 key")
    acked = 0
    if req.previous_device_id:
        prev = session.get(Device, req.previous_device_id)
        if prev is None or prev.post_code != tok.post_code:
            raise MalformedRequest(
                f"the previous device {req.previous_device_id} is not a device of post "
                f"{tok.post_code}; the token was not used"
            )
        # The same store under a new key: its events keep their sequence numbers, so the new
        # device continues where the old one was acknowledged, and the old key stops working.
        acked = prev.acked_seq
        if prev.status != "revoked":
            prev.status = "revoked"
            prev.revoked_at = utcnow()
    device_id = "dev-" + uuid.uuid4().hex[:20]
    session.add(
        Device(
            device_id=device_id,
            post_code=tok.post_code,
            public_key=public_key,
            hostname=req.hostname,
            app_version=req.app_version,
            acked_seq=acked,
        )
    )
    tok.used_at = utcnow()
    tok.device_id = device_id
    post = session.get(Post, tok.post_code)
    key = server_key(session)  # commits
    session.commit()
    return EnrollOut(
        device_id=device_id,
        post_code=tok.post_code,
        post_name=post.name if post else tok.post_code,
        server_public_key=protocol.b64e(protocol.public_key_bytes(key)),
        protocol=protocol.PROTOCOL_VERSION,
    )


def list_devices(session: Session) -> list[Device]:
    return list(session.scalars(select(Device).order_by(Device.post_code, Device.enrolled_at)))


def revoke_device(session: Session, device_id: str) -> Device:
    dev = session.get(Device, device_id)
    if dev is None:
        raise NotFound(f"no device {device_id}")
    if dev.status != "revoked":
        dev.status = "revoked"
        dev.revoked_at = utcnow()
        session.commit()
    return dev
