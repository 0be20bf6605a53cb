from __future__ import annotations

import csv
import io
from datetime import UTC, date, datetime, timedelta

import pytest

from border_client.services import amendments, identity, registration, reporting, settings
from border_client.services.common import PermissionDenied, ValidationError
from border_client.services.reporting import RecordFilter

from .conftest import MakeDoc

T0 = datetime(2026, 3, 10, 14, 0, tzinfo=UTC)  # 10:00 in Port-au-Prince (UTC-4, DST)


def _seed(store, user, make_doc: MakeDoc) -> None:
    people = [
        ("DUPONT", "MARIE", "FRA", "F", "850312"),
        ("SMITH", "JOHN", "USA", "M", "900101"),
        ("GARCIA", "ANA", "DOM", "F", "100505"),  # a minor
        ("MUELLER", "HANS", "DEU", "M", "600101"),
    ]
    for i, (surname, given, nat, sex, birth) in enumerate(people):
        doc = make_doc(
            surname=surname, given_names=given, state=nat, sex=sex, birth=birth, number=f"N{i}000000{i}"
        )
        registration.register_crossing(store, user, doc, "entry", occurred_at=T0 + timedelta(minutes=10 * i))
    registration.register_crossing(
        store,
        user,
        make_doc(
            surname="SMITH", given_names="JOHN", state="USA", sex="M", birth="900101", number="N1000000" + "1"
        ),
        "exit",
        occurred_at=T0 + timedelta(hours=3),
    )


def test_records_filters_and_keyset_paging(store, supervisor, make_doc: MakeDoc) -> None:
    _seed(store, supervisor, make_doc)
    first = reporting.records(store, supervisor, limit=2)
    assert [r.surname for r in first.rows] == ["SMITH", "MUELLER"]
    assert first.next_cursor is not None
    second = reporting.records(store, supervisor, limit=2, after=first.next_cursor)
    third = reporting.records(store, supervisor, limit=2, after=second.next_cursor)
    seen = [r.crossing_id for p in (first, second, third) for r in p.rows]
    assert len(seen) == len(set(seen)) == 5
    assert reporting.count_records(store, supervisor) == 5
    assert reporting.count_records(store, supervisor, RecordFilter(direction="exit")) == 1
    assert reporting.count_records(store, supervisor, RecordFilter(nationality="usa")) == 2
    by_name = reporting.records(store, supervisor, RecordFilter(name="Müll"))
    assert [r.surname for r in by_name.rows] == ["MUELLER"]
    by_doc = reporting.records(store, supervisor, RecordFilter(document_number="n2000000" + "2"))
    assert [r.surname for r in by_doc.rows] == ["GARCIA"]
    window = RecordFilter(since=T0 + timedelta(minutes=5), until=T0 + timedelta(minutes=25))
    assert reporting.count_records(store, supervisor, window) == 2
    page = reporting.records_page(store, supervisor, offset=1, limit=2)
    assert [r.crossing_id for r in page] == [r.crossing_id for r in first.rows[1:]] + [
        second.rows[0].crossing_id
    ]


def test_record_limits_are_part_of_the_statement_and_checked(store, supervisor, make_doc: MakeDoc) -> None:
    """LIMIT is written into the SQL (a bound one makes SQLCipher's SQLite plan the statement
    again on every run), so only a non-negative integer gets there; paging by that limit still
    reaches every row exactly once."""
    _seed(store, supervisor, make_doc)
    assert reporting.records(store, supervisor, limit=0).rows == []
    assert len(reporting.records_page(store, supervisor, offset=3, limit=5)) == 2
    for bad in (-1, True, 2.0, "5; DROP TABLE crossings"):
        with pytest.raises(ValueError, match="limit must be a non-negative integer"):
            reporting.records(store, supervisor, limit=bad)
    newest_first = [r.crossing_id for r in reporting.records(store, supervisor, limit=10).rows]
    with store.raw_read() as db:
        exported = [v.crossing_id for v in reporting._iter_filtered(db, RecordFilter(), batch=2)]
    assert len(newest_first) == 5 and exported == newest_first
    assert reporting.count_records(store, supervisor) == 5


def test_dashboard_counts_by_local_hour_nationality_sex_age(store, supervisor, make_doc) -> None:
    _seed(store, supervisor, make_doc)
    d = reporting.dashboard(store, supervisor, T0 - timedelta(hours=1), T0 + timedelta(hours=5))
    assert d["entries"] == 4 and d["exits"] == 1
    assert d["by_hour"][10]["entry"] == 4 and d["by_hour"][13]["exit"] == 1
    assert d["by_nationality"][0] == {"nationality": "USA", "entry": 1, "exit": 1}
    assert d["by_sex"]["F"]["entry"] == 2
    assert d["by_age_band"]["0-17"]["entry"] == 1 and d["by_age_band"]["60+"]["entry"] == 1


def test_dashboard_and_export_need_a_supervisor(store, inspector) -> None:
    with pytest.raises(PermissionDenied):
        reporting.dashboard(store, inspector)
    with pytest.raises(PermissionDenied):
        reporting.export_csv(store, inspector, io.StringIO())


def test_inspector_activity(store, supervisor, inspector, make_doc) -> None:
    registration.register_crossing(store, inspector, make_doc(), "entry", occurred_at=T0)
    registration.register_crossing(store, supervisor, make_doc(number="ZZ1"), "entry", occurred_at=T0)
    registration.register_crossing(store, inspector, make_doc(), "exit", occurred_at=T0 + timedelta(hours=1))
    rows = reporting.inspector_activity(store, supervisor, T0, T0 + timedelta(days=1))
    assert rows[0]["inspector"] == "ian" and rows[0]["total"] == 2 and rows[0]["exit"] == 1


def test_overstays_lists_who_is_still_inside(store, admin, make_doc: MakeDoc) -> None:
    settings.set_stay_rules(store, admin, overrides={"USA": 30})
    registration.register_crossing(store, admin, make_doc(state="USA", number="U1"), "entry", occurred_at=T0)
    registration.register_crossing(store, admin, make_doc(state="FRA", number="F1"), "entry", occurred_at=T0)
    left = make_doc(state="USA", number="U2")
    registration.register_crossing(store, admin, left, "entry", occurred_at=T0)
    registration.register_crossing(store, admin, left, "exit", occurred_at=T0 + timedelta(days=5))
    rows = reporting.overstays(store, admin, as_of=T0 + timedelta(days=40))
    assert [(r.document_number, r.allowed_days, r.days_stayed) for r in rows] == [("U1", 30, 41)]
    rows = reporting.overstays(store, admin, as_of=T0 + timedelta(days=100))
    assert {r.document_number for r in rows} == {"U1", "F1"}


def test_export_csv_is_audited(store, supervisor, make_doc: MakeDoc) -> None:
    from border_client.services.audit import list_audit

    _seed(store, supervisor, make_doc)
    out = io.StringIO()
    n = reporting.export_csv(store, supervisor, out, RecordFilter(direction="entry"))
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert n == 4 == len(rows) and rows[0]["direction"] == "entry"
    assert list_audit(store, supervisor, 1)[0]["action"] == "records.exported"


def test_fuzzy_name_search(store, supervisor, make_doc: MakeDoc) -> None:
    _seed(store, supervisor, make_doc)
    hits = reporting.search_travelers(store, supervisor, "Müller Hans")
    assert hits and hits[0]["surname"] == "MUELLER"
    hits = reporting.search_travelers(store, supervisor, "Smyth John")
    assert hits and hits[0]["surname"] == "SMITH"
    hits = reporting.search_travelers(store, supervisor, "Dupont", birth_date=date(1985, 3, 12))
    assert [h["surname"] for h in hits] == ["DUPONT"]
    assert reporting.search_travelers(store, supervisor, "Zzyzx Qwerty") == []


def test_amendment_needs_reason_and_approval(store, inspector, supervisor, make_doc) -> None:
    r = registration.register_crossing(store, inspector, make_doc(), "entry")
    cid = r.crossing.crossing_id
    with pytest.raises(ValidationError, match="reason"):
        amendments.request_amendment(store, inspector, cid, {"purpose": "work"}, " ")
    with pytest.raises(ValidationError, match="cannot be amended"):
        amendments.request_amendment(store, inspector, cid, {"inspector": "x"}, "typo")
    a = amendments.request_amendment(store, inspector, cid, {"purpose": "work"}, "misheard")
    assert reporting.get_crossing(store, inspector, cid).purpose == ""  # type: ignore[union-attr]
    with pytest.raises(PermissionDenied):
        amendments.decide_amendment(store, inspector, a["amendment_id"], True)
    amendments.decide_amendment(store, supervisor, a["amendment_id"], True)
    view = reporting.get_crossing(store, inspector, cid)
    assert view is not None and view.purpose == "work" and view.amended
    from border_client.services import outbox

    event = outbox.pending(store, 0)[-1]
    assert event.event_type == "crossing.amended"
    assert event.payload["changes"] == {"purpose": "work"}
    assert event.payload["approved_by"] == "sara" and event.payload["requested_by"] == "ian"


def test_identity_suggestion_and_link_join_histories(store, supervisor, make_doc) -> None:
    old = make_doc(
        surname="JEAN BAPTISTE",
        given_names="PIERRE",
        state="HTI",
        number="OLD123456",
        birth="800101",
        sex="M",
    )
    new = make_doc(
        surname="JEAN BAPTIST", given_names="PIERRE", state="HTI", number="NEW123456", birth="800101", sex="M"
    )
    stranger = make_doc(
        surname="LOUIS", given_names="MARC", state="HTI", number="XXX123456", birth="800101", sex="M"
    )
    a = registration.register_crossing(store, supervisor, old, "entry", occurred_at=T0)
    b = registration.register_crossing(store, supervisor, stranger, "entry", occurred_at=T0)
    del b
    # The new passport's first crossing: a separate traveler, suggested as the same person.
    c = registration.register_crossing(store, supervisor, new, "exit", occurred_at=T0 + timedelta(days=3))
    assert c.crossing.days_stayed is None
    suggestions = identity.identity_suggestions(store, supervisor, c.crossing.traveler_id)
    assert [s["traveler_id"] for s in suggestions] == [a.crossing.traveler_id]
    identity.link_identities(store, supervisor, c.crossing.traveler_id, a.crossing.traveler_id)
    history = registration.traveler_history(store, supervisor, c.crossing.traveler_id)
    assert len(history) == 2
    with pytest.raises(ValidationError, match="already linked"):
        identity.link_identities(store, supervisor, a.crossing.traveler_id, c.crossing.traveler_id)


def test_name_index_sees_travelers_added_after_it_was_built(store, supervisor, make_doc) -> None:
    _seed(store, supervisor, make_doc)
    reporting.warm_indexes(store)
    assert reporting.search_travelers(store, supervisor, "Okonkwo Chidi") == []
    registration.register_crossing(
        store,
        supervisor,
        make_doc(surname="OKONKWO", given_names="CHIDI", state="NGA", number="A0NGA0001", sex="M"),
        "entry",
    )
    # Given name first and a typo in the surname: still found.
    hits = reporting.search_travelers(store, supervisor, "Chidi Okonkow")
    assert [h["surname"] for h in hits] == ["OKONKWO"]
    assert reporting.search_travelers(store, supervisor, "Chidi Okonkwo", nationality="FRA") == []


def test_corrected_direction_changes_who_is_inside(store, inspector, supervisor, make_doc) -> None:
    doc = make_doc(state="USA", number="U9")
    r = registration.register_crossing(store, inspector, doc, "exit", occurred_at=T0)
    assert registration.check_traveler(store, inspector, doc).suggested_direction == "entry"
    a = amendments.request_amendment(
        store, inspector, r.crossing.crossing_id, {"direction": "entry"}, "pressed the wrong key"
    )
    amendments.decide_amendment(store, supervisor, a["amendment_id"], True)
    assert registration.check_traveler(store, inspector, doc).suggested_direction == "exit"
    rows = reporting.overstays(store, supervisor, as_of=T0 + timedelta(days=120))
    assert [row.document_number for row in rows] == ["U9"]


def test_record_queries_are_served_by_their_indexes(store) -> None:
    """The plans SQLite picks for a document lookup and a page's decorations: an index search,
    never a walk of every crossing or of every approved amendment the post ever had."""
    where, values = reporting._filter_sql(RecordFilter(document_number="AB1234567"))
    with store.raw_read() as db:
        lookup = db.execute(
            f"EXPLAIN QUERY PLAN {reporting._SELECT} WHERE {where}{reporting._NEWEST_FIRST} LIMIT 20",
            values,
        ).fetchall()
        decorations = db.execute(
            f"EXPLAIN QUERY PLAN {reporting._decorations_sql(2)}", ["a", "b", "a", "b"]
        ).fetchall()
    lookup_plan = " | ".join(row[-1] for row in lookup)
    decorations_plan = " | ".join(row[-1] for row in decorations)
    assert "USING INDEX ix_crossings_document_number (document_number=?)" in lookup_plan
    assert "amendments USING INDEX ix_amendments_crossing (crossing_id=?)" in decorations_plan
    assert "alerts USING INDEX" in decorations_plan and "SCAN" not in decorations_plan


def _paging_history(store, supervisor, inspector, make_doc: MakeDoc) -> None:
    """23 crossings of four travelers by two users, registered out of time order (a late paper
    record gets a higher row id than newer crossings) and with runs of equal times."""
    people = [
        ("DUPONT", "MARIE", "FRA", "F", "850312"),
        ("SMITH", "JOHN", "USA", "M", "900101"),
        ("SMALL", "ANA", "DOM", "F", "800505"),
        ("MUELLER", "HANS", "DEU", "M", "600101"),
    ]
    minutes = [30, 0, 30, 10, 30, 50, 0, 20, 30, 40, 10, 10, 60, 30, 0, 70, 20, 30, 50, 40, 10, 30, 5]
    for i, minute in enumerate(minutes):
        surname, given, nat, sex, birth = people[i % 4]
        doc = make_doc(surname=surname, given_names=given, state=nat, sex=sex, birth=birth,
                       number=f"N{i % 4}000000{i % 4}")
        registration.register_crossing(
            store, supervisor if i % 3 else inspector, doc, "entry" if i % 2 else "exit",
            occurred_at=T0 + timedelta(minutes=minute),
        )


PAGING_FILTERS = [
    RecordFilter(),
    RecordFilter(direction="entry"),
    RecordFilter(nationality="USA"),
    RecordFilter(inspector="sara"),  # the supervisor fixture
    RecordFilter(document_number="N30000003"),
    RecordFilter(name="SM"),
    RecordFilter(since=T0 + timedelta(minutes=10), until=T0 + timedelta(minutes=50)),
    RecordFilter(since=T0 + timedelta(minutes=10), until=T0 + timedelta(minutes=50), direction="exit"),
    RecordFilter(since=T0, until=T0 + timedelta(minutes=40), nationality="FRA"),
    RecordFilter(direction="exit", nationality="DEU"),
    RecordFilter(name="SM", direction="entry"),
    RecordFilter(since=T0 + timedelta(minutes=5), until=T0 + timedelta(minutes=60), name="S"),
    RecordFilter(inspector="nobody"),
]


@pytest.mark.parametrize("limit", [3, 4, 100])
def test_records_page_by_key_or_from_the_oldest_row_equals_the_offset_page(
    store, supervisor, inspector, make_doc: MakeDoc, limit: int
) -> None:
    """Every way the records model asks for a page (after the row above it, before the row
    below it, an offset counted from the oldest row) gives exactly the offset page, for every
    filter the screen offers, across runs of equal times and late-registered rows."""
    _paging_history(store, supervisor, inspector, make_doc)
    assert supervisor.username == "sara"  # named by the inspector filter above
    for f in PAGING_FILTERS:
        total = reporting.count_records(store, supervisor, f)
        everything = reporting.records_page(store, supervisor, f, offset=0, limit=1000)
        ids = [r.crossing_id for r in everything]
        assert len(ids) == total
        keys = [(r.occurred_at, r.row_id) for r in everything]
        assert keys == sorted(keys, reverse=True)  # newest first, ties by row id
        if f == RecordFilter():
            assert total == 23 and len({r.occurred_at for r in everything}) < 10
        for offset in range(0, total + limit, limit):
            expected = ids[offset : offset + limit]

            def page(f=f, offset=offset, **how):
                return [r.crossing_id for r in reporting.records_page(
                    store, supervisor, f, offset=offset, limit=limit, **how)]

            assert page() == expected, (f, offset)
            assert page(total=total) == expected, (f, offset)
            if 0 < offset <= total:
                above = everything[offset - 1]
                assert page(after=(above.occurred_at, above.row_id)) == expected, (f, offset)
            if offset + limit < total:
                below = everything[offset + limit]
                assert page(before=(below.occurred_at, below.row_id)) == expected, (f, offset)
