"""Match word and phrase lists from resource files against a parsed Doc, by form or lemma."""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Token

_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "`": "'"})


@lru_cache(maxsize=1 << 16)
def fold(word: str) -> str:
    """Lower-case, unify apostrophes and strip accents, so 'Tués' and 'tues' compare equal (cached: hot path)."""
    word = word.lower().translate(_APOSTROPHES)
    decomposed = unicodedata.normalize("NFD", word)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


_DOC_KEYS = "veille_token_keys"


def token_keys(token: Token) -> frozenset[str]:
    """The folded surface form and lemma of a token."""
    return doc_token_keys(token.doc)[token.i]


def doc_token_keys(doc: Doc) -> list[frozenset[str]]:
    """The keys of every token of a Doc, computed once per Doc: every lexicon scans the same Doc."""
    keys = doc.user_data.get(_DOC_KEYS)
    if keys is None or len(keys) != len(doc):
        keys = [_keys(token.text, token.lemma_) for token in doc]
        doc.user_data[_DOC_KEYS] = keys
    return keys


@lru_cache(maxsize=1 << 16)
def _keys(text: str, lemma: str) -> frozenset[str]:
    return frozenset({fold(text), fold(lemma)})


@dataclass(frozen=True)
class LexiconHit:
    """A lexicon entry found in a Doc: token range, the entry's label and the phrase matched."""

    token_start: int
    token_end: int
    label: str
    entry: str


class PhraseLexicon:
    """A compiled set of labelled words and phrases, matched greedily (longest first)."""

    def __init__(self, entries: Mapping[str, Iterable[str]], tokenize) -> None:
        self._by_first: dict[str, list[tuple[tuple[str, ...], str, str]]] = defaultdict(list)
        for label, phrases in entries.items():
            for phrase in phrases or ():
                words = tuple(fold(t) for t in tokenize(str(phrase)) if t.strip())
                if words:
                    self._by_first[words[0]].append((words, label, str(phrase)))
        for options in self._by_first.values():
            options.sort(key=lambda item: -len(item[0]))

    def find(self, doc: Doc, start: int = 0, end: int | None = None) -> list[LexiconHit]:
        """Return non-overlapping hits in doc[start:end], longest match first at each position."""
        end = len(doc) if end is None else end
        keys = doc_token_keys(doc)[start:end]
        hits: list[LexiconHit] = []
        firsts = self._by_first.keys()
        i = 0
        while i < len(keys):
            if firsts.isdisjoint(keys[i]):  # most tokens open no entry: skip the call
                i += 1
                continue
            match = self._match_at(keys, i)
            if match is None:
                i += 1
                continue
            length, label, entry = match
            hits.append(LexiconHit(start + i, start + i + length, label, entry))
            i += length
        return hits

    def _match_at(self, keys: list[frozenset[str]], i: int) -> tuple[int, str, str] | None:
        best: tuple[int, str, str] | None = None
        for first in sorted(keys[i]):  # a set's order changes with the hash seed: ties must not
            for words, label, entry in self._by_first.get(first, ()):
                if best is not None and len(words) <= best[0]:
                    break
                if i + len(words) <= len(keys) and all(words[k] in keys[i + k] for k in range(1, len(words))):
                    best = (len(words), label, entry)
                    break
        return best


@lru_cache(maxsize=None)
def folded_words(language: str, resource: str, section: str) -> frozenset[str]:
    """The folded words of one word list of resources/<language>/<resource>.yaml (cached)."""
    from veille.resources import lexicon

    return frozenset(fold(str(word)) for word in lexicon(language, resource).get(section) or ())


@lru_cache(maxsize=None)
def _cached(language: str, resource: str, section: str) -> PhraseLexicon:
    from veille.nlp import load_pipeline
    from veille.resources import lexicon

    table = lexicon(language, resource).get(section) or {}
    if not isinstance(table, Mapping):
        table = {section: table}
    elif table and not isinstance(next(iter(table.values())), list):
        table = {str(key): [str(key)] for key in table}  # a word -> value table: each word is its own label
    tokenizer = load_pipeline(language).tokenizer
    return PhraseLexicon(table, lambda text: [t.text for t in tokenizer(text)])


def compiled_lexicon(language: str, resource: str, section: str) -> PhraseLexicon:
    """Return the compiled lexicon of resources/<language>/<resource>.yaml, key `section` (cached)."""
    return _cached(language, resource, section)
