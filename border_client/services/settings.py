"""Post settings: stay rules (default, per nationality, exempt) and other admin settings."""

from __future__ import annotations

import json
import time
from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from border_client.domain.stay import CARICOM_MEMBER_CODES, DEFAULT_ALLOWED_DAYS, StayPolicy
from border_client.services.audit import append_audit
from border_client.services.common import Role, UserSession, ValidationError, require_role
from border_client.storage.db import Store
from border_client.storage.models import Post, Setting, StayRule

__all__ = [
    "cached_stay_policy",
    "fresh_stay_policy",
    "get_setting",
    "get_stay_policy",
    "load_stay_policy",
    "set_setting",
    "set_stay_rules",
]

# Another process (the CLI) may change the rules; this process sees it within this many seconds.
_POLICY_TTL_S = 30.0

_DEFAULT_DAYS_KEY = "stay.default_days"
_EXEMPT_DEFAULT_KEY = "stay.caricom_exempt"


def _get(session: Session, key: str, default: Any) -> Any:
    row = session.get(Setting, key)
    return default if row is None else json.loads(row.value)


def get_setting(store: Store, key: str, default: Any = None) -> Any:
    with store.read() as session:
        return _get(session, key, default)


def set_setting(store: Store, user: UserSession, key: str, value: Any) -> None:
    require_role(user, Role.ADMIN, "change settings")
    with store.write() as session:
        session.merge(Setting(key=key, value=json.dumps(value)))
        append_audit(session, user.username, "setting.changed", key, {"value": value})


def load_stay_policy(session: Session) -> StayPolicy:
    """The post's stay policy. Own nationals are always exempt; CARICOM by default."""
    default_days = int(_get(session, _DEFAULT_DAYS_KEY, DEFAULT_ALLOWED_DAYS))
    overrides: dict[str, int] = {}
    exempt: set[str] = set()
    if _get(session, _EXEMPT_DEFAULT_KEY, True):
        exempt |= CARICOM_MEMBER_CODES
    for rule in session.scalars(select(StayRule)):
        if rule.exempt:
            exempt.add(rule.nationality)
        elif rule.allowed_days is not None:
            overrides[rule.nationality] = rule.allowed_days
            exempt.discard(rule.nationality)
    post = session.get(Post, 1)
    if post is not None:
        exempt.add(post.code.split("-", 1)[0])
    return StayPolicy.from_config(default_days, overrides, exempt)


def cached_stay_policy(store: Store, session: Session) -> StayPolicy:
    """The stay policy, re-read at most every 30 s (it is read on every registration)."""
    cached = store.cache.get("stay_policy")
    now = time.monotonic()
    if cached is not None and now - cached[0] < _POLICY_TTL_S:
        policy: StayPolicy = cached[1]
        return policy
    policy = load_stay_policy(session)
    store.cache["stay_policy"] = (now, policy)
    return policy


def fresh_stay_policy(store: Store) -> StayPolicy | None:
    """The cached stay policy if it is younger than 30 s, else None (no database read)."""
    cached = store.cache.get("stay_policy")
    if cached is not None and time.monotonic() - cached[0] < _POLICY_TTL_S:
        policy: StayPolicy = cached[1]
        return policy
    return None


def get_stay_policy(store: Store) -> StayPolicy:
    with store.read() as session:
        policy = load_stay_policy(session)
    store.cache.pop("stay_policy", None)
    return policy


def set_stay_rules(
    store: Store,
    user: UserSession,
    *,
    default_days: int | None = None,
    overrides: Mapping[str, int] | None = None,
    exempt: Iterable[str] | None = None,
    caricom_exempt: bool | None = None,
) -> StayPolicy:
    """Replace the per-nationality rules (those given) and/or the default; admin only."""
    require_role(user, Role.ADMIN, "change stay rules")
    try:  # validated by the domain before anything is written
        StayPolicy.from_config(default_days or DEFAULT_ALLOWED_DAYS, overrides or {}, exempt or ())
    except ValueError as exc:
        raise ValidationError(str(exc)) from None
    with store.write() as session:
        if default_days is not None:
            session.merge(Setting(key=_DEFAULT_DAYS_KEY, value=json.dumps(default_days)))
        if caricom_exempt is not None:
            session.merge(Setting(key=_EXEMPT_DEFAULT_KEY, value=json.dumps(caricom_exempt)))
        if overrides is not None or exempt is not None:
            session.execute(delete(StayRule))
            for code, days in (overrides or {}).items():
                session.add(StayRule(nationality=code.upper(), allowed_days=int(days), exempt=False))
            for code in exempt or ():
                session.merge(StayRule(nationality=code.upper(), allowed_days=None, exempt=True))
        append_audit(
            session,
            user.username,
            "stay_rules.changed",
            None,
            {
                "default_days": default_days,
                "overrides": dict(overrides or {}),
                "exempt": sorted(exempt or ()),
                "caricom_exempt": caricom_exempt,
            },
        )
        policy = load_stay_policy(session)
    store.cache.pop("stay_policy", None)
    return policy
