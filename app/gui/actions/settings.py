"""The Settings page's actions: apply, reset the ranking, the language, the model download."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSettings

from app.gui.actions import MODELS, SETTINGS, Host, PageActions
from app.gui.actions.download import DownloadDialog
from app.gui.actions.startup import State
from app.gui.pages.settings import SettingsPage

__all__ = ["SettingsActions"]


class SettingsActions(PageActions):
    follows = frozenset({SETTINGS, MODELS})  # (a download sets the model's file)

    def __init__(self, page: SettingsPage, host: Host) -> None:
        super().__init__(page, host)
        self.page: SettingsPage = page
        page.apply_requested.connect(self.apply)
        page.reset_ranking_requested.connect(self.reset_ranking)
        page.download_requested.connect(lambda: DownloadDialog(host).ask())
        # The interface's language is the window's (QSettings), read before the window is built.
        page.language_changed.connect(lambda code: QSettings().setValue("language", code))
        page.set_language(str(QSettings().value("language", "") or ""))

    def prepared(self, state: State) -> None:
        self.page.show_values(state.settings)

    def refresh(self) -> None:
        services = self.host.services
        self.host.run(lambda **_: services.settings.all(), self.page.show_values)

    def apply(self, values: dict[str, Any]) -> None:
        """Which caches a setting drops is for the services to say (``Services.apply_settings``)."""
        services = self.host.services
        self.host.write(lambda **_: services.apply_settings(values), {SETTINGS})

    def reset_ranking(self) -> None:
        services = self.host.services
        self.host.write(lambda **_: services.reset_ranking(), {SETTINGS})
