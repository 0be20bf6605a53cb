"""Log-in, sessions, CSRF, roles, lockout, pages and CSV export through the real app."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import select, update

from sync_server.console import audit
from sync_server.console.auth import (
    AuthError,
    LockedOut,
    authenticate,
    lock_duration,
)
from sync_server.console.tables import console_audit, console_sessions
from tests.console.conftest import ADMIN, ANALYST, csrf_of, login, make_client

PAGES = [
    "/posts",
    "/flows",
    "/travelers",
    "/travelers?name=Muller",
    "/matching",
    "/matching?tab=overstays",
    "/matching?tab=unmatched",
    "/alerts",
    "/watchlists",
    "/quarantine",
    "/audit",
]


def test_root_leads_to_the_login_form(seeded: Any) -> None:
    app, _ = seeded
    with make_client(app) as client:
        resp = client.get("/", follow_redirects=True)
        assert resp.url.path == "/login"
        assert 'name="username"' in resp.text and 'name="password"' in resp.text
        for page in PAGES:
            r = client.get(page, follow_redirects=False)
            assert r.status_code == 303 and r.headers["location"].startswith("/login?next=")
        assert client.get("/api/console/v1/posts").status_code == 401


def test_login_sets_a_secure_httponly_session_cookie(seeded: Any) -> None:
    app, _ = seeded
    with make_client(app) as client:
        resp = login(client, *ADMIN)
        assert resp.status_code == 303
        cookie = resp.headers["set-cookie"]
        assert "console_session=" in cookie
        for attr in ("HttpOnly", "Secure", "SameSite=strict"):
            assert attr.lower() in cookie.lower()
        assert client.get("/", follow_redirects=False).headers["location"] == "/posts"
        # Only the token's hash is stored.
        token = client.cookies.get("console_session")
        with app.state.engine.connect() as c:
            hashes = set(c.execute(select(console_sessions.c.token_hash)).scalars())
        assert token not in hashes


def test_wrong_password_is_refused_and_audited(seeded: Any) -> None:
    app, _ = seeded
    with make_client(app) as client:
        resp = login(client, ANALYST[0], "not the password")
        assert resp.status_code == 401
        assert "Wrong user name or password" in resp.text
        assert "console_session" not in resp.headers.get("set-cookie", "")
    with app.state.engine.connect() as c:
        last = c.execute(
            select(console_audit.c.action, console_audit.c.username)
            .order_by(console_audit.c.id.desc())
            .limit(1)
        ).one()
    assert tuple(last) == ("login_failed", ANALYST[0])


def test_login_form_without_its_csrf_token_is_refused(seeded: Any) -> None:
    app, _ = seeded
    with make_client(app) as client:
        client.get("/login")
        resp = client.post(
            "/login", data={"username": ADMIN[0], "password": ADMIN[1]}, follow_redirects=False
        )
        assert resp.status_code == 403
        assert "console_session" not in resp.headers.get("set-cookie", "")


def test_lockout_backs_off_and_recovers(seeded: Any) -> None:
    app, _ = seeded
    from sync_server.console.auth import add_user

    with app.state.engine.begin() as conn:
        add_user(conn, "locky", "locky password", "analyst")
    t0 = datetime.now(UTC)
    for i in range(5):
        with app.state.engine.begin() as conn, pytest.raises(AuthError) as err:
            authenticate(conn, "locky", "wrong", now=t0 + timedelta(seconds=i))
        assert isinstance(err.value, LockedOut) == (i == 4)
    # Locked: even the right password is refused until the lock ends.
    with app.state.engine.begin() as conn, pytest.raises(LockedOut):
        authenticate(conn, "locky", "locky password", now=t0 + timedelta(seconds=10))
    later = t0 + timedelta(seconds=4) + lock_duration(5) + timedelta(seconds=1)
    with app.state.engine.begin() as conn:
        assert authenticate(conn, "locky", "locky password", now=later).username == "locky"
    assert lock_duration(6) == 2 * lock_duration(5)
    assert lock_duration(40) == timedelta(hours=1)


def test_lockout_over_http_answers_429(seeded: Any) -> None:
    app, _ = seeded
    from sync_server.console.auth import add_user

    with app.state.engine.begin() as conn:
        add_user(conn, "locky2", "locky password", "analyst")
    with make_client(app) as client:
        codes = [login(client, "locky2", "nope").status_code for _ in range(5)]
        assert codes == [401, 401, 401, 401, 429]
        assert "Too many failed attempts" in login(client, "locky2", "locky password").text


@pytest.mark.parametrize("page", PAGES)
def test_every_page_renders_for_an_analyst(analyst_client: TestClient, page: str) -> None:
    resp = analyst_client.get(page)
    assert resp.status_code == 200, resp.text
    assert "<h1>" in resp.text
    assert resp.headers["content-security-policy"].startswith("default-src 'self'")
    assert "cdn" not in resp.text.lower()


def test_posts_page_shows_both_posts_with_data(analyst_client: TestClient) -> None:
    html = analyst_client.get("/posts").text
    assert "HTI-CAP" in html and "HTI-OUA" in html and "Ouanaminthe" in html
    assert "0.1.1" in html  # the app version reported by the post


def test_traveler_search_and_timeline(analyst_client: TestClient) -> None:
    html = analyst_client.get("/travelers", params={"name": "Müller Hans"}).text
    assert "MUELLER" in html
    timeline = analyst_client.get("/travelers/D:C01X00T47").text
    assert "HTI-CAP" in timeline and "HTI-OUA" in timeline
    assert analyst_client.get("/travelers/NOPE:0").status_code == 404
    bad = analyst_client.get("/travelers", params={"birth_date": "1980-13-45"})
    assert bad.status_code == 422


def test_flows_csv_export(analyst_client: TestClient, seeded: Any) -> None:
    _, sc = seeded
    resp = analyst_client.get(
        "/flows.csv", params={"start": str(sc.today - timedelta(days=400)), "end": str(sc.today)}
    )
    assert resp.status_code == 200
    assert resp.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(resp.text)))
    assert sum(int(r["crossings"]) for r in rows if r["dimension"] == "total") == len(sc.crossings)
    for dimension in ("nationality", "sex", "age_band"):
        assert sum(int(r["crossings"]) for r in rows if r["dimension"] == dimension) == len(sc.crossings)
    assert {r["post_code"] for r in rows} == {"HTI-CAP", "HTI-OUA"}
    reversed_range = analyst_client.get(
        "/flows.csv", params={"start": str(sc.today), "end": str(sc.today - timedelta(days=2))}
    )
    assert reversed_range.status_code == 422


def test_analyst_cannot_administer(analyst_client: TestClient) -> None:
    csrf = csrf_of(analyst_client.get("/posts").text)
    assert analyst_client.get("/users").status_code == 403
    resp = analyst_client.post(
        "/posts/enroll", data={"post_code": "HTI-XXX", "name": "X", "csrf_token": csrf}
    )
    assert resp.status_code == 403
    assert "Enroll a device" not in analyst_client.get("/posts").text


def test_admin_enrolls_shows_token_and_revokes(admin_client: TestClient, seeded: Any) -> None:
    app, _ = seeded
    csrf = csrf_of(admin_client.get("/posts").text)
    resp = admin_client.post(
        "/posts/enroll", data={"post_code": "BLZ-SAN", "name": "Santa Elena", "csrf_token": csrf}
    )
    assert resp.status_code == 200
    assert 'data-testid="enroll-token"' in resp.text and "BLZ-SAN" in resp.text
    # The token enrolls a device for real.
    import re

    from tests.console.seed import enroll

    token = re.search(r'data-testid="enroll-token">([^<]+)<', resp.text).group(1)  # type: ignore[union-attr]
    device = enroll(lambda p, d: admin_client.post(p, json=d), token, "BLZ-SAN")
    resp = admin_client.post(
        f"/devices/{device.device_id}/revoke", data={"csrf_token": csrf}, follow_redirects=False
    )
    assert resp.status_code == 303
    from sync_server.models import Device

    with app.state.sessions() as s:
        assert s.get(Device, device.device_id).status == "revoked"  # type: ignore[union-attr]
    missing = admin_client.post("/devices/nope/revoke", data={"csrf_token": csrf})
    assert missing.status_code == 404


def test_forms_without_csrf_are_refused(admin_client: TestClient, seeded: Any) -> None:
    app, _ = seeded
    with app.state.engine.connect() as c:
        before = c.execute(select(console_audit.c.id).order_by(console_audit.c.id.desc())).first()
    for path, data in [
        ("/posts/enroll", {"post_code": "HTI-ZZZ", "name": "Z"}),
        ("/users", {"username": "mallory", "password": "mallory password", "role": "admin"}),
        ("/watchlists/publish", {}),
        ("/logout", {}),
    ]:
        resp = admin_client.post(path, data=data)
        assert resp.status_code == 403, path
        resp = admin_client.post(path, data={**data, "csrf_token": "forged"})
        assert resp.status_code == 403, path
    assert "mallory" not in admin_client.get("/users").text
    assert before is not None


def test_user_admin_and_logout(admin_client: TestClient, seeded: Any) -> None:
    app, _ = seeded
    csrf = csrf_of(admin_client.get("/users").text)
    resp = admin_client.post(
        "/users", data={"username": "newbie", "password": "short", "role": "analyst", "csrf_token": csrf}
    )
    assert resp.status_code == 422 and "at least 10 characters" in resp.text
    resp = admin_client.post(
        "/users",
        data={"username": "newbie", "password": "long enough pw", "role": "analyst", "csrf_token": csrf},
    )
    assert resp.status_code == 200 and "newbie" in resp.text
    with make_client(app) as other:
        assert login(other, "newbie", "long enough pw").status_code == 303
    resp = admin_client.post("/logout", data={"csrf_token": csrf}, follow_redirects=False)
    assert resp.status_code == 303
    assert admin_client.get("/posts", follow_redirects=False).status_code == 303


def test_expired_session_is_refused(analyst_client: TestClient, seeded: Any) -> None:
    app, _ = seeded
    with app.state.engine.begin() as c:
        c.execute(update(console_sessions).values(last_seen_at=datetime.now(UTC) - timedelta(hours=2)))
    assert analyst_client.get("/posts", follow_redirects=False).status_code == 303


def test_audit_chain_is_verified_and_detects_tampering(analyst_client: TestClient, seeded: Any) -> None:
    app, _ = seeded
    html = analyst_client.get("/audit").text
    assert 'data-testid="chain"' in html and "Chain intact" in html
    with app.state.engine.begin() as c:
        victim = c.execute(
            select(console_audit.c.id).order_by(console_audit.c.id).limit(1).offset(2)
        ).scalar()
        c.execute(update(console_audit).where(console_audit.c.id == victim).values(username="someone-else"))
        status = audit.verify_chain(c)
        assert not status.intact and status.broken_at == victim
        c.rollback()


def test_languages(analyst_client: TestClient) -> None:
    fr = analyst_client.get("/language/fr?next=/flows", follow_redirects=True)
    assert '<html lang="fr">' in fr.text and "Entrées" in fr.text
    es = analyst_client.get("/language/es?next=/posts", follow_redirects=True)
    assert '<html lang="es">' in es.text and "Puestos" in es.text
    analyst_client.get("/language/en?next=/posts")


def test_login_page_follows_accept_language(seeded: Any) -> None:
    app, _ = seeded
    with make_client(app) as client:
        page = client.get("/login", headers={"Accept-Language": "es-HT,es;q=0.9,en;q=0.5"})
        assert '<html lang="es">' in page.text and "Contraseña" in page.text


def test_watchlist_import_review_publish(admin_client: TestClient, seeded: Any) -> None:
    csrf = csrf_of(admin_client.get("/watchlists").text)
    bad = admin_client.post(
        "/watchlists/import",
        data={"csrf_token": csrf},
        files={"file": ("w.csv", b"list,reason\nbogus,x\n", "text/csv")},
    )
    assert bad.status_code == 422 and "line 2" in bad.text
    good_csv = (
        "list,document_number,issuing_state,surname,given_names,birth_date,nationality,reason\n"
        "document,AB123456,UTO,,,,,stolen\n"
        "person,,,MÜLLER|MUELLER,HANS,1980-03-04,D,fraud inquiry\n"
    ).encode()
    resp = admin_client.post(
        "/watchlists/import", data={"csrf_token": csrf}, files={"file": ("w.csv", good_csv, "text/csv")}
    )
    assert resp.status_code == 200 and "AB123456" in resp.text and "MUELLER" in resp.text
    resp = admin_client.post("/watchlists/publish", data={"csrf_token": csrf})
    assert resp.status_code == 200 and 'data-testid="published"' in resp.text
    assert 'data-testid="pending-count">0<' in resp.text
    again = admin_client.post("/watchlists/publish", data={"csrf_token": csrf})
    assert again.status_code == 409


def test_nul_characters_are_refused_not_a_server_error(analyst_client: TestClient, seeded: Any) -> None:
    app, _ = seeded
    assert analyst_client.get("/travelers", params={"name": "a\x00b"}).status_code == 422
    assert analyst_client.get("/api/console/v1/alerts", params={"post": "\x00"}).status_code == 422
    with make_client(app) as client:
        assert login(client, "chief\x00", "whatever").status_code == 401


def test_overstays_keyset_position_in_page_and_api(analyst_client: TestClient) -> None:
    page = analyst_client.get("/matching", params={"tab": "overstays"})
    assert page.status_code == 200 and "ERIKSSON" in page.text
    rows = analyst_client.get("/api/console/v1/overstays").json()
    assert [r["surname"] for r in rows] == ["ERIKSSON"]
    position = f"{rows[0]['entry_at']}~{rows[0]['traveler_key']}"
    assert analyst_client.get("/api/console/v1/overstays", params={"after": position}).json() == []
    assert analyst_client.get("/api/console/v1/overstays", params={"before": position}).json() == []
    later = analyst_client.get("/matching", params={"tab": "overstays", "page": 2, "after": position})
    assert later.status_code == 200 and "ERIKSSON" not in later.text
    bad = analyst_client.get("/matching", params={"tab": "overstays", "page": 2, "after": "nowhere"})
    assert bad.status_code == 422 and "nowhere" in bad.text
    assert analyst_client.get("/api/console/v1/overstays", params={"after": "nowhere"}).status_code == 422
