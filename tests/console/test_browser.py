"""The console in a real browser: Debian's Chromium driven by Playwright, against `sync-server serve`.

Never downloads a browser: Playwright launches /usr/bin/chromium.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests

from tests.console.seed import Scenario, standard_scenario
from tests.server.support import VENV_BIN, issue_token, running_server

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ADMIN = ("chief", "correct horse battery")
SHOTS = os.environ.get("CONSOLE_SCREENSHOTS")  # a directory: save a screenshot of each page


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Scenario]]:
    tmp = tmp_path_factory.mktemp("console-browser")
    db_url = f"sqlite:///{tmp / 'server.db'}"
    with running_server(db_url, tmp) as server:
        # The first admin is created from the shell, as an operator would.
        done = subprocess.run(
            [
                str(VENV_BIN / "sync-server"),
                "--db",
                db_url,
                "user",
                "add",
                ADMIN[0],
                "--role",
                "admin",
                "--password-stdin",
            ],
            input=ADMIN[1] + "\n",
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert done.returncode == 0, done.stderr
        http = requests.Session()
        scenario = standard_scenario(
            lambda code, name: issue_token(db_url, code, name),
            lambda path, doc: http.post(server.url + path, json=doc, timeout=30),
            lambda path, body, headers: http.post(server.url + path, data=body, headers=headers, timeout=30),
        )
        yield server.url, scenario


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        pytest.skip("Debian's chromium is not installed at /usr/bin/chromium (make test installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture()
def page(browser: Any, live: tuple[str, Scenario]) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1366, "height": 900}, locale="en-US")
    pg = context.new_page()
    errors: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    pg.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    pg.on("dialog", lambda dialog: dialog.accept())
    pg.console_errors = errors  # a test expecting a refusal takes its own error out
    yield pg
    context.close()
    assert not errors, errors  # no script error, no CSP violation


def shot(pg: Any, name: str) -> None:
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        pg.screenshot(path=str(Path(SHOTS) / f"console-{name}.png"), full_page=True)


def log_in(pg: Any, base: str) -> None:
    pg.goto(base + "/")
    assert "/login" in pg.url
    shot(pg, "login")
    pg.fill('input[name="username"]', ADMIN[0])
    pg.fill('input[name="password"]', ADMIN[1])
    pg.click('button[type="submit"]')
    pg.wait_for_url("**/posts")


def test_log_in_and_see_posts_and_flows(page: Any, live: tuple[str, Scenario]) -> None:
    base, sc = live
    log_in(page, base)
    body = page.inner_text("main")
    assert "HTI-CAP" in body and "HTI-OUA" in body and "Ouanaminthe" in body
    assert page.inner_text('[data-testid="events-today"]').strip() == "11"
    shot(page, "posts")
    page.click("nav.mainnav >> text=Flows")
    page.wait_for_url("**/flows")
    page.fill("#f-start", (sc.today.replace(year=sc.today.year - 1)).isoformat())
    page.click("form.filters button[type=submit]")
    page.wait_for_load_state("networkidle")
    assert page.inner_text('[data-testid="total-entries"]').strip() == "4"
    assert page.inner_text('[data-testid="total-exits"]').strip() == "3"
    # The charts were drawn by the vendored Chart.js (served by the server, no CDN).
    drawn = page.evaluate(
        "() => [...document.querySelectorAll('canvas')].filter(c => Chart.getChart(c)).length"
    )
    assert drawn == 5
    shot(page, "flows")


def test_search_a_traveler_and_open_the_timeline(page: Any, live: tuple[str, Scenario]) -> None:
    base, _ = live
    log_in(page, base)
    page.click("nav.mainnav >> text=Travelers")
    page.fill("#t-name", "Müller Hans")
    page.press("#t-name", "Enter")
    page.wait_for_selector('[data-testid="traveler-results"]')
    results = page.inner_text('[data-testid="traveler-results"]')
    assert "MUELLER, HANS" in results
    shot(page, "travelers")
    page.click("text=MUELLER, HANS")
    page.wait_for_selector('[data-testid="timeline"]')
    timeline = page.inner_text('[data-testid="timeline"]')
    assert "HTI-CAP" in timeline and "HTI-OUA" in timeline
    shot(page, "traveler")
    page.goto(base + "/matching?tab=overstays")
    assert "ERIKSSON" in page.inner_text("main")
    shot(page, "overstays")
    page.goto(base + "/matching")
    shot(page, "matching")
    for name in ("alerts", "quarantine", "audit"):
        page.goto(f"{base}/{name}")
        shot(page, name)


def test_upload_a_watchlist_and_publish_it(page: Any, live: tuple[str, Scenario], tmp_path: Path) -> None:
    base, _ = live
    csv_file = tmp_path / "watchlist.csv"
    csv_file.write_text(
        "list,document_number,issuing_state,surname,given_names,birth_date,nationality,reason\n"
        "document,ZX9988776,UTO,,,,,stolen blank\n"
        "person,,,ERIKSSON|ERICSSON,ANNA,1974,UTO,inquiry\n",
        encoding="utf-8",
    )
    log_in(page, base)
    page.click("nav.mainnav >> text=Watchlists")
    page.set_input_files("#wl-file", str(csv_file))
    page.click('form[action="/watchlists/import"] button')
    page.wait_for_selector('[data-testid="draft"]')
    draft = page.inner_text('[data-testid="draft"]')
    assert "ZX9988776" in draft and "ERIKSSON" in draft
    shot(page, "watchlists-review")
    page.click("text=Publish a new version")  # the confirmation dialog is accepted
    page.wait_for_selector('[data-testid="published"]')
    version = page.inner_text('[data-testid="latest-version"]').strip()
    assert version.isdigit() and int(version) >= 1
    shot(page, "watchlists")


def test_a_form_without_its_csrf_token_is_refused(page: Any, live: tuple[str, Scenario]) -> None:
    base, _ = live
    log_in(page, base)
    page.goto(base + "/users")
    # Strip the token from the real form, then submit it as a user would.
    page.evaluate("() => document.querySelectorAll('input[name=csrf_token]').forEach(e => e.remove())")
    page.fill("#u-name", "mallory")
    page.fill("#u-pass", "mallory password")
    with page.expect_response(lambda r: r.url.endswith("/users")) as info:
        page.click('form[action="/users"] button')
    assert info.value.status == 403
    assert "Request refused" in page.inner_text("main")
    page.console_errors[:] = [e for e in page.console_errors if "status of 403" not in e]
    page.goto(base + "/users")
    assert "mallory" not in page.inner_text("main")


def test_tablet_layout_and_french(browser: Any, live: tuple[str, Scenario]) -> None:
    base, _ = live
    context = browser.new_context(
        viewport={"width": 800, "height": 1180}, locale="fr-FR", is_mobile=True, has_touch=True
    )
    pg = context.new_page()
    try:
        log_in(pg, base)
        assert pg.locator("html").get_attribute("lang") == "fr"
        assert "Postes" in pg.inner_text("nav.mainnav")
        # Nothing wider than the screen but the tables' own scroll areas.
        overflow = pg.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 1
        # Keyboard: the skip link comes first.
        pg.keyboard.press("Tab")
        assert pg.evaluate("() => document.activeElement.className") == "skip"
        shot(pg, "posts-tablet-fr")
    finally:
        context.close()
