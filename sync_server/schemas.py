"""Wire schemas: enrollment, batches and their acknowledgement, and the event payloads.

Payload models bound every string to its column's size, so an event that passes validation can
always be stored and projected; one that fails is quarantined with the reason, never blocking
the rest of its batch.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import AwareDatetime, BaseModel, BeforeValidator, ConfigDict, Field


def _to_str(v: Any) -> Any:
    return str(v) if isinstance(v, int) and not isinstance(v, bool) else v


# Strings bounded by their column's size (S64: at most 64 characters).
S1 = Annotated[str, Field(max_length=1)]
S3 = Annotated[str, Field(max_length=3)]
S4 = Annotated[str, Field(max_length=4)]
S10 = Annotated[str, Field(max_length=10)]
S16 = Annotated[str, Field(max_length=16)]
S32 = Annotated[str, Field(max_length=32)]
S64 = Annotated[str, Field(max_length=64)]
S200 = Annotated[str, Field(max_length=200)]


# Integers bounded by their INTEGER column (PostgreSQL refuses a larger one, failing the batch).
Int32 = Annotated[int, Field(ge=-(2**31), le=2**31 - 1)]

Id = Annotated[str, BeforeValidator(_to_str), Field(min_length=1, max_length=64)]
# The bound applies to the string only: on ``str | None`` as a whole pydantic raises TypeError
# for an explicit null instead of accepting it.
OptId = Annotated[str, BeforeValidator(_to_str), Field(max_length=64)] | None


class _Payload(BaseModel):
    # Posts may add fields in later versions; unknown ones are kept in events, not refused.
    model_config = ConfigDict(extra="allow")


class CrossingDocument(_Payload):
    document_code: S4 | None = None
    issuing_state: S3 | None = None
    document_number: S32 | None = None
    nationality: S3 | None = None
    surname: S200 | None = None
    given_names: S200 | None = None
    birth_date: S10 | None = None
    sex: S1 | None = None
    expiry_date: S10 | None = None
    optional_data: S64 | None = None
    mrz_lines: list[str] | None = None


class CrossingRegistered(_Payload):
    crossing_id: Id
    post_code: S16
    direction: Literal["entry", "exit"]
    occurred_at: AwareDatetime
    local_tz: S64 | None = None
    inspector: S64 | None = None
    travel_mode: Literal["land", "sea", "air"] | None = None
    vehicle_plate: S32 | None = None
    purpose: S200 | None = None
    origin_destination: S200 | None = None
    remarks: str | None = None
    traveler_id: OptId = None
    document: CrossingDocument
    watchlist_version: Int32 | None = None
    days_stayed: Int32 | None = None
    overstay: bool | None = None
    has_photo: bool | None = None


class CrossingAmended(_Payload):
    amendment_id: Id
    crossing_id: Id
    changes: dict[str, Any]
    reason: str | None = None
    requested_by: S64 | None = None
    approved_by: S64 | None = None
    occurred_at: AwareDatetime | None = None


class AlertRaised(_Payload):
    alert_id: Id
    crossing_id: OptId = None
    kind: Literal["document", "person"]
    watchlist_entry_id: OptId = None
    score: float | None = None
    reason: str | None = None
    raised_at: AwareDatetime
    late: bool = False


class AlertDecided(_Payload):
    alert_id: Id
    decision: Literal["allowed", "refused", "referred"]
    decided_by: S64 | None = None
    decided_at: AwareDatetime
    note: str | None = None


class IdentityLinked(_Payload):
    traveler_id: Id
    other_traveler_id: Id
    confirmed_by: S64 | None = None
    at: AwareDatetime | None = None


PAYLOAD_MODELS: dict[str, type[_Payload]] = {
    "crossing.registered": CrossingRegistered,
    "crossing.amended": CrossingAmended,
    "alert.raised": AlertRaised,
    "alert.decided": AlertDecided,
    "identity.linked": IdentityLinked,
}


# --- batches ----------------------------------------------------------------------------------


class EventIn(BaseModel):
    """One outbox event as sent: the device's gap-free ``seq`` and a UUIDv7 ``event_id``."""

    seq: int = Field(ge=1)
    event_id: str = Field(min_length=1, max_length=64)
    event_type: str = Field(min_length=1, max_length=40)
    created_at: str | None = None
    payload: dict[str, Any] | None = Field(
        default=None, description="the event's payload (see the event types)"
    )
    payload_raw: str | None = Field(
        default=None, description="set instead of payload when the post's copy is not JSON"
    )


class HealthIn(BaseModel):
    """The post's health, reported with every batch."""

    model_config = ConfigDict(extra="allow")
    queue_length: int | None = Field(default=None, description="events not yet acknowledged")
    oldest_pending_at: str | None = Field(default=None, description="ISO UTC, or null")
    app_version: str | None = None
    last_error: str | None = None
    last_error_at: str | None = None
    acked_seq: int | None = None
    watchlist_version: int | None = None


class BatchIn(BaseModel):
    """The body of POST /api/v1/batches (gzip-compressed JSON)."""

    protocol: Literal[1]
    device_id: str = Field(max_length=40)
    post_code: str | None = None
    sent_at: str | None = None
    health: HealthIn = Field(default_factory=HealthIn)
    events: list[EventIn] = Field(max_length=5000)


class QuarantinedOut(BaseModel):
    seq: int
    event_id: str
    reason: str


class BatchAck(BaseModel):
    """The answer to a batch: the highest contiguous sequence number the server holds."""

    acknowledged_seq: int
    received: int
    stored: int
    duplicates: int
    quarantined: list[QuarantinedOut]
    missing_from: int | None = Field(
        default=None, description="first sequence number the server still lacks, if any"
    )
    server_time: str
    watchlist_version: int | None = None
    reference_versions: dict[str, int] = Field(
        default_factory=dict, description="latest version of each reference data set"
    )


class EnrollIn(BaseModel):
    token: str = Field(min_length=8, max_length=200)
    public_key: str = Field(description="base64 of the raw 32-byte Ed25519 public key")
    proof: str = Field(description="base64 signature of the token and key by the device's key")
    hostname: str = Field(default="", max_length=200)
    app_version: str | None = Field(default=None, max_length=40)
    post_code: str | None = Field(
        default=None, max_length=16, description="the post the device belongs to, if known"
    )
    previous_device_id: str | None = Field(
        default=None,
        max_length=40,
        description="when this store was enrolled before (revoked, or key replaced): its old "
        "device id; the new device continues its sequence numbers",
    )


class EnrollOut(BaseModel):
    device_id: str
    post_code: str
    post_name: str
    server_public_key: str
    protocol: int
