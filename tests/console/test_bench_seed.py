"""The console bench's bulk seeding stores what ingest and a summaries rebuild would.

bench/console_bench.py loads most of its 5,000,000 events by COPY (indexes dropped and rebuilt)
and computes the console's summaries from the hook's row functions, merged in SQL. The query
timings only mean something if that database is the one ingest would have built: this seeds a
small volume both ways (ingest_batch + hook for the first part, the bulk loader for the rest)
and checks every summary table equals what ``summaries.rebuild`` computes from the crossings,
and that every index and constraint dropped for the load is back.
"""

from __future__ import annotations

import importlib.util
import sys
from typing import Any

import pytest
from sqlalchemy import text

from sync_server.console import summaries
from sync_server.db import make_engine
from tests.conftest import REPO_ROOT
from tests.server.support import postgres_database

pytestmark = pytest.mark.postgres

SUMMARY_TABLES = ("console_flow_daily", "console_flow_dims", "console_post_daily", "console_travelers")
BULK_TABLES = ("events", "crossings", "alerts", "identity_links", "console_travelers")


def _bench() -> Any:
    spec = importlib.util.spec_from_file_location("console_bench", REPO_ROOT / "bench" / "console_bench.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("console_bench", module)
    spec.loader.exec_module(module)
    return module


def _indexes(conn: Any) -> set[tuple[str, str]]:
    return set(
        conn.execute(
            text("SELECT tablename, indexdef FROM pg_indexes WHERE tablename = ANY(:t)"),
            {"t": list(BULK_TABLES)},
        ).all()
    )


def test_bulk_seed_matches_ingest_and_rebuild() -> None:
    bench = _bench()
    with postgres_database("bench") as url:
        engine = make_engine(url)
        # The schema as migrations leave it, before any bulk load.
        from sync_server.console.migrations import upgrade as console_upgrade
        from sync_server.db import migrate

        migrate(engine)
        console_upgrade(engine)
        with engine.connect() as c:
            indexes_before = _indexes(c)
        info = bench.seed(url, 6000, ingest_events=1500)
        assert info["ingested"] >= 1500
        assert info["loaded"] > 3000
        # The generator reaches the volume asked for (slightly above, never below).
        assert 6000 <= info["events"] <= 6000 * 1.06
        with engine.connect() as c:
            assert _indexes(c) == indexes_before
            assert c.execute(text("SELECT count(*) FROM events")).scalar_one() == info["events"]
            seeded = {t: set(map(tuple, c.execute(text(f"SELECT * FROM {t}")).all())) for t in SUMMARY_TABLES}
            c.rollback()
            with c.begin():
                summaries.rebuild(c)
                rebuilt = {
                    t: set(map(tuple, c.execute(text(f"SELECT * FROM {t}")).all())) for t in SUMMARY_TABLES
                }
        engine.dispose()
    for table in SUMMARY_TABLES:
        assert seeded[table], table
        assert seeded[table] == rebuilt[table], table
