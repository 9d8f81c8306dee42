"""Matching keys for place names that survive transliteration (Dar'a, Daraa, Deraa...)."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Regexes rather than str.translate: translate with a dict is several times slower on big batches.
_APOSTROPHES = re.compile("['’‘`´ʿʾʻʼ′ʽ]")
_SPECIAL_LETTERS = {"ß": "ss", "ø": "o", "æ": "ae", "œ": "oe", "ł": "l", "đ": "d", "ı": "i", "ħ": "h",
                    "þ": "th", "ð": "d", "ŧ": "t", "ŋ": "n", "ə": "e"}
_SPECIAL_LETTER = re.compile("|".join(_SPECIAL_LETTERS))
_COMBINING = re.compile(r"[\u0300-\u036f]+")
_NOT_ALNUM = re.compile(r"[^0-9a-z\n]+")
# Romanised Arabic articles (al-, el-, and the sun-letter forms ash-, ez-...) are dropped from
# names of several words; the "tell" (mound) prefix has many spellings.
_ARTICLE_WORDS = "al el il ul ad ed ud adh edh ash esh ar er ur as es us at et ath eth az ez uz an en"
ARTICLE_WORDS = tuple(_ARTICLE_WORDS.split())
_ARTICLE_BEFORE_WORD = re.compile(rf"(?:^|(?<= ))(?:{_ARTICLE_WORDS.replace(' ', '|')}) (?=[^\n])", re.M)
_ARTICLE_AFTER_WORD = re.compile(rf"(?<=[^\n]) (?:{_ARTICLE_WORDS.replace(' ', '|')})$", re.M)
_TELL = re.compile(r"\b(?:tell|tel|tall|til)\b")
_SPACES = re.compile(r"(?m)^ +| +$|(?<= ) +")
_OU_BEFORE_VOWEL = re.compile(r"ou(?=[aeiy])")  # French "ou" before a vowel is a w: Haouija = Hawija
_PLAIN_FOLDS = (("ou", "u"), ("dj", "j"), ("ch", "sh"), ("ee", "i"), ("oo", "u"))
_DIPHTHONG_AI = re.compile(r"(?:ay|ai|ey|ei)(?=[^aeiou]|$)")
_DIPHTHONG_AU = re.compile(r"(?:aw|au)(?=[^aeiou]|$)")
_FINAL_AH = re.compile(r"(?<=\w[^aeiou\s])[ae]h\b")
_DOUBLED = re.compile(r"(.)(?=\1)")  # removing the first of each pair collapses runs
# The loose key is a fallback tier only: vowel quality and q/k are unstable across
# transliterations (Idleb/Idlib, Deraa/Daraa, Hassaké/Hasakah), but merging them in the main
# key triples the places outranked by an unrelated bigger namesake.
_LOOSE_LETTERS = str.maketrans({"e": "a", "i": "a", "o": "u", "q": "k"})
_QU_BEFORE_VOWEL = re.compile(r"qu(?=[aeio])")  # English "qu" for a bare q before a vowel: Quamishli = Qamishli

_ARABIC_SCRIPT = re.compile(r"[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")
_ARABIC_MARKS = re.compile(r"[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_ARABIC_LETTERS = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ک": "ك", "ی": "ي"})
_ARABIC_ARTICLE = re.compile(r"(?:(?<=\s)|^)ال(?=\S{2,})")


def is_arabic_script(name: str) -> bool:
    """True when the name contains Arabic-script letters."""
    return _ARABIC_SCRIPT.search(name) is not None


def _latin_letters(text: str) -> str:
    """Lower-case ASCII letters, digits, spaces; newlines kept so batches stay aligned."""
    text = unicodedata.normalize("NFKD", _APOSTROPHES.sub("", text)).lower()
    if not text.isascii():
        text = _SPECIAL_LETTER.sub(lambda match: _SPECIAL_LETTERS[match.group()], _COMBINING.sub("", text))
    return _NOT_ALNUM.sub(" ", text)


def _drop_articles(text: str) -> str:
    """Trim spaces, drop articles next to another word, spell "tell" one way; one key or many."""
    text = _SPACES.sub("", text)
    text = _ARTICLE_AFTER_WORD.sub("", _ARTICLE_BEFORE_WORD.sub("", text))
    return _TELL.sub("tal", text)


def _fold_spelling(text: str) -> str:
    """Spelling folds; works on one key or on many joined by newlines."""
    if "ou" in text:
        text = _OU_BEFORE_VOWEL.sub("w", text)
    for old, new in _PLAIN_FOLDS:
        if old in text:
            text = text.replace(old, new)
    text = _DIPHTHONG_AU.sub("o", _DIPHTHONG_AI.sub("ei", text))
    if "h" in text:
        text = _FINAL_AH.sub("a", text)
    return _DOUBLED.sub("", text)


def _normalise_arabic(name: str) -> str:
    name = _ARABIC_MARKS.sub("", unicodedata.normalize("NFKC", name)).translate(_ARABIC_LETTERS)
    words = name.split()
    if not words:
        return ""
    if len(words) > 1 or len(words[0]) > 4:
        name = _ARABIC_ARTICLE.sub("", " ".join(words))
    return " ".join(name.split())


@lru_cache(maxsize=200_000)
def normalise_name(name: str) -> str:
    """Return the matching key of a place name: folded case, accents, articles and spellings."""
    if is_arabic_script(name):
        return _normalise_arabic(name)
    return _fold_spelling(_drop_articles(_latin_letters(name)))


def normalise_names(names: list[str]) -> list[str]:
    """normalise_name over many names at once (regexes run once over the joined batch)."""
    keys = [""] * len(names)
    latin = []
    for position, name in enumerate(names):
        if name.isascii() or not is_arabic_script(name):
            latin.append(position)
        else:
            keys[position] = _normalise_arabic(name)
    joined = "\n".join(names[position].replace("\n", " ") for position in latin)
    for position, key in zip(latin, _fold_spelling(_drop_articles(_latin_letters(joined))).split("\n")):
        keys[position] = key
    return keys


def loose_name(key: str) -> str:
    """Return the fallback key of a normalised key: vowel quality and q/k merged."""
    if is_arabic_script(key):
        return key
    return _DOUBLED.sub("", _QU_BEFORE_VOWEL.sub("q", key).translate(_LOOSE_LETTERS))


def loose_names(keys: list[str]) -> list[str]:
    """loose_name over many keys at once (keys of Latin names are ASCII, Arabic ones are not)."""
    latin = "\n".join(key for key in keys if key.isascii())
    folded = iter(_DOUBLED.sub("", _QU_BEFORE_VOWEL.sub("q", latin).translate(_LOOSE_LETTERS)).split("\n"))
    return [next(folded) if key.isascii() else key for key in keys]
