"""Central users: Argon2id passwords, server-side sessions, CSRF tokens, lockout with back-off."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import delete, insert, select, update
from sqlalchemy.engine import Connection

from sync_server.console.i18n import N_, TranslatableError
from sync_server.console.tables import (
    console_login_attempts,
    console_sessions,
    console_users,
)

__all__ = [
    "ROLES",
    "AuthError",
    "ConsoleUser",
    "LockedOut",
    "add_user",
    "authenticate",
    "create_session",
    "csrf_matches",
    "end_session",
    "list_users",
    "load_session",
    "set_user_active",
]

ROLES = ("analyst", "admin")
SESSION_IDLE = timedelta(minutes=30)
SESSION_MAX = timedelta(hours=12)
# Failures allowed before the first lock; each further failure doubles the lock, up to a cap.
FREE_FAILURES = 5
FIRST_LOCK = timedelta(seconds=30)
MAX_LOCK = timedelta(hours=1)
MIN_PASSWORD_LENGTH = 10

_hasher = PasswordHasher()  # argon2-cffi's default is Argon2id with RFC 9106 low-memory params
# A hash to verify against when the user does not exist, so timing does not reveal user names.
_DUMMY_HASH = _hasher.hash(secrets.token_hex(16))


class AuthError(Exception):
    """Log-in refused: wrong user name or password, or an inactive account."""


class LockedOut(AuthError):
    """Too many failed attempts: log-in refused until ``until``."""

    def __init__(self, until: datetime) -> None:
        super().__init__(f"locked until {until.isoformat()}")
        self.until = until


@dataclass(frozen=True)
class ConsoleUser:
    id: int
    username: str
    role: str
    language: str | None

    @property
    def is_admin(self) -> bool:
        return self.role == "admin"


@dataclass(frozen=True)
class ConsoleSession:
    user: ConsoleUser
    csrf_token: str
    expires_at: datetime


def _now() -> datetime:
    return datetime.now(UTC)


def _aware(value: datetime) -> datetime:
    # SQLite hands back naive datetimes; everything we store is UTC.
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def normalize_username(name: str) -> str:
    # Control characters (NUL above all: PostgreSQL text refuses it) are never part of a name.
    return "".join(c for c in name if c.isprintable()).strip().lower()


def validate_new_user(username: str, password: str, role: str) -> str:
    """Return the normalized user name, or raise ValueError naming what is wrong."""
    name = normalize_username(username)
    if not name or len(name) > 64 or not all(c.isalnum() or c in "._-@" for c in name):
        raise TranslatableError(
            N_("The user name must be 1 to 64 characters: letters, digits, '.', '_', '-' or '@'.")
        )
    if role not in ROLES:
        raise TranslatableError(N_("The role must be analyst or admin."))
    if len(password) < MIN_PASSWORD_LENGTH:
        raise TranslatableError(N_("The password must have at least {n} characters."), n=MIN_PASSWORD_LENGTH)
    return name


def add_user(conn: Connection, username: str, password: str, role: str) -> ConsoleUser:
    name = validate_new_user(username, password, role)
    exists = conn.execute(select(console_users.c.id).where(console_users.c.username == name)).first()
    if exists:
        raise TranslatableError(N_("The user {name} already exists."), name=name)
    result = conn.execute(
        insert(console_users).values(
            username=name,
            password_hash=_hasher.hash(password),
            role=role,
            active=True,
            created_at=_now(),
        )
    )
    pk = result.inserted_primary_key
    assert pk is not None
    return ConsoleUser(id=int(pk[0]), username=name, role=role, language=None)


def list_users(conn: Connection) -> list[dict[str, object]]:
    rows = conn.execute(select(console_users).order_by(console_users.c.username)).mappings()
    return [
        {
            "id": r["id"],
            "username": r["username"],
            "role": r["role"],
            "active": bool(r["active"]),
            "created_at": r["created_at"],
            "last_login_at": r["last_login_at"],
        }
        for r in rows
    ]


def set_user_active(conn: Connection, user_id: int, active: bool) -> None:
    conn.execute(update(console_users).where(console_users.c.id == user_id).values(active=active))
    if not active:
        conn.execute(delete(console_sessions).where(console_sessions.c.user_id == user_id))


def lock_duration(failures: int) -> timedelta:
    """How long a user stays locked after ``failures`` consecutive failures (0 if not locked)."""
    if failures < FREE_FAILURES:
        return timedelta(0)
    lock: timedelta = min(FIRST_LOCK * (2 ** (failures - FREE_FAILURES)), MAX_LOCK)
    return lock


def authenticate(
    conn: Connection, username: str, password: str, *, now: datetime | None = None
) -> ConsoleUser:
    """Check a log-in; count failures and lock with back-off. Raises AuthError or LockedOut."""
    now = now or _now()
    name = normalize_username(username)[:64]
    attempt = (
        conn.execute(select(console_login_attempts).where(console_login_attempts.c.username == name))
        .mappings()
        .first()
    )
    if attempt and attempt["locked_until"] and _aware(attempt["locked_until"]) > now:
        raise LockedOut(_aware(attempt["locked_until"]))

    row = conn.execute(select(console_users).where(console_users.c.username == name)).mappings().first()
    ok = False
    try:
        ok = _hasher.verify(row["password_hash"] if row else _DUMMY_HASH, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        ok = False
    if not (ok and row is not None and row["active"]):
        failures = (attempt["failures"] if attempt else 0) + 1
        lock = lock_duration(failures)
        values = {
            "failures": failures,
            "last_failure_at": now,
            "locked_until": now + lock if lock else None,
        }
        if attempt:
            conn.execute(
                update(console_login_attempts)
                .where(console_login_attempts.c.username == name)
                .values(**values)
            )
        else:
            conn.execute(insert(console_login_attempts).values(username=name, **values))
        if lock:
            raise LockedOut(now + lock)
        raise AuthError("wrong user name or password")

    if attempt:
        conn.execute(delete(console_login_attempts).where(console_login_attempts.c.username == name))
    updates: dict[str, object] = {"last_login_at": now}
    if _hasher.check_needs_rehash(row["password_hash"]):
        updates["password_hash"] = _hasher.hash(password)
    conn.execute(update(console_users).where(console_users.c.id == row["id"]).values(**updates))
    return ConsoleUser(id=row["id"], username=row["username"], role=row["role"], language=row["language"])


def create_session(conn: Connection, user: ConsoleUser, client_ip: str | None = None) -> tuple[str, str]:
    """Start a session; returns (cookie token, CSRF token). Only the token's hash is stored."""
    token = secrets.token_urlsafe(32)
    csrf = secrets.token_urlsafe(32)
    now = _now()
    conn.execute(
        insert(console_sessions).values(
            token_hash=_token_hash(token),
            user_id=user.id,
            csrf_token=csrf,
            created_at=now,
            last_seen_at=now,
            expires_at=now + SESSION_MAX,
            client_ip=(client_ip or "")[:64],
        )
    )
    return token, csrf


def load_session(conn: Connection, token: str | None) -> ConsoleSession | None:
    """The live session behind a cookie, sliding its idle timeout; None if absent or expired."""
    if not token or len(token) > 128:
        return None
    now = _now()
    row = (
        conn.execute(
            select(console_sessions, console_users)
            .join(console_users, console_users.c.id == console_sessions.c.user_id)
            .where(console_sessions.c.token_hash == _token_hash(token))
        )
        .mappings()
        .first()
    )
    if row is None:
        return None
    expired = (
        _aware(row["expires_at"]) <= now
        or _aware(row["last_seen_at"]) + SESSION_IDLE <= now
        or not row["active"]
    )
    if expired:
        conn.execute(delete(console_sessions).where(console_sessions.c.token_hash == _token_hash(token)))
        return None
    # Write the sliding timestamp at most once a minute: reads stay reads.
    if now - _aware(row["last_seen_at"]) > timedelta(minutes=1):
        conn.execute(
            update(console_sessions)
            .where(console_sessions.c.token_hash == _token_hash(token))
            .values(last_seen_at=now)
        )
    user = ConsoleUser(
        id=row["user_id"], username=row["username"], role=row["role"], language=row["language"]
    )
    return ConsoleSession(user=user, csrf_token=row["csrf_token"], expires_at=row["expires_at"])


def end_session(conn: Connection, token: str | None) -> None:
    if token:
        conn.execute(delete(console_sessions).where(console_sessions.c.token_hash == _token_hash(token)))


def csrf_matches(expected: str | None, given: str | None) -> bool:
    return bool(expected) and bool(given) and hmac.compare_digest(str(expected), str(given))
