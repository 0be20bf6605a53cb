"""First run: set up the post, its first admin, the recovery key, and (optionally) the server."""

from __future__ import annotations

import logging
import zoneinfo
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from border_client.ui.errors import describe_error
from border_client.ui.i18n import LANGUAGES
from border_client.ui.tasks import TaskRunner
from border_client.ui.theme import monospace_font, set_status

__all__ = ["FirstRunWizard"]

log = logging.getLogger(__name__)

DEFAULT_TIMEZONE = "America/Port-au-Prince"


def _message_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setProperty("status", "fail")
    label.hide()
    return label


class _WelcomePage(QWizardPage):
    def __init__(self, wizard: FirstRunWizard) -> None:
        super().__init__(wizard)
        layout = QVBoxLayout(self)
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        layout.addWidget(self.text)
        form = QFormLayout()
        self.language = QComboBox(self)
        self.language.setObjectName("wizardLanguage")
        for code, (name, _locale) in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language_label = QLabel(self)
        self.language_label.setBuddy(self.language)
        form.addRow(self.language_label, self.language)
        layout.addLayout(form)
        layout.addStretch(1)
        self.language.activated.connect(
            lambda i: wizard.languageRequested.emit(str(self.language.itemData(i)))
        )

    def retranslate(self) -> None:
        self.setTitle(self.tr("Welcome"))
        self.text.setText(
            self.tr(
                "This computer has no post set up yet. The next steps create the post's "
                "encrypted store, its first administrator and a recovery key. It takes a minute "
                "and works without the internet."
            )
        )
        self.language_label.setText(self.tr("&Language"))


class _PostPage(QWizardPage):
    def __init__(self, wizard: FirstRunWizard) -> None:
        super().__init__(wizard)
        form = QFormLayout(self)
        self.code = QLineEdit(self)
        self.code.setObjectName("postCode")
        self.code.setMaxLength(12)
        self.name = QLineEdit(self)
        self.name.setObjectName("postName")
        self.timezone = QComboBox(self)
        self.timezone.setObjectName("postTimezone")
        self.timezone.setEditable(True)
        self.timezone.addItems(sorted(zoneinfo.available_timezones()))
        self.timezone.setCurrentText(DEFAULT_TIMEZONE)
        self.code_label, self.name_label, self.tz_label = QLabel(self), QLabel(self), QLabel(self)
        self.code_label.setBuddy(self.code)
        self.name_label.setBuddy(self.name)
        self.tz_label.setBuddy(self.timezone)
        form.addRow(self.code_label, self.code)
        form.addRow(self.name_label, self.name)
        form.addRow(self.tz_label, self.timezone)
        self.code.textEdited.connect(lambda t: self.code.setText(t.upper()))
        self.code.textChanged.connect(self.completeChanged)
        self.name.textChanged.connect(self.completeChanged)

    def isComplete(self) -> bool:  # noqa: N802 - Qt override
        return bool(self.code.text().strip() and self.name.text().strip())

    def retranslate(self) -> None:
        self.setTitle(self.tr("The post"))
        self.setSubTitle(self.tr("Its code is country-post, as the central office assigned it."))
        self.code_label.setText(self.tr("Post &code"))
        self.code.setPlaceholderText("HTI-CAP")
        self.name_label.setText(self.tr("Post &name"))
        self.name.setPlaceholderText("Cap-Haïtien")
        self.tz_label.setText(self.tr("&Time zone"))


class _AdminPage(QWizardPage):
    """The first administrator; creating the store happens when leaving this page."""

    def __init__(self, wizard: FirstRunWizard) -> None:
        super().__init__(wizard)
        self._wizard = wizard
        form = QFormLayout(self)
        self.username = QLineEdit(self)
        self.username.setObjectName("adminUsername")
        self.full_name = QLineEdit(self)
        self.full_name.setObjectName("adminFullName")
        self.password = QLineEdit(self)
        self.password.setObjectName("adminPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm = QLineEdit(self)
        self.confirm.setObjectName("adminConfirm")
        self.confirm.setEchoMode(QLineEdit.EchoMode.Password)
        self.labels = [QLabel(self) for _ in range(4)]
        for label, edit in zip(
            self.labels, (self.username, self.full_name, self.password, self.confirm), strict=True
        ):
            label.setBuddy(edit)
            form.addRow(label, edit)
        self.message = _message_label(self)
        form.addRow(self.message)
        for edit in (self.username, self.password, self.confirm):
            edit.textChanged.connect(self.completeChanged)
        self.created = False

    def isComplete(self) -> bool:  # noqa: N802 - Qt override
        return bool(self.username.text().strip() and self.password.text() and self.confirm.text())

    def retranslate(self) -> None:
        self.setTitle(self.tr("The first administrator"))
        self.setSubTitle(
            self.tr("This account adds the inspectors and supervisors. Keep its password safe.")
        )
        texts = (
            self.tr("&User name"),
            self.tr("&Full name"),
            self.tr("&Password"),
            self.tr("&Repeat password"),
        )
        for label, text in zip(self.labels, texts, strict=True):
            label.setText(text)
        self.username.setPlaceholderText(self.tr("e.g. admin"))
        self.password.setPlaceholderText(self.tr("at least 8 characters"))

    def validatePage(self) -> bool:  # noqa: N802 - Qt override
        if self.created:
            return True
        if self.password.text() != self.confirm.text():
            self.show_error(self.tr("The two passwords differ."))
            return False
        self._wizard.create_post()
        return False  # the wizard moves on once the store exists

    def show_error(self, text: str) -> None:
        self.message.setText(text)
        set_status(self.message, "fail")
        self.message.show()


class _RecoveryPage(QWizardPage):
    def __init__(self, wizard: FirstRunWizard) -> None:
        super().__init__(wizard)
        layout = QVBoxLayout(self)
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        layout.addWidget(self.text)
        self.key = QLineEdit(self)
        self.key.setObjectName("recoveryKey")
        self.key.setReadOnly(True)
        font: QFont = monospace_font(14)
        self.key.setFont(font)
        layout.addWidget(self.key)
        self.print_button = QPushButton(self)
        self.print_button.setObjectName("printRecoveryKey")
        self.print_button.clicked.connect(wizard.print_recovery_key)
        layout.addWidget(self.print_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.confirm = QCheckBox(self)
        self.confirm.setObjectName("recoveryKeySaved")
        self.confirm.toggled.connect(self.completeChanged)
        layout.addWidget(self.confirm)
        layout.addStretch(1)

    def isComplete(self) -> bool:  # noqa: N802 - Qt override
        return self.confirm.isChecked()

    def retranslate(self) -> None:
        self.setTitle(self.tr("The recovery key"))
        self.text.setText(
            self.tr(
                "This key opens the post's data if every password is forgotten. It is shown only "
                "now and is not stored on this computer. Print it or write it down, and keep it "
                "locked away from the computer."
            )
        )
        self.print_button.setText(self.tr("&Print…"))
        self.confirm.setText(self.tr("I have &written down or printed the recovery key"))


class _ServerPage(QWizardPage):
    def __init__(self, wizard: FirstRunWizard) -> None:
        super().__init__(wizard)
        form = QFormLayout(self)
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        form.addRow(self.text)
        self.url = QLineEdit(self)
        self.url.setObjectName("serverUrl")
        self.token = QLineEdit(self)
        self.token.setObjectName("enrollToken")
        self.url_label, self.token_label = QLabel(self), QLabel(self)
        self.url_label.setBuddy(self.url)
        self.token_label.setBuddy(self.token)
        form.addRow(self.url_label, self.url)
        form.addRow(self.token_label, self.token)
        self.message = _message_label(self)
        form.addRow(self.message)

    def retranslate(self) -> None:
        self.setTitle(self.tr("The central office (optional)"))
        self.text.setText(
            self.tr(
                "To send records to the central office, enter its address and the enrollment "
                "token it gave for this post. Leave both empty to work offline; you can enroll "
                "later in the Sync panel."
            )
        )
        self.url_label.setText(self.tr("Server &address"))
        self.url.setPlaceholderText("https://central.example.org")
        self.token_label.setText(self.tr("Enrollment &token"))


class FirstRunWizard(QWizard):
    """Creates the post with ``services.accounts.init_post`` in the background.

    ``finished_setup(store, session)`` is emitted once the post exists and the recovery key
    has been acknowledged (and, if asked, the device enrolled).
    """

    languageRequested = Signal(str)  # noqa: N815
    setupFinished = Signal(object, object)  # noqa: N815 - Store, UserSession

    def __init__(
        self,
        data_dir: Path,
        tasks: TaskRunner,
        *,
        enroll: Callable[[Any, str, str], Any] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("firstRunWizard")
        self.data_dir = data_dir
        self.tasks = tasks
        self._enroll = enroll
        self.store: Any = None
        self.session: Any = None
        self.recovery_key = ""
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setMinimumSize(720, 520)
        self.welcome = _WelcomePage(self)
        self.post = _PostPage(self)
        self.admin = _AdminPage(self)
        self.recovery = _RecoveryPage(self)
        self.server = _ServerPage(self)
        for page in (self.welcome, self.post, self.admin, self.recovery, self.server):
            self.addPage(page)
        self.retranslate_ui()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Set up the post"))
        for page in (self.welcome, self.post, self.admin, self.recovery, self.server):
            page.retranslate()

    # --- creating the store -----------------------------------------------------------------
    def create_post(self) -> None:
        from border_client.services import accounts

        data_dir = self.data_dir
        code = self.post.code.text().strip().upper()
        name = self.post.name.text().strip()
        tz = self.post.timezone.currentText().strip()
        user = self.admin.username.text().strip().lower()
        full = self.admin.full_name.text().strip()
        password = self.admin.password.text()
        self.button(QWizard.WizardButton.NextButton).setEnabled(False)
        self.admin.message.setText(self.tr("Creating the encrypted store…"))
        set_status(self.admin.message, "none")
        self.admin.message.show()

        def work() -> Any:
            return accounts.init_post(
                data_dir,
                post_code=code,
                post_name=name,
                admin_username=user,
                admin_password=password,
                timezone=tz,
                admin_full_name=full,
            )

        self.tasks.run(work, self._on_created, self._on_create_failed, write=True)

    def _on_created(self, result: Any) -> None:
        self.store, self.session, self.recovery_key = result
        self.recovery.key.setText(self.recovery_key)
        self.admin.created = True
        self.admin.message.hide()
        # The post exists now: going back would only confuse.
        for page in (self.welcome, self.post, self.admin):
            page.setCommitPage(True)
        self.button(QWizard.WizardButton.NextButton).setEnabled(True)
        self.next()

    def _on_create_failed(self, exc: BaseException) -> None:
        self.button(QWizard.WizardButton.NextButton).setEnabled(True)
        self.admin.show_error(describe_error(exc, "post set-up"))

    def print_recovery_key(self) -> None:
        from PySide6.QtGui import QTextDocument
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        printer = QPrinter()
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return
        doc = QTextDocument()
        doc.setPlainText(
            self.tr("Recovery key of post {code}").format(code=self.post.code.text())
            + "\n\n"
            + self.recovery_key
        )
        doc.print_(printer)

    # --- finishing --------------------------------------------------------------------------
    def validateCurrentPage(self) -> bool:  # noqa: N802 - Qt override
        if self.currentPage() is self.server and not getattr(self, "_enrolled", False):
            url = self.server.url.text().strip()
            token = self.server.token.text().strip()
            if url or token:
                if not (url and token) or self._enroll is None:
                    self.server.message.setText(
                        self.tr("Enter both the address and the token, or leave both empty.")
                        if self._enroll is not None
                        else self.tr("Enrollment is not available in this build; leave empty.")
                    )
                    self.server.message.show()
                    return False
                self._start_enroll(url, token)
                return False
        return super().validateCurrentPage()

    def _start_enroll(self, url: str, token: str) -> None:
        assert self._enroll is not None
        enroll = self._enroll
        store = self.store
        self.button(QWizard.WizardButton.FinishButton).setEnabled(False)
        self.server.message.setText(self.tr("Enrolling with the central office…"))
        set_status(self.server.message, "none")
        self.server.message.show()

        def done(_result: Any) -> None:
            self._enrolled = True
            self.button(QWizard.WizardButton.FinishButton).setEnabled(True)
            self.accept()

        def failed(exc: BaseException) -> None:
            self.button(QWizard.WizardButton.FinishButton).setEnabled(True)
            self.server.message.setText(
                self.tr("Enrollment failed: {reason}. Correct it, or empty both fields to enroll later.")
                .format(reason=describe_error(exc, "enrollment"))
            )
            set_status(self.server.message, "fail")

        self.tasks.run(lambda: enroll(store, url, token), done, failed, write=True)

    def accept(self) -> None:
        super().accept()
        if self.store is not None:
            self.setupFinished.emit(self.store, self.session)
