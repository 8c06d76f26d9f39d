"""Embedding 2,000 catalog texts through Hearth's cache vs a bare SentenceTransformer.encode.

    python -m tests.benchmarks embedding [--n 2000] [--batch-size 64]

Same texts, same model, same process; the bare call first, then Hearth's service on
an empty database (everything to embed), then the service again (nothing to embed).
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

from app.core.text import item_text
from app.core.types import Item
from app.models.embedder import Embedder
from app.services.catalogs import resources_dir
from app.services.embeddings import EmbeddingService
from app.storage import Store


def catalog_texts(n: int) -> list[str]:
    texts = []
    with (resources_dir() / "catalogs" / "movielens-small" / "items.jsonl").open(encoding="utf-8") as f:
        for line in f:
            data = json.loads(line)
            texts.append(item_text(Item(**{k: tuple(v) if isinstance(v, list) else v for k, v in data.items()})))
            if len(texts) == n:
                break
    return texts


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--n", type=int, default=2000)
    parser.add_argument("--batch-size", type=int, default=64)
    args = parser.parse_args(argv)
    texts = catalog_texts(args.n)
    embedder = Embedder(device="auto", batch_size=args.batch_size)
    model = embedder._load()
    model.encode(texts[:64], batch_size=args.batch_size)  # warm up

    start = time.perf_counter()
    model.encode(texts, batch_size=args.batch_size, normalize_embeddings=True, convert_to_numpy=True,
                 show_progress_bar=False)
    bare = time.perf_counter() - start

    with tempfile.TemporaryDirectory() as tmp:
        store = Store.open(Path(tmp))
        service = EmbeddingService(store, lambda: embedder)
        start = time.perf_counter()
        service.embed_texts(texts)
        first = time.perf_counter() - start
        first_count = service.last_embedded
        start = time.perf_counter()
        service.embed_texts(texts)
        second = time.perf_counter() - start
        second_count = service.last_embedded
        store.close()

    print(f"{len(texts)} catalog texts, {embedder.model_id} on {embedder.device}, batch {args.batch_size}")
    print(f"bare SentenceTransformer.encode   {bare:6.2f} s  {len(texts) / bare:7.1f} texts/s")
    print(f"hearth, first run (cache empty)    {first:6.2f} s  {len(texts) / first:7.1f} texts/s"
          f"  -> {bare / first:.2f}x bare; embedded {first_count}")
    print(f"hearth, second run (all cached)    {second:6.2f} s  embedded {second_count}")


if __name__ == "__main__":
    main()
