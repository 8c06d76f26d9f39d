"""The explanation panel has room from the first show, so its chart's title and labels are not cut."""

from __future__ import annotations

from app.gui.pages.recommend import RecommendPage


def test_the_explanation_panel_gets_its_share_of_the_page(qtbot) -> None:  # noqa: ANN001
    page = RecommendPage()
    qtbot.addWidget(page)
    for width in (1360, 1024):
        page.resize(width, 760)
        page.show()
        qtbot.waitExposed(page)
        # Left to the widgets' preferred widths the panel had ~290 px of 1,360.
        assert page.panel.width() >= 0.3 * width, (width, page.panel.width())
