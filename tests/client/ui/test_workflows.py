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
    counter = window.screen(CounterScreen)
    with qtbot.waitSignal(counter.travelerChecked, timeout=10_000):
        counter.mrz_input.set_mrz(TD3)
    assert counter.form.direction == "entry"
    with qtbot.waitSignal(counter.crossingSaved, timeout=10_000) as saved:
        qtbot.keyClick(counter.form.plate_edit, Qt.Key.Key_Return)
    result = saved.args[0]
    assert result.crossing.direction == "entry"
    assert "saved" in counter.save_message.text()
    assert counter.mrz_input.toPlainText() == ""
    records = window.screen(RecordsScreen)
    window.show_screen(window.screens.index(records))
    qtbot.waitUntil(lambda: records.model.rowCount() == 1, timeout=10_000)
    records.model.data(records.model.index(0, 2))
    qtbot.waitUntil(
        lambda: records.model.data(records.model.index(0, 2)) == "ERIKSSON", timeout=10_000
    )
