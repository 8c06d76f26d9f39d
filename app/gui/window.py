"""The main window: pages wired to the services through Ops, so the window never waits."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTabWidget,
)

from app.core.types import Recommendation
from app.gui.errors import show_error
from app.gui.import_report import ImportReportDialog
from app.gui.ops import Lanes, Op
from app.gui.pages.catalogs import CatalogPage
from app.gui.pages.history import HistoryPage
from app.gui.pages.interests import InterestsPage
from app.gui.pages.privacy import PrivacyPage
from app.gui.pages.recommend import RecommendPage
from app.gui.pages.settings import SettingsPage
from app.gui.pages.welcome import WelcomePage
from app.services import Services
from app.services.events import Event, Finished, Shown, TakenBack, final

T = TypeVar("T")

__all__ = ["MainWindow", "SAMPLE_PROFILE"]

SAMPLE_PROFILE = (
    ("The Matrix (1999)", "film", 5.0), ("Spirited Away (2001)", "film", 5.0),
    ("The Lord of the Rings: The Fellowship of the Ring (2001)", "film", 4.5),
    ("Amelie (2001)", "film", 4.0), ("Inception (2010)", "film", 4.5),
    ("Dune (1965)", "book", 5.0), ("Pride and Prejudice (1813)", "book", 4.0),
    ("The Hobbit (1937)", "book", 4.5),
)


# What a write can change; ``MainWindow.changed`` carries a frozenset of them.
HISTORY, FEEDBACK, INTERESTS, SETTINGS, MODELS = "history", "feedback", "interests", "settings", "models"


class MainWindow(QMainWindow):
    ready = Signal()  # the first recommendations are on screen (or there is nothing to recommend)
    changed = Signal(object)  # frozenset of HISTORY, FEEDBACK, ...: emitted after every write, see _follow

    def __init__(self, services: Services, *, lanes: Lanes | None = None) -> None:
        super().__init__()
        self.services = services
        self.lanes = lanes or Lanes()
        self.setWindowTitle(self.tr("Hearth"))
        self.setAcceptDrops(True)
        self._explain_op: Op | None = None
        self._long_op: Op | None = None
        self._undo: list[Any] = []
        self._closed = False

        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.welcome = WelcomePage()
        self.recommend = RecommendPage()
        self.history = HistoryPage()
        self.catalogs = CatalogPage()
        self.interests = InterestsPage()
        self.settings_page = SettingsPage()
        self.privacy = PrivacyPage()
        for page, title in ((self.recommend, self.tr("Recommendations")), (self.history, self.tr("History")),
                            (self.catalogs, self.tr("Catalogs")), (self.interests, self.tr("Interests")),
                            (self.settings_page, self.tr("Settings")), (self.privacy, self.tr("Privacy"))):
            self.tabs.addTab(page, title)
        self.setCentralWidget(self.tabs)
        self._status_bar()
        self._menus()
        self._connect()
        self._restore_state()
        QTimer.singleShot(0, self.start)

    # -- chrome ---------------------------------------------------------------------------------

    def _status_bar(self) -> None:
        bar = self.statusBar()
        self.message = QLabel()
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.progress = QProgressBar()
        self.progress.setMaximumWidth(220)
        self.progress.setAccessibleName(self.tr("Progress"))
        self.progress.hide()
        self.cancel = QPushButton(self.tr("Cancel"))
        self.cancel.setAccessibleName(self.tr("Cancel the running task"))
        self.cancel.hide()
        self.cancel.clicked.connect(self._cancel_long)
        self.model_label = QLabel()
        self.model_label.setTextFormat(Qt.TextFormat.PlainText)
        bar.addWidget(self.message, 1)
        bar.addPermanentWidget(self.progress)
        bar.addPermanentWidget(self.cancel)
        bar.addPermanentWidget(self.model_label)

    def _menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.import_action = QAction(self.tr("&Import…"), self)
        self.import_action.setShortcut(QKeySequence("Ctrl+I"))
        self.import_action.triggered.connect(self.choose_import)
        file_menu.addAction(self.import_action)
        import_folder = QAction(self.tr("Import a &folder…"), self)
        import_folder.triggered.connect(self.choose_import_folder)
        file_menu.addAction(import_folder)
        export = QAction(self.tr("&Export everything…"), self)
        export.triggered.connect(self.export_everything)
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

    def _connect(self) -> None:
        r = self.recommend
        r.refresh_requested.connect(self.refresh_recommendations)
        r.explain_requested.connect(self.explain)
        r.feedback_requested.connect(self.give_feedback)
        r.consumed_requested.connect(self.mark_consumed)
        r.more_like_requested.connect(self.more_like)
        r.panel.stop_requested.connect(self.stop_explaining)
        h = self.history
        h.rating_changed.connect(self.change_rating)
        h.delete_requested.connect(self.delete_entry)
        h.undo_requested.connect(self.undo_delete)
        h.add_requested.connect(lambda: self.tabs.setCurrentWidget(self.catalogs))
        h.import_requested.connect(self.choose_import)
        self.catalogs.search_requested.connect(self.search_catalog)
        self.catalogs.add_requested.connect(self.add_from_catalog)
        self.interests.refresh_requested.connect(self.refresh_interests)
        self.interests.unpin_requested.connect(self.unpin_interest)
        self.recommend.pin_requested.connect(self.pin_interest)
        s = self.settings_page
        s.apply_requested.connect(self.apply_settings)
        s.reset_ranking_requested.connect(self.reset_ranking)
        s.download_requested.connect(self.download_model)
        s.language_changed.connect(lambda code: QSettings().setValue("language", code))
        self.privacy.export_requested.connect(self.export_everything)
        self.privacy.delete_requested.connect(self.delete_everything)
        self.welcome.import_requested.connect(self.choose_import)
        self.welcome.pick_requested.connect(lambda: self.tabs.setCurrentWidget(self.catalogs))
        self.welcome.sample_requested.connect(self.load_sample)
        self.welcome.mood_requested.connect(self.ask_in_words)
        self.tabs.currentChanged.connect(self._tab_changed)
        self.changed.connect(self._follow)

    def _follow(self, changes: frozenset[str]) -> None:
        """The one place that says what each kind of change refreshes."""
        if HISTORY in changes:
            self.refresh_history()  # and then the recommendations
        elif changes & {FEEDBACK, INTERESTS, SETTINGS}:
            self.refresh_recommendations()
        if INTERESTS in changes:
            self.show_pinned()
        if changes & {SETTINGS, MODELS}:  # (a download sets the model's file)
            self._update_model_label()
            self.run(lambda **_: self.services.settings.all(), self.settings_page.show_values)
        if changes & {HISTORY, FEEDBACK} and self.tabs.currentWidget() is self.privacy:
            self.run(lambda **_: self.services.privacy.info(), self.privacy.show_info)

    def _restore_state(self) -> None:
        settings = QSettings()
        geometry = settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        self.settings_page.set_language(str(settings.value("language", "") or ""))

    def closeEvent(self, event: Any) -> None:  # noqa: N802
        self._closed = True
        QSettings().setValue("window/geometry", self.saveGeometry())
        self.lanes.cancel_all()
        self.lanes.wait(10000)
        super().closeEvent(event)

    def _focus_search(self) -> None:
        page = self.tabs.currentWidget()
        search = getattr(page, "search", None)
        if search is not None:
            search.setFocus()

    def _tab_changed(self, index: int) -> None:
        page = self.tabs.widget(index)
        if page is self.catalogs and not self.catalogs.model.rows:
            self.catalogs.request()
        elif page is self.interests and self.interests.facets.topLevelItemCount() == 0:
            self.refresh_interests()
        elif page is self.privacy:
            self.run(lambda **_: self.services.privacy.info(), self.privacy.show_info)

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
            op.signals.event.connect(live(on_event))
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
        return self.lanes.start(op, lane)

    def _progress(self, done: int, total: int, label: str) -> None:
        self.message.setText(label)
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

    # -- start-up and refreshing -------------------------------------------------------------------

    def start(self) -> None:
        def prepare(progress: Any, cancel: Any) -> dict[str, Any]:
            self.services.catalogs.ensure_bundled(progress=progress)
            return {"catalogs": [(c.name, c.title, c.attribution) for c in self.services.catalogs.installed()
                                 if c.name != "user"],
                    "genres": self.services.catalogs.genres(),
                    "history": self.services.history.entries(), "settings": self.services.settings.all()}

        self.run(prepare, self._prepared, long=self.tr("Preparing the catalogs…"))

    def _prepared(self, state: dict[str, Any]) -> None:
        self.recommend.set_catalogs([(n, t) for n, t, _ in state["catalogs"]])
        self.recommend.set_genres(state["genres"])
        self.catalogs.set_catalogs(state["catalogs"])
        self.settings_page.show_values(state["settings"])
        self._show_history(state["history"])
        self._update_model_label()
        if state["history"]:
            self.refresh_recommendations()
        else:
            self.ready.emit()

    def _show_history(self, entries: list[Any]) -> None:
        self.history.show_entries(entries)
        has_welcome = self.tabs.indexOf(self.welcome) >= 0
        if not entries and not has_welcome:
            self.tabs.insertTab(0, self.welcome, self.tr("Welcome"))
            self.tabs.setCurrentIndex(0)
        elif entries and has_welcome:
            self.tabs.removeTab(self.tabs.indexOf(self.welcome))
            self.tabs.setCurrentWidget(self.recommend)

    def refresh_history(self) -> None:
        def done(entries: list[Any]) -> None:
            self._show_history(entries)
            if entries:
                self.refresh_recommendations()

        self.run(lambda **_: self.services.history.entries(), done)

    def refresh_recommendations(self) -> None:
        filters = self.recommend.filters()
        diversity = self.recommend.diversity.value() / 100
        like = self.recommend.like()

        def work(progress: Any, cancel: Any) -> tuple[list[Recommendation], str]:
            recs = self.services.recommender.recommend(k=50, filters=filters, diversity=diversity, like=like,
                                                       progress=progress, cancel=cancel)
            return recs, self.services.recommender.asked_notice(like)

        def done(result: tuple[list[Recommendation], str]) -> None:
            recs, notice = result
            self.recommend.show_recommendations(recs, notice)
            self.ready.emit()

        self.run(work, done, lane="model")

    # -- recommendations ----------------------------------------------------------------------------

    def explain(self, rec: Recommendation) -> None:
        self.stop_explaining(quiet=True)
        panel = self.recommend.panel
        panel.begin(rec)

        def on_event(event: Event) -> None:
            if isinstance(event, Shown):
                panel.add_text(event.text)
            elif isinstance(event, TakenBack):
                panel.reset_text(event.problems)
            elif isinstance(event, Finished):
                panel.finish(event.result)
                if event.result.tokens_per_s:
                    self._update_model_label(f"{event.result.tokens_per_s:.0f} tokens/s")

        lang, like = self.language(), self.recommend.like()
        op = self.stream(lambda progress, cancel: self.services.explainer.explain(str(rec.item.id), cancel=cancel,
                                                                                  lang=lang, like=like), on_event)
        op.signals.cancelled.connect(panel.stopped)
        self._explain_op = op

    def stop_explaining(self, quiet: bool = False) -> None:
        if self._explain_op is not None:
            self._explain_op.cancel()
            self._explain_op = None

    def give_feedback(self, rec: Recommendation, kind: str) -> None:
        self.write(lambda **_: self.services.history.set_feedback(str(rec.item.id), kind), {FEEDBACK})

    def mark_consumed(self, rec: Recommendation, rating: float) -> None:
        self.write(lambda **_: self.services.history.add(str(rec.item.id), rating=rating), {HISTORY})

    def more_like(self, rec: Recommendation) -> None:
        def done(recs: list[Recommendation]) -> None:
            self.recommend.show_recommendations(recs, self.tr("More like {0}").format(rec.item.label))

        self.run(lambda **_: self.services.recommender.more_like(int(rec.item.id or 0), k=30), done, lane="model")

    # -- history and catalogs ------------------------------------------------------------------------

    def change_rating(self, entry: Any, rating: float) -> None:
        self.write(lambda **_: self.services.history.set_rating(int(entry.item.id), rating), {HISTORY})

    def delete_entry(self, entry: Any) -> None:
        def done(removed: Any) -> None:
            self._undo.append(removed)
            self.history.undo.setEnabled(True)
            self.message.setText(self.tr("Removed {0}. Undo with Ctrl+Z.").format(removed.item.label))

        self.write(lambda **_: self.services.history.take_out(int(entry.item.id)), {HISTORY}, done)

    def undo_delete(self) -> None:
        if not self._undo:
            return
        entry = self._undo.pop()
        self.history.undo.setEnabled(bool(self._undo))
        self.write(lambda **_: self.services.history.put_back(entry), {HISTORY})

    def search_catalog(self, catalog: str | None, text: str) -> None:
        """No words: the catalog's most rated items; words: search by words, meaning and spelling."""
        filters = self.catalogs.filters(catalog)

        def work(**_: Any) -> tuple[list[Any], str]:
            if not text.strip():
                return self.services.catalogs.browse(catalog=catalog, text="", kind=filters.kind,
                                                     year_min=filters.year_min, year_max=filters.year_max), ""
            found = self.services.search.search(text, filters=filters, k=100)
            return [h.item for h in found.hits], found.notice

        # On the model lane: a search embeds its words (the db lane must not share the embedder).
        self.run(work, lambda result: self.catalogs.show_items(*result), lane="model")

    def ask_in_words(self, text: str) -> None:
        """From the welcome page: the catalogs ranked by the words alone (a cold start needs no export)."""
        self.recommend.mood.setText(text)
        self.tabs.setCurrentWidget(self.recommend)
        self.refresh_recommendations()

    def pin_interest(self, text: str) -> None:
        def done(_: Any) -> None:
            self.message.setText(self.tr("Pinned: {0}. It counts in every list until you remove it on the "
                                         "Interests page.").format(text))

        self.write(lambda **_: self.services.interests.pin(text), {INTERESTS}, done)

    def unpin_interest(self, interest_id: int) -> None:
        self.write(lambda **_: self.services.interests.unpin(interest_id), {INTERESTS})

    def show_pinned(self) -> None:
        self.run(lambda **_: self.services.interests.pinned(), self.interests.show_pinned)

    def add_from_catalog(self, item: Any) -> None:
        def done(_: Any) -> None:
            self.message.setText(self.tr("Added {0} to your history.").format(item.label))

        self.write(lambda **_: self.services.history.add(str(item.id)), {HISTORY}, done)

    def load_sample(self) -> None:
        label = self.tr("Adding a sample profile…")  # here: workers touch no Qt object

        def work(progress: Any, cancel: Any) -> None:
            for k, (title, kind, rating) in enumerate(SAMPLE_PROFILE):
                progress(k, len(SAMPLE_PROFILE), label)
                try:
                    self.services.history.add(title, rating=rating, kind=kind)
                except Exception:  # noqa: BLE001 - a missing sample title is no reason to stop
                    continue

        self.write(work, {HISTORY}, long=label)

    # -- importing --------------------------------------------------------------------------------------

    def choose_import(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Import your history"), "",
            self.tr("Exports (*.csv *.zip);;All files (*)"))
        if paths:
            self.import_files([Path(p) for p in paths])

    def choose_import_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Import an export folder"))
        if folder:
            self.import_files([Path(folder)])

    def import_file(self, path: Path) -> None:
        self.import_files([path])

    def import_files(self, paths: list[Path], shelves: list[str] | None = None) -> None:
        """Import files or folders (the CSVs of one Letterboxd export are read together), then show the report."""
        def done(reports: list[Any]) -> None:
            self.last_reports = reports
            self.last_report = reports[0]
            dialog = ImportReportDialog(reports, self)
            dialog.reimport.connect(lambda choices: self.import_files(paths, shelves=choices))
            dialog.open()

        label = paths[0].name if len(paths) == 1 else self.tr("{0} files").format(len(paths))
        self.write(lambda progress, cancel: self.services.history.import_files(
            paths, shelves=shelves, progress=progress, cancel=cancel),
            {HISTORY, FEEDBACK}, done, long=self.tr("Importing {0}…").format(label))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            self.import_files(paths)

    # -- interests --------------------------------------------------------------------------------------

    def language(self) -> str:
        """The language of the interface ("en", "zh_CN"): explanations and the profile follow it."""
        app = QApplication.instance()
        return str(app.property("hearth_language") or "en") if app is not None else "en"

    def refresh_interests(self) -> None:
        lang = self.language()
        self.show_pinned()

        def work(progress: Any, cancel: Any) -> tuple[Any, Any]:
            profile = final(self.services.explainer.profile(cancel=cancel, lang=lang))
            return profile, self.services.interests.interest_map()

        def done(result: tuple[Any, Any]) -> None:
            profile, data = result
            self.interests.show_profile(profile)
            self.interests.show_map(data)

        self.run(work, done, lane="model", long=self.tr("Describing your tastes…"))

    # -- settings and privacy ----------------------------------------------------------------------------

    def apply_settings(self, values: dict[str, Any]) -> None:
        self.write(lambda **_: self.services.apply_settings(values), {SETTINGS})

    def reset_ranking(self) -> None:
        self.write(lambda **_: self.services.reset_ranking(), {SETTINGS})

    def download_model(self) -> None:
        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("Download a model"))
        url, sha = QLineEdit(), QLineEdit()
        url.setPlaceholderText("https://…/model.gguf")
        sha.setPlaceholderText(self.tr("sha256 of the file (recommended)"))
        form = QFormLayout(dialog)
        form.addRow(QLabel(self.tr("Hearth will connect to this address, and nowhere else.")))
        form.addRow(self.tr("Address"), url)
        form.addRow(self.tr("Checksum"), sha)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(dialog.accept)
        buttons.rejected.connect(dialog.reject)
        form.addRow(buttons)
        if dialog.exec() != QDialog.DialogCode.Accepted or not url.text().strip():
            return
        link, digest = url.text().strip(), sha.text().strip() or None
        self.run(lambda progress, cancel: self.services.download_model(link, sha256=digest, progress=progress,
                                                                       cancel=cancel),
                 lambda _: self.changed.emit(frozenset({MODELS})), long=self.tr("Downloading the model…"),
                 lane="model")

    def export_everything(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Export everything to"))
        if folder:
            self.run(lambda **_: self.services.privacy.export(Path(folder)),
                     lambda paths: self.message.setText(self.tr("Exported to {0}").format(folder)))

    def delete_everything(self, confirmed: bool = False) -> None:
        if not confirmed:
            answer = QMessageBox.question(
                self, self.tr("Delete everything?"),
                self.tr("This deletes your history, ratings, feedback, imports and settings from this computer. "
                        "It cannot be undone."))
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.write(lambda **_: self.services.privacy.delete_everything(), {HISTORY, FEEDBACK, INTERESTS, SETTINGS},
                   lambda _: self._after_delete())

    def _after_delete(self) -> None:
        self._undo.clear()
        self.recommend.show_recommendations([])

    def _update_model_label(self, extra: str = "") -> None:
        def work(**_: Any) -> str:
            values = self.services.settings.all()
            embed = values["embedding_model"] or "all-MiniLM-L6-v2"
            llm = Path(values["llm_model"]).name if values["llm_model"] else "Gemma 3 270M"
            return f"{Path(embed).name} · {values['device']} · {llm}"

        self.run(work, lambda text: self.model_label.setText(text + (f" · {extra}" if extra else "")))

