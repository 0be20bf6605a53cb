"""Sync throughput: one post's 100,000 events end to end over loopback, then 20 posts at once.

For each database (SQLite file; PostgreSQL when reachable) it measures:
- end-to-end events/s from a real encrypted post store through the real client (signed gzip
  batches over HTTP via a byte-counting loopback relay) into a real `sync-server serve`, which
  stores, deduplicates and projects them;
- bytes on the wire per event (HTTP heads and bodies, both ways);
- a raw bulk insert of the same rows into the same database in the same run (executemany on
  SQLite, COPY on PostgreSQL), and the ratio end-to-end / raw;
- 20 posts syncing at once: errors, and the server's resident memory sampled throughout.

Usage: .venv/bin/python bench/sync_bench.py [--events 100000] [--posts 20] [--per-post 5000]
       [--db sqlite|postgres|both]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from sqlalchemy import Column, MetaData, Table, create_engine, insert  # noqa: E402

from border_client.services import accounts  # noqa: E402
from border_client.storage import keyslots  # noqa: E402
from border_client.storage.models import OutboxEvent  # noqa: E402
from border_client.sync.client import SyncClient  # noqa: E402
from border_client.sync.engine import SyncEngine, enroll_post  # noqa: E402
from sync_server.models import Event  # noqa: E402
from tests.client.sync.faultproxy import FaultProxy  # noqa: E402
from tests.server.support import (  # noqa: E402
    ServerProcess,
    free_port,
    issue_token,
    postgres_available,
    postgres_database,
    server_query,
)

PASSWORD = "bench-password-1"


SURNAMES = [
    "JEAN",
    "PIERRE",
    "JOSEPH",
    "LOUIS",
    "CHARLES",
    "ETIENNE",
    "GARCIA",
    "MARTINEZ",
    "RODRIGUEZ",
    "HERNANDEZ",
    "LOPEZ",
    "GONZALEZ",
    "PEREZ",
    "SANCHEZ",
    "RAMIREZ",
    "TORRES",
    "FLORES",
    "RIVERA",
    "GOMEZ",
    "DIAZ",
    "CRUZ",
    "MORALES",
    "REYES",
    "GUTIERREZ",
    "ORTIZ",
    "SMITH",
    "JOHNSON",
    "WILLIAMS",
    "BROWN",
    "JONES",
    "MILLER",
    "DAVIS",
    "WILSON",
    "TAYLOR",
    "THOMAS",
    "MOORE",
    "JACKSON",
    "WHITE",
    "DUPONT",
    "DURAND",
    "LEFEBVRE",
    "MOREAU",
    "LAURENT",
    "SIMON",
    "MICHEL",
    "GARNIER",
    "FAURE",
    "ROUSSEAU",
    "BLANC",
    "GUERIN",
    "MÜLLER",
    "SCHMIDT",
    "SCHNEIDER",
    "FISCHER",
    "WEBER",
    "BÄCKER",
    "JÖRGENSEN",
    "NÚÑEZ",
    "PEÑA",
    "ÇELIK",
    "ØSTERGAARD",
    "NGUYEN",
    "TRAN",
    "LE",
    "PHAM",
    "WANG",
    "LI",
    "ZHANG",
    "LIU",
    "CHEN",
    "YANG",
    "HUANG",
    "ZHAO",
    "KIM",
    "PARK",
    "CHOI",
]
GIVEN = [
    "MARIE",
    "JEAN",
    "ANNA",
    "JOSE",
    "MARIA",
    "JUAN",
    "CARLOS",
    "LUIS",
    "ANA",
    "ROSE",
    "MICHEL",
    "JOSEPH",
    "PAUL",
    "PIERRE",
    "JACQUES",
    "ANDRE",
    "LOUISE",
    "CLAIRE",
    "SOPHIE",
    "JULIE",
    "DAVID",
    "JOHN",
    "MICHAEL",
    "SARAH",
    "EMMA",
    "OLIVIA",
    "JAMES",
    "ROBERT",
    "JOSÉ",
    "MARÍA",
    "FRANÇOIS",
    "HÉLÈNE",
    "JÜRGEN",
    "BJÖRN",
    "SØREN",
    "ŁUKASZ",
    "ZOË",
    "MEI",
    "WEI",
    "MIN",
    "JI",
    "HYUN",
]
NATIONALITIES = ("HTI", "HTI", "HTI", "DOM", "DOM", "USA", "CAN", "FRA", "D<<", "ESP", "CHN", "BRA")


def payloads(post_code: str, n: int, seed: int = 7) -> Iterator[dict[str, Any]]:
    """Crossing payloads as a post registers them: travelers enter and leave again some days
    later, names and dates vary (accented names included, so the server transliterates), ids
    are the app's own UUIDv7s. Deterministic for a seed."""
    from border_client.services.common import new_id

    rng = random.Random(seed)
    start = datetime(2026, 9, 1, tzinfo=UTC)
    inside: list[dict[str, Any]] = []
    for s in range(1, n + 1):
        at = start + timedelta(seconds=s * 45 + rng.randrange(40))
        if inside and (len(inside) > 400 or rng.random() < 0.45):
            traveler = inside.pop(rng.randrange(len(inside)))
            direction = "exit"
        else:
            nat = rng.choice(NATIONALITIES)
            born = date(1940, 1, 1) + timedelta(days=rng.randrange(365 * 80))
            traveler = {
                "traveler_id": new_id(),
                "document": {
                    "document_code": "P",
                    "issuing_state": nat,
                    "document_number": f"{nat[0]}{rng.randrange(10**8):08d}",
                    "nationality": nat,
                    "surname": rng.choice(SURNAMES),
                    "given_names": " ".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 1, 2)))),
                    "birth_date": born.isoformat(),
                    "sex": rng.choice("MF"),
                    "expiry_date": "2032-04-15",
                    "optional_data": "",
                    "mrz_lines": None,
                },
            }
            inside.append(traveler)
            direction = "entry"
        yield {
            "crossing_id": new_id(),
            "post_code": post_code,
            "direction": direction,
            "occurred_at": at.isoformat(),
            "local_tz": "America/Port-au-Prince",
            "inspector": f"insp{rng.randrange(12)}",
            "travel_mode": rng.choice(("land", "land", "sea", "air")),
            "vehicle_plate": None,
            "purpose": rng.choice(("tourism", "work", "family", "transit")),
            "origin_destination": rng.choice(("DOM", "USA", "")),
            "remarks": "",
            "traveler_id": traveler["traveler_id"],
            "document": traveler["document"],
            "watchlist_version": None,
            "days_stayed": None,
            "overstay": False,
            "has_photo": False,
        }


def make_post(data_dir: Path, post_code: str, n: int) -> Any:
    from border_client.services.common import new_id

    store, _admin, _rec = accounts.init_post(
        data_dir,
        post_code=post_code,
        post_name=f"Bench {post_code}",
        admin_username="chief",
        admin_password=PASSWORD,
    )
    # Bulk-load the outbox as the registration service would have over weeks (gap-free seqs).
    # The payload text as the outbox stores it (outbox.enqueue's JSON form).
    now = datetime.now(UTC)
    chunk = 5000
    gen = payloads(post_code, n)
    for start in range(1, n + 1, chunk):
        with store.write() as session:
            session.execute(
                insert(OutboxEvent),
                [
                    {
                        "seq": s,
                        "event_id": new_id(),
                        "event_type": "crossing.registered",
                        "payload": json.dumps(
                            next(gen), sort_keys=True, ensure_ascii=False, separators=(",", ":")
                        ),
                        "created_at": now,
                    }
                    for s in range(start, min(start + chunk, n + 1))
                ],
            )
    return store


def rss_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def cpu_s(pid: int) -> float:
    """User + system CPU seconds a process has used (from /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def db_backends_cpu(db_url: str) -> dict[int, float]:
    """CPU seconds so far of each PostgreSQL backend serving this database (the server's
    connections); empty on SQLite, where the database works inside the server's process."""
    if not db_url.startswith("postgresql"):
        return {}
    rows = server_query(
        db_url,
        "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()",
    )
    out = {}
    for (pid,) in rows:
        try:
            out[int(pid)] = cpu_s(int(pid))
        except OSError:
            continue
    return out


def raw_bulk_insert(db_url: str, n: int) -> float:
    """Rows shaped as the server stores them, inserted in bulk into a copy of `events`."""
    eng = create_engine(db_url)
    md = MetaData()
    cols = [Column(c.name, c.type, primary_key=c.primary_key) for c in Event.__table__.columns]
    raw = Table("bench_raw_events", md, *cols)
    md.drop_all(eng)
    md.create_all(eng)
    from border_client.services.common import new_id

    now = datetime.now(UTC)
    rows = [
        {
            "device_id": "dev-raw",
            "post_code": "RAW",
            "seq": s,
            "event_id": new_id(),
            "event_type": "crossing.registered",
            "created_at": now,
            "received_at": now,
            "payload": json.dumps(p, sort_keys=True, ensure_ascii=False, separators=(",", ":")),
            "quarantine_reason": None,
        }
        for s, p in enumerate(payloads("RAW", n), start=1)
    ]
    names = list(rows[0])
    t0 = time.perf_counter()
    with eng.begin() as conn:
        if eng.dialect.name == "postgresql":
            dbapi: Any = conn.connection.driver_connection
            with (
                dbapi.cursor() as cur,
                cur.copy(f"COPY bench_raw_events ({', '.join(names)}) FROM STDIN") as cp,
            ):
                for r in rows:
                    cp.write_row(tuple(r[c] for c in names))
        else:
            for i in range(0, n, 5000):
                conn.execute(insert(raw), rows[i : i + 5000])
    elapsed = time.perf_counter() - t0
    md.drop_all(eng)
    eng.dispose()
    return n / elapsed


def one_post(db_url: str, tmp: Path, n: int, batch_events: int | None = None) -> dict[str, Any]:
    server = ServerProcess(db_url, free_port(), tmp / "server-one.log").start()
    try:
        store = make_post(tmp / "post-one", "BEN-ONE", n)
        enroll_post(
            store, SyncClient(server.url), issue_token(db_url, "BEN-ONE", "Bench"), post_code="BEN-ONE"
        )
        pid = server.proc.pid  # type: ignore[union-attr]
        # The relay runs in this process: in a process of its own (a third busy process on two
        # cores) two runs came out slower (docs/benchmarks.md), though at other loads.
        with FaultProxy(server.port, choose=lambda: "pass") as relay:
            engine = SyncEngine(store, SyncClient(relay.url), post_code="BEN-ONE")
            if batch_events:
                engine.batch_events = engine.current_batch_events = batch_events
                engine.batch_bytes = max(engine.batch_bytes, batch_events * 2000)
            db0 = db_backends_cpu(db_url)
            srv_cpu0, cli_cpu0 = cpu_s(pid), time.process_time()
            t0 = time.perf_counter()
            report = engine.sync_once()
            elapsed = time.perf_counter() - t0
            srv_cpu, cli_cpu = cpu_s(pid) - srv_cpu0, time.process_time() - cli_cpu0
            db1 = db_backends_cpu(db_url)
            # Backends that started during the run count from zero.
            db_cpu = sum(v - db0.get(k, 0.0) for k, v in db1.items())
        wire = relay.bytes_up + relay.bytes_down
        store.close()
        held = server_query(db_url, "SELECT count(*) FROM events WHERE post_code='BEN-ONE'")[0][0]
        assert report.pending == 0 and held == n, (report, held)
        return {
            "events": n,
            "seconds": round(elapsed, 2),
            "events_per_s": round(n / elapsed),
            "batches": report.batches,
            "wire_bytes_per_event": round(wire / n, 1),
            # CPU per event, independent of how busy the shared machine was: the server's
            # process, and this process (the post's store reads, batching, gzip, HTTP).
            "server_cpu_us_per_event": round(srv_cpu / n * 1e6, 1),
            "client_cpu_us_per_event": round(cli_cpu / n * 1e6, 1),
            # PostgreSQL's own backends serving the server (0 on SQLite: in the server's process).
            "database_cpu_us_per_event": round(db_cpu / n * 1e6, 1),
            "server_only_events_per_cpu_s": round(n / srv_cpu) if srv_cpu else None,
            "server_rss_mib": round(rss_kib(server.proc.pid) / 1024, 1),  # type: ignore[union-attr]
        }
    finally:
        server.stop()


def many_posts(db_url: str, tmp: Path, posts: int, per_post: int) -> dict[str, Any]:
    server = ServerProcess(db_url, free_port(), tmp / "server-many.log").start()
    try:
        stores = []
        for i in range(posts):
            code = f"BEN-{i:02d}"
            store = make_post(tmp / f"post-{i}", code, per_post)
            enroll_post(store, SyncClient(server.url), issue_token(db_url, code, code), post_code=code)
            stores.append((code, store))
        samples: list[tuple[float, int]] = []
        done = threading.Event()
        pid = server.proc.pid  # type: ignore[union-attr]

        def sample() -> None:
            t0 = time.perf_counter()
            while not done.is_set():
                samples.append((time.perf_counter() - t0, rss_kib(pid)))
                done.wait(0.25)

        errors: list[str] = []

        def run(code: str, store: Any) -> None:
            try:
                # Posts sync in waves (a link comes back, a pass every interval): three passes.
                engine = SyncEngine(store, SyncClient(server.url), batch_events=500, post_code=code)
                rep = engine.sync_once()
                if rep.pending:
                    errors.append(f"{code}: {rep.pending} pending")
            except Exception as exc:  # noqa: BLE001 - any failure is a benchmark failure
                errors.append(f"{code}: {exc}")

        sampler = threading.Thread(target=sample)
        sampler.start()
        t0 = time.perf_counter()
        threads = [threading.Thread(target=run, args=s) for s in stores]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        elapsed = time.perf_counter() - t0
        done.set()
        sampler.join()
        for _code, store in stores:
            store.close()
        total = server_query(
            db_url, "SELECT count(*) FROM events WHERE post_code LIKE 'BEN-%' AND post_code <> 'BEN-ONE'"
        )[0][0]
        rss = [r for _t, r in samples]
        q = max(1, len(rss) // 4)
        return {
            "posts": posts,
            "events": posts * per_post,
            "held": total,
            "errors": errors,
            "seconds": round(elapsed, 2),
            "events_per_s": round(posts * per_post / elapsed),
            "rss_mib_start": round(rss[0] / 1024, 1),
            "rss_mib_first_quarter_max": round(max(rss[:q]) / 1024, 1),
            "rss_mib_last_quarter_max": round(max(rss[-q:]) / 1024, 1),
            "rss_mib_peak": round(max(rss) / 1024, 1),
        }
    finally:
        server.stop()


def run_for(kind: str, args: argparse.Namespace) -> dict[str, Any]:
    keyslots.KDF_DEFAULT = keyslots.KdfParams(1, 1024, 1)  # set-up speed only; not measured
    with tempfile.TemporaryDirectory(prefix="sync-bench-") as d:
        tmp = Path(d)
        if kind == "sqlite":
            url = f"sqlite:///{tmp / 'server.db'}"
            return _measure(url, tmp, args)
        with postgres_database("bench") as url:
            return _measure(url, tmp, args)


def _measure(url: str, tmp: Path, args: argparse.Namespace) -> dict[str, Any]:
    one = one_post(url, tmp, args.events, args.batch_events)
    raw = raw_bulk_insert(url, args.events)
    many = many_posts(url, tmp, args.posts, args.per_post)
    return {
        "one_post": one,
        "raw_bulk_insert_rows_per_s": round(raw),
        "ratio_end_to_end_vs_raw": round(one["events_per_s"] / raw, 3),
        "twenty_posts": many,
    }


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--events", type=int, default=100_000)
    p.add_argument("--posts", type=int, default=20)
    p.add_argument("--per-post", type=int, default=5_000)
    p.add_argument("--db", choices=["sqlite", "postgres", "both"], default="both")
    p.add_argument(
        "--batch-events",
        type=int,
        default=None,
        help="events per batch of the one post (default: the engine's)",
    )
    args = p.parse_args()
    targets = {"sqlite": 5000, "postgres": 10000}
    kinds = ["sqlite", "postgres"] if args.db == "both" else [args.db]
    results: dict[str, Any] = {"cpu_count": os.cpu_count()}
    for kind in kinds:
        if kind == "postgres" and postgres_available() is not None:
            print(f"postgres: skipped ({postgres_available()})")
            continue
        load0 = os.getloadavg()
        r = run_for(kind, args)
        r["loadavg_start"] = [round(x, 2) for x in load0]
        r["loadavg_end"] = [round(x, 2) for x in os.getloadavg()]
        r["target_events_per_s"] = targets[kind]
        r["target_met"] = r["one_post"]["events_per_s"] >= targets[kind]
        results[kind] = r
        one, many = r["one_post"], r["twenty_posts"]
        print(
            f"{kind}: one post {one['events']} events in {one['seconds']} s = "
            f"{one['events_per_s']} events/s (target {targets[kind]}: "
            f"{'met' if r['target_met'] else 'MISSED'}); {one['wire_bytes_per_event']} bytes/event "
            f"on the wire; raw bulk insert {r['raw_bulk_insert_rows_per_s']} rows/s; "
            f"ratio {r['ratio_end_to_end_vs_raw']}; server CPU {one['server_cpu_us_per_event']} us/event"
            f" ({one['server_only_events_per_cpu_s']} events per server CPU-second), PostgreSQL "
            f"backends {one['database_cpu_us_per_event']} us/event, client CPU "
            f"{one['client_cpu_us_per_event']} us/event; load average at start "
            f"{r['loadavg_start']}, at end {r['loadavg_end']}",
            flush=True,
        )
        print(
            f"{kind}: {many['posts']} posts at once, {many['events']} events in {many['seconds']} s"
            f" = {many['events_per_s']} events/s, errors {len(many['errors'])}, server RSS "
            f"start {many['rss_mib_start']} MiB, first-quarter max "
            f"{many['rss_mib_first_quarter_max']}, last-quarter max "
            f"{many['rss_mib_last_quarter_max']}, peak {many['rss_mib_peak']}",
            flush=True,
        )
    print(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
