"""Dialect helpers: INSERT ... ON CONFLICT DO NOTHING on SQLite and PostgreSQL alike."""

from __future__ import annotations

import zlib
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from functools import lru_cache
from operator import itemgetter
from typing import Any

from sqlalchemy import Table
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session


def insert_ignore(table: Table | Any, dialect_name: str) -> Any:
    """An INSERT that skips rows violating any unique constraint."""
    if dialect_name == "postgresql":
        return postgresql.insert(table).on_conflict_do_nothing()
    if dialect_name == "sqlite":
        return sqlite.insert(table).on_conflict_do_nothing()
    raise NotImplementedError(f"unsupported database {dialect_name}")


def dialect_of(bind: Session | Connection) -> str:
    if isinstance(bind, Session):
        return bind.get_bind().dialect.name
    return bind.dialect.name


_SQLITE_MAX_PARAMS = 30000  # SQLite allows 32766 bound parameters per statement


@lru_cache(maxsize=16384)
def sqlite_datetime(value: datetime) -> str:
    """The text SQLAlchemy's SQLite DateTime stores (naive UTC): rows stay readable by the ORM.

    Cached: a batch converts the same instants for several tables (a crossing's time for its
    row and for its traveler's), and busy minutes repeat.
    """
    off = value.utcoffset()
    if off:
        value = value - off
    return value.replace(tzinfo=None).isoformat(sep=" ", timespec="microseconds")


def _db_time_sqlite(value: Any) -> Any:
    return None if value is None else sqlite_datetime(value)


def _memo_time_sqlite() -> Any:
    # Many rows of a batch share a value (received_at, a busy minute's created_at).
    last: list[Any] = [object(), None]

    def conv(value: Any) -> Any:
        if value is last[0]:
            return last[1]
        out = _db_time_sqlite(value)
        last[0], last[1] = value, out
        return out

    return conv


def bulk_insert_ignore(
    conn: Connection,
    table: Table | Any,
    rows: Sequence[Mapping[str, Any]] | Sequence[Sequence[Any]],
    *,
    columns: Sequence[str] | None = None,
    returning: str | None = None,
    copy_threshold: int = 200,
) -> list[Any]:
    """Multi-row ``INSERT ... VALUES (...), (...) ON CONFLICT DO NOTHING [RETURNING col]``.

    ``rows`` are mappings (the first one's keys are the columns), or tuples in ``columns``
    order. Built once per chunk and sent as driver SQL: for thousands of rows this skips
    SQLAlchemy's per-value compilation, which otherwise costs more than the database's own
    work. On PostgreSQL, from ``copy_threshold`` rows on, the rows go through COPY instead.
    """
    if not rows:
        return []
    table = getattr(table, "__table__", table)
    if columns is None:
        names = list(rows[0])
        getter = itemgetter(*names)
        tuples = [getter(r) for r in rows] if len(names) > 1 else [(getter(r),) for r in rows]
    else:
        names = list(columns)
        tuples = list(rows)
    dialect = conn.dialect.name
    if dialect == "postgresql" and len(rows) >= copy_threshold:
        return _pg_copy_insert(conn, table, names, tuples, returning)
    ph = "?" if dialect == "sqlite" else "%s"
    convert: list[Any] = []
    for name in names:
        col = table.c[name]
        impl = getattr(col.type, "impl", col.type)
        is_time = "DateTime" in type(impl).__name__
        convert.append(_memo_time_sqlite() if (is_time and dialect == "sqlite") else None)
    row_ph = "(" + ", ".join([ph] * len(names)) + ")"
    per_chunk = max(1, _SQLITE_MAX_PARAMS // len(names))
    head = f"INSERT INTO {table.name} ({', '.join(names)}) VALUES "
    tail = " ON CONFLICT DO NOTHING" + (f" RETURNING {returning}" if returning else "")
    out: list[Any] = []
    conv_idx = [(j, c) for j, c in enumerate(convert) if c is not None]
    for i in range(0, len(tuples), per_chunk):
        chunk = tuples[i : i + per_chunk]
        params: list[Any] = []
        if conv_idx:
            for r in chunk:
                vals = list(r)
                for j, c in conv_idx:
                    vals[j] = c(vals[j])
                params.extend(vals)
        else:
            for r in chunk:
                params.extend(r)
        sql = head + ", ".join([row_ph] * len(chunk)) + tail
        res = conn.exec_driver_sql(sql, tuple(params))
        if returning:
            out.extend(res.scalars().all())
    return out


def pg_type(column: Any) -> str:
    """The PostgreSQL type name of a column, for binary COPY and array casts."""
    from sqlalchemy import BigInteger, Boolean, Date, Float, Integer

    t = column.type
    if type(t).__name__ == "UTCDateTime":
        return "timestamptz"
    if isinstance(t, Date):
        return "date"
    if isinstance(t, BigInteger):
        return "int8"
    if isinstance(t, Integer):
        return "int4"
    if isinstance(t, Boolean):
        return "bool"
    if isinstance(t, Float):
        return "float8"
    return "text"


def pg_copy(
    conn: Connection, target: str, table: Table, names: Sequence[str], rows: Iterable[Sequence[Any]]
) -> None:
    """Binary COPY of ``rows`` (tuples in ``names`` order) into ``target`` (``table``'s columns).

    Binary: the server does not parse text, the driver does not format it.
    """
    raw = conn.connection.driver_connection
    with (
        raw.cursor() as cur,  # type: ignore[union-attr]
        cur.copy(f"COPY {target} ({', '.join(names)}) FROM STDIN (FORMAT BINARY)") as cp,
    ):
        cp.set_types([pg_type(table.c[n]) for n in names])
        for r in rows:
            cp.write_row(r)


def pg_stage(conn: Connection, table: Table, names: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    """COPY rows into this connection's empty staging table for ``table`` and return its name.

    The staging table (a temporary table with the columns only: no constraints, no indexes,
    no WAL) lives as long as the database connection and is emptied at each commit; the
    caller empties it (``DELETE``) if it stages again in the same transaction.
    """
    cols = ", ".join(names)
    stage = f"stage_{table.name}_{zlib.crc32(cols.encode()):08x}"
    # Not remembered per connection: a transaction that rolls back takes the new table with it.
    conn.exec_driver_sql(
        f"CREATE TEMP TABLE IF NOT EXISTS {stage} ON COMMIT DELETE ROWS AS "
        f"SELECT {cols} FROM {table.name} WITH NO DATA"
    )
    pg_copy(conn, stage, table, names, rows)
    return stage


def _pg_copy_insert(
    conn: Connection, table: Any, names: list[str], tuples: list[Sequence[Any]], returning: str | None
) -> list[Any]:
    # Usually every row is new: COPY straight into the table under a savepoint, which skips the
    # staging table and ON CONFLICT's per-row speculative insertion. A row already held (a
    # resend above the acknowledged cursor, a reused id) makes the COPY fail as a whole; then
    # the savepoint is rolled back and the rows go through staging + ON CONFLICT DO NOTHING.
    import psycopg

    savepoint = conn.begin_nested()
    try:
        pg_copy(conn, table.name, table, names, tuples)
    except psycopg.IntegrityError:
        savepoint.rollback()
    else:
        savepoint.commit()
        if not returning:
            return []
        at = names.index(returning)
        return [r[at] for r in tuples]
    cols = ", ".join(names)
    stage = pg_stage(conn, table, names, tuples)
    res = conn.exec_driver_sql(
        f"INSERT INTO {table.name} ({cols}) SELECT {cols} FROM {stage} ON CONFLICT DO NOTHING"
        + (f" RETURNING {returning}" if returning else "")
    )
    out = list(res.scalars().all()) if returning else []
    conn.exec_driver_sql(f"DELETE FROM {stage}")
    return out
