"""The counter: the inspector's main screen (document input, parsed fields, crossing form)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from border_client.ui.mrz_view import MrzDocumentView, MrzInput, MrzState

__all__ = ["CounterScreen"]


class CounterScreen(QWidget):
    """Document input on the left; what was read, checked and warned about on the right."""

    documentRead = Signal(object)  # noqa: N815 - MrzDocument, once a whole MRZ parses

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("counterScreen")
        root = QHBoxLayout(self)
        root.setContentsMargins(12, 12, 12, 12)
        root.setSpacing(12)

        left = QVBoxLayout()
        self.input_box = QGroupBox(self)
        box_layout = QVBoxLayout(self.input_box)
        self.mrz_input = MrzInput(self.input_box)
        self.input_hint = QLabel(self.input_box)
        self.input_hint.setProperty("role", "hint")
        self.input_hint.setWordWrap(True)
        box_layout.addWidget(self.mrz_input)
        box_layout.addWidget(self.input_hint)
        left.addWidget(self.input_box)
        left.addStretch(1)
        root.addLayout(left, 5)

        self.document_box = QGroupBox(self)
        doc_layout = QVBoxLayout(self.document_box)
        self.document_view = MrzDocumentView(self.document_box)
        doc_layout.addWidget(self.document_view)
        root.addWidget(self.document_box, 6)

        self.mrz_input.stateChanged.connect(self._on_mrz_state)
        self.retranslate_ui()
        self.mrz_input.setFocus(Qt.FocusReason.OtherFocusReason)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.input_box.setTitle(self.tr("Travel document"))
        self.input_hint.setText(
            self.tr(
                "A document reader types the lines here by itself. To type by hand, press "
                "Enter at the end of each line; the fields fill in as soon as the last line "
                "is complete. Esc clears."
            )
        )
        self.document_box.setTitle(self.tr("What the document says"))

    def keyPressEvent(self, event: object) -> None:  # noqa: N802 - Qt override
        from PySide6.QtGui import QKeyEvent

        if isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_Escape:
            self.clear()
            return
        super().keyPressEvent(event)  # type: ignore[arg-type]

    def clear(self) -> None:
        self.mrz_input.clear()
        self.mrz_input.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_mrz_state(self, state: MrzState) -> None:
        self.document_view.show_state(state)
        if state.kind == "parsed":
            self.documentRead.emit(state.document)
