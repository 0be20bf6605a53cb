"""A table model over a large query that fetches pages on demand, in the background.

The view only ever asks for the rows it shows; a row whose page is not loaded yet shows an
ellipsis while the page is fetched off the UI thread, and ``dataChanged`` repaints it when the
page arrives.  Changing the query (search, filters) bumps a generation number so that pages of
an old query that arrive late are dropped.  Pages are kept in a small LRU cache so scrolling
through a million rows holds only a few thousand in memory.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from border_client.ui.tasks import TaskRunner

__all__ = ["Column", "PageRequest", "PagedTableModel", "field_of"]

log = logging.getLogger(__name__)

# The roles and alignments as plain ints: a view asks ``data`` ~6 roles per visible cell on
# every repaint, and comparing with (or OR-ing) the enum members costs more than the rest.
_DISPLAY = Qt.ItemDataRole.DisplayRole.value
_ALIGNMENT = Qt.ItemDataRole.TextAlignmentRole.value
_USER = Qt.ItemDataRole.UserRole.value
_ALIGN_LEFT = (Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter).value
_ALIGN_RIGHT = (Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter).value

Index = QModelIndex | QPersistentModelIndex
CountFn = Callable[[Any], int]


@dataclass(frozen=True)
class PageRequest:
    """Rows ``offset`` .. ``offset + limit`` of the query, with what the model already holds
    around them: a source may page by key from a neighbouring row instead of by offset (an
    offset walks every row before it; a key is an index seek at any depth)."""

    offset: int
    limit: int
    previous: Any = None  # the row just above the page (last of the page before), if cached
    following: Any = None  # the row just below it (first of the page after), if cached
    total: int | None = None  # the query's row count when the page was asked for


# (query, request) -> rows; the same rows whichever way the source finds them.
PageFn = Callable[[Any, PageRequest], Sequence[Any]]


def field_of(row: Any, key: str) -> Any:
    """A field of a row given as a mapping or an object with attributes."""
    if isinstance(row, Mapping):
        return row.get(key)
    return getattr(row, key, None)


@dataclass(frozen=True)
class Column:
    """One column: its key in the row, its header (marked for translation), how to show it."""

    key: str
    header: str  # source text, translated in the "Columns" context
    render: Callable[[Any, Any], str] | None = None  # (value, row) -> text
    align_right: bool = False


class PagedTableModel(QAbstractTableModel):
    """Read-only rows of a query, fetched ``page_size`` at a time when the view needs them."""

    loadingChanged = Signal(bool)  # noqa: N815 - Qt naming
    countChanged = Signal(int)  # noqa: N815
    loadFailed = Signal(object)  # noqa: N815 - the exception

    PLACEHOLDER = "…"

    def __init__(
        self,
        columns: Sequence[Column],
        count: CountFn,
        page: PageFn,
        tasks: TaskRunner,
        *,
        page_size: int = 200,
        max_pages: int = 40,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self._count_fn = count
        self._page_fn = page
        self._tasks = tasks
        self.page_size = page_size
        self._max_pages = max_pages
        self._rows = 0
        self._pages: OrderedDict[int, Sequence[Any]] = OrderedDict()
        self._requested: set[int] = set()
        # Per page in flight, the first and last row someone asked for (and got no row):
        # only those are announced when it arrives. Announcing the whole page made the table
        # repaint every visible cell for a page it does not show (Qt's view repaints its
        # whole viewport for a change of more than a few hundred cells): ~30 ms of UI thread.
        self._waiting: dict[int, tuple[int, int]] = {}
        self._generation = 0
        self._counted = 0  # the generation whose count (and so whose pages) the model holds
        self.query: Any = None
        self._loading = 0

    # --- query -----------------------------------------------------------------------------
    def set_query(self, query: Any) -> None:
        """Run *query* (filters): count in the background, then reset the view."""
        self.query = query
        self._generation += 1
        generation = self._generation
        self._set_loading(+1)
        self._tasks.run(
            lambda: self._count_fn(query),
            lambda n: self._on_count(generation, n),
            lambda exc: self._on_error(generation, exc),
        )

    def refresh(self) -> None:
        self.set_query(self.query)

    def _on_count(self, generation: int, count: int) -> None:
        self._set_loading(-1)
        if generation != self._generation:
            return
        self.beginResetModel()
        self._counted = generation
        self._rows = int(count)
        self._pages.clear()
        self._requested.clear()
        self._waiting.clear()
        self.endResetModel()
        self.countChanged.emit(self._rows)

    def _on_error(self, generation: int, exc: BaseException) -> None:
        self._set_loading(-1)
        if generation == self._generation:
            log.error("records query failed: %s: %s", type(exc).__name__, exc)
            self.loadFailed.emit(exc)

    def _set_loading(self, delta: int) -> None:
        before = self._loading > 0
        self._loading += delta
        after = self._loading > 0
        if before != after:
            self.loadingChanged.emit(after)

    # --- pages -----------------------------------------------------------------------------
    def row_data(self, row: int) -> Any | None:
        """The record at *row*, or None while its page is loading (requests the page)."""
        if row < 0 or row >= self._rows:
            return None
        number = row // self.page_size
        page = self._pages.get(number)
        if page is None:
            self._request(number)
            first, last = self._waiting.get(number, (row, row))
            self._waiting[number] = (min(first, row), max(last, row))
            return None
        self._pages.move_to_end(number)
        offset = row - number * self.page_size
        return page[offset] if offset < len(page) else None

    def _request(self, number: int) -> None:
        if number in self._requested:
            return
        self._requested.add(number)
        generation = self._generation
        query = self.query
        above = self._pages.get(number - 1)
        below = self._pages.get(number + 1)
        if self._counted != generation:
            # A new query is being counted: the cached pages and the count are the old
            # query's, no guide to where the new one's rows are.
            above = below = None
        request = PageRequest(
            offset=number * self.page_size,
            limit=self.page_size,
            previous=above[-1] if above and len(above) == self.page_size else None,
            following=below[0] if below else None,
            total=self._rows if self._counted == generation else None,
        )
        self._set_loading(+1)
        self._tasks.run(
            lambda: self._page_fn(query, request),
            lambda rows: self._on_page(generation, number, rows),
            lambda exc: self._on_page_error(generation, number, exc),
        )

    def _on_page(self, generation: int, number: int, rows: Sequence[Any]) -> None:
        self._set_loading(-1)
        if generation != self._generation:
            return
        self._requested.discard(number)
        self._pages[number] = list(rows)
        while len(self._pages) > self._max_pages:
            self._pages.popitem(last=False)
        waiting = self._waiting.pop(number, None)
        if waiting is not None and self.columns:
            first, last = waiting[0], min(waiting[1], self._rows - 1)
            if last >= first:
                self.dataChanged.emit(self.index(first, 0), self.index(last, len(self.columns) - 1))

    def _on_page_error(self, generation: int, number: int, exc: BaseException) -> None:
        if generation == self._generation:
            self._requested.discard(number)
            self._waiting.pop(number, None)
        self._on_error(generation, exc)

    # --- Qt model --------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008,N802
        return 0 if parent.isValid() else self._rows

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008,N802
        return 0 if parent.isValid() else len(self.columns)

    def headerData(  # noqa: N802 - Qt override
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            if 0 <= section < len(self.columns):
                return QCoreApplication.translate("Columns", self.columns[section].header)
            return None
        return str(section + 1)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == _DISPLAY:
            row_number = index.row()
            if not index.isValid() or row_number >= self._rows:
                return None
            column = self.columns[index.column()]
            row = self.row_data(row_number)
            if row is None:
                return self.PLACEHOLDER
            value = field_of(row, column.key)
            if column.render is not None:
                return column.render(value, row)
            return "" if value is None else str(value)
        if role == _ALIGNMENT:
            if not index.isValid():
                return None
            return _ALIGN_RIGHT if self.columns[index.column()].align_right else _ALIGN_LEFT
        if role == _USER:
            return self.row_data(index.row()) if index.isValid() else None
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
