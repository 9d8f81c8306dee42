"""Find toponyms in a parsed Doc: spaCy place entities and gazetteer-matched proper-noun runs."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

from veille.extract.mentions import PlaceMention
from veille.geo.cues import (
    cue_at, demonym_countries, elision_prefix, follows_locative, is_locative_word, lookup_forms, place_words,
    spaced_name_articles, stopword_keys, surroundings_follow,
)
from veille.geo.gazetteer import Gazetteer, GazetteerEntry
from veille.geo.normalise import is_arabic_script, normalise_name

SITES_SOURCE = "veille sites"
PLACE_LABELS = frozenset({"LOC", "GPE"})
PERSON_LABELS = frozenset({"PER", "PERSON"})
ORGANISATION_LABELS = frozenset({"ORG", "NORP"})
MAX_NAME_TOKENS = 9
NOTABLE_POPULATION = 50_000  # a person-tagged span is taken as a place only above this
LOOSE_MIN_POPULATION = 10_000  # a loose spelling match must name a place at least this big
_PARTICLE = re.compile(r"^[a-zà-ÿ]{1,4}$")  # ez, al, de, la, of, sur... inside a name


def _name_offset(token: Token, elision: re.Pattern | None) -> int:
    """Where a name starts in a token: after an elided article left attached ("d'Idlib")."""
    match = elision.match(token.text) if elision is not None else None
    return token.idx + (match.end() if match else 0)


def _is_capitalised(token: Token, elision: re.Pattern | None = None) -> bool:
    text = token.text[_name_offset(token, elision) - token.idx:]
    return bool(text) and (text[0].isupper() or is_arabic_script(text[0]))


def _opens_article_name(token: Token, spaced_articles: frozenset[str] = frozenset()) -> bool:
    """ "al" in "al-Hawija" or "al Bab": a short lower-case particle glued by a hyphen to a capitalised word,
    or a listed article that only opens names, spaced from one."""
    doc = token.doc
    if (token.text in spaced_articles and token.whitespace_ == " " and token.i + 1 < len(doc)
            and _is_capitalised(doc[token.i + 1])):
        return True
    if token.i + 2 >= len(doc) or not _PARTICLE.match(token.text) or token.whitespace_:
        return False
    hyphen, word = doc[token.i + 1], doc[token.i + 2]
    return hyphen.text == "-" and not hyphen.whitespace_ and _is_capitalised(word)


def _continues_name(previous: Token, token: Token) -> bool:
    if "\n" in previous.whitespace_ or len(previous.whitespace_) > 1:
        return False
    if token.text in {"-", "‐"}:
        return True
    return _is_capitalised(token) or bool(_PARTICLE.match(token.text))


def _name_runs(sentence: Span, elision: re.Pattern | None,
               spaced_articles: frozenset[str] = frozenset()) -> list[tuple[int, list[int]]]:
    """(first token, possible last tokens longest first) for every token that may open a name."""
    runs = []
    for token in sentence:
        opens = _is_capitalised(token, elision)
        if not (opens or _opens_article_name(token, spaced_articles)):
            continue
        ends = [token.i] if opens else []
        for following in sentence.doc[token.i + 1:min(sentence.end, token.i + MAX_NAME_TOKENS)]:
            if not _continues_name(sentence.doc[following.i - 1], following):
                break
            if _is_capitalised(following):
                ends.append(following.i)
        if ends:
            runs.append((token.i, ends[::-1]))
    return runs


def _entity_pieces(ent: Span, possessives: frozenset[str]) -> list[Span]:
    """An entity cut at its commas, less a closing possessive: a tagger may run a name on past a comma into
    the next clause ("in X, Soldiers...") or keep the "'s" of "X's"; each piece is judged on its own."""
    pieces, start = [], ent.start
    for token in ent:
        if token.text == ",":
            if token.i > start:
                pieces.append(Span(ent.doc, start, token.i, label=ent.label_))
            start = token.i + 1
    end = ent.end
    if end - 1 > start and ent.doc[end - 1].text.lower() in possessives:
        end -= 1
    if end > start:
        pieces.append(Span(ent.doc, start, end, label=ent.label_))
    return pieces


class _Finder:
    """Per-Doc state: entity labels per token and the language's word lists."""

    def __init__(self, doc: Doc, language: str, gazetteer: Gazetteer) -> None:
        self.doc = doc
        self.text = doc.text  # Doc.text is rebuilt from the tokens on every access
        self.language = language
        self.gazetteer = gazetteer
        possessives = place_words(language, "possessive_endings")
        self.entity_of: dict[int, Span] = {token.i: piece for ent in doc.ents
                                           for piece in _entity_pieces(ent, possessives) for token in piece}
        self.stopwords = stopword_keys(language)
        self.demonyms = demonym_countries(language)
        self.organisation_heads = place_words(language, "organisation_heads")
        self.elision = elision_prefix(language)

    def span_text(self, first: int, last: int) -> tuple[int, int]:
        return _name_offset(self.doc[first], self.elision), self.doc[last].idx + len(self.doc[last])

    def is_excluded_word(self, first: int, last: int) -> bool:
        """True for a demonym or a listed capitalised common word."""
        start, end = self.span_text(first, last)
        key = normalise_name(self.text[start:end])
        return key in self.stopwords or key in self.demonyms

    def accept(self, first: int, last: int, from_entity: bool) -> list[GazetteerEntry] | None:
        """The candidates of doc[first:last+1] when it can be taken as a place, else None."""
        start, end = self.span_text(first, last)
        name = self.text[start:end]
        key = normalise_name(name)
        if not key or key.isdigit() or key in self.stopwords or key in self.demonyms:
            return None
        found, strict = self._lookup(start, end)
        if not found:
            return None
        # Areas and the project's listed sites ("T-4") are no acronyms nor stray short words.
        notable = any(entry.feature != "city" or entry.source == SITES_SOURCE for entry in found)
        if len(key) < 3 and not notable:
            return None
        if name.isupper() and len(name) <= 5 and not notable:
            return None  # acronyms: PKK, ONU, HTS
        tokens = self.doc[first:last + 1]
        labels = {self.entity_of[token.i].label_ for token in tokens if token.i in self.entity_of}
        place_tagged = from_entity or bool(labels & PLACE_LABELS)
        if not strict:  # a loose spelling match needs a sizeable place and a sign that this is one
            if not any(entry.feature != "city" or entry.population >= LOOSE_MIN_POPULATION for entry in found):
                return None
            if not from_entity and cue_at(self.text, start, end, self.language) is None \
                    and not self._named_as_a_place(first, last):
                return None
        if len(tokens) == 1 and not place_tagged:
            token = tokens[0]
            # a tagger may take an unusual spelling ("Dar'a") for a common noun; after "in" a
            # province or a sizeable town is still a place
            notable_after_locative = (token.pos_ == "NOUN" and follows_locative(self.text, start, self.language)
                                      and any(entry.feature != "city" or entry.population >= NOTABLE_POPULATION
                                              for entry in found))
            if (token.pos_ != "PROPN" and not notable_after_locative) or token.is_stop:
                return None
        if not from_entity and not self._entity_allows(first, last, found):
            return None
        if self._follows_organisation_head(first) or self._opens_organisation_name(last):
            return None
        if self._qualifies_a_thing(last):
            return None
        return found

    def _qualifies_a_thing(self, last: int) -> bool:
        """ "US dollar", "Molotov cocktail": a name right before such a noun says what kind of thing it is."""
        after = last + 1
        return after < len(self.doc) and self.doc[after].text.lower() in place_words(self.language, "qualified_things")

    def _lookup(self, start: int, end: int) -> tuple[list[GazetteerEntry], bool]:
        """Gazetteer lookup; after a contracted article ("au Caire") the full name is tried first."""
        found, strict = [], True
        for form in lookup_forms(self.text, start, end, self.language):
            found, strict = self.gazetteer.lookup(form)
            if found and strict:
                break
        return found, strict

    def _entity_allows(self, first: int, last: int, found: list[GazetteerEntry]) -> bool:
        """Inside a person or organisation entity a name counts only when it is the whole entity (or holds it).

        An entity joining two names with a locative word ("X in Y") is a mistagged place and its
        name told as lying in another ("X in Y") is a place, whatever the tagger said.
        """
        for index in (first, last):
            ent = self.entity_of.get(index)
            if ent is None or ent.label_ not in PERSON_LABELS | ORGANISATION_LABELS or self._joins_places(ent) \
                    or ent[-1].text.lower() in place_words(self.language, "place_type_words") \
                    or self._names_road_ends(ent, first, last):
                continue  # "X in Y", "X city", "the X - Y road" tagged as a person or an organisation: places all the same
            if ent.start == first and ent.end > last + 1 and self._heads_local_authority(last):
                continue  # "X Governorate", "X Governor's Office": the authority of place X
            if ent.label_ in ORGANISATION_LABELS and ent.start < first and ent.end == last + 1 \
                    and self.doc[first - 1].lower_ in place_words(self.language, "seat_links"):
                continue  # "the Education Office of X": a body named after the place it serves
            if ent.start < first or ent.end > last + 1:
                return False
            if ent.start != first or ent.end != last + 1:
                continue  # a word of a longer name taken alone as a nationality or a name ("Ma'arrat An Nu'man")
            if ent.label_ in PERSON_LABELS and not any(
                entry.feature != "city" or entry.population >= NOTABLE_POPULATION for entry in found
            ) and not follows_locative(self.text, _name_offset(self.doc[first], self.elision), self.language) \
                    and not self._told_inside_a_place(last) and not self._named_as_a_place(first, last):
                return False
        return True

    def _joins_places(self, ent: Span) -> bool:
        """ "X in Y" tagged as one organisation or person: a locative word between capitalised names."""
        return any(token.is_lower and is_locative_word(token.text, self.language) and token.i + 1 < ent.end
                   and _is_capitalised(self.doc[token.i + 1]) for token in ent[1:])

    def _names_road_ends(self, ent: Span, first: int, last: int) -> bool:
        """ "the X - Y road" tagged as one name: two names joined by a hyphen, then a word for a road; the
        name doc[first:last+1] is one of them."""
        after = ent.end
        return after < len(self.doc) and self.doc[after].lower_ in place_words(self.language, "thoroughfare_words") \
            and any(token.text in ("-", "–") and 0 < token.i - ent.start and not first <= token.i <= last
                    and any(_is_capitalised(word) for word in self.doc[token.i + 1:ent.end]) for token in ent[:-1])

    def _told_inside_a_place(self, last: int) -> bool:
        """ "X in Y", "X town in the countryside of Y": a locative word right after (past a word for a kind
        of place), then a name within a few words; or "X and its surroundings"."""
        doc = self.doc
        after = last + 1
        if surroundings_follow(self.text, doc[last].idx + len(doc[last]), self.language):
            return True
        if after < len(doc) and doc[after].text.lower() in place_words(self.language, "place_type_words"):
            after += 1
        if after + 1 >= len(doc) or not is_locative_word(doc[after].text, self.language):
            return False
        return any(_is_capitalised(token) for token in doc[after + 1:min(len(doc), after + 6)]
                   if not token.is_punct)

    def _heads_local_authority(self, last: int) -> bool:
        """ "X Governorship", "X Municipality": the next word names the local government of place X."""
        after = last + 1
        return after < len(self.doc) and self.doc[after].lower_ in place_words(self.language, "local_authority_words")

    def _named_as_a_place(self, first: int, last: int) -> bool:
        """ "(X, Y)" opening a note on where something lies, "X district", "the X front", or what guns and planes
        pound ("shelled X"): no person's name."""
        doc = self.doc
        after = last + 1
        word = doc[after].text.lower() if after < len(doc) else ""
        if word in place_words(self.language, "place_type_words") \
                or word in place_words(self.language, "local_authority_words") \
                or (word in place_words(self.language, "front_words") and doc[after].is_lower):
            return True  # "X district", "X Governorate", "the X front" (a capitalised "Front" names a group)
        if (first > 0 and doc[first - 1].text == "(" and after + 1 < len(doc) and doc[after].text == ","
                and _is_capitalised(doc[after + 1], self.elision)):
            return True
        root = doc[first:last + 1].root
        return root.dep_ in ("dobj", "obj") and root.head.lemma_.lower() in place_words(self.language, "bombard_verbs")

    def _opens_organisation_name(self, last: int) -> bool:
        """ "Sultan" in "Sultan Murad Division": the capitalised run goes on to a word closing an organisation."""
        doc, tails = self.doc, place_words(self.language, "organisation_tails")
        for index in range(last + 1, min(len(doc), last + 6)):
            if not _continues_name(doc[index - 1], doc[index]):
                return False
            if doc[index].text.lower() in tails and _is_capitalised(doc[index]):
                return True
        return False

    def _follows_organisation_head(self, first: int) -> bool:
        index = first - 1
        if index >= 0 and self.doc[index].text == "-":
            index -= 2  # "Jaish al-Islam": look past "al-"
        if index < 0:
            return False
        head = self.doc[index]
        return head.text[:1].isupper() and head.text.lower() in self.organisation_heads

    def mention(self, first: int, last: int, found: list[GazetteerEntry]) -> PlaceMention:
        start, end = self.span_text(first, last)
        cue = cue_at(self.text, start, end, self.language)
        features = {entry.feature for entry in found}
        if cue == "admin1" or features == {"admin1"}:
            kind = "admin1"
        elif "country" in features:
            kind = "country"
        else:
            kind = "place"
        return PlaceMention(start=start, end=end, text=self.text[start:end], token_start=first,
                            token_end=last + 1, kind=kind)


def _largest(found: list[GazetteerEntry]) -> int:
    return max(entry.population for entry in found)


def _entity_bounds(ent: Span, elision: re.Pattern | None) -> tuple[int, int] | None:
    """The capitalised core of a place entity ("the United States" -> "United States")."""
    first, last = ent.start, ent.end - 1
    while first <= last and not _is_capitalised(ent.doc[first], elision):
        first += 1
    while last >= first and not _is_capitalised(ent.doc[last]):
        last -= 1
    return (first, last) if first <= last else None


def find_place_mentions(doc: Doc, language: str, gazetteer: Gazetteer) -> list[PlaceMention]:
    """Place mentions of a Doc in text order; where proposals overlap the longest name wins."""
    finder = _Finder(doc, language, gazetteer)
    proposals: list[tuple[int, int, bool, list[GazetteerEntry]]] = []
    for ent in doc.ents:
        if ent.label_ in PLACE_LABELS and (bounds := _entity_bounds(ent, finder.elision)) is not None:
            found = finder.accept(*bounds, from_entity=True)
            if found is not None:
                proposals.append((*bounds, True, found))
    sentences = doc.sents if doc.has_annotation("SENT_START") else [doc[:]]
    for sentence in sentences:
        for first, ends in _name_runs(sentence, finder.elision, spaced_name_articles(language)):
            for last in ends:
                found = finder.accept(first, last, from_entity=False)
                if found is None:
                    continue
                if doc[first].is_stop and last > first:
                    # "La Russie", "Les Russes": a capitalised determiner and its noun may name a
                    # hamlet; keep the noun alone when it is a bigger place or not a place at all.
                    if finder.is_excluded_word(first + 1, last):
                        break
                    tail = finder.accept(first + 1, last, from_entity=False)
                    if tail is not None and _largest(tail) >= _largest(found):
                        break
                proposals.append((first, last, False, found))
                break
    proposals.sort(key=lambda item: (item[0] - item[1], not item[2], item[0]))
    taken: set[int] = set()
    mentions: list[PlaceMention] = []
    for first, last, _, found in proposals:
        if taken.isdisjoint(range(first, last + 1)):
            taken.update(range(first, last + 1))
            mentions.append(finder.mention(first, last, found))
    return sorted(mentions, key=lambda mention: mention.start)
