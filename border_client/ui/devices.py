"""Document readers on a serial (or virtual COM) port, wired to the counter through signals."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal, Slot

from border_client.ui.context import AppContext

__all__ = ["SerialBridge"]

log = logging.getLogger(__name__)


class _Relay(QObject):
    mrz = Signal(object)
    status = Signal(str, str)


class SerialBridge(QObject):
    """Runs :class:`SerialMrzReader` on the configured port; MRZs land in the counter.

    The reader's callbacks come from its own thread; they only emit signals, which Qt queues to
    the UI thread.
    """

    statusChanged = Signal(str, str)  # noqa: N815 - state, detail

    def __init__(self, ctx: AppContext, counter: Any) -> None:
        super().__init__()
        self.ctx = ctx
        self.counter = counter
        self.reader: Any = None
        self.state = "stopped"
        self.detail = ""
        self._relay = _Relay()
        self._relay.mrz.connect(self._on_mrz, Qt.ConnectionType.QueuedConnection)
        self._relay.status.connect(self._on_status, Qt.ConnectionType.QueuedConnection)
        ctx.signals.preferencesChanged.connect(self.restart)

    def start(self) -> None:
        port = self.ctx.preferences.serial_port.strip()
        if not port:
            self._on_status("stopped", "")
            return
        from border_client.scanning.serial_reader import SerialMrzReader

        try:
            self.reader = SerialMrzReader(
                port,
                lambda event: self._relay.mrz.emit(event),
                on_status=lambda state, detail: self._relay.status.emit(str(state), detail),
                baudrate=self.ctx.preferences.serial_baud,
            )
            self.reader.start()
        except (ValueError, OSError) as exc:
            self._on_status("disconnected", str(exc))

    def stop(self) -> None:
        if self.reader is not None:
            self.reader.stop()
            self.reader = None

    def restart(self) -> None:
        port = self.ctx.preferences.serial_port.strip()
        if self.reader is not None and self.reader.port == port:
            return
        self.stop()
        self.start()

    @Slot(object)
    def _on_mrz(self, event: Any) -> None:
        window = self.counter.window()
        if getattr(window, "locked", False):
            # A document read while the screen is locked belongs to nobody logged in.
            log.info("document reader: MRZ ignored while the screen is locked")
            return
        self.counter.receive_mrz(list(event.lines))

    @Slot(str, str)
    def _on_status(self, state: str, detail: str) -> None:
        self.state, self.detail = state, detail
        port = self.ctx.preferences.serial_port
        texts = {
            "connected": self.tr("Reader on {port}: ready"),
            "connecting": self.tr("Reader on {port}: waiting for the device"),
            "disconnected": self.tr("Reader on {port}: disconnected"),
            "stopped": self.tr("No serial reader (keyboard readers type directly)"),
        }
        text = texts.get(state, state).format(port=port)
        self.counter.set_reader_status(text)
        if detail:
            log.info("document reader %s: %s", state, detail)
        self.statusChanged.emit(state, detail)
