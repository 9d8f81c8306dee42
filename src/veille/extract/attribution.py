"""Sources named in the text ("selon X", "X said", "a rapporté X") and hedge words."""

from __future__ import annotations

import re
from functools import lru_cache

from spacy.tokens import Doc, Span as SpacySpan, Token

from veille.extract.lexicon_match import compiled_lexicon, fold
from veille.extract.mentions import HedgeMention, SourceMention
from veille.resources import lexicon

_STOP_PUNCT = {",", ".", ";", ":", "«", "»", "(", ")", "!", "?", '"', "“", "”", "—", "–"}
MAX_SOURCE_TOKENS = 20
_SUBJECT_DEPS = {"nsubj"}


def _phrase_after(doc: Doc, start: int, limit: int, language: str) -> tuple[int, int] | None:
    """The noun phrase starting at `start`: up to punctuation, a verb, a relative or conjunction, or `limit` tokens."""
    stops = _phrase_end_words(language)
    end = start
    while end < len(doc) and end - start < limit:
        token = doc[end]
        participle = "Part" in token.morph.get("VerbForm")
        if token.text in _STOP_PUNCT or (token.pos_ in {"VERB", "AUX", "SCONJ"} and not participle) or (
            token.is_sent_start and end > start
        ):
            break
        if end > start and (token.pos_ == "CCONJ" or fold(token.text) in stops):
            break
        end += 1
    while start < end and doc[start].pos_ in {"DET", "ADP"}:
        start += 1
    return (start, end) if end > start else None


@lru_cache(maxsize=None)
def _phrase_end_words(language: str) -> frozenset[str]:
    """Words that end a source's name phrase: relative pronouns ("qui", "which")."""
    return frozenset(fold(w) for w in lexicon(language, "attribution").get("phrase_end_words", []))


def _proper_run(doc: Doc, start: int) -> int:
    """End of the run of proper-noun tokens (and glued punctuation, as in Al-Sharq, Levant.info) from start."""
    end = start
    while end < len(doc):
        token = doc[end]
        glued = end > start and not doc[end - 1].whitespace_
        if token.pos_ == "PROPN" or (glued and token.text in {"-", ".", "'", "’"}) or (glued and token.is_alpha):
            end += 1
        elif token.pos_ in {"ADP", "DET"} and end + 1 < len(doc) and doc[end + 1].pos_ == "PROPN" and end > start:
            end += 1  # "Observatoire syrien des droits de l'homme", "Ministry of Defence"
        else:
            break
    while end > start and doc[end - 1].pos_ in {"ADP", "DET"} or end > start and doc[end - 1].text in {"-", "."}:
        end -= 1
    return end


def _subject_of(verb: Token) -> tuple[int, int] | None:
    """Token range of the verb's subject, cut at the verb, with a name standing before its apposition."""
    doc = verb.doc
    for child in verb.children:
        if child.dep_ in _SUBJECT_DEPS and child.pos_ != "PRON":
            tokens = [t.i for t in child.subtree if t.i < verb.i]
            if not tokens:
                continue
            start, end = min(tokens), max(tokens) + 1
            while end > start and doc[end - 1].text in _STOP_PUNCT:
                end -= 1
            while start < end and doc[start].pos_ == "DET":
                start += 1
            # "Karim Haddad, le porte-parole du ministère, a déclaré": the parser often drops the name.
            if start >= 2 and doc[start - 1].text == "," or start >= 3 and doc[start - 2].text == ",":
                comma = start - 1 if doc[start - 1].text == "," else start - 2
                name_start = comma - 1
                while name_start > 0 and not doc[name_start].is_sent_start and (
                    doc[name_start - 1].pos_ == "PROPN"
                    or (not doc[name_start - 1].whitespace_ and doc[name_start - 1].text in {"-", "'", "’"})
                    or (not doc[name_start - 1].whitespace_ and doc[name_start - 1].is_alpha)
                ):
                    name_start -= 1
                if doc[comma - 1].pos_ == "PROPN" and (name_start == 0 or doc[name_start].is_sent_start
                                                       or doc[name_start - 1].text in _STOP_PUNCT):
                    start = name_start
            return (start, end) if 0 < end - start <= MAX_SOURCE_TOKENS else None
    return None


def _inverted_subject(doc: Doc, verb: Token, anonymous_lex) -> tuple[int, int] | None:
    """The subject after the verb in "a rapporté Al-Sharq", "précise Levant.info", "ajoute un observateur"."""
    if any(child.dep_ in {"obj", "dobj", "ccomp"} and child.i > verb.i and child.pos_ != "PRON"
           and child.i > verb.i + 4 for child in verb.children):
        return None
    i = verb.i + 1
    while i < len(doc) and doc[i].pos_ in {"ADV", "AUX", "PART"}:
        i += 1
    if i >= len(doc):
        return None
    anonymous = [h for h in anonymous_lex.find(doc, i, min(len(doc), i + 6)) if h.token_start <= i + 1]
    if anonymous:
        return (i, anonymous[0].token_end)
    if doc[i].pos_ == "DET":
        i += 1
    if i < len(doc) and doc[i].pos_ == "PROPN":
        return (i, _proper_run(doc, i))
    return None


def _narrative_subject(doc: Doc, verb: Token, pronouns: set[str]) -> tuple[int, int] | None:
    """The subject of a French-style narrative infinitive: "Et le ministère de poursuivre", "Et lui d'ajouter"."""
    if "Inf" not in verb.morph.get("VerbForm") or verb.i < 2 or fold(doc[verb.i - 1].text) not in {"de", "d'", "d’"}:
        return None
    end = verb.i - 1
    if fold(doc[end - 1].text) in pronouns:
        return (end - 1, end)
    start = end
    # The parser often tags a name like "Levant.info" as a common noun: take capitalised words too.
    while start > 0 and (doc[start - 1].pos_ == "PROPN" or (
            doc[start - 1].text[:1].isupper() and doc[start - 1].pos_ not in {"CCONJ", "DET", "ADP", "PRON", "ADV"})):
        start -= 1
        if doc[start].is_sent_start:
            break
    return (start, end) if start < end else None


def _pronoun_subject(verb: Token, pronouns: set[str]) -> tuple[int, int] | None:
    """The token range of a pronoun subject that points back to a source ("a-t-il précisé", "he said")."""
    for child in verb.children:
        if child.dep_ in _SUBJECT_DEPS | {"expl:subj"} and fold(child.text) in pronouns:
            return (child.i, child.i + 1)
    for token in verb.doc[max(0, verb.i - 2) : verb.i + 2]:  # "a-t-il", "précise-t-elle"
        if token.i != verb.i and fold(token.text).lstrip("-").removeprefix("t-") in pronouns and "-" in token.text:
            return (token.i, token.i + 1)
    return None


def _name_part(span: SpacySpan) -> str:
    """The comma-separated part of "Karim Haddad, le porte-parole ..." or "the defence secretary, John Ames" that names."""
    parts: list[list[Token]] = [[]]
    for token in span:
        if token.text == ",":
            parts.append([])
        else:
            parts[-1].append(token)
    named = [part for part in parts if any(t.pos_ == "PROPN" for t in part)] or parts
    first = named[0]
    return span.doc[first[0].i : first[-1].i + 1].text if first else span.text.split(",")[0].strip()


def _role_before(doc: Doc, start: int, limit: int = 8) -> str | None:
    """A role written before a name and a comma ("le ministre de l'Intérieur, Jean Dupont"), without its article."""
    if start < 2 or doc[start - 1].text != ",":
        return None
    end = start - 1
    begin = end
    while begin > 0 and end - begin < limit and doc[begin - 1].text not in _STOP_PUNCT and not doc[begin].is_sent_start:
        begin -= 1
        if doc[begin].pos_ == "DET":
            break
    if doc[begin].pos_ != "DET" or not any(t.pos_ == "NOUN" for t in doc[begin:end]):
        return None
    return doc[begin + 1 : end].text or None


def _kind_of(name: str, span: SpacySpan, language: str) -> str:
    kinds = lexicon(language, "attribution").get("source_kinds", {})
    folded = fold(name)
    words = set(re.findall(r"[\w.']+", folded.replace("-", " ")))
    for kind in ("anonymous", "monitor", "outlet", "official"):
        for cue in kinds.get(kind, []):
            cue = fold(cue)
            if (cue.startswith(".") and cue in folded) or cue in words:
                return kind
    if any(t.ent_type_ == "PER" or t.ent_type_ == "PERSON" for t in span):
        return "person"
    return "other"


def _plausible_source(span: SpacySpan, anonymous: bool) -> bool:
    """A source is a name (proper noun or entity) or a known anonymous-source phrase."""
    return anonymous or any(t.pos_ == "PROPN" or t.ent_type_ for t in span)


def find_source_mentions(doc: Doc, language: str) -> list[SourceMention]:
    """Return the sources of information named in a Doc, sorted by position."""
    anonymous_lex = compiled_lexicon(language, "attribution", "anonymous")
    mentions: list[SourceMention] = []
    taken: set[int] = set()
    citing = {fold(c) for c in lexicon(language, "attribution").get("citing", [])}

    resources = lexicon(language, "attribution")
    pronouns = {fold(p) for p in resources.get("anaphoric_pronouns", [])}
    anaphoric_lex = compiled_lexicon(language, "attribution", "anaphoric_phrases")
    pending: list[tuple[tuple[int, int], str]] = []

    def refer_back(rng: tuple[int, int] | None, cue_kind: str) -> bool:
        """Keep a pronoun or "cette autorité" for resolution to the last named source before it."""
        if rng is None or any(i in taken for i in range(*rng)):
            return False
        taken.update(range(*rng))
        pending.append((rng, cue_kind))
        return True

    def add(rng: tuple[int, int] | None, cue: str, cue_kind: str, named: bool = False) -> None:
        if rng is None or any(i in taken for i in range(*rng)):
            return
        if rng[1] - rng[0] == 1 and fold(doc[rng[0]].text) in pronouns:
            refer_back(rng, cue_kind)
            return
        span = doc[rng[0] : rng[1]]
        anonymous = bool(anonymous_lex.find(doc, rng[0], rng[1]))
        if not named and not _plausible_source(span, anonymous):
            return
        kind = "anonymous" if anonymous else _kind_of(span.text, span, language)
        speaker = span.text if kind in {"person", "official"} else None
        name = _name_part(span) if speaker and "," in span.text else span.text
        if speaker and not speaker.startswith(name):  # "le ministre, Nadia Salem": name first, then role
            speaker = f"{name}, " + speaker.replace(name, "").strip(" ,")
        role = _role_before(doc, rng[0]) if kind == "person" and "," not in span.text else None
        if role:  # "le ministre de l'Intérieur, Jean Dupont, a confirmé"
            speaker = f"{name}, {role}"
            kind = "official" if _kind_of(role, doc[rng[0] : rng[0]], language) == "official" else kind
        if fold(cue) in citing:
            cue_kind = "citing"
        taken.update(range(*rng))
        mentions.append(
            SourceMention(
                start=span.start_char, end=span.end_char, text=span.text, token_start=rng[0], token_end=rng[1],
                name=name, kind=kind, anonymous=anonymous, speaker=speaker, cue=cue_kind,
            )
        )

    for hit in compiled_lexicon(language, "attribution", "prepositions").find(doc):
        after = hit.token_end
        while after < len(doc) and doc[after].pos_ == "DET":
            after += 1
        named = after < len(doc) and doc[after].pos_ == "PROPN"
        rng = (after, _proper_run(doc, after)) if named else _phrase_after(doc, hit.token_end, MAX_SOURCE_TOKENS, language)
        back = [] if named else anaphoric_lex.find(doc, hit.token_end, min(len(doc), hit.token_end + 8))
        if back:
            refer_back((back[0].token_start, back[0].token_end), "preposition")
            continue
        add(rng, hit.entry, "preposition")
    for hit in compiled_lexicon(language, "attribution", "reporting_verbs").find(doc):
        verb = doc[hit.token_start]
        if verb.pos_ not in {"VERB", "AUX"} and hit.token_end - hit.token_start == 1:
            continue
        narrative = _narrative_subject(doc, verb, pronouns)
        if narrative:
            add(narrative, hit.entry, "verb", named=True)
            continue
        subject = _pronoun_subject(verb, pronouns) or _subject_of(verb) or _inverted_subject(doc, verb, anonymous_lex)
        add(subject, hit.entry, "verb")
    for hit in compiled_lexicon(language, "attribution", "denial_verbs").find(doc):
        verb = doc[hit.token_start]
        add(_pronoun_subject(verb, pronouns) or _subject_of(verb), hit.entry, "denial")
    mentions.sort(key=lambda m: m.start)
    return _resolve_references(doc, mentions, pending)


def _resolve_references(doc: Doc, mentions: list[SourceMention], pending) -> list[SourceMention]:
    """Give each pronoun or anaphoric source the identity of the last named person or official before it."""
    resolved = list(mentions)
    for (start, end), cue_kind in sorted(pending):
        span = doc[start:end]
        before = [m for m in resolved if m.end <= span.start_char and not m.anonymous
                  and m.kind in {"person", "official"}]
        if not before:
            continue
        antecedent = before[-1]
        resolved.append(SourceMention(
            start=span.start_char, end=span.end_char, text=span.text, token_start=start, token_end=end,
            name=antecedent.name, kind=antecedent.kind, anonymous=False, speaker=antecedent.speaker, cue=cue_kind,
        ))
        resolved.sort(key=lambda m: m.start)
    return resolved


def find_hedge_mentions(doc: Doc, language: str) -> list[HedgeMention]:
    """Return hedge words, and French-style conditional verbs when the language says they hedge."""
    hedges = [
        HedgeMention(start=doc[h.token_start].idx, end=doc[h.token_end - 1].idx + len(doc[h.token_end - 1]),
                     text=doc[h.token_start : h.token_end].text, token_start=h.token_start, token_end=h.token_end)
        for h in compiled_lexicon(language, "attribution", "hedges").find(doc)
    ]
    if lexicon(language, "attribution").get("conditional_is_hedge"):
        seen = {h.token_start for h in hedges}
        for token in doc:
            if "Cnd" in token.morph.get("Mood") and token.i not in seen:
                hedges.append(HedgeMention(start=token.idx, end=token.idx + len(token), text=token.text,
                                           token_start=token.i, token_end=token.i + 1))
    return sorted(hedges, key=lambda h: h.start)
