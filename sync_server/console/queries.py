"""Every read the console makes, as functions over a Connection (the pages and the JSON API share them).

They read the core's query tables (crossings, alerts, devices, ...) through indexes, and the
console's summary tables (``console_flow_daily``, ``console_post_daily``, ``console_travelers``)
where a scan of crossings would not stay under a second on millions of rows.
Days are UTC days.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from rapidfuzz import fuzz, process
from sqlalchemy import and_, case, exists, func, literal, or_, select, tuple_, union_all
from sqlalchemy.engine import Connection

from border_client.domain import names
from border_client.domain.stay import StayPolicy
from border_client.domain.watchlist import normalize_document_number
from sync_server.console.i18n import N_, TranslatableError
from sync_server.console.summaries import AGE_BANDS, DIMENSIONS
from sync_server.console.tables import (
    console_flow_daily,
    console_flow_dims,
    console_post_daily,
    console_travelers,
)
from sync_server.models import (
    Alert,
    Crossing,
    Device,
    Event,
    IdentityLink,
    Post,
    QuarantinedEvent,
    WatchlistDraftEntry,
    WatchlistVersion,
)

crossings = Crossing.__table__
alerts_t = Alert.__table__
devices_t = Device.__table__
posts_t = Post.__table__
events_t = Event.__table__
quarantine_t = QuarantinedEvent.__table__
links_t = IdentityLink.__table__
wl_versions_t = WatchlistVersion.__table__
wl_draft_t = WatchlistDraftEntry.__table__

MAX_RANGE_DAYS = 3660
SEARCH_CANDIDATES = 5000
PREFILTER_KEEP = 300
# Exits without an entry are read in chunks of at most this many rows: the linked-identity check
# binds each row's traveler id, and PostgreSQL takes at most 65,535 parameters a statement.
UNMATCHED_CHUNK = 1000


class QueryError(TranslatableError):
    """A request the console cannot answer as asked (the message says why)."""


def day_bounds(start: date, end: date) -> tuple[datetime, datetime]:
    """[start 00:00 UTC, end+1 00:00 UTC) for an inclusive range of days."""
    if end < start:
        raise QueryError(N_("The end date {end} is before the start date {start}."), end=end, start=start)
    if (end - start).days > MAX_RANGE_DAYS:
        raise QueryError(N_("A date range is at most {n} days."), n=MAX_RANGE_DAYS)
    return (
        datetime.combine(start, time.min, tzinfo=UTC),
        datetime.combine(end + timedelta(days=1), time.min, tzinfo=UTC),
    )


def _as_utc(value: Any) -> datetime | None:
    """Aggregates (max of a UTC column) come back without the column type's processing."""
    if value is None:
        return None
    parsed: datetime = datetime.fromisoformat(value) if isinstance(value, str) else value
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _health(text_value: str | None) -> dict[str, Any]:
    try:
        data = json.loads(text_value or "{}")
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


# --- Posts ---------------------------------------------------------------------------------


def posts_overview(conn: Connection, today: date) -> list[dict[str, Any]]:
    """One row per device (posts without a device get one row), with events received today."""
    today_counts = dict(
        conn.execute(
            select(console_post_daily.c.post_code, console_post_daily.c.events).where(
                console_post_daily.c.day == today
            )
        ).all()
    )
    rows = conn.execute(
        select(posts_t.c.post_code, posts_t.c.name, devices_t)
        .select_from(posts_t.outerjoin(devices_t, devices_t.c.post_code == posts_t.c.post_code))
        .order_by(posts_t.c.post_code, devices_t.c.enrolled_at)
    ).mappings()
    out: list[dict[str, Any]] = []
    for r in rows:
        health = _health(r["health"])
        out.append(
            {
                "post_code": r["post_code"],
                "post_name": r["name"],
                "device_id": r["device_id"],
                "status": r["status"],
                "hostname": r["hostname"],
                "enrolled_at": r["enrolled_at"],
                "last_sync_at": r["last_sync_at"],
                "acked_seq": r["acked_seq"],
                "queue_length": r["queue_length"],
                "oldest_pending_at": r["oldest_pending_at"],
                "app_version": r["app_version"],
                "last_error": r["last_error"],
                "watchlist_version": health.get("watchlist_version"),
                "events_today": int(today_counts.get(r["post_code"], 0)),
            }
        )
    return out


def post_codes(conn: Connection) -> list[str]:
    return list(conn.execute(select(posts_t.c.post_code).order_by(posts_t.c.post_code)).scalars())


# --- Flows ---------------------------------------------------------------------------------


@dataclass
class FlowReport:
    start: date
    end: date
    post_code: str | None
    total_entries: int = 0
    total_exits: int = 0
    by_day: list[dict[str, Any]] = field(default_factory=list)
    by_post: list[dict[str, Any]] = field(default_factory=list)
    by_nationality: list[dict[str, Any]] = field(default_factory=list)
    by_sex: list[dict[str, Any]] = field(default_factory=list)
    by_age_band: list[dict[str, Any]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "post_code": self.post_code,
            "total_entries": self.total_entries,
            "total_exits": self.total_exits,
            "by_day": self.by_day,
            "by_post": self.by_post,
            "by_nationality": self.by_nationality,
            "by_sex": self.by_sex,
            "by_age_band": self.by_age_band,
        }


def _split_directions(conn: Connection, table: Any, column: Any, conds: list[Any]) -> list[dict[str, Any]]:
    entries = func.sum(case((table.c.direction == "entry", table.c.crossings), else_=0))
    exits = func.sum(case((table.c.direction == "exit", table.c.crossings), else_=0))
    rows = conn.execute(
        select(column.label("key"), entries.label("entries"), exits.label("exits"))
        .where(*conds)
        .group_by(column)
        .order_by(column)
    ).all()
    return [
        {"key": k.isoformat() if isinstance(k, date) else k, "entries": int(e), "exits": int(x)}
        for k, e, x in rows
    ]


def _month_start(d: date) -> date:
    return d.replace(day=1)


def _next_month(d: date) -> date:
    return (d.replace(day=28) + timedelta(days=4)).replace(day=1)


def _dims_cover(start: date, end: date) -> Any:
    """Rows of console_flow_dims covering [start, end]: whole months by month, the rest by day."""
    t = console_flow_dims
    first_full = start if start.day == 1 else _next_month(start)
    after_last_full = _month_start(end + timedelta(days=1))  # months ending on or before `end`
    if first_full >= after_last_full:
        return and_(t.c.period == "D", t.c.day >= start, t.c.day <= end)
    return or_(
        and_(t.c.period == "M", t.c.day >= first_full, t.c.day < after_last_full),
        and_(t.c.period == "D", t.c.day >= start, t.c.day < first_full),
        and_(t.c.period == "D", t.c.day >= after_last_full, t.c.day <= end),
    )


def flows(conn: Connection, start: date, end: date, post_code: str | None = None) -> FlowReport:
    """Entries and exits by day, post, nationality, sex and age band over [start, end]."""
    day_bounds(start, end)
    report = FlowReport(start=start, end=end, post_code=post_code or None)
    f = console_flow_daily
    conds: list[Any] = [f.c.day >= start, f.c.day <= end]
    if post_code:
        conds.append(f.c.post_code == post_code)
    by_day = {r["key"]: r for r in _split_directions(conn, f, f.c.day, conds)}
    # Every day of the range appears, zero or not: a chart with holes misleads.
    day = start
    while day <= end:
        key = day.isoformat()
        report.by_day.append(by_day.get(key, {"key": key, "entries": 0, "exits": 0}))
        day += timedelta(days=1)
    report.by_post = _split_directions(conn, f, f.c.post_code, conds)
    d = console_flow_dims
    cover = _dims_cover(start, end)
    for dimension in DIMENSIONS:
        dconds: list[Any] = [d.c.dimension == dimension, cover]
        if post_code:
            dconds.append(d.c.post_code == post_code)
        rows = [r for r in _split_directions(conn, d, d.c.value, dconds) if r["entries"] or r["exits"]]
        if dimension == "nationality":
            report.by_nationality = sorted(rows, key=lambda r: (-(r["entries"] + r["exits"]), r["key"]))
        elif dimension == "sex":
            report.by_sex = rows
        else:
            bands = {r["key"]: r for r in rows}
            report.by_age_band = [bands[b] for b in AGE_BANDS if b in bands]
    report.total_entries = sum(r["entries"] for r in report.by_post)
    report.total_exits = sum(r["exits"] for r in report.by_post)
    return report


FLOW_CSV_COLUMNS = ("day", "post_code", "direction", "dimension", "value", "crossings")


def _flow_rows_query(start: date, end: date, post_code: str | None, dialect: str = "") -> Any:
    day_bounds(start, end)
    f = console_flow_daily
    d = console_flow_dims
    totals = select(
        f.c.day,
        f.c.post_code,
        f.c.direction,
        literal("total").label("dimension"),
        literal("").label("value"),
        f.c.crossings,
    ).where(f.c.day >= start, f.c.day <= end, f.c.crossings != 0)
    dims = select(d.c.day, d.c.post_code, d.c.direction, d.c.dimension, d.c.value, d.c.crossings).where(
        d.c.period == "D", d.c.day >= start, d.c.day <= end, d.c.crossings != 0
    )
    if post_code:
        totals = totals.where(f.c.post_code == post_code)
        dims = dims.where(d.c.post_code == post_code)
    u = union_all(totals, dims).subquery()
    order = case(
        (u.c.dimension == "total", 0),
        (u.c.dimension == "nationality", 1),
        (u.c.dimension == "sex", 2),
        else_=3,
    )
    keys: list[Any] = [u.c.post_code, u.c.direction, u.c.value]
    if dialect == "postgresql":
        # Byte order (what SQLite's BINARY gives too): these are codes, and the sort of a
        # year's rows (~400,000 at 5M events) runs several times faster than under a locale.
        keys = [k.collate("C") for k in keys]
    return select(u).order_by(u.c.day, keys[0], keys[1], order, keys[2])


def flow_rows(
    conn: Connection, start: date, end: date, post_code: str | None = None
) -> list[tuple[Any, ...]]:
    """The daily figures behind a flow report, for CSV export: a "total" row per day, post and
    direction, then its breakdown by nationality, sex and age band."""
    query = _flow_rows_query(start, end, post_code, conn.dialect.name)
    return [tuple(r) for r in conn.execute(query).all()]


def stream_flow_rows(
    conn: Connection, start: date, end: date, post_code: str | None = None, *, chunk: int = 5000
) -> Iterator[tuple[Any, ...]]:
    """``flow_rows`` read through a server-side cursor, ``chunk`` rows at a time: a ten-year
    export (millions of rows) never sits in memory whole. The range is checked on the first
    ``next()``, before any row."""
    query = _flow_rows_query(start, end, post_code, conn.dialect.name)
    result = conn.execution_options(stream_results=True, yield_per=chunk).execute(query)
    for partition in result.partitions():
        for r in partition:
            yield tuple(r)


def flow_csv(conn: Connection, start: date, end: date, post_code: str | None = None) -> Iterator[str]:
    """The flows CSV export (header, then ``flow_rows``) as text pieces of about 64 kB.

    On PostgreSQL the server writes the CSV itself (``COPY (query) TO STDOUT``, C speed, rows
    streamed as they are produced); elsewhere rows come through a server-side cursor and
    Python's csv writer. Both give the same bytes (a test compares them).
    """
    query = _flow_rows_query(start, end, post_code, conn.dialect.name)  # checks the range first
    header = ",".join(FLOW_CSV_COLUMNS) + "\n"
    if conn.dialect.name == "postgresql":
        # The bounds are dates and a post code already validated; literal binds are escaped
        # by the dialect. An empty value goes out as NULL, i.e. unquoted, as csv.writer writes it.
        inner = str(query.compile(dialect=conn.dialect, compile_kwargs={"literal_binds": True}))
        columns = ", ".join("NULLIF(s.value, '')" if c == "value" else f"s.{c}" for c in FLOW_CSV_COLUMNS)
        driver = conn.connection.driver_connection
        assert driver is not None
        yield header
        with driver.cursor() as cur:
            cur.execute("SET LOCAL datestyle = 'ISO'")
            # A year's rows sort in memory rather than in temporary files (this transaction only).
            cur.execute("SET LOCAL work_mem = '64MB'")
            pending: list[str] = []
            size = 0
            with cur.copy(f"COPY (SELECT {columns} FROM ({inner}) AS s) TO STDOUT (FORMAT csv)") as copy:
                for block in copy:
                    text = bytes(block).decode("utf-8")
                    pending.append(text)
                    size += len(text)
                    if size > 65536:
                        yield "".join(pending)
                        pending, size = [], 0
            yield "".join(pending)
        return
    yield from _flow_csv_python(conn, start, end, post_code)


def _flow_csv_python(conn: Connection, start: date, end: date, post_code: str | None) -> Iterator[str]:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(FLOW_CSV_COLUMNS)
    for r in stream_flow_rows(conn, start, end, post_code):
        writer.writerow([r[0].isoformat() if isinstance(r[0], date) else r[0], *r[1:]])
        if buf.tell() > 65536:
            yield buf.getvalue()
            buf.seek(0)
            buf.truncate()
    yield buf.getvalue()


# --- Travelers -----------------------------------------------------------------------------


def _prefix_range(column: Any, prefix: str) -> Any:
    # A range instead of LIKE 'ABC%': a plain b-tree serves it (the key columns compare in
    # byte order, collation "C" on PostgreSQL, so the successor of the prefix bounds it).
    upper = prefix[:-1] + chr(ord(prefix[-1]) + 1)
    return and_(column >= prefix, column < upper)


def search_travelers(
    conn: Connection,
    *,
    document_number: str | None = None,
    name: str | None = None,
    birth_date: date | None = None,
    limit: int = 50,
    min_score: float = 75.0,
) -> list[dict[str, Any]]:
    """Travelers by document number (normalized: O/0, I/1 confusions folded) or by fuzzy name.

    The name is transliterated the ICAO way and folded to a loose key ('Müller', 'MULLER' and
    'MUELLER' all give MULER); candidates share the first letters of that key in their surname
    or first given name (so surname and given names may come in either order), and are ranked
    by transliteration-aware similarity. Candidates come in tiers (exact keys first, then
    prefixes, see below), each only if the page is not yet full. A birth date narrows either search.
    """
    t = console_travelers
    doc = normalize_document_number(document_number or "")
    query_name = names.name_key(name or "")
    if not doc and not query_name and birth_date is None:
        raise QueryError(N_("Give a document number, a name or a birth date."))
    conds: list[Any] = []
    if birth_date is not None:
        conds.append(t.c.birth_date == birth_date.isoformat())
    if doc:
        conds.append(_prefix_range(t.c.document_number, doc))
    if not query_name:
        return _scored(_candidates(conn, conds), "", min_score, limit)
    keys = [
        names.loose_name_key(part)[:200]
        for part in query_name.split(" ")
        if len(names.loose_name_key(part)) >= 2
    ]
    parts = [k[:3] for k in keys]
    prefixes = sorted(set(parts) or {names.loose_name_key(query_name)[:3]})
    # Any part as the surname or the first given name: the widest net.
    broad = [_prefix_range(t.c.surname_key, p) for p in prefixes] + [
        _prefix_range(t.c.given_key, p) for p in prefixes
    ]
    # Tiers, each run only when the one before it did not fill the page, so that a common name
    # on millions of travelers costs one page of index reads, not every traveler of that name:
    # 1. the exact loose keys (transliteration variants share them: MÜLLER, MUELLER, MULLER);
    # 2. for two parts or more, a surname starting like one part and a first given name like
    #    another (either order), through both indexes' bitmaps;
    # 3. (when nothing was found) any part alone as a prefix.
    if len(keys) >= 2:
        exact = or_(
            *[
                and_(t.c.surname_key == keys[i], t.c.given_key == keys[j])
                for i in range(len(keys))
                for j in range(len(keys))
                if i != j
            ],
            and_(t.c.given_key == "", t.c.surname_key.in_(keys)),
            and_(t.c.surname_key == "", t.c.given_key.in_(keys)),
        )
        rows = _candidates(conn, [*conds, exact])
    else:
        # One part: each key's most recent travelers read backwards off (key, last_occurred_at).
        rows = _merge_recent(
            _candidates(conn, [*conds, t.c.surname_key == k])
            + _candidates(conn, [*conds, t.c.given_key == k])
            for k in keys[:1]
        )
    hits = _scored(rows, query_name, min_score, limit)
    if len(hits) >= limit:
        return hits
    if len(parts) >= 2:
        pairs = [
            and_(_prefix_range(t.c.surname_key, parts[i]), _prefix_range(t.c.given_key, parts[j]))
            for i in range(len(parts))
            for j in range(len(parts))
            if i != j
        ]
        single = [
            and_(t.c.given_key == "", or_(*[_prefix_range(t.c.surname_key, p) for p in prefixes])),
            and_(t.c.surname_key == "", or_(*[_prefix_range(t.c.given_key, p) for p in prefixes])),
        ]
        rows = _merge_recent([rows, _candidates_by_ranges(conn, conds, [*pairs, *single])])
        hits = _scored(rows, query_name, min_score, limit)
        if hits:
            return hits
    return _scored(_candidates_by_ranges(conn, conds, broad), query_name, min_score, limit)


def _candidates_by_ranges(conn: Connection, conds: list[Any], ranges: list[Any]) -> list[Any]:
    """The most recent travelers matching any of ``ranges`` (prefix ranges on the name keys), in
    two steps: keys and times from the name-key indexes (which hold both keys, the time and
    the traveler key: index-only scans, one per range, no table rows read for the thousands a
    common prefix matches), then the rows of the few thousand most recent."""
    t = console_travelers
    branches = [select(t.c.traveler_key, t.c.last_occurred_at).where(*conds, r) for r in ranges]
    u = union_all(*branches).subquery() if len(branches) > 1 else branches[0].subquery()
    top = select(u.c.traveler_key).order_by(u.c.last_occurred_at.desc()).limit(SEARCH_CANDIDATES).subquery()
    # One statement: the database joins the few thousand keys to their rows (primary key).
    found = conn.execute(select(t).join(top, t.c.traveler_key == top.c.traveler_key)).mappings().all()
    rows = {r["traveler_key"]: r for r in found}  # a traveler matching two ranges comes twice
    return sorted(rows.values(), key=lambda r: r["last_occurred_at"], reverse=True)


def _merge_recent(row_lists: Any) -> list[Any]:
    """Candidate lists merged: each traveler once, most recent first, at most the cap."""
    seen: dict[str, Any] = {}
    for rows in row_lists:
        for r in rows:
            seen.setdefault(r["traveler_key"], r)
    merged = sorted(seen.values(), key=lambda r: r["last_occurred_at"], reverse=True)
    return merged[:SEARCH_CANDIDATES]


def _candidates(conn: Connection, conds: list[Any]) -> list[Any]:
    t = console_travelers
    return list(
        conn.execute(select(t).where(*conds).order_by(t.c.last_occurred_at.desc()).limit(SEARCH_CANDIDATES))
        .mappings()
        .all()
    )


def _scored(rows: list[Any], query_name: str, min_score: float, limit: int) -> list[dict[str, Any]]:
    """Candidates ranked by name similarity (all 100 without a name), best and latest first."""
    if query_name and len(rows) > PREFILTER_KEEP:
        # A C-speed first pass keeps the likeliest candidates for the full comparison.
        full = [names.full_name(r["surname"], r["given_names"]) for r in rows]
        best = process.extract(
            query_name, full, scorer=fuzz.token_set_ratio, limit=PREFILTER_KEEP, score_cutoff=40
        )
        rows = [rows[i] for _text, _score, i in sorted(best, key=lambda b: b[2])]
    hits: list[dict[str, Any]] = []
    for r in rows:
        score = 100.0
        if query_name:
            score = names.name_similarity(query_name, names.full_name(r["surname"], r["given_names"]))
            if score < min_score:
                continue
        hits.append(
            {
                "traveler_key": r["traveler_key"],
                "surname": r["surname"],
                "given_names": r["given_names"],
                "nationality": r["nationality"],
                "birth_date": r["birth_date"] or None,
                "sex": r["sex"],
                "document_number": r["document_number"],
                "issuing_state": r["issuing_state"],
                "crossings": r["crossings"],
                "last_seen_at": r["last_occurred_at"],
                "last_post_code": r["last_post_code"],
                "last_direction": r["last_direction"],
                "score": round(score, 1),
            }
        )
    hits.sort(key=lambda h: (-h["score"], -h["last_seen_at"].timestamp()))
    return hits[:limit]


def linked_keys(conn: Connection, traveler_key: str) -> list[str]:
    """The traveler keys the posts confirmed to be the same person (identity links), key first."""
    keys = {traveler_key}
    frontier = {traveler_key}
    for _round in range(3):  # links rarely chain further; bounded so a bad link cannot explode
        ids = set(
            conn.execute(
                select(crossings.c.traveler_id)
                .where(crossings.c.traveler_key.in_(frontier), crossings.c.traveler_id.is_not(None))
                .distinct()
            ).scalars()
        )
        if not ids:
            break
        other = set(
            conn.execute(select(links_t.c.other_traveler_id).where(links_t.c.traveler_id.in_(ids))).scalars()
        ) | set(
            conn.execute(select(links_t.c.traveler_id).where(links_t.c.other_traveler_id.in_(ids))).scalars()
        )
        other -= ids
        if not other:
            break
        new_keys = (
            set(
                conn.execute(
                    select(crossings.c.traveler_key).where(crossings.c.traveler_id.in_(other)).distinct()
                ).scalars()
            )
            - keys
        )
        if not new_keys:
            break
        keys |= new_keys
        frontier = new_keys
    return [traveler_key, *sorted(keys - {traveler_key})]


def traveler_timeline(
    conn: Connection, traveler_key: str, policy: StayPolicy, today: date
) -> dict[str, Any] | None:
    """All crossings of a person across posts, oldest first, each exit with the stay it closes."""
    keys = linked_keys(conn, traveler_key)
    rows = (
        conn.execute(
            select(crossings).where(crossings.c.traveler_key.in_(keys)).order_by(crossings.c.occurred_at)
        )
        .mappings()
        .all()
    )
    if not rows:
        return None
    events: list[dict[str, Any]] = []
    open_entry: dict[str, Any] | None = None
    for r in rows:
        item = {
            "crossing_id": r["crossing_id"],
            "traveler_key": r["traveler_key"],
            "post_code": r["post_code"],
            "direction": r["direction"],
            "occurred_at": r["occurred_at"],
            "travel_mode": r["travel_mode"],
            "document_number": r["document_number"],
            "issuing_state": r["issuing_state"],
            "inspector": r["inspector"],
            "amended": bool(r["amended"]),
            "days_stayed": None,
            "days_over": None,
        }
        if r["direction"] == "entry":
            open_entry = item
        elif open_entry is not None:
            assessed = policy.assess(
                r["nationality"] or "", open_entry["occurred_at"].date(), r["occurred_at"].date()
            )
            item["days_stayed"] = assessed.days
            item["days_over"] = assessed.days_over
            item["entry_post_code"] = open_entry["post_code"]
            open_entry = None
        events.append(item)
    latest = rows[-1]
    inside = None
    if open_entry is not None:
        assessed = policy.assess(latest["nationality"] or "", open_entry["occurred_at"].date(), today)
        inside = {
            "since": open_entry["occurred_at"],
            "post_code": open_entry["post_code"],
            "days": assessed.days,
            "allowed_days": assessed.allowed_days,
            "days_over": assessed.days_over,
        }
    return {
        "traveler_key": traveler_key,
        "linked_keys": keys[1:],
        "surname": latest["surname"],
        "given_names": latest["given_names"],
        "nationality": latest["nationality"],
        "birth_date": latest["birth_date"],
        "sex": latest["sex"],
        "crossings": events,
        "inside": inside,
    }


# --- Matching and overstays ----------------------------------------------------------------


def _position_cursor(at: datetime, key: str) -> str:
    return f"{at.astimezone(UTC).isoformat()}~{key}"


def _parse_position(cursor: str) -> tuple[datetime, str]:
    at_text, sep, key = cursor.partition("~")
    at: datetime | None
    try:
        parsed = datetime.fromisoformat(at_text)
        # In UTC here, where a time at the edge of the calendar (year 1 or 9999) fails cleanly.
        at = parsed.astimezone(UTC) if parsed.tzinfo else parsed.replace(tzinfo=UTC)
    except (ValueError, OverflowError):
        at = None
    if not sep or not key or at is None:
        raise QueryError(N_("The page position {cursor} is not valid."), cursor=cursor[:80])
    return at, key


def matched_exit_cursor(row: dict[str, Any]) -> str:
    """A matched exit's place in its list's order, for keyset paging ("after this row")."""
    return _position_cursor(row["exit_at"], row["exit_id"])


def unmatched_exit_cursor(row: dict[str, Any]) -> str:
    """An unmatched exit's place in its list's order, for keyset paging ("after this row")."""
    return _position_cursor(row["occurred_at"], row["crossing_id"])


def _exit_page(
    q: Any, x: Any, lo: datetime, hi: datetime, after: str | None, before: str | None
) -> tuple[Any, bool]:
    """Exits from ``lo`` to before ``hi``, newest first, ties by crossing id (unique: no row is
    lost or shown twice between pages), past a position: ``after`` one (older rows) or, read
    backwards and then reversed by the caller, ``before`` one (``after`` wins when both are
    given; an empty string is no position). Returns (query, backwards).

    The position is a row value over the index (direction, occurred_at, crossing_id), so a deep
    page starts where the previous one ended instead of walking every row before it."""
    place = tuple_(x.c.occurred_at, x.c.crossing_id)
    newest_first = (x.c.occurred_at.desc(), x.c.crossing_id.desc())

    def position(cursor: str) -> tuple[datetime, Any]:
        cursor_at, cursor_id = _parse_position(cursor)
        # Typed literals: the column types' own bind processing (UTC text on SQLite).
        return cursor_at, tuple_(
            literal(cursor_at, x.c.occurred_at.type), literal(cursor_id, x.c.crossing_id.type)
        )

    # One plain bound on the time at each end, the tighter of the range's and the position's:
    # SQLite's planner starts an index range only from a plain comparison (a row value it just
    # filters by) and, given two bounds on one side, cannot tell which is tighter.
    if after:
        at, pos = position(after)
        upper = x.c.occurred_at <= at if at < hi else x.c.occurred_at < hi
        return q.where(x.c.occurred_at >= lo, upper, place < pos).order_by(*newest_first), False
    if before:
        at, pos = position(before)
        lower = x.c.occurred_at >= at if at > lo else x.c.occurred_at >= lo
        q = q.where(lower, x.c.occurred_at < hi, place > pos)
        return q.order_by(x.c.occurred_at, x.c.crossing_id), True
    return q.where(x.c.occurred_at >= lo, x.c.occurred_at < hi).order_by(*newest_first), False


def matched_exits(
    conn: Connection,
    start: date,
    end: date,
    *,
    policy: StayPolicy,
    post_code: str | None = None,
    cross_post_only: bool = False,
    limit: int = 100,
    offset: int = 0,
    after: str | None = None,
    before: str | None = None,
) -> list[dict[str, Any]]:
    """Exits in the range with the entry they close: the same document's latest earlier entry.

    Newest exits first (ties by crossing id); the database walks exits in index order and looks
    each one's entry up by (traveler_key, occurred_at), stopping once the page is full.
    Pages by ``offset`` or, at any depth for the cost of one page, by keyset: ``after`` (or
    ``before``) a row's ``matched_exit_cursor``.
    """
    lo, hi = day_bounds(start, end)
    x = crossings.alias("x")
    e = crossings.alias("e")
    en = crossings.alias("en")
    latest_entry = (
        select(e.c.crossing_id)
        .where(
            e.c.traveler_key == x.c.traveler_key,
            e.c.direction == "entry",
            e.c.occurred_at <= x.c.occurred_at,
        )
        .order_by(e.c.occurred_at.desc())
        .limit(1)
        .scalar_subquery()
    )
    q = (
        select(
            x.c.crossing_id.label("exit_id"),
            x.c.post_code.label("exit_post_code"),
            x.c.occurred_at.label("exit_at"),
            en.c.crossing_id.label("entry_id"),
            en.c.post_code.label("entry_post_code"),
            en.c.occurred_at.label("entry_at"),
            x.c.traveler_key,
            x.c.surname,
            x.c.given_names,
            x.c.nationality,
            x.c.document_number,
        )
        .select_from(x.join(en, en.c.crossing_id == latest_entry))
        .where(x.c.direction == "exit")
    )
    q, backwards = _exit_page(q, x, lo, hi, after, before)
    q = q.limit(limit).offset(0 if (after or before) else offset)
    if post_code:
        q = q.where(x.c.post_code == post_code)
    if cross_post_only:
        q = q.where(en.c.post_code != x.c.post_code)
    rows = conn.execute(q).mappings().all()
    out = []
    for r in reversed(rows) if backwards else rows:
        assessed = policy.assess(r["nationality"] or "", r["entry_at"].date(), r["exit_at"].date())
        out.append(
            {
                **dict(r),
                "days_stayed": assessed.days,
                "allowed_days": assessed.allowed_days,
                "days_over": assessed.days_over,
            }
        )
    return out


def _closed_by_linked_identity(conn: Connection, rows: list[dict[str, Any]]) -> set[str]:
    """Crossing ids of exits an entry under a linked identity (another document) closes."""
    ids = {r["traveler_id"] for r in rows if r.get("traveler_id")}
    if not ids:
        return set()
    pairs = conn.execute(
        select(links_t.c.traveler_id, links_t.c.other_traveler_id).where(
            or_(links_t.c.traveler_id.in_(ids), links_t.c.other_traveler_id.in_(ids))
        )
    ).all()
    if not pairs:
        return set()
    linked: dict[str, set[str]] = {}
    for a, b in pairs:
        linked.setdefault(a, set()).add(b)
        linked.setdefault(b, set()).add(a)
    others = set().union(*linked.values())
    entries = conn.execute(
        select(crossings.c.traveler_id, func.min(crossings.c.occurred_at))
        .where(crossings.c.traveler_id.in_(others), crossings.c.direction == "entry")
        .group_by(crossings.c.traveler_id)
    ).all()
    first_entry = {tid: _as_utc(at) for tid, at in entries}
    closed = set()
    for r in rows:
        for other in linked.get(r.get("traveler_id") or "", ()):
            at = first_entry.get(other)
            if at is not None and at <= r["occurred_at"]:
                closed.add(r["crossing_id"])
    return closed


def unmatched_exits(
    conn: Connection,
    start: date,
    end: date,
    *,
    post_code: str | None = None,
    limit: int = 100,
    offset: int = 0,
    after: str | None = None,
    before: str | None = None,
) -> list[dict[str, Any]]:
    """Exits with no earlier entry of the same document, nor of a linked identity.

    Newest first (ties by crossing id). Pages by ``offset`` or, at any depth for the cost of
    one page, by keyset: ``after`` (or ``before``) a row's ``unmatched_exit_cursor``.
    """
    lo, hi = day_bounds(start, end)
    x = crossings.alias("x")
    e = crossings.alias("e")
    no_entry = ~exists(
        select(literal(1)).where(
            e.c.traveler_key == x.c.traveler_key,
            e.c.direction == "entry",
            e.c.occurred_at <= x.c.occurred_at,
        )
    )
    q = select(
        x.c.crossing_id,
        x.c.post_code,
        x.c.occurred_at,
        x.c.traveler_key,
        x.c.traveler_id,
        x.c.surname,
        x.c.given_names,
        x.c.nationality,
        x.c.document_number,
        x.c.issuing_state,
    ).where(x.c.direction == "exit", no_entry)
    if post_code:
        q = q.where(x.c.post_code == post_code)
    out: list[dict[str, Any]] = []
    skip = 0 if (after or before) else offset
    backwards = False
    # Exits closed by a linked identity are dropped here, so fetch until the page is full; each
    # chunk starts after the last row of the one before (by position, not by offset).
    while len(out) < limit:
        chunk_q, backwards = _exit_page(q, x, lo, hi, after, before)
        chunk_size = min(limit + 20, UNMATCHED_CHUNK)
        chunk = [dict(r) for r in conn.execute(chunk_q.limit(chunk_size)).mappings()]
        if not chunk:
            break
        if backwards:
            before = unmatched_exit_cursor(chunk[-1])
        else:
            after = unmatched_exit_cursor(chunk[-1])
        closed = _closed_by_linked_identity(conn, chunk)
        for r in chunk:
            if r["crossing_id"] in closed:
                continue
            if skip:
                skip -= 1
                continue
            out.append(r)
            if len(out) >= limit:
                break
    return list(reversed(out)) if backwards else out


def overstay_cursor(row: dict[str, Any]) -> str:
    """A row's place in the overstays order, for keyset paging ("after this row")."""
    return _position_cursor(row["entry_at"], row["traveler_key"])


def overstays(
    conn: Connection,
    *,
    policy: StayPolicy,
    today: date,
    nationality: str | None = None,
    limit: int = 100,
    offset: int = 0,
    after: str | None = None,
    before: str | None = None,
) -> list[dict[str, Any]]:
    """Travelers whose latest crossing is an entry longer ago than their allowed stay, longest first.

    Pages by ``offset`` or, at any depth for the cost of one page, by keyset: ``after`` (or
    ``before``) a row's ``overstay_cursor``; ``after`` wins when both are given.
    """
    p = console_travelers

    def cutoff(allowed: int) -> datetime:
        # Day counting includes the day of entry: over an allowance of N days means entered
        # before today - (N - 1), i.e. StayPolicy.assess's overstay, as a bound on the time.
        return datetime.combine(today - timedelta(days=allowed - 1), time.min, tzinfo=UTC)

    # The policy as SQL, so that the database pages (offset or keyset) over exactly the rows
    # the page shows: each nationality with its own allowance, the exempt ones never. The
    # shortest allowance also bounds the index range (nobody can be over before it has run out).
    at = p.c.last_occurred_at
    nat = func.upper(p.c.nationality)
    exempt = sorted(policy.exempt)
    overrides = {code: days for code, days in policy.per_nationality.items() if code not in policy.exempt}
    shortest = min([policy.default_days, *overrides.values()])
    by_allowance: dict[int, list[str]] = {}
    for code, days in sorted(overrides.items()):
        by_allowance.setdefault(days, []).append(code)
    rule = [and_(nat.in_(codes), at < cutoff(days)) for days, codes in sorted(by_allowance.items())]
    rule.append(and_(nat.not_in(exempt + sorted(overrides)), at < cutoff(policy.default_days)))
    conds: list[Any] = [p.c.last_direction == "entry", at < cutoff(shortest), or_(*rule)]
    if nationality:
        conds.append(nat == nationality.upper())
    order: list[Any] = [at, p.c.traveler_key]
    place = tuple_(at, p.c.traveler_key)

    def position(cursor: str) -> Any:
        cursor_at, cursor_key = _parse_position(cursor)
        # Typed literals: the column types' own bind processing (UTC text on SQLite).
        return tuple_(literal(cursor_at, at.type), literal(cursor_key, p.c.traveler_key.type))

    if after:
        conds.append(place > position(after))
    elif before:
        conds.append(place < position(before))
        order = [at.desc(), p.c.traveler_key.desc()]
    q = (
        select(
            p.c.traveler_key,
            p.c.last_occurred_at,
            p.c.last_post_code,
            p.c.last_crossing_id,
            p.c.nationality,
            p.c.surname,
            p.c.given_names,
            p.c.document_number,
            p.c.birth_date,
        )
        .where(*conds)
        .order_by(*order)
        .limit(limit)
        .offset(0 if (after or before) else offset)
    )
    rows = conn.execute(q).mappings().all()
    if before:
        rows = list(reversed(rows))
    out: list[dict[str, Any]] = []
    for r in rows:
        assessed = policy.assess(r["nationality"], r["last_occurred_at"].date(), today)
        if not assessed.overstay:  # pragma: no cover - the SQL above applies the same rule
            continue
        out.append(
            {
                "traveler_key": r["traveler_key"],
                "entry_at": r["last_occurred_at"],
                "entry_post_code": r["last_post_code"],
                "entry_crossing_id": r["last_crossing_id"],
                "nationality": r["nationality"],
                "days_stayed": assessed.days,
                "allowed_days": assessed.allowed_days,
                "days_over": assessed.days_over,
                "surname": r["surname"],
                "given_names": r["given_names"],
                "document_number": r["document_number"],
                "birth_date": r["birth_date"] or None,
            }
        )
    return out


# --- Alerts, quarantine, watchlists ---------------------------------------------------------

ALERT_STATES = ("all", "pending", "allowed", "refused", "referred")


def alerts(
    conn: Connection,
    start: date,
    end: date,
    *,
    post_code: str | None = None,
    state: str = "all",
    limit: int = 100,
    offset: int = 0,
) -> list[dict[str, Any]]:
    """Watchlist hits raised at the posts in the range, newest first, with the decision taken."""
    if state not in ALERT_STATES:
        raise QueryError(N_("The decision must be one of: {states}."), states=", ".join(ALERT_STATES))
    lo, hi = day_bounds(start, end)
    a = alerts_t
    q = (
        select(
            a,
            crossings.c.surname,
            crossings.c.given_names,
            crossings.c.document_number,
            crossings.c.nationality,
            crossings.c.direction,
            crossings.c.traveler_key,
        )
        .select_from(a.outerjoin(crossings, crossings.c.crossing_id == a.c.crossing_id))
        .where(a.c.raised_at >= lo, a.c.raised_at < hi)
        .order_by(a.c.raised_at.desc(), a.c.alert_id)
        .limit(limit)
        .offset(offset)
    )
    if post_code:
        q = q.where(a.c.post_code == post_code)
    if state == "pending":
        q = q.where(a.c.decision.is_(None))
    elif state != "all":
        q = q.where(a.c.decision == state)
    return [dict(r) for r in conn.execute(q).mappings()]


def quarantine(
    conn: Connection, *, post_code: str | None = None, limit: int = 100, offset: int = 0
) -> list[dict[str, Any]]:
    """Events the server refused to project, with the reason, newest first."""
    ev = select(
        events_t.c.id.label("id"),
        literal("event").label("source"),
        events_t.c.device_id,
        events_t.c.post_code,
        events_t.c.seq,
        events_t.c.event_id,
        events_t.c.event_type,
        events_t.c.quarantine_reason.label("reason"),
        events_t.c.received_at,
    ).where(events_t.c.quarantine_reason.is_not(None))
    qt = select(
        quarantine_t.c.id.label("id"),
        literal("duplicate").label("source"),
        quarantine_t.c.device_id,
        quarantine_t.c.post_code,
        quarantine_t.c.seq,
        quarantine_t.c.event_id,
        literal(None).label("event_type"),
        quarantine_t.c.reason,
        quarantine_t.c.received_at,
    )
    if post_code:
        ev = ev.where(events_t.c.post_code == post_code)
        qt = qt.where(quarantine_t.c.post_code == post_code)
    u = union_all(ev, qt).subquery()
    q = select(u).order_by(u.c.received_at.desc(), u.c.id.desc()).limit(limit).offset(offset)
    return [dict(r) for r in conn.execute(q).mappings()]


def watchlist_overview(conn: Connection) -> dict[str, Any]:
    versions = [
        {
            "version": r["version"],
            "published_at": r["published_at"],
            "entry_count": r["entry_count"],
            "sha256": r["sha256"],
        }
        for r in conn.execute(
            select(
                wl_versions_t.c.version,
                wl_versions_t.c.published_at,
                wl_versions_t.c.entry_count,
                wl_versions_t.c.sha256,
            )
            .order_by(wl_versions_t.c.version.desc())
            .limit(50)
        ).mappings()
    ]
    draft_count, imported_at = conn.execute(select(func.count(), func.max(wl_draft_t.c.imported_at))).one()
    draft_count = int(draft_count or 0)
    # Publishing keeps the draft; it is pending only if imported after the latest version.
    latest_at = versions[0]["published_at"] if versions else None
    imported = _as_utc(imported_at)
    pending = draft_count > 0 and (latest_at is None or (imported is not None and imported > latest_at))
    draft = [
        json.loads(r)
        for r in conn.execute(select(wl_draft_t.c.entry).order_by(wl_draft_t.c.entry_id).limit(200)).scalars()
    ]
    devices = [
        {
            "post_code": r["post_code"],
            "device_id": r["device_id"],
            "status": r["status"],
            "last_sync_at": r["last_sync_at"],
            "watchlist_version": _health(r["health"]).get("watchlist_version"),
        }
        for r in conn.execute(
            select(
                devices_t.c.post_code,
                devices_t.c.device_id,
                devices_t.c.status,
                devices_t.c.last_sync_at,
                devices_t.c.health,
            ).order_by(devices_t.c.post_code, devices_t.c.device_id)
        ).mappings()
    ]
    return {
        "versions": versions,
        "latest_version": versions[0]["version"] if versions else None,
        "draft_count": draft_count,
        "draft_pending": pending,
        "draft_imported_at": imported,
        "draft": draft,
        "devices": devices,
    }
