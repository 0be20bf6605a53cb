"""Accounts: setting up a post, logging in, users and their key slots, rekey and recovery."""

from __future__ import annotations

import hmac
import json
import os
import re
import time
import zoneinfo
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import select

from border_client.services.audit import append_audit
from border_client.services.common import (
    NotFound,
    Role,
    UserSession,
    ValidationError,
    require_role,
    utcnow,
)
from border_client.storage.db import Store, StorePaths
from border_client.storage.errors import (
    AccountDisabled,
    AuthError,
    KeySlotsDamaged,
    UnknownAccount,
    WrongPassword,
)
from border_client.storage.keyslots import (
    RECOVERY_SLOT,
    KeySlots,
    format_recovery_key,
    new_recovery_key,
    parse_recovery_key,
)
from border_client.storage.models import Post, SyncState, User

__all__ = [
    "MIN_PASSWORD_LENGTH",
    "LoginThrottle",
    "PostInfo",
    "UserInfo",
    "add_user",
    "change_password",
    "get_post",
    "init_post",
    "list_users",
    "login",
    "open_store",
    "open_with_recovery",
    "backup",
    "rekey",
    "remove_user",
    "reset_password_with_recovery",
]

MIN_PASSWORD_LENGTH = 8
_USERNAME = re.compile(r"^[a-z0-9][a-z0-9._-]{1,31}$")
_POST_CODE = re.compile(r"^[A-Z]{3}-[A-Z0-9]{2,8}$")


@dataclass(frozen=True)
class PostInfo:
    code: str
    name: str
    timezone: str


@dataclass(frozen=True)
class UserInfo:
    username: str
    full_name: str
    role: str
    active: bool
    created_at: datetime
    last_login_at: datetime | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "username": self.username,
            "full_name": self.full_name,
            "role": self.role,
            "active": self.active,
            "created_at": self.created_at.isoformat(),
            "last_login_at": self.last_login_at.isoformat() if self.last_login_at else None,
        }


def _check_username(username: str) -> str:
    if not _USERNAME.match(username):
        raise ValidationError(f"user name {username!r}: use 2-32 lower-case letters, digits, '.', '_' or '-'")
    if username == RECOVERY_SLOT:
        raise ValidationError(f"user name {username!r} is reserved")
    return username


def _check_password(password: str) -> bytes:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValidationError(f"the password must have at least {MIN_PASSWORD_LENGTH} characters")
    return password.encode("utf-8")


# -- failed log-ins --------------------------------------------------------------------------


class LoginThrottle:
    """Failed log-ins, kept beside the store because a failure cannot open it.

    After three failures in a row for a name, each attempt waits 1, 2, 4 ... up to 30 s first.
    The failures are written to the audit trail at the next successful log-in. The file holds
    only user names and times (staff accounts, not travelers' data).
    """

    FREE_ATTEMPTS = 3
    MAX_DELAY = 30.0
    WINDOW = timedelta(hours=1)

    def __init__(self, path: Path, clock: Callable[[], datetime] = utcnow) -> None:
        self.path = path
        self.clock = clock

    def _load(self) -> list[dict[str, str]]:
        try:
            data = json.loads(self.path.read_text("utf-8"))
            failures = data.get("failures", [])
            return [f for f in failures if isinstance(f, dict)]
        except (OSError, ValueError, AttributeError):
            return []  # a damaged throttle file must not lock everyone out

    def _save(self, failures: list[dict[str, str]]) -> None:
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(json.dumps({"failures": failures[-1000:]}), "utf-8")
        tmp.chmod(0o600)
        os.replace(tmp, self.path)

    def recent_failures(self, username: str) -> int:
        cutoff = self.clock() - self.WINDOW
        count = 0
        for f in self._load():
            if f.get("username") != username:
                continue
            if f.get("cleared"):
                count = 0
            elif datetime.fromisoformat(f["at"]) >= cutoff:
                count += 1
        return count

    def delay_for(self, username: str) -> float:
        extra = self.recent_failures(username) - self.FREE_ATTEMPTS + 1
        return 0.0 if extra <= 0 else min(self.MAX_DELAY, 2.0 ** (extra - 1))

    def record_failure(self, username: str, reason: str, *, audited: bool = False) -> None:
        """Note a failure; ``audited`` when it already went to the (open) store's trail."""
        failures = self._load()
        entry = {"username": username, "at": self.clock().isoformat(), "reason": reason}
        if audited:
            entry["audited"] = "1"
        failures.append(entry)
        self._save(failures)

    def drain(self, username: str) -> list[dict[str, str]]:
        """The failures not yet in the audit trail (to append now); ends ``username``'s streak.

        Other names' streaks are kept: one person's successful log-in must not reset the
        slow-down of someone guessing another account's password.
        """
        if not self.path.exists():
            return []
        kept = self._load()
        fresh = [f for f in kept if not f.get("cleared") and not f.get("audited")]
        cutoff = self.clock() - self.WINDOW
        kept = [
            dict(f, audited="1")
            for f in kept
            if f.get("username") != username
            and not f.get("cleared")
            and datetime.fromisoformat(f["at"]) >= cutoff
        ]
        kept.append({"username": username, "at": self.clock().isoformat(), "cleared": "1"})
        self._save(kept)
        return fresh


Sleeper = Callable[[float], None]


# -- set-up ----------------------------------------------------------------------------------


def init_post(
    data_dir: Path,
    *,
    post_code: str,
    post_name: str,
    admin_username: str,
    admin_password: str,
    timezone: str = "UTC",
    admin_full_name: str = "",
) -> tuple[Store, UserSession, str]:
    """Create the store, the admin's slot and the recovery slot; returns the recovery key text.

    The recovery key is shown once and never stored in clear: write it down and keep it safe.
    """
    code = post_code.strip().upper()
    if not _POST_CODE.match(code):
        raise ValidationError(f"post code {post_code!r}: expected like HTI-CAP (country-post)")
    if not post_name.strip():
        raise ValidationError("the post name is empty")
    try:
        zoneinfo.ZoneInfo(timezone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise ValidationError(f"time zone {timezone!r} is unknown (e.g. America/Port-au-Prince)") from None
    _check_username(admin_username)
    secret = _check_password(admin_password)
    store, data_key = Store.create(data_dir)
    slots = KeySlots.create(store.paths.keyslots)
    slots.put_slot(admin_username, secret, data_key)
    recovery = new_recovery_key()
    slots.put_slot(RECOVERY_SLOT, recovery, data_key)
    now = utcnow()
    with store.write() as session:
        session.add(Post(id=1, code=code, name=post_name.strip(), timezone=timezone, created_at=now))
        session.add(SyncState(id=1, acked_seq=0))
        admin = User(
            username=admin_username,
            full_name=admin_full_name,
            role=Role.ADMIN.value,
            active=True,
            created_at=now,
            last_login_at=now,
        )
        session.add(admin)
        session.flush()
        append_audit(session, admin_username, "store.initialized", code, {"post_name": post_name})
        append_audit(session, admin_username, "user.added", admin_username, {"role": "admin"})
        user = UserSession(admin.id, admin.username, Role.ADMIN)
    # The slots are written last: a crash before this leaves a folder that `init` can be rerun
    # on after removing it, never a store nobody can open.
    slots.save(data_key)
    return store, user, format_recovery_key(recovery)


def get_post(store: Store) -> PostInfo:
    with store.read() as session:
        post = session.get(Post, 1)
        if post is None:
            raise NotFound("the store has no post configured")
        return PostInfo(post.code, post.name, post.timezone)


# -- log-in ----------------------------------------------------------------------------------


def _session_for(store: Store, username: str, failures: list[dict[str, str]]) -> UserSession:
    with store.write() as session:
        user = session.scalars(select(User).where(User.username == username)).one_or_none()
        for f in failures:
            append_audit(
                session,
                None,
                "login.failed",
                f.get("username"),
                {"at": f.get("at"), "reason": f.get("reason")},
            )
        if user is None or not user.active:
            append_audit(session, username, "login.refused", username, {"reason": "disabled"})
            raise AccountDisabled(f"the account {username!r} is disabled")
        user.last_login_at = utcnow()
        append_audit(session, username, "login", username)
        return UserSession(user.id, user.username, Role(user.role))


def open_store(
    data_dir: Path, username: str, password: str, *, sleep: Sleeper = time.sleep
) -> tuple[Store, UserSession]:
    """Open the post's store as ``username``: the first log-in of a session."""
    paths = StorePaths(Path(data_dir))
    slots = Store.load_keyslots(paths.data_dir)
    throttle = LoginThrottle(paths.throttle)
    delay = throttle.delay_for(username)
    if delay:
        sleep(delay)
    try:
        unlocked = slots.unlock(username, password.encode("utf-8"))
    except AuthError as exc:
        throttle.record_failure(username, type(exc).__name__)
        raise
    store = Store.open_with(paths.data_dir, slots, unlocked.data_key, unlocked.next_data_key)
    try:
        return store, _session_for(store, username, throttle.drain(username))
    except BaseException:
        store.close()
        raise


def login(store: Store, username: str, password: str, *, sleep: Sleeper = time.sleep) -> UserSession:
    """Log in to an already open store (switching user at the counter, unlocking the screen)."""
    throttle = LoginThrottle(store.paths.throttle)
    delay = throttle.delay_for(username)
    if delay:
        sleep(delay)
    slots = KeySlots.load(store.paths.keyslots)
    try:
        unlocked = slots.unlock(username, password.encode("utf-8"))
    except AuthError as exc:
        throttle.record_failure(username, type(exc).__name__, audited=True)
        with store.write() as session:
            append_audit(session, None, "login.failed", username, {"reason": type(exc).__name__})
        raise
    slots.verify_mac(store.data_key)  # a tampered file is refused, naming it
    if not hmac.compare_digest(unlocked.data_key, store.data_key):
        raise KeySlotsDamaged(slots.path, f"the slot of {username!r} does not hold this store's key")
    return _session_for(store, username, throttle.drain(username))


def open_with_recovery(data_dir: Path, recovery_key: str) -> Store:
    """Open the store with the recovery key (to reset a forgotten admin password)."""
    paths = StorePaths(Path(data_dir))
    slots = Store.load_keyslots(paths.data_dir)
    raw = parse_recovery_key(recovery_key)
    try:
        unlocked = slots.unlock(RECOVERY_SLOT, raw)
    except AuthError:
        raise WrongPassword("the recovery key is wrong") from None
    store = Store.open_with(paths.data_dir, slots, unlocked.data_key, unlocked.next_data_key)
    with store.write() as session:
        append_audit(session, None, "login.recovery", RECOVERY_SLOT)
    return store


def reset_password_with_recovery(store: Store, username: str, new_password: str) -> None:
    """After ``open_with_recovery``: give ``username`` a new password (and re-enable it)."""
    secret = _check_password(new_password)
    slots = KeySlots.load(store.paths.keyslots)
    with store.write() as session:
        user = session.scalars(select(User).where(User.username == username)).one_or_none()
        if user is None:
            raise UnknownAccount(f"no user {username!r}")
        user.active = True
        user.disabled_at = None
        append_audit(session, RECOVERY_SLOT, "user.password_reset", username, {"by": "recovery key"})
        slots.put_slot(username, secret, store.data_key)
        slots.save(store.data_key)


# -- users -----------------------------------------------------------------------------------


def list_users(store: Store, actor: UserSession) -> list[UserInfo]:
    require_role(actor, Role.SUPERVISOR, "list users")
    with store.read() as session:
        users = session.scalars(select(User).order_by(User.username)).all()
        return [
            UserInfo(u.username, u.full_name, u.role, u.active, u.created_at, u.last_login_at) for u in users
        ]


def add_user(
    store: Store,
    actor: UserSession,
    username: str,
    password: str,
    role: Role | str,
    full_name: str = "",
) -> UserInfo:
    require_role(actor, Role.ADMIN, "add users")
    _check_username(username)
    try:
        role = Role(role)
    except ValueError:
        raise ValidationError(f"role {role!r}: expected inspector, supervisor or admin") from None
    secret = _check_password(password)
    slots = KeySlots.load(store.paths.keyslots)
    slots.verify_mac(store.data_key)
    with store.write() as session:
        existing = session.scalars(select(User).where(User.username == username)).one_or_none()
        if existing is not None and existing.active:
            raise ValidationError(f"user {username!r} already exists")
        now = utcnow()
        if existing is None:
            existing = User(username=username, created_at=now)
            session.add(existing)
        existing.full_name = full_name
        existing.role = role.value
        existing.active = True
        existing.disabled_at = None
        append_audit(session, actor.username, "user.added", username, {"role": role.value})
        session.flush()
        # The slot is saved inside the transaction: if the save fails, the user is not added.
        slots.put_slot(username, secret, store.data_key)
        slots.save(store.data_key)
        return UserInfo(username, full_name, role.value, True, existing.created_at, None)


def remove_user(store: Store, actor: UserSession, username: str) -> None:
    """Disable the account and delete its key slot; its past records keep its name."""
    require_role(actor, Role.ADMIN, "remove users")
    if username == actor.username:
        raise ValidationError("you cannot remove your own account")
    slots = KeySlots.load(store.paths.keyslots)
    slots.verify_mac(store.data_key)
    with store.write() as session:
        user = session.scalars(select(User).where(User.username == username)).one_or_none()
        if user is None or not user.active:
            raise NotFound(f"no active user {username!r}")
        if user.role == Role.ADMIN.value:
            admins = session.scalars(
                select(User).where(User.role == Role.ADMIN.value, User.active.is_(True))
            ).all()
            if len(admins) <= 1:
                raise ValidationError("the last admin cannot be removed")
        user.active = False
        user.disabled_at = utcnow()
        append_audit(session, actor.username, "user.removed", username)
        if slots.find(username) is not None:
            slots.remove_slot(username)
            slots.save(store.data_key)


def change_password(
    store: Store,
    actor: UserSession,
    new_password: str,
    *,
    username: str | None = None,
    current_password: str | None = None,
) -> None:
    """Change the actor's own password (needs the current one) or, as admin, anyone's.

    Only that user's slot is rewritten (a new salt and key pair); the data key is unchanged.
    """
    target = username or actor.username
    secret = _check_password(new_password)
    slots = KeySlots.load(store.paths.keyslots)
    if target == actor.username:
        if current_password is None:
            raise ValidationError("give the current password to change it")
        slots.unlock(target, current_password.encode("utf-8"))  # WrongPassword if not
    else:
        require_role(actor, Role.ADMIN, "change another user's password")
    slots.verify_mac(store.data_key)
    with store.write() as session:
        user = session.scalars(select(User).where(User.username == target)).one_or_none()
        if user is None or not user.active:
            raise NotFound(f"no active user {target!r}")
        append_audit(session, actor.username, "user.password_changed", target)
        slots.put_slot(target, secret, store.data_key)
        slots.save(store.data_key)


def rekey(store: Store, actor: UserSession) -> None:
    """Re-encrypt the database under a new data key (suspected compromise); every slot rewrapped."""
    require_role(actor, Role.ADMIN, "rekey the store")
    slots = KeySlots.load(store.paths.keyslots)
    with store.write() as session:
        append_audit(session, actor.username, "store.rekey_started")
    store.rekey(slots)
    with store.write() as session:
        append_audit(session, actor.username, "store.rekeyed", None, {"slots": len(slots.slots)})


def backup(store: Store, actor: UserSession, dest_dir: Path) -> Path:
    """Copy the store, still encrypted, to ``dest_dir`` (e.g. a USB drive). The copy opens
    with the same passwords as the store had at the time; keep it as safe as the laptop."""
    require_role(actor, Role.SUPERVISOR, "back up the store")
    with store.write() as session:
        append_audit(session, actor.username, "store.backup", None, {"to": str(dest_dir)})
    return store.backup_to(Path(dest_dir)).data_dir
