"""Settings of this post computer: language, idle lock, camera, serial reader, central server."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from border_client.ui.context import AppContext
from border_client.ui.i18n import LANGUAGES
from border_client.ui.main_window import Screen
from border_client.ui.theme import set_status

__all__ = ["SettingsScreen"]

log = logging.getLogger(__name__)

BAUD_RATES = (9600, 19200, 38400, 57600, 115200)


class SettingsScreen(Screen):
    def __init__(
        self,
        ctx: AppContext,
        parent: QWidget | None = None,
        *,
        on_language: Callable[[str], None] | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.on_language = on_language
        self.setObjectName("settingsScreen")
        outer = QHBoxLayout(self)
        outer.setContentsMargins(16, 16, 16, 16)
        page = QWidget(self)
        page.setMaximumWidth(860)  # forms wider than this are hard to read on a big screen
        outer.addWidget(page, 1)
        outer.addStretch(0)
        root = QVBoxLayout(page)
        root.setContentsMargins(0, 0, 0, 0)
        root.setSpacing(12)

        self.general = QGroupBox(self)
        general = QFormLayout(self.general)
        self.language = QComboBox(self.general)
        self.language.setObjectName("settingsLanguage")
        for code, (name, _locale) in LANGUAGES.items():
            self.language.addItem(name, code)
        self.idle = QSpinBox(self.general)
        self.idle.setObjectName("settingsIdle")
        self.idle.setRange(0, 240)
        self.language_label, self.idle_label = QLabel(self.general), QLabel(self.general)
        self.language_label.setBuddy(self.language)
        self.idle_label.setBuddy(self.idle)
        general.addRow(self.language_label, self.language)
        general.addRow(self.idle_label, self.idle)
        root.addWidget(self.general)

        self.devices = QGroupBox(self)
        devices = QFormLayout(self.devices)
        self.camera = QComboBox(self.devices)
        self.camera.setObjectName("settingsCamera")
        self.camera.setEditable(True)
        self.camera.addItems(["0", "1", "2"])
        self.serial = QComboBox(self.devices)
        self.serial.setObjectName("settingsSerial")
        self.serial.setEditable(True)
        self.baud = QComboBox(self.devices)
        self.baud.setObjectName("settingsBaud")
        for rate in BAUD_RATES:
            self.baud.addItem(str(rate), rate)
        self.rescan = QPushButton(self.devices)
        self.rescan.clicked.connect(self.list_ports)
        serial_row = QHBoxLayout()
        serial_row.addWidget(self.serial, 1)
        serial_row.addWidget(self.rescan)
        self.camera_label, self.serial_label, self.baud_label = (
            QLabel(self.devices),
            QLabel(self.devices),
            QLabel(self.devices),
        )
        self.camera_label.setBuddy(self.camera)
        self.serial_label.setBuddy(self.serial)
        self.baud_label.setBuddy(self.baud)
        devices.addRow(self.camera_label, self.camera)
        devices.addRow(self.serial_label, serial_row)
        devices.addRow(self.baud_label, self.baud)
        root.addWidget(self.devices)

        self.server = QGroupBox(self)
        server = QFormLayout(self.server)
        self.server_value = QLabel(self.server)
        self.server_value.setObjectName("settingsServer")
        self.server_value.setWordWrap(True)
        self.server_label = QLabel(self.server)
        server.addRow(self.server_label, self.server_value)
        root.addWidget(self.server)

        buttons = QHBoxLayout()
        self.message = QLabel(self)
        self.message.setObjectName("settingsMessage")
        self.message.setProperty("status", "none")
        self.message.hide()
        self.save_button = QPushButton(self)
        self.save_button.setObjectName("saveSettings")
        self.save_button.setProperty("primary", True)
        self.save_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.save_button.clicked.connect(self.save)
        buttons.addWidget(self.message, 1)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        root.addLayout(buttons)
        root.addStretch(1)
        self.load()
        self.retranslate_ui()

    def title(self) -> str:
        return self.tr("Settings")

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.general.setTitle(self.tr("This computer"))
        self.language_label.setText(self.tr("&Language"))
        self.idle_label.setText(self.tr("&Lock after (minutes idle, 0 = never)"))
        self.devices.setTitle(self.tr("Document readers"))
        self.camera_label.setText(self.tr("&Camera (number, video file or RTSP address)"))
        self.serial_label.setText(self.tr("&Serial reader port (empty = none)"))
        self.baud_label.setText(self.tr("&Speed (baud)"))
        self.rescan.setText(self.tr("Find ports"))
        self.server.setTitle(self.tr("Central office"))
        self.server_label.setText(self.tr("Server"))
        self.save_button.setText(self.tr("Save settings  Enter"))

    def load(self) -> None:
        p = self.ctx.preferences
        self.language.setCurrentIndex(max(0, self.language.findData(p.language)))
        self.idle.setValue(p.idle_lock_minutes)
        self.camera.setCurrentText(p.camera_source)
        self.serial.setCurrentText(p.serial_port)
        self.baud.setCurrentIndex(max(0, self.baud.findData(p.serial_baud)))

    def activated(self) -> None:
        self.load()
        self._show_server()
        self.language.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_server(self) -> None:
        from border_client.ui import backend

        store = self.ctx.store

        def show(status: backend.SyncStatus) -> None:
            self.server_value.setText(
                status.server_url
                if status.enrolled and status.server_url
                else self.tr("Not enrolled: this post works offline. Enroll in the Sync panel (F5).")
            )

        self.ctx.tasks.run(lambda: backend.sync_status(store), show)

    def list_ports(self) -> None:
        from border_client.scanning.serial_reader import list_serial_ports

        current = self.serial.currentText()
        ports = list_serial_ports()
        self.serial.clear()
        self.serial.addItem("")
        for port in ports:
            self.serial.addItem(f"{port.device}", port.device)
        self.serial.setCurrentText(current)
        self.message.setText(self.tr("{n} serial port(s) found.").format(n=len(ports)))
        set_status(self.message, "none")
        self.message.show()

    def keyPressEvent(self, event: object) -> None:  # noqa: N802 - Qt override
        from PySide6.QtGui import QKeyEvent

        if isinstance(event, QKeyEvent) and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.save()
            return
        super().keyPressEvent(event)  # type: ignore[arg-type]

    def save(self) -> None:
        p = self.ctx.preferences
        language = str(self.language.currentData())
        p.idle_lock_minutes = int(self.idle.value())
        p.camera_source = self.camera.currentText().strip() or "0"
        p.serial_port = self.serial.currentText().strip()
        p.serial_baud = int(self.baud.currentData() or 9600)
        try:
            if language != p.language and self.on_language is not None:
                self.on_language(language)  # saves the preferences too
            p.language = language
            self.ctx.save_preferences()
        except OSError as exc:
            from border_client.ui.errors import describe_error

            self.message.setText(describe_error(exc, "settings"))
            set_status(self.message, "fail")
            self.message.show()
            return
        self.message.setText(self.tr("Settings saved."))
        set_status(self.message, "ok")
        self.message.show()
