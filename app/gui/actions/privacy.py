"""The Privacy page's actions, and exporting or deleting everything (the File menu exports too)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox

from app.gui.actions import FEEDBACK, HISTORY, INTERESTS, SETTINGS, Host, PageActions
from app.gui.actions.history import HistoryActions
from app.gui.actions.recommend import RecommendActions
from app.gui.pages.privacy import PrivacyPage

__all__ = ["PrivacyActions"]


class PrivacyActions(PageActions):
    follows = frozenset({HISTORY, FEEDBACK})  # the counts it shows; only while the page is shown

    def __init__(self, page: PrivacyPage, host: Host, *, history: HistoryActions,
                 recommend: RecommendActions) -> None:
        super().__init__(page, host)
        self.page: PrivacyPage = page
        self.history, self.recommend = history, recommend
        page.export_requested.connect(self.export_everything)
        page.delete_requested.connect(self.delete_everything)

    def on_changed(self, changes: frozenset[str]) -> None:
        if self.host.current_tab() is self.page:
            super().on_changed(changes)

    def on_shown(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        services = self.host.services
        self.host.run(lambda **_: services.privacy.info(), self.page.show_info)

    def export_everything(self) -> None:
        folder = QFileDialog.getExistingDirectory(self.host.window(), self.tr("Export everything to"))
        if folder:
            services = self.host.services
            self.host.run(lambda **_: services.privacy.export(Path(folder)),
                          lambda paths: self.host.say(self.tr("Exported to {0}").format(folder)))

    def delete_everything(self, confirmed: bool = False) -> None:
        if not confirmed:
            answer = QMessageBox.question(
                self.host.window(), self.tr("Delete everything?"),
                self.tr("This deletes your history, ratings, feedback, imports and settings from this computer. "
                        "It cannot be undone."))
            if answer != QMessageBox.StandardButton.Yes:
                return
        services = self.host.services
        self.host.write(lambda **_: services.privacy.delete_everything(), {HISTORY, FEEDBACK, INTERESTS, SETTINGS},
                        lambda _: self._after_delete())

    def _after_delete(self) -> None:
        self.history.forget_undo()
        self.recommend.clear()
