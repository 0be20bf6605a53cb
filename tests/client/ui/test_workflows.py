"""Whole workflows, offscreen, on a real encrypted store."""

from __future__ import annotations

from PySide6.QtCore import Qt

from border_client.ui.counter import CounterScreen
from tests.client.ui.conftest import PASSWORD, login

TD3 = [
    "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<",
    "L898902C36UTO7408122F1204159ZE184226B<<<<<10",
]


def test_first_run_wizard_sets_up_the_post(qtbot, data_dir, shell_factory):
    from PySide6.QtWidgets import QWizard

    shell = shell_factory(data_dir)
    shell.start()
    wizard = shell.wizard
    assert wizard is not None and wizard.isVisible()
    wizard.next()
    wizard.post.code.setText("hti-cap")
    wizard.post.name.setText("Cap-Haïtien")
    wizard.next()
    wizard.admin.username.setText("admin")
    wizard.admin.password.setText(PASSWORD)
    wizard.admin.confirm.setText(PASSWORD + "x")
    wizard.next()
    assert "differ" in wizard.admin.message.text()
    wizard.admin.confirm.setText(PASSWORD)
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.recovery, timeout=20_000)
    key = wizard.recovery.key.text()
    assert len(key) > 20
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    wizard.recovery.confirm.setChecked(True)
    wizard.next()
    assert wizard.currentPage() is wizard.server
    with qtbot.waitSignal(shell.mainWindowShown, timeout=20_000) as blocker:
        wizard.button(QWizard.WizardButton.FinishButton).click()
    window = blocker.args[0]
    assert (data_dir / "keyslots.json").exists()
    assert "admin" in window.user_label.text()
    assert shell.ctx.post_code == "HTI-CAP"
    # The recovery key is not stored anywhere in the data directory.
    for path in data_dir.rglob("*"):
        if path.is_file():
            assert key.encode() not in path.read_bytes()


def test_wrong_password_is_refused_in_plain_words(qtbot, post_dir, shell_factory):
    shell = shell_factory(post_dir)
    shell.start()
    panel = shell.login_window.panel
    panel.username.setText("ines")
    panel.password.setText("not-the-password")
    panel.login_button.click()
    qtbot.waitUntil(lambda: panel.login_button.isEnabled(), timeout=20_000)
    assert panel.message.text() == "Wrong user name or password."
    assert shell.main_window is None


def test_typed_entry_is_saved_and_shown_in_records(qtbot, post_dir, shell_factory):
    from border_client.ui.records import RecordsScreen

    shell = shell_factory(post_dir)
    window = login(qtbot, shell, "ines")
    counter = window.screen_of(CounterScreen)
    with qtbot.waitSignal(counter.travelerChecked, timeout=10_000):
        counter.mrz_input.set_mrz(TD3)
    assert counter.form.direction == "entry"
    with qtbot.waitSignal(counter.crossingSaved, timeout=10_000) as saved:
        qtbot.keyClick(counter.form.plate_edit, Qt.Key.Key_Return)
    result = saved.args[0]
    assert result.crossing.direction == "entry"
    assert "saved" in counter.save_message.text()
    assert counter.mrz_input.toPlainText() == ""
    records = window.screen_of(RecordsScreen)
    window.show_screen(window.screens.index(records))
    qtbot.waitUntil(lambda: records.model.rowCount() == 1, timeout=10_000)
    records.model.data(records.model.index(0, 2))
    qtbot.waitUntil(
        lambda: records.model.data(records.model.index(0, 2)) == "ERIKSSON", timeout=10_000
    )


def _enter(qtbot, counter, lines):
    counter.clear()
    with qtbot.waitSignal(counter.travelerChecked, timeout=10_000):
        counter.mrz_input.set_mrz(lines)


def _save(qtbot, counter):
    with qtbot.waitSignal(counter.crossingSaved, timeout=10_000) as saved:
        qtbot.keyClick(counter.form.remarks_edit, Qt.Key.Key_Return)
    return saved.args[0]


def test_entry_then_exit_and_the_dashboard_counts_change(qtbot, post_dir, shell_factory):
    from border_client.ui.dashboard import DashboardScreen

    shell = shell_factory(post_dir)
    window = login(qtbot, shell, "chief")
    dashboard = window.screen_of(DashboardScreen)
    window.show_screen(window.screens.index(dashboard))
    qtbot.waitUntil(lambda: dashboard.data is not None, timeout=10_000)
    assert dashboard.entries_tile.value.text() == "0"
    assert dashboard.exits_tile.value.text() == "0"

    counter = window.screen_of(CounterScreen)
    window.show_screen(0)
    _enter(qtbot, counter, TD3)
    assert counter.form.direction == "entry"
    assert _save(qtbot, counter).crossing.direction == "entry"
    _enter(qtbot, counter, TD3)
    # The last crossing was an entry: exit is preselected, and the history shows it.
    assert counter.form.direction == "exit"
    assert counter.history.table.rowCount() == 1
    assert "1 crossing" in counter.history.summary.text()
    assert _save(qtbot, counter).crossing.direction == "exit"

    dashboard.data = None
    window.show_screen(window.screens.index(dashboard))
    qtbot.waitUntil(lambda: dashboard.data is not None, timeout=10_000)
    assert dashboard.entries_tile.value.text() == "1"
    assert dashboard.exits_tile.value.text() == "1"
    assert sum(dashboard.nationality_chart.entries) == 1
    assert dashboard.activity_table.rowCount() == 1
    assert dashboard.activity_table.item(0, 0).text() == "chief"


def test_inspector_does_not_see_the_dashboard(qtbot, post_dir, shell_factory):
    from border_client.ui.dashboard import DashboardScreen

    shell = shell_factory(post_dir)
    window = login(qtbot, shell, "ines")
    index = window.screens.index(window.screen_of(DashboardScreen))
    assert window.navigation.item(index).isHidden()
    window.show_screen(index)
    assert window.stack.currentIndex() != index


def _watchlist_document(post_dir, number="L898902C3", state="UTO"):
    from border_client.services import accounts, watchlist

    store, admin = accounts.open_store(post_dir, "admin", PASSWORD)
    try:
        watchlist.import_watchlist_csv(
            store,
            admin,
            "list,document_number,issuing_state,surname,given_names,birth_date,nationality,reason\n"
            f"document,{number},{state},,,,,reported stolen (test)\n",
        )
    finally:
        store.close()


def _answer_alert(qtbot, decision, note, supervisor=None, cancel=False):
    """Arrange for the next alert dialog to be answered once it opens."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from border_client.ui.alert_dialog import AlertDialog

    seen = {}

    def answer():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, AlertDialog):
            QTimer.singleShot(20, answer)
            return
        seen["hits"] = dialog.findChildren(type(dialog.message), "alertHit")
        if cancel:
            dialog.reject()
            return
        if supervisor:
            dialog.supervisor.setText(supervisor)
            dialog.password.setText(PASSWORD)
        dialog.radios[decision].setChecked(True)
        dialog.note.setText(note)
        dialog.decide_button.click()

    QTimer.singleShot(0, answer)
    return seen


def test_watchlist_hit_blocks_the_save_until_a_supervisor_decides(qtbot, post_dir, shell_factory):
    from border_client.services import accounts, reporting

    _watchlist_document(post_dir)
    shell = shell_factory(post_dir)
    window = login(qtbot, shell, "ines")
    counter = window.screen_of(CounterScreen)
    _enter(qtbot, counter, TD3)
    assert counter.check.hits
    assert "Watchlist" in counter.history.summary.text()

    # Cancelled: nothing is saved and the form is kept.
    _answer_alert(qtbot, None, None, cancel=True)
    counter.save()
    assert "needs a decision" in counter.save_message.text()
    assert counter.mrz_input.state.kind == "parsed"

    # The inspector cannot decide: the supervisor enters their own credentials.
    seen = _answer_alert(qtbot, "refused", "stolen passport confirmed", supervisor="chief")
    with qtbot.waitSignal(counter.crossingSaved, timeout=20_000) as saved:
        counter.save()
    assert seen["hits"]
    result = saved.args[0]
    assert "REFUSED" in counter.save_message.text()

    store = shell.ctx.store
    chief = accounts.login(store, "chief", PASSWORD)
    crossing = reporting.get_crossing(store, chief, result.crossing.crossing_id)
    assert crossing.status == "refused"
    assert crossing.inspector == "ines"


def test_supervisor_decides_a_waiting_alert_from_the_dashboard(qtbot, post_dir, shell_factory):
    from border_client.domain.mrz import parse_mrz
    from border_client.services import accounts, registration
    from border_client.ui.dashboard import DashboardScreen

    _watchlist_document(post_dir)
    store, ines = accounts.open_store(post_dir, "ines", PASSWORD)
    try:  # registered elsewhere (e.g. the CLI) and left waiting
        registration.register_crossing(store, ines, parse_mrz(TD3), "entry")
    finally:
        store.close()
    shell = shell_factory(post_dir)
    window = login(qtbot, shell, "chief")
    dashboard = window.screen_of(DashboardScreen)
    window.show_screen(window.screens.index(dashboard))
    qtbot.waitUntil(lambda: dashboard.data is not None, timeout=10_000)
    assert dashboard.alerts_tile.value.text() == "1"
    dashboard.tabs.setCurrentIndex(1)
    dashboard.alerts_table.selectRow(0)
    _answer_alert(qtbot, "allowed", "document recovered, owner verified")
    dashboard.decide_selected_alert()
    dashboard.data = None
    qtbot.waitUntil(
        lambda: dashboard.data is not None and dashboard.alerts_tile.value.text() == "0",
        timeout=10_000,
    )


def test_lock_unlock_and_switch_user(qtbot, post_dir, shell_factory):
    shell = shell_factory(post_dir)
    window = login(qtbot, shell, "ines")
    counter = window.screen_of(CounterScreen)
    counter.mrz_input.set_mrz(TD3)
    qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.locked
    assert window.root.currentWidget() is window.lock_panel
    panel = window.lock_panel
    assert panel.username.text() == "ines" and panel.username.isReadOnly()
    panel.password.setText("wrong-password")
    panel.login_button.click()
    qtbot.waitUntil(lambda: panel.login_button.isEnabled(), timeout=20_000)
    assert window.locked
    assert "Wrong user name or password" in panel.message.text()
    panel.password.setText(PASSWORD)
    with qtbot.waitSignal(window.lockedChanged, timeout=20_000):
        panel.login_button.click()
    assert not window.locked
    # Nothing was lost while locked.
    assert counter.mrz_input.state.kind == "parsed"

    window.switch_user()
    assert window.locked and not panel.username.isReadOnly()
    panel.username.setText("chief")
    panel.password.setText(PASSWORD)
    with qtbot.waitSignal(window.lockedChanged, timeout=20_000):
        panel.login_button.click()
    assert shell.ctx.session.username == "chief"
    assert "chief" in window.user_label.text()


def test_idle_time_locks_the_app(qtbot, post_dir, shell_factory):
    shell = shell_factory(post_dir)
    window = login(qtbot, shell, "ines")
    with qtbot.waitSignal(window.lockedChanged, timeout=5_000):
        window.idle.set_interval_ms(200)
    assert window.locked


def test_switch_language_in_settings(qtbot, post_dir, shell_factory):
    from border_client.ui.preferences import Preferences
    from border_client.ui.records import RecordsScreen
    from border_client.ui.settings_screen import SettingsScreen

    shell = shell_factory(post_dir)
    window = login(qtbot, shell, "ines")
    counter = window.screen_of(CounterScreen)
    assert counter.save_button.text() == "Save  Enter"
    settings = window.screen_of(SettingsScreen)
    window.show_screen(window.screens.index(settings))
    settings.language.setCurrentIndex(settings.language.findData("fr"))
    settings.save()
    # Qt posts LanguageChange events: the texts change on the next turn of the event loop.
    qtbot.waitUntil(lambda: counter.save_button.text() == "Enregistrer  Entrée", timeout=2000)
    assert window.navigation.item(0).text().startswith("Guichet")
    assert window.windowTitle().startswith("Enregistrement des passages frontaliers — HTI-OUA")
    records = window.screen_of(RecordsScreen)
    assert records.model.headerData(2, Qt.Orientation.Horizontal) == "Nom"
    counter.mrz_input.set_mrz(TD3)
    assert counter.document_view.checks["composite"].text() == "✓ correct"
    assert Preferences.load(post_dir).language == "fr"

    settings.language.setCurrentIndex(settings.language.findData("es"))
    settings.save()
    qtbot.waitUntil(lambda: counter.save_button.text() == "Guardar  Enter", timeout=2000)
    assert counter.document_view.labels["birth_date"].text() == "Fecha de nacimiento"


def test_every_translation_is_filled_in():
    import xml.etree.ElementTree as ET

    from border_client.ui.i18n import I18N_DIR

    for lang in ("fr", "es"):
        root = ET.parse(I18N_DIR / f"{lang}.ts").getroot()
        for message in root.iter("message"):
            source = message.findtext("source")
            translation = message.find("translation")
            assert translation is not None and translation.text, (lang, source)
            assert translation.get("type") not in ("unfinished", "obsolete"), (lang, source)
            # Placeholders survive translation.
            import re

            assert sorted(re.findall(r"\{[^}]*\}", source)) == sorted(
                re.findall(r"\{[^}]*\}", translation.text)
            ), (lang, source)


def _specimen(real_specimens_dir, name):
    import json

    manifest = json.loads((real_specimens_dir / "manifest.json").read_text(encoding="utf-8"))
    item = next(i for i in manifest["items"] if i["file"].endswith(name))
    return real_specimens_dir / item["file"], item["lines"]


def test_register_an_entry_from_a_real_specimen_image(qtbot, post_dir, shell_factory,
                                                      real_specimens_dir):
    from border_client.ui.records import RecordsScreen

    path, lines = _specimen(real_specimens_dir, "passporteye_tests__passport-td3.jpg")
    shell = shell_factory(post_dir)
    window = login(qtbot, shell, "ines")
    counter = window.screen_of(CounterScreen)
    with qtbot.waitSignals([counter.travelerChecked, counter.photoReady], timeout=60_000):
        counter.scan_image(path)
    assert list(counter.mrz_input.state.lines) == lines
    photo = counter.photo
    assert counter.scan is not None and counter.scan.valid
    assert "Read from" in counter.scan_label.text()
    assert counter.document_view.banner.property("banner") in ("ok", "warn")
    result = _save(qtbot, counter)
    assert result.crossing.direction == "entry"
    assert result.crossing.document_number == lines[1][:9].rstrip("<")
    assert result.crossing.has_photo == (photo is not None)

    records = window.screen_of(RecordsScreen)
    window.show_screen(window.screens.index(records))
    qtbot.waitUntil(lambda: records.model.rowCount() == 1, timeout=10_000)
    records.model.data(records.model.index(0, 0))
    qtbot.waitUntil(lambda: records.model.row_data(0) is not None, timeout=10_000)
    assert records.model.row_data(0).crossing_id == result.crossing.crossing_id


def test_unreadable_image_is_reported_and_nothing_changes(qtbot, post_dir, shell_factory, tmp_path):
    bad = tmp_path / "scan.jpg"
    bad.write_bytes(b"\xff\xd8\xff\xe0 this is not really a jpeg")
    shell = shell_factory(post_dir)
    window = login(qtbot, shell, "ines")
    counter = window.screen_of(CounterScreen)
    counter.scan_image(bad)
    qtbot.waitUntil(lambda: counter.scan_label.property("status") == "fail", timeout=20_000)
    assert "scan.jpg" in counter.scan_label.text()
    assert counter.mrz_input.state.kind == "empty"
    assert not counter.save_button.isEnabled()


def test_serial_document_reader_fills_the_counter(qtbot, post_dir, shell_factory):
    import os
    import tty

    from border_client.ui.devices import SerialBridge

    master, slave = os.openpty()
    tty.setraw(slave)
    shell = shell_factory(post_dir)
    window = login(qtbot, shell, "ines")
    counter = window.screen_of(CounterScreen)
    shell.ctx.preferences.serial_port = os.ttyname(slave)
    bridge = SerialBridge(shell.ctx, counter)
    try:
        with qtbot.waitSignal(bridge.statusChanged, timeout=10_000):
            bridge.start()
        qtbot.waitUntil(lambda: bridge.state == "connected", timeout=10_000)
        assert "ready" in counter.reader_label.text()
        with qtbot.waitSignal(counter.travelerChecked, timeout=10_000):
            os.write(master, ("\r\n".join(TD3) + "\r\n").encode("ascii"))
        assert list(counter.mrz_input.state.lines) == TD3
    finally:
        bridge.stop()
        os.close(master)
        os.close(slave)


def test_sync_panel_enrolls_and_sends_to_a_real_server(qtbot, post_dir, shell_factory, tmp_path):
    from border_client.ui.sync_panel import SyncBadge, SyncScreen
    from tests.server.support import database, issue_token, running_server, server_query

    with database("sqlite", tmp_path) as url, running_server(url, tmp_path) as server:
        shell = shell_factory(post_dir)
        window = login(qtbot, shell, "admin")
        counter = window.screen_of(CounterScreen)
        _enter(qtbot, counter, TD3)
        _save(qtbot, counter)
        sync = window.screen_of(SyncScreen)
        badge = window.findChild(SyncBadge)
        window.show_screen(window.screens.index(sync))
        qtbot.waitUntil(lambda: sync.enroll_box.isVisible(), timeout=10_000)
        assert "not enrolled" in badge.text()
        qtbot.waitUntil(lambda: sync.rows["pending"][1].text() == "1", timeout=10_000)

        sync.url_edit.setText(server.url)
        sync.token_edit.setText("not-a-valid-token")
        sync.enroll_button.click()
        qtbot.waitUntil(lambda: "failed" in sync.enroll_message.text(), timeout=20_000)

        sync.token_edit.setText(issue_token(server.db_url, "HTI-OUA", "Ouanaminthe"))
        with qtbot.waitSignal(shell.sync_monitor.syncFinished, timeout=30_000) as finished:
            sync.enroll_button.click()
        report, error = finished.args
        assert error is None and report.sent == 1
        qtbot.waitUntil(lambda: badge.text() == "✓ In sync", timeout=10_000)
        assert sync.rows["pending"][1].text() == "0"
        assert not sync.enroll_box.isVisible()
        rows = server_query(server.db_url, "SELECT count(*) FROM crossings WHERE post_code = 'HTI-OUA'")
        assert rows[0][0] == 1
    # The server is gone: "sync now" fails in plain words and the badge says so.
    with qtbot.waitSignal(shell.sync_monitor.syncFinished, timeout=60_000) as finished:
        sync.sync_button.click()
    assert finished.args[1] is not None
    qtbot.waitUntil(lambda: badge.property("status") == "fail", timeout=10_000)
    assert "failed" in sync.result_label.text()


def test_records_model_on_the_real_store_and_a_correction(qtbot, qtmodeltester, post_dir,
                                                          shell_factory):
    from border_client.domain.mrz import MrzFormat, compose_mrz, parse_mrz
    from border_client.services import accounts, registration
    from border_client.ui.amend_dialog import AmendDialog
    from border_client.ui.dashboard import DashboardScreen
    from border_client.ui.records import RecordsScreen

    store, ines = accounts.open_store(post_dir, "ines", PASSWORD)
    try:
        for i in range(450):
            lines = compose_mrz(
                MrzFormat.TD3, document_code="P", issuing_state="HTI",
                surname=f"PIERRE{chr(65 + i % 26)}", given_names="JEAN",
                document_number=f"HA{i:07d}", nationality="HTI", birth_date_raw="900215",
                sex="M", expiry_date_raw="300101",
            )
            registration.register_crossing(store, ines, parse_mrz(lines), "entry")
    finally:
        store.close()
    shell = shell_factory(post_dir)
    window = login(qtbot, shell, "chief")
    records = window.screen_of(RecordsScreen)
    window.show_screen(window.screens.index(records))
    model = records.model
    qtbot.waitUntil(lambda: model.rowCount() == 450, timeout=10_000)
    for row in (0, 250, 449):
        model.data(model.index(row, 0))
    qtbot.waitUntil(lambda: model._loading == 0, timeout=10_000)
    qtmodeltester.check(model)

    records.document_edit.setText("HA0000042")
    records.search()
    qtbot.waitUntil(lambda: model.rowCount() == 1, timeout=10_000)
    model.data(model.index(0, 0))
    qtbot.waitUntil(lambda: model.row_data(0) is not None, timeout=10_000)
    records.table.selectRow(0)
    assert records.detail.values["document_number"].text() == "HA0000042"

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    def fill():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, AmendDialog):
            QTimer.singleShot(20, fill)
            return
        dialog.field.setCurrentIndex(dialog.field.findData("vehicle_plate"))
        dialog.value.setText("AA-12345")
        dialog.reason.setText("plate not recorded at the counter")
        dialog.buttons.accepted.emit()

    QTimer.singleShot(0, fill)
    records.detail.request_amendment()
    dashboard = window.screen_of(DashboardScreen)
    window.show_screen(window.screens.index(dashboard))
    qtbot.waitUntil(lambda: dashboard.corrections_table.rowCount() == 1, timeout=10_000)
    assert "AA-12345" in dashboard.corrections_table.item(0, 2).text()
    dashboard.corrections_table.selectRow(0)
    dashboard.decide_selected_correction(True)
    qtbot.waitUntil(lambda: dashboard.corrections_table.rowCount() == 0, timeout=10_000)
    window.show_screen(window.screens.index(records))
    with qtbot.waitSignal(model.countChanged, timeout=10_000):
        records.search()
    assert model.rowCount() == 1
    model.data(model.index(0, 0))
    qtbot.waitUntil(lambda: model.row_data(0) is not None, timeout=10_000)
    assert model.row_data(0).vehicle_plate == "AA-12345"
    assert "amended" in model.data(model.index(0, len(model.columns) - 1))


def test_the_counter_flow_works_from_the_keyboard_alone(qtbot, post_dir, shell_factory):
    """A keyboard-wedge reader types each line and Enter; the inspector then presses Enter."""
    shell = shell_factory(post_dir)
    window = login(qtbot, shell, "ines")
    counter = window.screen_of(CounterScreen)
    counter.mrz_input.setFocus()
    with qtbot.waitSignal(counter.travelerChecked, timeout=10_000):
        for line in TD3:
            qtbot.keyClicks(counter.mrz_input, line)
            qtbot.keyClick(counter.mrz_input, Qt.Key.Key_Return)
    # The reader's last Enter moved the focus to the crossing form.
    assert counter.form.isAncestorOf(counter.focusWidget())
    window.activateWindow()
    qtbot.waitUntil(lambda: window.isActiveWindow(), timeout=2000)
    first = counter.focusWidget()
    qtbot.keyClick(first, Qt.Key.Key_Tab)  # to the travel mode
    assert counter.focusWidget() is counter.form.mode_combo, (first, counter.focusWidget())
    qtbot.keyClick(counter.focusWidget(), Qt.Key.Key_Down)  # land -> sea
    assert counter.form.details().travel_mode == "sea"
    with qtbot.waitSignal(counter.crossingSaved, timeout=10_000) as saved:
        qtbot.keyClick(counter.focusWidget(), Qt.Key.Key_Return)
    assert saved.args[0].crossing.travel_mode == "sea"
    assert counter.mrz_input.hasFocus() or counter.mrz_input.toPlainText() == ""


def test_a_refused_save_keeps_the_form_and_says_why(qtbot, post_dir, shell_factory):
    from border_client.domain.mrz import MrzFormat, compose_mrz

    lines = compose_mrz(
        MrzFormat.TD3, document_code="P", issuing_state="HTI", surname="PIERRE",
        given_names="JEAN", document_number="", nationality="HTI", birth_date_raw="900215",
        sex="M", expiry_date_raw="300101",
    )
    shell = shell_factory(post_dir)
    window = login(qtbot, shell, "ines")
    counter = window.screen_of(CounterScreen)
    _enter(qtbot, counter, lines)
    counter.form.plate_edit.setText("AB-1234")
    with qtbot.waitSignal(counter.saveFailed, timeout=10_000) as failed:
        counter.save()
    assert "no number" in failed.args[0]
    assert "Not saved" in counter.save_message.text()
    assert counter.save_message.property("status") == "fail"
    assert counter.mrz_input.state.kind == "parsed"
    assert counter.form.plate_edit.text() == "AB-1234"
    assert counter.save_button.isEnabled()


def test_daily_report_exports_pdf_and_csv(qtbot, post_dir, shell_factory, tmp_path):
    import csv

    from border_client.services import accounts, audit
    from border_client.ui.dashboard import DashboardScreen

    shell = shell_factory(post_dir)
    window = login(qtbot, shell, "chief")
    counter = window.screen_of(CounterScreen)
    _enter(qtbot, counter, TD3)
    _save(qtbot, counter)
    dashboard = window.screen_of(DashboardScreen)
    window.show_screen(window.screens.index(dashboard))
    qtbot.waitUntil(
        lambda: dashboard.data is not None and dashboard.data.summary["entries"] == 1,
        timeout=10_000,
    )
    pdf = tmp_path / "report.pdf"
    with qtbot.waitSignal(dashboard.reportExported, timeout=20_000):
        assert dashboard.export_pdf(pdf)
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 5000
    out = tmp_path / "report.csv"
    with qtbot.waitSignal(dashboard.reportExported, timeout=20_000):
        dashboard.export_csv(out)
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert len(rows) == 1 and rows[0]["surname"] == "ERIKSSON"
    shell.tasks.wait_for_done()
    chief = accounts.login(shell.ctx.store, "chief", PASSWORD)
    actions = [e["action"] for e in audit.list_audit(shell.ctx.store, chief)]
    assert "report.exported" in actions and "records.exported" in actions


def test_camera_reads_a_document_from_a_video_source(qtbot, post_dir, shell_factory, tmp_path):
    """The camera source may be a video file: the preview runs and the MRZ fills the counter."""
    import cv2
    import numpy as np
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from border_client.domain.mrz import MrzFormat
    from border_client.scanning.synthetic import render_page
    from border_client.ui.camera_dialog import CameraDialog

    page, _quad, _cap = render_page(np.random.default_rng(7), MrzFormat.TD3, TD3)
    height, width = 720, 1280
    frame = np.full((height, width, 3), 90, np.uint8)
    scale = min((width - 80) / page.shape[1], (height - 80) / page.shape[0])
    small = cv2.resize(page, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    y, x = (height - small.shape[0]) // 2, (width - small.shape[1]) // 2
    frame[y : y + small.shape[0], x : x + small.shape[1]] = small
    video = tmp_path / "desk.avi"
    writer = cv2.VideoWriter(str(video), cv2.VideoWriter_fourcc(*"MJPG"), 10, (width, height))
    for _ in range(30):
        writer.write(frame)
    writer.release()

    shell = shell_factory(post_dir)
    window = login(qtbot, shell, "ines")
    counter = window.screen_of(CounterScreen)
    shell.ctx.preferences.camera_source = str(video)
    seen = {}

    def watch():
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, CameraDialog):
            seen["dialog"] = True
            if dialog.preview.pixmap() is not None and not dialog.preview.pixmap().isNull():
                seen["preview"] = True
            QTimer.singleShot(30_000, dialog.reject)  # never hang the suite
            return
        QTimer.singleShot(20, watch)

    QTimer.singleShot(0, watch)
    with qtbot.waitSignal(counter.travelerChecked, timeout=60_000):
        counter.open_camera()
    assert seen.get("dialog")
    assert list(counter.mrz_input.state.lines) == TD3
    qtbot.waitUntil(lambda: counter.photo_pending is None, timeout=30_000)


def test_wizard_rejects_a_bad_post_code_and_enrolls_with_the_server(qtbot, data_dir, shell_factory,
                                                                    tmp_path):
    from PySide6.QtWidgets import QWizard

    from border_client.services import outbox
    from tests.server.support import database, issue_token, running_server

    shell = shell_factory(data_dir)
    shell.start()
    wizard = shell.wizard
    wizard.next()
    wizard.post.code.setText("CAPHAITIEN")
    wizard.post.name.setText("Cap-Haïtien")
    wizard.next()
    wizard.admin.username.setText("admin")
    wizard.admin.password.setText(PASSWORD)
    wizard.admin.confirm.setText(PASSWORD)
    wizard.next()
    qtbot.waitUntil(lambda: "post code" in wizard.admin.message.text(), timeout=20_000)
    assert wizard.currentPage() is wizard.admin
    assert not (data_dir / "keyslots.json").exists()
    wizard.back()
    wizard.post.code.setText("HTI-CAP")
    wizard.next()
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentPage() is wizard.recovery, timeout=20_000)
    wizard.recovery.confirm.setChecked(True)
    wizard.next()
    with database("sqlite", tmp_path) as url, running_server(url, tmp_path) as server:
        wizard.server.url.setText(server.url)
        wizard.server.token.setText(issue_token(server.db_url, "HTI-CAP", "Cap-Haïtien"))
        with qtbot.waitSignal(shell.mainWindowShown, timeout=30_000):
            wizard.button(QWizard.WizardButton.FinishButton).click()
        state = outbox.get_sync_state(shell.ctx.store)
        assert state["device_id"] and state["server_url"] == server.url


def test_supervisor_links_two_documents_of_one_person(qtbot, post_dir, shell_factory):
    from border_client.domain.mrz import MrzFormat, compose_mrz, parse_mrz
    from border_client.services import accounts, registration
    from border_client.ui.records import RecordsScreen

    def passport(number: str, given: str) -> list[str]:
        return compose_mrz(
            MrzFormat.TD3, document_code="P", issuing_state="HTI", surname="VALCOURT",
            given_names=given, document_number=number, nationality="HTI",
            birth_date_raw="790314", sex="M", expiry_date_raw="300101",
        )

    store, ines = accounts.open_store(post_dir, "ines", PASSWORD)
    try:
        registration.register_crossing(store, ines, parse_mrz(passport("HA1111111", "JEAN ROBERT")), "entry")
        registration.register_crossing(store, ines, parse_mrz(passport("HB2222222", "JEAN ROBER")), "exit")
    finally:
        store.close()
    shell = shell_factory(post_dir)
    window = login(qtbot, shell, "chief")
    records = window.screen_of(RecordsScreen)
    window.show_screen(window.screens.index(records))
    model = records.model
    qtbot.waitUntil(lambda: model.rowCount() == 2, timeout=10_000)
    model.data(model.index(0, 0))
    qtbot.waitUntil(lambda: model.row_data(0) is not None, timeout=10_000)
    records.table.selectRow(0)
    detail = records.detail
    qtbot.waitUntil(lambda: detail.same_box.isVisible(), timeout=10_000)
    assert detail.same_list.count() == 1 and "VALCOURT" in detail.same_list.itemText(0)
    detail.link_selected()
    qtbot.waitUntil(lambda: not detail.same_box.isVisible(), timeout=10_000)
    chief = accounts.login(shell.ctx.store, "chief", PASSWORD)
    check = registration.check_traveler(
        shell.ctx.store, chief, parse_mrz(passport("HA1111111", "JEAN ROBERT"))
    )
    assert len(check.history) == 2  # both documents' crossings, now one person's history


def test_no_personal_data_reaches_the_log(qtbot, post_dir, shell_factory, tmp_path):
    import logging

    log_file = tmp_path / "client.log"
    handler = logging.FileHandler(log_file, encoding="utf-8")
    handler.setLevel(logging.DEBUG)
    root = logging.getLogger()
    old_level = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    try:
        shell = shell_factory(post_dir)
        window = login(qtbot, shell, "ines")
        counter = window.screen_of(CounterScreen)
        _enter(qtbot, counter, TD3)
        _save(qtbot, counter)
        _enter(qtbot, counter, [TD3[0], TD3[1][:9] + "7" + TD3[1][10:]])  # a failing check digit
        counter.scan_image(tmp_path / "missing.jpg")
        qtbot.waitUntil(lambda: counter.scan_label.property("status") == "fail", timeout=10_000)
        shell.tasks.wait_for_done()
    finally:
        root.removeHandler(handler)
        root.setLevel(old_level)
        handler.close()
    text = log_file.read_text(encoding="utf-8")
    assert "window shown: main window" in text  # the log was written to
    for personal in ("ERIKSSON", "ANNA", "L898902C3", "740812", TD3[1]):
        assert personal not in text, personal


def test_admin_adds_a_user_who_can_then_log_in(qtbot, post_dir, shell_factory):
    from border_client.ui.users_screen import UsersScreen

    shell = shell_factory(post_dir)
    window = login(qtbot, shell, "admin")
    users = window.screen_of(UsersScreen)
    window.show_screen(window.screens.index(users))
    qtbot.waitUntil(lambda: users.table.rowCount() == 3, timeout=10_000)
    users.username.setText("newbie")
    users.full_name.setText("New Inspector")
    users.role.setCurrentIndex(users.role.findData("inspector"))
    users.password.setText("short")
    users.add()
    qtbot.waitUntil(lambda: users.message.property("status") == "fail", timeout=10_000)
    assert "8 characters" in users.message.text()
    users.password.setText("newbie-pass-1")
    users.add()
    qtbot.waitUntil(lambda: users.table.rowCount() == 4, timeout=10_000)

    window.switch_user()
    panel = window.lock_panel
    panel.username.setText("newbie")
    panel.password.setText("newbie-pass-1")
    with qtbot.waitSignal(window.lockedChanged, timeout=20_000):
        panel.login_button.click()
    assert shell.ctx.session.username == "newbie"
    assert window.navigation.item(window.screens.index(users)).isHidden()


def test_face_photo_from_the_camera(qtbot, post_dir, shell_factory, tmp_path, real_specimens_dir):
    import cv2
    import numpy as np
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from border_client.scanning.imageio import load_image
    from border_client.ui import backend
    from border_client.ui.camera_dialog import FacePhotoDialog

    path, _lines = _specimen(real_specimens_dir, "passporteye_tests__passport-td3.jpg")
    page = load_image(path)
    if page.ndim == 2:
        page = cv2.cvtColor(page, cv2.COLOR_GRAY2BGR)
    height, width = 720, 1280
    frame = np.full((height, width, 3), 90, np.uint8)
    scale = min((width - 40) / page.shape[1], (height - 40) / page.shape[0])
    small = cv2.resize(page, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
    y, x = (height - small.shape[0]) // 2, (width - small.shape[1]) // 2
    frame[y : y + small.shape[0], x : x + small.shape[1]] = small
    video = tmp_path / "face.avi"
    writer = cv2.VideoWriter(str(video), cv2.VideoWriter_fourcc(*"MJPG"), 10, (width, height))
    for _ in range(10):
        writer.write(frame)
    writer.release()
    decoded = cv2.VideoCapture(str(video)).read()[1]
    face_expected = backend.crop_photo(decoded, None) is not None

    shell = shell_factory(post_dir)
    window = login(qtbot, shell, "ines")
    counter = window.screen_of(CounterScreen)
    _enter(qtbot, counter, TD3)
    shell.ctx.preferences.camera_source = str(video)
    outcome = {}

    def drive():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, FacePhotoDialog) or dialog.scanner is None or (
            dialog.scanner.preview().frame is None
        ):
            QTimer.singleShot(50, drive)
            return
        dialog.capture()

        def finish():
            if dialog.isVisible():
                outcome["message"] = dialog.status.text()
                dialog.reject()

        QTimer.singleShot(15_000, finish)

    QTimer.singleShot(0, drive)
    counter.take_face_photo()
    if face_expected:
        assert counter.photo is not None and counter.photo_label.isVisible()
    else:
        assert "No face found" in outcome.get("message", "")
        assert counter.photo is None
