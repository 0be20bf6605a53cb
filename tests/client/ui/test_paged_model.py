"""The records model fetches pages on demand and drops pages of an outdated query."""

from __future__ import annotations

import threading

import pytest

from border_client.ui.paged_model import Column, PagedTableModel
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

    def page(self, query, offset, limit, previous=None):
        self.thread_ids.add(threading.get_ident())
        self.pages.append((offset, limit))
        rows = [{"n": i, "name": f"row {i}"} for i in range(self.total) if not query or str(query) in str(i)]
        return rows[offset : offset + limit]


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

    model = PagedTableModel(COLUMNS, broken, lambda q, o, n, p: [], tasks)
    with qtbot.waitSignal(model.loadFailed, timeout=5000) as blocker:
        model.set_query(None)
    assert "disk gone" in str(blocker.args[0])
    assert model.rowCount() == 0


def test_the_next_page_gets_the_previous_row_for_keyset_paging(qtbot, tasks):
    seen = []

    def page(query, offset, limit, previous):
        seen.append((offset, previous))
        return [{"n": i, "name": f"row {i}"} for i in range(offset, min(offset + limit, 300))]

    model = PagedTableModel(COLUMNS, lambda q: 300, page, tasks, page_size=100)
    with qtbot.waitSignal(model.countChanged, timeout=5000):
        model.set_query(None)
    model.data(model.index(0, 0))
    _wait_loaded(qtbot, model)
    model.data(model.index(150, 0))
    _wait_loaded(qtbot, model)
    model.data(model.index(290, 0))  # page 2 follows page 1: keyset
    _wait_loaded(qtbot, model)
    assert seen[0] == (0, None)
    assert seen[1] == (100, {"n": 99, "name": "row 99"})
    assert seen[2] == (200, {"n": 199, "name": "row 199"})
