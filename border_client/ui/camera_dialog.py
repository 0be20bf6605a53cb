"""The camera: a live preview with the detected MRZ outlined; closes once a reading is accepted.

``scanning.camera.CameraScanner`` captures and scans on its own threads; this dialog only
polls its newest preview (no frame ever queues up on the UI thread) and receives the accepted
reading through a queued signal.
"""

from __future__ import annotations

import logging
from typing import Any

from PySide6.QtCore import QObject, QPointF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPen, QPixmap, QPolygonF
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from border_client.ui.context import AppContext
from border_client.ui.errors import describe_error
from border_client.ui.theme import set_status

__all__ = ["CameraDialog", "CameraReading", "FacePhotoDialog", "frame_to_pixmap"]

log = logging.getLogger(__name__)

PREVIEW_WIDTH = 800


def frame_to_pixmap(frame: Any, quad: Any = None, width: int = PREVIEW_WIDTH) -> QPixmap:
    """A BGR (or gray) numpy frame as a pixmap scaled to *width*, with the MRZ outlined."""
    import numpy as np

    if frame.ndim == 2:
        h, w = frame.shape
        image = QImage(np.ascontiguousarray(frame).data, w, h, w, QImage.Format.Format_Grayscale8)
    else:
        h, w, _ = frame.shape
        rgb = np.ascontiguousarray(frame[:, :, ::-1])
        image = QImage(rgb.data, w, h, 3 * w, QImage.Format.Format_RGB888)
    scale = width / float(w)
    pixmap = QPixmap.fromImage(
        image.scaledToWidth(width, Qt.TransformationMode.FastTransformation)
    )
    if quad:
        painter = QPainter(pixmap)
        pen = QPen(QColor("#00c853"))
        pen.setWidth(3)
        painter.setPen(pen)
        painter.drawPolygon(QPolygonF([QPointF(x * scale, y * scale) for x, y in quad]))
        painter.end()
    return pixmap


class _Relay(QObject):
    accepted = Signal(object)
    failed = Signal(str)


class CameraReading:
    """What the camera gave the counter: the MRZ lines and the frame they were read from."""

    def __init__(self, lines: list[str], frame: Any, quad: Any) -> None:
        self.lines = lines
        self.frame = frame
        self.quad = quad


class CameraDialog(QDialog):
    """Shows the camera and returns the first accepted MRZ (or None when closed)."""

    def __init__(self, parent: QWidget | None, ctx: AppContext) -> None:
        super().__init__(parent)
        self.setObjectName("cameraDialog")
        self.ctx = ctx
        self.reading: CameraReading | None = None
        self.scanner: Any = None
        self.setWindowTitle(self.tr("Camera"))
        self.setMinimumSize(840, 600)
        layout = QVBoxLayout(self)
        self.preview = QLabel(self)
        self.preview.setObjectName("cameraPreview")
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setMinimumSize(PREVIEW_WIDTH, 450)
        self.preview.setStyleSheet("background: #1d2733; color: white;")
        layout.addWidget(self.preview, 1)
        self.status = QLabel(self)
        self.status.setObjectName("cameraStatus")
        self.status.setWordWrap(True)
        self.status.setProperty("status", "none")
        layout.addWidget(self.status)
        buttons = self.buttons_row = QHBoxLayout()
        buttons.addStretch(1)
        self.close_button = QPushButton(self.tr("Close  Esc"), self)
        self.close_button.setAutoDefault(False)
        self.close_button.clicked.connect(self.reject)
        buttons.addWidget(self.close_button)
        layout.addLayout(buttons)
        self._relay = _Relay()
        self._relay.accepted.connect(self._on_accepted, Qt.ConnectionType.QueuedConnection)
        self._relay.failed.connect(self._fail, Qt.ConnectionType.QueuedConnection)
        self._timer = QTimer(self)
        self._timer.setInterval(66)  # ~15 previews a second; scanning runs at its own pace
        self._timer.timeout.connect(self._show_preview)
        self._last_index = -1
        self.status.setText(
            self.tr("Opening camera {source}…").format(source=ctx.preferences.camera_source)
        )
        QTimer.singleShot(0, self._open)

    def _open(self) -> None:
        from border_client.scanning.camera import CameraScanner

        self.scanner = CameraScanner(
            self.ctx.preferences.camera_source,
            on_result=lambda result: self._relay.accepted.emit(result),
            on_error=lambda message: self._relay.failed.emit(message),
        )
        scanner = self.scanner
        # Opening a device or a stream can take seconds: never on the UI thread.
        self.ctx.tasks.run(scanner.start, lambda _r: self._started(), self._open_failed, long=True)

    def _started(self) -> None:
        if self.scanner is None:
            return
        self.status.setText(self.tr("Hold the data page still under the camera."))
        set_status(self.status, "none")
        self._timer.start()

    def _open_failed(self, exc: BaseException) -> None:
        self._fail(
            self.tr("The camera could not be opened: {reason}").format(
                reason=str(exc) or describe_error(exc, "camera")
            )
        )

    def _fail(self, text: str) -> None:
        self.status.setText(text)
        set_status(self.status, "fail")

    def _show_preview(self) -> None:
        if self.scanner is None:
            return
        preview = self.scanner.preview()
        if preview.frame is None or preview.frame_index == self._last_index:
            return
        self._last_index = preview.frame_index
        self.preview.setPixmap(frame_to_pixmap(preview.frame, preview.quad if preview.found else None))

    def _on_accepted(self, camera_result: Any) -> None:
        result = camera_result.result
        self.reading = CameraReading(list(result.lines), camera_result.frame, result.quad)
        self.accept()

    def done(self, result: int) -> None:
        self._timer.stop()
        scanner, self.scanner = self.scanner, None
        if scanner is not None:
            # Joining the capture threads can take a moment: off the UI thread too.
            self.ctx.tasks.run(scanner.stop, long=True)
        super().done(result)

    @classmethod
    def read_mrz(cls, parent: QWidget | None, ctx: AppContext) -> CameraReading | None:
        dialog = cls(parent, ctx)
        dialog.exec()
        return dialog.reading


class FacePhotoDialog(CameraDialog):
    """The camera pointed at the traveler: Enter takes the photo (the face is cut out)."""

    def __init__(self, parent: QWidget | None, ctx: AppContext) -> None:
        super().__init__(parent, ctx)
        self.setObjectName("facePhotoDialog")
        self.setWindowTitle(self.tr("Face photo"))
        self.photo: bytes | None = None
        self.capture_button = QPushButton(self.tr("Take the photo  Enter"), self)
        self.capture_button.setObjectName("capturePhoto")
        self.capture_button.setProperty("primary", True)
        self.capture_button.setDefault(True)
        self.capture_button.clicked.connect(self.capture)
        self.buttons_row.addWidget(self.capture_button)

    def _started(self) -> None:
        super()._started()
        self.status.setText(self.tr("Ask the traveler to look at the camera, then press Enter."))

    def _on_accepted(self, camera_result: Any) -> None:
        """An MRZ in view is not what this dialog is for: keep the preview running."""

    def capture(self) -> None:
        from border_client.ui import backend

        if self.scanner is None:
            return
        frame = self.scanner.preview().frame
        if frame is None:
            self._fail(self.tr("No picture from the camera yet."))
            return
        self.capture_button.setEnabled(False)

        def done(photo: bytes | None) -> None:
            self.capture_button.setEnabled(True)
            if photo is None:
                self._fail(self.tr("No face found in the picture: try again."))
                return
            self.photo = photo
            self.accept()

        self.ctx.tasks.run(lambda: backend.crop_photo(frame, None), done)

    @classmethod
    def take_photo(cls, parent: QWidget | None, ctx: AppContext) -> bytes | None:
        dialog = cls(parent, ctx)
        dialog.exec()
        return dialog.photo
