"""The application shell: which window shows when (first run, log-in, lock, main window)."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication

from border_client.ui.i18n import LanguageManager
from border_client.ui.main_window import MainWindow
from border_client.ui.preferences import Preferences
from border_client.ui.tasks import TaskRunner
from border_client.ui.theme import apply_theme

__all__ = ["AppShell"]

log = logging.getLogger(__name__)


class AppShell(QObject):
    """Owns the long-lived objects (tasks, languages, preferences) and the windows."""

    def __init__(self, data_dir: Path, *, language: str | None = None) -> None:
        super().__init__()
        self.data_dir = data_dir
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        apply_theme(app)
        self.preferences = Preferences.load(data_dir)
        self.tasks = TaskRunner(self)
        self.languages = LanguageManager(self)
        self.languages.set_language(language or self.preferences.language)
        self.main_window: MainWindow | None = None

    def start(self) -> None:
        self.main_window = MainWindow()
        self.main_window.show()
        log.info("window shown: main window")

    def shutdown(self) -> None:
        self.tasks.wait_for_done(10_000)
