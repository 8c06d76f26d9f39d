"""The GUI's threads: finished Ops let go of their work on the GUI thread, and Python's cycle collector
runs there while a window lives."""

from __future__ import annotations

import gc
import threading
import weakref

from app.gui.collector import GuiCollector
from app.gui.ops import Lanes, Op
from app.services import Services


class _Captured:
    """Something an Op's work holds (a file's rows, a ranking); tells where it was freed."""

    freed_on: list[str] = []

    def __del__(self) -> None:
        _Captured.freed_on.append(threading.current_thread().name)


def test_finished_ops_let_go_of_their_work_on_the_gui_thread(qtbot) -> None:  # noqa: ANN001
    lanes = Lanes()
    _Captured.freed_on.clear()
    results: list[int] = []
    refs = []
    for n in range(12):
        held = _Captured()
        refs.append(weakref.ref(held))
        op = Op(lambda n=n, held=held, **_: [held] * 1000 and n)
        op.signals.done.connect(results.append)
        lanes.start(op, "db" if n % 2 else "model")
        del op, held
    qtbot.waitUntil(lambda: len(results) == 12 and not lanes.busy, timeout=10000)
    assert sorted(results) == list(range(12))
    assert all(ref() is None for ref in refs)  # the pool keeps its Ops; what their work held is gone
    assert _Captured.freed_on == [threading.main_thread().name] * 12


def test_a_failed_op_lets_go_too(qtbot) -> None:  # noqa: ANN001
    lanes = Lanes()
    errors: list[Exception] = []
    held = _Captured()
    ref = weakref.ref(held)

    def fail(held: _Captured = held, **_: object) -> None:
        raise ValueError("bad file")

    op = Op(fail)
    op.signals.failed.connect(errors.append)
    lanes.start(op)
    del held, fail
    qtbot.waitUntil(lambda: bool(errors) and not lanes.busy, timeout=10000)
    assert str(errors[0]) == "bad file"
    errors.clear()  # the traceback holds the frame with the default argument
    assert ref() is None


def test_the_window_collects_cycles_on_the_gui_thread_only(qtbot, services: Services) -> None:  # noqa: ANN001
    from PySide6.QtCore import QObject

    from app.gui.window import MainWindow

    assert gc.isenabled()
    window = MainWindow(services)
    qtbot.addWidget(window)
    assert not gc.isenabled()  # no automatic collection on whichever thread allocates
    holder = QObject()
    GuiCollector(holder).stop()
    assert not gc.isenabled()  # the window's collector still runs

    class Cycle:
        pass

    probe = Cycle()
    probe.self = probe
    ref = weakref.ref(probe)
    del probe
    for _ in range(gc.get_threshold()[0] + 100):  # past the threshold: the next tick collects
        a, b = Cycle(), Cycle()
        a.other, b.other = b, a
    del a, b
    assert ref() is not None
    qtbot.waitUntil(lambda: ref() is None, timeout=5000)  # the window's timer collected it
    qtbot.waitUntil(lambda: not window.lanes.busy, timeout=60000)
    window.close()
    assert gc.isenabled()


def test_a_collector_deleted_unclosed_gives_collection_back(qtbot) -> None:  # noqa: ANN001
    from PySide6.QtCore import QObject

    owner = QObject()
    GuiCollector(owner)
    assert not gc.isenabled()
    owner.deleteLater()
    qtbot.waitUntil(gc.isenabled, timeout=5000)
