"""The traveler's history beside the counter form: previous crossings and the stay."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from border_client.ui.theme import set_status

__all__ = ["HistoryView"]


class HistoryView(QWidget):
    """Shows a :class:`TravelerCheck` (history, days stayed, overstay, watchlist hits)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("historyView")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.summary = QLabel(self)
        self.summary.setObjectName("historySummary")
        self.summary.setWordWrap(True)
        self.summary.setProperty("status", "none")
        layout.addWidget(self.summary)
        self.table = QTableWidget(0, 4, self)
        self.table.setObjectName("historyTable")
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.setAlternatingRowColors(True)
        layout.addWidget(self.table, 1)
        self.check: Any = None
        self.retranslate_ui()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.table.setHorizontalHeaderLabels(
            [self.tr("When"), self.tr("Direction"), self.tr("Post"), self.tr("Inspector")]
        )
        if self.check is not None:
            self.show_check(self.check)
        elif not self.summary.text():
            self.summary.setText(self.tr("Read a document to see the traveler's crossings."))

    def clear(self) -> None:
        self.check = None
        self.table.setRowCount(0)
        self.summary.setText(self.tr("Read a document to see the traveler's crossings."))
        set_status(self.summary, "none")

    def show_error(self, text: str) -> None:
        self.summary.setText(text)
        set_status(self.summary, "fail")

    def direction_text(self, direction: str) -> str:
        return self.tr("Entry") if direction == "entry" else self.tr("Exit")

    def show_check(self, check: Any) -> None:
        self.check = check
        history = list(check.history)
        self.table.setRowCount(len(history))
        for row, c in enumerate(history):
            when = c.local_time.strftime("%Y-%m-%d %H:%M")
            values = (when, self.direction_text(c.direction), c.post_code, c.inspector)
            for col, value in enumerate(values):
                self.table.setItem(row, col, QTableWidgetItem(value))
        lines: list[str] = []
        status = "ok"
        if not history:
            lines.append(self.tr("First crossing on record for this traveler."))
        else:
            lines.append(self.tr("{n} crossing(s) on record.").format(n=len(history)))
        if check.days_stayed is not None:
            if check.allowed_days is None:
                lines.append(
                    self.tr("In the country for {days} day(s); no stay limit applies.").format(
                        days=check.days_stayed
                    )
                )
            else:
                lines.append(
                    self.tr("In the country for {days} day(s); {allowed} allowed.").format(
                        days=check.days_stayed, allowed=check.allowed_days
                    )
                )
        if check.overstay:
            lines.append(self.tr("⚠ OVERSTAY: past the allowed stay."))
            status = "fail"
        if check.hits:
            lines.append(
                self.tr("⚠ Watchlist: {n} possible match(es). A decision is needed to save.").format(
                    n=len(check.hits)
                )
            )
            status = "fail"
        self.summary.setText("\n".join(lines))
        set_status(self.summary, status)
