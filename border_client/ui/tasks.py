"""Background work for the UI: reads in a small pool, writes one at a time, results by signal.

Widgets never call a service directly from the UI thread: they hand a callable to
:class:`TaskRunner` and get the result (or the exception) back on the UI thread.  Writes to
the store go through a single worker so that two saves can never interleave, like Anki's
``taskman`` with ``max_workers=1``.
"""

from __future__ import annotations

import itertools
import logging
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot

__all__ = ["TaskRunner", "TaskHandle"]

log = logging.getLogger(__name__)

DoneCallback = Callable[[Any], None]
ErrorCallback = Callable[[BaseException], None]


class _Relay(QObject):
    """Carries results from a worker thread to the UI thread (lives on the UI thread)."""

    finished = Signal(int, object)
    failed = Signal(int, object)


class _Job(QRunnable):
    def __init__(self, task_id: int, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._task_id = task_id
        self._fn = fn
        self._relay = relay

    def run(self) -> None:  # runs on a worker thread
        try:
            result = self._fn()
        except BaseException as exc:  # noqa: BLE001 - every failure goes back to the UI
            log.debug("background task %d failed:\n%s", self._task_id, traceback.format_exc())
            self._relay.failed.emit(self._task_id, exc)
        else:
            self._relay.finished.emit(self._task_id, result)


@dataclass
class TaskHandle:
    """A submitted task; ``cancel()`` drops its callbacks (the work itself still finishes)."""

    task_id: int
    runner: TaskRunner

    def cancel(self) -> None:
        self.runner._callbacks.pop(self.task_id, None)


class TaskRunner(QObject):
    """Runs callables off the UI thread and calls back on it."""

    busyChanged = Signal(bool)  # noqa: N815 - Qt naming
    taskFailed = Signal(object)  # noqa: N815 - every failure, for the log / status bar

    def __init__(self, parent: QObject | None = None, *, readers: int = 2) -> None:
        super().__init__(parent)
        self._reads = QThreadPool(self)
        self._reads.setMaxThreadCount(max(1, readers))
        self._writes = QThreadPool(self)
        self._writes.setMaxThreadCount(1)  # one writer: saves never interleave
        # Long jobs (a sync of thousands of events) get their own thread so that neither
        # a save nor a records page ever waits behind them.
        self._long = QThreadPool(self)
        self._long.setMaxThreadCount(1)
        self._ids = itertools.count(1)
        self._callbacks: dict[int, tuple[DoneCallback | None, ErrorCallback | None]] = {}
        self._running = 0
        self._relay = _Relay()
        self._relay.finished.connect(self._on_finished, Qt.ConnectionType.QueuedConnection)
        self._relay.failed.connect(self._on_failed, Qt.ConnectionType.QueuedConnection)

    def run(
        self,
        fn: Callable[[], Any],
        on_done: DoneCallback | None = None,
        on_error: ErrorCallback | None = None,
        *,
        write: bool = False,
        long: bool = False,
    ) -> TaskHandle:
        """Run *fn* in the background; *on_done(result)* or *on_error(exc)* on the UI thread."""
        task_id = next(self._ids)
        self._callbacks[task_id] = (on_done, on_error)
        self._running += 1
        if self._running == 1:
            self.busyChanged.emit(True)
        pool = self._long if long else self._writes if write else self._reads
        pool.start(_Job(task_id, fn, self._relay))
        return TaskHandle(task_id, self)

    @property
    def busy(self) -> bool:
        return self._running > 0

    def wait_for_done(self, msecs: int = 30_000) -> bool:
        """Block until every worker is idle (used at shut-down and in tests)."""
        ok = self._writes.waitForDone(msecs)
        ok = self._long.waitForDone(msecs) and ok
        return self._reads.waitForDone(msecs) and ok

    def _finish(self) -> None:
        self._running -= 1
        if self._running == 0:
            self.busyChanged.emit(False)

    @Slot(int, object)
    def _on_finished(self, task_id: int, result: object) -> None:
        on_done, _ = self._callbacks.pop(task_id, (None, None))
        self._finish()
        if on_done is not None:
            on_done(result)

    @Slot(int, object)
    def _on_failed(self, task_id: int, exc: object) -> None:
        _, on_error = self._callbacks.pop(task_id, (None, None))
        self._finish()
        assert isinstance(exc, BaseException)
        self.taskFailed.emit(exc)
        if on_error is not None:
            on_error(exc)
        else:
            log.error("background task failed: %s: %s", type(exc).__name__, exc)
