"""The Qt binding keeps Python's reference counts: PySide6 6.12.0 on Python 3.11 dropped one reference to
None on every processEvents and one to a bool on every emit, until Python aborted ("deallocating None"),
now and then in the middle of an import. pyproject keeps it out; this says why if it comes back."""

from __future__ import annotations

import sys

from PySide6.QtCore import QCoreApplication, QObject, Signal


class _Emitter(QObject):
    said = Signal(object)


def test_processing_events_and_emitting_keep_reference_counts(qapp) -> None:  # noqa: ANN001
    heard: list[object] = []
    emitter = _Emitter()
    emitter.said.connect(heard.append)
    none_before, false_before, true_before = (sys.getrefcount(x) for x in (None, False, True))
    for _ in range(500):
        QCoreApplication.processEvents()
        emitter.said.emit(1)
    lost = {name: before - sys.getrefcount(x) for name, x, before in
            (("None", None, none_before), ("False", False, false_before), ("True", True, true_before))}
    assert heard == [1] * 500
    assert all(n < 100 for n in lost.values()), f"references lost in 500 rounds: {lost}"
