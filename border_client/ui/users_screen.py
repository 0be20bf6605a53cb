"""Users of the post (administrators only): add, remove, and set a forgotten password."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from border_client.services.common import Role
from border_client.ui import backend
from border_client.ui.context import AppContext
from border_client.ui.errors import describe_error
from border_client.ui.main_window import Screen
from border_client.ui.theme import set_status

__all__ = ["UsersScreen"]


class UsersScreen(Screen):
    required_role = Role.ADMIN

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("usersScreen")
        self.users: list[Any] = []
        outer = QHBoxLayout(self)
        outer.setContentsMargins(16, 16, 16, 16)
        page = QWidget(self)
        page.setMaximumWidth(960)
        outer.addWidget(page, 1)
        outer.addStretch(0)
        root = QVBoxLayout(page)
        root.setContentsMargins(0, 0, 0, 0)
        self.table = QTableWidget(0, 4, page)
        self.table.setObjectName("usersTable")
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        root.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.remove_button = QPushButton(page)
        self.remove_button.setObjectName("removeUser")
        self.remove_button.clicked.connect(self.remove_selected)
        row.addStretch(1)
        row.addWidget(self.remove_button)
        root.addLayout(row)

        self.add_box = QGroupBox(page)
        form = QFormLayout(self.add_box)
        self.username = QLineEdit(self.add_box)
        self.username.setObjectName("newUsername")
        self.full_name = QLineEdit(self.add_box)
        self.full_name.setObjectName("newFullName")
        self.role = QComboBox(self.add_box)
        self.role.setObjectName("newRole")
        for role in (Role.INSPECTOR, Role.SUPERVISOR, Role.ADMIN):
            self.role.addItem("", role.value)
        self.password = QLineEdit(self.add_box)
        self.password.setObjectName("newPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.labels = [QLabel(self.add_box) for _ in range(4)]
        for label, field in zip(
            self.labels, (self.username, self.full_name, self.role, self.password), strict=True
        ):
            label.setBuddy(field)
            form.addRow(label, field)
        buttons = QHBoxLayout()
        self.add_button = QPushButton(self.add_box)
        self.add_button.setObjectName("addUser")
        self.add_button.setProperty("primary", True)
        self.add_button.clicked.connect(self.add)
        self.reset_button = QPushButton(self.add_box)
        self.reset_button.setObjectName("resetPassword")
        self.reset_button.clicked.connect(self.reset_password)
        buttons.addStretch(1)
        buttons.addWidget(self.reset_button)
        buttons.addWidget(self.add_button)
        form.addRow(buttons)
        self.password.returnPressed.connect(self.add)
        root.addWidget(self.add_box)
        self.message = QLabel(page)
        self.message.setObjectName("usersMessage")
        self.message.setWordWrap(True)
        self.message.setProperty("status", "none")
        self.message.hide()
        root.addWidget(self.message)
        self.table.currentCellChanged.connect(lambda *_a: self._fill_from_selection())
        self.retranslate_ui()

    def title(self) -> str:
        return self.tr("Users")

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def role_name(self, role: str) -> str:
        return {
            "inspector": self.tr("inspector"),
            "supervisor": self.tr("supervisor"),
            "admin": self.tr("administrator"),
        }.get(role, role)

    def retranslate_ui(self) -> None:
        self.table.setHorizontalHeaderLabels(
            [self.tr("User name"), self.tr("Full name"), self.tr("Role"), self.tr("Last log-in")]
        )
        self.remove_button.setText(self.tr("Remove the selected user"))
        self.add_box.setTitle(self.tr("Add a user, or set a new password"))
        for label, text in zip(
            self.labels,
            (self.tr("&User name"), self.tr("&Full name"), self.tr("&Role"), self.tr("&Password")),
            strict=True,
        ):
            label.setText(text)
        for i in range(self.role.count()):
            self.role.setItemText(i, self.role_name(str(self.role.itemData(i))))
        self.add_button.setText(self.tr("Add user  Enter"))
        self.reset_button.setText(self.tr("Set this password"))
        self._show_users()

    def activated(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        store, session = self.ctx.store, self.ctx.session
        self.ctx.tasks.run(
            lambda: backend.list_users(store, session),
            self._on_users,
            lambda exc: self._say(describe_error(exc, "users"), "fail"),
        )

    def _on_users(self, users: list[Any]) -> None:
        self.users = users
        self._show_users()

    def _show_users(self) -> None:
        self.table.setRowCount(len(self.users))
        for r, u in enumerate(self.users):
            last = u.last_login_at.astimezone().strftime("%Y-%m-%d %H:%M") if u.last_login_at else ""
            for c, value in enumerate((u.username, u.full_name, self.role_name(u.role), last)):
                self.table.setItem(r, c, QTableWidgetItem(value))

    def _fill_from_selection(self) -> None:
        row = self.table.currentRow()
        if 0 <= row < len(self.users):
            self.username.setText(self.users[row].username)

    def _say(self, text: str, status: str) -> None:
        self.message.setText(text)
        set_status(self.message, status)
        self.message.show()

    def _run(self, work: Any, success: str) -> None:
        def done(_r: Any) -> None:
            self.password.clear()
            self._say(success, "ok")
            self.refresh()

        self.ctx.tasks.run(work, done, lambda exc: self._say(describe_error(exc, "users"), "fail"),
                           write=True)

    def add(self) -> None:
        store, session = self.ctx.store, self.ctx.session
        username = self.username.text().strip().lower()
        password, full = self.password.text(), self.full_name.text().strip()
        role = str(self.role.currentData())
        self._run(
            lambda: backend.add_user(store, session, username, password, role, full),
            self.tr("User {user} added.").format(user=username),
        )

    def reset_password(self) -> None:
        store, session = self.ctx.store, self.ctx.session
        username = self.username.text().strip().lower()
        password = self.password.text()
        self._run(
            lambda: backend.set_password(store, session, username, password),
            self.tr("New password set for {user}.").format(user=username),
        )

    def remove_selected(self) -> None:
        row = self.table.currentRow()
        if not (0 <= row < len(self.users)):
            return
        username = self.users[row].username
        store, session = self.ctx.store, self.ctx.session
        self._run(
            lambda: backend.remove_user(store, session, username),
            self.tr("User {user} removed; their records keep their name.").format(user=username),
        )
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
