"""Summary tables the console reads instead of scanning crossings: kept in the ingest transaction.

The sync ingest calls ``record_ingest`` once per stored batch with the crossings it newly
inserted (never the duplicates ON CONFLICT skipped), and ``record_amendment`` when it applies a
correction; ``rebuild`` recomputes everything from the query tables (after a restore, or to check).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Mapping
from datetime import UTC, date, datetime
from functools import lru_cache
from typing import Any

from sqlalchemy import Table, delete, func, insert, select
from sqlalchemy.engine import Connection

from border_client.domain.traveler import AGE_BANDS as DOMAIN_AGE_BANDS
from border_client.domain.traveler import age_band
from sync_server.console.tables import (
    console_flow_daily,
    console_flow_dims,
    console_post_daily,
    console_travelers,
)
from sync_server.sqlutil import pg_stage, sqlite_datetime

__all__ = [
    "AGE_BANDS",
    "DIMENSIONS",
    "age_band",
    "ingest_hook",
    "rebuild",
    "record_amendment",
    "record_ingest",
]

# The domain's bands (one rule for post and centre) plus "unknown", in display order.
AGE_BANDS = (*(label for label, _ in DOMAIN_AGE_BANDS), "unknown")
UNKNOWN = "?"


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo else value.replace(tzinfo=UTC)


DIMENSIONS = ("nationality", "sex", "age_band")
DayKey = tuple[date, str, str]
DimKey = tuple[str, str, date, str, str, str]


@lru_cache(maxsize=131072)
def _band(birth_date: str | date | None, day: date) -> str:
    # Birth dates and days repeat a lot across crossings: the domain rule runs once per pair.
    return age_band(birth_date, day)


def _utc_day(value: datetime) -> date:
    off = value.utcoffset()
    return (value - off).date() if off else value.date()


FlowBase = tuple[date, str, str, str, str, str]


def _flow_base(c: Mapping[str, Any]) -> FlowBase:
    """(UTC day, post, direction, nationality, sex, age band): everything one crossing counts by."""
    day = _utc_day(c["occurred_at"])
    sex = (c.get("sex") or UNKNOWN)[:1].upper()
    if sex not in ("M", "F", "X"):
        sex = UNKNOWN
    nationality = (c.get("nationality") or UNKNOWN).replace("<", "").upper()[:3] or UNKNOWN
    return (
        day,
        str(c["post_code"]),
        str(c["direction"]),
        nationality,
        sex,
        _band(c.get("birth_date"), day),
    )


def _expand(base: FlowBase) -> tuple[DayKey, list[DimKey]]:
    day, post, direction, *values = base
    month = day.replace(day=1)
    dims = [
        (period, dim, d, post, direction, value)
        for period, d in (("D", day), ("M", month))
        for dim, value in zip(DIMENSIONS, values, strict=True)
    ]
    return (day, post, direction), dims


def flow_keys(c: Mapping[str, Any]) -> tuple[DayKey, list[DimKey]]:
    """Where one crossing counts: its (day, post, direction), and each dimension by day and month."""
    return _expand(_flow_base(c))


@lru_cache(maxsize=64)
def _upsert_sql(table: Table, columns: tuple[str, ...], set_sql: str, source: str) -> str:
    cols = ", ".join(columns)
    pk = ", ".join(c.name for c in table.primary_key.columns)
    return f"INSERT INTO {table.name} AS t ({cols}) {source} ON CONFLICT ({pk}) DO UPDATE SET {set_sql}"


@lru_cache(maxsize=64)
def _sqlite_converters(table: Table, columns: tuple[str, ...]) -> tuple[tuple[int, Any], ...]:
    """(index, converter) for the columns whose values the sqlite3 driver cannot take as they are."""
    from sqlalchemy import Date

    out: list[tuple[int, Any]] = []
    for i, name in enumerate(columns):
        t = table.c[name].type
        if type(t).__name__ == "UTCDateTime":
            out.append((i, sqlite_datetime))
        elif isinstance(t, Date):
            out.append((i, date.isoformat))
    return tuple(out)


def _upsert_rows(
    conn: Connection,
    table: Table,
    columns: tuple[str, ...],
    rows: list[tuple[Any, ...]],
    set_sql: str,
) -> None:
    """INSERT ... ON CONFLICT (pk) DO UPDATE SET ``set_sql`` (over ``t`` and EXCLUDED) for many
    rows whose keys are unique among ``rows``: COPY into a staging table and one statement on
    PostgreSQL, one prepared statement run for every row by the driver on SQLite."""
    if not rows:
        return
    dialect = conn.dialect.name
    if dialect == "postgresql":
        # Binary COPY into a staging table, then one INSERT ... SELECT ... ON CONFLICT.
        stage = pg_stage(conn, table, columns, rows)
        conn.exec_driver_sql(
            _upsert_sql(table, columns, set_sql, f"SELECT {', '.join(columns)} FROM {stage}")
        )
        conn.exec_driver_sql(f"DELETE FROM {stage}")
        return
    if dialect != "sqlite":  # pragma: no cover - the server supports these two
        raise RuntimeError(f"unsupported database {dialect}")
    sql = _upsert_sql(table, columns, set_sql, "VALUES (" + ", ".join("?" * len(columns)) + ")")
    converters = _sqlite_converters(table, columns)
    if converters:
        converted = []
        for r in rows:
            values = list(r)
            for i, conv in converters:
                if values[i] is not None:
                    values[i] = conv(values[i])
            converted.append(tuple(values))
        rows = converted
    conn.exec_driver_sql(sql, rows)


_FLOW_DAILY_COLUMNS = ("day", "post_code", "direction", "crossings")
_FLOW_DIMS_COLUMNS = ("period", "dimension", "day", "post_code", "direction", "value", "crossings")


def _add_flows(conn: Connection, crossings: Iterable[Mapping[str, Any]], sign: int = 1) -> None:
    # Counted per distinct (day, post, direction, nationality, sex, band) first: a batch holds
    # a few distinct ones, each expanded into its dimension keys once.
    per: Counter[FlowBase] = Counter(map(_flow_base, crossings))
    days: Counter[DayKey] = Counter()
    dims: Counter[DimKey] = Counter()
    for base, n in per.items():
        day_key, dim_keys = _expand(base)
        days[day_key] += sign * n
        for k in dim_keys:
            dims[k] += sign * n
    _apply_flow_counts(conn, days, dims)


def _apply_flow_counts(conn: Connection, days: Counter[DayKey], dims: Counter[DimKey]) -> None:
    _upsert_rows(
        conn,
        console_flow_daily,
        _FLOW_DAILY_COLUMNS,
        [(*k, n) for k, n in sorted(days.items()) if n],
        "crossings = t.crossings + EXCLUDED.crossings",
    )
    _upsert_rows(
        conn,
        console_flow_dims,
        _FLOW_DIMS_COLUMNS,
        [(*k, n) for k, n in sorted(dims.items()) if n],
        "crossings = t.crossings + EXCLUDED.crossings",
    )


@lru_cache(maxsize=65536)
def _loose(name: str) -> str:
    # Names repeat a lot across travelers: the folding is computed once per distinct name.
    from border_client.domain.names import loose_name_key

    return loose_name_key(name)[:200]


_TRAVELER_COLUMNS = (
    "traveler_key",
    "document_number",
    "issuing_state",
    "surname",
    "given_names",
    "surname_key",
    "given_key",
    "birth_date",
    "nationality",
    "sex",
    "crossings",
    "last_direction",
    "last_occurred_at",
    "last_post_code",
    "last_crossing_id",
)


def _document_number(c: Mapping[str, Any]) -> str:
    # The traveler key is "STATE:number" with the number already normalized by the domain's
    # document_key (no ':' can remain in it): reuse it rather than fold the number again.
    key = c["traveler_key"]
    if ":" in key:
        return str(key).rsplit(":", 1)[1][:32]
    from border_client.domain.watchlist import normalize_document_number

    return normalize_document_number(c.get("document_number") or "")[:32]


def _traveler_values(c: Mapping[str, Any], count: int) -> tuple[Any, ...]:
    get = c.get
    given = (get("given_names") or "").strip()
    surname = get("surname") or ""
    occurred = c["occurred_at"]
    return (
        c["traveler_key"],
        _document_number(c),
        (get("issuing_state") or "").replace("<", "")[:3],
        surname[:200],
        given[:200],
        _loose(surname),
        _loose(given.split(" ")[0] if given else ""),
        (get("birth_date") or "")[:10],
        (get("nationality") or UNKNOWN).replace("<", "")[:3] or UNKNOWN,
        (get("sex") or UNKNOWN)[:1],
        count,
        c["direction"],
        occurred if occurred.tzinfo else occurred.replace(tzinfo=UTC),
        c["post_code"],
        c["crossing_id"],
    )


def traveler_row(c: Mapping[str, Any], count: int) -> dict[str, Any]:
    """The console_travelers row a crossing implies (``count`` crossings to add)."""
    return dict(zip(_TRAVELER_COLUMNS, _traveler_values(c, count), strict=True))


_LATEST_COLUMNS = (
    "document_number",
    "issuing_state",
    "surname",
    "given_names",
    "surname_key",
    "given_key",
    "birth_date",
    "nationality",
    "sex",
    "last_direction",
    "last_occurred_at",
    "last_post_code",
    "last_crossing_id",
)
# A post that syncs days late must not overwrite a more recent crossing from another post; its
# crossings still count.
_TRAVELER_SET_SQL = ", ".join(
    [
        f"{col} = CASE WHEN EXCLUDED.last_occurred_at >= t.last_occurred_at "
        f"THEN EXCLUDED.{col} ELSE t.{col} END"
        for col in _LATEST_COLUMNS
    ]
    + ["crossings = t.crossings + EXCLUDED.crossings"]
)


def _update_travelers(
    conn: Connection, crossings: Iterable[Mapping[str, Any]], *, count: bool = True
) -> None:
    # One row per traveler in the batch (its latest crossing, and how many it brought), so the
    # upsert touches each traveler once.
    latest: dict[str, Mapping[str, Any]] = {}
    counts: Counter[str] = Counter()
    for c in crossings:
        key = c.get("traveler_key")
        if not key:
            continue
        counts[key] += 1
        held = latest.get(key)
        if held is None or _aware(c["occurred_at"]) > _aware(held["occurred_at"]):
            latest[key] = c
    if not latest:
        return
    rows = [_traveler_values(c, counts[k] if count else 0) for k, c in sorted(latest.items())]
    _upsert_rows(conn, console_travelers, _TRAVELER_COLUMNS, rows, _TRAVELER_SET_SQL)


def record_ingest(
    conn: Connection,
    *,
    post_code: str,
    events_stored: int,
    crossings: Iterable[Mapping[str, Any]] = (),
    received_at: datetime | None = None,
) -> None:
    """Account for one stored batch: events received today, flows, who is inside now.

    ``crossings`` are the newly inserted crossing rows as mappings with at least crossing_id,
    post_code, direction, occurred_at, traveler_key, nationality, sex, birth_date.
    """
    crossings = list(crossings)
    day = _aware(received_at or datetime.now(UTC)).astimezone(UTC).date()
    if events_stored:
        _upsert_rows(
            conn,
            console_post_daily,
            ("day", "post_code", "events"),
            [(day, post_code, int(events_stored))],
            "events = t.events + EXCLUDED.events",
        )
    if crossings:
        _add_flows(conn, crossings)
        _update_travelers(conn, crossings)


def record_amendment(conn: Connection, before: Mapping[str, Any], after: Mapping[str, Any]) -> None:
    """Move one crossing from its old flow bucket to its new one after a correction."""
    days: Counter[DayKey] = Counter()
    dims: Counter[DimKey] = Counter()
    for c, sign in ((before, -1), (after, 1)):
        day_key, dim_keys = flow_keys(c)
        days[day_key] += sign
        for k in dim_keys:
            dims[k] += sign
    _apply_flow_counts(conn, days, dims)
    if after.get("traveler_key"):
        _update_travelers(conn, [after], count=False)


def rebuild(conn: Connection, batch: int = 50_000) -> int:
    """Recompute the flow and presence summaries from ``crossings``; returns crossings read.

    Events-per-day is rebuilt from ``events.received_at``.
    """
    from sync_server.models import Crossing, Event

    crossings = Crossing.__table__
    events = Event.__table__
    conn.execute(delete(console_flow_daily))
    conn.execute(delete(console_flow_dims))
    conn.execute(delete(console_travelers))
    conn.execute(delete(console_post_daily))
    cols = [
        crossings.c.crossing_id,
        crossings.c.post_code,
        crossings.c.direction,
        crossings.c.occurred_at,
        crossings.c.traveler_key,
        crossings.c.nationality,
        crossings.c.sex,
        crossings.c.birth_date,
        crossings.c.surname,
        crossings.c.given_names,
        crossings.c.document_number,
        crossings.c.issuing_state,
    ]
    seen = 0
    last = ""
    while True:
        rows = [
            dict(r)
            for r in conn.execute(
                select(*cols)
                .where(crossings.c.crossing_id > last)
                .order_by(crossings.c.crossing_id)
                .limit(batch)
            ).mappings()
        ]
        if not rows:
            break
        _add_flows(conn, rows)
        _update_travelers(conn, rows)
        seen += len(rows)
        last = rows[-1]["crossing_id"]
    received: Any = events.c.received_at
    if conn.dialect.name == "postgresql":
        received = func.timezone("UTC", received)
    day_expr = func.date(received)
    per_day = conn.execute(
        select(day_expr.label("day"), events.c.post_code, func.count().label("n")).group_by(
            day_expr, events.c.post_code
        )
    ).all()
    if per_day:
        conn.execute(
            insert(console_post_daily),
            [
                {
                    "day": d if isinstance(d, date) else date.fromisoformat(str(d)[:10]),
                    "post_code": p,
                    "events": n,
                }
                for d, p, n in per_day
            ],
        )
    return seen


_FLOW_FIELDS = ("post_code", "direction", "occurred_at", "nationality", "sex", "birth_date")


def _state_before(conn: Connection, crossing_id: str, skip_amendments: set[str]) -> dict[str, Any] | None:
    """A crossing's flow fields before this batch: its registration plus earlier amendments."""
    from sync_server.models import Amendment, Crossing, Event
    from sync_server.services.projection import amended_columns

    c = Crossing.__table__
    row = conn.execute(select(c.c.event_id, c.c.post_code).where(c.c.crossing_id == crossing_id)).first()
    if row is None:
        return None
    payload_text = conn.execute(
        select(Event.__table__.c.payload).where(Event.__table__.c.event_id == row.event_id)
    ).scalar()
    if payload_text is None:
        return None
    p = json.loads(payload_text)
    doc = p.get("document") or {}
    state: dict[str, Any] = {
        "post_code": row.post_code,
        "direction": p.get("direction"),
        "occurred_at": datetime.fromisoformat(str(p["occurred_at"]).replace("Z", "+00:00")),
        "nationality": doc.get("nationality"),
        "sex": doc.get("sex"),
        "birth_date": doc.get("birth_date"),
    }
    a = Amendment.__table__
    earlier = conn.execute(
        select(a.c.amendment_id, a.c.changes)
        .where(a.c.crossing_id == crossing_id)
        .order_by(a.c.occurred_at, a.c.amendment_id)
    ).all()
    for amendment_id, changes in earlier:
        if amendment_id in skip_amendments:
            continue
        cols = amended_columns(json.loads(changes))
        state.update({k: v for k, v in cols.items() if k in _FLOW_FIELDS})
    return state


def ingest_hook(conn: Connection, batch: Any) -> None:
    """The sync ingest's hook (``IngestHook``): keep the summaries in the ingest transaction."""
    projected = batch.projected
    record_ingest(
        conn,
        post_code=batch.post_code,
        events_stored=len(batch.events),
        crossings=projected.crossings,
        received_at=batch.received_at,
    )
    if not projected.amendments:
        return
    from sync_server.models import Crossing

    c = Crossing.__table__
    in_batch = {a["amendment_id"] for a in projected.amendments}
    new_crossings = {x["crossing_id"] for x in projected.crossings}
    for crossing_id in sorted({a["crossing_id"] for a in projected.amendments}):
        after = conn.execute(select(c).where(c.c.crossing_id == crossing_id)).mappings().first()
        if after is None:
            continue
        if crossing_id in new_crossings:
            # Registered in this very batch: record_ingest counted the registration as
            # projected (before amendments); move it to where it now stands.
            before = next(x for x in projected.crossings if x["crossing_id"] == crossing_id)
        else:
            before = _state_before(conn, crossing_id, in_batch)
            if before is None:
                continue
        record_amendment(conn, before, dict(after))
