"""The counter: the inspector's main screen (document input, parsed fields, crossing form).

Every source of a document ends in the MRZ field: a scanner image (read in a worker), the
camera, a serial reader, a keyboard-wedge reader or the inspector's own typing.  Saving is one
key (Enter in the crossing form, or Ctrl+S anywhere) and runs on the single writer thread.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from border_client.ui.context import AppContext
from border_client.ui.crossing_form import CrossingForm
from border_client.ui.errors import describe_error
from border_client.ui.history import HistoryView
from border_client.ui.main_window import Screen
from border_client.ui.mrz_view import MrzDocumentView, MrzInput, MrzState
from border_client.ui.theme import set_status

__all__ = ["CounterScreen"]

log = logging.getLogger(__name__)

IMAGE_FILTER = "*.jpg *.jpeg *.png *.tif *.tiff *.bmp *.webp"


class CounterScreen(Screen):
    """Document input and crossing form on the left; the document and history on the right."""

    documentRead = Signal(object)  # noqa: N815 - MrzDocument, once a whole MRZ parses
    scanFinished = Signal(object)  # noqa: N815 - ScanResult of an image file
    crossingSaved = Signal(object)  # noqa: N815 - the registration result
    saveFailed = Signal(str)  # noqa: N815 - the message shown
    travelerChecked = Signal(object)  # noqa: N815 - TravelerCheck of the document on screen
    photoReady = Signal(object)  # noqa: N815 - the holder's photo (JPEG bytes) or None

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("counterScreen")
        self.scan: Any = None  # ScanResult of the image the MRZ came from, if any
        self.scan_path: Path | None = None
        self.saving = False
        self.check: Any = None
        self.photo: bytes | None = None
        self.photo_pending: Any = None  # the scan whose photo is being cropped
        self.save_after_photo = False
        root = QHBoxLayout(self)
        root.setContentsMargins(12, 12, 12, 12)
        root.setSpacing(12)

        # --- left: input and crossing ---
        left = QVBoxLayout()
        left.setSpacing(10)
        self.input_box = QGroupBox(self)
        box = QVBoxLayout(self.input_box)
        self.mrz_input = MrzInput(self.input_box)
        box.addWidget(self.mrz_input)
        sources = QHBoxLayout()
        self.open_button = QPushButton(self.input_box)
        self.open_button.setObjectName("openImage")
        self.open_button.clicked.connect(self.choose_image)
        self.camera_button = QPushButton(self.input_box)
        self.camera_button.setObjectName("openCamera")
        self.camera_button.clicked.connect(self.open_camera)
        self.face_button = QPushButton(self.input_box)
        self.face_button.setObjectName("takeFacePhoto")
        self.face_button.clicked.connect(self.take_face_photo)
        sources.addWidget(self.open_button)
        sources.addWidget(self.camera_button)
        sources.addWidget(self.face_button)
        sources.addStretch(1)
        box.addLayout(sources)
        self.reader_label = QLabel(self.input_box)
        self.reader_label.setObjectName("readerStatus")
        self.reader_label.setProperty("role", "hint")
        self.reader_label.setWordWrap(True)
        box.addWidget(self.reader_label)
        self.scan_label = QLabel(self.input_box)
        self.scan_label.setObjectName("scanStatus")
        self.scan_label.setWordWrap(True)
        self.scan_label.setProperty("status", "none")
        self.scan_label.hide()
        box.addWidget(self.scan_label)
        left.addWidget(self.input_box)

        self.crossing_box = QGroupBox(self)
        crossing = QVBoxLayout(self.crossing_box)
        self.form = CrossingForm(self.crossing_box)
        crossing.addWidget(self.form)
        buttons = QHBoxLayout()
        self.save_message = QLabel(self.crossing_box)
        self.save_message.setObjectName("saveMessage")
        self.save_message.setWordWrap(True)
        self.save_message.setProperty("status", "none")
        self.save_message.hide()
        self.save_message.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.clear_button = QPushButton(self.crossing_box)
        self.clear_button.setObjectName("clearCounter")
        self.clear_button.clicked.connect(self.clear)
        self.save_button = QPushButton(self.crossing_box)
        self.save_button.setObjectName("saveCrossing")
        self.save_button.setProperty("primary", True)
        self.save_button.clicked.connect(self.save)
        self.save_button.setEnabled(False)
        buttons.addWidget(self.save_message, 1)
        buttons.addWidget(self.clear_button)
        buttons.addWidget(self.save_button)
        crossing.addLayout(buttons)
        left.addWidget(self.crossing_box)
        left.addStretch(1)
        root.addLayout(left, 1)

        # --- right: document and history ---
        right = QVBoxLayout()
        right.setSpacing(10)
        self.document_box = QGroupBox(self)
        doc_layout = QHBoxLayout(self.document_box)
        self.document_view = MrzDocumentView(self.document_box)
        doc_layout.addWidget(self.document_view, 1)
        self.photo_label = QLabel(self.document_box)
        self.photo_label.setObjectName("holderPhoto")
        self.photo_label.setFixedSize(96, 124)
        self.photo_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
        self.photo_label.hide()
        doc_layout.addWidget(self.photo_label, 0, Qt.AlignmentFlag.AlignTop)
        right.addWidget(self.document_box, 3)
        self.history_box = QGroupBox(self)
        history_layout = QVBoxLayout(self.history_box)
        self.history = HistoryView(self.history_box)
        history_layout.addWidget(self.history)
        right.addWidget(self.history_box, 2)
        root.addLayout(right, 1)

        # Tab follows the form: document, crossing fields, save; the rarer buttons come last.
        chain = [
            self.mrz_input,
            self.form.entry_radio,
            self.form.exit_radio,
            self.form.mode_combo,
            self.form.plate_edit,
            self.form.purpose_combo,
            self.form.place_edit,
            self.form.remarks_edit,
            self.save_button,
            self.clear_button,
            self.open_button,
            self.camera_button,
            self.face_button,
        ]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

        self.save_action = QAction(self)
        self.save_action.setShortcut(QKeySequence("Ctrl+S"))
        self.save_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.save_action.triggered.connect(self.save)
        self.open_action = QAction(self)
        self.open_action.setShortcut(QKeySequence("Ctrl+O"))
        self.open_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.open_action.triggered.connect(self.choose_image)
        self.camera_action = QAction(self)
        self.camera_action.setShortcut(QKeySequence("F6"))
        self.camera_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.camera_action.triggered.connect(self.open_camera)
        self.face_action = QAction(self)
        self.face_action.setShortcut(QKeySequence("F7"))
        self.face_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.face_action.triggered.connect(self.take_face_photo)
        for action in (self.save_action, self.open_action, self.camera_action, self.face_action):
            self.addAction(action)

        self.mrz_input.stateChanged.connect(self._on_mrz_state)
        self.mrz_input.completed.connect(self._focus_form)
        self.form.saveRequested.connect(self.save)
        self.retranslate_ui()

    # --- texts ------------------------------------------------------------------------------
    def title(self) -> str:
        return self.tr("Counter")

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.input_box.setTitle(self.tr("Travel document"))
        self.mrz_input.setToolTip(
            self.tr(
                "A document reader types the lines here by itself. To type by hand, press Enter "
                "at the end of each line; the fields fill in as soon as the last line is complete."
            )
        )
        self.open_button.setText(self.tr("Open scan…  Ctrl+O"))
        self.camera_button.setText(self.tr("Camera…  F6"))
        self.face_button.setText(self.tr("Face photo…  F7"))
        self.crossing_box.setTitle(self.tr("Crossing"))
        self.clear_button.setText(self.tr("Clear  Esc"))
        self.save_button.setText(self.tr("Save  Enter"))
        self.save_button.setToolTip(self.tr("Enter in any field, or Ctrl+S"))
        self.document_box.setTitle(self.tr("What the document says"))
        self.history_box.setTitle(self.tr("Traveler's history"))
        if self.scan is not None:
            self._show_scan(self.scan, self.scan_path)

    # --- screen ------------------------------------------------------------------------------
    def activated(self) -> None:
        self.mrz_input.setFocus(Qt.FocusReason.OtherFocusReason)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() == Qt.Key.Key_Escape:
            self.clear()
            return
        super().keyPressEvent(event)

    def _on_photo(self, scan: Any, photo: bytes | None) -> None:
        if self.photo_pending is not scan:
            return  # another document is on screen now
        self.photo_pending = None
        self.set_photo(photo)
        self.photoReady.emit(photo)
        if self.save_after_photo:
            self.save_after_photo = False
            self.save()

    def set_photo(self, photo: bytes | None) -> None:
        """The holder's photo that will be saved with the crossing (None: no photo)."""
        from PySide6.QtGui import QPixmap

        self.photo = photo
        if photo:
            pixmap = QPixmap()
            pixmap.loadFromData(photo)
            self.photo_label.setPixmap(
                pixmap.scaled(
                    self.photo_label.size(),
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
            self.photo_label.show()
        else:
            self.photo_label.clear()
            self.photo_label.hide()

    def clear(self) -> None:
        self.check = None
        self.photo_pending = None
        self.save_after_photo = False
        self.set_photo(None)
        self.scan = None
        self.scan_path = None
        self.scan_label.hide()
        self.save_message.hide()
        self.mrz_input.clear()
        self.form.reset()
        self.history.clear()
        self.mrz_input.setFocus(Qt.FocusReason.OtherFocusReason)

    def _focus_form(self) -> None:
        self.form.entry_radio.setFocus(Qt.FocusReason.TabFocusReason)
        if self.form.exit_radio.isChecked():
            self.form.exit_radio.setFocus(Qt.FocusReason.TabFocusReason)

    def _on_mrz_state(self, state: MrzState) -> None:
        self.document_view.show_state(state)
        if self.scan is not None and tuple(self.scan.lines) != state.lines:
            # Another document, or the inspector corrected the scanned text: the scan's
            # doubts and its photo no longer belong to what is on screen.
            self.scan = None
            self.scan_label.hide()
            self.photo_pending = None
            self.save_after_photo = False
            self.set_photo(None)
        self.save_button.setEnabled(state.kind == "parsed" and not self.saving)
        if state.kind == "parsed":
            self.save_message.hide()
            self.documentRead.emit(state.document)
            self.load_history(state.document)
        else:
            self.history.clear()

    # --- image files ------------------------------------------------------------------------
    def choose_image(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open a scan of the document"), "", self.tr("Images") + f" ({IMAGE_FILTER})"
        )
        if path:
            self.scan_image(Path(path))

    def scan_image(self, path: Path) -> None:
        """Read the MRZ of *path* in the background; the field fills in when it is found."""
        from border_client.ui import backend

        self.clear()
        self.scan_label.setText(self.tr("Reading {name}…").format(name=path.name))
        set_status(self.scan_label, "none")
        self.scan_label.show()
        self.ctx.tasks.run(
            lambda: backend.scan_document(path),
            lambda scanned: self._on_scanned(path, scanned),
            lambda exc: self._on_scan_error(path, exc),
        )

    def _on_scanned(self, path: Path, scanned: Any) -> None:
        from border_client.ui import backend

        result = scanned.result
        if result.found and result.lines:
            self.mrz_input.set_mrz(result.lines)
            # After set_mrz, so the text change does not drop them.
            self.scan = result
            self.scan_path = path
            # The photo crop is slower than the MRZ: it runs on its own while the inspector
            # checks the fields; a save asked for meanwhile waits for it.
            image, quad = scanned.image, result.quad
            self.photo_pending = result
            self.ctx.tasks.run(
                lambda: backend.crop_photo(image, quad),
                lambda photo: self._on_photo(result, photo),
                lambda exc: self._on_photo(result, None),
            )
        else:
            self.scan = None
        self._show_scan(result, path)
        self.scanFinished.emit(result)
        if result.found and self.mrz_input.state.kind == "parsed":
            self._focus_form()

    def _show_scan(self, result: Any, path: Path | None) -> None:
        name = path.name if path is not None else ""
        if not result.found:
            self.scan_label.setText(
                self.tr("No MRZ found in {name}: {reason}. Try another scan, or type it.").format(
                    name=name, reason=result.error or self.tr("nothing readable")
                )
            )
            set_status(self.scan_label, "fail")
        elif result.uncertain:
            self.scan_label.setText(
                self.tr(
                    "Read from {name}, but some characters are in doubt ({fields}). Compare with "
                    "the document and correct the text."
                ).format(name=name, fields=", ".join(result.uncertain))
            )
            set_status(self.scan_label, "warn")
        else:
            self.scan_label.setText(
                self.tr("Read from {name} in {ms} ms.").format(
                    name=name, ms=int(round(result.elapsed_ms))
                )
            )
            set_status(self.scan_label, "ok" if result.valid else "warn")
        self.scan_label.show()

    def _on_scan_error(self, path: Path, exc: BaseException) -> None:
        self.scan_label.setText(describe_error(exc, "scan"))
        set_status(self.scan_label, "fail")
        self.scan_label.show()

    # --- devices ----------------------------------------------------------------------------
    def open_camera(self) -> None:
        from border_client.ui.camera_dialog import CameraDialog

        reading = CameraDialog.read_mrz(self, self.ctx)
        if reading is not None:
            self.take_camera_reading(reading)

    def take_face_photo(self) -> None:
        """The traveler's face from the camera, replacing the one cut from the document."""
        from border_client.ui.camera_dialog import FacePhotoDialog

        if self.mrz_input.state.kind != "parsed":
            return
        photo = FacePhotoDialog.take_photo(self, self.ctx)
        if photo is not None:
            self.photo_pending = None
            self.save_after_photo = False
            self.set_photo(photo)

    def take_camera_reading(self, reading: Any) -> None:
        """An MRZ accepted by the camera: fill the field and cut the photo from its frame."""
        from border_client.ui import backend

        self.clear()
        self.mrz_input.set_mrz(reading.lines)
        if self.mrz_input.state.kind != "parsed":
            return
        token = object()
        self.photo_pending = token
        frame, quad = reading.frame, reading.quad
        self.ctx.tasks.run(
            lambda: backend.crop_photo(frame, quad),
            lambda photo: self._on_photo(token, photo),
            lambda exc: self._on_photo(token, None),
        )
        self._focus_form()

    def set_reader_status(self, text: str) -> None:
        self.reader_label.setText(text)

    def receive_mrz(self, lines: list[str]) -> None:
        """A complete MRZ from a serial document reader."""
        if self.saving:
            return
        self.clear()
        self.mrz_input.set_mrz(lines)
        if self.mrz_input.state.kind == "parsed":
            self._focus_form()

    # --- history and saving -----------------------------------------------------------------
    def load_history(self, document: Any) -> None:
        from border_client.ui import backend

        store = self.ctx.store
        session = self.ctx.session
        key = tuple(document.lines)
        self.check = None
        self.ctx.tasks.run(
            lambda: backend.check_traveler(store, session, document),
            lambda check: self._on_check(key, check),
            lambda exc: self.history.show_error(describe_error(exc, "traveler check")),
        )

    def _on_check(self, key: tuple[str, ...], check: Any) -> None:
        if self.mrz_input.state.kind != "parsed" or tuple(self.mrz_input.state.lines) != key:
            return  # a later document is on screen
        self.check = check
        self.history.show_check(check)
        # The check digits are already shown field by field; other warnings from the
        # services (an expired document, a minor, ...) join the document's own.
        self.document_view.set_extra_warnings(
            [w for w in check.warnings if "check digit" not in w]
        )
        if check.history:
            last = check.history[0]
            reason = self.tr("last crossing: {direction} on {day}").format(
                direction=self.history.direction_text(last.direction),
                day=last.local_time.strftime("%Y-%m-%d"),
            )
        else:
            reason = self.tr("no crossing on record")
        self.form.set_direction(check.suggested_direction, reason)
        self.travelerChecked.emit(check)

    def _traveler_text(self, document: Any) -> str:
        return f"{document.surname}, {document.given_names} ({document.document_number})"

    def save(self) -> None:
        state = self.mrz_input.state
        if self.saving or state.kind != "parsed":
            return
        if self.photo_pending is not None:
            self.save_after_photo = True
            self._show_message(self.tr("Saving… (cutting out the photo)"), "none")
            self.save_button.setEnabled(False)
            return
        from PySide6.QtWidgets import QMessageBox

        from border_client.ui import backend
        from border_client.ui.alert_dialog import AlertDialog

        document = state.document
        allow_invalid = False
        if not document.valid:
            answer = QMessageBox.warning(
                self,
                self.tr("Check digit failed"),
                self.tr(
                    "The MRZ fails its check digits: it was misread, mistyped or altered. "
                    "Compare it with the document. Register it anyway as UNVERIFIED?"
                ),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
            allow_invalid = True
        choice = None
        check = self.check
        if check is not None and check.hits and tuple(self.mrz_input.state.lines) == state.lines:
            choice = AlertDialog.ask(self, self.ctx, list(check.hits), self._traveler_text(document))
            if choice is None:
                self._show_message(self.tr("Not saved: the watchlist match needs a decision."), "warn")
                return
        details = self.form.details()
        store = self.ctx.store
        session = self.ctx.session
        photo = self.photo
        self.saving = True
        self.save_button.setEnabled(False)
        self._show_message(self.tr("Saving…"), "none")
        self.ctx.tasks.run(
            lambda: backend.register_crossing(
                store,
                session,
                document,
                details,
                choice=choice,
                allow_invalid=allow_invalid,
                photo=photo,
            ),
            lambda result: self._on_saved(result, document),
            self._on_save_failed,
            write=True,
        )

    def _show_message(self, text: str, status: str) -> None:
        self.save_message.setText(text)
        set_status(self.save_message, status)
        self.save_message.show()

    def _on_saved(self, result: Any, document: Any) -> None:
        from border_client.ui import backend
        from border_client.ui.alert_dialog import AlertDialog

        self.saving = False
        pending = backend.undecided_alerts(result)
        if pending:
            # The list changed between the check and the save (a sync arrived): decide now.
            choice = AlertDialog.ask(self, self.ctx, pending, self._traveler_text(document))
            if choice is not None:
                store = self.ctx.store
                self.ctx.tasks.run(
                    lambda: [
                        backend.decide_alert(store, choice.decider, a["alert_id"], choice.decision,
                                             choice.note)
                        for a in pending
                    ],
                    lambda decided: self._finish_saved(result, decided),
                    self._on_save_failed,
                    write=True,
                )
                return
            self._finish_saved(result)
            self._show_message(
                self.tr("Saved, but the watchlist alert waits in the supervisor's queue."), "warn"
            )
            return
        self._finish_saved(result)

    def _finish_saved(self, result: Any, decided: list[Any] | None = None) -> None:
        alerts = decided if decided is not None else list(result.alerts)
        decisions = {a.get("decision") for a in alerts}
        c = result.crossing
        direction = self.history.direction_text(c.direction)
        who = f"{c.surname}, {c.given_names}"
        self.clear()
        if "refused" in decisions:
            self._show_message(
                self.tr("{direction} REFUSED and recorded: {who}").format(direction=direction, who=who),
                "fail",
            )
        elif "referred" in decisions:
            self._show_message(
                self.tr("Referred and recorded: {who}").format(who=who), "warn"
            )
        else:
            text = self.tr("{direction} saved: {who}").format(direction=direction, who=who)
            if result.warnings:
                text += "\n" + "\n".join("⚠ " + w for w in result.warnings)
            self._show_message(text, "warn" if result.warnings else "ok")
        self.crossingSaved.emit(result)
        self.ctx.signals.crossingSaved.emit(result)

    def _on_save_failed(self, exc: BaseException) -> None:
        self.saving = False
        text = describe_error(exc, "registration")
        self._show_message(
            self.tr("Not saved: {reason} The form is kept; try again.").format(reason=text), "fail"
        )
        self.save_button.setEnabled(self.mrz_input.state.kind == "parsed")
        self.saveFailed.emit(text)
