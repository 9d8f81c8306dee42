"""Identify an article's language among a restricted candidate set (py3langid, offline)."""

from __future__ import annotations

import copy
from collections.abc import Sequence
from functools import lru_cache

from py3langid.langid import MODEL_FILE, LanguageIdentifier

from veille.resources import SUPPORTED_LANGUAGES, load_yaml

UNDETERMINED = "und"


def language_settings() -> dict:
    """Return resources/languages.yaml: candidates, min_letters, max_chars."""
    return load_yaml("languages.yaml")


def candidate_languages(supported: Sequence[str]) -> tuple[str, ...]:
    """Return the sorted candidate codes: the resource list plus the supported languages."""
    return tuple(sorted(set(language_settings()["candidates"]) | set(supported)))


@lru_cache(maxsize=1)
def full_identifier() -> LanguageIdentifier:
    """Load the bundled py3langid model once (about half a second), with normalised probabilities."""
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


@lru_cache(maxsize=8)
def identifier_for(candidates: tuple[str, ...]) -> LanguageIdentifier:
    """Return the model restricted to the candidates, so probabilities are over them alone."""
    full = full_identifier()
    unknown = sorted(set(candidates) - set(full.labels))
    if unknown:
        raise ValueError(f"language identification has no model for: {', '.join(unknown)}")
    identifier = copy.copy(full)  # set_languages rebinds the weight arrays, the shared model is untouched
    identifier.set_languages(list(candidates))
    return identifier


def count_letters(text: str) -> int:
    """Return the number of alphabetic characters in text."""
    return sum(1 for char in text if char.isalpha())


def identify_language(text: str, supported: Sequence[str] = SUPPORTED_LANGUAGES) -> tuple[str, float]:
    """Return (language code, probability); the code may lie outside `supported`, 'und' when too short."""
    settings = language_settings()
    sample = text[: settings["max_chars"]]
    if count_letters(sample) < settings["min_letters"]:
        return UNDETERMINED, 0.0
    code, probability = identifier_for(candidate_languages(supported)).classify(sample)
    return code, float(probability)
