"""Correcting a crossing: a request with a reason, approved by a supervisor (never an edit)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from border_client.ui import backend
from border_client.ui.context import AppContext
from border_client.ui.errors import describe_error
from border_client.ui.theme import set_status

__all__ = ["AmendDialog"]


class AmendDialog(QDialog):
    """One field, its new value and why; the request is saved as an audited amendment."""

    def __init__(self, parent: QWidget | None, ctx: AppContext, crossing: Any) -> None:
        super().__init__(parent)
        self.setObjectName("amendDialog")
        self.ctx = ctx
        self.crossing = crossing
        self.setWindowTitle(self.tr("Correct a crossing"))
        self.setMinimumWidth(520)
        form = QFormLayout(self)
        intro = QLabel(
            self.tr(
                "A crossing is never changed in place: this records a correction with its reason. "
                "It applies once a supervisor approves it."
            ),
            self,
        )
        intro.setWordWrap(True)
        form.addRow(intro)
        self.field = QComboBox(self)
        self.field.setObjectName("amendField")
        from PySide6.QtCore import QCoreApplication

        from border_client.ui.records import CrossingDetail

        labels = dict(CrossingDetail.FIELDS)
        for key in backend.amendable_fields():
            label = labels.get(key)
            text = QCoreApplication.translate("CrossingDetail", label) if label else key
            self.field.addItem(text, key)
        self.current = QLabel(self)
        self.value = QLineEdit(self)
        self.value.setObjectName("amendValue")
        self.reason = QLineEdit(self)
        self.reason.setObjectName("amendReason")
        form.addRow(self.tr("&Field"), self.field)
        form.addRow(self.tr("Now"), self.current)
        form.addRow(self.tr("&New value"), self.value)
        form.addRow(self.tr("&Reason"), self.reason)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.hide()
        form.addRow(self.message)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Request correction"))
        self.buttons.accepted.connect(self._submit)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self.field.currentIndexChanged.connect(self._show_current)
        self._show_current()

    def _show_current(self) -> None:
        key = self.field.currentData()
        value = getattr(self.crossing, key, "")
        self.current.setText("" if value is None else str(value))

    def _submit(self) -> None:
        key = str(self.field.currentData())
        value = self.value.text().strip()
        reason = self.reason.text().strip()
        if not reason:
            self.message.setText(self.tr("A correction needs a reason."))
            set_status(self.message, "fail")
            self.message.show()
            return
        store, session = self.ctx.store, self.ctx.session
        crossing_id = self.crossing.crossing_id
        self.buttons.setEnabled(False)

        def failed(exc: BaseException) -> None:
            self.buttons.setEnabled(True)
            self.message.setText(describe_error(exc, "correction"))
            set_status(self.message, "fail")
            self.message.show()

        self.ctx.tasks.run(
            lambda: backend.request_amendment(store, session, crossing_id, {key: value}, reason),
            lambda _row: self.accept(),
            failed,
            write=True,
        )

    @classmethod
    def request(cls, parent: QWidget | None, ctx: AppContext, crossing: Any) -> bool:
        return cls(parent, ctx, crossing).exec() == QDialog.DialogCode.Accepted
