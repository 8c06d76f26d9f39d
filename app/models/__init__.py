"""Local models: the sentence-transformers embedder (and, later, the llama.cpp explainer).

Importing this package is cheap; torch and sentence-transformers load only when a
model is first used. Hugging Face libraries are told to stay offline before they
are ever imported: Hearth never downloads a model behind the user's back.
"""

from __future__ import annotations

import os

for _var in ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE", "HF_DATASETS_OFFLINE", "HF_HUB_DISABLE_TELEMETRY"):
    os.environ[_var] = "1"
