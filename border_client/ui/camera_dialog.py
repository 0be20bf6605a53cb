"""The camera: a live preview with the detected MRZ outlined; closes once a reading is accepted."""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QEvent, QPointF, Qt, QTimer
from PySide6.QtGui import QColor, QImage, QPainter, QPen, QPixmap, QPolygonF
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from border_client.ui.context import AppContext
from border_client.ui.theme import set_status

__all__ = ["CameraDialog", "frame_to_pixmap"]

log = logging.getLogger(__name__)


def frame_to_pixmap(frame: Any, quad: Any = None, width: int = 800) -> QPixmap:
    """A BGR (or gray) numpy frame as a pixmap scaled to *width*, with the MRZ outlined."""
    import numpy as np

    if frame.ndim == 2:
        h, w = frame.shape
        image = QImage(np.ascontiguousarray(frame).data, w, h, w, QImage.Format.Format_Grayscale8)
    else:
        h, w, _ = frame.shape
        rgb = np.ascontiguousarray(frame[:, :, ::-1])
        image = QImage(rgb.data, w, h, 3 * w, QImage.Format.Format_RGB888)
    pixmap = QPixmap.fromImage(image.copy())
    if quad:
        painter = QPainter(pixmap)
        pen = QPen(QColor("#00c853"))
        pen.setWidth(max(3, w // 200))
        painter.setPen(pen)
        painter.drawPolygon(QPolygonF([QPointF(float(x), float(y)) for x, y in quad]))
        painter.end()
    return pixmap.scaledToWidth(width, Qt.TransformationMode.SmoothTransformation)


class CameraDialog(QDialog):
    """Shows frames from ``scanning.camera`` and returns the accepted MRZ lines."""

    def __init__(self, parent: QWidget | None, ctx: AppContext) -> None:
        super().__init__(parent)
        self.setObjectName("cameraDialog")
        self.ctx = ctx
        self.lines: list[str] | None = None
        self.session: Any = None
        self.setWindowTitle(self.tr("Camera"))
        self.setMinimumSize(840, 620)
        layout = QVBoxLayout(self)
        self.preview = QLabel(self)
        self.preview.setObjectName("cameraPreview")
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setMinimumSize(800, 450)
        self.preview.setStyleSheet("background: #1d2733; color: white;")
        layout.addWidget(self.preview, 1)
        self.status = QLabel(self)
        self.status.setObjectName("cameraStatus")
        self.status.setWordWrap(True)
        self.status.setProperty("status", "none")
        layout.addWidget(self.status)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.close_button = QPushButton(self.tr("Close  Esc"), self)
        self.close_button.clicked.connect(self.reject)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)
        self._timer = QTimer(self)
        self._timer.setInterval(50)
        self._timer.timeout.connect(self._poll)
        self.status.setText(self.tr("Opening camera {source}…").format(source=ctx.preferences.camera_source))
        QTimer.singleShot(0, self._open)

    def _open(self) -> None:
        try:
            from border_client.scanning import camera
        except ImportError as exc:
            self._fail(self.tr("The camera reader is not available: {reason}").format(reason=exc))
            return
        try:
            self.session = camera.open_camera_session(self.ctx.preferences.camera_source)
        except Exception as exc:  # noqa: BLE001 - any device failure is shown, not raised
            log.warning("camera failed: %s: %s", type(exc).__name__, exc)
            self._fail(self.tr("The camera could not be opened: {reason}").format(reason=exc))
            return
        self.status.setText(self.tr("Hold the data page still under the camera."))
        self._timer.start()

    def _fail(self, text: str) -> None:
        self.status.setText(text)
        set_status(self.status, "fail")

    def _poll(self) -> None:
        update = self.session.poll() if self.session is not None else None
        if update is None:
            return
        if update.frame is not None:
            self.preview.setPixmap(frame_to_pixmap(update.frame, update.quad))
        if update.error:
            self._fail(update.error)
        if update.accepted is not None:
            self.lines = list(update.accepted)
            self.accept()

    def done(self, result: int) -> None:
        self._timer.stop()
        if self.session is not None:
            self.session.close()
            self.session = None
        super().done(result)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)

    @classmethod
    def read_mrz(cls, parent: QWidget | None, ctx: AppContext) -> list[str] | None:
        dialog = cls(parent, ctx)
        dialog.exec()
        return dialog.lines
