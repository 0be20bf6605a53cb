"""The central office's core tables: posts, devices, tokens, raw events, their projections, watchlists.

``events`` keeps every event exactly as a post sent it (unique per device and sequence number,
and by event id); ``crossings``, ``alerts``, ``amendments`` and ``identity_links`` are the
query tables projected from them in the same transaction, which the web console reads.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# BigInteger primary keys stay autoincrementing on SQLite through this variant.
BigId = BigInteger().with_variant(Integer(), "sqlite")


class UTCDateTime(TypeDecorator[datetime]):
    """Timezone-aware UTC datetimes on every backend (SQLite stores them naive)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to a UTC column")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)
        return value.astimezone(UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {datetime: UTCDateTime()}


def utcnow() -> datetime:
    return datetime.now(UTC)


class Post(Base):
    """A border post (e.g. HTI-CAP, Cap-Haïtien)."""

    __tablename__ = "posts"
    post_code: Mapped[str] = mapped_column(String(16), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Device(Base):
    """A post's enrolled computer, known by its Ed25519 public key."""

    __tablename__ = "devices"
    device_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    post_code: Mapped[str] = mapped_column(ForeignKey("posts.post_code"), index=True)
    public_key: Mapped[bytes] = mapped_column(LargeBinary(32))
    status: Mapped[str] = mapped_column(String(16), default="active")  # active | revoked
    hostname: Mapped[str] = mapped_column(String(200), default="")
    enrolled_at: Mapped[datetime] = mapped_column(default=utcnow)
    revoked_at: Mapped[datetime | None] = mapped_column(default=None)
    # Highest sequence number below which the server holds every event of this device.
    acked_seq: Mapped[int] = mapped_column(BigInteger, default=0)
    last_sync_at: Mapped[datetime | None] = mapped_column(default=None)
    # Health reported with the last batch: queue length, oldest pending event, version, error.
    health: Mapped[str] = mapped_column(Text, default="{}")
    queue_length: Mapped[int | None] = mapped_column(BigInteger, default=None)
    oldest_pending_at: Mapped[datetime | None] = mapped_column(default=None)
    app_version: Mapped[str | None] = mapped_column(String(40), default=None)
    last_error: Mapped[str | None] = mapped_column(Text, default=None)


class EnrollmentToken(Base):
    """A one-time enrollment token; only its SHA-256 is kept."""

    __tablename__ = "enrollment_tokens"
    token_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    post_code: Mapped[str] = mapped_column(ForeignKey("posts.post_code"), index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime] = mapped_column()
    used_at: Mapped[datetime | None] = mapped_column(default=None)
    device_id: Mapped[str | None] = mapped_column(String(40), default=None)


class ServerIdentity(Base):
    """The server's Ed25519 key pair, generated on first start; posts pin its public key."""

    __tablename__ = "server_identity"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    private_key: Mapped[bytes] = mapped_column(LargeBinary(32))
    public_key: Mapped[bytes] = mapped_column(LargeBinary(32))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Nonce(Base):
    """Nonces seen within the clock window: a replayed signed request is refused."""

    __tablename__ = "nonces"
    device_id: Mapped[str] = mapped_column(String(40), primary_key=True)
    nonce: Mapped[str] = mapped_column(String(64), primary_key=True)
    seen_at: Mapped[datetime] = mapped_column(index=True)


class Event(Base):
    """Every event a post sent, once: unique by (device, seq) and by event id."""

    __tablename__ = "events"
    __table_args__ = (
        UniqueConstraint("device_id", "seq"),
        UniqueConstraint("event_id"),
    )
    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    device_id: Mapped[str] = mapped_column(String(40))
    post_code: Mapped[str] = mapped_column(String(16), index=True)
    seq: Mapped[int] = mapped_column(BigInteger)
    event_id: Mapped[str] = mapped_column(String(64))
    event_type: Mapped[str] = mapped_column(String(40))
    created_at: Mapped[datetime | None] = mapped_column(default=None)
    received_at: Mapped[datetime] = mapped_column()
    payload: Mapped[str] = mapped_column(Text)  # the JSON text as received
    # Set when the event failed validation: kept (so it is never lost and never blocks the
    # device's acknowledgement) but not projected.
    quarantine_reason: Mapped[str | None] = mapped_column(Text, default=None)


class QuarantinedEvent(Base):
    """Events that could not be stored in ``events`` (an event id already used under another seq)."""

    __tablename__ = "quarantine"
    __table_args__ = (UniqueConstraint("device_id", "seq"),)
    id: Mapped[int] = mapped_column(BigId, primary_key=True, autoincrement=True)
    device_id: Mapped[str] = mapped_column(String(40))
    post_code: Mapped[str] = mapped_column(String(16))
    seq: Mapped[int] = mapped_column(BigInteger)
    event_id: Mapped[str] = mapped_column(String(64))
    reason: Mapped[str] = mapped_column(Text)
    raw: Mapped[str] = mapped_column(Text)
    received_at: Mapped[datetime] = mapped_column()


class Crossing(Base):
    """One registered entry or exit, as the post recorded it (amendments applied)."""

    __tablename__ = "crossings"
    crossing_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    event_id: Mapped[str] = mapped_column(String(64))
    device_id: Mapped[str] = mapped_column(String(40))
    post_code: Mapped[str] = mapped_column(String(16))
    direction: Mapped[str] = mapped_column(String(8))
    occurred_at: Mapped[datetime] = mapped_column()
    local_tz: Mapped[str | None] = mapped_column(String(64))
    inspector: Mapped[str | None] = mapped_column(String(64))
    travel_mode: Mapped[str | None] = mapped_column(String(8))
    vehicle_plate: Mapped[str | None] = mapped_column(String(32))
    purpose: Mapped[str | None] = mapped_column(String(200))
    origin_destination: Mapped[str | None] = mapped_column(String(200))
    remarks: Mapped[str | None] = mapped_column(Text)
    traveler_id: Mapped[str | None] = mapped_column(String(64))
    # issuing state + normalized document number: the same traveler across posts. Not indexed
    # alone: the console's (traveler_key, occurred_at) index serves its reads (migration 0003).
    traveler_key: Mapped[str] = mapped_column(String(128))
    document_code: Mapped[str | None] = mapped_column(String(4))
    issuing_state: Mapped[str | None] = mapped_column(String(3))
    document_number: Mapped[str | None] = mapped_column(String(32))
    nationality: Mapped[str | None] = mapped_column(String(3))
    surname: Mapped[str | None] = mapped_column(String(200))
    given_names: Mapped[str | None] = mapped_column(String(200))
    birth_date: Mapped[str | None] = mapped_column(String(10))
    sex: Mapped[str | None] = mapped_column(String(1))
    expiry_date: Mapped[str | None] = mapped_column(String(10))
    optional_data: Mapped[str | None] = mapped_column(String(64))
    mrz_lines: Mapped[str | None] = mapped_column(Text)  # JSON list
    watchlist_version: Mapped[int | None] = mapped_column(Integer)
    days_stayed: Mapped[int | None] = mapped_column(Integer)
    overstay: Mapped[bool | None] = mapped_column(Boolean)
    has_photo: Mapped[bool | None] = mapped_column(Boolean)
    amended: Mapped[bool] = mapped_column(Boolean, default=False)
    received_at: Mapped[datetime] = mapped_column()


Index("ix_crossings_post_code_occurred_at", Crossing.post_code, Crossing.occurred_at)
Index("ix_crossings_occurred_at", Crossing.occurred_at)


class Alert(Base):
    """A watchlist hit raised at a post, with the supervisor's decision once made."""

    __tablename__ = "alerts"
    alert_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    crossing_id: Mapped[str | None] = mapped_column(String(64), index=True)
    post_code: Mapped[str] = mapped_column(String(16), index=True)
    device_id: Mapped[str] = mapped_column(String(40))
    kind: Mapped[str | None] = mapped_column(String(16))
    watchlist_entry_id: Mapped[str | None] = mapped_column(String(64))
    score: Mapped[float | None] = mapped_column(Float)
    reason: Mapped[str | None] = mapped_column(Text)
    raised_at: Mapped[datetime | None] = mapped_column(index=True)
    late: Mapped[bool] = mapped_column(Boolean, default=False)
    decision: Mapped[str | None] = mapped_column(String(16))
    decided_by: Mapped[str | None] = mapped_column(String(64))
    decided_at: Mapped[datetime | None] = mapped_column()
    note: Mapped[str | None] = mapped_column(Text)


class Amendment(Base):
    """An approved correction of a crossing."""

    __tablename__ = "amendments"
    amendment_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    crossing_id: Mapped[str] = mapped_column(String(64), index=True)
    post_code: Mapped[str] = mapped_column(String(16), index=True)
    device_id: Mapped[str] = mapped_column(String(40))
    changes: Mapped[str] = mapped_column(Text)  # JSON object {field: new value}
    reason: Mapped[str | None] = mapped_column(Text)
    requested_by: Mapped[str | None] = mapped_column(String(64))
    approved_by: Mapped[str | None] = mapped_column(String(64))
    occurred_at: Mapped[datetime | None] = mapped_column()


class IdentityLink(Base):
    """Two traveler records a post confirmed to be the same person."""

    __tablename__ = "identity_links"
    event_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    post_code: Mapped[str] = mapped_column(String(16))
    traveler_id: Mapped[str] = mapped_column(String(64), index=True)
    other_traveler_id: Mapped[str] = mapped_column(String(64), index=True)
    confirmed_by: Mapped[str | None] = mapped_column(String(64))
    at: Mapped[datetime | None] = mapped_column()


class WatchlistDraftEntry(Base):
    """The imported watchlist waiting to be published (replaced by each import)."""

    __tablename__ = "watchlist_draft"
    entry_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    entry: Mapped[str] = mapped_column(Text)  # JSON object
    imported_at: Mapped[datetime] = mapped_column()


class WatchlistVersion(Base):
    """A published watchlist: its full snapshot, from which deltas are computed."""

    __tablename__ = "watchlist_versions"
    version: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    published_at: Mapped[datetime] = mapped_column()
    entry_count: Mapped[int] = mapped_column(Integer)
    sha256: Mapped[str] = mapped_column(String(64))
    snapshot: Mapped[str] = mapped_column(Text)  # JSON list of entries, sorted by entry_id


class ReferenceVersion(Base):
    """A published version of a reference data set (e.g. the national stay rules)."""

    __tablename__ = "reference_versions"
    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    version: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    published_at: Mapped[datetime] = mapped_column()
    sha256: Mapped[str] = mapped_column(String(64))
    payload: Mapped[str] = mapped_column(Text)  # JSON object


__all__ = [
    "Alert",
    "Amendment",
    "Base",
    "Crossing",
    "Device",
    "EnrollmentToken",
    "Event",
    "IdentityLink",
    "Nonce",
    "Post",
    "QuarantinedEvent",
    "ReferenceVersion",
    "ServerIdentity",
    "WatchlistDraftEntry",
    "WatchlistVersion",
    "utcnow",
]


def as_dict(row: Any) -> dict[str, Any]:
    """A model instance as a plain dict of its columns (for JSON output)."""
    return {c.key: getattr(row, c.key) for c in row.__table__.columns}
