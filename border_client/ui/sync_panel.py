"""The sync panel and the status-bar badge: is the post in step with the central office?"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from border_client.ui import backend
from border_client.ui.context import AppContext
from border_client.ui.errors import describe_error
from border_client.ui.main_window import Screen
from border_client.ui.theme import set_status

__all__ = ["SyncMonitor", "SyncBadge", "SyncScreen"]

log = logging.getLogger(__name__)


def _ago(tr: Callable[[str], str], when: datetime | None) -> str:
    if when is None:
        return tr("never")
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    minutes = int((datetime.now(UTC) - when).total_seconds() // 60)
    local = when.astimezone().strftime("%Y-%m-%d %H:%M")
    if minutes < 1:
        return tr("{time} (just now)").format(time=local)
    if minutes < 120:
        return tr("{time} ({n} min ago)").format(time=local, n=minutes)
    if minutes < 48 * 60:
        return tr("{time} ({n} h ago)").format(time=local, n=minutes // 60)
    return tr("{time} ({n} days ago)").format(time=local, n=minutes // (24 * 60))


class SyncMonitor(QObject):
    """Keeps the sync status fresh and runs sync passes, all off the UI thread.

    A pass runs on the long-job thread every ``interval_ms`` when enrolled, after each save
    (debounced), and on "sync now".
    """

    statusChanged = Signal(object)  # noqa: N815 - backend.SyncStatus
    syncStarted = Signal()  # noqa: N815
    syncFinished = Signal(object, object)  # noqa: N815 - (report or None, error or None)

    def __init__(self, ctx: AppContext, *, interval_ms: int = 60_000, auto: bool = True) -> None:
        super().__init__()
        self.ctx = ctx
        self.status: backend.SyncStatus | None = None
        self.running = False
        self.auto = auto
        self._timer = QTimer(self)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._tick)
        self._soon = QTimer(self)
        self._soon.setSingleShot(True)
        self._soon.setInterval(5_000)
        self._soon.timeout.connect(self._tick)
        self._stop = threading.Event()
        self._process = backend.SyncProcess()
        ctx.signals.crossingSaved.connect(self._after_save)

    def start(self) -> None:
        self._timer.start()
        self.refresh()

    def stop(self) -> None:
        """Stop the timers and end a running pass after its current batch."""
        self._stop.set()
        self._timer.stop()
        self._soon.stop()
        self._process.close()

    def refresh(self) -> None:
        store = self.ctx.store
        self.ctx.tasks.run(
            lambda: backend.sync_status(store),
            self._on_status,
            lambda exc: log.warning("sync status unavailable: %s", exc),
        )

    def _on_status(self, status: backend.SyncStatus) -> None:
        self.status = status
        self.statusChanged.emit(status)

    def _after_save(self, _result: object) -> None:
        self.refresh()
        if self.auto and self.status is not None and self.status.enrolled:
            self._soon.start()

    def _tick(self) -> None:
        if self.auto and self.status is not None and self.status.enrolled:
            self.sync_now()
        else:
            self.refresh()

    def sync_now(self) -> None:
        if self.running or self._stop.is_set():
            return
        self.running = True
        self.syncStarted.emit()
        store = self.ctx.store
        process = self._process
        self.ctx.tasks.run(lambda: process.sync(store), self._on_synced, self._on_failed, long=True)

    def _on_synced(self, report: Any) -> None:
        self.running = False
        self.syncFinished.emit(report, None)
        self.ctx.signals.dataChanged.emit()
        self.refresh()

    def _on_failed(self, exc: BaseException) -> None:
        self.running = False
        self.syncFinished.emit(None, exc)
        self.refresh()


class SyncBadge(QLabel):
    """Always in the status bar: in sync, events waiting, error, or not enrolled."""

    def __init__(self, monitor: SyncMonitor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncBadge")
        self.monitor = monitor
        self.setProperty("status", "none")
        monitor.statusChanged.connect(lambda _s: self.retranslate_ui())
        monitor.syncStarted.connect(self.retranslate_ui)
        self.retranslate_ui()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        s = self.monitor.status
        if s is None:
            text, status = self.tr("Sync: …"), "none"
        elif self.monitor.running:
            text, status = self.tr("⟳ Syncing…"), "none"
        elif not s.enrolled:
            text, status = self.tr("○ Offline post (not enrolled)"), "none"
        elif s.last_error:
            text, status = self.tr("✗ Not in sync: {n} waiting").format(n=s.pending), "fail"
        elif s.pending:
            text, status = self.tr("● {n} waiting to sync").format(n=s.pending), "warn"
        else:
            text, status = self.tr("✓ In sync"), "ok"
        self.setText(text)
        set_status(self, status)
        self.setToolTip(self.tr("F5 opens the sync panel"))


class SyncScreen(Screen):
    """Events waiting, last successful sync, last error in plain words, and "sync now"."""

    def __init__(self, ctx: AppContext, monitor: SyncMonitor, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.monitor = monitor
        self.setObjectName("syncScreen")
        outer = QHBoxLayout(self)
        outer.setContentsMargins(16, 16, 16, 16)
        page = QWidget(self)
        page.setMaximumWidth(960)
        outer.addWidget(page, 1)
        outer.addStretch(0)
        root = QVBoxLayout(page)
        root.setContentsMargins(0, 0, 0, 0)
        root.setSpacing(12)
        self.status_box = QGroupBox(self)
        form = QFormLayout(self.status_box)
        form.setVerticalSpacing(10)
        self.rows: dict[str, tuple[QLabel, QLabel]] = {}
        for key in ("server", "pending", "oldest", "last_sync", "last_error", "watchlist"):
            label, value = QLabel(self.status_box), QLabel(self.status_box)
            label.setProperty("role", "field")
            value.setObjectName(f"sync_{key}")
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(label, value)
            self.rows[key] = (label, value)
        buttons = QHBoxLayout()
        self.sync_button = QPushButton(self.status_box)
        self.sync_button.setObjectName("syncNow")
        self.sync_button.setProperty("primary", True)
        self.sync_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.sync_button.clicked.connect(monitor.sync_now)
        self.result_label = QLabel(self.status_box)
        self.result_label.setObjectName("syncResult")
        self.result_label.setWordWrap(True)
        self.result_label.setProperty("status", "none")
        self.result_label.hide()
        buttons.addWidget(self.sync_button)
        buttons.addWidget(self.result_label, 1)
        buttons.addStretch(0)
        form.addRow(buttons)
        root.addWidget(self.status_box)

        self.enroll_box = QGroupBox(self)
        enroll_form = QFormLayout(self.enroll_box)
        self.enroll_text = QLabel(self.enroll_box)
        self.enroll_text.setWordWrap(True)
        enroll_form.addRow(self.enroll_text)
        self.url_edit = QLineEdit(self.enroll_box)
        self.url_edit.setObjectName("enrollUrl")
        self.token_edit = QLineEdit(self.enroll_box)
        self.token_edit.setObjectName("enrollToken")
        self.url_label, self.token_label = QLabel(self.enroll_box), QLabel(self.enroll_box)
        self.url_label.setBuddy(self.url_edit)
        self.token_label.setBuddy(self.token_edit)
        enroll_form.addRow(self.url_label, self.url_edit)
        enroll_form.addRow(self.token_label, self.token_edit)
        self.enroll_button = QPushButton(self.enroll_box)
        self.enroll_button.setObjectName("enrollButton")
        self.enroll_button.clicked.connect(self.enroll)
        self.token_edit.returnPressed.connect(self.enroll)
        self.enroll_message = QLabel(self.enroll_box)
        self.enroll_message.setWordWrap(True)
        self.enroll_message.setProperty("status", "none")
        self.enroll_message.hide()
        enroll_form.addRow(self.enroll_button, self.enroll_message)
        root.addWidget(self.enroll_box)
        root.addStretch(1)

        self.sync_action = QAction(self)
        self.sync_action.setShortcut(QKeySequence("Ctrl+R"))
        self.sync_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.sync_action.triggered.connect(monitor.sync_now)
        self.addAction(self.sync_action)

        monitor.statusChanged.connect(lambda _s: self.retranslate_ui())
        monitor.syncStarted.connect(self._on_started)
        monitor.syncFinished.connect(self._on_finished)
        self.retranslate_ui()

    def title(self) -> str:
        return self.tr("Sync")

    def activated(self) -> None:
        self.monitor.refresh()
        self.sync_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        tr = self.tr
        self.status_box.setTitle(tr("Central office"))
        titles = {
            "server": tr("Server"),
            "pending": tr("Events waiting"),
            "oldest": tr("Oldest waiting since"),
            "last_sync": tr("Last successful sync"),
            "last_error": tr("Last error"),
            "watchlist": tr("Watchlist version"),
        }
        for key, (label, _value) in self.rows.items():
            label.setText(titles[key])
        s = self.monitor.status
        values: dict[str, str] = {}
        if s is not None:
            values = {
                "server": s.server_url or tr("not enrolled: this post works offline"),
                "pending": str(s.pending),
                "oldest": _ago(tr, s.oldest_pending_at) if s.pending else tr("nothing waiting"),
                "last_sync": _ago(tr, s.last_sync_at),
                "last_error": (
                    tr("{error} — at {time}").format(error=s.last_error, time=_ago(tr, s.last_error_at))
                    if s.last_error
                    else tr("none")
                ),
                "watchlist": str(s.watchlist_version) if s.watchlist_version else tr("none yet"),
            }
        for key, (_label, value) in self.rows.items():
            value.setText(values.get(key, "…"))
        error_value = self.rows["last_error"][1]
        error_value.setProperty("status", "fail" if s is not None and s.last_error else "none")
        set_status(error_value, "fail" if s is not None and s.last_error else "none")
        self.sync_button.setText(tr("Sync now  Ctrl+R"))
        self.sync_button.setEnabled(s is not None and s.enrolled and not self.monitor.running)
        self.enroll_box.setTitle(tr("Enroll this post"))
        self.enroll_box.setVisible(s is not None and not s.enrolled)
        self.enroll_text.setText(
            tr(
                "Enter the central office's address and the one-time enrollment token it gave "
                "for this post. Only an administrator can enroll."
            )
        )
        self.url_label.setText(tr("Server &address"))
        self.token_label.setText(tr("Enrollment &token"))
        self.enroll_button.setText(tr("Enroll"))

    def _on_started(self) -> None:
        self.sync_button.setEnabled(False)
        self.result_label.setText(self.tr("Syncing…"))
        set_status(self.result_label, "none")
        self.result_label.show()

    def _on_finished(self, report: Any, exc: BaseException | None) -> None:
        if exc is not None:
            text = getattr(exc, "message", None) or describe_error(exc, "sync")
            self.result_label.setText(self.tr("Sync failed: {reason}").format(reason=text))
            set_status(self.result_label, "fail")
        else:
            text = self.tr("Sent {n} event(s); {p} waiting.").format(n=report.sent, p=report.pending)
            if report.watchlist_applied:
                text += " " + self.tr("Watchlist version {v} applied.").format(v=report.watchlist_version)
            self.result_label.setText(text)
            set_status(self.result_label, "ok")
        self.result_label.show()
        self.retranslate_ui()

    def enroll(self) -> None:
        from border_client.services.common import Role

        url, token = self.url_edit.text().strip(), self.token_edit.text().strip()
        if not url or not token:
            self.enroll_message.setText(self.tr("Enter both the address and the token."))
            set_status(self.enroll_message, "fail")
            self.enroll_message.show()
            return
        if not self.ctx.session.can(Role.ADMIN):
            self.enroll_message.setText(self.tr("Only an administrator can enroll the post."))
            set_status(self.enroll_message, "fail")
            self.enroll_message.show()
            return
        store = self.ctx.store
        self.enroll_button.setEnabled(False)
        self.ctx.tasks.run(
            lambda: backend.enroll(store, url, token),
            self._on_enrolled,
            self._on_enroll_failed,
            write=True,
        )

    def _on_enrolled(self, answer: dict[str, Any]) -> None:
        self.enroll_button.setEnabled(True)
        self.token_edit.clear()
        self.enroll_message.setText(self.tr("Enrolled. The first sync starts now."))
        set_status(self.enroll_message, "ok")
        self.monitor.refresh()
        self.monitor.sync_now()

    def _on_enroll_failed(self, exc: BaseException) -> None:
        self.enroll_button.setEnabled(True)
        text = getattr(exc, "message", None) or describe_error(exc, "enrollment")
        self.enroll_message.setText(self.tr("Enrollment failed: {reason}").format(reason=text))
        set_status(self.enroll_message, "fail")
        self.enroll_message.show()
