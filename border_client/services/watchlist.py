"""Watchlists at the post: importing and applying versions, checking travelers, late alerts.

Matching rules are the domain's (``border_client.domain.watchlist``); this module stores the
current list, keeps an in-memory index of it so a check costs well under a millisecond with
100,000 entries, and re-checks recent crossings when a newer list arrives.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from rapidfuzz import fuzz, process
from sqlalchemy import and_, bindparam, delete, func, insert, select, update
from sqlalchemy.orm import Session

from border_client.domain.errors import WatchlistCsvError
from border_client.domain.mrz import MrzDocument
from border_client.domain.names import full_name, loose_name_key
from border_client.domain.watchlist import (
    CSV_COLUMNS,
    WatchlistDocument,
    WatchlistPerson,
    document_key,
    match_document,
    match_person,
    normalize_document_number,
    parse_watchlist_csv,
)
from border_client.services.audit import append_audit
from border_client.services.common import (
    Role,
    ServiceError,
    UserSession,
    ValidationError,
    new_id,
    require_role,
    utcnow,
)
from border_client.services.outbox import enqueue
from border_client.storage.db import Store
from border_client.storage.models import Alert, Crossing, SyncState, WatchlistEntry, WatchlistVersion

__all__ = [
    "ApplyResult",
    "Hit",
    "WatchlistIndex",
    "WatchlistVersionError",
    "apply_watchlist_version",
    "current_version",
    "get_index",
    "import_watchlist_csv",
    "watchlist_status",
]

# When a post receives its very first list, crossings of this many past days are re-checked.
FIRST_LIST_RECHECK_DAYS = 30

# Cheap pre-filter before the domain's full comparison: anything the domain would call a hit
# (>= 85 on one of three rapidfuzz scores) scores well above this on the loose key.
_PREFILTER_CUTOFF = 60.0


class WatchlistVersionError(ServiceError):
    """A version that cannot be applied (e.g. a delta on top of a version we do not hold)."""


@dataclass(frozen=True)
class Hit:
    kind: str  # "document" | "person"
    entry_key: str
    score: float
    reason: str


# A block of persons: ("date", birth date), ("year", birth year) for entries that give only
# the year, or ("none", None) for entries with no birth data.
_BlockKey = tuple[str, date | int | None]


def _block_key(person: WatchlistPerson) -> _BlockKey:
    if person.birth_date is not None:
        return ("date", person.birth_date)
    if person.birth_year is not None:
        return ("year", person.birth_year)
    return ("none", None)


@dataclass
class WatchlistIndex:
    """The current list in memory: documents by folded key, persons blocked by birth data.

    A person entry with a birth date can only hit a traveler born that day, one with a birth
    year only a traveler born that year (``match_person`` refuses the others), so a traveler
    with a known birth date is compared with three blocks: that date, that year (year-only
    entries) and the entries without birth data. Without a birth date, every block.
    """

    version_id: int | None
    server_version: int | None = None
    documents: dict[str, list[WatchlistDocument]] = field(default_factory=dict)
    persons: dict[_BlockKey, list[WatchlistPerson]] = field(default_factory=dict)
    # Per block, one loose name key per variant, and the index of its person in the block.
    _choices: dict[_BlockKey, tuple[list[str], list[int]]] = field(default_factory=dict)

    @classmethod
    def build(
        cls,
        version_id: int | None,
        entries: Iterable[WatchlistDocument | WatchlistPerson],
        server_version: int | None = None,
    ) -> WatchlistIndex:
        index = cls(version_id, server_version)
        documents: dict[str, list[WatchlistDocument]] = defaultdict(list)
        persons: dict[_BlockKey, list[WatchlistPerson]] = defaultdict(list)
        for entry in entries:
            if isinstance(entry, WatchlistDocument):
                documents[entry.key].append(entry)
            else:
                persons[_block_key(entry)].append(entry)
        index.documents = dict(documents)
        index.persons = dict(persons)
        for block_key, block in persons.items():
            keys: list[str] = []
            owners: list[int] = []
            for i, person in enumerate(block):
                for variant in person.name_variants():
                    keys.append(loose_name_key(variant))
                    owners.append(i)
            index._choices[block_key] = (keys, owners)
        return index

    def __len__(self) -> int:
        return sum(map(len, self.documents.values())) + sum(map(len, self.persons.values()))

    def check_document(self, doc: MrzDocument) -> list[Hit]:
        """The hits of a document as read (number, issuing state, names, birth, nationality)."""
        return self.check(
            document_number=doc.document_number,
            issuing_state=doc.issuing_state,
            surname=doc.surname,
            given_names=doc.given_names,
            birth_date=doc.birth_date,
            nationality=doc.nationality,
        )

    def check(
        self,
        *,
        document_number: str,
        issuing_state: str,
        surname: str,
        given_names: str,
        birth_date: date | None,
        nationality: str,
    ) -> list[Hit]:
        hits: list[Hit] = []
        for entry in self.documents.get(document_key(document_number, issuing_state), ()):
            doc_hit = match_document(document_number, issuing_state, entry)
            if doc_hit is not None:
                hits.append(Hit("document", entry.entry_id, doc_hit.score, doc_hit.reason))
        if birth_date is None:
            blocks: Sequence[_BlockKey] = list(self.persons)  # unknown birth: all blocks
        else:
            blocks = (("date", birth_date), ("year", birth_date.year), ("none", None))
        query = loose_name_key(full_name(surname, given_names))
        for block_key in blocks:
            block = self.persons.get(block_key)
            if not block or not query:
                continue
            keys, owners = self._choices[block_key]
            candidates = {
                owners[i]
                for _, _, i in process.extract(
                    query,
                    keys,
                    scorer=fuzz.token_set_ratio,
                    score_cutoff=_PREFILTER_CUTOFF,
                    limit=None,
                )
            }
            for i in sorted(candidates):
                person = block[i]
                person_hit = match_person(surname, given_names, birth_date, nationality, person)
                if person_hit is not None:
                    hits.append(Hit("person", person.entry_id, round(person_hit.score, 1), person_hit.reason))
        return sorted(hits, key=lambda h: -h.score)


# -- stored entries <-> domain entries ---------------------------------------------------------


def _entry_key(kind: str, values: dict[str, str]) -> str:
    """A stable id for a CSV row: the same entry in two imports is recognised as not new."""
    basis = "|".join(
        [kind, normalize_document_number(values.get("document_number", ""))]
        + [values.get(c, "").strip().upper() for c in CSV_COLUMNS[2:7]]
    )
    return "csv-" + hashlib.sha256(basis.encode("utf-8")).hexdigest()[:32]


def _domain_entry(row: WatchlistEntry) -> WatchlistDocument | WatchlistPerson:
    if row.list_kind == "document":
        return WatchlistDocument(row.document_number, row.issuing_state, row.reason, row.entry_key)
    birth: date | None = None
    year: int | None = None
    if len(row.birth_date) == 10:
        birth = date.fromisoformat(row.birth_date)
        year = birth.year
    elif len(row.birth_date) == 4:
        year = int(row.birth_date)
    return WatchlistPerson(
        tuple(s for s in row.surname.split("|") if s),
        tuple(g for g in row.given_names.split("|") if g),
        birth,
        year,
        row.nationality,
        row.reason,
        row.entry_key,
    )


def _rows_from_entries(
    parsed: Sequence[WatchlistDocument | WatchlistPerson], keys: Sequence[str], version_id: int
) -> list[dict[str, Any]]:
    rows = []
    for entry, key in zip(parsed, keys, strict=True):
        if isinstance(entry, WatchlistDocument):
            rows.append(
                {
                    "entry_key": key,
                    "list_kind": "document",
                    "document_number": entry.document_number,
                    "number_key": normalize_document_number(entry.document_number),
                    "issuing_state": entry.issuing_state,
                    "surname": "",
                    "given_names": "",
                    "birth_date": "",
                    "nationality": "",
                    "reason": entry.reason,
                    "version_added": version_id,
                }
            )
        else:
            birth = (
                entry.birth_date.isoformat()
                if entry.birth_date
                else (str(entry.birth_year) if entry.birth_year else "")
            )
            rows.append(
                {
                    "entry_key": key,
                    "list_kind": "person",
                    "document_number": "",
                    "number_key": "",
                    "issuing_state": "",
                    "surname": "|".join(entry.surnames),
                    "given_names": "|".join(entry.given_names),
                    "birth_date": birth,
                    "nationality": entry.nationality,
                    "reason": entry.reason,
                    "version_added": version_id,
                }
            )
    return rows


def _parse_fields(items: Sequence[dict[str, Any]], where: str) -> list[WatchlistDocument | WatchlistPerson]:
    """Validate entries given as field dicts with the domain's CSV rules (one source of truth)."""
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=list(CSV_COLUMNS), extrasaction="ignore")
    writer.writeheader()
    for item in items:
        writer.writerow({c: str(item.get(c) or "") for c in CSV_COLUMNS})
    try:
        parsed = parse_watchlist_csv(buf.getvalue())
    except WatchlistCsvError as exc:
        raise ValidationError(f"{where}: {exc} (line 2 is the first entry)") from None
    if len(parsed) != len(items):
        raise ValidationError(f"{where}: an entry is empty")
    return parsed


# -- versions --------------------------------------------------------------------------------


def current_version(session: Session) -> WatchlistVersion | None:
    return session.scalars(
        select(WatchlistVersion).order_by(WatchlistVersion.id.desc()).limit(1)
    ).one_or_none()


_CURRENT_VERSION_ID = select(func.max(WatchlistVersion.__table__.c.id))


def get_index(store: Store, session: Session) -> WatchlistIndex:
    """The in-memory index of the current list, rebuilt when another version was applied."""
    version_id = session.execute(_CURRENT_VERSION_ID).scalar_one()
    cached = store.cache.get("watchlist_index")
    if isinstance(cached, WatchlistIndex) and cached.version_id == version_id:
        return cached
    version = current_version(session)
    rows = session.scalars(select(WatchlistEntry)).all()
    index = WatchlistIndex.build(
        version_id, (_domain_entry(r) for r in rows), version.server_version if version else None
    )
    store.cache["watchlist_index"] = index
    return index


@dataclass(frozen=True)
class ApplyResult:
    applied: bool
    version_id: int | None
    server_version: int | None
    entries: int
    added: int
    removed: int
    rechecked: int
    late_alerts: int

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


_CONTENT = (
    "list_kind",
    "document_number",
    "number_key",
    "issuing_state",
    "surname",
    "given_names",
    "birth_date",
    "nationality",
    "reason",
)


def _replace_entries(
    session: Session,
    new_rows: list[dict[str, Any]],
    removed_keys: set[str],
    full: bool,
) -> tuple[set[str], int]:
    """Make the entry table hold the new list; returns (keys of added entries, removed count)."""
    table = WatchlistEntry.__table__
    conn = session.connection()
    cols = [table.c.entry_key, table.c.id] + [table.c[c] for c in _CONTENT]
    existing = {row[0]: (row[1], tuple(row[2:])) for row in conn.execute(select(*cols))}
    incoming = {r["entry_key"]: r for r in new_rows}
    if full:
        removed_keys = set(existing) - set(incoming)
    gone = [existing[k][0] for k in removed_keys if k in existing]
    for start in range(0, len(gone), 500):
        conn.execute(delete(WatchlistEntry).where(table.c.id.in_(gone[start : start + 500])))
    added = [r for k, r in incoming.items() if k not in existing]
    if added:
        # Core executemany: a 100,000-entry list goes in without per-row ORM bookkeeping.
        conn.execute(insert(WatchlistEntry), added)
    # Entries kept but changed (e.g. a new reason) are rewritten; unchanged ones are left alone.
    changed = [
        {"row_id": existing[k][0], **{c: r[c] for c in _CONTENT}}
        for k, r in incoming.items()
        if k in existing and existing[k][1] != tuple(r[c] for c in _CONTENT)
    ]
    if changed:
        conn.execute(
            update(WatchlistEntry)
            .where(table.c.id == bindparam("row_id"))
            .values({c: bindparam(c) for c in _CONTENT}),
            changed,
        )
    return {r["entry_key"] for r in added}, len(gone)


def _recheck(
    store: Store,
    session: Session,
    previous_id: int | None,
    added_keys: set[str],
) -> tuple[int, int]:
    """Re-check crossings registered against the previous list, on the newly added entries."""
    if not added_keys:
        return 0, 0
    rows = (
        session.scalars(select(WatchlistEntry).where(WatchlistEntry.entry_key.in_(list(added_keys)))).all()
        if len(added_keys) <= 900
        else [r for r in session.scalars(select(WatchlistEntry)).all() if r.entry_key in added_keys]
    )
    mini = WatchlistIndex.build(None, (_domain_entry(r) for r in rows))
    if previous_id is None:
        # The post's first list: re-check the recent past only, not years of history.
        where = and_(
            Crossing.watchlist_version.is_(None),
            Crossing.occurred_at >= utcnow() - timedelta(days=FIRST_LIST_RECHECK_DAYS),
        )
    else:
        where = Crossing.watchlist_version == previous_id
    rechecked = late = 0
    for crossing in session.scalars(select(Crossing).where(where)).yield_per(1000):
        rechecked += 1
        hits = mini.check(
            document_number=crossing.document_number,
            issuing_state=crossing.issuing_state,
            surname=crossing.surname,
            given_names=crossing.given_names,
            birth_date=date.fromisoformat(crossing.birth_date) if crossing.birth_date else None,
            nationality=crossing.nationality,
        )
        for hit in hits:
            already = session.execute(
                select(Alert.alert_id).where(
                    Alert.crossing_id == crossing.crossing_id,
                    Alert.watchlist_entry_id == hit.entry_key,
                )
            ).first()
            if already is None:
                raise_alert(session, None, crossing.crossing_id, hit, late=True)
                late += 1
    return rechecked, late


def raise_alert(session: Session, actor: str | None, crossing_id: str, hit: Hit, *, late: bool) -> Alert:
    """Record an alert for a hit, with its outbox event and audit entry."""
    now = utcnow()
    alert = Alert(
        alert_id=new_id(),
        crossing_id=crossing_id,
        kind=hit.kind,
        watchlist_entry_id=hit.entry_key,
        score=hit.score,
        reason=hit.reason,
        raised_at=now,
        late=late,
        note="",
    )
    session.add(alert)
    enqueue(
        session,
        "alert.raised",
        {
            "alert_id": alert.alert_id,
            "crossing_id": crossing_id,
            "kind": hit.kind,
            "watchlist_entry_id": hit.entry_key,
            "score": hit.score,
            "reason": hit.reason,
            "raised_at": now.isoformat(),
            "late": late,
        },
        at=now,
    )
    append_audit(
        session,
        actor,
        "alert.raised",
        alert.alert_id,
        {"crossing_id": crossing_id, "kind": hit.kind, "late": late},
        at=now,
    )
    return alert


_WIRE_FIELDS = (
    "list",
    "document_number",
    "issuing_state",
    "surname",
    "given_names",
    "birth_date",
    "nationality",
    "reason",
)


def _server_list_digest(session: Session) -> str:
    """SHA-256 of the central office's entries held, in the wire form the server hashes:
    entries sorted by entry_id, compact JSON, fields in CSV order after the id."""
    table = WatchlistEntry.__table__
    rows = (
        session.connection()
        .execute(
            select(
                table.c.entry_key,
                table.c.list_kind,
                table.c.document_number,
                table.c.issuing_state,
                table.c.surname,
                table.c.given_names,
                table.c.birth_date,
                table.c.nationality,
                table.c.reason,
            ).where(table.c.entry_key.like("srv-%"))
        )
        .all()
    )
    wire = sorted(
        ({"entry_id": r[0][4:], **dict(zip(_WIRE_FIELDS, r[1:], strict=True))} for r in rows),
        key=lambda e: e["entry_id"],
    )
    text = json.dumps(wire, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _apply(
    store: Store,
    actor: str | None,
    *,
    source: str,
    server_version: int | None,
    parsed: Sequence[WatchlistDocument | WatchlistPerson],
    keys: Sequence[str],
    removed_keys: set[str],
    full: bool,
    expected_sha256: str | None = None,
) -> ApplyResult:
    with store.write() as session:
        previous = current_version(session)
        previous_id = previous.id if previous else None
        now = utcnow()
        version = WatchlistVersion(
            source=source, server_version=server_version, applied_at=now, entry_count=0
        )
        session.add(version)
        session.flush()
        rows = _rows_from_entries(parsed, keys, version.id)
        added_keys, removed = _replace_entries(session, rows, removed_keys, full)
        if expected_sha256 is not None:
            # The list now held must be exactly the central office's; otherwise roll back.
            held = _server_list_digest(session)
            if held != expected_sha256:
                raise WatchlistVersionError(
                    f"watchlist version {server_version}: the applied list does not match the "
                    "central office's digest (corrupt or partial update); the last good list "
                    "is kept, a full version is needed"
                )
        version.entry_count = session.execute(select(func.count(WatchlistEntry.id))).scalar_one()
        version.added = len(added_keys)
        version.removed = removed
        if server_version is not None:
            state = session.get(SyncState, 1)
            if state is not None:
                state.watchlist_version = server_version
        rechecked, late = _recheck(store, session, previous_id, added_keys)
        append_audit(
            session,
            actor,
            "watchlist.applied",
            str(version.id),
            {
                "source": source,
                "server_version": server_version,
                "entries": version.entry_count,
                "added": version.added,
                "removed": removed,
                "late_alerts": late,
            },
        )
        result = ApplyResult(
            True,
            version.id,
            server_version,
            version.entry_count,
            version.added,
            removed,
            rechecked,
            late,
        )
    store.cache.pop("watchlist_index", None)
    return result


def _check_field_counts(csv_text: str) -> None:
    """A line with more fields than the header (a stray comma) is named, not a crash."""
    reader = csv.reader(io.StringIO(csv_text.lstrip("\ufeff")))
    header = next(reader, None)
    if header is None:
        raise ValidationError("watchlist CSV: the file is empty")
    for row in reader:
        if len(row) > len(header):
            raise ValidationError(
                f"watchlist CSV: line {reader.line_num}: {len(row)} fields but the header has "
                f"{len(header)} (a comma inside a value must be quoted)"
            )


def import_watchlist_csv(store: Store, user: UserSession, csv_text: str) -> ApplyResult:
    """Replace the post's list with a CSV file's entries (CSV columns as in the domain)."""
    require_role(user, Role.SUPERVISOR, "import a watchlist")
    _check_field_counts(csv_text)
    try:
        parsed = parse_watchlist_csv(csv_text)
    except WatchlistCsvError as exc:
        raise ValidationError(f"watchlist CSV: {exc}") from None
    reader = csv.DictReader(io.StringIO(csv_text.lstrip("\ufeff")))
    keys = []
    seen: set[str] = set()
    unique_parsed = []
    for entry, row in zip(
        parsed, (r for r in reader if any((v or "").strip() for v in r.values())), strict=True
    ):
        values = {(k or "").strip(): (v or "").strip() for k, v in row.items()}
        key = _entry_key(values.get("list", "").lower(), values)
        if key in seen:
            continue  # a duplicated line adds nothing
        seen.add(key)
        keys.append(key)
        unique_parsed.append(entry)
    return _apply(
        store,
        user.username,
        source="csv",
        server_version=None,
        parsed=unique_parsed,
        keys=keys,
        removed_keys=set(),
        full=True,
    )


def apply_watchlist_version(store: Store, payload: dict[str, Any]) -> ApplyResult:
    """Apply a version from the central office atomically (all or nothing; the last good stays).

    ``payload``: ``{"version": int, "kind": "full"|"delta", "base_version": int|null,
    "entries": [{"entry_id", "list", "document_number", "issuing_state", "surname",
    "given_names", "birth_date", "nationality", "reason"}], "removed": [entry_id, ...]}``.
    A version not newer than the one held is ignored (``applied`` False): applying is idempotent.
    """
    try:
        version = int(payload["version"])
        kind = str(payload.get("kind", "full"))
        entries = list(payload.get("entries") or [])
        removed = {str(x) for x in payload.get("removed") or []}
    except (KeyError, TypeError, ValueError) as exc:
        raise ValidationError(f"watchlist version payload is malformed: {exc}") from None
    if kind not in ("full", "delta"):
        raise ValidationError(f"watchlist version kind {kind!r}: expected full or delta")
    with store.read() as session:
        state = session.get(SyncState, 1)
        held = state.watchlist_version if state else None
    if held is not None and version <= held:
        return ApplyResult(False, None, held, 0, 0, 0, 0, 0)
    if kind == "delta":
        base = payload.get("base_version")
        if held is None or base is None or int(base) != held:
            raise WatchlistVersionError(
                f"watchlist delta {version} is based on version {base}, this post holds {held}; "
                "a full version is needed"
            )
    ids = [str(e.get("entry_id") or "") for e in entries if isinstance(e, dict)]
    if len(ids) != len(entries) or not all(ids):
        raise ValidationError("watchlist version payload: every entry needs an entry_id")
    parsed = _parse_fields(entries, f"watchlist version {version}")
    return _apply(
        store,
        None,
        source="server",
        server_version=version,
        parsed=parsed,
        keys=[f"srv-{i}" for i in ids],
        removed_keys={f"srv-{i}" for i in removed},
        full=(kind == "full"),
        expected_sha256=str(payload["sha256"]) if payload.get("sha256") else None,
    )


def watchlist_status(store: Store) -> dict[str, Any]:
    with store.read() as session:
        version = current_version(session)
        if version is None:
            return {"version_id": None, "entries": 0}
        return {
            "version_id": version.id,
            "source": version.source,
            "server_version": version.server_version,
            "applied_at": version.applied_at.isoformat(),
            "entries": version.entry_count,
        }
