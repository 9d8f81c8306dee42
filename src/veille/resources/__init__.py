"""Load the project's data files: per-language lexicons and shared tables under resources/."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources as importlib_resources
from pathlib import Path
from typing import Any

import yaml

SUPPORTED_LANGUAGES = ("fr", "en")


def resource_path(*parts: str) -> Path:
    """Return the filesystem path of a file shipped under veille/resources."""
    return Path(str(importlib_resources.files("veille.resources").joinpath(*parts)))


@lru_cache(maxsize=None)
def load_yaml(*parts: str) -> Any:
    """Read and cache one YAML resource file."""
    path = resource_path(*parts)
    if not path.exists():
        raise FileNotFoundError(f"veille resource missing: {path}")
    with path.open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


def lexicon(language: str, name: str) -> Any:
    """Return the resource `name` (e.g. 'triggers') for a language, e.g. resources/fr/triggers.yaml."""
    if language not in SUPPORTED_LANGUAGES:
        raise KeyError(f"unsupported language {language!r}; supported: {', '.join(SUPPORTED_LANGUAGES)}")
    return load_yaml(language, f"{name}.yaml")
