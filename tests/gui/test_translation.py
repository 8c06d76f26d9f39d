"""The Chinese translation covers the whole UI and is what the window shows in zh_CN."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QApplication

from app.gui.app import install_translation
from app.services.catalogs import resources_dir

TS = resources_dir() / "translations" / "hearth_zh_CN.ts"


def test_every_string_is_translated_and_compiled(tmp_path) -> None:  # noqa: ANN001
    messages = list(ET.parse(TS).iter("message"))
    assert len(messages) > 100
    unfinished = [m.find("source").text for m in messages if m.find("translation").get("type") == "unfinished"]
    assert unfinished == []
    # The .qm the app loads is the .ts compiled (by content: a checkout's or a pull's file times say nothing).
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    if not lrelease.exists():
        pytest.skip("pyside6-lrelease is not beside this Python")
    fresh = tmp_path / "check.qm"
    subprocess.run([str(lrelease), str(TS), "-qm", str(fresh)], check=True, capture_output=True)
    assert TS.with_suffix(".qm").read_bytes() == fresh.read_bytes(), "run pyside6-lrelease (resources/translations)"


def test_the_window_speaks_chinese(qtbot, services) -> None:  # noqa: ANN001
    app = QApplication.instance()
    before = set(app.findChildren(QTranslator))
    assert install_translation(app, "zh_CN") == "zh_CN"
    try:
        from app.gui.window import MainWindow

        win = MainWindow(services)
        qtbot.addWidget(win)
        titles = [win.tabs.tabText(i) for i in range(win.tabs.count())]
        assert "推荐" in titles and "历史" in titles and "隐私" in titles
        assert win.recommend.buttons["like"].text() == "喜欢  (L)"
        win.lanes.wait(60000)
    finally:
        for translator in set(app.findChildren(QTranslator)) - before:
            app.removeTranslator(translator)
        app.setProperty("hearth_language", "en")
    assert QApplication.translate("RecommendPage", "Like") == "Like"


def test_a_films_runtime_in_chinese(qtbot) -> None:  # noqa: ANN001
    from app.core.types import Item, Recommendation, ScoreTerms
    from app.gui.explain_panel import ExplainPanel
    from app.gui.plain import runtime_label

    app = QApplication.instance()
    before = set(app.findChildren(QTranslator))
    assert install_translation(app, "zh_CN") == "zh_CN"
    try:
        assert [runtime_label(m) for m in (118, 45, 120)] == ["1小时58分钟", "45分钟", "2小时"]
        panel = ExplainPanel()
        qtbot.addWidget(panel)
        heat = Item(id=1, kind="film", title="Heat", year=1995, creators=("Michael Mann",), runtime=170)
        panel.begin(Recommendation(rank=1, item=heat, probability=0.1, score=0, contributions=(),
                                   terms=ScoreTerms(content=0, cf=0, prior=0, feedback=0)))
        assert panel.details.text() == "2小时50分钟 · Michael Mann"
    finally:
        for translator in set(app.findChildren(QTranslator)) - before:
            app.removeTranslator(translator)
        app.setProperty("hearth_language", "en")
    assert runtime_label(170) == "2\u00a0h\u00a050\u00a0min"


def test_the_import_reports_common_lines_in_chinese(qtbot) -> None:  # noqa: ANN001
    """Issue 23: a Douban reader's report said why in English inside the Chinese window."""
    from app.gui.report_text import report_line

    app = QApplication.instance()
    before = set(app.findChildren(QTranslator))
    assert install_translation(app, "zh_CN") == "zh_CN"
    try:
        assert report_line("609 rows have only a Chinese (or Japanese, Korean) title: such a title is matched only"
                           " to ...").startswith("609 行只有中文")
        assert report_line("only a Chinese (or Japanese, Korean) title, which no catalog work has") == \
            "只有中文（或日文、韩文）标题，目录中没有作品用这个标题"
        assert report_line("a catalog film has this title, from 1984, not 2026") == \
            "目录中有一部电影用这个标题，但年份是 1984，不是 2026"
        assert report_line("something no pattern knows") == "something no pattern knows"
    finally:
        for translator in set(app.findChildren(QTranslator)) - before:
            app.removeTranslator(translator)
        app.setProperty("hearth_language", "en")
    assert report_line("no catalog book has this title") == "no catalog book has this title"
