"""Read-only queries: records with filters and paging, dashboard, overstays, activity, export.

Every query here is shaped to an index (see storage/models.py) so it stays fast at 1,000,000
crossings: keyset paging on (occurred_at, id), document number and surname prefix lookups,
per-traveler history, and the travelers' last-crossing cache for "who is still inside".
"""

from __future__ import annotations

import csv
import json
import zoneinfo
from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any, TextIO

from rapidfuzz import fuzz, process
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from border_client.domain.names import icao_transliterate, name_similarity
from border_client.domain.traveler import age_band
from border_client.services.audit import append_audit
from border_client.services.common import Role, UserSession, require_role, utcnow
from border_client.services.registration import (
    SELECT_CROSSINGS,
    CrossingView,
    crossing_row,
    crossing_view,
    linked_traveler_ids,
)
from border_client.services.settings import load_stay_policy
from border_client.storage.db import Store
from border_client.storage.models import Alert, Crossing, Post, Traveler
from border_client.storage.rawsql import dbapi, to_db

__all__ = [
    "AGE_BANDS",
    "EXPORT_COLUMNS",
    "OverstayRow",
    "RecordFilter",
    "RecordsPage",
    "count_records",
    "dashboard",
    "export_csv",
    "get_crossing",
    "inspector_activity",
    "local_day_bounds",
    "overstays",
    "records",
    "records_page",
    "name_index",
    "search_travelers",
    "TravelerNameIndex",
    "warm_indexes",
]

AGE_BANDS = ("0-17", "18-29", "30-44", "45-59", "60+", "unknown")


@dataclass(frozen=True)
class RecordFilter:
    """Filters of the records list; all optional, combined with AND. Times are aware UTC."""

    since: datetime | None = None
    until: datetime | None = None  # exclusive
    direction: str | None = None
    nationality: str | None = None
    inspector: str | None = None
    document_number: str | None = None
    name: str | None = None  # surname prefix, transliterated (e.g. "Müll" finds MUELLER)
    traveler_id: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            k: (v.isoformat() if isinstance(v, datetime) else v)
            for k, v in self.__dict__.items()
            if v is not None
        }


@dataclass(frozen=True)
class RecordsPage:
    rows: list[CrossingView]
    next_cursor: tuple[datetime, int] | None  # pass as ``after`` for the next page


def _filter_sql(f: RecordFilter) -> tuple[str, list[Any]]:
    """The filter as a WHERE clause on the crossings table (``1`` when empty) and its values;
    every term is one an index serves (see storage/models.py)."""
    terms: list[str] = []
    values: list[Any] = []
    if f.since is not None:
        terms.append("occurred_at >= ?")
        values.append(to_db(f.since))
    if f.until is not None:
        terms.append("occurred_at < ?")
        values.append(to_db(f.until))
    if f.direction:
        terms.append("direction = ?")
        values.append(f.direction)
    if f.nationality:
        terms.append("nationality = ?")
        values.append(f.nationality.upper())
    if f.inspector:
        terms.append("inspector = ?")
        values.append(f.inspector)
    if f.document_number:
        terms.append("document_number = ?")
        values.append(f.document_number.strip().upper())
    if f.name:
        # The MRZ alphabet: a range on the surname index, not a LIKE the index cannot serve.
        prefix = icao_transliterate(f.name)
        if prefix:
            terms.append("surname >= ? AND surname < ?")
            values += [prefix, prefix + "\x7f"]
    if f.traveler_id:
        terms.append("traveler_id = ?")
        values.append(f.traveler_id)
    return (" AND ".join(terms) or "1"), values


_SELECT = SELECT_CROSSINGS
_NEWEST_FIRST = " ORDER BY occurred_at DESC, id DESC"
# A row-value comparison: SQLite seeks the (occurred_at, id) index to the cursor, where the
# equivalent OR would scan from the newest row down.
_BEFORE_CURSOR = " AND (occurred_at, id) < (?, ?)"
# The same, upward (rows newer than a key, read from it, for paging back up a table).
_OLDEST_FIRST = " ORDER BY occurred_at, id"
_AFTER_CURSOR = " AND (occurred_at, id) > (?, ?)"


def _limit(n: int) -> str:
    """`` LIMIT n`` with ``n`` written into the SQL, not bound. With a bound LIMIT, the SQLite
    inside SQLCipher (3.53) prepares the statement again on every run, as if its text were new
    (measured on the records query: 18 us a run, against 7 us with the limit in the text and
    24 us for new text each time; more than decrypting a page). The system's SQLite 3.40 does
    not. A handful of limits are used, each one a cached statement. A bound OFFSET costs
    nothing extra and stays bound."""
    if isinstance(n, bool) or not isinstance(n, int) or n < 0:
        raise ValueError(f"limit must be a non-negative integer, not {n!r}")
    return f" LIMIT {n}"


def _select_rows(db: Any, sql: str, values: Sequence[Any]) -> list[Any]:
    return [crossing_row(r) for r in db.execute(sql, values).fetchall()]


def _decorations_sql(n: int) -> str:
    """One round trip for a page's alert decisions and approved amendments (in the order they
    were decided). ``+status`` keeps SQLite on the crossing_id index rather than walking every
    approved amendment the post ever had."""
    marks = ", ".join("?" * n)
    return (
        "SELECT crossing_id, 'alert', decision, raised_at AS at FROM alerts "
        f"WHERE crossing_id IN ({marks}) "
        "UNION ALL SELECT crossing_id, 'amendment', changes, decided_at FROM amendments "
        f"WHERE +status = 'approved' AND crossing_id IN ({marks}) ORDER BY at"
    )


def _decorate(db: Any, crossings: Sequence[Any]) -> list[CrossingView]:
    """Add each crossing's alert status and approved amendments (one query per page)."""
    ids = [c.crossing_id for c in crossings]
    if not ids:
        return []
    decisions: dict[str, list[str | None]] = defaultdict(list)
    changes: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for cid, kind, value, _ in db.execute(_decorations_sql(len(ids)), ids + ids):
        if kind == "alert":
            decisions[cid].append(value)
        else:
            changes[cid].append(json.loads(value))
    out = []
    for c in crossings:
        ds = decisions.get(c.crossing_id)
        if not ds:
            status = "cleared"
        elif None in ds:
            status = "pending"
        else:
            status = next(d for d in ("refused", "referred", "allowed") if d in ds)
        out.append(crossing_view(c, status, changes.get(c.crossing_id)))
    return out


def records(
    store: Store,
    user: UserSession,
    filters: RecordFilter | None = None,
    *,
    limit: int = 100,
    after: tuple[datetime, int] | None = None,
) -> RecordsPage:
    """Newest first, keyset-paged: constant time per page at any depth."""
    require_role(user, Role.INSPECTOR, "see the post's records")
    where, values = _filter_sql(filters or RecordFilter())
    sql = f"{_SELECT} WHERE {where}"
    if after is not None:
        sql += _BEFORE_CURSOR
        values += [to_db(after[0]), after[1]]
    sql += _NEWEST_FIRST + _limit(limit)
    with store.raw_read() as db:
        rows = _select_rows(db, sql, values)
        views = _decorate(db, rows)
    cursor = (rows[-1].occurred_at, rows[-1].id) if rows and len(rows) == limit else None
    return RecordsPage(views, cursor)


def records_page(
    store: Store,
    user: UserSession,
    filters: RecordFilter | None = None,
    *,
    offset: int = 0,
    limit: int = 100,
    after: tuple[datetime, int] | None = None,
    before: tuple[datetime, int] | None = None,
    total: int | None = None,
) -> list[CrossingView]:
    """Rows ``offset`` .. ``offset + limit`` of the filtered records, newest first, for a table
    model that jumps to any row. On an unchanged store every way below gives the same rows;
    the model passes what it knows and the cheapest one is used:

    - *after*, the (occurred_at, row id) of the row just above the page: an index range from
      that key (scrolling down; constant time at any depth);
    - *before*, the key of the row just below the page: the rows above it, read upward from
      the key and turned round (scrolling up);
    - *total*, the filter's count, when the page is in the older half: an offset counted from
      the oldest row, turned round (a jump to the last row reads 100 rows, not a million);
    - else an offset from the newest row, which SQLite walks in the index (~60 ms at 500,000
      rows deep on the encrypted store, in a C call that lets other threads run).
    """
    require_role(user, Role.INSPECTOR, "see the post's records")
    if offset < 0:
        raise ValueError(f"offset must not be negative, not {offset!r}")
    where, values = _filter_sql(filters or RecordFilter())
    newest_first = True
    keep: int | None = None
    if after is not None:
        sql = f"{_SELECT} WHERE {where}{_BEFORE_CURSOR}{_NEWEST_FIRST}{_limit(limit)}"
        values += [to_db(after[0]), after[1]]
    elif before is not None:
        sql = f"{_SELECT} WHERE {where}{_AFTER_CURSOR}{_OLDEST_FIRST}{_limit(limit)}"
        values += [to_db(before[0]), before[1]]
        newest_first = False
    elif total is not None and total - offset - limit < offset:
        if offset >= total:
            return []
        # The page's rows counted from the oldest: from_oldest .. total - offset (the last page
        # may be short; the LIMIT stays the page size so the statement stays one cached one).
        from_oldest = max(0, total - offset - limit)
        keep = total - offset - from_oldest
        sql = f"{_SELECT} WHERE {where}{_OLDEST_FIRST}{_limit(limit)} OFFSET ?"
        values.append(from_oldest)
        newest_first = False
    else:
        sql = f"{_SELECT} WHERE {where}{_NEWEST_FIRST}{_limit(limit)} OFFSET ?"
        values.append(offset)
    with store.raw_read() as db:
        rows = _select_rows(db, sql, values)
        if not newest_first:
            if keep is not None:
                del rows[keep:]
            rows.reverse()
        return _decorate(db, rows)


def count_records(store: Store, user: UserSession, filters: RecordFilter | None = None) -> int:
    require_role(user, Role.INSPECTOR, "see the post's records")
    where, values = _filter_sql(filters or RecordFilter())
    with store.raw_read() as db:
        return int(db.execute(f"SELECT count(*) FROM crossings WHERE {where}", values).fetchone()[0])


def get_crossing(store: Store, user: UserSession, crossing_id: str) -> CrossingView | None:
    require_role(user, Role.INSPECTOR, "see the post's records")
    with store.read() as session:
        c = session.scalars(select(Crossing).where(Crossing.crossing_id == crossing_id)).first()
        return _decorate(dbapi(session), [c])[0] if c else None


# -- dashboard -----------------------------------------------------------------------------------


def _post_tz(session: Session) -> zoneinfo.ZoneInfo:
    post = session.get(Post, 1)
    return zoneinfo.ZoneInfo(post.timezone if post else "UTC")


def local_day_bounds(store: Store, day: date) -> tuple[datetime, datetime]:
    """The UTC instants where the post's local ``day`` starts and ends."""
    with store.read() as session:
        tz = _post_tz(session)
    start = datetime.combine(day, datetime.min.time(), tz)
    end = datetime.combine(day + timedelta(days=1), datetime.min.time(), tz)
    return start, end


def dashboard(
    store: Store, user: UserSession, since: datetime | None = None, until: datetime | None = None
) -> dict[str, Any]:
    """Entries and exits by local hour, top-10 nationalities, sex, age band; pending alerts.

    Default range: today at the post (local time).
    """
    require_role(user, Role.SUPERVISOR, "see the dashboard")
    with store.read() as session:
        tz = _post_tz(session)
        if since is None or until is None:
            today = utcnow().astimezone(tz).date()
            start = datetime.combine(today, datetime.min.time(), tz)
            since = since or start
            until = until or start + timedelta(days=1)
        rows = session.execute(
            select(
                Crossing.occurred_at,
                Crossing.direction,
                Crossing.nationality,
                Crossing.sex,
                Crossing.birth_date,
            ).where(Crossing.occurred_at >= since, Crossing.occurred_at < until)
        ).all()
        pending = session.execute(
            select(func.count()).select_from(Alert).where(Alert.decision.is_(None))
        ).scalar_one()
    by_hour = [{"hour": h, "entry": 0, "exit": 0} for h in range(24)]
    by_nat: dict[str, Counter[str]] = defaultdict(Counter)
    by_sex: dict[str, Counter[str]] = defaultdict(Counter)
    by_age: dict[str, Counter[str]] = {band: Counter() for band in AGE_BANDS}
    totals: Counter[str] = Counter()
    for at, direction, nat, sex, birth in rows:
        local = at.astimezone(tz)
        by_hour[local.hour][direction] += 1
        by_nat[nat][direction] += 1
        by_sex[sex or "X"][direction] += 1
        by_age[age_band(birth, local.date())][direction] += 1
        totals[direction] += 1
    top = sorted(by_nat.items(), key=lambda kv: -(kv[1]["entry"] + kv[1]["exit"]))[:10]
    return {
        "since": since.isoformat(),
        "until": until.isoformat(),
        "timezone": str(tz),
        "entries": totals["entry"],
        "exits": totals["exit"],
        "by_hour": by_hour,
        "by_nationality": [{"nationality": n, "entry": c["entry"], "exit": c["exit"]} for n, c in top],
        "by_sex": {s: {"entry": c["entry"], "exit": c["exit"]} for s, c in sorted(by_sex.items())},
        "by_age_band": {b: {"entry": c["entry"], "exit": c["exit"]} for b, c in by_age.items()},
        "pending_alerts": pending,
    }


def _utc(value: Any) -> datetime | None:
    if value is None:
        return None
    at = value if isinstance(value, datetime) else datetime.fromisoformat(str(value))
    return at if at.tzinfo else at.replace(tzinfo=UTC)


def inspector_activity(
    store: Store, user: UserSession, since: datetime, until: datetime
) -> list[dict[str, Any]]:
    require_role(user, Role.SUPERVISOR, "see inspectors' activity")
    with store.read() as session:
        rows = session.execute(
            select(
                Crossing.inspector,
                Crossing.direction,
                func.count(),
                func.min(Crossing.occurred_at),
                func.max(Crossing.occurred_at),
            )
            .where(Crossing.occurred_at >= since, Crossing.occurred_at < until)
            .group_by(Crossing.inspector, Crossing.direction)
        ).all()
    acc: dict[str, dict[str, Any]] = {}
    for inspector, direction, n, first, last in rows:
        a = acc.setdefault(
            inspector, {"inspector": inspector, "entry": 0, "exit": 0, "first": None, "last": None}
        )
        a[direction] = n
        a["first"] = min(filter(None, [a["first"], _utc(first)]), default=None)
        a["last"] = max(filter(None, [a["last"], _utc(last)]), default=None)
    out = []
    for a in sorted(acc.values(), key=lambda a: -(a["entry"] + a["exit"])):
        a["total"] = a["entry"] + a["exit"]
        a["first"] = a["first"].isoformat() if a["first"] else None
        a["last"] = a["last"].isoformat() if a["last"] else None
        out.append(a)
    return out


# -- overstays ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class OverstayRow:
    traveler_id: str
    surname: str
    given_names: str
    nationality: str
    document_number: str
    issuing_state: str
    entered_at: datetime
    days_stayed: int
    allowed_days: int
    days_over: int

    def to_dict(self) -> dict[str, Any]:
        d = dict(self.__dict__)
        d["entered_at"] = self.entered_at.isoformat()
        return d


def overstays(
    store: Store, user: UserSession, as_of: datetime | None = None, limit: int = 10_000
) -> list[OverstayRow]:
    """Travelers still inside (last crossing an entry) past their allowed stay, longest first."""
    require_role(user, Role.INSPECTOR, "see overstays")
    as_of = as_of or utcnow()
    with store.read() as session:
        policy = load_stay_policy(session)
        tz = _post_tz(session)
        shortest = min([policy.default_days, *policy.per_nationality.values()])
        # An entry less than the shortest allowed stay ago cannot be an overstay: the index on
        # (last_direction, last_crossing_at) keeps this a range scan.
        cutoff = as_of - timedelta(days=shortest - 1)
        candidates = session.scalars(
            select(Traveler)
            .where(Traveler.last_direction == "entry", Traveler.last_crossing_at < cutoff)
            .order_by(Traveler.last_crossing_at)
        ).all()
        today = as_of.astimezone(tz).date()
        out: list[OverstayRow] = []
        for t in candidates:
            assert t.last_crossing_at is not None
            a = policy.assess(t.nationality, t.last_crossing_at.astimezone(tz).date(), today)
            if not a.overstay or a.allowed_days is None:
                continue
            # A confirmed other document of the same person may have left since.
            group = linked_traveler_ids(session, t.id)
            if len(group) > 1:
                later = session.execute(
                    select(func.count())
                    .select_from(Traveler)
                    .where(
                        Traveler.id.in_(group - {t.id}),
                        Traveler.last_crossing_at > t.last_crossing_at,
                    )
                ).scalar_one()
                if later:
                    continue
            out.append(
                OverstayRow(
                    t.id,
                    t.surname,
                    t.given_names,
                    t.nationality,
                    t.document_number,
                    t.issuing_state,
                    t.last_crossing_at,
                    a.days,
                    a.allowed_days,
                    a.days_over,
                )
            )
            if len(out) >= limit:
                break
    out.sort(key=lambda r: -r.days_over)
    return out


# -- name search ---------------------------------------------------------------------------------


class TravelerNameIndex:
    """Travelers' name keys in memory, blocked by the surname's first letter.

    Built on first use per open store (the desktop warms it at log-in) and topped up with the
    travelers added since (ids are UUIDv7, so they sort by creation). A traveler added by
    another process with an older id than the newest one seen appears after the next open.
    Keys are kept with their words sorted, so ``fuzz.ratio`` against a sorted query gives
    ``token_sort_ratio`` without re-sorting a million strings per search.
    """

    def __init__(self) -> None:
        self.last_id = ""
        self.blocks: dict[str, tuple[list[str], list[str], list[str]]] = {}

    def refresh(self, session: Session) -> None:
        rows = session.execute(
            select(Traveler.id, Traveler.name_key, Traveler.surname_initial)
            .where(Traveler.id > self.last_id)
            .order_by(Traveler.id)
        ).all()
        for tid, key, initial in rows:
            sorted_keys, keys, ids = self.blocks.setdefault(initial, ([], [], []))
            sorted_keys.append(" ".join(sorted(key.split())))
            keys.append(key)
            ids.append(tid)
        if rows:
            self.last_id = rows[-1][0]

    def candidates(self, key: str, limit: int, cutoff: float) -> list[tuple[float, str, str]]:
        """(pre-score, traveler id, name key), best first. Every word of the query is tried as
        the surname's initial, so "HANS MUELLER" finds MUELLER HANS."""
        query = " ".join(sorted(key.split()))
        best: dict[str, tuple[float, str]] = {}
        for initial in {part[0] for part in key.split()}:
            sorted_keys, keys, ids = self.blocks.get(initial, ([], [], []))
            for _, score, i in process.extract(
                query, sorted_keys, scorer=fuzz.ratio, limit=limit, score_cutoff=cutoff
            ):
                if score > best.get(ids[i], (-1.0, ""))[0]:
                    best[ids[i]] = (score, keys[i])
        ranked = sorted(((sc, tid, k) for tid, (sc, k) in best.items()), reverse=True)
        return ranked[:limit]


def name_index(store: Store, session: Session) -> TravelerNameIndex:
    index = store.cache.get("traveler_names")
    if not isinstance(index, TravelerNameIndex):
        index = store.cache["traveler_names"] = TravelerNameIndex()
    index.refresh(session)
    return index


def search_travelers(
    store: Store,
    user: UserSession,
    name: str,
    *,
    birth_date: date | None = None,
    nationality: str | None = None,
    limit: int = 20,
    min_score: float = 70.0,
) -> list[dict[str, Any]]:
    """Fuzzy, transliteration-aware name search ("Mueller" finds MULLER and MÜLLER).

    Candidates come from an index (the birth date's, when given, else the in-memory name
    index), are ranked with rapidfuzz, and the best are scored with the domain's
    ``name_similarity`` (the one rule of what "alike" means).
    """
    require_role(user, Role.INSPECTOR, "search travelers")
    key = icao_transliterate(name)
    if not key:
        return []
    with store.read() as session:
        if birth_date is not None:
            stmt = select(Traveler.id, Traveler.name_key).where(Traveler.birth_date == birth_date)
            rows = session.execute(stmt).all()
            ranked = [
                (sc, rows[i][0], rows[i][1])
                for _, sc, i in process.extract(
                    key,
                    [r[1] for r in rows],
                    scorer=fuzz.token_sort_ratio,
                    limit=limit * 2,
                    score_cutoff=min_score - 20,
                )
            ]
        else:
            ranked = name_index(store, session).candidates(key, limit + 10, min_score - 20)
        scored = sorted(((name_similarity(key, k), tid) for _, tid, k in ranked), reverse=True)
        scored = [(sc, tid) for sc, tid in scored if sc >= min_score]
        travelers = {
            t.id: t
            for t in session.scalars(select(Traveler).where(Traveler.id.in_([tid for _, tid in scored])))
        }
        if nationality:
            scored = [(sc, t) for sc, t in scored if travelers[t].nationality == nationality.upper()]
        return [_traveler_row(travelers[tid], sc) for sc, tid in scored[:limit]]


def _traveler_row(t: Traveler, score: float) -> dict[str, Any]:
    return {
        "traveler_id": t.id,
        "surname": t.surname,
        "given_names": t.given_names,
        "nationality": t.nationality,
        "birth_date": t.birth_date.isoformat() if t.birth_date else None,
        "document_number": t.document_number,
        "issuing_state": t.issuing_state,
        "score": round(score, 1),
    }


# -- export --------------------------------------------------------------------------------------

EXPORT_COLUMNS = (
    "crossing_id",
    "occurred_at",
    "local_time",
    "direction",
    "post_code",
    "inspector",
    "travel_mode",
    "vehicle_plate",
    "purpose",
    "origin_destination",
    "document_code",
    "issuing_state",
    "document_number",
    "nationality",
    "surname",
    "given_names",
    "birth_date",
    "sex",
    "expiry_date",
    "days_stayed",
    "overstay",
    "double_entry",
    "status",
    "amended",
    "remarks",
)


def _iter_filtered(db: Any, f: RecordFilter, batch: int = 2000) -> Iterator[CrossingView]:
    where, values = _filter_sql(f)
    first = f"{_SELECT} WHERE {where}{_NEWEST_FIRST}{_limit(batch)}"
    following = f"{_SELECT} WHERE {where}{_BEFORE_CURSOR}{_NEWEST_FIRST}{_limit(batch)}"
    rows = _select_rows(db, first, values)
    while True:
        yield from _decorate(db, rows)
        if len(rows) < batch:
            return
        cursor = [to_db(rows[-1].occurred_at), rows[-1].id]
        rows = _select_rows(db, following, [*values, *cursor])


def export_csv(store: Store, user: UserSession, out: TextIO, filters: RecordFilter | None = None) -> int:
    """Write the filtered records as CSV (newest first); audited with the filter and count."""
    require_role(user, Role.SUPERVISOR, "export records")
    f = filters or RecordFilter()
    writer = csv.writer(out)
    writer.writerow(EXPORT_COLUMNS)
    n = 0
    with store.raw_read() as db:
        for view in _iter_filtered(db, f):
            d = view.to_dict()
            writer.writerow(["" if d[c] is None else d[c] for c in EXPORT_COLUMNS])
            n += 1
    with store.write() as session:
        append_audit(
            session,
            user.username,
            "records.exported",
            None,
            {"format": "csv", "rows": n, "filters": f.to_dict()},
        )
    return n


def warm_indexes(store: Store) -> None:
    """Build the in-memory watchlist and traveler-name indexes now (e.g. in a worker right
    after log-in) so the first registration and the first name search are not the slow ones."""
    from border_client.services.watchlist import get_index

    with store.read() as session:
        get_index(store, session)
        name_index(store, session)
