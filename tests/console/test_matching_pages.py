"""Matched and unmatched exits paged by position: every page walk, forwards and backwards, in the
queries, the pages' Next/Previous links and the API, gives back the whole ordered list, no row
lost or repeated, ties on the exit time included, on SQLite and PostgreSQL."""

from __future__ import annotations

import html
import re
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import pytest

from border_client.domain.stay import CARICOM_MEMBER_CODES, StayPolicy
from sync_server.config import Settings
from sync_server.console import pages, queries
from tests.console.conftest import ANALYST, EXTRA, add_users, login, make_client
from tests.console.seed import crossing, enroll, send
from tests.server.support import database

POLICY = StayPolicy.from_config(90, {}, CARICOM_MEMBER_CODES)
NATIONALITIES = ("HTI", "DOM", "USA", "FRA", "CAN", "BRA")


def _scenario(app: Any, client: Any, today: date) -> None:
    """Two posts; 60 trips (entry, then exit at either post), 36 exits with no entry of their
    own document, 9 of which an entry under a linked identity closes. Exits share a handful of
    times, so the pages' order rests on the crossing id for ties."""
    from sync_server.services.enrollment import issue_token

    def token(post_code: str, name: str) -> str:
        with app.state.sessions() as s:
            return issue_token(s, post_code, name).token

    post_json = lambda path, doc: client.post(path, json=doc)  # noqa: E731
    post_body = lambda path, body, headers: client.post(path, content=body, headers=headers)  # noqa: E731
    cap = enroll(post_json, token("HTI-CAP", "Cap-Haïtien"), "HTI-CAP")
    oua = enroll(post_json, token("HTI-OUA", "Ouanaminthe"), "HTI-OUA")
    devices = {"HTI-CAP": cap, "HTI-OUA": oua}
    tied_times = [datetime.combine(today - timedelta(days=n), time(9, 30), tzinfo=UTC) for n in (2, 3, 5, 8)]
    events: dict[str, list[tuple[str, dict[str, Any]]]] = {"HTI-CAP": [], "HTI-OUA": []}

    def person(i: int, prefix: str, post: str, direction: str, at: datetime, **kw: Any) -> None:
        nat = NATIONALITIES[i % len(NATIONALITIES)]
        events[post].append(
            (
                "crossing.registered",
                crossing(
                    post,
                    direction,
                    at.isoformat(),
                    surname=f"{prefix}SURNAME",
                    given_names=f"TRAVELER {i}",
                    document_number=kw.pop("document_number", f"{prefix}{i:06d}"),
                    nationality=nat,
                    birth_date=f"{1960 + i % 40}-0{1 + i % 9}-1{i % 10}",
                    sex="F" if i % 2 else "M",
                    **kw,
                ),
            )
        )

    for i in range(60):
        exit_at = tied_times[i % len(tied_times)] if i % 3 else tied_times[0] + timedelta(minutes=i)
        entry_post = "HTI-CAP" if i % 2 else "HTI-OUA"
        exit_post = "HTI-OUA" if i % 5 else entry_post
        person(i, "M", entry_post, "entry", exit_at - timedelta(days=1 + i % 7, hours=1))
        person(i, "M", exit_post, "exit", exit_at)
    for i in range(36):
        exit_at = tied_times[i % len(tied_times)] if i % 4 else tied_times[1] + timedelta(minutes=i)
        post = "HTI-CAP" if i % 3 else "HTI-OUA"
        if i % 4 == 1:  # left on a new passport; the entry was on the old one, linked
            old, new = str(uuid.uuid4()), str(uuid.uuid4())
            person(
                i,
                "L",
                post,
                "entry",
                exit_at - timedelta(days=4),
                document_number=f"O{i:06d}",
                traveler_id=old,
            )
            person(i, "U", post, "exit", exit_at, traveler_id=new)
            events[post].append(
                (
                    "identity.linked",
                    {
                        "traveler_id": new,
                        "other_traveler_id": old,
                        "confirmed_by": "sup",
                        "at": exit_at.isoformat(),
                    },
                )
            )
        else:
            person(i, "U", post, "exit", exit_at)
    for post, evs in events.items():
        for k in range(0, len(evs), 50):
            send(post_body, devices[post], evs[k : k + 50])


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def app_today(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[Any, date]]:
    from sync_server.main import create_app

    today = datetime.now(UTC).date()
    with database(request.param, tmp_path_factory.mktemp(f"matching-{request.param}")) as url:
        app = create_app(Settings(db_url=url, extra=dict(EXTRA)))
        with make_client(app) as client:
            _scenario(app, client, today)
        add_users(app)
        yield app, today
        app.state.engine.dispose()


@pytest.fixture()
def conn(app_today: tuple[Any, date]) -> Iterator[Any]:
    with app_today[0].state.engine.connect() as c:
        yield c


Lister = Callable[..., list[dict[str, Any]]]


def _lists(conn: Any, today: date) -> dict[str, tuple[Lister, Callable[[dict[str, Any]], str], str]]:
    start = today - timedelta(days=29)

    def matched(**kw: Any) -> list[dict[str, Any]]:
        return queries.matched_exits(conn, start, today, policy=POLICY, **kw)

    def matched_cross(**kw: Any) -> list[dict[str, Any]]:
        return queries.matched_exits(conn, start, today, policy=POLICY, cross_post_only=True, **kw)

    def matched_oua(**kw: Any) -> list[dict[str, Any]]:
        return queries.matched_exits(conn, start, today, policy=POLICY, post_code="HTI-OUA", **kw)

    def unmatched(**kw: Any) -> list[dict[str, Any]]:
        return queries.unmatched_exits(conn, start, today, **kw)

    def unmatched_cap(**kw: Any) -> list[dict[str, Any]]:
        return queries.unmatched_exits(conn, start, today, post_code="HTI-CAP", **kw)

    m, u = queries.matched_exit_cursor, queries.unmatched_exit_cursor
    return {
        "matched": (matched, m, "exit_id"),
        "matched cross-post": (matched_cross, m, "exit_id"),
        "matched at one post": (matched_oua, m, "exit_id"),
        "unmatched": (unmatched, u, "crossing_id"),
        "unmatched at one post": (unmatched_cap, u, "crossing_id"),
    }


def test_the_lists_hold_ties_and_are_in_a_total_order(conn: Any, app_today: tuple[Any, date]) -> None:
    lists = _lists(conn, app_today[1])
    every = lists["matched"][0](limit=10_000)
    assert len(every) == 60
    unmatched = lists["unmatched"][0](limit=10_000)
    assert len(unmatched) == 27  # 36 exits without an entry of their document, 9 closed by a link
    for name, (fetch, _, id_key) in lists.items():
        rows = fetch(limit=10_000)
        at_key = "exit_at" if id_key == "exit_id" else "occurred_at"
        places = [(r[at_key], r[id_key]) for r in rows]
        # Newest first, ties by crossing id descending; and there are ties to break.
        assert places == sorted(places, reverse=True), name
        assert len({at for at, _ in places}) < len(places), name


@pytest.mark.parametrize("size", [1, 4, 7, 100])
def test_pages_by_position_give_the_whole_list_forwards_and_backwards(
    conn: Any, app_today: tuple[Any, date], size: int
) -> None:
    for name, (fetch, cursor, id_key) in _lists(conn, app_today[1]).items():
        every = fetch(limit=10_000)
        assert every, name
        # Forwards: each page after the last row of the one before, until an empty page.
        walked: list[dict[str, Any]] = []
        pages_fwd = [fetch(limit=size)]
        while pages_fwd[-1]:
            walked += pages_fwd[-1]
            pages_fwd.append(fetch(limit=size, after=cursor(pages_fwd[-1][-1])))
        assert [r[id_key] for r in walked] == [r[id_key] for r in every], (name, size)
        assert walked == every, (name, size)
        # The offset pages (the API's ?offset=, a bare ?page=N) are the same pages.
        for n, page in enumerate(pages_fwd[:-1]):
            assert fetch(limit=size, offset=n * size) == page, (name, size, n)
        # Backwards from the last page: each page before the first row of the one after.
        back: list[dict[str, Any]] = []
        page = pages_fwd[-2]
        while page:
            back = page + back
            page = fetch(limit=size, before=cursor(page[0]))
        assert back == every, (name, size)
        # Past either end there is nothing; an offset is ignored when a position is given.
        assert fetch(limit=size, after=cursor(every[-1])) == []
        assert fetch(limit=size, before=cursor(every[0])) == []
        assert fetch(limit=size, offset=3, after=cursor(every[0])) == every[1 : 1 + size]


def test_unmatched_exits_read_in_small_chunks_give_the_same_pages(
    conn: Any, app_today: tuple[Any, date], monkeypatch: pytest.MonkeyPatch
) -> None:
    # A whole list in one call (limit past the chunk size) and pages whose linked-identity
    # exits fall across chunk boundaries: the same rows as with the usual chunks.
    fetch, cursor, _ = _lists(conn, app_today[1])["unmatched"]
    every = fetch(limit=10_000)
    first, second = fetch(limit=6), fetch(limit=6, after=cursor(every[5]))
    monkeypatch.setattr(queries, "UNMATCHED_CHUNK", 2)
    assert fetch(limit=10_000) == every
    assert fetch(limit=6) == first and fetch(limit=6, after=cursor(every[5])) == second
    assert fetch(limit=6, before=cursor(every[12])) == every[6:12]


def test_a_malformed_position_is_refused_by_name(conn: Any, app_today: tuple[Any, date]) -> None:
    fetch = _lists(conn, app_today[1])["unmatched"][0]
    for bad in (
        "not a position",
        "2026-13-01T00:00:00~x",
        "9999-12-31T23:59:59-14:00~x",
        "2026-01-01T00:00:00~",
    ):
        with pytest.raises(queries.QueryError, match="page position"):
            fetch(after=bad)


ROW_ID = {
    # The pages show each exit's document number; the scenario gives every exit its own.
    "matched": re.compile(r'<span class="code small">([^<]+)</span>'),
    "unmatched": re.compile(r'<span class="code">([^<]+)</span>'),
}


def _link(page_html: str, rel: str) -> str | None:
    m = re.search(rf'<a href="([^"]+)" rel="{rel}">', page_html)
    return html.unescape(m.group(1)) if m else None


@pytest.mark.parametrize("tab", ["matched", "unmatched"])
def test_the_pages_next_and_previous_links_walk_the_whole_list(
    app_today: tuple[Any, date], monkeypatch: pytest.MonkeyPatch, tab: str
) -> None:
    app, today = app_today
    monkeypatch.setattr(pages, "PAGE", 7)
    with app.state.engine.connect() as c:
        fetch = _lists(c, today)[tab][0]
        expected = [r["document_number"] for r in fetch(limit=10_000)]
    start = (today - timedelta(days=29)).isoformat()
    with make_client(app) as client:
        assert login(client, *ANALYST).status_code == 303
        first = f"/matching?tab={tab}&start={start}&end={today.isoformat()}&post="
        seen: list[list[str]] = []
        url: str | None = first
        numbers = []
        while url:
            resp = client.get(url if url.startswith("/") else "/matching" + url)
            assert resp.status_code == 200, resp.text
            seen.append(ROW_ID[tab].findall(resp.text))
            numbers.append(int(re.search(r"<span>Page (\d+)</span>", resp.text).group(1)))  # type: ignore[union-attr]
            url = _link(resp.text, "next")
        walked = [d for page in seen for d in page]
        assert walked == expected
        assert numbers == list(range(1, len(seen) + 1))
        assert "after=" in (_link(client.get(first).text, "next") or "")
        # Back from the last page by the Previous links: the same pages, page numbers down to 1.
        url = _link(resp.text, "prev")
        back = [seen[-1]]
        while url:
            resp = client.get("/matching" + url)
            assert resp.status_code == 200
            back.insert(0, ROW_ID[tab].findall(resp.text))
            url = _link(resp.text, "prev")
        assert back == seen
        # An old bookmark without a position (?page=3) still opens page 3, by offset.
        resp = client.get(first + "&page=3")
        assert ROW_ID[tab].findall(resp.text) == seen[2]
        # A doctored position is a clear error, not a server error.
        resp = client.get(first + "&page=2&after=yesterday")
        assert resp.status_code == 422 and "page position" in resp.text


@pytest.mark.parametrize(
    ("path", "cursor"), [("exits", "matched_exit_cursor"), ("unmatched", "unmatched_exit_cursor")]
)
def test_the_api_pages_by_position(app_today: tuple[Any, date], path: str, cursor: str) -> None:
    app, today = app_today
    start = (today - timedelta(days=29)).isoformat()
    with make_client(app) as client:
        assert login(client, *ANALYST).status_code == 303
        url = f"/api/console/v1/matching/{path}"
        every = client.get(url, params={"start": start, "limit": 500}).json()
        walked: list[dict[str, Any]] = []
        params: dict[str, Any] = {"start": start, "limit": 5}
        while page := client.get(url, params=params).json():
            walked += page
            last = page[-1]
            at = datetime.fromisoformat(last["exit_at" if path == "exits" else "occurred_at"])
            row = {
                "exit_at": at,
                "exit_id": last.get("exit_id"),
                "occurred_at": at,
                "crossing_id": last.get("crossing_id"),
            }
            params["after"] = getattr(queries, cursor)(row)
        assert walked == every and len(every) > 5
        assert client.get(url, params={"start": start, "after": "nowhere"}).status_code == 422
