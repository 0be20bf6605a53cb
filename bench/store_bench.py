"""Store benchmark: 1,000,000 crossings + 100,000 watchlist entries, SQLCipher vs plain SQLite.

Both stores get the same seeded data (bulk inserts), then the same operations are timed
through the real services: registration (watchlist check + audit + outbox, fsynced), lookup by
document number, fuzzy name search, log-in to an open store (encrypted only: the plain store
has no key slots), and the desktop's records/count/dashboard queries.

    .venv/bin/python bench/store_bench.py [--crossings 1000000] [--watchlist 100000]
"""

from __future__ import annotations

import argparse
import random
import shutil
import string
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from border_client.domain.mrz import MrzDocument, MrzFormat, compose_mrz, parse_mrz  # noqa: E402
from border_client.domain.names import icao_transliterate  # noqa: E402
from border_client.domain.watchlist import normalize_document_number  # noqa: E402
from border_client.services import accounts, registration, reporting  # noqa: E402
from border_client.services.common import Role, UserSession, new_id  # noqa: E402
from border_client.services.reporting import RecordFilter  # noqa: E402
from border_client.services.watchlist import import_watchlist_csv  # noqa: E402
from border_client.storage import Store  # noqa: E402
from border_client.storage.models import Post, SyncState, User  # noqa: E402

TARGETS = {
    "register_p50_ms": 10.0,
    "register_p99_ms": 50.0,
    "lookup_document_p50_ms": 5.0,
    "fuzzy_name_search_p50_ms": 100.0,
    "login_p50_ms": 500.0,
}
PASSWORD = "bench-password"
NATIONALITIES = (
    ["HTI"] * 50
    + ["DOM"] * 20
    + ["USA"] * 10
    + [
        "CAN",
        "FRA",
        "VEN",
        "CUB",
        "JAM",
        "COL",
        "BRA",
        "MEX",
        "ESP",
        "DEU",
        "GBR",
        "CHN",
        "BLZ",
        "GTM",
        "HND",
        "NIC",
    ]
)
SYLLABLES = [
    "JO",
    "SE",
    "MA",
    "RI",
    "PI",
    "ER",
    "LOU",
    "IS",
    "DU",
    "PONT",
    "BAP",
    "TISTE",
    "CHAR",
    "LES",
    "GAR",
    "CIA",
    "RO",
    "DRI",
    "GUEZ",
    "FER",
    "NAN",
    "DEZ",
    "MI",
    "CHEL",
    "AN",
    "TOI",
    "NE",
    "CE",
    "LES",
    "TIN",
    "VAL",
    "LIS",
    "BEL",
    "MON",
]
GIVEN = [
    "JEAN",
    "MARIE",
    "PIERRE",
    "ROSE",
    "JOSEPH",
    "ANNE",
    "LOUIS",
    "CARMEN",
    "JOSE",
    "ANA",
    "MICHEL",
    "SOPHIE",
    "DAVID",
    "MARIA",
    "JOHN",
    "LUIS",
    "CLAUDE",
    "NADINE",
    "PAUL",
    "ELENA",
]


def _surname(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3)))


def _docnum(rng: random.Random) -> str:
    return rng.choice(string.ascii_uppercase) + "".join(rng.choices(string.digits, k=8))


def _ms(samples: list[float], q: float) -> float:
    ordered = sorted(samples)
    return 1000 * ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def _time(fn: Callable[[], Any], n: int) -> list[float]:
    out = []
    for _ in range(n):
        t = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t)
    return out


def make_travelers(n: int, seed: int) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    travelers = []
    for _ in range(n):
        birth = date(1940, 1, 1) + timedelta(days=rng.randrange(70 * 365))
        nat = rng.choice(NATIONALITIES)
        surname = _surname(rng)
        given = " ".join(rng.sample(GIVEN, rng.randint(1, 2)))
        travelers.append(
            {
                "id": new_id(),
                "document_number": _docnum(rng),
                "issuing_state": nat,
                "nationality": nat,
                "birth_date": birth,
                "surname": surname,
                "given_names": given,
                "sex": rng.choice("MF"),
            }
        )
    return travelers


def seed_store(store: Store, travelers: list[dict[str, Any]], crossings: int, seed: int) -> None:
    """Bulk-insert travelers and a history of crossings (alternating entry/exit per traveler)."""
    rng = random.Random(seed)
    end = datetime(2026, 11, 1, tzinfo=UTC)
    start = end - timedelta(days=730)
    per = max(1, crossings // len(travelers))
    cols_t = (
        "id, document_number, number_key, issuing_state, birth_date_raw, birth_date, "
        "surname, given_names, name_key, surname_initial, nationality, sex, created_at, "
        "last_direction, last_crossing_at, last_crossing_id"
    )
    cols_c = (
        "crossing_id, post_code, direction, occurred_at, local_tz, inspector, travel_mode, "
        "vehicle_plate, purpose, origin_destination, remarks, traveler_id, document_code, "
        "issuing_state, document_number, nationality, surname, given_names, birth_date, sex, "
        "expiry_date, optional_data, mrz_lines, mrz_valid, watchlist_version, days_stayed, "
        "overstay, double_entry, has_photo"
    )
    ins_t = f"INSERT INTO travelers ({cols_t}) VALUES ({','.join('?' * 16)})"
    ins_c = f"INSERT INTO crossings ({cols_c}) VALUES ({','.join('?' * 29)})"
    fmt = "%Y-%m-%d %H:%M:%S.%f"
    made = 0
    chunk_t: list[tuple[Any, ...]] = []
    chunk_c: list[tuple[Any, ...]] = []
    inspectors = [f"insp{i}" for i in range(12)]

    def flush() -> None:
        with store.engine.begin() as conn:
            if chunk_t:
                conn.exec_driver_sql(ins_t, chunk_t)
            if chunk_c:
                conn.exec_driver_sql(ins_c, chunk_c)
        chunk_t.clear()
        chunk_c.clear()

    events: list[tuple[datetime, tuple[Any, ...]]] = []
    for i, t in enumerate(travelers):
        n = per + (1 if i < crossings - per * len(travelers) else 0)
        at = start + timedelta(seconds=rng.randrange(int((end - start).total_seconds())))
        direction = "entry"
        last = None
        for _ in range(n):
            if made >= crossings:
                break
            cid = new_id()
            events.append(
                (
                    at,
                    (
                        cid,
                        "HTI-CAP",
                        direction,
                        at.replace(tzinfo=None).strftime(fmt),
                        "America/Port-au-Prince",
                        rng.choice(inspectors),
                        "land",
                        "",
                        "tourism",
                        "",
                        "",
                        t["id"],
                        "P",
                        t["issuing_state"],
                        t["document_number"],
                        t["nationality"],
                        t["surname"],
                        t["given_names"],
                        t["birth_date"].isoformat(),
                        t["sex"],
                        "2031-01-01",
                        "",
                        "P<...",
                        1,
                        1,
                        None,
                        0,
                        0,
                        0,
                    ),
                )
            )
            last = (direction, at, cid)
            made += 1
            at += timedelta(days=rng.randint(1, 60), seconds=rng.randrange(86400))
            direction = "exit" if direction == "entry" else "entry"
        name_key = icao_transliterate(f"{t['surname']} {t['given_names']}")
        chunk_t.append(
            (
                t["id"],
                t["document_number"],
                normalize_document_number(t["document_number"]),
                t["issuing_state"],
                t["birth_date"].strftime("%y%m%d"),
                t["birth_date"].isoformat(),
                t["surname"],
                t["given_names"],
                name_key,
                name_key[:1],
                t["nationality"],
                t["sex"],
                start.replace(tzinfo=None).strftime(fmt),
                last[0] if last else None,
                last[1].replace(tzinfo=None).strftime(fmt) if last else None,
                last[2] if last else None,
            )
        )
        if len(chunk_t) >= 20000:
            flush()
    flush()
    # Crossings go in in time order, as a post writes them.
    events.sort(key=lambda e: e[0])
    for _, row in events:
        chunk_c.append(row)
        if len(chunk_c) >= 50000:
            flush()
    flush()


def watchlist_csv(n: int, travelers: list[dict[str, Any]], seed: int) -> str:
    rng = random.Random(seed)
    lines = ["list,document_number,issuing_state,surname,given_names,birth_date,nationality,reason"]
    for i in range(n):
        if i % 10 < 7:
            lines.append(f"document,{_docnum(rng)},{rng.choice(NATIONALITIES)},,,,,stolen")
        else:
            birth = date(1940, 1, 1) + timedelta(days=rng.randrange(70 * 365))
            b = birth.isoformat() if rng.random() < 0.8 else str(birth.year)
            lines.append(
                f"person,,,{_surname(rng)}|{_surname(rng)},{rng.choice(GIVEN)},{b},"
                f"{rng.choice(NATIONALITIES)},person of interest"
            )
    # A few real hits so the check path that raises alerts is exercised too.
    for t in travelers[:20]:
        lines.append(f"document,{t['document_number']},{t['issuing_state']},,,,,stolen")
    return "\n".join(lines) + "\n"


def make_plain(path: Path) -> tuple[Store, UserSession]:
    store = Store.create_plain(path)
    now = datetime.now(UTC)
    with store.write() as s:
        s.add(
            Post(id=1, code="HTI-CAP", name="Cap-Haitien", timezone="America/Port-au-Prince", created_at=now)
        )
        s.add(SyncState(id=1, acked_seq=0))
        s.add(User(username="chief", full_name="", role="admin", active=True, created_at=now))
    with store.read() as s:
        uid = s.query(User).one().id
    return store, UserSession(uid, "chief", Role.ADMIN)


def doc_for(t: dict[str, Any]) -> MrzDocument:
    return parse_mrz(
        compose_mrz(
            MrzFormat.TD3,
            document_code="P",
            issuing_state=t["issuing_state"],
            surname=t["surname"],
            given_names=t["given_names"],
            document_number=t["document_number"],
            nationality=t["nationality"],
            birth_date_raw=t["birth_date"].strftime("%y%m%d"),
            sex=t["sex"],
            expiry_date_raw="310101",
        )
    )


def run_mode(
    mode: str, root: Path, travelers: list[dict[str, Any]], args: argparse.Namespace, wl_text: str
) -> dict[str, float]:
    path = root / mode
    results: dict[str, float] = {}
    t0 = time.perf_counter()
    if mode == "encrypted":
        store, user = accounts.init_post(
            path,
            post_code="HTI-CAP",
            post_name="Cap-Haïtien",
            admin_username="chief",
            admin_password=PASSWORD,
            timezone="America/Port-au-Prince",
        )[:2]
    else:
        store, user = make_plain(path)
    import_watchlist_csv(store, user, wl_text)
    seed_store(store, travelers, args.crossings, seed=7)
    results["seed_s"] = time.perf_counter() - t0
    # A fresh open, as at the start of a shift: nothing cached by the process.
    store.close()
    if mode == "encrypted":
        store, user = accounts.open_store(path, "chief", PASSWORD)
    else:
        store = Store(path, None)
    rng = random.Random(11)
    known = rng.sample(travelers, args.samples)
    registration.register_crossing(store, user, doc_for(known[0]), "exit")  # builds the index
    docs = [doc_for(t) for t in known[1:]]
    fresh = make_travelers(args.samples // 2, seed=99)
    docs += [doc_for(t) for t in fresh]
    rng.shuffle(docs)
    it = iter(docs)
    reg = _time(lambda: registration.register_crossing(store, user, next(it), "entry"), len(docs))
    results["register_p50_ms"] = _ms(reg, 0.5)
    results["register_p99_ms"] = _ms(reg, 0.99)
    numbers = iter([t["document_number"] for t in rng.sample(travelers, args.samples)])
    look = _time(
        lambda: reporting.records(store, user, RecordFilter(document_number=next(numbers)), limit=20),
        args.samples,
    )
    results["lookup_document_p50_ms"] = _ms(look, 0.5)
    results["lookup_document_p99_ms"] = _ms(look, 0.99)

    def typo(name: str) -> str:
        i = rng.randrange(1, len(name))
        return name[:i] + rng.choice(string.ascii_uppercase) + name[i + 1 :]

    queries = iter(
        [f"{typo(t['surname'])} {t['given_names']}" for t in rng.sample(travelers, args.name_samples)]
    )
    fuzzy = _time(lambda: reporting.search_travelers(store, user, next(queries)), args.name_samples)
    results["fuzzy_name_search_p50_ms"] = _ms(fuzzy, 0.5)
    results["fuzzy_name_search_p95_ms"] = _ms(fuzzy, 0.95)
    if mode == "encrypted":
        logins = _time(lambda: accounts.login(store, "chief", PASSWORD), 7)
        results["login_p50_ms"] = _ms(logins, 0.5)
    results["count_all_ms"] = 1000 * min(_time(lambda: reporting.count_records(store, user), 3))
    results["first_page_ms"] = 1000 * min(_time(lambda: reporting.records(store, user, limit=100), 5))
    page = reporting.records(store, user, limit=100)
    results["next_page_ms"] = 1000 * min(
        _time(lambda: reporting.records(store, user, limit=100, after=page.next_cursor), 5)
    )
    day = datetime(2026, 6, 1, tzinfo=UTC)
    results["dashboard_day_ms"] = 1000 * min(
        _time(lambda: reporting.dashboard(store, user, day, day + timedelta(days=1)), 3)
    )
    results["overstays_ms"] = 1000 * min(_time(lambda: reporting.overstays(store, user), 1))
    store.close()
    results["db_mb"] = (path / "post.db").stat().st_size / 1e6
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--crossings", type=int, default=1_000_000)
    parser.add_argument("--watchlist", type=int, default=100_000)
    parser.add_argument("--travelers", type=int, default=0, help="default: crossings / 4")
    parser.add_argument("--samples", type=int, default=400)
    parser.add_argument("--name-samples", type=int, default=50)
    parser.add_argument("--keep", type=Path, help="build the stores here and keep them")
    args = parser.parse_args()
    travelers = make_travelers(args.travelers or max(1000, args.crossings // 4), seed=3)
    wl_text = watchlist_csv(args.watchlist, travelers, seed=5)
    root = args.keep or Path(tempfile.mkdtemp(prefix="store-bench-"))
    try:
        enc = run_mode("encrypted", root, travelers, args, wl_text)
        plain = run_mode("plain", root, travelers, args, wl_text)
    finally:
        if args.keep is None:
            shutil.rmtree(root, ignore_errors=True)
    print(
        f"store bench: {args.crossings:,} crossings, {len(travelers):,} travelers, "
        f"{args.watchlist:,} watchlist entries"
    )
    print("| measure | SQLCipher | plain SQLite | ratio | target |")
    print("|---|---:|---:|---:|---|")
    for key in enc:
        e = enc[key]
        p = plain.get(key)
        ratio = f"{e / p:.2f}x" if p else "-"
        target = TARGETS.get(key)
        verdict = ""
        if target is not None:
            verdict = f"<= {target:g} ms {'met' if e <= target else 'MISSED'}"
        ps = f"{p:.2f}" if p is not None else "n/a"
        print(f"| {key} | {e:.2f} | {ps} | {ratio} | {verdict} |")
    core = ["register_p50_ms", "lookup_document_p50_ms", "fuzzy_name_search_p50_ms"]
    worst = max(enc[k] / plain[k] for k in core)
    print(
        f"\nworst encrypted/plain ratio over registration, lookup, name search: {worst:.2f}x "
        f"(target <= 1.5x: {'met' if worst <= 1.5 else 'MISSED'})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
