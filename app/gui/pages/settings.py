"""Settings: models, device and threads, the ranking constants, the language."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.core.types import ModelParams, RankingParams
from app.services import SETTINGS

__all__ = ["SettingsPage"]

LANGUAGES = (("en", "English"), ("zh_CN", "中文 (简体)"))


class SettingsPage(QWidget):
    apply_requested = Signal(dict)
    reset_ranking_requested = Signal()
    download_requested = Signal()
    language_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editors: dict[str, QWidget] = {}
        labels = self._labels()
        models = QGroupBox(self.tr("Models"))
        models_form = QFormLayout(models)
        for key in ModelParams.names():
            models_form.addRow(labels[key], self._editor(key, labels[key]))
        download = QPushButton(self.tr("Download a model…"))
        download.setToolTip(self.tr("The only thing Hearth ever fetches from the network, and only when you ask"))
        download.clicked.connect(self.download_requested)
        models_form.addRow("", download)
        ranking = QGroupBox(self.tr("Ranking"))
        ranking_form = QFormLayout(ranking)
        for key in RankingParams.names():
            ranking_form.addRow(labels[key], self._editor(key, labels[key]))
        reset = QPushButton(self.tr("Reset ranking to defaults"))
        reset.clicked.connect(self.reset_ranking_requested)
        ranking_form.addRow("", reset)
        self.language = QComboBox()
        self.language.addItem(self.tr("System"), "")
        for code, name in LANGUAGES:
            self.language.addItem(name, code)
        self.language.setAccessibleName(self.tr("Language"))
        self.language.currentIndexChanged.connect(lambda _: self.language_changed.emit(self.language.currentData()))
        general = QGroupBox(self.tr("Language"))
        QFormLayout(general).addRow(self.tr("Language (after a restart)"), self.language)
        apply = QPushButton(self.tr("Apply"))
        apply.setDefault(True)
        apply.clicked.connect(lambda: self.apply_requested.emit(self.values()))
        body = QWidget()
        body_layout = QVBoxLayout(body)
        for box in (general, models, ranking):
            body_layout.addWidget(box)
        body_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(apply)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)

    def _editor(self, key: str, label: str) -> QWidget:
        setting = SETTINGS[key]
        editor: QWidget
        if setting.choices:
            editor = QComboBox()
            editor.addItems(list(setting.choices))
        elif setting.kind is str:
            line = QLineEdit()
            editor = line
            if key in ("embedding_model", "llm_model"):
                editor = QWidget()
                row = QHBoxLayout(editor)
                row.setContentsMargins(0, 0, 0, 0)
                row.addWidget(line, 1)
                browse = QPushButton(self.tr("Browse…"))
                browse.clicked.connect(lambda _=False, k=key, ln=line: self._browse(k, ln))
                row.addWidget(browse)
                editor.line = line  # type: ignore[attr-defined]
                line.setAccessibleName(label)
                line.setPlaceholderText(self.tr("(bundled)"))
        elif setting.kind is int:
            editor = QSpinBox()
            low, high = setting.bounds()  # the ranges the settings service enforces (threads: at most cores)
            editor.setRange(int(low if low is not None else -10**6), int(high if high is not None else 10**6))
        else:
            editor = QDoubleSpinBox()
            editor.setDecimals(4)
            editor.setSingleStep(0.001)
            low, high = setting.bounds()
            editor.setRange(low if low is not None else -1000.0, high if high is not None else 1000.0)
        editor.setAccessibleName(label)
        # The help text, and the key that `hearth settings set` takes.
        editor.setToolTip(f"{setting.help}\n({key})")
        self.editors[key] = editor
        return editor

    def _labels(self) -> dict[str, str]:
        return {
            "embedding_model": self.tr("Embedding model"),
            "device": self.tr("Device"),
            "llm_model": self.tr("Language model"),
            "llm_mode": self.tr("Prompt style"),
            "llm_threads": self.tr("CPU threads"),
            "llm_context": self.tr("Context size"),
            "llm_gpu_layers": self.tr("GPU layers"),
            "llm_temperature": self.tr("Temperature"),
            "llm_seed": self.tr("Seed"),
            "llm_max_tokens": self.tr("Longest explanation (tokens)"),
            "alpha": self.tr("Text similarity (α)"),
            "beta": self.tr("People who liked the same (β)"),
            "gamma": self.tr("Popularity (γ)"),
            "mainstream_weight": self.tr("How much your taste for popular titles moves popularity"),
            "tau": self.tr("Temperature (τ)"),
            "half_life": self.tr("Recency half-life"),
            "decay": self.tr("Age measured by"),
            "text_neighbours": self.tr("Text neighbours per item"),
            "cold_boost": self.tr("Boost for rarely rated items"),
            "short_boost": self.tr("Text boost for a short history"),
            "neutral_sds": self.tr("Neutral rating (your SDs below your average)"),
            "long_term": self.tr("Long-term share"),
            "unrated_weight": self.tr("Weight of unrated entries"),
            "dnf_weight": self.tr("Weight of did-not-finish"),
            "shelved_weight": self.tr("Weight of other shelves"),
            "like_weight": self.tr("Weight of a like"),
            "dislike_weight": self.tr("Weight of a dislike"),
            "like_bonus": self.tr("Bonus for liked items (τ)"),
            "saved_bonus": self.tr("Bonus for saved items (τ)"),
            "query_share": self.tr("Weight of what you ask for"),
        }

    def _browse(self, key: str, line: QLineEdit) -> None:
        if key == "llm_model":
            path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose a GGUF model"), "", "GGUF (*.gguf)")
        else:
            path = QFileDialog.getExistingDirectory(self, self.tr("Choose a sentence-transformers folder"))
        if path:
            line.setText(path)

    def show_values(self, values: dict[str, Any]) -> None:
        for key, editor in self.editors.items():
            value = values.get(key, SETTINGS[key].default)
            if isinstance(editor, QComboBox):
                editor.setCurrentText(str(value))
            elif isinstance(editor, QLineEdit):
                editor.setText(str(value))
            elif hasattr(editor, "line"):
                editor.line.setText(str(value))
            else:
                editor.setValue(value)

    def values(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, editor in self.editors.items():
            if isinstance(editor, QComboBox):
                out[key] = editor.currentText()
            elif isinstance(editor, QLineEdit):
                out[key] = editor.text()
            elif hasattr(editor, "line"):
                out[key] = editor.line.text()
            else:
                out[key] = editor.value()
        return out

    def set_language(self, code: str) -> None:
        self.language.blockSignals(True)
        self.language.setCurrentIndex(max(0, self.language.findData(code)))
        self.language.blockSignals(False)
