"""MRZ input and the parsed-document view: the heart of the counter screen.

:class:`MrzInput` takes typed, pasted or keyboard-wedge input (a document reader that "types"
each line followed by Enter) and parses as soon as two or three complete lines are present.
:class:`MrzDocumentView` shows the parsed fields, each check digit's status and the warnings.
Every rule (line lengths, check digits, dates, country names) comes from
:mod:`border_client.domain`; this module only arranges it for the eye.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from border_client.domain import mrz as mrz_domain
from border_client.domain.countries import country_name
from border_client.ui.i18n import QT_TRANSLATE_NOOP
from border_client.ui.theme import monospace_font, set_status

__all__ = ["MrzInput", "MrzDocumentView", "MrzReadout", "MrzState", "mrz_shapes", "complete_lines"]

log = logging.getLogger(__name__)


def _tr(text: str) -> str:
    return QCoreApplication.translate("MrzView", text)


@lru_cache(maxsize=1)
def mrz_shapes() -> frozenset[tuple[int, int]]:
    """(line count, line length) of every MRZ format, read from the parser's field layouts."""
    shapes = set()
    for specs in mrz_domain.FIELD_LAYOUTS.values():
        lines: dict[int, int] = {}
        for spec in specs:
            lines[spec.line] = max(lines.get(spec.line, 0), spec.end)
        shapes.add((len(lines), max(lines.values())))
    return frozenset(shapes)


def complete_lines(lines: list[str]) -> list[str] | None:
    """*lines* as a complete MRZ, or None while more characters are still to come.

    Some readers send the whole zone without line breaks: a single line whose length is a
    whole MRZ is split into its lines.
    """
    shapes = mrz_shapes()
    if len(lines) == 1:
        for count, length in shapes:
            if len(lines[0]) == count * length:
                return [lines[0][i * length : (i + 1) * length] for i in range(count)]
        return None
    if (len(lines), len(lines[0])) in shapes and all(len(x) == len(lines[0]) for x in lines):
        return lines
    return None


def _could_grow(lines: list[str]) -> bool:
    """True while *lines* can still become a complete MRZ by typing more."""
    shapes = mrz_shapes()
    longest = max(length for _, length in shapes)
    most = max(count for count, _ in shapes)
    if len(lines) == 1:
        return len(lines[0]) < most * longest
    if len(lines) > most:
        return False
    # Every line but the last must already have a legal length, all the same.
    first = len(lines[0])
    if not any(first == length and len(lines) <= count for count, length in shapes):
        return False
    return all(len(x) == first for x in lines[:-1]) and len(lines[-1]) <= first


@dataclass(frozen=True)
class MrzState:
    """Where the input stands: empty, in progress, parsed, or in error."""

    kind: str  # "empty" | "partial" | "parsed" | "error"
    document: Any = None  # MrzDocument when parsed
    message: str = ""
    lines: tuple[str, ...] = ()


def evaluate(text: str, today: Any = None) -> MrzState:
    """Turn the input text into an :class:`MrzState` (pure; no widgets)."""
    if not text.strip():
        return MrzState("empty")
    try:
        lines = mrz_domain.normalize_mrz_input(text)
    except mrz_domain.MrzError as exc:
        return MrzState("error", message=str(exc))
    if not lines:
        return MrzState("empty")
    full = complete_lines(lines)
    if full is None and _could_grow(lines):
        return MrzState("partial", lines=tuple(lines))
    try:
        doc = mrz_domain.parse_mrz(full or lines, today=today)
    except mrz_domain.MrzError as exc:
        return MrzState("error", message=str(exc), lines=tuple(lines))
    return MrzState("parsed", document=doc, lines=tuple(doc.lines))


class MrzInput(QPlainTextEdit):
    """The MRZ field: parses as soon as a whole MRZ is present.

    Enter adds a line while the MRZ is incomplete (keyboard-wedge readers end each line with
    it); once a whole MRZ is in, Enter emits :attr:`completed` so the counter can move on.
    """

    stateChanged = Signal(object)  # noqa: N815 - MrzState
    completed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mrzInput")
        self.setFont(monospace_font(12))
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.setTabChangesFocus(True)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        metrics = self.fontMetrics()
        self.setMinimumHeight(metrics.lineSpacing() * 3 + 22)
        self.setMaximumHeight(metrics.lineSpacing() * 3 + 26)
        self.setMinimumWidth(metrics.horizontalAdvance("<" * 44) + 24)
        self.state = MrzState("empty")
        self.today: Any = None  # tests pin the date; None means the real today
        self.textChanged.connect(self._on_text_changed)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setPlaceholderText(
            self.tr("Scan, type or paste the machine-readable zone (2 or 3 lines)")
        )
        self.setAccessibleName(self.tr("Machine-readable zone"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def set_mrz(self, lines: list[str] | tuple[str, ...] | str) -> None:
        """Fill the field from a scanner or reader (replaces what was there)."""
        text = lines if isinstance(lines, str) else "\n".join(lines)
        self.setPlainText(text)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                event.ignore()  # Ctrl+Enter belongs to the window (save)
                return
            if self.state.kind == "parsed":
                self.completed.emit()
                return
        super().keyPressEvent(event)

    def _on_text_changed(self) -> None:
        state = evaluate(self.toPlainText(), today=self.today)
        if state != self.state:
            self.state = state
            self.stateChanged.emit(state)


# (field key, label, check key or None); labels are marked here and translated when shown.
FIELD_ROWS: tuple[tuple[str, str, str | None], ...] = (
    ("document_code", QT_TRANSLATE_NOOP("MrzView", "Document"), None),
    ("issuing_state", QT_TRANSLATE_NOOP("MrzView", "Issuing state"), None),
    ("document_number", QT_TRANSLATE_NOOP("MrzView", "Document number"), "document_number"),
    ("surname", QT_TRANSLATE_NOOP("MrzView", "Surname"), None),
    ("given_names", QT_TRANSLATE_NOOP("MrzView", "Given names"), None),
    ("nationality", QT_TRANSLATE_NOOP("MrzView", "Nationality"), None),
    ("birth_date", QT_TRANSLATE_NOOP("MrzView", "Date of birth"), "birth_date"),
    ("sex", QT_TRANSLATE_NOOP("MrzView", "Sex"), None),
    ("expiry_date", QT_TRANSLATE_NOOP("MrzView", "Date of expiry"), "expiry_date"),
    ("optional_data", QT_TRANSLATE_NOOP("MrzView", "Optional data"), "optional_data"),
    ("optional_data_2", QT_TRANSLATE_NOOP("MrzView", "Optional data (line 2)"), None),
    ("composite", QT_TRANSLATE_NOOP("MrzView", "Composite check"), "composite"),
)
_FIELD_SOURCE = {key: label for key, label, _ in FIELD_ROWS}

FORMAT_NAMES = {
    "TD1": QT_TRANSLATE_NOOP("MrzView", "ID card (TD1)"),
    "TD2": QT_TRANSLATE_NOOP("MrzView", "ID document (TD2)"),
    "TD3": QT_TRANSLATE_NOOP("MrzView", "Passport (TD3)"),
    "MRVA": QT_TRANSLATE_NOOP("MrzView", "Visa (MRV-A)"),
    "MRVB": QT_TRANSLATE_NOOP("MrzView", "Visa (MRV-B)"),
}


CHECK_NAMES = {
    "document_number": QT_TRANSLATE_NOOP("MrzView", "document number"),
    "birth_date": QT_TRANSLATE_NOOP("MrzView", "date of birth"),
    "expiry_date": QT_TRANSLATE_NOOP("MrzView", "date of expiry"),
    "optional_data": QT_TRANSLATE_NOOP("MrzView", "optional data"),
    "composite": QT_TRANSLATE_NOOP("MrzView", "composite"),
}


class MrzDocumentView(QWidget):
    """The parsed document: one row per field with its check digit status, then warnings."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mrzDocumentView")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(8)

        self.banner = QFrame(self)
        self.banner.setObjectName("mrzBanner")
        self.banner.setProperty("banner", "none")
        banner_layout = QVBoxLayout(self.banner)
        banner_layout.setContentsMargins(10, 8, 10, 8)
        self.banner_label = QLabel(self.banner)
        self.banner_label.setObjectName("mrzVerdict")
        self.banner_label.setWordWrap(True)
        font = self.banner_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        font.setBold(True)
        self.banner_label.setFont(font)
        banner_layout.addWidget(self.banner_label)
        self.warnings_label = QLabel(self.banner)
        self.warnings_label.setObjectName("mrzWarnings")
        self.warnings_label.setWordWrap(True)
        self.warnings_label.setTextFormat(Qt.TextFormat.PlainText)
        banner_layout.addWidget(self.warnings_label)
        outer.addWidget(self.banner)

        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        grid.setVerticalSpacing(6)
        grid.setColumnStretch(1, 1)
        self.labels: dict[str, QLabel] = {}
        self.values: dict[str, QLabel] = {}
        self.checks: dict[str, QLabel] = {}
        for row, (key, _label, check) in enumerate(FIELD_ROWS):
            name = QLabel(self)
            name.setProperty("role", "field")
            value = QLabel(self)
            value.setObjectName(f"value_{key}")
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setTextFormat(Qt.TextFormat.PlainText)
            value.setWordWrap(True)
            grid.addWidget(name, row, 0)
            grid.addWidget(value, row, 1)
            self.labels[key] = name
            self.values[key] = value
            if check is not None:
                badge = QLabel(self)
                badge.setObjectName(f"check_{check}")
                badge.setProperty("status", "none")
                badge.setAlignment(Qt.AlignmentFlag.AlignCenter)
                badge.setMinimumWidth(96)
                grid.addWidget(badge, row, 2)
                self.checks[check] = badge
        outer.addLayout(grid)
        outer.addStretch(1)
        self.state = MrzState("empty")
        self.extra_warnings: list[str] = []
        self.retranslate_ui()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        for key, label in self.labels.items():
            label.setText(_tr(_FIELD_SOURCE[key]))
        self.show_state(self.state)

    def _country(self, code: str | None) -> str:
        if not code:
            return ""
        name = country_name(code)
        return f"{code} — {name}" if name else f"{code} — " + self.tr("unknown code")


    def format_value(self, key: str, d: dict[str, Any]) -> str:
        """The text shown for field *key* of a parsed document's ``to_dict()``."""
        value = d.get(key)
        if key == "document_code":
            fmt = str(d.get("format") or "")
            return f"{value}  ·  {_tr(FORMAT_NAMES.get(fmt, fmt))}"
        if key in ("issuing_state", "nationality"):
            return self._country(value)
        if key in ("birth_date", "expiry_date"):
            raw = d.get(f"{key}_raw") or ""
            if value:
                return str(value)
            return self.tr("unknown") + (f" ({raw})" if raw else "")
        if key == "sex":
            return {"M": self.tr("Male"), "F": self.tr("Female"), "X": self.tr("Unspecified")}.get(
                str(value), str(value or "")
            ) + (f" ({value})" if value else "")
        if key == "composite":
            return ""
        return "" if value is None else str(value)

    def check_text(self, status: bool | None) -> tuple[str, str]:
        if status is True:
            return "ok", "✓ " + self.tr("passes")
        if status is False:
            return "fail", "✗ " + self.tr("FAILS")
        return "none", "— " + self.tr("none")

    def set_extra_warnings(self, warnings: list[str]) -> None:
        """Warnings the services add about this document (e.g. expired, a minor)."""
        self.extra_warnings = list(warnings)
        self.show_state(self.state)

    def show_state(self, state: MrzState) -> None:
        if state != self.state:
            self.extra_warnings = []
        self.state = state
        d: dict[str, Any] = state.document.to_dict() if state.kind == "parsed" else {}
        for key, value in self.values.items():
            value.setText(self.format_value(key, d) if d else "")
        checks: dict[str, bool | None] = d.get("checks", {}) if d else {}
        for key, badge in self.checks.items():
            if d:
                status, text = self.check_text(checks.get(key))
            else:
                status, text = "none", ""
            badge.setText(text)
            set_status(badge, status if d else "none")
            badge.setVisible(bool(d))
        tm1 = bool(d) and d.get("format") == "TD1"
        self.labels["optional_data_2"].setVisible(tm1)
        self.values["optional_data_2"].setVisible(tm1)

        warnings: list[str] = list(d.get("warnings", [])) if d else []
        warnings += [w for w in self.extra_warnings if w not in warnings]
        if state.kind == "empty":
            set_status(self.banner, "none")
            self.banner_label.setText(self.tr("Waiting for a document"))
            self.warnings_label.setText(
                self.tr("Scan the data page, or type the MRZ: each line ends with Enter.")
            )
            return
        if state.kind == "partial":
            set_status(self.banner, "none")
            self.banner_label.setText(self.tr("Reading…"))
            self.warnings_label.setText(
                "  ".join(
                    self.tr("Line {n}: {count} characters").format(n=i + 1, count=len(line))
                    for i, line in enumerate(state.lines)
                )
            )
            return
        if state.kind == "error":
            set_status(self.banner, "fail")
            self.banner_label.setText(self.tr("This is not a readable MRZ"))
            self.warnings_label.setText(state.message)
            return
        failed = [k for k, v in checks.items() if v is False]
        if failed:
            set_status(self.banner, "fail")
            self.banner_label.setText(
                self.tr("Check digit failed: {fields}").format(
                    fields=", ".join(_tr(CHECK_NAMES.get(k, k)) for k in failed)
                )
            )
        elif d.get("valid"):
            set_status(self.banner, "warn" if warnings else "ok")
            self.banner_label.setText(self.tr("Every check digit passes"))
        else:
            set_status(self.banner, "warn")
            self.banner_label.setText(self.tr("Not valid: see the warnings"))
        self.warnings_label.setText("\n".join("⚠ " + w for w in warnings))


class MrzReadout(QWidget):
    """The MRZ field above the parsed document: the first screen, and the counter's core."""

    documentRead = Signal(object)  # noqa: N815 - MrzDocument

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.mrz_input = MrzInput(self)
        self.document_view = MrzDocumentView(self)
        layout.addWidget(self.mrz_input)
        layout.addWidget(self.document_view, 1)
        self.mrz_input.stateChanged.connect(self._on_state)

    def _on_state(self, state: MrzState) -> None:
        self.document_view.show_state(state)
        if state.kind == "parsed":
            self.documentRead.emit(state.document)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() == Qt.Key.Key_Escape:
            self.mrz_input.clear()
            return
        super().keyPressEvent(event)
