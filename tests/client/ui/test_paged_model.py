"""The records model fetches pages on demand and drops pages of an outdated query."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt

from border_client.ui.paged_model import Column, PagedTableModel, PageRequest
from border_client.ui.tasks import TaskRunner

COLUMNS = [Column("n", "Number", align_right=True), Column("name", "Name")]


class Source:
    """A query source over generated rows that records which pages were asked for."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.pages: list[tuple[int, int]] = []
        self.thread_ids: set[int] = set()

    def count(self, query):
        self.thread_ids.add(threading.get_ident())
        return self.total if not query else sum(1 for i in range(self.total) if str(query) in str(i))

    def page(self, query, request: PageRequest):
        self.thread_ids.add(threading.get_ident())
        self.pages.append((request.offset, request.limit))
        rows = [{"n": i, "name": f"row {i}"} for i in range(self.total) if not query or str(query) in str(i)]
        return rows[request.offset : request.offset + request.limit]


@pytest.fixture
def tasks():
    runner = TaskRunner()
    yield runner
    runner.wait_for_done()


def _wait_loaded(qtbot, model):
    qtbot.waitUntil(lambda: model._loading == 0, timeout=5000)


def test_model_counts_then_fetches_only_the_pages_shown(qtbot, tasks):
    source = Source(1_000_000)
    model = PagedTableModel(COLUMNS, source.count, source.page, tasks, page_size=100)
    with qtbot.waitSignal(model.countChanged, timeout=5000):
        model.set_query(None)
    assert model.rowCount() == 1_000_000
    assert model.data(model.index(250_000, 1)) == PagedTableModel.PLACEHOLDER
    with qtbot.waitSignal(model.dataChanged, timeout=5000):
        pass
    assert model.data(model.index(250_000, 1)) == "row 250000"
    assert source.pages == [(250_000, 100)]
    assert threading.get_ident() not in source.thread_ids  # never on the UI thread


def test_new_query_drops_late_pages_of_the_old_one(qtbot, tasks):
    source = Source(1000)
    model = PagedTableModel(COLUMNS, source.count, source.page, tasks, page_size=50)
    with qtbot.waitSignal(model.countChanged, timeout=5000):
        model.set_query(None)
    model.data(model.index(10, 0))  # asks for page 0 of the old query
    with qtbot.waitSignal(model.countChanged, timeout=5000):
        model.set_query("99")
    _wait_loaded(qtbot, model)
    assert model.rowCount() == 19  # 99, 199, ..., 990..999
    model.data(model.index(0, 0))
    _wait_loaded(qtbot, model)
    assert model.data(model.index(0, 0)) == "99"


def test_qtmodeltester(qtbot, qtmodeltester, tasks):
    source = Source(350)
    model = PagedTableModel(COLUMNS, source.count, source.page, tasks, page_size=100)
    with qtbot.waitSignal(model.countChanged, timeout=5000):
        model.set_query(None)
    for row in (0, 120, 340):
        model.data(model.index(row, 0))
    _wait_loaded(qtbot, model)
    qtmodeltester.check(model)


def test_failed_query_is_reported(qtbot, tasks):
    def broken(query):
        raise OSError("disk gone")

    model = PagedTableModel(COLUMNS, broken, lambda q, r: [], tasks)
    with qtbot.waitSignal(model.loadFailed, timeout=5000) as blocker:
        model.set_query(None)
    assert "disk gone" in str(blocker.args[0])
    assert model.rowCount() == 0


def test_a_page_gets_its_cached_neighbours_and_the_count_for_keyset_paging(qtbot, tasks):
    seen: list[PageRequest] = []

    def page(query, request):
        seen.append(request)
        start = request.offset
        return [{"n": i, "name": f"row {i}"} for i in range(start, min(start + request.limit, 350))]

    model = PagedTableModel(COLUMNS, lambda q: 350, page, tasks, page_size=100)
    with qtbot.waitSignal(model.countChanged, timeout=5000):
        model.set_query(None)
    for row in (0, 150, 290, 349, 50, 310):
        model.data(model.index(row, 0))
        _wait_loaded(qtbot, model)
    row = lambda n: {"n": n, "name": f"row {n}"}  # noqa: E731
    assert seen[0] == PageRequest(0, 100, None, None, 350)
    assert seen[1] == PageRequest(100, 100, row(99), None, 350)  # follows page 0: by key
    assert seen[2] == PageRequest(200, 100, row(199), None, 350)
    assert seen[3] == PageRequest(300, 100, row(299), None, 350)
    assert len(seen) == 4  # 50 and 310 were cached
    assert model.data(model.index(349, 1)) == "row 349"


def test_a_page_above_a_cached_one_gets_its_first_row(qtbot, tasks):
    seen: list[PageRequest] = []

    def page(query, request):
        seen.append(request)
        start = request.offset
        return [{"n": i, "name": f"row {i}"} for i in range(start, min(start + request.limit, 1000))]

    model = PagedTableModel(COLUMNS, lambda q: 1000, page, tasks, page_size=100)
    with qtbot.waitSignal(model.countChanged, timeout=5000):
        model.set_query(None)
    model.data(model.index(999, 0))  # a jump to the last row
    _wait_loaded(qtbot, model)
    model.data(model.index(850, 0))  # scrolling back up from it
    _wait_loaded(qtbot, model)
    assert seen == [
        PageRequest(900, 100, None, None, 1000),
        PageRequest(800, 100, None, {"n": 900, "name": "row 900"}, 1000),
    ]


def test_an_arriving_page_announces_only_the_rows_asked_for(qtbot, tasks):
    """A page's arrival repaints what was shown as "…" and nothing else: announcing the
    whole page made the table repaint every visible cell for rows it does not show."""
    source = Source(1000)
    model = PagedTableModel(COLUMNS, source.count, source.page, tasks, page_size=100)
    with qtbot.waitSignal(model.countChanged, timeout=5000):
        model.set_query(None)
    changes = []
    model.dataChanged.connect(lambda top, bottom, *_: changes.append((top.row(), bottom.row())))
    assert model.data(model.index(260, 1)) == PagedTableModel.PLACEHOLDER
    assert model.row_data(250) is None
    assert model.data(model.index(255, 0)) == PagedTableModel.PLACEHOLDER
    _wait_loaded(qtbot, model)
    qtbot.waitUntil(lambda: bool(changes), timeout=5000)
    assert changes == [(250, 260)]
    assert source.pages == [(200, 100)]  # one request for the page
    assert model.data(model.index(299, 1)) == "row 299"  # cached: no request, no change
    assert changes == [(250, 260)] and len(source.pages) == 1
    assert model.data(model.index(299, 0), Qt.ItemDataRole.TextAlignmentRole) == int(
        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
    )


def test_while_a_new_query_is_counted_pages_get_no_hints_from_the_old_one(qtbot, tasks):
    seen: list[PageRequest] = []
    release = threading.Event()

    def count(query):
        if query == "new":
            release.wait(5)
        return 1000

    def page(query, request):
        seen.append(request)
        rows = range(request.offset, request.offset + request.limit)
        return [{"n": i, "name": f"{query} {i}"} for i in rows]

    model = PagedTableModel(COLUMNS, count, page, tasks, page_size=100)
    with qtbot.waitSignal(model.countChanged, timeout=5000):
        model.set_query("old")
    model.data(model.index(0, 0))
    _wait_loaded(qtbot, model)
    model.set_query("new")  # counted in the background; the view still shows the old rows
    model.data(model.index(150, 0))
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=5000)
    release.set()
    _wait_loaded(qtbot, model)
    assert seen[1] == PageRequest(100, 100, None, None, None)
