"""spaCy pipelines per language: loaded once per process, run in batches with nlp.pipe."""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator
from typing import TypeVar

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from veille.resources import load_yaml

T = TypeVar("T")

_lock = threading.Lock()
_pipelines: dict[str, Language] = {}


_SENTENCE_END = {".", "!", "?", "…", "؟", "。"}


@Language.component("veille_sentences")
def set_sentence_starts(doc: Doc) -> Doc:
    """Fix sentence starts before the parser runs: news text splits at end punctuation and line breaks.

    The statistical parsers cut sentences inside hyphenated names ("al-Anbari"); the parser
    respects boundaries set before it, so every token is marked here.
    """
    for i, token in enumerate(doc):
        if i == 0:
            token.is_sent_start = True
            continue
        prev = doc[i - 1]
        ends = prev.text in _SENTENCE_END and (bool(prev.whitespace_) or token.is_space)
        token.is_sent_start = ends or "\n" in prev.text or (prev.is_space and "\n" in prev.text)
    return doc


def pipeline_names(language: str) -> list[str]:
    """Return the spaCy package names to try for a language, best first (resources/pipelines.yaml)."""
    table = load_yaml("pipelines.yaml")
    if language not in table:
        raise KeyError(f"no spaCy pipeline configured for language {language!r}")
    return list(table[language])


def load_pipeline(language: str) -> Language:
    """Load (once per process) the spaCy pipeline of a language."""
    with _lock:
        if language in _pipelines:
            return _pipelines[language]
        errors = []
        for name in pipeline_names(language):
            try:
                nlp = spacy.load(name)
                break
            except OSError as exc:  # package not installed: try the next one
                errors.append(f"{name}: {exc}")
        else:
            raise RuntimeError(
                f"no spaCy pipeline installed for {language!r} (tried {', '.join(pipeline_names(language))}); "
                "run `make install` or `pip install -e .`"
            )
        if "parser" in nlp.pipe_names and "veille_sentences" not in nlp.pipe_names:
            nlp.add_pipe("veille_sentences", before="parser")
        nlp.max_length = max(nlp.max_length, 2_000_000)
        _pipelines[language] = nlp
        return nlp


def parse(text: str, language: str) -> Doc:
    """Parse one text with the pipeline of its language."""
    return load_pipeline(language)(text)


def parse_batch(items: Iterable[tuple[str, T]], language: str, batch_size: int = 32) -> Iterator[tuple[Doc, T]]:
    """Parse (text, context) pairs of one language with nlp.pipe, yielding (Doc, context)."""
    nlp = load_pipeline(language)
    yield from nlp.pipe(items, as_tuples=True, batch_size=batch_size)
