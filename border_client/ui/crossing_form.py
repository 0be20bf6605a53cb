"""The crossing details an inspector adds to what the document says: direction, mode, purpose."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QWidget,
)

from border_client.ui.i18n import QT_TRANSLATE_NOOP

__all__ = ["CrossingDetails", "CrossingForm", "TRAVEL_MODES", "PURPOSES"]

TRAVEL_MODES = (
    ("land", QT_TRANSLATE_NOOP("CrossingForm", "Land")),
    ("sea", QT_TRANSLATE_NOOP("CrossingForm", "Sea")),
    ("air", QT_TRANSLATE_NOOP("CrossingForm", "Air")),
)
# Suggestions only: the field stays free text, stored as typed or as the English key below.
PURPOSES = (
    ("tourism", QT_TRANSLATE_NOOP("CrossingForm", "Tourism")),
    ("family", QT_TRANSLATE_NOOP("CrossingForm", "Family visit")),
    ("business", QT_TRANSLATE_NOOP("CrossingForm", "Business")),
    ("work", QT_TRANSLATE_NOOP("CrossingForm", "Work")),
    ("trade", QT_TRANSLATE_NOOP("CrossingForm", "Trade / market")),
    ("study", QT_TRANSLATE_NOOP("CrossingForm", "Study")),
    ("transit", QT_TRANSLATE_NOOP("CrossingForm", "Transit")),
    ("return", QT_TRANSLATE_NOOP("CrossingForm", "Returning resident")),
    ("other", QT_TRANSLATE_NOOP("CrossingForm", "Other")),
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("CrossingForm", text)


@dataclass(frozen=True)
class CrossingDetails:
    direction: str  # "entry" | "exit"
    travel_mode: str  # "land" | "sea" | "air"
    vehicle_plate: str
    purpose: str
    origin_destination: str
    remarks: str


class CrossingForm(QWidget):
    """Direction, travel mode, vehicle, purpose, origin or destination, remarks.

    Alt+E / Alt+X pick entry or exit; Enter in any field asks the counter to save.
    """

    saveRequested = Signal()  # noqa: N815

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("crossingForm")
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.setVerticalSpacing(8)

        direction_row = QHBoxLayout()
        self.entry_radio = QRadioButton(self)
        self.entry_radio.setObjectName("directionEntry")
        self.exit_radio = QRadioButton(self)
        self.exit_radio.setObjectName("directionExit")
        self.direction_group = QButtonGroup(self)
        self.direction_group.addButton(self.entry_radio)
        self.direction_group.addButton(self.exit_radio)
        self.entry_radio.setChecked(True)
        self.exit_radio.toggled.connect(lambda _checked: self._update_place_label())
        direction_row.addWidget(self.entry_radio)
        direction_row.addWidget(self.exit_radio)
        direction_row.addStretch(1)
        self.direction_hint = QLabel(self)  # why the direction was preselected
        self.direction_hint.setObjectName("directionHint")
        self.direction_hint.setProperty("role", "hint")

        self.mode_combo = QComboBox(self)
        self.mode_combo.setObjectName("travelMode")
        for key, _label in TRAVEL_MODES:
            self.mode_combo.addItem("", key)
        self.plate_edit = QLineEdit(self)
        self.plate_edit.setObjectName("vehiclePlate")
        self.plate_edit.setMaxLength(20)
        self.purpose_combo = QComboBox(self)
        self.purpose_combo.setObjectName("purpose")
        self.purpose_combo.setEditable(True)
        for key, _label in PURPOSES:
            self.purpose_combo.addItem("", key)
        self.place_edit = QLineEdit(self)
        self.place_edit.setObjectName("originDestination")
        self.place_edit.setMaxLength(80)
        self.remarks_edit = QLineEdit(self)
        self.remarks_edit.setObjectName("remarks")
        self.remarks_edit.setMaxLength(500)

        self._labels = [QLabel(self) for _ in range(7)]
        fields: tuple[QWidget | QHBoxLayout, ...] = (
            direction_row,
            self.direction_hint,
            self.mode_combo,
            self.plate_edit,
            self.purpose_combo,
            self.place_edit,
            self.remarks_edit,
        )
        for label, field in zip(self._labels, fields, strict=True):
            form.addRow(label, field)
            if isinstance(field, QWidget):
                label.setBuddy(field)
        self._labels[0].setBuddy(self.entry_radio)
        self._form = form

        for edit in (self.plate_edit, self.place_edit, self.remarks_edit):
            edit.returnPressed.connect(self.saveRequested)
        line = self.purpose_combo.lineEdit()
        if line is not None:
            line.returnPressed.connect(self.saveRequested)
        self.retranslate_ui()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        # Enter saves from anywhere in the form. Line edits already signal returnPressed (and
        # pass the key on), so only the radio buttons and the fixed lists are handled here.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            focus = self.focusWidget()
            if isinstance(focus, QRadioButton) or (
                isinstance(focus, QComboBox) and not focus.isEditable()
            ):
                self.saveRequested.emit()
                return
        super().keyPressEvent(event)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.entry_radio.setText(self.tr("&Entry"))
        self.exit_radio.setText(self.tr("E&xit"))
        labels = (
            self.tr("&Direction"),
            "",
            self.tr("Travel &mode"),
            self.tr("&Vehicle plate"),
            self.tr("&Purpose"),
            "",
            self.tr("&Remarks"),
        )
        for label, text in zip(self._labels, labels, strict=True):
            label.setText(text)
        self._update_place_label()
        for i, (_key, mode_text) in enumerate(TRAVEL_MODES):
            self.mode_combo.setItemText(i, _tr(mode_text))
        current = self.purpose_combo.currentText()
        for i, (_key, purpose_text) in enumerate(PURPOSES):
            self.purpose_combo.setItemText(i, _tr(purpose_text))
        self.purpose_combo.setEditText(current)
        self.plate_edit.setPlaceholderText(self.tr("only for a vehicle"))

    def _update_place_label(self) -> None:
        entry = self.direction == "entry"
        self._labels[5].setText(self.tr("&Coming from") if entry else self.tr("&Going to"))

    @property
    def direction(self) -> str:
        return "exit" if self.exit_radio.isChecked() else "entry"

    def set_direction(self, direction: str, reason: str = "") -> None:
        (self.exit_radio if direction == "exit" else self.entry_radio).setChecked(True)
        self.direction_hint.setText(reason)
        self._update_place_label()

    def details(self) -> CrossingDetails:
        index = self.purpose_combo.currentIndex()
        text = self.purpose_combo.currentText().strip()
        purpose = text
        # A suggestion picked from the list is stored by its key, whatever the UI language.
        if 0 <= index < len(PURPOSES) and text == self.purpose_combo.itemText(index):
            purpose = PURPOSES[index][0]
        return CrossingDetails(
            direction=self.direction,
            travel_mode=str(self.mode_combo.currentData()),
            vehicle_plate=self.plate_edit.text().strip().upper(),
            purpose=purpose,
            origin_destination=self.place_edit.text().strip(),
            remarks=self.remarks_edit.text().strip(),
        )

    def reset(self) -> None:
        """Clear per-traveler fields; keep mode and purpose (queues are often alike)."""
        self.plate_edit.clear()
        self.place_edit.clear()
        self.remarks_edit.clear()
        self.direction_hint.clear()
