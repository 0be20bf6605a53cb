from __future__ import annotations

from datetime import UTC, datetime

import pytest

from border_client.services import alerts, outbox, registration
from border_client.services import watchlist as wl
from border_client.services.common import PermissionDenied, ValidationError
from border_client.services.registration import RegistrationResult

from .conftest import MakeDoc

CSV = """list,document_number,issuing_state,surname,given_names,birth_date,nationality,reason
document,AB1234567,FRA,,,,,stolen passport (SLTD)
person,,,MÜLLER|MULLER,HANS,1970-05-01,DEU,person of interest
person,,,ROSSI,MARIO,1960,ITA,wanted
"""


def test_document_hit_raises_alert_and_needs_a_decision(
    store, inspector, supervisor, make_doc: MakeDoc
) -> None:
    wl.import_watchlist_csv(store, supervisor, CSV)
    r = registration.register_crossing(store, inspector, make_doc(number="AB1234567"), "entry")
    assert r.crossing.status == "pending"
    [alert] = r.alerts
    assert alert["kind"] == "document" and alert["score"] == 100.0 and not alert["late"]
    assert "stolen" in alert["reason"]
    assert r.crossing.watchlist_version is not None
    [pending] = alerts.pending_alerts(store, supervisor)
    assert pending["alert_id"] == alert["alert_id"]
    with pytest.raises(PermissionDenied):
        alerts.decide_alert(store, inspector, alert["alert_id"], "allowed")
    alerts.decide_alert(store, supervisor, alert["alert_id"], "refused", "confiscated")
    assert alerts.pending_alerts(store, supervisor) == []
    types = [e.event_type for e in outbox.pending(store, 0)]
    assert types[-3:] == ["crossing.registered", "alert.raised", "alert.decided"]
    with pytest.raises(ValidationError, match="already decided"):
        alerts.decide_alert(store, supervisor, alert["alert_id"], "allowed")


def test_ocr_confusions_in_document_numbers_still_match(store, supervisor, make_doc: MakeDoc) -> None:
    wl.import_watchlist_csv(
        store,
        supervisor,
        "list,document_number,issuing_state,reason\ndocument,O12345I7,USA,lost\n",
    )
    r = registration.register_crossing(store, supervisor, make_doc(number="01234517", state="USA"), "entry")
    assert len(r.alerts) == 1 and r.alerts[0]["score"] < 100


def test_person_hit_is_transliteration_aware(store, supervisor, make_doc: MakeDoc) -> None:
    wl.import_watchlist_csv(store, supervisor, CSV)
    doc = make_doc(
        surname="MUELLER", given_names="HANS", birth="700501", state="DEU", sex="M", number="C01X00T47"
    )
    r = registration.register_crossing(
        store, supervisor, doc, "entry", decision=alerts.AlertDecision("referred", "secondary")
    )
    assert [a["kind"] for a in r.alerts] == ["person"]
    assert r.alerts[0]["decision"] == "referred" and r.crossing.status == "referred"
    # Same name, another birth date: no hit.
    other = make_doc(
        surname="MUELLER", given_names="HANS", birth="710501", state="DEU", sex="M", number="C01X00T48"
    )
    assert registration.register_crossing(store, supervisor, other, "entry").alerts == []


def test_birth_year_only_entry_matches_by_year(store, supervisor, make_doc: MakeDoc) -> None:
    wl.import_watchlist_csv(store, supervisor, CSV)
    doc = make_doc(
        surname="ROSSI", given_names="MARIO", birth="600707", state="ITA", sex="M", number="YA1234567"
    )
    assert len(registration.register_crossing(store, supervisor, doc, "entry").alerts) == 1


def test_inspector_cannot_import(store, inspector) -> None:
    with pytest.raises(PermissionDenied):
        wl.import_watchlist_csv(store, inspector, CSV)


def test_bad_csv_names_the_line_and_keeps_the_last_good_list(store, supervisor) -> None:
    wl.import_watchlist_csv(store, supervisor, CSV)
    before = wl.watchlist_status(store)
    with pytest.raises(ValidationError, match="line 3"):
        wl.import_watchlist_csv(
            store,
            supervisor,
            "list,document_number,issuing_state,reason\ndocument,X1,FRA,a\nvehicle,,,b\n",
        )
    assert wl.watchlist_status(store) == before


def _server_version(version: int, entries, kind="full", base=None, removed=()):
    return {
        "version": version,
        "kind": kind,
        "base_version": base,
        "entries": entries,
        "removed": list(removed),
    }


def _doc_entry(entry_id: str, number: str, state: str = "FRA") -> dict:
    return {
        "entry_id": entry_id,
        "list": "document",
        "document_number": number,
        "issuing_state": state,
        "reason": "stolen",
    }


def test_newer_version_rechecks_offline_crossings_with_late_alerts(
    store, supervisor, inspector, make_doc: MakeDoc
) -> None:
    r1 = wl.apply_watchlist_version(store, _server_version(1, [_doc_entry("a", "ZZ0000001")]))
    assert r1.applied and r1.entries == 1
    crossing: RegistrationResult = registration.register_crossing(
        store, inspector, make_doc(number="AB1234567"), "entry"
    )
    assert crossing.alerts == []
    # v2 (a delta) lists the document that crossed while the post held v1.
    r2 = wl.apply_watchlist_version(
        store, _server_version(2, [_doc_entry("b", "AB1234567")], kind="delta", base=1)
    )
    assert r2.applied and r2.added == 1 and r2.entries == 2 and r2.late_alerts == 1
    [late] = alerts.pending_alerts(store, supervisor)
    assert late["late"] and late["crossing_id"] == crossing.crossing.crossing_id
    raised = [e for e in outbox.pending(store, 0) if e.event_type == "alert.raised"]
    assert raised[-1].payload["late"] is True
    # Re-applying v2, or an older version, changes nothing.
    assert not wl.apply_watchlist_version(store, _server_version(2, [])).applied
    # A full v3 that drops "a": one entry left; the crossing is not alerted twice.
    r3 = wl.apply_watchlist_version(store, _server_version(3, [_doc_entry("b", "AB1234567")]))
    assert r3.entries == 1 and r3.removed == 1 and r3.late_alerts == 0
    # A crossing registered now records the server's version in its event.
    registration.register_crossing(store, inspector, make_doc(number="QQ1234567"), "entry")
    registered = [e for e in outbox.pending(store, 0) if e.event_type == "crossing.registered"]
    assert registered[-1].payload["watchlist_version"] == 3
    assert outbox.get_sync_state(store)["watchlist_version"] == 3


def test_delta_on_a_version_not_held_is_refused(store) -> None:
    wl.apply_watchlist_version(store, _server_version(1, [_doc_entry("a", "ZZ0000001")]))
    with pytest.raises(wl.WatchlistVersionError, match="full version is needed"):
        wl.apply_watchlist_version(store, _server_version(5, [], kind="delta", base=4))


def test_invalid_server_entry_applies_nothing(store) -> None:
    with pytest.raises(ValidationError):
        wl.apply_watchlist_version(
            store, _server_version(1, [_doc_entry("a", "X1"), {"entry_id": "b", "list": "boat"}])
        )
    assert wl.watchlist_status(store)["entries"] == 0


def test_index_prefilter_agrees_with_the_domain_rule() -> None:
    from border_client.domain.watchlist import WatchlistPerson, match_person

    people = [
        WatchlistPerson(("NGUYEN",), ("VAN AN",), None, 1980, "VNM", "x", "p1"),
        WatchlistPerson(("SMITH",), ("JOHN",), None, 1980, "GBR", "x", "p2"),
    ]
    index = wl.WatchlistIndex.build(1, people)
    for surname, given in [
        ("NGUYEN", "VAN AN"),
        ("NGUYEN", "AN"),
        ("SMYTH", "JON"),
        ("SMITH", "JOHN PAUL"),
        ("DOE", "JANE"),
    ]:
        birth = datetime(1980, 2, 2, tzinfo=UTC).date()
        expected = {p.entry_id for p in people if match_person(surname, given, birth, "GBR", p) is not None}
        got = {
            h.entry_key
            for h in index.check(
                document_number="X",
                issuing_state="GBR",
                surname=surname,
                given_names=given,
                birth_date=birth,
                nationality="GBR",
            )
        }
        assert got == expected, (surname, given)


def test_index_blocks_by_birth_data_find_every_hit_the_domain_finds() -> None:
    """Entries with a full birth date, a year only, or none; travelers born on an entry's day,
    in its year on another day, or of unknown birth: the index (which compares only the blocks
    a hit can come from) finds exactly what the domain's rule finds over the whole list."""
    import random
    from datetime import date, timedelta

    from border_client.domain.watchlist import WatchlistPerson, match_person

    rng = random.Random(4)
    names = ["NGUYEN", "SMITH", "SMYTH", "MULLER", "MUELLER", "ROSSI", "DUPONT", "DUPOND", "PIERRE"]
    givens = ["VAN AN", "JOHN", "JON", "HANS", "MARIO", "MARIE", "JEAN"]
    days = [date(1970, 1, 1) + timedelta(days=rng.randrange(3 * 365)) for _ in range(6)]
    people = []
    for i in range(300):
        birth: date | None = rng.choice(days)
        year: int | None = birth.year if birth else None
        kind = rng.random()
        if kind < 0.3:
            birth = None  # year only
        elif kind < 0.4:
            birth, year = None, None  # no birth data
        people.append(
            WatchlistPerson(
                (rng.choice(names),),
                (rng.choice(givens),),
                birth,
                year,
                rng.choice(["GBR", "FRA"]),
                "x",
                f"p{i}",
            )
        )
    index = wl.WatchlistIndex.build(1, people)
    queries = [
        (rng.choice(names), rng.choice(givens), rng.choice([*days, None, date(1972, 7, 7)]))
        for _ in range(60)
    ]
    kinds_hit = set()
    for surname, given, birth_date in queries:
        expected = {}
        for p in people:
            hit = match_person(surname, given, birth_date, "GBR", p)
            if hit is not None:
                expected[p.entry_id] = round(hit.score, 1)
                kinds_hit.add((p.birth_date is not None, p.birth_year is not None))
        got = {
            h.entry_key: h.score
            for h in index.check(
                document_number="X",
                issuing_state="GBR",
                surname=surname,
                given_names=given,
                birth_date=birth_date,
                nationality="GBR",
            )
        }
        assert got == expected, (surname, given, birth_date)
    # Hits came from all three kinds of entries (date, year only, none).
    assert kinds_hit == {(True, True), (False, True), (False, False)}


def test_changed_entry_is_updated_and_unchanged_reimport_adds_nothing(store, supervisor) -> None:
    from sqlalchemy import select

    from border_client.storage.models import WatchlistEntry

    wl.apply_watchlist_version(store, _server_version(1, [_doc_entry("a", "ZZ0000001")]))
    changed = dict(_doc_entry("a", "ZZ0000001"), reason="stolen (confirmed by INTERPOL)")
    r = wl.apply_watchlist_version(store, _server_version(2, [changed]))
    assert (r.added, r.removed, r.entries) == (0, 0, 1)
    with store.read() as s:
        assert s.scalars(select(WatchlistEntry.reason)).one() == "stolen (confirmed by INTERPOL)"
    first = wl.import_watchlist_csv(store, supervisor, CSV)
    again = wl.import_watchlist_csv(store, supervisor, CSV)
    assert first.added == 3 and first.removed == 1
    assert (again.added, again.removed, again.entries) == (0, 0, 3)


def test_server_versions_verify_against_the_central_digest(store, supervisor, make_doc) -> None:
    """The post hashes the list it holds the way the server does (sync_server's own code)."""
    server = pytest.importorskip("sync_server.services.watchlist")
    from border_client.domain.watchlist import parse_watchlist_csv

    wire = [server.entry_to_wire(e) for e in parse_watchlist_csv(CSV)]
    full = {
        "version": 1,
        "kind": "full",
        "base_version": None,
        "entries": wire,
        "sha256": server.snapshot_digest(wire),
    }
    assert wl.apply_watchlist_version(store, full).entries == 3
    extra = server.entry_to_wire(
        parse_watchlist_csv("list,document_number,issuing_state,reason\ndocument,QQ7654321,CAN,stolen\n")[0]
    )
    after = [*wire[1:], extra]  # one removed, one added
    delta = {
        "version": 2,
        "kind": "delta",
        "base_version": 1,
        "entries": [extra],
        "removed": [wire[0]["entry_id"]],
        "sha256": server.snapshot_digest(after),
    }
    r = wl.apply_watchlist_version(store, delta)
    assert (r.added, r.removed, r.entries) == (1, 1, 3)
    # A delta whose result does not hash to the digest changes nothing.
    bad = {
        "version": 3,
        "kind": "delta",
        "base_version": 2,
        "entries": [],
        "removed": [extra["entry_id"]],
        "sha256": server.snapshot_digest(after),
    }
    with pytest.raises(wl.WatchlistVersionError, match="digest"):
        wl.apply_watchlist_version(store, bad)
    assert wl.watchlist_status(store)["server_version"] == 2
    assert wl.watchlist_status(store)["entries"] == 3


def test_stray_comma_is_named_not_a_crash(store, supervisor) -> None:
    with pytest.raises(ValidationError, match="line 3: 5 fields"):
        wl.import_watchlist_csv(
            store,
            supervisor,
            "list,document_number,issuing_state,reason\ndocument,X1,FRA,a\ndocument,X2,FRA,lost, stolen\n",
        )
    with pytest.raises(ValidationError, match="empty"):
        wl.import_watchlist_csv(store, supervisor, "")
