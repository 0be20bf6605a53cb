"""The main window: navigation on the left, one screen at a time, a status bar with the badges."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from border_client.ui.counter import CounterScreen

__all__ = ["MainWindow"]


class MainWindow(QMainWindow):
    """Holds the screens; each is reached from the navigation list or its F-key."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self.setMinimumSize(QSize(1024, 640))
        self.resize(1366, 768)
        central = QWidget(self)
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.navigation = QListWidget(central)
        self.navigation.setObjectName("navigation")
        self.navigation.setFixedWidth(200)
        self.stack = QStackedWidget(central)
        layout.addWidget(self.navigation)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.counter = CounterScreen(self)
        self._screens: list[tuple[QWidget, str]] = []
        self.add_screen(self.counter, "F2")
        self.navigation.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.navigation.setCurrentRow(0)

        self.user_label = QLabel(self)
        self.statusBar().addWidget(self.user_label, 1)
        self.retranslate_ui()

    def add_screen(self, screen: QWidget, key: str) -> None:
        self.stack.addWidget(screen)
        item = QListWidgetItem()
        self.navigation.addItem(item)
        index = len(self._screens)
        self._screens.append((screen, key))
        shortcut = QShortcut(QKeySequence(key), self)
        shortcut.activated.connect(lambda: self.navigation.setCurrentRow(index))

    def screen_titles(self) -> list[str]:
        return [self.tr("Counter")]

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Border crossing registration"))
        for i, title in enumerate(self.screen_titles()):
            item = self.navigation.item(i)
            if item is not None:
                item.setText(f"{title}\t{self._screens[i][1]}")
                key = self._screens[i][1]
                item.setToolTip(self.tr("{screen} ({key})").format(screen=title, key=key))
        _ = Qt  # keep import for later screens
