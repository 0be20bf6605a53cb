"""The DBAPI hot paths store values exactly as the models' column types do, both ways."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any, cast

import pytest
from sqlalchemy import Table, select

from border_client.storage import Store
from border_client.storage.models import Crossing, Traveler
from border_client.storage.rawsql import TableInsert, dbapi, to_db, utc_from_db

HAITI = timezone(timedelta(hours=-5))


def _traveler(tid: str, **over: Any) -> dict[str, Any]:
    values: dict[str, Any] = {
        "id": tid,
        "document_number": "AB1234567",
        "number_key": "AB1234567",
        "issuing_state": "FRA",
        "birth_date_raw": "850312",
        "birth_date": date(1985, 3, 12),
        "surname": "DUPONT",
        "given_names": "MARIE",
        "name_key": "DUPONT MARIE",
        "surname_initial": "D",
        "nationality": "FRA",
        "sex": "F",
        # Not UTC on purpose: stored as UTC, as UtcDateTime does.
        "created_at": datetime(2026, 3, 1, 7, 8, 9, 123456, tzinfo=HAITI),
        "last_direction": None,
        "last_crossing_at": None,
        "last_crossing_id": None,
    }
    values.update(over)
    return values


def _crossing(cid: str, tid: str, at: datetime, **over: Any) -> dict[str, Any]:
    values: dict[str, Any] = {
        "crossing_id": cid,
        "post_code": "HTI-CAP",
        "direction": "entry",
        "occurred_at": at,
        "local_tz": "America/Port-au-Prince",
        "inspector": "ian",
        "travel_mode": "land",
        "vehicle_plate": "",
        "purpose": "tourism",
        "origin_destination": "",
        "remarks": "Ünïcode ok",
        "traveler_id": tid,
        "document_code": "P",
        "issuing_state": "FRA",
        "document_number": "AB1234567",
        "nationality": "FRA",
        "surname": "DUPONT",
        "given_names": "MARIE",
        "birth_date": "1985-03-12",
        "sex": "F",
        "expiry_date": None,
        "optional_data": "",
        "mrz_lines": "P<FRA\nAB123",
        "mrz_valid": True,
        "watchlist_version": None,
        "days_stayed": 12,
        "overstay": False,
        "double_entry": True,
        "has_photo": False,
    }
    values.update(over)
    return values


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    store, _ = Store.create(tmp_path / "post")
    yield store
    store.close()


def test_rows_written_raw_read_back_identically_through_the_orm(store: Store) -> None:
    at = datetime(2026, 11, 27, 5, 6, 7, 890123, tzinfo=UTC)
    insert_t = TableInsert(cast(Table, Traveler.__table__))
    insert_c = TableInsert(cast(Table, Crossing.__table__), omit=("id",))
    with store.write() as s:
        db = dbapi(s)
        insert_t(db, _traveler("t-1", last_direction="entry", last_crossing_at=at, last_crossing_id="c-1"))
        rowid = insert_c(db, _crossing("c-1", "t-1", at))
    with store.read() as s:
        t = s.get(Traveler, "t-1")
        c = s.scalars(select(Crossing).where(Crossing.crossing_id == "c-1")).one()
    assert t is not None
    assert t.created_at == datetime(2026, 3, 1, 12, 8, 9, 123456, tzinfo=UTC)
    assert t.created_at.tzinfo is UTC
    assert t.birth_date == date(1985, 3, 12)
    assert t.last_crossing_at == at
    assert c.rowid_ == rowid
    assert c.occurred_at == at
    assert (c.mrz_valid, c.overstay, c.double_entry, c.has_photo) == (True, False, True, False)
    assert c.remarks == "Ünïcode ok" and c.expiry_date is None and c.days_stayed == 12


def test_rows_written_by_the_orm_read_back_identically_raw(store: Store) -> None:
    at = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)  # no microseconds: still six digits stored
    with store.write() as s:
        s.add(Traveler(**_traveler("t-2")))
        s.flush()
        s.add(Crossing(**_crossing("c-2", "t-2", at, overstay=True)))
    with store.read() as s:
        db = dbapi(s)
        occurred, overstay = db.execute(
            "SELECT occurred_at, overstay FROM crossings WHERE crossing_id = 'c-2'"
        ).fetchone()
        created = db.execute("SELECT created_at FROM travelers WHERE id = 't-2'").fetchone()[0]
    assert occurred == to_db(at) == "2026-01-02 03:04:05.000000"
    assert utc_from_db(occurred) == at
    assert created == to_db(datetime(2026, 3, 1, 7, 8, 9, 123456, tzinfo=HAITI))
    assert overstay == 1


def test_a_missing_column_or_a_naive_time_is_refused(store: Store) -> None:
    insert_t = TableInsert(cast(Table, Traveler.__table__))
    values = _traveler("t-3")
    del values["sex"]
    with store.write() as s, pytest.raises(KeyError, match="sex"):
        insert_t(dbapi(s), values)
    with pytest.raises(ValueError, match="naive"):
        to_db(datetime(2026, 1, 1))
    with store.read() as s:
        assert s.get(Traveler, "t-3") is None


def test_raw_read_is_a_snapshot_and_cannot_write(store: Store) -> None:
    with store.raw_read() as db:
        assert db.in_transaction
        db.execute("INSERT INTO settings(key, value) VALUES ('x', '1')")
    with store.raw_read() as db:
        assert db.execute("SELECT count(*) FROM settings WHERE key = 'x'").fetchone()[0] == 0
