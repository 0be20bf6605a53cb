"""The supervisor's day: flows by hour, nationality, sex and age; alerts, corrections, overstays.

Queries run in the background (``backend.dashboard``); the daily report exports to PDF (drawn
here from the same figures) and CSV (the service's audited export of the day's crossings).
"""

from __future__ import annotations

import logging
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any, cast

from PySide6.QtCore import QDate, QEvent, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from border_client.ui import backend
from border_client.ui.charts import FlowChart
from border_client.ui.context import AppContext
from border_client.ui.errors import describe_error
from border_client.ui.main_window import Screen
from border_client.ui.theme import set_status

__all__ = ["DashboardScreen"]

log = logging.getLogger(__name__)


class _Tile(QFrame):
    """A big number with its caption."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setProperty("banner", "none")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        self.value = QLabel("–", self)
        self.value.setObjectName(f"{name}Value")
        font = self.value.font()
        font.setPointSize(22)
        font.setBold(True)
        self.value.setFont(font)
        self.caption = QLabel(self)
        layout.addWidget(self.value)
        layout.addWidget(self.caption)

    def set(self, value: int, status: str = "none") -> None:
        self.value.setText(f"{value:,}")
        set_status(self, status)


def _table(parent: QWidget, name: str) -> QTableWidget:
    table = QTableWidget(0, 0, parent)
    table.setObjectName(name)
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    return table


def _fill(table: QTableWidget, headers: list[str], rows: list[list[str]]) -> None:
    table.setColumnCount(len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.setRowCount(len(rows))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.setItem(r, c, QTableWidgetItem(value))


def _local(iso: str | None) -> str:
    if not iso:
        return ""
    return datetime.fromisoformat(iso).astimezone().strftime("%Y-%m-%d %H:%M")


class DashboardScreen(Screen):
    """Flows, alerts waiting, corrections waiting, overstays and inspectors' activity."""

    from border_client.services.common import Role as _Role

    required_role = _Role.SUPERVISOR

    reportExported = Signal(str)  # noqa: N815 - the file written
    exportFailed = Signal(str)  # noqa: N815 - the message shown

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("dashboardScreen")
        self.data: backend.DashboardData | None = None
        self.loading = False
        root = QVBoxLayout(self)
        root.setContentsMargins(12, 12, 12, 12)
        root.setSpacing(8)

        bar = QHBoxLayout()
        self.today_button = QPushButton(self)
        self.today_button.setObjectName("dashboardToday")
        self.from_date = QDateEdit(QDate.currentDate(), self)
        self.from_date.setObjectName("dashboardFrom")
        self.from_date.setCalendarPopup(True)
        self.from_date.setDisplayFormat("yyyy-MM-dd")
        self.to_date = QDateEdit(QDate.currentDate(), self)
        self.to_date.setObjectName("dashboardTo")
        self.to_date.setCalendarPopup(True)
        self.to_date.setDisplayFormat("yyyy-MM-dd")
        self.range_label = QLabel(self)
        self.refresh_button = QPushButton(self)
        self.refresh_button.setObjectName("dashboardRefresh")
        self.pdf_button = QPushButton(self)
        self.pdf_button.setObjectName("exportPdf")
        self.csv_button = QPushButton(self)
        self.csv_button.setObjectName("exportCsv")
        self.message = QLabel(self)
        self.message.setObjectName("dashboardMessage")
        self.message.setProperty("status", "none")
        self.message.hide()
        bar.addWidget(self.today_button)
        bar.addWidget(self.range_label)
        bar.addWidget(self.from_date)
        bar.addWidget(QLabel("–", self))
        bar.addWidget(self.to_date)
        bar.addWidget(self.refresh_button)
        bar.addStretch(1)
        bar.addWidget(self.message)
        bar.addWidget(self.pdf_button)
        bar.addWidget(self.csv_button)
        root.addLayout(bar)

        tiles = QHBoxLayout()
        self.entries_tile = _Tile("tileEntries", self)
        self.exits_tile = _Tile("tileExits", self)
        self.alerts_tile = _Tile("tileAlerts", self)
        self.overstays_tile = _Tile("tileOverstays", self)
        for tile in (self.entries_tile, self.exits_tile, self.alerts_tile, self.overstays_tile):
            tiles.addWidget(tile)
        root.addLayout(tiles)

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("dashboardTabs")
        flows = QWidget(self.tabs)
        grid = QGridLayout(flows)
        grid.setContentsMargins(0, 6, 0, 0)
        self.hour_chart = FlowChart(flows)
        self.nationality_chart = FlowChart(flows, horizontal=True)
        self.sex_chart = FlowChart(flows)
        self.age_chart = FlowChart(flows)
        grid.addWidget(self.hour_chart, 0, 0, 1, 2)
        grid.addWidget(self.nationality_chart, 0, 2, 2, 1)
        grid.addWidget(self.sex_chart, 1, 0)
        grid.addWidget(self.age_chart, 1, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        self.tabs.addTab(flows, "")

        alerts = QWidget(self.tabs)
        alerts_layout = QVBoxLayout(alerts)
        self.alerts_table = _table(alerts, "alertsTable")
        self.decide_button = QPushButton(alerts)
        self.decide_button.setObjectName("decideAlert")
        self.decide_button.clicked.connect(self.decide_selected_alert)
        self.alerts_table.doubleClicked.connect(lambda _i: self.decide_selected_alert())
        alerts_layout.addWidget(self.alerts_table)
        alerts_layout.addWidget(self.decide_button, 0, Qt.AlignmentFlag.AlignRight)
        self.tabs.addTab(alerts, "")

        corrections = QWidget(self.tabs)
        corrections_layout = QVBoxLayout(corrections)
        self.corrections_table = _table(corrections, "correctionsTable")
        corrections_layout.addWidget(self.corrections_table)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.reject_button = QPushButton(corrections)
        self.reject_button.setObjectName("rejectCorrection")
        self.approve_button = QPushButton(corrections)
        self.approve_button.setObjectName("approveCorrection")
        self.reject_button.clicked.connect(lambda: self.decide_selected_correction(False))
        self.approve_button.clicked.connect(lambda: self.decide_selected_correction(True))
        buttons.addWidget(self.reject_button)
        buttons.addWidget(self.approve_button)
        corrections_layout.addLayout(buttons)
        self.tabs.addTab(corrections, "")

        self.overstays_table = _table(self.tabs, "overstaysTable")
        self.tabs.addTab(self.overstays_table, "")
        self.activity_table = _table(self.tabs, "activityTable")
        self.tabs.addTab(self.activity_table, "")
        root.addWidget(self.tabs, 1)

        self.today_button.clicked.connect(self.show_today)
        self.refresh_button.clicked.connect(self.refresh)
        self.pdf_button.clicked.connect(self.choose_pdf)
        self.csv_button.clicked.connect(self.choose_csv)
        refresh = QAction(self)
        refresh.setShortcut(QKeySequence("Ctrl+R"))
        refresh.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        refresh.triggered.connect(self.refresh)
        self.addAction(refresh)
        ctx.signals.crossingSaved.connect(lambda _r: self._refresh_if_visible())
        ctx.signals.dataChanged.connect(self._refresh_if_visible)
        self.amendments: list[dict[str, Any]] = []
        today = ctx.post_today_qdate()
        self.from_date.setDate(today)
        self.to_date.setDate(today)
        self.retranslate_ui()

    # --- texts ------------------------------------------------------------------------------
    def title(self) -> str:
        return self.tr("Dashboard")

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.today_button.setText(self.tr("Today"))
        self.range_label.setText(self.tr("Range"))
        self.refresh_button.setText(self.tr("Refresh  Ctrl+R"))
        self.pdf_button.setText(self.tr("Daily report PDF…"))
        self.csv_button.setText(self.tr("Export CSV…"))
        self.entries_tile.caption.setText(self.tr("Entries"))
        self.exits_tile.caption.setText(self.tr("Exits"))
        self.alerts_tile.caption.setText(self.tr("Alerts waiting"))
        self.overstays_tile.caption.setText(self.tr("Overstays (inside now)"))
        self.decide_button.setText(self.tr("Decide…  Enter"))
        self.approve_button.setText(self.tr("Approve"))
        self.reject_button.setText(self.tr("Reject"))
        self._show()

    # --- data -------------------------------------------------------------------------------
    def activated(self) -> None:
        self.refresh()

    def _refresh_if_visible(self) -> None:
        if self.isVisible():
            self.refresh()

    def show_today(self) -> None:
        today = self.ctx.post_today_qdate()
        self.from_date.setDate(today)
        self.to_date.setDate(today)
        self.refresh()

    def range(self) -> tuple[datetime, datetime]:
        from zoneinfo import ZoneInfo

        tz = ZoneInfo(getattr(self.ctx, "post_timezone", None) or "UTC")
        start = cast(date, self.from_date.date().toPython())
        end = cast(date, self.to_date.date().toPython())
        if end < start:
            start, end = end, start
        return (
            datetime.combine(start, time.min, tz),
            datetime.combine(end, time.min, tz) + timedelta(days=1),
        )

    def refresh(self) -> None:
        from border_client.services.common import Role

        if not self.ctx.session.can(Role.SUPERVISOR):
            return
        since, until = self.range()
        store, session = self.ctx.store, self.ctx.session
        self.loading = True

        def work() -> tuple[backend.DashboardData, list[dict[str, Any]]]:
            return (
                backend.dashboard(store, session, since, until),
                backend.pending_amendments(store, session),
            )

        self.ctx.tasks.run(work, self._on_data, self._on_error)

    def _on_data(self, result: tuple[backend.DashboardData, list[dict[str, Any]]]) -> None:
        self.loading = False
        self.data, self.amendments = result
        self._show()

    def _on_error(self, exc: BaseException) -> None:
        self.loading = False
        self._message(describe_error(exc, "dashboard"), "fail")

    def _message(self, text: str, status: str) -> None:
        self.message.setText(text)
        set_status(self.message, status)
        self.message.show()

    def _show(self) -> None:
        d = self.data
        entry, exit_ = self.tr("Entries"), self.tr("Exits")
        self.tabs.setTabText(0, self.tr("Flows"))
        n_alerts = len(d.alerts) if d else 0
        self.tabs.setTabText(1, self.tr("Alerts waiting ({n})").format(n=n_alerts))
        self.tabs.setTabText(2, self.tr("Corrections ({n})").format(n=len(self.amendments)))
        self.tabs.setTabText(3, self.tr("Overstays ({n})").format(n=len(d.overstays) if d else 0))
        self.tabs.setTabText(4, self.tr("Inspectors"))
        if d is None:
            return
        s = d.summary
        self.entries_tile.set(int(s["entries"]))
        self.exits_tile.set(int(s["exits"]))
        self.alerts_tile.set(n_alerts, "fail" if n_alerts else "ok")
        self.overstays_tile.set(len(d.overstays), "warn" if d.overstays else "ok")
        hours = s["by_hour"]
        self.hour_chart.set_data(
            self.tr("By hour"),
            [str(h["hour"]) for h in hours],
            [h["entry"] for h in hours],
            [h["exit"] for h in hours],
            entry,
            exit_,
        )
        nats = list(reversed(s["by_nationality"]))  # largest at the top
        self.nationality_chart.set_data(
            self.tr("Top nationalities"),
            [n["nationality"] for n in nats],
            [n["entry"] for n in nats],
            [n["exit"] for n in nats],
            entry,
            exit_,
        )
        sexes = s["by_sex"]
        sex_names = {"F": self.tr("Female"), "M": self.tr("Male"), "X": self.tr("Unspecified")}
        self.sex_chart.set_data(
            self.tr("By sex"),
            [sex_names.get(k, k) for k in sexes],
            [v["entry"] for v in sexes.values()],
            [v["exit"] for v in sexes.values()],
            entry,
            exit_,
        )
        ages = s["by_age_band"]
        age_names = {"unknown": self.tr("unknown")}
        self.age_chart.set_data(
            self.tr("By age"),
            [age_names.get(k, k) for k in ages],
            [v["entry"] for v in ages.values()],
            [v["exit"] for v in ages.values()],
            entry,
            exit_,
        )
        kinds = {"document": self.tr("lost/stolen document"), "person": self.tr("person of interest")}
        _fill(
            self.alerts_table,
            [self.tr("Raised"), self.tr("Traveler"), self.tr("Document"), self.tr("Match"),
             self.tr("Reason"), self.tr("Inspector")],
            [
                [
                    _local(a.get("raised_at")),
                    f"{a.get('surname', '')}, {a.get('given_names', '')}",
                    str(a.get("document_number", "")),
                    f"{kinds.get(a.get('kind', ''), a.get('kind', ''))} {float(a.get('score') or 0):.0f}%",
                    str(a.get("reason", "")),
                    str(a.get("inspector", "")),
                ]
                for a in d.alerts
            ],
        )
        _fill(
            self.corrections_table,
            [self.tr("Requested"), self.tr("By"), self.tr("Changes"), self.tr("Reason")],
            [
                [
                    _local(a.get("requested_at")),
                    str(a.get("requested_by", "")),
                    ", ".join(f"{k} → {v}" for k, v in a.get("changes", {}).items()),
                    str(a.get("reason", "")),
                ]
                for a in self.amendments
            ],
        )
        _fill(
            self.overstays_table,
            [self.tr("Traveler"), self.tr("Nationality"), self.tr("Document"), self.tr("Entered"),
             self.tr("Days stayed"), self.tr("Allowed"), self.tr("Over by")],
            [
                [
                    f"{o.surname}, {o.given_names}",
                    o.nationality,
                    o.document_number,
                    o.entered_at.astimezone().strftime("%Y-%m-%d"),
                    str(o.days_stayed),
                    str(o.allowed_days),
                    str(o.days_over),
                ]
                for o in d.overstays
            ],
        )
        _fill(
            self.activity_table,
            [self.tr("Inspector"), self.tr("Entries"), self.tr("Exits"), self.tr("Total"),
             self.tr("First"), self.tr("Last")],
            [
                [
                    str(a["inspector"]),
                    str(a["entry"]),
                    str(a["exit"]),
                    str(a["total"]),
                    _local(a.get("first")),
                    _local(a.get("last")),
                ]
                for a in d.activity
            ],
        )

    # --- decisions --------------------------------------------------------------------------
    def keyPressEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.tabs.currentIndex() == 1:
            self.decide_selected_alert()
            return
        super().keyPressEvent(event)

    def decide_selected_alert(self) -> None:
        from border_client.ui.alert_dialog import AlertDialog

        if self.data is None:
            return
        row = self.alerts_table.currentRow()
        if not (0 <= row < len(self.data.alerts)):
            return
        alert = self.data.alerts[row]
        who = f"{alert.get('surname', '')}, {alert.get('given_names', '')}"
        choice = AlertDialog.ask(self, self.ctx, [alert], who)
        if choice is None:
            return
        store = self.ctx.store
        self.ctx.tasks.run(
            lambda: backend.decide_alert(
                store, choice.decider, alert["alert_id"], choice.decision, choice.note
            ),
            self._data_changed,
            lambda exc: self._message(describe_error(exc, "alert decision"), "fail"),
            write=True,
        )

    def _data_changed(self, _result: object = None) -> None:
        self.ctx.signals.dataChanged.emit()
        self.refresh()

    def decide_selected_correction(self, approve: bool) -> None:
        row = self.corrections_table.currentRow()
        if not (0 <= row < len(self.amendments)):
            return
        amendment_id = self.amendments[row]["amendment_id"]
        store, session = self.ctx.store, self.ctx.session
        self.ctx.tasks.run(
            lambda: backend.decide_amendment(store, session, amendment_id, approve),
            self._data_changed,
            lambda exc: self._message(describe_error(exc, "correction decision"), "fail"),
            write=True,
        )

    # --- exports ----------------------------------------------------------------------------
    def _default_name(self, ext: str) -> str:
        since, until = self.range()
        last = (until - timedelta(days=1)).date()
        span = f"{since.date()}" if since.date() == last else f"{since.date()}_{last}"
        return f"border-report-{span}.{ext}"

    def choose_pdf(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the daily report"), self._default_name("pdf"), "PDF (*.pdf)"
        )
        if path:
            self.export_pdf(Path(path))

    def choose_csv(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export the crossings"), self._default_name("csv"), "CSV (*.csv)"
        )
        if path:
            self.export_csv(Path(path))

    def export_csv(self, path: Path) -> None:
        from border_client.services.reporting import RecordFilter

        since, until = self.range()
        store, session = self.ctx.store, self.ctx.session

        def exported(n: int) -> None:
            self._message(self.tr("{n} crossing(s) exported to {name}.").format(n=n, name=path.name), "ok")
            self.reportExported.emit(str(path))

        def failed(exc: BaseException) -> None:
            self._message(describe_error(exc, "CSV export"), "fail")
            self.exportFailed.emit(str(exc))

        self.ctx.tasks.run(
            lambda: backend.export_csv(store, session, path, RecordFilter(since=since, until=until)),
            exported,
            failed,
        )

    def export_pdf(self, path: Path) -> bool:
        """Draw the report (figures, charts, lists) into *path* in the background.

        False when there is nothing to export; :attr:`reportExported` or :attr:`exportFailed`
        tell how it went.
        """
        from border_client.ui.report_pdf import collect_report, render_pdf

        if self.data is None:
            self._message(self.tr("Nothing to export yet."), "warn")
            return False
        content = collect_report(self)
        since, until = self.range()
        store, session = self.ctx.store, self.ctx.session

        def work() -> Path:
            written = render_pdf(content, path)
            backend.record_report_export(
                store, session, "pdf", {"since": since.isoformat(), "until": until.isoformat()}
            )
            return written

        def done(written: Path) -> None:
            self._message(self.tr("Report saved to {name}.").format(name=written.name), "ok")
            self.reportExported.emit(str(written))

        def failed(exc: BaseException) -> None:
            text = describe_error(exc, "PDF export")
            self._message(text, "fail")
            self.exportFailed.emit(text)

        self.ctx.tasks.run(work, done, failed, write=True)
        return True
