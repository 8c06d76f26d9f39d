"""The Recommendations page's actions: the list, explanations, feedback, "more like this", pinning words."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal

from app.core.types import Recommendation
from app.gui.actions import FEEDBACK, HISTORY, INTERESTS, SETTINGS, Host, PageActions
from app.gui.actions.history import HistoryActions
from app.gui.actions.startup import State
from app.gui.ops import Op
from app.gui.pages.recommend import RecommendPage
from app.services.events import Event, Finished, Shown, TakenBack

__all__ = ["RecommendActions"]


class RecommendActions(PageActions):
    # A history change reaches the list through the History page, once its entries are shown.
    follows = frozenset({FEEDBACK, INTERESTS, SETTINGS})
    listed = Signal()  # a list is on screen

    def __init__(self, page: RecommendPage, host: Host, *, history: HistoryActions) -> None:
        super().__init__(page, host)
        self.page: RecommendPage = page
        self._explain_op: Op | None = None
        page.refresh_requested.connect(self.refresh)
        page.explain_requested.connect(self.explain)
        page.feedback_requested.connect(self.give_feedback)
        page.consumed_requested.connect(self.mark_consumed)
        page.more_like_requested.connect(self.more_like)
        page.pin_requested.connect(self.pin_interest)
        page.panel.stop_requested.connect(self.stop_explaining)
        history.entries_shown.connect(lambda entries: self.refresh() if entries else None)

    def on_changed(self, changes: frozenset[str]) -> None:
        if HISTORY not in changes:
            super().on_changed(changes)

    def prepared(self, state: State) -> None:
        self.page.set_catalogs([(n, t) for n, t, _ in state.catalogs])
        self.page.set_genres(state.genres)

    def refresh(self) -> None:
        services, page = self.host.services, self.page
        filters = page.filters()
        diversity = page.diversity.value() / 100
        like = page.like()

        def work(progress: Any, cancel: Any) -> tuple[list[Recommendation], str, dict[int, set[str]]]:
            recs = services.recommender.recommend(k=50, filters=filters, diversity=diversity, like=like,
                                                  progress=progress, cancel=cancel)
            return recs, services.recommender.asked_notice(like), services.history.marks()

        def done(result: tuple[list[Recommendation], str, dict[int, set[str]]]) -> None:
            recs, notice, marks = result
            page.marks = marks
            page.show_recommendations(recs, notice)
            self.listed.emit()

        page.waiting()
        op = self.host.run(work, done, lane="model")
        for ended in (op.signals.failed, op.signals.cancelled):
            ended.connect(lambda *_: page.stop_waiting())

    def ask(self, text: str) -> None:
        """The catalogs ranked by these words (from the Welcome page: a cold start needs no export)."""
        self.page.mood.setText(text)
        self.host.show_tab(self.page)
        self.refresh()

    def explain(self, rec: Recommendation) -> None:
        self.stop_explaining()
        panel = self.page.panel
        panel.begin(rec)

        def on_event(event: Event) -> None:
            if isinstance(event, Shown):
                panel.add_text(event.text)
            elif isinstance(event, TakenBack):
                panel.reset_text(event.problems)
            elif isinstance(event, Finished):
                panel.finish(event.result)
                if event.result.tokens_per_s:
                    self.host.show_model(self.tr("{0:.0f} tokens/s").format(event.result.tokens_per_s))

        services, lang = self.host.services, self.host.language()
        # The listed recommendation itself, not the item ranked again: after "More like this" its reasons are
        # that one item, and the text must say what the breakdown beside it shows.
        op = self.host.stream(lambda progress, cancel: services.explainer.explain_recommendation(
            rec, cancel=cancel, lang=lang), on_event)
        # Only this explanation's own stop: the one it replaced says it stopped after this one began.
        op.signals.cancelled.connect(lambda: panel.stopped() if self._explain_op in (None, op) else None)
        self._explain_op = op

    def stop_explaining(self) -> None:
        if self._explain_op is not None:
            self._explain_op.cancel()
            self._explain_op = None

    def give_feedback(self, rec: Recommendation, kind: str) -> None:
        services = self.host.services
        said = {"like": self.tr("Liked: {0}. It and titles like it move up."),
                "dislike": self.tr("Disliked: {0}. It and titles like it move down."),
                "not_interested": self.tr("Not interested: {0}. It is not recommended again."),
                "saved": self.tr("Saved for later: {0}. It is marked so in the list.")}[kind]
        self.host.write(lambda **_: services.history.set_feedback(str(rec.item.id), kind), {FEEDBACK},
                        lambda _: self.host.say(said.format(rec.item.label)))

    def mark_consumed(self, rec: Recommendation, rating: float) -> None:
        services = self.host.services
        self.host.write(lambda **_: services.history.add(str(rec.item.id), rating=rating), {HISTORY})

    def more_like(self, rec: Recommendation) -> None:
        services = self.host.services

        def done(recs: list[Recommendation]) -> None:
            self.page.show_recommendations(recs, self.tr("More like {0}").format(rec.item.label))

        self.page.waiting()
        op = self.host.run(lambda **_: services.recommender.more_like(int(rec.item.id or 0), k=30), done,
                           lane="model")
        for ended in (op.signals.failed, op.signals.cancelled):
            ended.connect(lambda *_: self.page.stop_waiting())

    def pin_interest(self, text: str) -> None:
        services = self.host.services

        def done(_: Any) -> None:
            self.host.say(self.tr("Pinned: {0}. It counts in every list until you remove it on the "
                                  "Interests page.").format(text))

        self.host.write(lambda **_: services.interests.pin(text), {INTERESTS}, done)

    def clear(self) -> None:
        """No list (everything was deleted)."""
        self.page.show_recommendations([])
