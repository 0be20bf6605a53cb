"""The post's tables as SQLAlchemy 2.0 typed models (the schema Alembic migrates to)."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import (
    Boolean,
    CheckConstraint,
    Date,
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

__all__ = [
    "Alert",
    "Amendment",
    "AuditEvent",
    "Base",
    "Crossing",
    "CrossingPhoto",
    "IdentityLink",
    "OutboxEvent",
    "Post",
    "Setting",
    "StayRule",
    "SyncState",
    "Traveler",
    "User",
    "UtcDateTime",
    "WatchlistEntry",
    "WatchlistVersion",
]

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UtcDateTime(TypeDecorator[datetime]):
    """Aware UTC datetimes in, aware UTC datetimes out; stored as SQLite's fixed-width text."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the store; use an aware UTC datetime")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {datetime: UtcDateTime()}


class Post(Base):
    """The post this store belongs to (a single row)."""

    __tablename__ = "post"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(String(200))
    timezone: Mapped[str] = mapped_column(String(64), default="UTC")
    created_at: Mapped[datetime]
    __table_args__ = (CheckConstraint("id = 1", name="single_row"),)


class User(Base):
    """An account; its password lives only as a key slot, never in the database."""

    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    full_name: Mapped[str] = mapped_column(String(200), default="")
    role: Mapped[str] = mapped_column(String(16))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime]
    disabled_at: Mapped[datetime | None]
    last_login_at: Mapped[datetime | None]
    __table_args__ = (CheckConstraint("role IN ('inspector','supervisor','admin')", name="role"),)


class Setting(Base):
    __tablename__ = "settings"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)  # JSON


class StayRule(Base):
    """Allowed stay for one nationality: a number of days, or exempt (e.g. CARICOM)."""

    __tablename__ = "stay_rules"
    nationality: Mapped[str] = mapped_column(String(3), primary_key=True)
    allowed_days: Mapped[int | None]
    exempt: Mapped[bool] = mapped_column(Boolean, default=False)


class Traveler(Base):
    """A traveler as known by one document (number + issuing state + birth date).

    The last-crossing columns are a cache kept by the registration service so that "who is
    still inside" needs no scan of a million crossings.
    """

    __tablename__ = "travelers"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    document_number: Mapped[str] = mapped_column(String(40))
    number_key: Mapped[str] = mapped_column(String(40))
    issuing_state: Mapped[str] = mapped_column(String(3))
    birth_date_raw: Mapped[str] = mapped_column(String(6))
    birth_date: Mapped[date | None] = mapped_column(Date)
    surname: Mapped[str] = mapped_column(String(100))
    given_names: Mapped[str] = mapped_column(String(200))
    name_key: Mapped[str] = mapped_column(String(300))
    surname_initial: Mapped[str] = mapped_column(String(1))
    nationality: Mapped[str] = mapped_column(String(3))
    sex: Mapped[str] = mapped_column(String(1))
    created_at: Mapped[datetime]
    last_direction: Mapped[str | None] = mapped_column(String(5))
    last_crossing_at: Mapped[datetime | None]
    last_crossing_id: Mapped[str | None] = mapped_column(String(36))
    __table_args__ = (
        UniqueConstraint("number_key", "issuing_state", "birth_date_raw", name="document"),
        Index("ix_travelers_inside", "last_direction", "last_crossing_at"),
        Index("ix_travelers_birth_date", "birth_date"),
        Index("ix_travelers_surname_initial", "surname_initial"),
    )


class Crossing(Base):
    """One entry or exit, exactly as registered. Never updated or deleted (triggers enforce it)."""

    __tablename__ = "crossings"
    # Integer row id for keyset paging; the UUID is the crossing's identity everywhere else.
    rowid_: Mapped[int] = mapped_column("id", Integer, primary_key=True)
    crossing_id: Mapped[str] = mapped_column(String(36), unique=True)
    post_code: Mapped[str] = mapped_column(String(16))
    direction: Mapped[str] = mapped_column(String(5))
    occurred_at: Mapped[datetime]
    local_tz: Mapped[str] = mapped_column(String(64))
    inspector: Mapped[str] = mapped_column(String(64))
    travel_mode: Mapped[str] = mapped_column(String(4))
    vehicle_plate: Mapped[str] = mapped_column(String(32), default="")
    purpose: Mapped[str] = mapped_column(String(64), default="")
    origin_destination: Mapped[str] = mapped_column(String(100), default="")
    remarks: Mapped[str] = mapped_column(Text, default="")
    traveler_id: Mapped[str] = mapped_column(ForeignKey("travelers.id"))
    document_code: Mapped[str] = mapped_column(String(2))
    issuing_state: Mapped[str] = mapped_column(String(3))
    document_number: Mapped[str] = mapped_column(String(40))
    nationality: Mapped[str] = mapped_column(String(3))
    surname: Mapped[str] = mapped_column(String(100))
    given_names: Mapped[str] = mapped_column(String(200))
    birth_date: Mapped[str | None] = mapped_column(String(10))
    sex: Mapped[str] = mapped_column(String(1))
    expiry_date: Mapped[str | None] = mapped_column(String(10))
    optional_data: Mapped[str] = mapped_column(String(40), default="")
    mrz_lines: Mapped[str] = mapped_column(Text)  # newline-joined
    mrz_valid: Mapped[bool] = mapped_column(Boolean)
    watchlist_version: Mapped[int | None]  # watchlist_versions.id checked against
    days_stayed: Mapped[int | None]
    overstay: Mapped[bool] = mapped_column(Boolean, default=False)
    double_entry: Mapped[bool] = mapped_column(Boolean, default=False)
    has_photo: Mapped[bool] = mapped_column(Boolean, default=False)
    __table_args__ = (
        CheckConstraint("direction IN ('entry','exit')", name="direction"),
        CheckConstraint("travel_mode IN ('land','sea','air')", name="travel_mode"),
        Index("ix_crossings_occurred_at", "occurred_at", "id"),
        Index("ix_crossings_traveler", "traveler_id", "occurred_at"),
        Index("ix_crossings_document_number", "document_number"),
        Index("ix_crossings_nationality", "nationality", "occurred_at"),
        Index("ix_crossings_inspector", "inspector", "occurred_at"),
        Index("ix_crossings_direction", "direction", "occurred_at"),
        Index("ix_crossings_surname", "surname"),
    )


class CrossingPhoto(Base):
    __tablename__ = "crossing_photos"
    crossing_id: Mapped[str] = mapped_column(ForeignKey("crossings.crossing_id"), primary_key=True)
    media_type: Mapped[str] = mapped_column(String(32), default="image/jpeg")
    data: Mapped[bytes] = mapped_column(LargeBinary)


class Amendment(Base):
    """A correction to a crossing: requested with a reason, applied only once approved."""

    __tablename__ = "amendments"
    amendment_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    crossing_id: Mapped[str] = mapped_column(ForeignKey("crossings.crossing_id"))
    changes: Mapped[str] = mapped_column(Text)  # JSON {field: new value}
    reason: Mapped[str] = mapped_column(Text)
    requested_by: Mapped[str] = mapped_column(String(64))
    requested_at: Mapped[datetime]
    status: Mapped[str] = mapped_column(String(10), default="pending")
    decided_by: Mapped[str | None] = mapped_column(String(64))
    decided_at: Mapped[datetime | None]
    __table_args__ = (
        CheckConstraint("status IN ('pending','approved','rejected')", name="status"),
        Index("ix_amendments_crossing", "crossing_id"),
        Index("ix_amendments_status", "status"),
    )


class WatchlistVersion(Base):
    """Each list applied to this post; crossings record the id they were checked against."""

    __tablename__ = "watchlist_versions"
    id: Mapped[int] = mapped_column(primary_key=True)
    source: Mapped[str] = mapped_column(String(8))  # "server" | "csv"
    server_version: Mapped[int | None]
    applied_at: Mapped[datetime]
    entry_count: Mapped[int]
    added: Mapped[int] = mapped_column(default=0)
    removed: Mapped[int] = mapped_column(default=0)


class WatchlistEntry(Base):
    """An entry of the current list (a lost/stolen document or a person of interest)."""

    __tablename__ = "watchlist_entries"
    id: Mapped[int] = mapped_column(primary_key=True)
    entry_key: Mapped[str] = mapped_column(String(64), unique=True)
    list_kind: Mapped[str] = mapped_column(String(8))
    document_number: Mapped[str] = mapped_column(String(40), default="")
    number_key: Mapped[str] = mapped_column(String(40), default="")
    issuing_state: Mapped[str] = mapped_column(String(3), default="")
    surname: Mapped[str] = mapped_column(String(200), default="")
    given_names: Mapped[str] = mapped_column(String(300), default="")
    birth_date: Mapped[str] = mapped_column(String(10), default="")
    nationality: Mapped[str] = mapped_column(String(3), default="")
    reason: Mapped[str] = mapped_column(Text, default="")
    version_added: Mapped[int]
    __table_args__ = (
        CheckConstraint("list_kind IN ('document','person')", name="list_kind"),
        Index("ix_watchlist_entries_number_key", "number_key"),
    )


class Alert(Base):
    """A watchlist hit on a crossing, and the supervisor's decision on it."""

    __tablename__ = "alerts"
    alert_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    crossing_id: Mapped[str] = mapped_column(ForeignKey("crossings.crossing_id"))
    kind: Mapped[str] = mapped_column(String(8))
    watchlist_entry_id: Mapped[str] = mapped_column(String(64))
    score: Mapped[float] = mapped_column(Float)
    reason: Mapped[str] = mapped_column(Text)
    raised_at: Mapped[datetime]
    late: Mapped[bool] = mapped_column(Boolean, default=False)
    decision: Mapped[str | None] = mapped_column(String(10))
    decided_by: Mapped[str | None] = mapped_column(String(64))
    decided_at: Mapped[datetime | None]
    note: Mapped[str] = mapped_column(Text, default="")
    __table_args__ = (
        UniqueConstraint("crossing_id", "watchlist_entry_id", name="hit"),
        CheckConstraint("decision IS NULL OR decision IN ('allowed','refused','referred')", name="decision"),
        Index("ix_alerts_pending", "decision", "raised_at"),
    )


class IdentityLink(Base):
    """A supervisor's confirmation that two travelers (documents) are the same person."""

    __tablename__ = "identity_links"
    id: Mapped[int] = mapped_column(primary_key=True)
    traveler_id: Mapped[str] = mapped_column(ForeignKey("travelers.id"))
    other_traveler_id: Mapped[str] = mapped_column(ForeignKey("travelers.id"))
    confirmed_by: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime]
    __table_args__ = (
        UniqueConstraint("traveler_id", "other_traveler_id", name="pair"),
        Index("ix_identity_links_other", "other_traveler_id"),
    )


class AuditEvent(Base):
    """Append-only, hash-chained: hash = SHA-256(prev_hash || canonical content)."""

    __tablename__ = "audit_events"
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime]
    actor: Mapped[str | None] = mapped_column(String(64))
    action: Mapped[str] = mapped_column(String(64))
    subject: Mapped[str | None] = mapped_column(String(64))
    details: Mapped[str] = mapped_column(Text, default="{}")  # canonical JSON
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class OutboxEvent(Base):
    """Events for the central office, with this device's gap-free sequence number."""

    __tablename__ = "outbox"
    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    event_id: Mapped[str] = mapped_column(String(36), unique=True)
    event_type: Mapped[str] = mapped_column(String(32))
    payload: Mapped[str] = mapped_column(Text)  # JSON
    created_at: Mapped[datetime]


class SyncState(Base):
    """The sync's single row: device identity, server pin, acknowledged cursor, last error."""

    __tablename__ = "sync_state"
    id: Mapped[int] = mapped_column(primary_key=True)
    device_id: Mapped[str | None] = mapped_column(String(64))
    device_private_key: Mapped[bytes | None] = mapped_column(LargeBinary)
    server_public_key: Mapped[bytes | None] = mapped_column(LargeBinary)
    server_url: Mapped[str | None] = mapped_column(String(500))
    acked_seq: Mapped[int] = mapped_column(Integer, default=0)
    last_sync_at: Mapped[datetime | None]
    last_error: Mapped[str | None] = mapped_column(Text)
    last_error_at: Mapped[datetime | None]
    watchlist_version: Mapped[int | None]
    __table_args__ = (CheckConstraint("id = 1", name="single_row"),)
