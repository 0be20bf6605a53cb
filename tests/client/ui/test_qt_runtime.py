"""The Qt binding itself: faults of a release that would bring the desktop app down."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QObject, Signal


class _Emitter(QObject):
    plain = Signal()
    number = Signal(int)
    flag = Signal(bool)


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="True is immortal from Python 3.12")
def test_emitting_signals_keeps_the_reference_count_of_true(qapp: object) -> None:
    # PySide6 6.12.0 lost one reference to True per emit: once the count reached zero the
    # interpreter aborted (bool_dealloc), after ~190,000 rows of scrolling in the records screen.
    emitter = _Emitter()
    received: list[object] = []
    emitter.plain.connect(lambda: received.append(None))
    emitter.number.connect(received.append)
    emitter.flag.connect(received.append)
    before = sys.getrefcount(True)
    for _ in range(20):
        emitter.plain.emit()
        emitter.number.emit(7)
        emitter.flag.emit(False)
    lost = before - sys.getrefcount(True)
    assert len(received) == 60
    assert lost <= 0, f"{lost} references to True lost in 60 emits: this PySide6 release is unsafe"
