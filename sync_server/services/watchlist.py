"""Watchlists at the central office: import a CSV as the draft, publish it as a new version,
and serve posts a signed full snapshot or the delta since the version they hold.

Entry ids are derived from the entry's content, so the same entry keeps its id across imports
and deltas stay small.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from border_client.domain.watchlist import (
    WatchlistDocument,
    WatchlistPerson,
    parse_watchlist_csv,
)
from sync_server.models import WatchlistDraftEntry, WatchlistVersion

ENTRY_FIELDS = (
    "list",
    "document_number",
    "issuing_state",
    "surname",
    "given_names",
    "birth_date",
    "nationality",
    "reason",
)


def entry_to_wire(entry: WatchlistDocument | WatchlistPerson) -> dict[str, str]:
    """A parsed entry in the wire format: the CSV columns (normalized) plus a stable entry_id."""
    if isinstance(entry, WatchlistDocument):
        row = {
            "list": "document",
            "document_number": entry.document_number,
            "issuing_state": entry.issuing_state,
            "surname": "",
            "given_names": "",
            "birth_date": "",
            "nationality": "",
            "reason": entry.reason,
        }
    else:
        birth = (
            entry.birth_date.isoformat()
            if entry.birth_date
            else (str(entry.birth_year) if entry.birth_year else "")
        )
        row = {
            "list": "person",
            "document_number": "",
            "issuing_state": "",
            "surname": "|".join(entry.surnames),
            "given_names": "|".join(entry.given_names),
            "birth_date": birth,
            "nationality": entry.nationality,
            "reason": entry.reason,
        }
    canonical = json.dumps([row[f] for f in ENTRY_FIELDS], ensure_ascii=False)
    return {"entry_id": "W" + hashlib.sha256(canonical.encode()).hexdigest()[:23], **row}


@dataclass(frozen=True)
class ImportResult:
    entries: int
    documents: int
    persons: int


def import_csv(session: Session, text: str) -> ImportResult:
    """Replace the draft with the file's entries (parsed by the domain's rules; errors name the line)."""
    parsed = parse_watchlist_csv(text)
    wire = {e["entry_id"]: e for e in (entry_to_wire(p) for p in parsed)}
    now = datetime.now(UTC)
    session.execute(delete(WatchlistDraftEntry))
    if wire:
        session.add_all(
            WatchlistDraftEntry(entry_id=k, entry=json.dumps(v, ensure_ascii=False), imported_at=now)
            for k, v in wire.items()
        )
    session.commit()
    docs = sum(1 for e in wire.values() if e["list"] == "document")
    return ImportResult(entries=len(wire), documents=docs, persons=len(wire) - docs)


@dataclass(frozen=True)
class Published:
    version: int
    entries: int
    sha256: str
    unchanged: bool


def publish(session: Session) -> Published:
    """Publish the draft as the next version (nothing new is published if it is unchanged)."""
    entries = [
        json.loads(e)
        for e in session.scalars(select(WatchlistDraftEntry.entry).order_by(WatchlistDraftEntry.entry_id))
    ]
    snapshot = json.dumps(entries, ensure_ascii=False, separators=(",", ":"))
    digest = hashlib.sha256(snapshot.encode()).hexdigest()
    latest = session.scalar(select(WatchlistVersion).order_by(WatchlistVersion.version.desc()))
    if latest is not None and latest.sha256 == digest:
        return Published(latest.version, latest.entry_count, digest, unchanged=True)
    if latest is None and not entries:
        raise ValueError("nothing to publish: import a watchlist CSV first")
    version = (latest.version if latest else 0) + 1
    session.add(
        WatchlistVersion(
            version=version,
            published_at=datetime.now(UTC),
            entry_count=len(entries),
            sha256=digest,
            snapshot=snapshot,
        )
    )
    session.commit()
    return Published(version, len(entries), digest, unchanged=False)


def latest_version(session: Session) -> int | None:
    return session.scalar(select(func.max(WatchlistVersion.version)))


def update_for(session: Session, since: int | None) -> dict[str, Any] | None:
    """What a post holding version ``since`` needs: None if up to date, else a full or delta update.

    Payload (see docs/sync-protocol.md): {"version", "kind": "full"|"delta", "base_version",
    "published_at", "sha256", "entry_count", "entries" (all of them, or those added since
    ``base_version`` in a delta) and, in a delta, "removed" (entry ids)}.
    The post checks after applying that its entries hash to ``sha256``.
    """
    latest = session.scalar(select(WatchlistVersion).order_by(WatchlistVersion.version.desc()))
    if latest is None or (since is not None and since >= latest.version):
        return None
    entries: list[dict[str, Any]] = json.loads(latest.snapshot)
    head: dict[str, Any] = {
        "version": latest.version,
        "published_at": latest.published_at.isoformat(),
        "sha256": latest.sha256,
        "entry_count": latest.entry_count,
    }
    base = session.get(WatchlistVersion, since) if since else None
    if base is not None:
        old = {e["entry_id"]: e for e in json.loads(base.snapshot)}
        new = {e["entry_id"]: e for e in entries}
        added = [new[k] for k in sorted(new.keys() - old.keys())]
        removed = sorted(old.keys() - new.keys())
        if len(added) + len(removed) < len(entries):
            return {
                **head,
                "kind": "delta",
                "base_version": since,
                "entries": added,
                "removed": removed,
            }
    return {**head, "kind": "full", "base_version": None, "entries": entries}


def snapshot_digest(entries: list[dict[str, Any]]) -> str:
    """The digest a full list of entries (sorted by entry_id) has; posts check it after applying."""
    ordered = sorted(entries, key=lambda e: e["entry_id"])
    snapshot = json.dumps(ordered, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(snapshot.encode()).hexdigest()
