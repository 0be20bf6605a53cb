"""The main window: navigation on the left, one screen at a time, a status bar with the badges.

Locking replaces everything with the log-in panel (no record stays on screen); unlocking as
another user switches user without closing anything.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from border_client.ui.context import AppContext
from border_client.ui.errors import describe_error
from border_client.ui.idle import IdleWatcher
from border_client.ui.login import LoginPanel

__all__ = ["MainWindow", "Screen"]

log = logging.getLogger(__name__)


class Screen(QWidget):
    """A page of the main window: it has a title and may refresh when shown."""

    def title(self) -> str:
        raise NotImplementedError

    def activated(self) -> None:
        """Called when the screen is shown (refresh data here, in the background)."""

    def session_changed(self) -> None:
        """Called after switching user (role-dependent widgets update here)."""


ScreenFactory = Callable[[AppContext, QWidget], Screen]


class MainWindow(QMainWindow):
    """Holds the screens; each is reached from the navigation list or its F-key."""

    lockedChanged = Signal(bool)  # noqa: N815
    quitRequested = Signal()  # noqa: N815

    def __init__(
        self,
        ctx: AppContext,
        screens: list[tuple[ScreenFactory, str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("mainWindow")
        self.setMinimumSize(QSize(1024, 640))
        self.resize(1366, 768)
        self.root = QStackedWidget(self)
        self.workspace = QWidget(self.root)
        layout = QHBoxLayout(self.workspace)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.navigation = QListWidget(self.workspace)
        self.navigation.setObjectName("navigation")
        self.navigation.setFixedWidth(210)
        self.stack = QStackedWidget(self.workspace)
        layout.addWidget(self.navigation)
        layout.addWidget(self.stack, 1)
        self.lock_panel = LoginPanel(self.root, mode="unlock")
        self.root.addWidget(self.workspace)
        self.root.addWidget(self.lock_panel)
        self.setCentralWidget(self.root)

        self.screens: list[Screen] = []
        self.keys: list[str] = []
        for factory, key in screens:
            self.add_screen(factory(ctx, self.stack), key)
        self.navigation.currentRowChanged.connect(self._on_navigate)

        self.user_label = QLabel(self)
        self.user_label.setObjectName("userLabel")
        self.hint_label = QLabel(self)
        self.hint_label.setProperty("role", "hint")
        self.statusBar().addWidget(self.user_label)
        self.statusBar().addWidget(self.hint_label, 1)

        self.lock_action = QAction(self)
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.triggered.connect(self.lock)
        self.switch_action = QAction(self)
        self.switch_action.setShortcut(QKeySequence("Ctrl+Shift+L"))
        self.switch_action.triggered.connect(self.switch_user)
        self.quit_action = QAction(self)
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit_action.triggered.connect(self.close)
        for action in (self.lock_action, self.switch_action, self.quit_action):
            action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
            self.addAction(action)

        self.locked = False
        self.lock_panel.loginRequested.connect(self._on_unlock_requested)
        self.lock_panel.switchUserRequested.connect(lambda: self.lock_panel.set_mode("switch"))
        self.idle = IdleWatcher(ctx.preferences.idle_lock_minutes, self)
        self.idle.idle.connect(self.lock)
        ctx.signals.preferencesChanged.connect(
            lambda: self.idle.set_minutes(ctx.preferences.idle_lock_minutes)
        )
        self.retranslate_ui()
        if self.screens:
            self.navigation.setCurrentRow(0)

    # --- screens ----------------------------------------------------------------------------
    def add_screen(self, screen: Screen, key: str) -> None:
        self.stack.addWidget(screen)
        self.navigation.addItem(QListWidgetItem())
        index = len(self.screens)
        self.screens.append(screen)
        self.keys.append(key)
        action = QAction(self)
        action.setShortcut(QKeySequence(key))
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(lambda: self.show_screen(index))
        self.addAction(action)

    def show_screen(self, index: int) -> None:
        if self.locked or not (0 <= index < len(self.screens)):
            return
        item = self.navigation.item(index)
        if item is not None and not item.isHidden():
            self.navigation.setCurrentRow(index)

    def screen_of(self, cls: type) -> Any:
        for screen in self.screens:
            if isinstance(screen, cls):
                return screen
        raise LookupError(cls.__name__)

    def _on_navigate(self, row: int) -> None:
        if row < 0:
            return
        self.stack.setCurrentIndex(row)
        self.screens[row].activated()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        title = self.tr("Border crossing registration")
        if self.ctx.post_code:
            title += f" — {self.ctx.post_code} {self.ctx.post_name}"
        self.setWindowTitle(title)
        for i, screen in enumerate(self.screens):
            item = self.navigation.item(i)
            if item is not None:
                item.setText(f"{screen.title()}    {self.keys[i]}")
                item.setToolTip(
                    self.tr("{screen} ({key})").format(screen=screen.title(), key=self.keys[i])
                )
        self.lock_action.setText(self.tr("Lock"))
        self.switch_action.setText(self.tr("Switch user"))
        self.quit_action.setText(self.tr("Quit"))
        self.hint_label.setText(
            self.tr("Ctrl+L lock · Ctrl+Shift+L switch user · Ctrl+Q quit")
        )
        self._update_user_label()

    def _update_user_label(self) -> None:
        s = self.ctx.session
        roles = {
            "inspector": self.tr("inspector"),
            "supervisor": self.tr("supervisor"),
            "admin": self.tr("administrator"),
        }
        self.user_label.setText(
            self.tr("Logged in: {user} ({role})").format(
                user=s.username, role=roles.get(str(s.role.value), str(s.role.value))
            )
        )

    def apply_roles(self) -> None:
        """Hide the screens the logged-in role may not use (the services refuse them anyway)."""
        for i, screen in enumerate(self.screens):
            needed = getattr(screen, "required_role", None)
            allowed = needed is None or self.ctx.session.can(needed)
            item = self.navigation.item(i)
            if item is not None:
                item.setHidden(not allowed)
        current = self.navigation.currentRow()
        current_item = self.navigation.item(current) if current >= 0 else None
        if current_item is None or current_item.isHidden():
            self.navigation.setCurrentRow(0)

    # --- lock and switch user ---------------------------------------------------------------
    def lock(self) -> None:
        if self.locked:
            return
        self.locked = True
        self.lock_panel.set_mode("unlock", self.ctx.session.username)
        self.root.setCurrentWidget(self.lock_panel)
        self.lock_panel.focus_first()
        log.info("screen locked")
        self.lockedChanged.emit(True)

    def switch_user(self) -> None:
        self.lock()
        self.lock_panel.username.clear()
        self.lock_panel.set_mode("switch")

    def _on_unlock_requested(self, username: str, password: str) -> None:
        from border_client.services import accounts

        store = self.ctx.store
        self.ctx.tasks.run(
            lambda: accounts.login(store, username, password),
            self._on_unlocked,
            lambda exc: self.lock_panel.show_error(describe_error(exc, "unlock")),
        )

    def _on_unlocked(self, session: Any) -> None:
        switched = session.username != self.ctx.session.username
        self.ctx.session = session
        self.locked = False
        self.root.setCurrentWidget(self.workspace)
        self.lock_panel.password.clear()
        self._update_user_label()
        self.apply_roles()
        if switched:
            for screen in self.screens:
                screen.session_changed()
            self.ctx.signals.sessionChanged.emit(session)
        self.idle.set_minutes(self.ctx.preferences.idle_lock_minutes)
        log.info("screen unlocked")
        self.lockedChanged.emit(False)
        current = self.stack.currentWidget()
        if isinstance(current, Screen):
            current.activated()
            current.setFocus(Qt.FocusReason.OtherFocusReason)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        self.idle.stop()
        self.quitRequested.emit()
        super().closeEvent(event)
