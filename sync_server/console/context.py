"""What every console request needs: the engine, the stay policy, templates, migrations done once."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from fastapi import FastAPI
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from border_client.domain.stay import CARICOM_MEMBER_CODES, StayPolicy


def _flag(value: str | None, default: bool) -> bool:
    if value is None:
        return default
    return value.strip().lower() in ("1", "true", "yes", "on")


def stay_policy_from(extra: dict[str, str]) -> StayPolicy:
    """The central office's stay policy: settings.extra may set console_stay_days,
    console_stay_overrides ("USA=180,CAN=180") and console_stay_exempt ("caricom" or codes)."""
    default_days = int(extra.get("console_stay_days", "90"))
    overrides: dict[str, int] = {}
    for part in extra.get("console_stay_overrides", "").split(","):
        if "=" in part:
            code, days = part.split("=", 1)
            overrides[code.strip()] = int(days)
    exempt_spec = extra.get("console_stay_exempt", "")
    exempt: set[str] = set()
    for code in exempt_spec.split(","):
        code = code.strip().upper()
        if code == "CARICOM":
            exempt |= CARICOM_MEMBER_CODES
        elif code:
            exempt.add(code)
    return StayPolicy.from_config(default_days, overrides, exempt)


@dataclass
class ConsoleContext:
    app: FastAPI
    settings: Any
    policy: StayPolicy
    cookie_secure: bool

    @property
    def engine(self) -> Engine:
        engine: Engine = self.app.state.engine  # the core's engine: one pool for the server
        return engine

    @property
    def orm_sessions(self) -> sessionmaker[Session]:
        sessions: sessionmaker[Session] = self.app.state.sessions
        return sessions


def build_context(app: FastAPI, settings: Any) -> ConsoleContext:
    extra: dict[str, str] = dict(getattr(settings, "extra", {}) or {})
    return ConsoleContext(
        app=app,
        settings=settings,
        policy=stay_policy_from(extra),
        # Secure cookies by default; a plain-HTTP test set-up turns it off explicitly.
        cookie_secure=_flag(extra.get("console_cookie_secure"), True),
    )
