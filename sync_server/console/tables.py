"""The console's own tables: users, sessions, log-in attempts, audit, and ingest-maintained summaries.

They live in their own MetaData and their own Alembic environment (version table
``console_alembic_version``) so the core's migrations and the console's never collide.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    Date,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

from sync_server.models import UTCDateTime

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

console_metadata = MetaData(naming_convention=NAMING_CONVENTION)


# Byte-order comparison on PostgreSQL whatever the database's locale: the prefix searches on
# these keys are b-tree ranges, which a linguistic collation would reorder.
def CKey(length: int) -> String:  # noqa: N802 - reads like the column types around it
    return String(length).with_variant(String(length, collation="C"), "postgresql")


# BigInteger primary keys stay autoincrementing on SQLite through this variant.
BigId = BigInteger().with_variant(Integer(), "sqlite")

console_users = Table(
    "console_users",
    console_metadata,
    Column("id", Integer, primary_key=True),
    Column("username", String(64), nullable=False, unique=True),
    Column("password_hash", String(255), nullable=False),
    Column("role", String(16), nullable=False),  # "analyst" | "admin"
    Column("active", Boolean, nullable=False, default=True),
    Column("language", String(8), nullable=True),
    Column("created_at", UTCDateTime(), nullable=False),
    Column("last_login_at", UTCDateTime(), nullable=True),
)

console_sessions = Table(
    "console_sessions",
    console_metadata,
    # sha256 of the cookie value: a leaked table does not yield usable cookies.
    Column("token_hash", String(64), primary_key=True),
    Column("user_id", Integer, nullable=False, index=True),
    Column("csrf_token", String(64), nullable=False),
    Column("created_at", UTCDateTime(), nullable=False),
    Column("last_seen_at", UTCDateTime(), nullable=False),
    Column("expires_at", UTCDateTime(), nullable=False),
    Column("client_ip", String(64), nullable=True),
)

console_login_attempts = Table(
    "console_login_attempts",
    console_metadata,
    Column("username", String(64), primary_key=True),
    Column("failures", Integer, nullable=False, default=0),
    Column("last_failure_at", UTCDateTime(), nullable=True),
    Column("locked_until", UTCDateTime(), nullable=True),
)

console_audit = Table(
    "console_audit",
    console_metadata,
    Column("id", BigId, primary_key=True, autoincrement=True),
    Column("at", UTCDateTime(), nullable=False),
    Column("username", String(64), nullable=False),
    Column("action", String(64), nullable=False),
    Column("target", Text, nullable=False, default=""),
    Column("details", Text, nullable=False, default="{}"),
    Column("prev_hash", String(64), nullable=False),
    Column("hash", String(64), nullable=False),
)

# Crossings per (day, post, direction): the Flows page's "by day" and "by post".
console_flow_daily = Table(
    "console_flow_daily",
    console_metadata,
    Column("day", Date, primary_key=True),
    Column("post_code", String(16), primary_key=True),
    Column("direction", String(8), primary_key=True),
    Column("crossings", BigInteger, nullable=False),
)

# Crossings per dimension value (nationality, sex, age band), per day ("D") and per month ("M",
# day = the 1st): a year's breakdown reads twelve months plus a few days, not 365 days of rows.
console_flow_dims = Table(
    "console_flow_dims",
    console_metadata,
    Column("period", String(1), primary_key=True),
    Column("dimension", String(12), primary_key=True),
    Column("day", Date, primary_key=True),
    Column("post_code", String(16), primary_key=True),
    Column("direction", String(8), primary_key=True),
    Column("value", String(8), primary_key=True),
    Column("crossings", BigInteger, nullable=False),
)

# Counts of events received per (post, server day), for the Posts page's "events today".
console_post_daily = Table(
    "console_post_daily",
    console_metadata,
    Column("day", Date, primary_key=True),
    Column("post_code", String(16), primary_key=True),
    Column("events", BigInteger, nullable=False),
)

# One row per traveler (document): who they are, how often they crossed, and their latest
# crossing (by when it happened, whatever order posts sync in): who is inside the country now and
# since when, and the keys the fuzzy name search starts from. Maintained in the ingest transaction.
console_travelers = Table(
    "console_travelers",
    console_metadata,
    Column("traveler_key", String(128), primary_key=True),
    Column("document_number", CKey(32), nullable=False),  # normalized (O->0, I->1)
    Column("issuing_state", String(3), nullable=False),
    Column("surname", String(200), nullable=False),
    Column("given_names", String(200), nullable=False),
    # loose_name_key of the surname and of the first given name: spelling variants meet here.
    Column("surname_key", CKey(200), nullable=False),
    Column("given_key", CKey(200), nullable=False),
    Column("birth_date", String(10), nullable=False),
    Column("nationality", String(3), nullable=False),
    Column("sex", String(1), nullable=False),
    Column("crossings", Integer, nullable=False),
    Column("last_direction", String(8), nullable=False),
    Column("last_occurred_at", UTCDateTime(), nullable=False),
    Column("last_post_code", String(16), nullable=False),
    Column("last_crossing_id", String(64), nullable=False),
)

Index(
    "ix_console_travelers_direction_at",
    console_travelers.c.last_direction,
    console_travelers.c.last_occurred_at,
)
# A name key's most recent travelers straight off the index; on PostgreSQL they also hold the
# other name key and the traveler key, so prefix searches are index-only scans (migration c0002).
Index(
    "ix_console_travelers_surname_key_at",
    console_travelers.c.surname_key,
    console_travelers.c.last_occurred_at,
    postgresql_include=["given_key", "traveler_key"],
)
Index(
    "ix_console_travelers_given_key_at",
    console_travelers.c.given_key,
    console_travelers.c.last_occurred_at,
    postgresql_include=["surname_key", "traveler_key"],
)
Index("ix_console_travelers_birth_date", console_travelers.c.birth_date)
Index("ix_console_travelers_document_number", console_travelers.c.document_number)
