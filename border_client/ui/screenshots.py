"""Render every screen offscreen into PNG files: ``python -m border_client.ui.screenshots DIR``.

A throw-away post is set up in a temporary directory with fictional travelers (composed with
the domain's MRZ composer, so every check digit is right), then each screen is shown at
1366x768 and grabbed.  Nothing here is used by the application itself.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, TypeVar

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

PASSWORD = "screenshot-pass"
SIZE = (1366, 768)

# (surname, given names, nationality, sex, birth YYMMDD, document number)
PEOPLE = (
    ("PIERRE", "JEAN MARC", "HTI", "M", "850412", "HA1234567"),
    ("JOSEPH", "MARIE CLAUDE", "HTI", "F", "920301", "HA7654321"),
    ("MARTINEZ", "CARLOS", "DOM", "M", "780923", "SD0048213"),
    ("GONZALEZ", "ANA LUCIA", "GTM", "F", "010715", "GT2233445"),
    ("SMITH", "JOHN", "USA", "M", "660101", "546781234"),
    ("DUBOIS", "CLAIRE", "FRA", "F", "900228", "18AB12345"),
    ("CASTILLO", "LUIS", "HND", "M", "120506", "HN5566778"),
    ("LOUIS", "ROSE", "HTI", "F", "550830", "HA1122334"),
    ("FLORES", "MARIA", "SLV", "F", "970611", "SV9988776"),
    ("BAPTISTE", "WILSON", "HTI", "M", "991111", "HA5544332"),
    ("REYES", "JOSE", "DOM", "M", "830217", "SD7766554"),
    ("CHARLES", "NADEGE", "HTI", "F", "870704", "HA9090901"),
)


def td3(person: tuple[str, ...]) -> list[str]:
    from border_client.domain.mrz import MrzFormat, compose_mrz

    surname, given, nat, sex, birth, number = person
    return compose_mrz(
        MrzFormat.TD3,
        document_code="P",
        issuing_state=nat,
        surname=surname,
        given_names=given,
        document_number=number,
        nationality=nat,
        birth_date_raw=birth,
        sex=sex,
        expiry_date_raw="310101",
    )


def build_demo_post(data_dir: Path) -> None:
    """A post with users, a watchlist and a day of fictional crossings."""
    from border_client.domain.mrz import parse_mrz
    from border_client.services import accounts, registration, watchlist

    store, admin, _key = accounts.init_post(
        data_dir,
        post_code="HTI-OUA",
        post_name="Ouanaminthe",
        admin_username="admin",
        admin_password=PASSWORD,
        timezone="America/Port-au-Prince",
    )
    try:
        accounts.add_user(store, admin, "chief", PASSWORD, "supervisor")
        accounts.add_user(store, admin, "ines", PASSWORD, "inspector")
        accounts.add_user(store, admin, "marc", PASSWORD, "inspector")
        watchlist.import_watchlist_csv(
            store,
            admin,
            "list,document_number,issuing_state,surname,given_names,birth_date,nationality,reason\n"
            "document,HA5544332,HTI,,,,,reported stolen (fictional)\n",
        )
        ines = accounts.login(store, "ines", PASSWORD)
        marc = accounts.login(store, "marc", PASSWORD)
        now = datetime.now(UTC)
        start = now - timedelta(minutes=17 * 37)  # the last ten hours, none in the future
        # An overstay: entered 120 days ago, never left.
        registration.register_crossing(
            store, ines, parse_mrz(td3(PEOPLE[2])), "entry",
            occurred_at=now - timedelta(days=120), purpose="work",
        )
        for i in range(36):
            person = PEOPLE[(i * 5) % len(PEOPLE)]
            if person is PEOPLE[9] or person is PEOPLE[2]:
                continue
            doc = parse_mrz(td3(person))
            check = registration.check_traveler(store, ines, doc)
            registration.register_crossing(
                store,
                ines if i % 3 else marc,
                doc,
                check.suggested_direction,
                travel_mode="land" if i % 4 else "sea",
                purpose=("trade", "family", "tourism", "work")[i % 4],
                origin_destination=("Dajabón", "Cap-Haïtien", "Santiago")[i % 3],
                occurred_at=start + timedelta(minutes=17 * i),
            )
        # A pending watchlist alert.
        registration.register_crossing(
            store, marc, parse_mrz(td3(PEOPLE[9])), "entry",
            occurred_at=now - timedelta(minutes=20),
        )
    finally:
        store.close()


def _camera_dialog(window: Any, ctx: Any, tmp: Path) -> Any:
    """The camera dialog on a short video of a document on a desk, with the MRZ outlined."""
    import cv2
    import numpy as np

    from border_client.domain.mrz import MrzFormat
    from border_client.scanning.synthetic import render_page
    from border_client.ui.camera_dialog import CameraDialog

    page, _quad, _cap = render_page(np.random.default_rng(7), MrzFormat.TD3, td3(PEOPLE[3]))
    height, width = 720, 1280
    frame = np.full((height, width, 3), (70, 80, 90), np.uint8)
    scale = min((width - 160) / page.shape[1], (height - 120) / page.shape[0])
    small = cv2.resize(page, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    y, x = (height - small.shape[0]) // 2, (width - small.shape[1]) // 2
    frame[y : y + small.shape[0], x : x + small.shape[1]] = small
    video = tmp / "desk.avi"
    writer = cv2.VideoWriter(str(video), cv2.VideoWriter.fourcc(*"MJPG"), 10, (width, height))
    for _ in range(20):
        writer.write(frame)
    writer.release()
    ctx.preferences.camera_source = str(video)
    dialog = CameraDialog(window, ctx)
    dialog._relay.accepted.disconnect()  # keep it open for the picture
    dialog.show()
    try:
        _wait(lambda: dialog.scanner is not None and dialog.scanner.preview().found)
        _wait(lambda: dialog.preview.pixmap() is not None and not dialog.preview.pixmap().isNull())
    except TimeoutError:
        dialog.reject()
        return None
    dialog.status.setText(dialog.tr("Hold the data page still under the camera."))
    return dialog


def _grab(widget: Any, path: Path) -> None:
    from PySide6.QtWidgets import QApplication

    for _ in range(5):
        QApplication.processEvents()
    widget.grab().save(str(path))
    print(path)


T = TypeVar("T")


def _shown(value: T | None, what: str) -> T:
    if value is None:
        raise RuntimeError(f"screenshots: the app did not show its {what}")
    return value


def _wait(condition: Callable[[], bool], timeout: float = 20.0) -> None:
    import time

    from PySide6.QtWidgets import QApplication

    deadline = time.monotonic() + timeout
    while not condition():
        QApplication.processEvents()
        if time.monotonic() > deadline:
            raise TimeoutError("the screen did not finish loading")
        time.sleep(0.01)


# In French and Spanish, the screens that show the most text are enough to check the layout.
TRANSLATED_SHOTS = {"05-log-in", "07-counter-document-read", "11-records", "12-dashboard",
                    "10-watchlist-decision", "16-settings"}


def render_all(out_dir: Path, language: str = "en") -> list[Path]:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QWizard

    from border_client.ui.counter import CounterScreen
    from border_client.ui.dashboard import DashboardScreen
    from border_client.ui.records import RecordsScreen
    from border_client.ui.settings_screen import SettingsScreen
    from border_client.ui.shell import AppShell
    from border_client.ui.sync_panel import SyncScreen

    app = QApplication.instance() or QApplication([sys.argv[0]])
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    suffix = "" if language == "en" else f"-{language}"

    def shot(widget: Any, name: str) -> None:
        if language != "en" and name not in TRANSLATED_SHOTS:
            return
        path = out_dir / f"{name}{suffix}.png"
        _grab(widget, path)
        written.append(path)

    with tempfile.TemporaryDirectory(prefix="border-shots-") as tmp:
        # First run.
        fresh = Path(tmp) / "fresh"
        fresh.mkdir()
        shell = AppShell(fresh, language=language, auto_sync=False)
        shell.start()
        wizard = shell.wizard
        wizard.resize(820, 560)
        shot(wizard, "01-first-run-welcome")
        wizard.next()
        wizard.post.code.setText("HTI-OUA")
        wizard.post.name.setText("Ouanaminthe")
        shot(wizard, "02-first-run-post")
        wizard.next()
        wizard.admin.username.setText("admin")
        wizard.admin.full_name.setText("Post chief")
        wizard.admin.password.setText(PASSWORD)
        wizard.admin.confirm.setText(PASSWORD)
        wizard.next()
        _wait(lambda: wizard.currentPage() is wizard.recovery)
        shot(wizard, "03-first-run-recovery-key")
        wizard.recovery.confirm.setChecked(True)
        wizard.next()
        shot(wizard, "04-first-run-server")
        wizard.button(QWizard.WizardButton.FinishButton).click()
        _wait(lambda: shell.main_window is not None)
        _shown(shell.main_window, "main window").close()
        shell.shutdown()

        # A post with a day of traffic.
        post = Path(tmp) / "post"
        post.mkdir()
        build_demo_post(post)
        shell = AppShell(post, language=language, auto_sync=False)
        shell.start()
        login = _shown(shell.login_window, "log-in window")
        login.resize(*SIZE)
        login.panel.username.setText("chief")
        shot(login, "05-log-in")
        login.panel.password.setText(PASSWORD)
        login.panel.login_button.click()
        _wait(lambda: shell.main_window is not None)
        window = _shown(shell.main_window, "main window")
        window.resize(*SIZE)
        counter = window.screen_of(CounterScreen)
        shot(window, "06-counter-empty")
        counter.mrz_input.set_mrz(td3(PEOPLE[1]))
        _wait(lambda: counter.check is not None)
        counter.form.purpose_combo.setCurrentIndex(1)
        counter.form.place_edit.setText("Dajabón")
        shot(window, "07-counter-document-read")
        bad = td3(PEOPLE[0])
        counter.mrz_input.set_mrz([bad[0], bad[1][:9] + "0" + bad[1][10:]])
        shot(window, "08-counter-check-digit-failed")
        counter.clear()
        counter.mrz_input.set_mrz(td3(PEOPLE[9]))
        _wait(lambda: counter.check is not None)
        shot(window, "09-counter-watchlist-hit")

        from border_client.ui.alert_dialog import AlertDialog

        ctx = _shown(shell.ctx, "app context")
        dialog = AlertDialog(window, ctx, list(counter.check.hits), "BAPTISTE, WILSON")
        dialog.show()
        shot(dialog, "10-watchlist-decision")
        dialog.close()
        counter.clear()

        records = window.screen_of(RecordsScreen)
        window.show_screen(window.screens.index(records))
        _wait(lambda: records.model.rowCount() > 0)
        for row in range(min(records.model.rowCount(), 30)):
            records.model.data(records.model.index(row, 0))
        _wait(lambda: records.model._loading == 0)
        records.table.selectRow(0)
        shot(window, "11-records")

        dashboard = window.screen_of(DashboardScreen)
        window.show_screen(window.screens.index(dashboard))
        _wait(lambda: dashboard.data is not None)
        shot(window, "12-dashboard")
        dashboard.tabs.setCurrentIndex(1)
        shot(window, "13-dashboard-alerts")
        dashboard.tabs.setCurrentIndex(3)
        shot(window, "14-dashboard-overstays")
        dashboard.tabs.setCurrentIndex(0)

        sync = window.screen_of(SyncScreen)
        window.show_screen(window.screens.index(sync))
        _wait(lambda: shell.sync_monitor.status is not None)
        shot(window, "15-sync")
        settings = window.screen_of(SettingsScreen)
        window.show_screen(window.screens.index(settings))
        _wait(lambda: bool(settings.server_value.text()))
        shot(window, "16-settings")
        window.show_screen(0)
        camera = _camera_dialog(window, shell.ctx, Path(tmp))
        if camera is not None:
            shot(camera, "18-camera")
            camera.reject()
        window.lock()
        shot(window, "17-locked")
        QTimer.singleShot(0, window.close)
        for _ in range(3):
            app.processEvents()
        shell.shutdown()
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", type=Path)
    parser.add_argument(
        "--languages", default="en,fr,es", help="comma-separated: en,fr,es (default all)"
    )
    args = parser.parse_args(argv)
    from PySide6.QtWidgets import QApplication

    _app = QApplication.instance() or QApplication([sys.argv[0]])
    for language in args.languages.split(","):
        render_all(args.out_dir, language.strip())
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
