"""The model download: the only time Hearth connects to the network, to the one address the person gives."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit

from app.gui.actions import MODELS, Host

__all__ = ["DownloadDialog"]


class DownloadDialog(QDialog):
    def __init__(self, host: Host) -> None:
        super().__init__(host.window())
        self.host = host
        self.setWindowTitle(self.tr("Download a model"))
        self.url, self.sha = QLineEdit(), QLineEdit()
        self.url.setPlaceholderText("https://…/model.gguf")
        self.sha.setPlaceholderText(self.tr("sha256 of the file (recommended)"))
        form = QFormLayout(self)
        form.addRow(QLabel(self.tr("Hearth will connect to this address, and nowhere else.")))
        form.addRow(self.tr("Address"), self.url)
        form.addRow(self.tr("Checksum"), self.sha)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def ask(self) -> None:
        """Ask for the address and checksum, then download on the model lane; a model file is a MODELS change."""
        if self.exec() != QDialog.DialogCode.Accepted or not self.url.text().strip():
            return
        link, digest = self.url.text().strip(), self.sha.text().strip() or None
        services = self.host.services
        self.host.write(lambda progress, cancel: services.download_model(link, sha256=digest, progress=progress,
                                                                         cancel=cancel),
                        {MODELS}, long=self.tr("Downloading the model…"), lane="model")
