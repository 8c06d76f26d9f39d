"""The main window: the frame (menus, tabs, status bar) and the lanes that run each page's work.

What each page does is in its actions (``app/gui/actions``); the window hands them itself as their
``Host``, emits ``changed`` after every write and passes it to every page.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QSettings, QTimer, Signal
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QApplication, QMainWindow, QProgressBar, QPushButton, QTabWidget, QWidget

from app.gui.actions import MODELS, SETTINGS, PageActions, startup
from app.gui.actions.catalogs import CatalogActions
from app.gui.actions.history import HistoryActions
from app.gui.actions.importing import Importing
from app.gui.actions.interests import InterestActions
from app.gui.actions.privacy import PrivacyActions
from app.gui.actions.recommend import RecommendActions
from app.gui.actions.settings import SettingsActions
from app.gui.actions.stats import StatsActions
from app.gui.actions.welcome import WelcomeActions
from app.gui.collector import GuiCollector
from app.gui.errors import show_error
from app.gui.ops import Lanes, Op
from app.gui.pages.catalogs import CatalogPage
from app.gui.pages.history import HistoryPage
from app.gui.pages.interests import InterestsPage
from app.gui.pages.privacy import PrivacyPage
from app.gui.pages.recommend import RecommendPage
from app.gui.pages.settings import SettingsPage
from app.gui.pages.stats import StatsPage
from app.gui.pages.welcome import WelcomePage
from app.gui.plain import ElidedLabel, progress_label
from app.services import Services
from app.services.events import Event

T = TypeVar("T")

__all__ = ["MainWindow"]


class MainWindow(QMainWindow):
    ready = Signal()  # the first recommendations are on screen (or there is nothing to recommend)
    changed = Signal(object)  # frozenset of HISTORY, FEEDBACK, ...: emitted after every write (see write)

    def __init__(self, services: Services, *, lanes: Lanes | None = None) -> None:
        super().__init__()
        self.services = services
        self.lanes = lanes or Lanes()
        self.collector = GuiCollector(self)
        self.setWindowTitle(self.tr("Hearth"))
        self.setAcceptDrops(True)
        self._long_op: Op | None = None
        self._closed = False
        # Work for the models waits until the catalogs are installed (the first start installs them while
        # the Welcome page is already up: a typed mood would otherwise rank an empty catalog).
        self._catalogs_ready = False
        self._waiting: list[tuple[Op, str]] = []

        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.welcome = WelcomePage()
        self.recommend = RecommendPage()
        self.history = HistoryPage()
        self.catalogs = CatalogPage()
        self.interests = InterestsPage()
        self.year_page = StatsPage()
        self.settings_page = SettingsPage()
        self.privacy = PrivacyPage()
        for page, title in ((self.recommend, self.tr("Recommendations")), (self.history, self.tr("History")),
                            (self.catalogs, self.tr("Catalogs")), (self.interests, self.tr("Interests")),
                            (self.year_page, self.tr("Your year")),
                            (self.settings_page, self.tr("Settings")), (self.privacy, self.tr("Privacy"))):
            self.tabs.addTab(page, title)
        for page, name in ((self.welcome, "welcome"), (self.recommend, "recommendations")):
            page.setObjectName(name)
        self.setCentralWidget(self.tabs)
        self._status_bar()
        self._page_actions()
        self._menus()
        self._restore_state()
        QTimer.singleShot(0, self.start)

    def _page_actions(self) -> None:
        """Each page's actions: they connect its signals, and follow ``changed`` themselves."""
        self.importing = Importing(self)
        self.history_actions = HistoryActions(self.history, self, importing=self.importing, catalogs=self.catalogs)
        self.recommend_actions = RecommendActions(self.recommend, self, history=self.history_actions)
        self.welcome_actions = WelcomeActions(self.welcome, self, history=self.history_actions,
                                              recommend=self.recommend_actions, importing=self.importing,
                                              catalogs=self.catalogs)
        self.catalog_actions = CatalogActions(self.catalogs, self)
        self.interest_actions = InterestActions(self.interests, self)
        self.stats_actions = StatsActions(self.year_page, self, importing=self.importing)
        self.settings_actions = SettingsActions(self.settings_page, self)
        self.privacy_actions = PrivacyActions(self.privacy, self, history=self.history_actions,
                                              recommend=self.recommend_actions)
        self.pages: list[PageActions] = [
            self.welcome_actions, self.recommend_actions, self.catalog_actions, self.interest_actions,
            self.stats_actions, self.settings_actions, self.privacy_actions,
            self.history_actions]  # history last: it shows the list
        self.recommend_actions.listed.connect(self.ready)
        self.changed.connect(lambda changes: self.show_model() if changes & {SETTINGS, MODELS} else None)
        for page in self.pages:
            self.changed.connect(page.on_changed)
        self.tabs.currentChanged.connect(self._tab_changed)

    # -- the frame ------------------------------------------------------------------------------

    def _status_bar(self) -> None:
        bar = self.statusBar()
        self.message = ElidedLabel()
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(220)
        self.progress.setAccessibleName(self.tr("Progress"))
        self.progress.hide()
        self.cancel = QPushButton(self.tr("Cancel"))
        self.cancel.setAccessibleName(self.tr("Cancel the running task"))
        self.cancel.hide()
        self.cancel.clicked.connect(self._cancel_long)
        self.model_label = ElidedLabel()
        self.model_label.setMaximumWidth(480)
        bar.addWidget(self.message, 1)
        bar.addPermanentWidget(self.progress)
        bar.addPermanentWidget(self.cancel)
        bar.addPermanentWidget(self.model_label)

    def _menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.import_action = QAction(self.tr("&Import…"), self)
        self.import_action.setShortcut(QKeySequence("Ctrl+I"))
        self.import_action.triggered.connect(self.importing.choose_files)
        file_menu.addAction(self.import_action)
        import_folder = QAction(self.tr("Import a &folder…"), self)
        import_folder.triggered.connect(self.importing.choose_folder)
        file_menu.addAction(import_folder)
        export = QAction(self.tr("&Export everything…"), self)
        export.triggered.connect(self.privacy_actions.export_everything)
        file_menu.addAction(export)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        view = self.menuBar().addMenu(self.tr("&View"))
        for index in range(self.tabs.count()):
            action = QAction(self.tabs.tabText(index), self)
            action.setShortcut(QKeySequence(f"Ctrl+{index + 1}"))
            action.triggered.connect(lambda _=False, i=index: self.tabs.setCurrentIndex(i))
            view.addAction(action)
        find = QAction(self.tr("&Find"), self)
        find.setShortcut(QKeySequence.StandardKey.Find)
        find.triggered.connect(self._focus_search)
        view.addAction(find)

    def _restore_state(self) -> None:
        geometry = QSettings().value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
            return
        # First run: 1280 x 800, or the whole of a smaller screen (at 1024 x 700 the explanation panel went
        # off its right edge).
        screen = self.screen() or QGuiApplication.primaryScreen()
        area = screen.availableGeometry() if screen is not None else None
        if area is None or (area.width() >= 1280 and area.height() >= 800):
            self.resize(1280, 800)
            return
        self.resize(min(1280, area.width()), min(800, area.height()))
        self.move(area.topLeft())

    def closeEvent(self, event: Any) -> None:  # noqa: N802
        self._closed = True
        QSettings().setValue("window/geometry", self.saveGeometry())
        self.lanes.cancel_all()
        self.lanes.wait(10000)
        self.collector.stop()
        super().closeEvent(event)

    def _focus_search(self) -> None:
        page = self.tabs.currentWidget()
        search = getattr(page, "search", None)
        if search is not None:
            search.setFocus()

    def _tab_changed(self, index: int) -> None:
        widget = self.tabs.widget(index)
        for page in self.pages:
            if page.page is widget:
                page.on_shown()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            self.importing.import_files(paths)

    # -- what the pages ask of the window (actions.Host) ----------------------------------------------

    def language(self) -> str:
        """The language of the interface ("en", "zh_CN"): explanations and the profile follow it."""
        app = QApplication.instance()
        return str(app.property("hearth_language") or "en") if app is not None else "en"

    def show_tab(self, page: QWidget) -> None:
        self.tabs.setCurrentWidget(page)

    def current_tab(self) -> QWidget | None:
        return self.tabs.currentWidget()

    def show_welcome(self, shown: bool) -> None:
        """The Welcome page is the first tab while the history is empty."""
        has_welcome = self.tabs.indexOf(self.welcome) >= 0
        if shown and not has_welcome:
            self.tabs.insertTab(0, self.welcome, self.tr("Welcome"))
            self.tabs.setCurrentIndex(0)
        elif not shown and has_welcome:
            self.tabs.removeTab(self.tabs.indexOf(self.welcome))
            self.tabs.setCurrentWidget(self.recommend)

    def say(self, text: str) -> None:
        """A message in the status bar, gone after 15 s (it stayed on every page, through other work)."""
        self.message.setText(text)
        QTimer.singleShot(15_000, self.message, lambda: self.message.text() == text and self._long_op is None
                          and self.message.setText(""))  # (the label as context: no call after it is gone)

    def show_model(self, extra: str = "") -> None:
        """The models in use, in the status bar (``extra``: the last explanation's speed)."""
        settings = self.services.settings

        def work(**_: Any) -> str:
            values = settings.all()
            embed = values["embedding_model"] or "all-MiniLM-L6-v2"
            llm = Path(values["llm_model"]).name if values["llm_model"] else "Gemma 3 270M"
            return Path(embed).name, str(values["device"]), llm

        def show(result: tuple[str, str, str]) -> None:
            embed, device, llm = result
            # The device only when one was chosen ("auto" said nothing a person needs, and took the room).
            device = {"auto": "", "cpu": "CPU", "cuda": "GPU (CUDA)", "mps": "Apple GPU"}.get(device, device)
            self.model_label.setText(" · ".join(p for p in [embed, device, llm, extra] if p))

        self.run(work, show)

    # -- running work ---------------------------------------------------------------------------

    def run(self, fn: Callable[..., T], on_done: Callable[[T], object] | None = None, *, lane: str = "db",
            long: str | None = None) -> Op[T]:
        """Start ``fn(progress=, cancel=)`` on a lane and hand its result to ``on_done`` on this thread;
        ``long`` names a task that shows progress and Cancel."""
        return self._start(Op(fn), on_done, None, lane, long)

    def write(self, fn: Callable[..., T], changes: set[str], on_done: Callable[[T], object] | None = None, *,
              long: str | None = None, lane: str = "db") -> Op[T]:
        """``run`` for work that changes the person's data: when it is done, ``changed`` says what changed."""
        def done(result: T) -> None:
            if on_done is not None:
                on_done(result)
            self.changed.emit(frozenset(changes))

        return self.run(fn, done, long=long, lane=lane)

    def stream(self, fn: Callable[..., Iterable[Event]], on_event: Callable[[Event], object], *,
               lane: str = "model") -> Op[Any]:
        """Start a streaming task: each of its events comes to ``on_event`` on this thread."""
        return self._start(Op(fn, streaming=True), None, on_event, lane, None)

    def _start(self, op: Op[T], on_done: Callable[[T], object] | None, on_event: Callable[[Event], object] | None,
               lane: str, long: str | None) -> Op[T]:

        def live(callback: Any) -> Any:
            # Work can finish after the window has closed: then there is nothing to show it on.
            return lambda *args: None if self._closed else callback(*args)

        if on_done is not None:
            op.signals.done.connect(live(on_done))
        if on_event is not None:
            # Events the worker sent before it was cancelled wait in this thread's queue: shown now, the last
            # sentences of an explanation left behind appeared under the next item's title.
            op.signals.event.connect(live(lambda event: None if op.token.cancelled else on_event(event)))
        op.signals.failed.connect(live(lambda exc: show_error(self, exc)))
        if long is not None:
            self._long_op = op
            self.message.setText(long)
            self.progress.setRange(0, 0)
            self.progress.show()
            self.cancel.show()
            op.signals.progress.connect(live(self._progress))
            for signal in (op.signals.done, op.signals.failed, op.signals.cancelled):
                signal.connect(live(lambda *_: self._end_long(op)))
        if lane == "model" and not self._catalogs_ready:
            self._waiting.append((op, lane))
            return op
        return self.lanes.start(op, lane)

    def _progress(self, done: int, total: int, label: str) -> None:
        self.message.setText(progress_label(label))
        if total > 0:
            self.progress.setRange(0, 1000)
            self.progress.setValue(int(1000 * done / total))

    def _end_long(self, op: Op) -> None:
        if self._long_op is op:
            self._long_op = None
            self.progress.hide()
            self.cancel.hide()
            self.message.setText("")

    def _cancel_long(self) -> None:
        if self._long_op is not None:
            self._long_op.cancel()

    # -- start-up ---------------------------------------------------------------------------------

    def start(self) -> None:
        """A way in at once: with an empty history the Welcome page shows before the catalogs are installed
        (11-14 s on a first start), their progress in the status bar."""
        try:
            empty = self.services.store.history.count() == 0
        except Exception:  # noqa: BLE001 - start-up's own work says what is wrong with the database
            empty = False
        if empty:
            self.show_welcome(True)
        op = self.run(startup.prepare(self.services), self._prepared, long=self.tr("Preparing the catalogs…"))
        op.signals.failed.connect(lambda *_: self._models_may_start())

    def _models_may_start(self) -> None:
        self._catalogs_ready = True
        waiting, self._waiting = self._waiting, []
        for op, lane in waiting:
            self.lanes.start(op, lane)

    def _prepared(self, state: startup.State) -> None:
        self._models_may_start()
        for page in self.pages:  # the History page last: with entries, its list starts the recommendations
            page.prepared(state)
        self.show_model()
        if not state.history:
            self.ready.emit()
