"""Importing files: from the File menu, the Welcome and History pages, and files dropped on the window."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QDir, QObject, QSettings
from PySide6.QtWidgets import QFileDialog

from app.gui.actions import FEEDBACK, HISTORY, Host
from app.gui.import_report import ImportReportDialog
from app.services.formats import file_patterns

__all__ = ["Importing"]


class Importing(QObject):
    def __init__(self, host: Host) -> None:
        super().__init__(host.window())
        self.host = host
        self.last_reports: list[Any] = []  # of the latest import, one per source (what tests check)

    @property
    def last_report(self) -> Any | None:
        return self.last_reports[0] if self.last_reports else None

    @staticmethod
    def _start_folder() -> str:
        """Where the file dialog opens: the folder of the last import, else the home folder (not the folder the
        program was started from)."""
        last = str(QSettings().value("import_folder", "") or "")
        return last if last and Path(last).is_dir() else QDir.homePath()

    @staticmethod
    def _remember(folder: Path) -> None:
        QSettings().setValue("import_folder", str(folder))

    def choose_files(self) -> None:
        patterns = " ".join(file_patterns())  # every format's files, from the registry
        paths, _ = QFileDialog.getOpenFileNames(
            self.host.window(), self.tr("Import your history"), self._start_folder(),
            self.tr("Exports ({0});;All files (*)").format(patterns))
        if paths:
            self._remember(Path(paths[0]).parent)
            self.import_files([Path(p) for p in paths])

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self.host.window(), self.tr("Import an export folder"),
                                                  self._start_folder())
        if folder:
            self._remember(Path(folder).parent)
            self.import_files([Path(folder)])

    def import_files(self, paths: list[Path], shelves: list[str] | None = None) -> None:
        """Import files or folders (the CSVs of one Letterboxd export are read together), then show the report."""
        services = self.host.services

        def done(reports: list[Any]) -> None:
            self.last_reports = reports
            dialog = ImportReportDialog(reports, self.host.window())
            dialog.reimport.connect(lambda choices: self.import_files(paths, shelves=choices))
            dialog.open()

        label = paths[0].name if len(paths) == 1 else self.tr("{0} files").format(len(paths))
        self.host.write(lambda progress, cancel: services.history.import_files(
            paths, shelves=shelves, progress=progress, cancel=cancel),
            {HISTORY, FEEDBACK}, done, long=self.tr("Importing {0}…").format(label))
