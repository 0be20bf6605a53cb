"""A watchlist hit stops the counter: nothing is saved until a supervisor decides."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from border_client.ui import backend
from border_client.ui.context import AppContext
from border_client.ui.errors import describe_error
from border_client.ui.theme import set_status

__all__ = ["AlertDialog"]


def _field(hit: Any, key: str) -> Any:
    return hit.get(key) if isinstance(hit, dict) else getattr(hit, key, None)


class AlertDialog(QDialog):
    """Shows the hits and takes a decision (allowed, refused, referred) with a note.

    A supervisor logged in decides directly; an inspector asks a supervisor to enter their
    own user name and password here, so the decision is recorded under the supervisor's name.
    """

    def __init__(self, parent: QWidget | None, ctx: AppContext, hits: list[Any], traveler: str):
        super().__init__(parent)
        from border_client.services.common import Role

        self.setObjectName("alertDialog")
        self.ctx = ctx
        self.choice: backend.AlertChoice | None = None
        self.self_decides = ctx.session.can(Role.SUPERVISOR)
        self.setWindowTitle(self.tr("Watchlist match"))
        self.setMinimumWidth(620)
        layout = QVBoxLayout(self)
        heading = QLabel(
            self.tr("Watchlist match: {who}. The crossing is on hold until a supervisor decides.")
            .format(who=traveler),
            self,
        )
        heading.setWordWrap(True)
        heading.setProperty("status", "fail")
        layout.addWidget(heading)
        for hit in hits:
            kind = _field(hit, "kind")
            kind_text = (
                self.tr("Lost or stolen document")
                if kind == "document"
                else self.tr("Person of interest")
            )
            score = _field(hit, "score")
            label = QLabel(
                self.tr("{kind} — match {score:.0f}% — {reason}").format(
                    kind=kind_text, score=float(score or 0), reason=_field(hit, "reason") or ""
                ),
                self,
            )
            label.setObjectName("alertHit")
            label.setWordWrap(True)
            label.setProperty("status", "warn")
            layout.addWidget(label)

        box = QGroupBox(self.tr("Decision"), self)
        form = QFormLayout(box)
        self.supervisor = QLineEdit(box)
        self.supervisor.setObjectName("supervisorUser")
        self.password = QLineEdit(box)
        self.password.setObjectName("supervisorPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        if not self.self_decides:
            hint = QLabel(
                self.tr("Your role cannot decide. A supervisor enters their own name and password."),
                box,
            )
            hint.setWordWrap(True)
            form.addRow(hint)
            form.addRow(self.tr("Supervisor"), self.supervisor)
            form.addRow(self.tr("Password"), self.password)
        else:
            self.supervisor.hide()
            self.password.hide()
        decisions = QHBoxLayout()
        self.group = QButtonGroup(self)
        self.radios: dict[str, QRadioButton] = {}
        for key, text in (
            ("allowed", self.tr("&Allow crossing")),
            ("refused", self.tr("&Refuse crossing")),
            ("referred", self.tr("Re&fer (second line)")),
        ):
            radio = QRadioButton(text, box)
            radio.setObjectName(f"decision_{key}")
            self.group.addButton(radio)
            self.radios[key] = radio
            decisions.addWidget(radio)
        form.addRow(decisions)
        self.note = QLineEdit(box)
        self.note.setObjectName("decisionNote")
        self.note.setPlaceholderText(self.tr("why (required)"))
        form.addRow(self.tr("&Note"), self.note)
        layout.addWidget(box)
        self.message = QLabel(self)
        self.message.setObjectName("alertMessage")
        self.message.setWordWrap(True)
        self.message.setProperty("status", "fail")
        self.message.hide()
        layout.addWidget(self.message)
        buttons = QHBoxLayout()
        self.cancel_button = QPushButton(self.tr("Cancel — do not save  Esc"), self)
        self.cancel_button.clicked.connect(self.reject)
        self.decide_button = QPushButton(self.tr("Record decision  Enter"), self)
        self.decide_button.setObjectName("recordDecision")
        self.decide_button.setProperty("primary", True)
        self.decide_button.setDefault(True)
        self.decide_button.clicked.connect(self._decide)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.decide_button)
        layout.addLayout(buttons)
        (self.supervisor if not self.self_decides else self.radios["refused"]).setFocus(
            Qt.FocusReason.OtherFocusReason
        )

    def _error(self, text: str) -> None:
        self.message.setText(text)
        set_status(self.message, "fail")
        self.message.show()
        self.decide_button.setEnabled(True)

    def _decide(self) -> None:
        decision = next((k for k, r in self.radios.items() if r.isChecked()), None)
        note = self.note.text().strip()
        if decision is None:
            self._error(self.tr("Choose allow, refuse or refer."))
            return
        if not note:
            self._error(self.tr("Write a short note on why."))
            self.note.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        if self.self_decides:
            self.choice = backend.AlertChoice(decision, note, self.ctx.session)
            self.accept()
            return
        user = self.supervisor.text().strip().lower()
        password = self.password.text()
        if not user or not password:
            self._error(self.tr("The supervisor's name and password are needed."))
            return
        self.decide_button.setEnabled(False)
        store = self.ctx.store
        self.ctx.tasks.run(
            lambda: backend.supervisor_login(store, user, password),
            lambda session: self._on_supervisor(session, decision, note),
            lambda exc: self._error(describe_error(exc, "supervisor log-in")),
        )

    def _on_supervisor(self, session: Any, decision: str, note: str) -> None:
        self.choice = backend.AlertChoice(decision, note, session)
        self.accept()

    @classmethod
    def ask(
        cls, parent: QWidget | None, ctx: AppContext, hits: list[Any], traveler: str
    ) -> backend.AlertChoice | None:
        """The decision, or None when cancelled (then nothing is saved)."""
        dialog = cls(parent, ctx, hits, traveler)
        dialog.exec()
        return dialog.choice
