"""Dialect helpers: INSERT ... ON CONFLICT DO NOTHING on SQLite and PostgreSQL alike."""

from __future__ import annotations

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


def _db_time_sqlite(value: Any) -> Any:
    # The format SQLAlchemy's SQLite DateTime stores (naive UTC): rows stay readable by the ORM.
    if value is None:
        return None
    off = value.utcoffset()
    if off:
        value = value - off
    return value.replace(tzinfo=None).isoformat(sep=" ", timespec="microseconds")


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
    rows: list[dict[str, Any]],
    *,
    returning: str | None = None,
    copy_threshold: int = 200,
) -> list[Any]:
    """Multi-row ``INSERT ... VALUES (...), (...) ON CONFLICT DO NOTHING [RETURNING col]``.

    Built once per chunk and sent as driver SQL: for thousands of rows this skips SQLAlchemy's
    per-value compilation, which otherwise costs more than the database's own work. On
    PostgreSQL, from ``copy_threshold`` rows on, the rows go through COPY instead.
    """
    if not rows:
        return []
    table = getattr(table, "__table__", table)
    names = list(rows[0])
    dialect = conn.dialect.name
    if dialect == "postgresql" and len(rows) >= copy_threshold:
        return _pg_copy_insert(conn, table, names, rows, returning)
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
    getter = itemgetter(*names)
    conv_idx = [(j, c) for j, c in enumerate(convert) if c is not None]
    for i in range(0, len(rows), per_chunk):
        chunk = rows[i : i + per_chunk]
        params: list[Any] = []
        if conv_idx:
            for r in chunk:
                vals = list(getter(r)) if len(names) > 1 else [getter(r)]
                for j, c in conv_idx:
                    vals[j] = c(vals[j])
                params.extend(vals)
        elif len(names) > 1:
            for r in chunk:
                params.extend(getter(r))
        else:
            params = [getter(r) for r in chunk]
        sql = head + ", ".join([row_ph] * len(chunk)) + tail
        res = conn.exec_driver_sql(sql, tuple(params))
        if returning:
            out.extend(res.scalars().all())
    return out


def _pg_copy_insert(
    conn: Connection, table: Any, names: list[str], rows: list[dict[str, Any]], returning: str | None
) -> list[Any]:
    # COPY into a per-connection staging table (columns only, no constraints), then one
    # INSERT ... SELECT ... ON CONFLICT DO NOTHING: one round trip for the rows instead of
    # thousands of bound parameters.
    cols = ", ".join(names)
    stage = f"stage_{table.name}_{abs(hash(cols)) % 10**8}"
    conn.exec_driver_sql(
        f"CREATE TEMP TABLE IF NOT EXISTS {stage} ON COMMIT DELETE ROWS AS "
        f"SELECT {cols} FROM {table.name} WITH NO DATA"
    )
    raw = conn.connection.driver_connection
    with (
        raw.cursor() as cur,  # type: ignore[union-attr]
        cur.copy(f"COPY {stage} ({cols}) FROM STDIN") as cp,
    ):
        for r in rows:
            cp.write_row(tuple(r[n] for n in names))
    res = conn.exec_driver_sql(
        f"INSERT INTO {table.name} ({cols}) SELECT {cols} FROM {stage} ON CONFLICT DO NOTHING"
        + (f" RETURNING {returning}" if returning else "")
    )
    out = list(res.scalars().all()) if returning else []
    conn.exec_driver_sql(f"DELETE FROM {stage}")
    return out
