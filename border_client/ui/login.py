"""Log-in: the first window of a session, the lock screen, and switching user."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from border_client.ui.i18n import LANGUAGES
from border_client.ui.theme import set_status

__all__ = ["LoginPanel"]


class LoginPanel(QWidget):
    """User name, password and a Log in button; the owner does the log-in in the background.

    ``mode`` is "login" (first log-in), "unlock" (the same user; user name fixed) or "switch".
    """

    loginRequested = Signal(str, str)  # noqa: N815 - username, password
    languageRequested = Signal(str)  # noqa: N815
    switchUserRequested = Signal()  # noqa: N815

    def __init__(self, parent: QWidget | None = None, *, mode: str = "login") -> None:
        super().__init__(parent)
        self.setObjectName("loginPanel")
        self.mode = mode
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        self.card = QFrame(self)
        self.card.setObjectName("loginCard")
        self.card.setStyleSheet(
            "#loginCard { background: white; border: 1px solid #8a94a3; border-radius: 8px; }"
        )
        self.card.setMinimumWidth(440)
        card = QVBoxLayout(self.card)
        card.setContentsMargins(28, 24, 28, 24)
        card.setSpacing(12)
        self.heading = QLabel(self.card)
        self.heading.setProperty("role", "heading")
        self.subheading = QLabel(self.card)
        self.subheading.setProperty("role", "hint")
        self.subheading.setWordWrap(True)
        card.addWidget(self.heading)
        card.addWidget(self.subheading)
        form = QFormLayout()
        self.username = QLineEdit(self.card)
        self.username.setObjectName("username")
        self.username.setMaxLength(32)
        self.password = QLineEdit(self.card)
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.language = QComboBox(self.card)
        self.language.setObjectName("language")
        for code, (name, _locale) in LANGUAGES.items():
            self.language.addItem(name, code)
        self.user_label = QLabel(self.card)
        self.password_label = QLabel(self.card)
        self.language_label = QLabel(self.card)
        self.user_label.setBuddy(self.username)
        self.password_label.setBuddy(self.password)
        self.language_label.setBuddy(self.language)
        form.addRow(self.user_label, self.username)
        form.addRow(self.password_label, self.password)
        form.addRow(self.language_label, self.language)
        card.addLayout(form)
        self.message = QLabel(self.card)
        self.message.setObjectName("loginMessage")
        self.message.setWordWrap(True)
        self.message.setProperty("status", "fail")
        self.message.hide()
        card.addWidget(self.message)
        buttons = QHBoxLayout()
        self.switch_button = QPushButton(self.card)
        self.switch_button.setObjectName("switchUser")
        self.switch_button.clicked.connect(self.switchUserRequested)
        self.login_button = QPushButton(self.card)
        self.login_button.setObjectName("loginButton")
        self.login_button.setProperty("primary", True)
        self.login_button.setDefault(True)
        self.login_button.clicked.connect(self._submit)
        buttons.addWidget(self.switch_button)
        buttons.addStretch(1)
        buttons.addWidget(self.login_button)
        card.addLayout(buttons)
        row.addWidget(self.card)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)

        self.username.returnPressed.connect(self.password.setFocus)
        self.password.returnPressed.connect(self._submit)
        self.language.activated.connect(
            lambda i: self.languageRequested.emit(str(self.language.itemData(i)))
        )
        self.post_text = ""
        self.set_mode(mode)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def set_language(self, code: str) -> None:
        index = self.language.findData(code)
        if index >= 0:
            self.language.setCurrentIndex(index)

    def set_mode(self, mode: str, username: str = "") -> None:
        self.mode = mode
        if username:
            self.username.setText(username)
        self.username.setReadOnly(mode == "unlock")
        self.switch_button.setVisible(mode == "unlock")
        self.language_label.setVisible(mode == "login")
        self.language.setVisible(mode == "login")
        self.password.clear()
        self.message.hide()
        self.set_busy(False)
        self.retranslate_ui()
        self.focus_first()

    def focus_first(self) -> None:
        target = self.password if self.username.text() else self.username
        target.setFocus(Qt.FocusReason.OtherFocusReason)

    def retranslate_ui(self) -> None:
        if self.mode == "unlock":
            self.heading.setText(self.tr("Locked"))
            self.subheading.setText(
                self.tr("The screen is locked. Enter your password to go on.")
                + ("\n" + self.post_text if self.post_text else "")
            )
        elif self.mode == "switch":
            self.heading.setText(self.tr("Switch user"))
            self.subheading.setText(self.tr("The next inspector logs in; nothing is closed."))
        else:
            self.heading.setText(self.tr("Border crossing registration"))
            self.subheading.setText(self.tr("Log in to the post."))
        self.user_label.setText(self.tr("&User name"))
        self.password_label.setText(self.tr("&Password"))
        self.language_label.setText(self.tr("&Language"))
        self.login_button.setText(self.tr("Unlock") if self.mode == "unlock" else self.tr("Log in"))
        self.login_button.setToolTip(self.tr("Enter"))
        self.switch_button.setText(self.tr("Switch user…"))

    def set_busy(self, busy: bool) -> None:
        self.login_button.setEnabled(not busy)
        self.password.setEnabled(not busy)
        self.username.setEnabled(not busy)
        if busy:
            self.message.setText(self.tr("Checking…"))
            set_status(self.message, "none")
            self.message.show()

    def show_error(self, text: str) -> None:
        self.set_busy(False)
        self.message.setText(text)
        set_status(self.message, "fail")
        self.message.show()
        self.password.clear()
        self.password.setFocus(Qt.FocusReason.OtherFocusReason)

    def _submit(self) -> None:
        if not self.login_button.isEnabled():
            return
        user = self.username.text().strip().lower()
        if not user:
            self.show_error(self.tr("Enter your user name."))
            self.username.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        if not self.password.text():
            self.show_error(self.tr("Enter your password."))
            return
        self.set_busy(True)
        self.loginRequested.emit(user, self.password.text())
