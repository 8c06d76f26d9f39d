"""How the window feels: light and dark palettes, tab order, accessible names, remembered state."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QMenuBar,
    QPlainTextEdit,
    QSlider,
    QWidget,
)

from app.gui.theme import dark_palette, is_dark
from app.services import Services
from tests.gui.conftest import wait_idle


def test_the_charts_follow_a_switch_to_the_dark_palette(qtbot, window) -> None:  # noqa: ANN001
    app = QApplication.instance()
    light = app.palette()
    panel, interests = window.recommend.panel, window.interests
    assert not is_dark()
    assert interests.map.backgroundBrush().color().lightness() > 128
    try:
        app.setPalette(dark_palette())  # what the system does when the person turns dark mode on
        qtbot.waitUntil(lambda: interests.map.backgroundBrush().color().lightness() < 128, timeout=5000)
        assert panel.shares.bars[0].palette().color(QPalette.ColorRole.WindowText).lightness() > 128
        assert interests.map.backgroundBrush().color().lightness() < 128
        assert interests.heat.getAxis("left").textPen().color().lightness() > 128
    finally:
        app.setPalette(light)
    qtbot.waitUntil(lambda: interests.map.backgroundBrush().color().lightness() > 128, timeout=5000)


def _focus_chain(start: QWidget, within: QWidget) -> list[QWidget]:
    chain, widget = [], start
    for _ in range(200):
        widget = widget.nextInFocusChain()
        if widget is start:
            break
        if within.isAncestorOf(widget) and widget.focusPolicy() & widget.focusPolicy().TabFocus:
            chain.append(widget)
    return chain


def test_tab_goes_through_the_recommendations_page_in_reading_order(window) -> None:  # noqa: ANN001
    page = window.recommend
    chain = _focus_chain(page.kind, page)
    expected = [page.year_min, page.year_max, page.catalog, page.diversity, page.refresh, page.table,
                *page.buttons.values(), page.panel.text]
    positions = [chain.index(w) for w in expected]
    assert positions == sorted(positions), [type(w).__name__ for w in chain]


CONTROLS = (QAbstractButton, QComboBox, QAbstractSpinBox, QSlider, QLineEdit, QAbstractItemView, QPlainTextEdit)


def test_every_control_has_a_name_a_screen_reader_can_say(window) -> None:  # noqa: ANN001
    unnamed = []
    for widget in window.findChildren(QWidget):
        if not isinstance(widget, CONTROLS) or widget.window() is not window:
            continue  # combo box pop-ups live in windows of their own
        if isinstance(widget.parent(), (QComboBox, QAbstractSpinBox, QAbstractItemView, QLineEdit, QMenuBar)):
            continue  # a spin box's editor, a table's header, a clear button: named by their owners
        text = widget.text() if isinstance(widget, QAbstractButton) else ""
        if not (widget.accessibleName() or text):
            unnamed.append(f"{type(widget).__name__} in {type(widget.parent()).__name__}")
    assert not unnamed, unnamed


def test_the_window_remembers_its_size(qtbot, services: Services) -> None:  # noqa: ANN001
    from app.gui.window import MainWindow

    first = MainWindow(services)
    qtbot.addWidget(first)
    first.show()
    # The offscreen screen is 800 x 600, narrower than the window's minimum: check the height.
    first.resize(first.width(), 520)
    qtbot.waitUntil(lambda: first.height() == 520, timeout=5000)
    wait_idle(qtbot, first)
    first.close()
    second = MainWindow(services)
    qtbot.addWidget(second)
    assert second.height() == 520 and QSettings().contains("window/geometry")
    wait_idle(qtbot, second)
    second.close()


def test_the_first_window_fits_a_small_screen(qtbot, services: Services) -> None:  # noqa: ANN001
    """With no size remembered, the window is 1280 x 800 or the whole of a smaller screen: at 1024 x 700
    it was 1280 wide, and the explanation panel went off the screen's edge."""
    from app.gui.window import MainWindow

    QSettings().remove("window/geometry")
    window = MainWindow(services)
    qtbot.addWidget(window)
    area = window.screen().availableGeometry()  # offscreen: 800 x 600
    assert window.height() <= area.height()
    assert window.width() <= max(area.width(), window.minimumSizeHint().width(), window.minimumWidth())
    wait_idle(qtbot, window)
    window.close()


def test_the_first_year_at_its_lowest_says_it_is_no_bound(window) -> None:  # noqa: ANN001
    """The filter passes no lower bound at 1870, and books of 1599 are listed: the box says "any", not 1870."""
    page = window.recommend
    assert page.year_min.text() == "any" and page.filters().year_min is None
    page.year_min.setValue(1990)
    assert page.year_min.text() == "1990" and page.filters().year_min == 1990
