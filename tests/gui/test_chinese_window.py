"""The Chinese window shows no English interface text: every page is opened with a history, and each
visible label, button, heading, placeholder, choice, column and menu is read.

English interface text is text that the code itself writes: a string literal of app/ (a tr() source left
untranslated, a service's message, an English template), found whole, or a phrase of three words or more
of it found inside. Titles, names and genres come from the catalogs and files, not from literals, so
they may be English."""

from __future__ import annotations

import ast
import html
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QComboBox,
    QDialog,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QTableView,
    QTreeView,
    QWidget,
)

from app.services import Services
from tests.gui.conftest import EXPORTS, in_chinese, wait_idle

APP = Path(__file__).resolve().parents[2] / "app"
# Names that are the same in both languages (products, formats, units a Chinese reader meets as they are).
KEPT = {"Hearth", "Goodreads", "Letterboxd", "StoryGraph", "IMDb", "CSV", "CPU", "GPU", "NVIDIA", "CUDA", "Apple",
        "MPS", "SQLite", "MiniLM", "Gemma", "TMDB", "MovieLens", "P(i|u)", "JSON", "ZIP", "Douban", "Trakt",
        "LibraryThing", "English", "IMAX"}  # (English: the language's own name in the language list)
_KEPT = {k.lower() for k in KEPT}
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]+")


def _literals() -> tuple[set[str], set[str]]:
    """(whole strings, phrases of 4 words) that app/ writes in English (docstrings left out)."""
    whole, phrases = set(), set()
    for path in APP.rglob("*.py"):
        if "lab" in path.parts or path.name == "sample.py":
            continue  # the evaluation's text never reaches the window; the sample's titles are data
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docs = {id(n.value) for n in ast.walk(tree) if isinstance(n, ast.Expr) and isinstance(n.value, ast.Constant)}
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docs:
                for piece in re.split(r"\{[^}]*\}|%\w|\n", node.value):
                    words = _WORD.findall(piece)
                    if len([w for w in words if w not in KEPT]) >= 2:
                        phrases.update(" ".join(words[i:i + 4]).lower() for i in range(max(1, len(words) - 3)))
                key = _key(node.value)
                if key and key not in _KEPT and len(key) >= 3:
                    whole.add(key)
    return whole, phrases


def _key(text: str) -> str:
    """A text's English words, lower case, without a button's shortcut, '&' or '…'."""
    return " ".join(_WORD.findall(re.sub(r"\s*\([A-Z]\)$|&|…", "", text.strip()))).lower()


def _shown(window: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) of what the window and its open dialogs show."""
    for top in [window, *QApplication.topLevelWidgets()]:
        if not top.isVisible():
            continue
        for w in top.findChildren(QWidget):
            if not w.isVisible():
                continue
            name = type(w).__name__ + ":" + (w.objectName() or w.accessibleName())
            if isinstance(w, QLabel):  # rich text as it reads: without its tags
                yield name, html.unescape(re.sub(r"<[^>]*>", " ", w.text())) \
                    if w.textFormat() != Qt.TextFormat.PlainText else w.text()
            elif isinstance(w, QAbstractButton):
                yield name, w.text()
            elif isinstance(w, QGroupBox):
                yield name, w.title()
            elif isinstance(w, QLineEdit):
                yield name, w.placeholderText()
            elif isinstance(w, QPlainTextEdit):  # an explanation, a paragraph, an import report
                yield name, w.placeholderText()
                yield name, w.toPlainText()
            elif isinstance(w, QComboBox):
                for i in range(w.count()):
                    yield name, w.itemText(i)
            elif isinstance(w, QTabBar):
                for i in range(w.count()):
                    yield name, w.tabText(i)
            if isinstance(w, (QTableView, QTreeView)) and w.model() is not None:
                model = w.model()
                for c in range(model.columnCount()):
                    yield name + " header", str(model.headerData(c, Qt.Orientation.Horizontal) or "")
    for action in window.menuBar().actions():
        yield "menu", action.text()
        if action.menu() is not None:
            for sub in action.menu().actions():
                yield "menu", sub.text()


def english_in(texts: Iterator[tuple[str, str]]) -> list[tuple[str, str]]:
    whole, phrases = _literals()
    found = []
    for where, text in texts:
        if _key(text) in whole and not re.search(r"[^\x00-\x7f…·–—]", text):  # the whole text is one of ours
            found.append((where, text))
            continue
        for run in re.findall(r"[A-Za-z][A-Za-z'’ ,.:;()-]*", text):  # English words side by side
            words = _WORD.findall(run)
            if any(" ".join(words[i:i + 4]).lower() in phrases for i in range(len(words) - 3)):
                found.append((where, text))
                break
    return sorted(set(found))


def test_the_walker_finds_english_interface_text() -> None:
    """The check itself can fail: an untranslated label and a service's sentence are found; titles are not."""
    found = english_in(iter([("a", "Save for later  (S)"), ("b", "There is no pinned interest 3."),
                             ("c", "The Lord of the Rings: The Return of the King"), ("d", "喜欢  (L)"),
                             ("e", "film"), ("f", "《Pride and Prejudice》《To Kill a Mockingbird》"),
                             ("g", "Hearth keeps everything on this computer: your history…")]))
    assert [w for w, _ in found] == ["a", "b", "e", "g"]


@pytest.mark.heavy  # ~6-13 s: keeps the README's command near its 5 minutes (.ci/run runs it)
def test_the_chinese_window_shows_no_english_interface_text(qtbot, services: Services) -> None:  # noqa: ANN001
    with in_chinese():
        from app.gui.window import MainWindow

        win = MainWindow(services)
        qtbot.addWidget(win)
        win.resize(1024, 700)
        win.show()
        qtbot.waitUntil(lambda: win._long_op is None and win.history.count.text() != "", timeout=60000)
        found = english_in(_shown(win))  # the Welcome page, first
        win.importing.import_files([EXPORTS / "goodreads_shelves.csv", EXPORTS / "letterboxd_diary_semicolons.csv"])
        qtbot.waitUntil(lambda: bool(win.recommend.model.rows), timeout=120000)
        wait_idle(qtbot, win)
        assert any(isinstance(w, QDialog) and w.isVisible() for w in QApplication.topLevelWidgets())
        found += english_in(_shown(win))  # the import report is open
        for dialog in [w for w in QApplication.topLevelWidgets() if w.isVisible() and w is not win]:
            dialog.close()
        for index in range(win.tabs.count()):
            win.tabs.setCurrentIndex(index)
            wait_idle(qtbot, win)
            qtbot.wait(200)
            found += english_in(_shown(win))
        win.lanes.cancel_all()
        win.lanes.wait(60000)
    assert not found, "English in the Chinese window:\n" + "\n".join(f"{w}: {t!r}" for w, t in sorted(set(found)))


@pytest.mark.real_models
def test_a_chinese_mood_keeps_the_window_and_brings_comedies(qtbot, window, services: Services) -> None:  # noqa: ANN001
    """适合周末看的轻松喜剧 made the window 2,900 px wide (an English notice) and brought Death Note."""
    window.resize(1024, 700)
    qtbot.wait(100)
    width = window.width()
    page = window.recommend
    page.kind.setCurrentIndex(page.kind.findData("film"))
    wait_idle(qtbot, window)
    page.mood.setText("适合周末看的轻松喜剧")
    page.mood.returnPressed.emit()
    qtbot.waitUntil(lambda: bool(page.model.rows) and page._asked == "适合周末看的轻松喜剧" and not window.lanes.busy,
                    timeout=180000)
    wait_idle(qtbot, window)
    assert window.width() == width and window.minimumSizeHint().width() <= 1024
    top = page.model.rows[:10]
    comedies = [r.item.title for r in top if "Comedy" in r.item.genres]
    assert len(comedies) >= 7, [(r.item.title, r.item.genres) for r in top]
    page.mood.clear()  # back to the list without the words, the window as it was
    wait_idle(qtbot, window)
    assert window.width() == width


def test_the_privacy_statement_is_the_services_own_in_english(qtbot) -> None:  # noqa: ANN001
    from app.gui.pages.privacy import PrivacyPage
    from app.services.privacy import STATEMENT

    page = PrivacyPage()
    qtbot.addWidget(page)
    page.show_info({"statement": STATEMENT, "bytes": 0, "folder": "/tmp/x", "history": 0, "saved": 0, "feedback": 0})
    assert page.statement.text() == STATEMENT


def test_progress_and_catalog_names_in_chinese(qtbot) -> None:  # noqa: ANN001
    """The status bar said 'Installing Books (goodbooks-10k)' in the Chinese window."""
    from app.gui.plain import catalog_title, progress_label

    with in_chinese():
        assert progress_label("Installing Books (goodbooks-10k)") == "正在安装图书（goodbooks-10k）"
        assert progress_label("Importing ratings.csv") == "正在导入 ratings.csv"
        assert catalog_title("Films (MovieLens latest-small)") == "电影（MovieLens latest-small）"
        assert catalog_title("my-own") == "my-own"
    assert progress_label("Installing Books (goodbooks-10k)") == "Installing Books (goodbooks-10k)"


def test_an_error_in_the_chinese_window_leads_in_chinese(qtbot) -> None:  # noqa: ANN001
    """The services' messages are English; the box says what kind of trouble it is in Chinese first."""
    from app.core.errors import InputError
    from app.gui.errors import show_error

    with in_chinese():
        box = show_error(None, InputError("photo.csv is not a text file.", hint="Export the CSV again."))
        assert box.text() == "无法使用这个文件或输入。"
        assert box.informativeText() == "photo.csv is not a text file.\nExport the CSV again."
        box.close()
    box = show_error(None, InputError("photo.csv is not a text file.", hint="Export the CSV again."))
    assert box.text() == "photo.csv is not a text file." and box.informativeText() == "Export the CSV again."
    box.close()


def test_an_error_written_in_chinese_is_shown_in_chinese(qtbot, tmp_path) -> None:  # noqa: ANN001
    """The errors a window can meet (a file that cannot be imported, an empty history, a damaged model or
    database) carry their Chinese text: the whole box is Chinese, the English one stays English."""
    from app.core.errors import AppError
    from app.gui.errors import show_error
    from app.importers.detect import open_sources

    empty = tmp_path / "ratings.csv"
    empty.write_bytes(b"")
    with pytest.raises(AppError) as caught:
        open_sources([empty])
    with in_chinese():
        box = show_error(None, caught.value)
        assert box.text() == "ratings.csv 是空的：没有可导入的内容。" and not box.informativeText()
        box.close()
    box = show_error(None, caught.value)
    assert box.text() == "ratings.csv is empty: there is nothing to import."
    box.close()


def test_the_import_file_dialog_speaks_chinese_and_opens_at_home(qtbot, tmp_path) -> None:  # noqa: ANN001
    """Qt's own Chinese lacks "&Look in:", "Files of &type:" and the type "Folder" of this Qt version's file
    dialog (app/gui/qt_strings.py); it opened in the folder the program was started from."""
    from PySide6.QtCore import QDir
    from PySide6.QtWidgets import QFileDialog

    from app.gui.actions.importing import Importing

    assert Importing._start_folder() == QDir.homePath()
    (tmp_path / "sub").mkdir()
    with in_chinese():
        dialog = QFileDialog(None, "导入", str(tmp_path), "*.csv")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        qtbot.addWidget(dialog)
        dialog.show()
        view = dialog.findChild(QTreeView)
        qtbot.waitUntil(lambda: view.model().rowCount(view.rootIndex()) > 0, timeout=10000)
        labels = [w.text() for w in dialog.findChildren(QLabel)]
        rows = range(view.model().rowCount(view.rootIndex()))
        types = [view.model().index(r, 2, view.rootIndex()).data() for r in rows]
        dialog.close()
    assert not any("Look in" in t or "Files of" in t for t in labels), labels
    assert "文件夹" in types and "Folder" not in types
    Importing._remember(tmp_path / "sub")
    assert Importing._start_folder() == str(tmp_path / "sub")
