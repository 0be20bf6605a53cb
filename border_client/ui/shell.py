"""The application shell: which window shows when (first run, log-in, lock, main window)."""

from __future__ import annotations

import importlib
import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QApplication, QWidget

from border_client.ui.context import AppContext
from border_client.ui.errors import describe_error
from border_client.ui.i18n import LanguageManager
from border_client.ui.login import LoginPanel
from border_client.ui.main_window import MainWindow
from border_client.ui.preferences import Preferences
from border_client.ui.tasks import TaskRunner
from border_client.ui.theme import apply_theme

__all__ = ["AppShell"]

log = logging.getLogger(__name__)


# The store's file names (see border_client.storage.db.StorePaths), checked without importing
# the storage layer so that the log-in window shows fast; a test keeps the two in step.
STORE_FILES = ("keyslots.json", "post.db")


def store_exists(data_dir: Path) -> bool:
    return any((data_dir / name).exists() for name in STORE_FILES)


class LoginWindow(QWidget):
    """The first window of a session on an existing post."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("loginWindow")
        self.panel = LoginPanel(self, mode="login")
        from PySide6.QtWidgets import QVBoxLayout

        layout = QVBoxLayout(self)
        layout.addWidget(self.panel)
        self.resize(900, 600)
        self.setWindowTitle(self.panel.tr("Border crossing registration"))


class AppShell(QObject):
    """Owns the long-lived objects (tasks, languages, preferences) and the windows."""

    mainWindowShown = Signal(object)  # noqa: N815 - MainWindow

    def __init__(self, data_dir: Path, *, language: str | None = None, auto_sync: bool = True):
        super().__init__()
        self.data_dir = data_dir
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        apply_theme(app)
        self.preferences = Preferences.load(data_dir)
        self.tasks = TaskRunner(self)
        self.languages = LanguageManager(self)
        self.languages.set_language(language or self.preferences.language)
        self.auto_sync = auto_sync
        self.ctx: AppContext | None = None
        self.main_window: MainWindow | None = None
        self.login_window: LoginWindow | None = None
        self.wizard: Any = None
        self.sync_monitor: Any = None
        self.serial: Any = None

    # --- start ------------------------------------------------------------------------------
    def start(self) -> None:
        if store_exists(self.data_dir):
            self.show_login()
            # SQLAlchemy and SQLCipher take about a second to import: load them while the
            # inspector types the password, not before the window shows.
            self.tasks.run(lambda: importlib.import_module("border_client.services.accounts"))
        else:
            self.show_wizard()

    def set_language(self, code: str) -> None:
        if self.languages.set_language(code):
            self.preferences.language = code
            try:
                self.preferences.save(self.data_dir)
            except OSError as exc:
                log.warning("cannot save preferences: %s", exc)

    def show_wizard(self) -> None:
        from border_client.ui import backend
        from border_client.ui.wizard import FirstRunWizard

        self.wizard = FirstRunWizard(self.data_dir, self.tasks, enroll=backend.enroll)
        self.wizard.welcome.language.setCurrentIndex(
            max(0, self.wizard.welcome.language.findData(self.languages.language))
        )
        self.wizard.languageRequested.connect(self.set_language)
        self.wizard.setupFinished.connect(self._logged_in)
        self.wizard.show()
        log.info("window shown: first-run wizard")

    def show_login(self) -> None:
        self.login_window = LoginWindow()
        panel = self.login_window.panel
        panel.set_language(self.languages.language)
        if self.preferences.last_user:
            panel.username.setText(self.preferences.last_user)
        panel.focus_first()
        panel.languageRequested.connect(self.set_language)
        panel.loginRequested.connect(self._on_login_requested)
        self.login_window.show()
        log.info("window shown: log-in")

    def _on_login_requested(self, username: str, password: str) -> None:
        from border_client.services import accounts

        data_dir = self.data_dir
        assert self.login_window is not None
        panel = self.login_window.panel
        self.tasks.run(
            lambda: accounts.open_store(data_dir, username, password),
            lambda result: self._logged_in(*result),
            lambda exc: panel.show_error(describe_error(exc, "log-in")),
        )

    # --- the main window --------------------------------------------------------------------
    def _logged_in(self, store: Any, session: Any) -> None:
        from border_client.services import accounts

        self.tasks.run(
            lambda: accounts.get_post(store),
            lambda post: self._open_main(store, session, post),
            lambda exc: self._fatal(describe_error(exc, "opening the post")),
        )

    def _fatal(self, text: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.critical(None, self.tr("Border crossing registration"), text)

    def _open_main(self, store: Any, session: Any, post: Any) -> None:
        self.preferences.last_user = session.username
        try:
            self.preferences.save(self.data_dir)
        except OSError as exc:
            log.warning("cannot save preferences: %s", exc)
        self.ctx = AppContext(
            data_dir=self.data_dir,
            store=store,
            session=session,
            tasks=self.tasks,
            preferences=self.preferences,
            languages=self.languages,
            post_code=post.code,
            post_name=post.name,
            post_timezone=post.timezone,
        )
        self.main_window = build_main_window(self.ctx, self, auto_sync=self.auto_sync)
        self.main_window.quitRequested.connect(self.shutdown)
        self.main_window.show()
        if self.login_window is not None:
            self.login_window.close()
            self.login_window = None
        if self.wizard is not None:
            self.wizard.close()
            self.wizard = None
        log.info("window shown: main window")
        # The first registration should not pay for building the watchlist index.
        from border_client.ui import backend

        self.tasks.run(
            lambda: backend.warm_indexes(store),
            lambda _result: _freeze_long_lived(),
            lambda exc: log.warning("warming the indexes: %s: %s", type(exc).__name__, exc),
        )
        self.mainWindowShown.emit(self.main_window)

    def shutdown(self) -> None:
        if self.sync_monitor is not None:
            self.sync_monitor.stop()
        if self.serial is not None:
            self.serial.stop()
        self.tasks.wait_for_done(15_000)
        if self.ctx is not None:
            try:
                self.ctx.store.close()
            except Exception as exc:  # noqa: BLE001 - closing must not stop the exit
                log.warning("closing the store: %s", exc)
            self.ctx = None


def _freeze_long_lived() -> None:
    """Exclude what the logged-in app keeps (widgets' wrappers, the watchlist index, the ORM's
    metadata: ~100,000 objects) from the cycle collector's full passes, which otherwise hold
    the interpreter lock for 30-70 ms at a time and show as stalls of the UI. Once, after
    log-in; refcounting still frees these objects, only cycles among them would stay."""
    import gc

    gc.collect()
    gc.freeze()


def build_main_window(ctx: AppContext, shell: AppShell, *, auto_sync: bool = True) -> MainWindow:
    """The main window with every screen, the sync badge and the serial reader wired."""
    from border_client.ui.counter import CounterScreen
    from border_client.ui.dashboard import DashboardScreen
    from border_client.ui.records import RecordsScreen
    from border_client.ui.settings_screen import SettingsScreen
    from border_client.ui.sync_panel import SyncBadge, SyncMonitor, SyncScreen
    from border_client.ui.users_screen import UsersScreen

    monitor = SyncMonitor(ctx, auto=auto_sync)
    shell.sync_monitor = monitor
    window = MainWindow(
        ctx,
        [
            (lambda c, p: CounterScreen(c, p), "F2"),
            (lambda c, p: RecordsScreen(c, p), "F3"),
            (lambda c, p: DashboardScreen(c, p), "F4"),
            (lambda c, p: SyncScreen(c, monitor, p), "F5"),
            (lambda c, p: SettingsScreen(c, p, on_language=shell.set_language), "F9"),
            (lambda c, p: UsersScreen(c, p), "F10"),
        ],
    )
    window.statusBar().addPermanentWidget(SyncBadge(monitor, window))
    window.apply_roles()
    monitor.start()
    from border_client.ui.devices import SerialBridge

    counter = window.screen_of(CounterScreen)
    shell.serial = SerialBridge(ctx, counter)
    shell.serial.start()
    return window
