"""Issue 22, "Safe settings": the wheel changes no value it merely passes over, the ranking constants are
folded away, every label is distinct, and the boxes' ranges are the settings service's."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QDoubleSpinBox, QLabel, QSpinBox

from app.core.types import ModelParams, RankingParams
from app.gui.pages.settings import SettingsPage
from app.services import SETTINGS


@pytest.fixture
def page(qtbot):  # noqa: ANN001, ANN201
    page = SettingsPage()
    qtbot.addWidget(page)
    page.show_values({})
    page.resize(1024, 700)
    page.show()
    qtbot.waitExposed(page)
    return page


def wheel(widget, up: bool = True) -> None:  # noqa: ANN001
    centre = QPointF(widget.rect().center())
    event = QWheelEvent(centre, QPointF(widget.mapToGlobal(widget.rect().center())), QPoint(0, 0),
                        QPoint(0, 120 if up else -120), Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier,
                        Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)


def focus(qtbot, page, widget) -> None:  # noqa: ANN001
    page.activateWindow()
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)


def test_the_wheel_changes_only_a_focused_box(qtbot, page) -> None:  # noqa: ANN001
    page.advanced.button.setChecked(True)
    spin, combo = page.editors["alpha"], page.editors["decay"]
    assert isinstance(spin, QDoubleSpinBox) and isinstance(combo, QComboBox)
    for box in (spin, combo, page.editors["device"], page.language):
        # WheelFocus would let the wheel take the focus first, and then the value.
        assert box.focusPolicy() == Qt.FocusPolicy.StrongFocus, box.accessibleName()
    page.setFocus()
    before = page.values()
    wheel(spin)
    wheel(combo, up=False)
    wheel(page.language, up=False)
    assert page.values() == before and page.language.currentIndex() == 0

    focus(qtbot, page, spin)
    wheel(spin)
    assert spin.value() == pytest.approx(before["alpha"] + spin.singleStep())
    focus(qtbot, page, combo)
    wheel(combo, up=False)
    assert combo.currentData() == "position"


def test_the_wheel_over_an_unfocused_box_scrolls_the_page(qtbot, page) -> None:  # noqa: ANN001
    """As the platform sends it (QTest.wheelEvent): a sent event goes to no parent and takes no focus."""
    page.advanced.button.setChecked(True)
    qtbot.waitUntil(lambda: page.scroll_area.verticalScrollBar().maximum() > 0)
    bar = page.scroll_area.verticalScrollBar()
    spin = page.editors["query_share"]
    page.scroll_area.ensureWidgetVisible(spin)
    page.setFocus()
    value, position = spin.value(), bar.value()
    assert position > 0
    QTest.wheelEvent(page.windowHandle(), QPointF(spin.mapTo(page, spin.rect().center())), QPoint(0, 120))
    assert spin.value() == value and not spin.hasFocus()
    assert bar.value() < position


def test_the_ranking_constants_are_folded_away(qtbot, page) -> None:  # noqa: ANN001
    assert not page.advanced.button.isChecked() and page.advanced.body.isHidden()
    for key in RankingParams.names():
        assert page.advanced.body.isAncestorOf(page.editors[key]), key
        assert not page.editors[key].isVisible(), key
    # The first screen: the language and the models, with nothing to scroll.
    for key in ("embedding_model", "device", "llm_model"):
        assert page.editors[key].isVisible(), key
    assert page.language.isVisible()
    assert page.scroll_area.verticalScrollBar().maximum() == 0
    page.advanced.button.click()
    assert page.editors["alpha"].isVisible()


def test_no_two_labels_are_equal(page) -> None:  # noqa: ANN001
    # Equal but for a symbol or a unit in brackets is equal to a reader: "Temperature", "Temperature (τ)".
    labels = [label.text().split(" (")[0] for label in page.findChildren(QLabel) if label.text()]
    names = [page.editors[key].accessibleName().split(" (")[0] for key in page.editors]
    assert len(names) == len(ModelParams.names()) + len(RankingParams.names())
    assert len(set(names)) == len(names), sorted(names)
    assert len(set(labels)) == len(labels), sorted(labels)
    # The scoring model's symbol is in the tooltip, with the help text.
    assert page.editors["alpha"].toolTip().startswith("α: " + SETTINGS["alpha"].help)


def test_the_boxes_ranges_are_the_declared_ones(page) -> None:  # noqa: ANN001
    boxes = {key: box for key, box in page.editors.items() if isinstance(box, QSpinBox | QDoubleSpinBox)}
    assert set(boxes) == {key for key, s in SETTINGS.items() if s.kind in (int, float) and not s.choices}
    for key, box in boxes.items():
        low, high = SETTINGS[key].bounds()
        assert (box.minimum(), box.maximum()) == (pytest.approx(low), pytest.approx(high)), key
        assert isinstance(box, QSpinBox) == (SETTINGS[key].kind is int), key
    for key in RankingParams.names():
        if key.endswith(("_weight", "_bonus")) or key in ("alpha", "beta", "gamma"):
            assert boxes[key].minimum() >= 0, key


def test_choices_are_shown_plainly_and_stored_as_declared(page) -> None:  # noqa: ANN001
    device = page.editors["device"]
    assert device.currentText() == "Automatic" and page.values()["device"] == "auto"
    page.show_values({"device": "cuda", "llm_mode": "chat", "decay": "position"})
    values = page.values()
    assert (values["device"], values["llm_mode"], values["decay"]) == ("cuda", "chat", "position")
    assert [device.itemData(i) for i in range(device.count())] == list(SETTINGS["device"].choices)


def test_every_settings_help_is_marked_for_translation_and_shown_in_chinese(qtbot) -> None:  # noqa: ANN001
    from app.gui.setting_help import HELP
    from app.services import SETTINGS
    from tests.gui.conftest import in_chinese

    assert {s.help for s in SETTINGS.values()} == set(HELP)  # declared in app/core/types.py, marked here
    with in_chinese():
        page = SettingsPage()
        qtbot.addWidget(page)
        tip = page.editors["alpha"].toolTip()
        assert "文本相似度" in tip and "weight" not in tip
