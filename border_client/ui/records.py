"""Records: the post's crossings, searchable and filterable, fast at a million rows."""

from __future__ import annotations

import logging
from datetime import date, datetime, time, timedelta
from typing import Any, cast

from PySide6.QtCore import QDate, QEvent, QModelIndex, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from border_client.ui import backend
from border_client.ui.context import AppContext
from border_client.ui.errors import describe_error
from border_client.ui.i18n import QT_TRANSLATE_NOOP
from border_client.ui.main_window import Screen
from border_client.ui.paged_model import Column, PagedTableModel, PageRequest

__all__ = ["RecordsScreen", "RECORD_COLUMNS", "make_records_model"]

log = logging.getLogger(__name__)


def _when(value: Any, row: Any) -> str:
    local = getattr(row, "local_time", None)
    return local.strftime("%Y-%m-%d %H:%M") if local is not None else str(value or "")


def _direction(value: Any, row: Any) -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate(
        "Columns", "Entry" if value == "entry" else "Exit" if value == "exit" else str(value)
    )


def _status(value: Any, row: Any) -> str:
    from PySide6.QtCore import QCoreApplication

    names = {
        "cleared": QT_TRANSLATE_NOOP("Columns", "cleared"),
        "pending": QT_TRANSLATE_NOOP("Columns", "ALERT pending"),
        "allowed": QT_TRANSLATE_NOOP("Columns", "alert: allowed"),
        "refused": QT_TRANSLATE_NOOP("Columns", "REFUSED"),
        "referred": QT_TRANSLATE_NOOP("Columns", "referred"),
    }
    text = QCoreApplication.translate("Columns", names.get(str(value), str(value)))
    extras = []
    if getattr(row, "amended", False):
        extras.append(QCoreApplication.translate("Columns", "amended"))
    if getattr(row, "overstay", False):
        extras.append(QCoreApplication.translate("Columns", "overstay"))
    if not getattr(row, "mrz_valid", True):
        extras.append(QCoreApplication.translate("Columns", "unverified MRZ"))
    return ", ".join([text, *extras])


def _choice(value: Any, row: Any) -> str:
    """A travel mode or purpose key in the reader's language (free text stays as typed)."""
    from PySide6.QtCore import QCoreApplication

    from border_client.ui.crossing_form import PURPOSES, TRAVEL_MODES

    labels = dict(TRAVEL_MODES) | dict(PURPOSES)
    text = "" if value is None else str(value)
    return QCoreApplication.translate("CrossingForm", labels[text]) if text in labels else text


_MARKS = (
    QT_TRANSLATE_NOOP("Columns", "Entry"),
    QT_TRANSLATE_NOOP("Columns", "Exit"),
    QT_TRANSLATE_NOOP("Columns", "amended"),
    QT_TRANSLATE_NOOP("Columns", "overstay"),
    QT_TRANSLATE_NOOP("Columns", "unverified MRZ"),
)

RECORD_COLUMNS = (
    Column("occurred_at", QT_TRANSLATE_NOOP("Columns", "When (local)"), _when),
    Column("direction", QT_TRANSLATE_NOOP("Columns", "Direction"), _direction),
    Column("surname", QT_TRANSLATE_NOOP("Columns", "Surname")),
    Column("given_names", QT_TRANSLATE_NOOP("Columns", "Given names")),
    Column("nationality", QT_TRANSLATE_NOOP("Columns", "Nationality")),
    Column("document_number", QT_TRANSLATE_NOOP("Columns", "Document")),
    Column("birth_date", QT_TRANSLATE_NOOP("Columns", "Born")),
    Column("sex", QT_TRANSLATE_NOOP("Columns", "Sex")),
    Column("travel_mode", QT_TRANSLATE_NOOP("Columns", "Mode"), _choice),
    Column("inspector", QT_TRANSLATE_NOOP("Columns", "Inspector")),
    Column("status", QT_TRANSLATE_NOOP("Columns", "Status"), _status),
)


def make_records_model(ctx: AppContext, parent: Any = None) -> PagedTableModel:
    def count(filters: Any) -> int:
        return backend.count_records(ctx.store, ctx.session, filters)

    def page(filters: Any, request: PageRequest) -> list[Any]:
        return backend.records_page(ctx.store, ctx.session, filters, request)

    # 100 rows fill four screens; a page costs its worker ~2 ms of Python (rows and their
    # alert status) besides SQLite's time, which runs without the interpreter lock.
    return PagedTableModel(RECORD_COLUMNS, count, page, ctx.tasks, page_size=100, parent=parent)


class RecordsScreen(Screen):
    """Search and filters above, the table, and the selected crossing's detail beside it."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("recordsScreen")
        root = QVBoxLayout(self)
        root.setContentsMargins(12, 12, 12, 12)
        root.setSpacing(8)

        self.filter_box = QGroupBox(self)
        filters = QHBoxLayout(self.filter_box)
        self.name_edit = QLineEdit(self.filter_box)
        self.name_edit.setObjectName("filterName")
        self.document_edit = QLineEdit(self.filter_box)
        self.document_edit.setObjectName("filterDocument")
        self.nationality_edit = QLineEdit(self.filter_box)
        self.nationality_edit.setObjectName("filterNationality")
        self.nationality_edit.setMaxLength(3)
        self.nationality_edit.setMaximumWidth(70)
        self.inspector_edit = QLineEdit(self.filter_box)
        self.inspector_edit.setObjectName("filterInspector")
        self.inspector_edit.setMaximumWidth(120)
        self.direction_combo = QComboBox(self.filter_box)
        self.direction_combo.setObjectName("filterDirection")
        for key in ("", "entry", "exit"):
            self.direction_combo.addItem("", key)
        self.range_check = QCheckBox(self.filter_box)
        self.range_check.setObjectName("filterRange")
        self.from_date = QDateEdit(QDate.currentDate().addDays(-7), self.filter_box)
        self.from_date.setCalendarPopup(True)
        self.from_date.setDisplayFormat("yyyy-MM-dd")
        self.to_date = QDateEdit(QDate.currentDate(), self.filter_box)
        self.to_date.setCalendarPopup(True)
        self.to_date.setDisplayFormat("yyyy-MM-dd")
        self.search_button = QPushButton(self.filter_box)
        self.search_button.setObjectName("searchRecords")
        self.search_button.setProperty("primary", True)
        for widget in (
            self.name_edit,
            self.document_edit,
            self.nationality_edit,
            self.inspector_edit,
            self.direction_combo,
            self.range_check,
            self.from_date,
            self.to_date,
            self.search_button,
        ):
            filters.addWidget(widget)
        root.addWidget(self.filter_box)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.model = make_records_model(ctx, self)
        self.table = QTableView(splitter)
        self.table.setObjectName("recordsTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setDefaultSectionSize(26)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)

        self.detail = CrossingDetail(ctx, splitter)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([760, 380])
        root.addWidget(splitter, 1)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("recordsCount")
        self.count_label.setProperty("role", "hint")
        root.addWidget(self.count_label)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(300)
        self._debounce.timeout.connect(self.search)
        for edit in (self.name_edit, self.document_edit, self.nationality_edit, self.inspector_edit):
            edit.textEdited.connect(lambda _t: self._debounce.start())
            edit.returnPressed.connect(self.search)
        self.direction_combo.currentIndexChanged.connect(lambda _i: self.search())
        self.range_check.toggled.connect(lambda _c: self.search())
        self.from_date.dateChanged.connect(self._range_edited)
        self.to_date.dateChanged.connect(self._range_edited)
        self.search_button.clicked.connect(self.search)
        self.table.selectionModel().currentRowChanged.connect(self._on_current)
        self.model.countChanged.connect(lambda _n: self._update_count())
        self.model.loadFailed.connect(
            lambda exc: self.count_label.setText(describe_error(exc, "records query"))
        )
        self.model.dataChanged.connect(self._on_data_changed)
        ctx.signals.crossingSaved.connect(lambda _r: self._refresh_if_visible())
        ctx.signals.dataChanged.connect(self._refresh_if_visible)
        self.detail.amended.connect(self.model.refresh)

        today = ctx.post_today_qdate()
        self.from_date.setDate(today.addDays(-7))
        self.to_date.setDate(today)
        self.find_action = QAction(self)
        self.find_action.setShortcut(QKeySequence("Ctrl+F"))
        self.find_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.find_action.triggered.connect(lambda: self.name_edit.setFocus())
        self.addAction(self.find_action)
        self.amend_action = QAction(self)
        self.amend_action.setShortcut(QKeySequence("Ctrl+E"))
        self.amend_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.amend_action.triggered.connect(self.detail.request_amendment)
        self.addAction(self.amend_action)
        self.table.doubleClicked.connect(lambda _i: self.detail.request_amendment())
        self.stale = True
        self.retranslate_ui()

    def title(self) -> str:
        return self.tr("Records")

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.filter_box.setTitle(self.tr("Search  Ctrl+F"))
        self.name_edit.setPlaceholderText(self.tr("Surname (beginning)"))
        self.document_edit.setPlaceholderText(self.tr("Document number"))
        self.nationality_edit.setPlaceholderText(self.tr("Nat."))
        self.inspector_edit.setPlaceholderText(self.tr("Inspector"))
        for i, text in enumerate((self.tr("Both directions"), self.tr("Entries"), self.tr("Exits"))):
            self.direction_combo.setItemText(i, text)
        self.range_check.setText(self.tr("From"))
        self.search_button.setText(self.tr("Search  Enter"))
        self.model.headerDataChanged.emit(
            Qt.Orientation.Horizontal, 0, max(0, self.model.columnCount() - 1)
        )
        # Widths from the font and the headers, never from the rows: sizing to contents would
        # fetch every page of a million-row table.
        metrics = self.table.fontMetrics()
        samples = ("2026-11-27 04:24", "Entry", "MMMMMMMMMM", "MMMMMMMMMM", "HTI",
                   "HA1234567", "1999-12-31", "M", "Land", "inspector")
        bold = self.table.horizontalHeader().fontMetrics()
        for col, sample in enumerate(samples):
            header = str(self.model.headerData(col, Qt.Orientation.Horizontal) or "")
            width = max(metrics.horizontalAdvance(sample), bold.horizontalAdvance(header) + 8)
            self.table.setColumnWidth(col, width + 24)
        self._update_count()

    def _update_count(self) -> None:
        text = self.tr("{n} crossing(s). Arrow keys move through them; Ctrl+E corrects one.")
        self.count_label.setText(text.format(n=f"{self.model.rowCount():,}"))

    def activated(self) -> None:
        if self.stale:
            self.search()
        self.name_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def _refresh_if_visible(self) -> None:
        if self.isVisible():
            self.model.refresh()
        else:
            self.stale = True

    def current_filter(self) -> Any:
        from border_client.services.reporting import RecordFilter

        since = until = None
        if self.range_check.isChecked():
            since, until = self._range()
        direction = self.direction_combo.currentData() or None
        return RecordFilter(
            since=since,
            until=until,
            direction=direction,
            nationality=self.nationality_edit.text().strip().upper() or None,
            inspector=self.inspector_edit.text().strip().lower() or None,
            document_number=self.document_edit.text().strip().upper() or None,
            name=self.name_edit.text().strip() or None,
        )

    def _range(self) -> tuple[datetime, datetime]:
        from zoneinfo import ZoneInfo

        tz = ZoneInfo(getattr(self.ctx, "post_timezone", None) or "UTC")
        start = cast(date, self.from_date.date().toPython())
        end = cast(date, self.to_date.date().toPython())
        return (
            datetime.combine(start, time.min, tz),
            datetime.combine(end, time.min, tz) + timedelta(days=1),
        )

    def _range_edited(self, _date: object = None) -> None:
        if self.range_check.isChecked():
            self.search()

    def search(self) -> None:
        self.stale = False
        self.detail.show_crossing(None)
        self.model.set_query(self.current_filter())

    def _on_current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.detail.show_crossing(self.model.row_data(current.row()) if current.isValid() else None)

    def _on_data_changed(self, top: QModelIndex, bottom: QModelIndex) -> None:
        current = self.table.currentIndex()
        if current.isValid() and top.row() <= current.row() <= bottom.row():
            self.detail.show_crossing(self.model.row_data(current.row()))


class CrossingDetail(QWidget):
    """The selected crossing in full, with "Correct…" to request an amendment."""

    from PySide6.QtCore import Signal as _Signal

    amended = _Signal()

    FIELDS = (
        ("local_time", QT_TRANSLATE_NOOP("CrossingDetail", "When (local)")),
        ("direction", QT_TRANSLATE_NOOP("CrossingDetail", "Direction")),
        ("surname", QT_TRANSLATE_NOOP("CrossingDetail", "Surname")),
        ("given_names", QT_TRANSLATE_NOOP("CrossingDetail", "Given names")),
        ("document_number", QT_TRANSLATE_NOOP("CrossingDetail", "Document")),
        ("issuing_state", QT_TRANSLATE_NOOP("CrossingDetail", "Issuing state")),
        ("nationality", QT_TRANSLATE_NOOP("CrossingDetail", "Nationality")),
        ("birth_date", QT_TRANSLATE_NOOP("CrossingDetail", "Born")),
        ("sex", QT_TRANSLATE_NOOP("CrossingDetail", "Sex")),
        ("expiry_date", QT_TRANSLATE_NOOP("CrossingDetail", "Expires")),
        ("travel_mode", QT_TRANSLATE_NOOP("CrossingDetail", "Mode")),
        ("vehicle_plate", QT_TRANSLATE_NOOP("CrossingDetail", "Vehicle")),
        ("purpose", QT_TRANSLATE_NOOP("CrossingDetail", "Purpose")),
        ("origin_destination", QT_TRANSLATE_NOOP("CrossingDetail", "From / to")),
        ("days_stayed", QT_TRANSLATE_NOOP("CrossingDetail", "Days stayed")),
        ("inspector", QT_TRANSLATE_NOOP("CrossingDetail", "Inspector")),
        ("status", QT_TRANSLATE_NOOP("CrossingDetail", "Status")),
        ("remarks", QT_TRANSLATE_NOOP("CrossingDetail", "Remarks")),
    )

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("crossingDetail")
        self.setMinimumWidth(360)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 0, 0, 0)
        self.box = QGroupBox(self)
        form = QFormLayout(self.box)
        form.setVerticalSpacing(4)

        self.labels: dict[str, QLabel] = {}
        self.values: dict[str, QLabel] = {}
        for key, _title in self.FIELDS:
            label, value = QLabel(self.box), QLabel(self.box)
            label.setProperty("role", "field")
            value.setObjectName(f"detail_{key}")
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            form.addRow(label, value)
            self.labels[key] = label
            self.values[key] = value
        self.amend_button = QPushButton(self.box)
        self.amend_button.setObjectName("amendCrossing")
        self.amend_button.clicked.connect(self.request_amendment)
        form.addRow(self.amend_button)
        layout.addWidget(self.box)
        # Other documents that probably belong to the same person, for a supervisor to link.
        self.same_box = QGroupBox(self)
        same = QVBoxLayout(self.same_box)
        self.same_list = QComboBox(self.same_box)
        self.same_list.setObjectName("identitySuggestions")
        self.link_button = QPushButton(self.same_box)
        self.link_button.setObjectName("linkIdentity")
        self.link_button.clicked.connect(self.link_selected)
        self.same_message = QLabel(self.same_box)
        self.same_message.setWordWrap(True)
        self.same_message.setProperty("role", "hint")
        same.addWidget(self.same_list)
        same.addWidget(self.link_button)
        same.addWidget(self.same_message)
        self.same_box.hide()
        layout.addWidget(self.same_box)
        layout.addStretch(1)
        self.suggestions: list[dict[str, Any]] = []
        self.crossing: Any = None
        self.retranslate_ui()
        self.show_crossing(None)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        from PySide6.QtCore import QCoreApplication

        self.box.setTitle(self.tr("Crossing"))
        for key, title in self.FIELDS:
            self.labels[key].setText(QCoreApplication.translate("CrossingDetail", title))
        self.amend_button.setText(self.tr("Correct…  Ctrl+E"))
        self.same_box.setTitle(self.tr("Possibly the same person"))
        self.link_button.setText(self.tr("Confirm: same person"))
        self.show_crossing(self.crossing)

    def show_crossing(self, crossing: Any) -> None:
        self.crossing = crossing
        for key, value in self.values.items():
            if crossing is None:
                value.setText("")
                continue
            raw: Any = getattr(crossing, key, "")
            if key == "local_time":
                text = raw.strftime("%Y-%m-%d %H:%M %Z") if raw else ""
            elif key == "direction":
                text = _direction(raw, crossing)
            elif key == "status":
                text = _status(raw, crossing)
            elif key in ("travel_mode", "purpose"):
                text = _choice(raw, crossing)
            else:
                text = "" if raw is None else str(raw)
            value.setText(text)
        self.amend_button.setEnabled(crossing is not None)
        previous = getattr(self, "_suggested_for", None)
        traveler = getattr(crossing, "traveler_id", None)
        if traveler != previous:
            self._suggested_for = traveler
            self.same_box.hide()
            self.suggestions = []
            if traveler:
                self._load_suggestions(traveler)

    def _load_suggestions(self, traveler_id: str) -> None:
        store, session = self.ctx.store, self.ctx.session
        self.ctx.tasks.run(
            lambda: backend.identity_suggestions(store, session, traveler_id),
            lambda rows: self._show_suggestions(traveler_id, rows),
            lambda exc: log.warning("identity suggestions: %s", exc),
        )

    def _show_suggestions(self, traveler_id: str, rows: list[dict[str, Any]]) -> None:
        from border_client.services.common import Role

        if traveler_id != getattr(self, "_suggested_for", None):
            return
        self.suggestions = rows
        self.same_list.clear()
        for row in rows:
            self.same_list.addItem(
                self.tr("{surname}, {given} — {document} ({state}) — {score:.0f}% alike").format(
                    surname=row["surname"], given=row["given_names"],
                    document=row["document_number"], state=row["issuing_state"],
                    score=float(row["score"]),
                )
            )
        supervisor = self.ctx.session.can(Role.SUPERVISOR)
        self.link_button.setVisible(supervisor)
        self.same_message.setText(
            "" if supervisor else self.tr("A supervisor can confirm that these are one person.")
        )
        self.same_box.setVisible(bool(rows))

    def link_selected(self) -> None:
        index = self.same_list.currentIndex()
        traveler = getattr(self, "_suggested_for", None)
        if traveler is None or not (0 <= index < len(self.suggestions)):
            return
        other = self.suggestions[index]["traveler_id"]
        store, session = self.ctx.store, self.ctx.session

        def done(_result: Any) -> None:
            self.same_message.setText(self.tr("Linked: the histories are now shown together."))
            self._suggested_for = None
            self.show_crossing(self.crossing)
            self.amended.emit()

        self.ctx.tasks.run(
            lambda: backend.link_identities(store, session, traveler, other),
            done,
            lambda exc: self.same_message.setText(describe_error(exc, "identity link")),
            write=True,
        )

    def request_amendment(self) -> None:
        if self.crossing is None:
            return
        from border_client.ui.amend_dialog import AmendDialog

        if AmendDialog.request(self, self.ctx, self.crossing):
            self.amended.emit()
