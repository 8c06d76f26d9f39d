"""Settings: the language and the models first; the explainer's knobs and the ranking constants folded away."""

from __future__ import annotations

from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
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
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.core.types import ModelParams, RankingParams
from app.gui.setting_help import HELP  # noqa: F401 - the help texts lupdate finds
from app.services import SETTINGS

__all__ = ["SettingsPage"]

LANGUAGES = (("en", "English"), ("zh_CN", "中文 (简体)"))
SYMBOLS = {"alpha": "α", "beta": "β", "gamma": "γ", "tau": "τ"}  # the scoring model's names, for the tooltips
Box = TypeVar("Box", bound=QWidget)
LLM_DETAILS = ("llm_mode", "llm_threads", "llm_context", "llm_gpu_layers", "llm_temperature", "llm_seed",
               "llm_max_tokens")


class _WheelGuard(QObject):
    """A box without focus lets the wheel go on to the scroll area: scrolling the page used to change
    whatever value passed under the mouse."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Wheel and isinstance(watched, QWidget) and not watched.hasFocus():
            event.ignore()  # ignored, the event goes on to the parents (the scroll area)
            return True
        return False


class _Fold(QWidget):
    """A title with an arrow; what it holds shows only once it is opened."""

    def __init__(self, title: str) -> None:
        super().__init__()
        self.button = QToolButton()
        self.button.setText(title)
        self.button.setCheckable(True)
        self.button.setAutoRaise(True)
        self.button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.button.setArrowType(Qt.ArrowType.RightArrow)
        self.body = QWidget()
        self.body.setVisible(False)
        self.form = QFormLayout(self.body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.button)
        layout.addWidget(self.body)
        self.button.toggled.connect(self._toggled)

    def _toggled(self, opened: bool) -> None:
        self.button.setArrowType(Qt.ArrowType.DownArrow if opened else Qt.ArrowType.RightArrow)
        self.body.setVisible(opened)


class SettingsPage(QWidget):
    apply_requested = Signal(dict)
    reset_ranking_requested = Signal()
    download_requested = Signal()
    language_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editors: dict[str, QWidget] = {}
        self._wheel_guard = _WheelGuard(self)
        labels = self._labels()
        models = QGroupBox(self.tr("Models"))
        models_form = QFormLayout(models)
        self.llm_details = _Fold(self.tr("Language model details"))
        for key in ModelParams.names():
            form = self.llm_details.form if key in LLM_DETAILS else models_form
            form.addRow(labels[key], self._editor(key, labels[key]))
        download = QPushButton(self.tr("Download a model…"))
        download.setToolTip(self.tr("The only thing Hearth ever fetches from the network, and only when you ask"))
        download.clicked.connect(self.download_requested)
        models_form.addRow("", download)
        self.advanced = _Fold(self.tr("Advanced: how titles are ranked"))
        for key in RankingParams.names():
            self.advanced.form.addRow(labels[key], self._editor(key, labels[key]))
        reset = QPushButton(self.tr("Reset ranking to defaults"))
        reset.clicked.connect(self.reset_ranking_requested)
        self.advanced.form.addRow("", reset)
        self.language = self._guarded(QComboBox())
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
        for box in (general, models, self.llm_details, self.advanced):
            body_layout.addWidget(box)
        body_layout.addStretch(1)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setWidget(body)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(apply)
        layout = QVBoxLayout(self)
        layout.addWidget(self.scroll_area, 1)
        layout.addLayout(buttons)

    def _guarded(self, box: Box) -> Box:
        # Not WheelFocus (a spin box's default): the wheel would take the focus, then the value.
        box.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        box.installEventFilter(self._wheel_guard)
        return box

    def _editor(self, key: str, label: str) -> QWidget:
        setting = SETTINGS[key]
        editor: QWidget
        if setting.choices:
            editor = combo = self._guarded(QComboBox())
            names = self._choice_names()
            for choice in setting.choices:
                combo.addItem(names.get(choice, choice), choice)  # shown plainly, stored as declared
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
            editor = whole = self._guarded(QSpinBox())
            low, high = setting.bounds()  # the ranges the settings service enforces (threads: at most cores)
            whole.setRange(int(low if low is not None else -10**6), int(high if high is not None else 10**6))
            special = {"llm_threads": self.tr("Automatic"), "llm_gpu_layers": self.tr("All that fit")}
            if key in special:  # 0 threads and -1 layers are choices, not numbers
                whole.setSpecialValueText(special[key])
        else:
            editor = number = self._guarded(QDoubleSpinBox())
            number.setDecimals(1 if key == "half_life" else 4)  # days: "365.0", not "365.0000"
            number.setSingleStep(0.001)
            low, high = setting.bounds()
            number.setRange(low if low is not None else -1000.0, high if high is not None else 1000.0)
        editor.setAccessibleName(label)
        # The help text with the model's symbol, and the key that `hearth settings set` takes.
        symbol = f"{SYMBOLS[key]}: " if key in SYMBOLS else ""
        editor.setToolTip(f"{symbol}{QCoreApplication.translate('SettingHelp', setting.help)}\n({key})")
        self.editors[key] = editor
        return editor

    def _choice_names(self) -> dict[str, str]:
        return {
            "auto": self.tr("Automatic"),
            "cpu": "CPU",
            "cuda": self.tr("NVIDIA GPU (CUDA)"),
            "mps": self.tr("Apple GPU (MPS)"),
            "completion": self.tr("Completion"),
            "chat": self.tr("Chat"),
            "days": self.tr("Days"),
            "position": self.tr("Later entries"),
        }

    def _labels(self) -> dict[str, str]:
        return {
            "embedding_model": self.tr("Embedding model"),
            "device": self.tr("Device"),
            "llm_model": self.tr("Language model"),
            "llm_mode": self.tr("Prompt style"),
            "llm_threads": self.tr("CPU threads"),
            "llm_context": self.tr("Context size"),
            "llm_gpu_layers": self.tr("GPU layers"),
            "llm_temperature": self.tr("Writing temperature"),
            "llm_seed": self.tr("Seed"),
            "llm_max_tokens": self.tr("Longest explanation (tokens)"),
            "alpha": self.tr("How much similar text counts"),
            "beta": self.tr("How much people with your taste count"),
            "gamma": self.tr("How much popularity counts"),
            "mainstream_weight": self.tr("Adjust popularity to your taste"),
            # A larger τ spreads the chances more evenly (so not "sharpness").
            "tau": self.tr("How evenly chances spread"),
            "half_life": self.tr("Half-life of old entries"),
            "decay": self.tr("Count an entry's age in"),
            "text_neighbours": self.tr("Similar titles kept per entry"),
            "cold_boost": self.tr("Boost for rarely rated items"),
            "short_boost": self.tr("Text boost for a short history"),
            "neutral_sds": self.tr("Neutral point below your average"),
            "long_term": self.tr("Share that never fades"),
            "unrated_weight": self.tr("How much unrated entries count"),
            "dnf_weight": self.tr("How much unfinished counts against"),
            "shelved_weight": self.tr("How much other shelves count"),
            "like_weight": self.tr("How much a like counts"),
            "saved_weight": self.tr("How much saved titles count"),
            "dislike_weight": self.tr("How much a dislike counts"),
            "like_bonus": self.tr("Bonus for liked titles"),
            "saved_bonus": self.tr("Bonus for saved titles"),
            "query_share": self.tr("How much what you ask for counts"),
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
                editor.setCurrentIndex(max(0, editor.findData(str(value))))
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
                out[key] = editor.currentData()
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
