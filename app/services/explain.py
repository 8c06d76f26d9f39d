"""Explaining recommendations and the person's tastes, streamed and verified before display.

`explain()` yields events (events.py): Shown(piece) for text that has passed the verifier,
TakenBack(problems) when a draft is thrown away, and finally Finished(Explanation).
Text is held back while it may still be the start of a title, and each piece is
checked before it is shown: names must be in the evidence, and every content word of
the model's clause must be supported by a fact (claims.py). A draft that fails is
regenerated with another seed while time allows (DRAFTS, DRAFT_BUDGET_S), then the
template built from the same facts is used.
"""

from __future__ import annotations

import datetime as dt
import re
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass, field, replace
from typing import Any

import numpy as np

from app.core import explain as ex
from app.core import scoring
from app.core.claims import genre_words, words_of
from app.core.errors import AppError, ModelError
from app.core.facets import Facet, find_facets
from app.core.profile import OPENING, profile_evidence, profile_prompt, profile_text
from app.core.progress import CancelToken
from app.core.types import HistoryEntry, ModelParams, Recommendation
from app.models.llm import LlamaModel
from app.services.events import Event, Finished, Shown, TakenBack, final
from app.services.recommend import RecommendService
from app.storage import USER_CATALOG, Store

__all__ = ["Explanation", "ExplainService", "Profile"]

TEMPLATE_MODEL = "template"
KNOWN_ENOUGH = 20  # entries that say more than a title, for the interests to leave out those that do not
DRAFTS = 4  # model drafts tried before the template
DRAFT_BUDGET_S = 1.6  # no new draft is started after this long (p50 latency target: 2 s)
_CONNECTORS = {"of", "the", "and", "a", "an", "in", "on", "to", "at", "for", "de", "la", "le", "&", "-", ":"}


@dataclass
class Explanation:
    item_id: int
    title: str
    text: str
    path: str  # "llm" or "template"
    verified: bool
    cited: list[str]  # the names the text cites
    evidence: list[dict[str, Any]]
    ttft_s: float | None = None
    tokens_per_s: float | None = None
    seconds: float = 0.0
    model: str = TEMPLATE_MODEL
    cached: bool = False
    drafts: list[dict[str, Any]] = field(default_factory=list)  # LLM drafts and why each failed

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Profile:
    facets: list[Facet]
    text: str
    path: str  # "llm" when the model wrote the opening sentence, else "template"
    verified: bool
    newest: dt.date | None = None  # the latest date in the history: "the last year" ends here

    def as_dict(self) -> dict[str, Any]:
        def items(values: tuple) -> list[dict[str, Any]]:
            return [{"item_id": i.id, "title": i.title, "year": i.year, "kind": i.kind} for i in values]

        return {
            "facets": [{"label": f.label, "weight": f.weight, "genres": list(f.genres), "tags": list(f.tags),
                        "trend": f.trend, "since": f.since, "last": f.last, "items": items(f.items),
                        "recent": items(f.recent), "recent_of": f.recent_count}
                       for f in self.facets],
            "text": self.text, "path": self.path, "verified": self.verified,
            "newest": self.newest.isoformat() if self.newest else None,
        }


class _Guard:
    """Releases generated text only once it cannot be the start of an unchecked name."""

    def __init__(self, evidence: ex.WhyEvidence, index: ex.NameIndex, start: str) -> None:
        self.evidence, self.index = evidence, index
        self.text = start
        self.shown = len(start)

    def _hold_from(self) -> int:
        words = list(re.finditer(r"\S+", self.text))
        hold = len(self.text)
        if words and not self.text[-1:].isspace():
            hold = words[-1].start()  # the last word may be half-written
            words = words[:-1]
        for word in reversed(words):
            bare = word.group().strip("\"'(),.;!?")
            if bare[:1].isupper() or bare[:1].isdigit() or bare.lower() in _CONNECTORS:
                hold = word.start()
            else:
                break
        return max(hold, self.shown)

    def feed(self, piece: str) -> tuple[str, ex.Cited | None]:
        """Add model output; return (text now safe to show, a failed check or None)."""
        self.text += piece
        hold = self._hold_from()
        if hold <= self.shown:
            return "", None  # nothing new is safe yet: no need to check
        verdict = ex.check(self.text[:hold].rstrip(), self.evidence, self.index, partial=True)
        if verdict.problems:  # a name or a claim the evidence does not hold: stop this draft now
            return "", verdict
        out, self.shown = self.text[self.shown : hold], hold
        return out, None

    def finish(self) -> tuple[str, ex.Cited]:
        verdict = ex.check(self.text, self.evidence, self.index)
        if verdict.ok and not ex.specific(self.text, self.evidence):  # true, but says nothing: the template will
            verdict = replace(verdict, ok=False, problems=(ex.NOT_SPECIFIC,))
        out = self.text[self.shown :] if verdict.ok else ""
        return out, verdict


class ExplainService:
    def __init__(
        self,
        store: Store,
        recommender: RecommendService,
        llm_factory: Callable[[], LlamaModel] | None,
        *,
        settings: Callable[[], ModelParams] = ModelParams,
    ) -> None:
        self.store = store
        self.recommender = recommender
        self._llm_factory = llm_factory
        self._llm: LlamaModel | None = None
        self._index: ex.NameIndex | None = None
        self._makers: frozenset[str] | None = None
        self._settings = settings
        self._grammar = True  # the model writes only words its facts lend (ex.clause_grammar)

    # -- the model ----------------------------------------------------------------------------

    @property
    def llm(self) -> LlamaModel:
        if self._llm is None:
            if self._llm_factory is None:
                raise ModelError("No language model is configured.")
            self._llm = self._llm_factory()
        return self._llm

    def warm_up(self, **_: object) -> bool:
        """Load the language model now (the window does it in the background at start, so the first
        explanation's words come in about a second). False if it cannot be loaded: an explanation then
        says why, where the person looks."""
        try:
            self._ready()
        except Exception:  # noqa: BLE001 - said by the explanation that needs the model
            return False
        return True

    def _ready(self) -> LlamaModel:
        """The model, loaded now if it was not (so the draft budget counts drafting only)."""
        llm = self.llm
        if not getattr(llm, "loaded", True):
            _ = llm.llm
        return llm

    def unload(self) -> None:
        if self._llm is not None:
            self._llm.unload()
            self._llm = None

    @property
    def makers(self) -> frozenset[str]:
        """The catalogs' creators' surnames (read once): tags that name a maker are no theme."""
        if self._makers is None:
            self._makers = frozenset(self.store.items.creator_surnames())
        return self._makers

    @property
    def index(self) -> ex.NameIndex:
        if self._index is None:
            self._index = ex.NameIndex(self.store.items.names())
        return self._index

    # -- evidence -------------------------------------------------------------------------------

    def evidence_for(self, rec: Recommendation, *, top: int = 3) -> ex.WhyEvidence:
        ids = [c.item_id for c in rec.contributions if c.contribution > 0 and c.weight > 0][:top]
        ratings = {int(e.item.id or 0): e.rating_norm for e in self.store.history.entries()}
        marks = self.store.feedback.all()
        saved = {i for i, kind in marks if kind == "saved"}
        likes = {i for i, kind in marks if kind == "like"}
        return ex.evidence_from(rec, self.store.items.get_many(ids), ratings, top=top, saved=saved, likes=likes)

    # -- why this item ---------------------------------------------------------------------------

    def explain(
        self,
        query: str,
        *,
        use_llm: bool = True,
        temperature: float | None = None,
        seed: int | None = None,
        max_tokens: int | None = None,
        cancel: CancelToken | None = None,
        lang: str = "en",
        like: Sequence[str] = (),
    ) -> Iterator[Event]:
        """``like``: the words the list was asked for (they count in the score, so in the why)."""
        rec = self.recommender.why(query, like=like)
        evidence = self.evidence_for(rec)
        yield from self.explain_evidence(evidence, use_llm=use_llm, temperature=temperature, seed=seed,
                                         max_tokens=max_tokens, cancel=cancel, lang=lang)

    def explain_recommendation(self, rec: Recommendation, *, cancel: CancelToken | None = None,
                               lang: str = "en") -> Iterator[Event]:
        """The explanation of a recommendation as it was listed (its own contributions: those of a "more like
        this" list are that one item's, not the whole history's), so the text and the list's breakdown agree."""
        yield from self.explain_evidence(self.evidence_for(rec), cancel=cancel, lang=lang)

    def explain_evidence(
        self,
        evidence: ex.WhyEvidence,
        *,
        use_llm: bool = True,
        temperature: float | None = None,
        seed: int | None = None,
        max_tokens: int | None = None,
        cancel: CancelToken | None = None,
        cache: bool = True,
        lang: str = "en",
    ) -> Iterator[Event]:
        """``lang`` "zh..." gives the Chinese template (the bundled model writes English only)."""
        started = time.perf_counter()
        if lang.startswith("zh") or ex.asked_first(evidence):
            use_llm = False  # the bundled model writes English; typed words are no facts about an item
        conf = self._settings()
        temperature = conf.llm_temperature if temperature is None else temperature
        seed = conf.llm_seed if seed is None else int(seed)
        max_tokens = conf.llm_max_tokens if max_tokens is None else int(max_tokens)
        facts = [asdict(r) | {"channel": r.channel} for r in evidence.reasons]
        result = Explanation(item_id=evidence.item_id, title=evidence.title, text="", path="template",
                             verified=True, cited=[], evidence=facts)
        model_id = TEMPLATE_MODEL
        if use_llm:
            try:
                model_id = self.llm.model_id
            except AppError as exc:  # no model: the template still explains
                result.drafts.append({"error": str(exc)})
                use_llm = False
        key = (evidence.item_id, evidence.digest(), model_id, f"{ex.PROMPT_VERSION}:{temperature}:{seed}:{lang[:2]}")
        if cache:
            hit = self.store.explanations.get(*key)
            llm = hit is not None and hit["path"] == "llm"
            if hit is not None and (not ex.check(hit["text"], evidence, self.index, claims=llm).ok
                                    or llm and not ex.specific(hit["text"], evidence)):
                hit = None  # written before the verifier learnt something new: write it again
            if hit is not None and hit["path"] == "template" and hit["text"] != ex.template_text(evidence, lang):
                hit = None  # a template written before its wording changed (typed words quoted whole)
            if hit is not None and not hit["verified"]:
                hit = None  # refused before: the checker may pass it now (a title it read as repeated text)
            if hit is not None:
                result.text, result.path, result.verified, result.cited = (
                    hit["text"], hit["path"], hit["verified"], hit["cited"])
                result.model, result.cached = model_id, True
                result.seconds = time.perf_counter() - started
                yield Shown(hit["text"])
                yield Finished(result)
                return
        grammar = ex.clause_grammar(evidence, self.makers) if self._grammar else None
        if use_llm and self._grammar and grammar is None:
            use_llm = False  # nothing specific to say about the title in the prefix: the template says it
        if use_llm:
            try:
                self._ready()
            except AppError as exc:  # a model file llama.cpp cannot load: the template explains
                result.drafts.append({"error": str(exc)})
                use_llm = False
        if use_llm:
            drafting = time.perf_counter()  # loading the model once is not drafting time
            for attempt in range(DRAFTS):
                if attempt and time.perf_counter() - drafting > DRAFT_BUDGET_S:
                    break
                try:
                    outcome = yield from self._draft(evidence, result, temperature=temperature, seed=seed + attempt,
                                                     max_tokens=max_tokens, cancel=cancel, grammar=grammar)
                except ModelError as exc:  # e.g. a prompt longer than the context: the template explains
                    result.drafts.append({"error": str(exc), "problems": [str(exc)]})
                    yield TakenBack([str(exc)])
                    break
                if outcome:
                    break
                yield TakenBack(result.drafts[-1]["problems"])
        if not result.text:
            text = ex.template_text(evidence, lang)
            verdict = ex.check(text, evidence, self.index, claims=False)
            result.text, result.path, result.verified = text, "template", verdict.ok
            result.cited = list(verdict.named) or ex.cited_history(text, evidence)
            yield Shown(text)
        result.seconds = time.perf_counter() - started
        if cache:
            self.store.explanations.put(*key, text=result.text, path=result.path, verified=result.verified,
                                        cited=result.cited)
        yield Finished(result)

    def _draft(self, evidence: ex.WhyEvidence, result: Explanation, *, temperature: float, seed: int,
               max_tokens: int, cancel: CancelToken | None, grammar: str | None = None) -> Iterator[Event]:
        llm = self.llm
        prompt: Any = ex.chat_messages(evidence) if llm.chat else ex.few_shot_prompt(evidence)
        prefix = ex.prefix_for(evidence)
        guard = _Guard(evidence, self.index, prefix)
        asked = time.perf_counter()
        first: float | None = None
        pieces = 0
        yield Shown(prefix)
        failed: ex.Cited | None = None
        generated = ""
        for piece in llm.stream(prompt, max_tokens=max_tokens, temperature=temperature, seed=seed,
                                stop=("\n", "Explanation:"), cancel=cancel,
                                grammar=None if llm.chat else grammar):
            if first is None:
                first = time.perf_counter() - asked
            pieces += 1
            if llm.chat and not generated and piece.strip().startswith(prefix[:12]):
                piece = piece.strip()[len(prefix):]  # a chat model may repeat the prefix
            generated += piece
            stop = _sentence_end(guard.text, piece)
            if stop is not None:  # one sentence: stop at its end
                piece = piece[:stop]
                out, failed = guard.feed(piece)
                if out and not failed:
                    yield Shown(out)
                break
            out, failed = guard.feed(piece)
            if failed:
                break
            if out:
                yield Shown(out)
        total = time.perf_counter() - asked
        if failed is None:
            rest, failed = guard.finish()
            if failed.ok:
                if rest:
                    yield Shown(rest)
                result.text, result.path, result.verified = guard.text.strip(), "llm", True
                result.cited = list(failed.named)
                failed = None
        result.ttft_s = first
        result.tokens_per_s = (pieces - 1) / (total - first) if first is not None and total > first and pieces > 1 \
            else None
        result.model = llm.model_id
        result.drafts.append({"text": guard.text.strip(), "named": list(failed.named) if failed else result.cited,
                              "grounded": list(failed.grounded) if failed else result.cited,
                              "problems": list(failed.problems) if failed else [], "ttft_s": first,
                              "tokens": pieces, "seconds": total})
        return failed is None

    def explain_now(self, query: str, **kwargs: Any) -> Explanation:
        """explain() run to the end: the final Explanation."""
        return final(self.explain(query, **kwargs))  # type: ignore[no-any-return]

    # -- the person's tastes --------------------------------------------------------------------

    def _facet_entries(self) -> tuple[list[HistoryEntry], int]:
        """The entries the interests are found in, and how many were left out: titles no catalog has that say
        nothing but their title (a Goodreads row in Spanish), where at least KNOWN_ENOUGH others say more.
        Grouped by their titles' words alone, 1,187 of a Spanish reader's books named three of his five
        interests after self-published novels ("books close to Cárceles de tinta")."""
        entries = self.store.history.entries()
        bare = [e for e in entries if e.item.catalog == USER_CATALOG
                and not (e.item.genres or e.item.tags or e.item.description)]
        if not bare or len(entries) - len(bare) < KNOWN_ENOUGH:
            return entries, 0
        left = {id(e) for e in bare}
        return [e for e in entries if id(e) not in left], len(bare)

    def facets(self) -> list[Facet]:
        loaded = self.recommender.universe()
        params = self.recommender.params()
        entries, _ = self._facet_entries()
        if not entries:
            return []
        weights = scoring.evidence_weights(entries, params=params)
        pos = np.searchsorted(loaded.universe.item_ids, [e.item.id for e in entries])
        return find_facets([e.item for e in entries], loaded.universe.embeddings[pos], weights,
                           dates=[e.consumed_at for e in entries],
                           rated=[e.rating_norm is not None for e in entries])

    def profile(self, *, use_llm: bool = True, cancel: CancelToken | None = None,
                lang: str = "en") -> Iterator[Event]:
        """Events like explain(): the paragraph about the person's interest facets. The paragraph is built
        from the facets; the model may add an opening sentence, shown only if it passes the same checks
        as an explanation (every word supported by the facets' genres, tags and titles)."""
        facets = self.facets()
        if not facets:
            raise AppError("Your history is empty, so there is no taste to describe yet.",
                           zh="你的历史记录是空的，所以还没有可以描述的口味。")
        dates = [e.consumed_at for e in self.store.history.entries() if e.consumed_at]
        newest = _date(max(dates)) if dates else None
        text, path = profile_text(facets, lang, newest=newest, left_out=self._facet_entries()[1]), "template"
        opening = self._opening(facets, cancel) if use_llm and not lang.startswith("zh") else ""
        if opening:
            text, path = f"{opening} {text}", "llm"
        yield Shown(text)
        yield Finished(Profile(facets=facets, text=text, path=path, verified=True, newest=newest))

    def _opening(self, facets: list[Facet], cancel: CancelToken | None) -> str:
        return self.checked_opening(profile_prompt(facets), profile_evidence(facets), OPENING, cancel=cancel,
                                    accept=lambda draft: _names_the_strongest(draft, facets[0]),
                                    stop=("\n", "Interests:"))[0]

    def checked_opening(self, prompt: str, evidence: ex.WhyEvidence, opening: str, *,
                        cancel: CancelToken | None = None, accept: Callable[[str], bool] = lambda _: True,
                        stop: tuple[str, ...] = ("\n",)) -> tuple[str, tuple[str, ...]]:
        """An opening sentence by the model after our words ``opening``, which passes every check of an
        explanation against ``evidence`` and ``accept``: (the sentence or "", the drafts refused). Up to
        DRAFTS seeds within DRAFT_BUDGET_S; "" without a model (the profile's and the year's paragraphs)."""
        try:
            self._ready()
        except AppError:
            return "", ()
        started = time.perf_counter()
        refused: list[str] = []
        for seed in range(DRAFTS):
            if seed and time.perf_counter() - started > DRAFT_BUDGET_S:
                break
            try:
                clause = "".join(self.llm.stream(prompt, max_tokens=40, temperature=0.7, seed=seed, stop=stop,
                                                 cancel=cancel))
            except AppError:
                return "", tuple(refused)
            end = _sentence_end(opening, clause)
            draft = f"{opening}{clause[:end]}".strip() if end else ""
            if draft and accept(draft) and ex.check(draft, evidence, self.index, prefix=opening).ok:
                return draft, tuple(refused)
            refused.append(f"{opening}{clause}".strip())
        return "", tuple(refused)


def _names_the_strongest(draft: str, top: Facet) -> bool:
    """An opening that leaves out the strongest interest misleads, even if every word of it is true."""
    wanted = {w[:5] for w in genre_words([*top.genres, *top.tags]) if len(w) >= 3}
    return bool(wanted) and any(w[:5] in wanted for w in words_of(draft))


def _date(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        return None


def _sentence_end(before: str, piece: str) -> int | None:
    """Where in ``piece`` the sentence ends (just after its full stop), or None: "Dr." and "R.A." go on."""
    for at, ch in enumerate(piece):
        if ch == "." and not ex.ends_on_abbreviation(before + piece[: at + 1]):
            return at + 1
    return None
