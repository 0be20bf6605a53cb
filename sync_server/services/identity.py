"""The server's own Ed25519 key: created once, pinned by every post at enrollment."""

from __future__ import annotations

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import select
from sqlalchemy.orm import Session

from border_client.sync import protocol
from sync_server.models import ServerIdentity


def server_key(session: Session) -> Ed25519PrivateKey:
    """The server's signing key, generated and stored on first use."""
    row = session.scalar(select(ServerIdentity).where(ServerIdentity.id == 1))
    if row is None:
        key = protocol.generate_private_key()
        session.add(
            ServerIdentity(
                id=1,
                private_key=protocol.private_key_to_bytes(key),
                public_key=protocol.public_key_bytes(key),
            )
        )
        session.commit()
        # Another process may have won the race; the stored row is the truth.
        row = session.scalar(select(ServerIdentity).where(ServerIdentity.id == 1))
        assert row is not None
    return protocol.private_key_from_bytes(row.private_key)
