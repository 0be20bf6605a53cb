"""Every console query against SQLite and PostgreSQL, on data that arrived as signed batches."""

from __future__ import annotations

import csv
import io
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import select

from border_client.domain.stay import CARICOM_MEMBER_CODES, StayPolicy
from sync_server.console import queries, summaries
from sync_server.console.tables import console_flow_daily, console_flow_dims, console_travelers
from tests.console.seed import Scenario

POLICY = StayPolicy.from_config(90, {}, CARICOM_MEMBER_CODES)


@pytest.fixture()
def conn(seeded: tuple[Any, Scenario]) -> Any:
    app, _ = seeded
    with app.state.engine.connect() as c:
        yield c


def test_posts_overview_shows_each_device_with_events_today(conn: Any, seeded: Any) -> None:
    _, sc = seeded
    rows = {r["post_code"]: r for r in queries.posts_overview(conn, sc.today)}
    assert set(rows) == {"HTI-CAP", "HTI-OUA"}
    assert rows["HTI-CAP"]["events_today"] == 7  # all events stored, the quarantined one too
    assert rows["HTI-OUA"]["events_today"] == 4
    assert rows["HTI-OUA"]["queue_length"] == 3
    assert rows["HTI-OUA"]["app_version"] == "0.1.1"
    assert rows["HTI-CAP"]["status"] == "active"
    assert rows["HTI-CAP"]["last_sync_at"] is not None
    assert queries.posts_overview(conn, sc.today - timedelta(days=1))[0]["events_today"] == 0


def _expected_flows(sc: Scenario, start: Any, end: Any) -> dict[str, int]:
    n = {"entry": 0, "exit": 0}
    for c in sc.crossings:
        day = c["occurred_at"][:10]
        if start.isoformat() <= day <= end.isoformat():
            n[c["direction"]] += 1
    return n


def test_flows_totals_and_breakdowns_match_the_crossings(conn: Any, seeded: Any) -> None:
    _, sc = seeded
    start, end = sc.today - timedelta(days=29), sc.today
    report = queries.flows(conn, start, end)
    expected = _expected_flows(sc, start, end)
    assert (report.total_entries, report.total_exits) == (expected["entry"], expected["exit"])
    assert len(report.by_day) == 30  # every day present, zeros included
    assert sum(r["entries"] for r in report.by_day) == expected["entry"]
    by_post = {r["key"]: r for r in report.by_post}
    assert by_post["HTI-OUA"]["exits"] == 2  # Hans and Li left through Ouanaminthe
    sexes = {r["key"]: r["entries"] + r["exits"] for r in report.by_sex}
    assert sexes == {"F": 1, "M": 4}
    bands = {r["key"]: r["entries"] + r["exits"] for r in report.by_age_band}
    assert bands["0-17"] == 1  # Maria
    assert [r["key"] for r in report.by_age_band] == [b for b in summaries.AGE_BANDS if b in bands]
    only_cap = queries.flows(conn, start, end, "HTI-CAP")
    assert only_cap.total_entries == 2 and only_cap.total_exits == 1  # Hans, Li in; Maria out
    wide = queries.flows(conn, sc.today - timedelta(days=365), sc.today)
    assert (
        (wide.total_entries, wide.total_exits)
        == (4, 3)
        == (
            sum(c["direction"] == "entry" for c in sc.crossings),
            sum(c["direction"] == "exit" for c in sc.crossings),
        )
    )
    # Ranges made of whole months plus odd days (monthly rollups + daily rows) agree.
    for lo in (sc.today - timedelta(days=400), sc.today.replace(day=1) - timedelta(days=95)):
        r = queries.flows(conn, lo, sc.today)
        expect = _expected_flows(sc, lo, sc.today)
        for dim in (r.by_sex, r.by_nationality, r.by_age_band):
            assert sum(x["entries"] for x in dim) == expect["entry"] == r.total_entries
            assert sum(x["exits"] for x in dim) == expect["exit"] == r.total_exits
    rows = queries.flow_rows(conn, start, end)
    assert sum(r[-1] for r in rows if r[3] == "total") == expected["entry"] + expected["exit"]
    assert sum(r[-1] for r in rows if r[3] == "sex") == expected["entry"] + expected["exit"]
    # The export's server-side cursor yields the same rows, in order, whatever its chunk size.
    assert list(queries.stream_flow_rows(conn, start, end, chunk=3)) == rows
    # The CSV export: PostgreSQL's COPY writes the very bytes Python's csv writer does.
    text = "".join(queries.flow_csv(conn, start, end))
    assert text == "".join(queries._flow_csv_python(conn, start, end, None))
    parsed = list(csv.reader(io.StringIO(text)))
    assert parsed[0] == list(queries.FLOW_CSV_COLUMNS)
    assert parsed[1:] == [[r[0].isoformat(), *(str(v) for v in r[1:])] for r in rows]


def test_flows_refuse_a_reversed_range(conn: Any, seeded: Any) -> None:
    _, sc = seeded
    with pytest.raises(queries.QueryError, match="before the start"):
        queries.flows(conn, sc.today, sc.today - timedelta(days=1))


def test_summaries_equal_a_rebuild_from_the_crossings(seeded: Any) -> None:
    app, _ = seeded
    with app.state.engine.begin() as c:
        before_flows = sorted(tuple(r) for r in c.execute(select(console_flow_daily)).all()) + sorted(
            tuple(r) for r in c.execute(select(console_flow_dims)).all()
        )
        before_presence = sorted(tuple(r) for r in c.execute(select(console_travelers)).all())
        summaries.rebuild(c)
        after_flows = sorted(tuple(r) for r in c.execute(select(console_flow_daily)).all()) + sorted(
            tuple(r) for r in c.execute(select(console_flow_dims)).all()
        )
        after_presence = sorted(tuple(r) for r in c.execute(select(console_travelers)).all())
    assert before_flows == after_flows
    assert before_presence == after_presence


def test_search_by_document_number_folds_ocr_confusions(conn: Any) -> None:
    hits = queries.search_travelers(conn, document_number="C01XOOT47")  # O for 0
    assert [h["surname"] for h in hits] == ["MUELLER"]
    assert hits[0]["crossings"] == 2


def test_search_by_name_is_fuzzy_and_transliteration_aware(conn: Any) -> None:
    for query in ("Müller Hans", "MULLER HANS", "hans mueller", "Muler Hans"):
        hits = queries.search_travelers(conn, name=query)
        assert hits and hits[0]["surname"] == "MUELLER", query
    assert queries.search_travelers(conn, name="Zzyzx Qwerty") == []
    # A given name mistyped in its first letters: no candidate matches both parts, so the
    # search widens to either part alone and still finds him.
    hits = queries.search_travelers(conn, name="Mueller Hnas")
    assert hits and hits[0]["surname"] == "MUELLER"


def test_search_by_birth_date_narrows(conn: Any) -> None:
    from datetime import date

    hits = queries.search_travelers(conn, name="Eriksson", birth_date=date(1974, 8, 12))
    assert [h["given_names"] for h in hits] == ["ANNA MARIA"]
    assert queries.search_travelers(conn, name="Eriksson", birth_date=date(1975, 8, 12)) == []
    with pytest.raises(queries.QueryError):
        queries.search_travelers(conn)


def test_timeline_spans_posts_and_linked_identities(conn: Any, seeded: Any) -> None:
    _, sc = seeded
    hans = queries.traveler_timeline(conn, "D:C01X00T47", POLICY, sc.today)
    assert hans is not None
    assert [(c["post_code"], c["direction"]) for c in hans["crossings"]] == [
        ("HTI-CAP", "entry"),
        ("HTI-OUA", "exit"),
    ]
    assert hans["crossings"][1]["days_stayed"] == 8 and hans["inside"] is None
    li = queries.traveler_timeline(conn, "CHN:E22222222", POLICY, sc.today)
    assert li is not None and li["linked_keys"] == ["CHN:E11111111"]
    assert [c["document_number"] for c in li["crossings"]] == ["E11111111", "E22222222"]
    anna = queries.traveler_timeline(conn, "UTO:L898902C3", POLICY, sc.today)
    assert anna is not None and anna["inside"]["days_over"] == 121 - 90
    assert queries.traveler_timeline(conn, "XXX:NOPE", POLICY, sc.today) is None


def test_matched_exits_pair_entry_and_exit_across_posts(conn: Any, seeded: Any) -> None:
    _, sc = seeded
    start, end = sc.today - timedelta(days=29), sc.today
    rows = queries.matched_exits(conn, start, end, policy=POLICY)
    assert [(r["entry_id"], r["exit_id"]) for r in rows] == [(sc.ids["hans_in"], sc.ids["hans_out"])]
    assert rows[0]["entry_post_code"] == "HTI-CAP" and rows[0]["exit_post_code"] == "HTI-OUA"
    assert rows[0]["days_stayed"] == 8 and rows[0]["days_over"] == 0
    assert queries.matched_exits(conn, start, end, policy=POLICY, cross_post_only=True) == rows
    assert queries.matched_exits(conn, start, end, policy=POLICY, post_code="HTI-CAP") == []


def test_unmatched_exits_exclude_linked_identities(conn: Any, seeded: Any) -> None:
    _, sc = seeded
    rows = queries.unmatched_exits(conn, sc.today - timedelta(days=29), sc.today)
    # Maria has no entry; Li's exit is closed by the entry under his linked old passport.
    assert [r["crossing_id"] for r in rows] == [sc.ids["maria_out"]]


def test_overstays_apply_the_policy(conn: Any, seeded: Any) -> None:
    _, sc = seeded
    rows = queries.overstays(conn, policy=POLICY, today=sc.today)
    assert [(r["surname"], r["days_over"]) for r in rows] == [("ERIKSSON", 31)]
    strict = StayPolicy.from_config(90)  # without the CARICOM exemption Jean is over too
    rows = queries.overstays(conn, policy=strict, today=sc.today)
    assert [(r["surname"], r["days_over"]) for r in rows] == [("PIERRE", 201 - 90), ("ERIKSSON", 31)]
    generous = StayPolicy.from_config(90, {"UTO": 180}, CARICOM_MEMBER_CODES)
    assert queries.overstays(conn, policy=generous, today=sc.today) == []
    assert (
        queries.overstays(conn, policy=strict, today=sc.today, limit=1, offset=1)[0]["surname"] == "ERIKSSON"
    )


def test_overstays_keyset_pages_match_offset_pages(conn: Any, seeded: Any) -> None:
    _, sc = seeded
    strict = StayPolicy.from_config(90)
    every = queries.overstays(conn, policy=strict, today=sc.today)
    assert len(every) == 2
    first = queries.overstays(conn, policy=strict, today=sc.today, limit=1)
    after_first = queries.overstays(
        conn, policy=strict, today=sc.today, limit=1, after=queries.overstay_cursor(first[0])
    )
    assert first + after_first == every
    # An offset is ignored when a position is given.
    assert (
        queries.overstays(
            conn, policy=strict, today=sc.today, limit=1, offset=5, after=queries.overstay_cursor(first[0])
        )
        == after_first
    )
    assert (
        queries.overstays(conn, policy=strict, today=sc.today, after=queries.overstay_cursor(every[-1])) == []
    )
    before_last = queries.overstays(
        conn, policy=strict, today=sc.today, before=queries.overstay_cursor(every[-1])
    )
    assert before_last == every[:-1]
    with pytest.raises(queries.QueryError):
        queries.overstays(conn, policy=strict, today=sc.today, after="not a position")


def test_overstays_sql_rule_is_the_policy(conn: Any, seeded: Any) -> None:
    """Per-nationality allowances and exemptions are applied by the database exactly as
    StayPolicy.assess decides, at the boundary day too."""
    _, sc = seeded
    every = queries.overstays(conn, policy=StayPolicy.from_config(1), today=sc.today)
    assert every
    for row in every:
        days = row["days_stayed"]
        nat = row["nationality"]
        for allowed in (days - 1, days):  # one day over, and exactly at the allowance
            policy = StayPolicy.from_config(1000, {nat: allowed})
            listed = [r["traveler_key"] for r in queries.overstays(conn, policy=policy, today=sc.today)]
            expected = policy.assess(nat, row["entry_at"].date(), sc.today).overstay
            assert (row["traveler_key"] in listed) == expected, (nat, allowed)
        exempt = StayPolicy.from_config(1, exempt=[nat])
        assert row["traveler_key"] not in [
            r["traveler_key"] for r in queries.overstays(conn, policy=exempt, today=sc.today)
        ]


def test_alerts_with_decisions(conn: Any, seeded: Any) -> None:
    _, sc = seeded
    start, end = sc.today - timedelta(days=29), sc.today
    rows = queries.alerts(conn, start, end)
    assert [r["alert_id"] for r in rows] == [sc.ids["alert"]]
    assert rows[0]["decision"] == "allowed" and rows[0]["surname"] == "MUELLER"
    assert queries.alerts(conn, start, end, state="pending") == []
    assert len(queries.alerts(conn, start, end, state="allowed", post_code="HTI-CAP")) == 1
    with pytest.raises(queries.QueryError):
        queries.alerts(conn, start, end, state="bogus")


def test_quarantine_lists_the_refused_event_with_its_reason(conn: Any) -> None:
    rows = queries.quarantine(conn)
    assert len(rows) == 1
    assert rows[0]["post_code"] == "HTI-CAP" and "direction" in rows[0]["reason"]
    assert queries.quarantine(conn, post_code="HTI-OUA") == []


def test_watchlist_overview_reports_devices(conn: Any) -> None:
    wl = queries.watchlist_overview(conn)
    assert {d["post_code"] for d in wl["devices"]} == {"HTI-CAP", "HTI-OUA"}
    assert wl["draft_count"] == len(wl["draft"])
