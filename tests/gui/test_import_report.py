"""The import report in the window: what each file was taken for, loose matches to check, and shelves
whose meaning the person chooses before importing again."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QPlainTextEdit, QPushButton

from app.services import Services
from tests.fixtures.exports.make_exports import letterboxd_files
from tests.gui.conftest import EXPORTS, wait_idle


@pytest.mark.real_models
@pytest.mark.heavy  # ~15 s through MiniLM: with .ci/run's heavy tests (it also failed once under load in the main run)
def test_the_report_lists_loose_matches_and_remaps_a_shelf(qtbot, window, services: Services) -> None:  # noqa: ANN001
    window.importing.import_files([EXPORTS / "goodreads_shelves.csv"])
    qtbot.waitUntil(lambda: window.findChild(object, "importReport") is not None, timeout=60000)
    dialog = window.findChild(object, "importReport")
    text = dialog.findChild(QPlainTextEdit).toPlainText()
    assert "Orgullo y prejuicio  ->  Pride and Prejudice" in text and "literature" in text
    assert "Goodreads (library export, 31 columns)" in text
    assert set(dialog.shelves) == {"literature"}
    combo = dialog.shelves["literature"]
    combo.setCurrentIndex(combo.findData("read"))
    wait_idle(qtbot, window)
    dialog.findChild(QPushButton, "reimport").click()
    qtbot.waitUntil(lambda: window.importing.last_report.shelved == {} and window.importing.last_report.history > 0,
                    timeout=60000)
    wait_idle(qtbot, window)
    entries = {e.item.title: e for e in services.history.entries()}
    assert entries["Middlemarch"].status == "done"


def test_dropping_the_files_of_one_letterboxd_export(qtbot, window, tmp_path: Path) -> None:  # noqa: ANN001
    paths = []
    for name in ("diary.csv", "ratings.csv", "watched.csv", "watchlist.csv"):
        path = tmp_path / name
        path.write_text(letterboxd_files()[name], encoding="utf-8")
        paths.append(path)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)
    qtbot.waitUntil(lambda: bool(window.importing.last_reports), timeout=60000)
    (report,) = window.importing.last_reports
    assert report.format == "letterboxd" and len(report.files) == 4 and report.saved == 1
    wait_idle(qtbot, window)
