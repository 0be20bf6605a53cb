"""Reference data the central office publishes to every post, versioned and signed.

Today one set: ``stay_rules`` (the national stay policy: default allowed days, per-nationality
allowed days, exempt nationalities, whether CARICOM nationals are exempt), validated by the
domain's StayPolicy so a post can never receive rules it would refuse.
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from border_client.domain.stay import StayPolicy
from sync_server.models import ReferenceVersion

REFERENCE_SETS = ("stay_rules",)


def validate(name: str, payload: Any) -> dict[str, Any]:
    """The normalized data set, or ValueError naming what is wrong."""
    if name not in REFERENCE_SETS:
        raise ValueError(f"unknown reference data set {name!r} (known: {', '.join(REFERENCE_SETS)})")
    if not isinstance(payload, dict):
        raise ValueError("the stay rules must be a JSON object")
    unknown = set(payload) - {"default_days", "overrides", "exempt", "caricom_exempt"}
    if unknown:
        raise ValueError(f"unknown field(s) {', '.join(sorted(unknown))}")
    try:
        default_days = int(payload.get("default_days", 90))
        overrides = {str(k).upper(): int(v) for k, v in (payload.get("overrides") or {}).items()}
        exempt = sorted({str(c).upper() for c in payload.get("exempt") or []})
        caricom = bool(payload.get("caricom_exempt", True))
        StayPolicy.from_config(default_days, overrides, exempt)
    except (TypeError, ValueError, AttributeError) as exc:
        raise ValueError(f"stay rules: {exc}") from exc
    for code in [*overrides, *exempt]:
        if not (1 <= len(code) <= 3 and code.isalpha()):
            raise ValueError(f"stay rules: {code!r} is not a nationality code")
    return {
        "default_days": default_days,
        "overrides": dict(sorted(overrides.items())),
        "exempt": exempt,
        "caricom_exempt": caricom,
    }


def publish(session: Session, name: str, payload: Any) -> tuple[int, bool]:
    """Publish a new version of ``name`` (nothing new if identical); (version, unchanged)."""
    data = validate(name, payload)
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    digest = hashlib.sha256(text.encode()).hexdigest()
    latest = session.scalar(
        select(ReferenceVersion)
        .where(ReferenceVersion.name == name)
        .order_by(ReferenceVersion.version.desc())
    )
    if latest is not None and latest.sha256 == digest:
        return latest.version, True
    version = (latest.version if latest else 0) + 1
    session.add(
        ReferenceVersion(
            name=name,
            version=version,
            published_at=datetime.now(UTC),
            sha256=digest,
            payload=text,
        )
    )
    session.commit()
    return version, False


def latest_versions(session: Session) -> dict[str, int]:
    rows = session.execute(
        select(ReferenceVersion.name, func.max(ReferenceVersion.version)).group_by(ReferenceVersion.name)
    ).all()
    return {name: int(v) for name, v in rows}


def update_for(session: Session, name: str, since: int | None) -> dict[str, Any] | None:
    """The latest version of ``name`` if newer than ``since`` (always a full snapshot: small)."""
    latest = session.scalar(
        select(ReferenceVersion)
        .where(ReferenceVersion.name == name)
        .order_by(ReferenceVersion.version.desc())
    )
    if latest is None or (since is not None and since >= latest.version):
        return None
    return {
        "name": name,
        "version": latest.version,
        "kind": "full",
        "published_at": latest.published_at.isoformat(),
        "sha256": latest.sha256,
        "data": json.loads(latest.payload),
    }
