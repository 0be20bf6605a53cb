"""Hot paths on the DBAPI connection, below SQLAlchemy's execution layer.

A registration or a document lookup runs a handful of small statements; through SQLAlchemy each
one costs several times what SQLite spends on it (statement caching, parameter and result
processing, events). These helpers run SQL built once from the models' own ``Table`` objects on
the session's DBAPI connection, inside the session's transaction, and convert values exactly as
the models' column types do, so a row written here reads back identically through the ORM and
the other way round (tests/client/storage/test_rawsql.py checks both directions).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import Table
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

__all__ = ["TableInsert", "dbapi", "to_db", "utc_from_db"]


def dbapi(session: Session | Connection) -> Any:
    """The DBAPI (sqlite3 / sqlcipher3) connection of the session's current transaction.

    For a write session this first begins the transaction (``BEGIN IMMEDIATE``), so statements
    run on it are part of the session's commit or rollback.
    """
    conn = session.connection() if isinstance(session, Session) else session
    return conn.connection.driver_connection


def to_db(value: Any) -> Any:
    """A Python value as SQLAlchemy's SQLite types store it: aware datetimes as naive UTC text
    with microseconds (``UtcDateTime``), dates as ISO text, booleans as 0/1."""
    if isinstance(value, datetime):
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the store; use an aware UTC datetime")
        return value.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return int(value)
    return value


def utc_from_db(value: str | None) -> datetime | None:
    """A ``UtcDateTime`` column's stored text as an aware UTC datetime."""
    return None if value is None else datetime.fromisoformat(value).replace(tzinfo=UTC)


class TableInsert:
    """``INSERT INTO table (every column but ``omit``) VALUES (?, ...)``, built once.

    Every column must be given (no Python-side defaults are applied here: a missing value is a
    KeyError, not a silently empty field).
    """

    def __init__(self, table: Table, *, omit: Sequence[str] = ()) -> None:
        self.columns = tuple(c.name for c in table.columns if c.name not in omit)
        self.sql = (
            f"INSERT INTO {table.name} ({', '.join(self.columns)}) "
            f"VALUES ({', '.join('?' * len(self.columns))})"
        )

    def __call__(self, db: Any, values: Mapping[str, Any]) -> int:
        """Insert one row; returns its rowid."""
        cursor = db.execute(self.sql, [to_db(values[c]) for c in self.columns])
        return int(cursor.lastrowid)
