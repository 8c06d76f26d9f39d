"""Use cases shared by the GUI and the CLI, wired over one store."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from app.core.progress import CancelToken, Progress, no_progress
from app.core.types import ModelParams, RankingParams
from app.models.embedder import Embedder
from app.models.llm import DEFAULT_LLM_ID, PACKED_NAME, LlamaModel, default_llm_path
from app.models.multilingual import MultilingualEmbedder, multilingual_installed
from app.services.catalogs import CatalogService, resources_dir
from app.services.embeddings import EmbeddingService
from app.services.explain import ExplainService, Explanation, Profile
from app.services.history import HistoryService, ImportReport
from app.services.interests import InterestMap, InterestsService
from app.services.lookup import ItemLookup
from app.services.privacy import STATEMENT, PrivacyService
from app.services.recommend import Filters, RecommendService
from app.services.search import SearchHit, SearchResult, SearchService
from app.services.settings import SETTINGS, SettingsService
from app.services.stats import StatsService, YearText
from app.storage import Store

__all__ = ["SETTINGS", "STATEMENT", "Explanation", "Filters", "ImportReport", "InterestMap", "Profile",
           "SearchHit", "SearchResult", "Services", "YearText"]


class Services:
    """Every service over one store; built by the composition root (or a test)."""

    def __init__(
        self,
        store: Store,
        *,
        embedder_factory: Callable[[], Embedder] | None = None,
        llm_factory: Callable[[], LlamaModel] | None = None,
        catalogs_dir: Path | None = None,
        notice: Callable[[str], None] | None = None,
        multilingual_factory: Callable[[], MultilingualEmbedder | None] | None = None,
    ) -> None:
        self.store = store
        self.settings = SettingsService(store, notice=notice)
        self.catalogs = CatalogService(store, catalogs_dir=catalogs_dir)
        self.lookup = ItemLookup(store)
        self.embeddings = EmbeddingService(
            store, embedder_factory or self._default_embedder, notice=notice,
            multilingual_factory=multilingual_factory or self._default_multilingual,
        )
        self.history = HistoryService(store, self.lookup, self.embeddings, params=self.settings.ranking_params)
        self.recommender = RecommendService(
            store, self.embeddings, self.lookup, self.settings.ranking_params
        )
        self.explainer = ExplainService(
            store, self.recommender, llm_factory or self._default_llm, settings=self.settings.model_params
        )
        self.interests = InterestsService(self.recommender, self.explainer)
        self.search = SearchService(store, self.recommender, self.embeddings, self.lookup)
        self.privacy = PrivacyService(store)
        self.stats = StatsService(store, self.explainer)

    def status(self) -> dict[str, object]:
        """Where the data lives and how much of it there is."""
        return {
            "database": str(self.store.db.path),
            "catalogs": {c.name: c.items for c in self.catalogs.installed()},
            "history": self.store.history.count(),
        }

    def sibling(self, store: Store) -> Services:
        """Services over another store with this session's models, catalogs and ranking settings
        (a replay's throw-away stores)."""
        services = Services(store, embedder_factory=lambda: self.embeddings.embedder,
                            llm_factory=self._default_llm, catalogs_dir=self.catalogs.catalogs_dir,
                            multilingual_factory=lambda: self.embeddings.multilingual)
        values, stored = self.settings.all(), self.store.settings.all()
        for key in RankingParams.names():
            if key in stored:
                services.settings.set(key, values[key])
        return services

    def download_model(self, url: str, *, sha256: str | None, progress: Progress = no_progress,
                       cancel: CancelToken | None = None, max_bytes: int | None = None,
                       idle_timeout: float | None = None) -> Path:
        """The opt-in download: fetch a GGUF into the data folder and make it the explainer's model.

        ``max_bytes`` and ``idle_timeout`` default to app.models.download's limits (8 GiB, 60 s).
        """
        from app.models import download

        name = download.model_file_name(url)  # never a path, whatever the address's last segment is
        path = download.download_model(
            url, self.store.db.path.parent / "models" / name, sha256=sha256, progress=progress, cancel=cancel,
            max_bytes=download.DEFAULT_MAX_BYTES if max_bytes is None else max_bytes,
            idle_timeout=download.DEFAULT_IDLE_TIMEOUT if idle_timeout is None else idle_timeout,
        )
        self.settings.set("llm_model", str(path))
        self.explainer.unload()
        return path

    def apply_settings(self, values: dict[str, Any]) -> dict[str, Any]:
        """Change settings, dropping what depended on the old values (a loaded model, cached vectors):
        the one place that knows which setting invalidates what. Returns all settings after."""
        before = self.settings.all()
        for key, value in values.items():
            if before.get(key) != value:
                self.settings.set(key, value)
        after = self.settings.all()
        old, new = ModelParams.of(before), ModelParams.of(after)
        if (old.embedding_model, old.device) != (new.embedding_model, new.device):
            self.embeddings.reset()
        if any(getattr(old, k) != getattr(new, k) for k in ModelParams.names() if k.startswith("llm_")):
            self.explainer.unload()
        return after

    def reset_ranking(self) -> dict[str, Any]:
        """Every ranking constant back to its default. Returns all settings after."""
        for key in RankingParams.names():
            self.settings.reset(key)
        return self.settings.all()

    def model_info(self) -> dict[str, object]:
        """The explainer's model as configured (does not load it)."""
        llm = self.explainer.llm
        return {"model_id": llm.model_id, "path": str(llm.path), "size": llm.info.size,
                "threads": llm.threads, "context": llm.context, "mode": llm.mode,
                "gpu_layers": "auto" if llm.gpu_layers is None else llm.gpu_layers}

    def _default_llm(self) -> LlamaModel:
        conf = self.settings.model_params()
        packed = resources_dir() / "models" / PACKED_NAME  # only the packaged app has it
        path = conf.llm_model or default_llm_path(self.store.db.path.parent, packed=packed)
        return LlamaModel(
            path, model_id=None if conf.llm_model else DEFAULT_LLM_ID, threads=conf.llm_threads,
            context=conf.llm_context, gpu_layers=None if conf.llm_gpu_layers < 0 else conf.llm_gpu_layers,
            mode=conf.llm_mode,
        )

    @staticmethod
    def _default_multilingual() -> MultilingualEmbedder | None:
        """The multilingual text model for what the English one cannot read, where it is installed."""
        return MultilingualEmbedder() if multilingual_installed() else None

    def _default_embedder(self) -> Embedder:
        conf = self.settings.model_params()
        return Embedder(model_path=conf.embedding_model or None, device=conf.device)
