"""What every service shares: the logged-in user, roles, clocks, identifiers, errors."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

import uuid6

__all__ = [
    "NotFound",
    "PermissionDenied",
    "Role",
    "ServiceError",
    "UserSession",
    "ValidationError",
    "canonical_json",
    "new_id",
    "require_role",
    "utcnow",
]


class ServiceError(Exception):
    """Base of the services' business errors; ``str()`` is fit to show a person."""


class PermissionDenied(ServiceError):
    """The logged-in user's role does not allow the action."""


class NotFound(ServiceError):
    pass


class ValidationError(ServiceError):
    """Input that breaks a rule (names the field)."""


class Role(StrEnum):
    INSPECTOR = "inspector"
    SUPERVISOR = "supervisor"
    ADMIN = "admin"


# Each role includes the ones below it: a supervisor can do all an inspector can, and the
# admin (often the post chief at a small post) all a supervisor can, plus users and settings.
_ROLE_POWERS: dict[Role, frozenset[Role]] = {
    Role.INSPECTOR: frozenset({Role.INSPECTOR}),
    Role.SUPERVISOR: frozenset({Role.INSPECTOR, Role.SUPERVISOR}),
    Role.ADMIN: frozenset({Role.INSPECTOR, Role.SUPERVISOR, Role.ADMIN}),
}


@dataclass(frozen=True)
class UserSession:
    """A logged-in user, as returned by ``accounts.login``; every service call takes one."""

    user_id: int
    username: str
    role: Role

    def can(self, role: Role) -> bool:
        return role in _ROLE_POWERS[self.role]


def require_role(user: UserSession, role: Role, action: str) -> None:
    if not user.can(role):
        raise PermissionDenied(
            f"{user.username} ({user.role.value}) may not {action}: needs the {role.value} role"
        )


Clock = Callable[[], datetime]


def utcnow() -> datetime:
    return datetime.now(UTC)


def new_id() -> str:
    """A UUIDv7: time-ordered, so ids sort by creation and index well."""
    return str(uuid6.uuid7())


def canonical_json(obj: Any) -> str:
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)
