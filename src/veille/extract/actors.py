"""Actor mentions: dictionary actors, generic groups, proxies and states named as doers."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from spacy.tokens import Doc, Token

from veille.extract.lexicon_match import fold
from veille.extract.mentions import ActorMention
from veille.resources import lexicon, load_yaml

# Candidate sources, best first: on equal length a dictionary name beats a generic rule.
BLOCKED, DICTIONARY, PROXY, GROUP, METONYMY = range(5)
ABSORBING_ROLES = {"state", "rebel", "militia"}


@dataclass(frozen=True)
class Actor:
    """What a phrase or a rule resolves to."""

    name: str
    inter: int | None
    country: str | None
    role: str | None
    bare: bool = False  # a generic group with no identity yet ("l'armée", "rebels")


@dataclass(frozen=True)
class Candidate:
    """An actor found over doc[start:end] by one source."""

    start: int
    end: int
    actor: Actor | None  # None: a blocking phrase that names no actor
    source: int


def _is_capitals(phrase: str) -> bool:
    """True for aliases written in capitals ("IS", "U.S."), which must match in capitals."""
    letters = [ch for ch in phrase if ch.isalpha()]
    return bool(letters) and all(ch.isupper() for ch in letters)


class PhraseTable:
    """Token sequences matched on folded text; all-capital phrases match only in capitals."""

    def __init__(self, tokenize: Callable[[str], list[str]]) -> None:
        self._tokenize = tokenize
        self._by_first: dict[str, list[tuple[tuple[str, ...], tuple[str, ...] | None, Any]]] = defaultdict(list)

    def add(self, phrase: str, value: Any) -> None:
        """Register a phrase and the value it stands for."""
        words = tuple(w for w in self._tokenize(str(phrase)) if w.strip())
        if not words:
            return
        exact = words if _is_capitals(str(phrase)) else None
        options = self._by_first[fold(words[0])]
        options.append((tuple(fold(w) for w in words), exact, value))
        options.sort(key=lambda option: -len(option[0]))

    def match_at(self, doc: Doc, folded: list[str], i: int) -> tuple[int, Any] | None:
        """The longest phrase starting at token i, as (end, value)."""
        for words, exact, value in self._by_first.get(folded[i], ()):
            end = i + len(words)
            if end > len(folded) or tuple(folded[i:end]) != words:
                continue
            if exact is not None and (tuple(t.text for t in doc[i:end]) != exact or _shouting(doc, i, end)):
                continue
            return end, value
        return None

    def matches(self, doc: Doc, folded: list[str]) -> list[tuple[int, int, Any]]:
        """All (start, end, value), the longest at each start; matches may overlap."""
        found = []
        by_first = self._by_first
        for i, word in enumerate(folded):
            if word not in by_first:  # most tokens open no phrase: skip the call
                continue
            hit = self.match_at(doc, folded, i)
            if hit is not None:
                found.append((i, hit[0], hit[1]))
        return found


def _shouting(doc: Doc, start: int, end: int) -> bool:
    """A two-letter capital alias ("IS", "US") next to other capital words, as in a headline."""
    if len(doc[start:end].text) > 2:
        return False
    neighbours = [doc[i] for i in (start - 1, end) if 0 <= i < len(doc)]
    return any(t.is_alpha and t.is_upper and len(t) > 1 for t in neighbours)


@dataclass
class Rules:
    """The compiled dictionary and generic rules of one language."""

    dictionary: PhraseTable
    not_actors: PhraseTable
    nationalities: PhraseTable
    countries: PhraseTable
    capitals: PhraseTable
    demonyms: PhraseTable
    groups: PhraseTable
    acts: PhraseTable
    members: PhraseTable
    proxies: PhraseTable
    proxy_nouns: PhraseTable
    generic: dict[str, dict]
    country_names: dict[str, str]
    metonymy_kind: str
    modifier_deps: frozenset[str]
    subject_deps: frozenset[str]
    conj_deps: frozenset[str]
    agent_markers: frozenset[str]
    of_words: frozenset[str]
    possessive_markers: frozenset[str]
    gap_pos: frozenset[str]


def _table(tokenize: Callable[[str], list[str]], pairs: Iterable[tuple[str, Any]]) -> PhraseTable:
    table = PhraseTable(tokenize)
    for phrase, value in pairs:
        table.add(phrase, value)
    return table


def _by_iso(mapping: dict[str, list[str]] | None) -> list[tuple[str, str]]:
    return [(phrase, iso) for iso, phrases in (mapping or {}).items() for phrase in phrases]


@lru_cache(maxsize=None)
def _dictionary_index() -> dict[str, Actor]:
    """Canonical name -> actor, for every entry of resources/actors.yaml."""
    shared = load_yaml("actors.yaml")
    roles = shared["roles_by_inter"]
    return {
        entry["name"]: Actor(entry["name"], entry["inter"], entry.get("country"), entry.get("role", roles.get(entry["inter"])))
        for entry in shared["actors"]
    }


def _dictionary_pairs(shared: dict, language: str) -> list[tuple[str, Actor]]:
    pairs = []
    for entry in shared["actors"]:
        actor = _dictionary_index()[entry["name"]]
        aliases = entry.get("aliases") or {}
        pairs += [(alias, actor) for alias in (aliases.get("any") or []) + (aliases.get(language) or [])]
        pairs.append((entry["name"], actor))
    return pairs


def _folded_set(words: Iterable[str] | None) -> frozenset[str]:
    return frozenset(fold(w) for w in words or ())


@lru_cache(maxsize=None)
def compiled_rules(language: str) -> Rules:
    """Compile (once per language) the shared dictionary and the language's generic rules."""
    from veille.nlp import load_pipeline

    tokenizer = load_pipeline(language).tokenizer

    def tokenize(text: str) -> list[str]:
        return [t.text for t in tokenizer(text)]

    shared = load_yaml("actors.yaml")
    local = lexicon(language, "actors")
    bare = {tuple(fold(w) for w in tokenize(p)) for p in local.get("bare") or ()}
    groups = PhraseTable(tokenize)
    for kind, phrases in local["groups"].items():
        for phrase in phrases:
            groups.add(phrase, (kind, tuple(fold(w) for w in tokenize(phrase)) in bare))
    proxy_pairs = [(marker, name) for name, markers in local.get("proxies", {}).items() for marker in markers]
    return Rules(
        dictionary=_table(tokenize, _dictionary_pairs(shared, language)),
        not_actors=_table(tokenize, ((p, None) for p in local.get("not_actors") or ())),
        nationalities=_table(tokenize, _by_iso(local.get("nationalities"))),
        countries=_table(tokenize, _by_iso(local.get("country_names"))),
        capitals=_table(tokenize, _by_iso(local.get("capitals"))),
        demonyms=_table(tokenize, _by_iso(local.get("state_demonyms"))),
        groups=groups,
        acts=_table(tokenize, ((a, True) for a in local.get("acts") or ())),
        members=_table(tokenize, ((m, True) for m in local.get("members") or ())),
        proxies=_table(tokenize, proxy_pairs),
        proxy_nouns=_table(tokenize, ((n, True) for n in local.get("proxy_nouns") or ())),
        generic=shared["generic"],
        country_names=shared["countries"],
        metonymy_kind=shared["metonymy"]["kind"],
        modifier_deps=frozenset(local.get("modifier_deps") or ()),
        subject_deps=frozenset(local.get("subject_deps") or ()),
        conj_deps=frozenset(local.get("conj_deps") or ()),
        agent_markers=_folded_set(local.get("agent_markers")),
        of_words=_folded_set(local.get("of_words")),
        possessive_markers=_folded_set(local.get("possessive_markers")),
        gap_pos=frozenset(local.get("gap_pos") or ()),
    )


def generic_actor(rules: Rules, kind: str, iso3: str | None, bare_group: bool = False) -> Actor:
    """The actor of a generic group kind, for a country or for none."""
    spec = rules.generic[kind]
    if iso3 is not None and "{country}" in spec["name"]:
        name = spec["name"].format(country=rules.country_names.get(iso3, iso3))
    else:
        name = spec.get("bare_name", spec["name"]) if iso3 is None else spec["name"]
    return Actor(name, spec["inter"], iso3, spec.get("role"), bare=bare_group and iso3 is None)


def _dictionary_candidates(doc: Doc, folded: list[str], rules: Rules) -> list[Candidate]:
    """Dictionary aliases, and the phrases that block generic words ("corps d'armée")."""
    blocked = [Candidate(s, e, None, BLOCKED) for s, e, _ in rules.not_actors.matches(doc, folded)]
    return blocked + [Candidate(s, e, actor, DICTIONARY) for s, e, actor in rules.dictionary.matches(doc, folded)]


def _gap_ok(doc: Doc, start: int, end: int, rules: Rules, limit: int = 2) -> bool:
    """Tokens doc[start:end] may separate a group noun from its nationality."""
    return end - start <= limit and all(t.pos_ in rules.gap_pos or t.text == "-" for t in doc[start:end])


def _attached(doc: Doc, span: tuple[int, int, str], start: int, end: int, rules: Rules, nat_at: dict[int, str]) -> bool:
    """True when the parse makes the nationality span a modifier of doc[start:end]."""
    token = doc[span[0] : span[1]].root
    while token.dep_ in rules.conj_deps and token.head.i in nat_at and token.head.i != token.i:
        token = token.head  # "russes et américains": the second conjunct shares the first's noun
    return token.head.i != token.i and start <= token.head.i < end and token.dep_ in rules.modifier_deps


def _nationalities_of(doc: Doc, start: int, end: int, nats: list, countries: list, rules: Rules) -> list:
    """Nationality or country spans that qualify the group doc[start:end], nearest first."""
    sentence = doc[start].sent if doc.has_annotation("SENT_START") else doc[:]
    nat_at = {i: iso for s, e, iso in nats for i in range(s, e)}
    found = []
    for span in nats:
        s, e, _ = span
        if e <= sentence.start or s >= sentence.end or (s < end and e > start):
            continue
        head = doc[s:e].root.head
        foreign_noun = head.pos_ in ("NOUN", "PROPN") and not start <= head.i < end and head.i not in nat_at
        near = (e <= start and _gap_ok(doc, e, start, rules)) or (s >= end and _gap_ok(doc, end, s, rules))
        if _attached(doc, span, start, end, rules, nat_at) or (near and not foreign_noun):
            found.append(span)
    for span in countries:
        s, e, _ = span
        after = end < s <= end + 2 and all(fold(t.text) in rules.of_words for t in doc[end:s])  # "armée d'Israël"
        before = e < start <= e + 1 and fold(doc[e].text) in rules.possessive_markers  # "Iraq's army"
        if after or before:
            found.append(span)
    return sorted(found, key=lambda span: min(abs(span[0] - end), abs(start - span[1])))


def _group_candidates(doc: Doc, folded: list[str], rules: Rules) -> list[Candidate]:
    nats = rules.nationalities.matches(doc, folded)
    countries = rules.countries.matches(doc, folded) + rules.capitals.matches(doc, folded)
    found = []
    for start, end, (kind, bare_group) in rules.groups.matches(doc, folded):
        if doc[start:end].root.pos_ == "ADJ":  # "base militaire", "military base": a modifier, not a group
            continue
        qualifiers = _nationalities_of(doc, start, end, nats, countries, rules)
        if not qualifiers:
            if rules.generic[kind].get("needs_country") and not bare_group:
                continue
            found.append(Candidate(start, end, generic_actor(rules, kind, None, bare_group=True), GROUP))
            continue
        (s, e, iso), *others = qualifiers
        found.append(Candidate(min(s, start), max(e, end), generic_actor(rules, kind, iso), GROUP))
        found += [Candidate(s, e, generic_actor(rules, kind, iso), GROUP) for s, e, iso in others]
    for start, end, _ in rules.acts.matches(doc, folded):  # "frappes israéliennes": the adjective only
        found += [
            Candidate(s, e, generic_actor(rules, rules.metonymy_kind, iso), GROUP)
            for s, e, iso in _nationalities_of(doc, start, end, nats, [], rules)
        ]
    return found


def _proxy_candidates(doc: Doc, folded: list[str], rules: Rules) -> list[Candidate]:
    markers = rules.proxies.matches(doc, folded)
    found = []
    for start, end, _ in rules.proxy_nouns.matches(doc, folded):
        for s, e, name in markers:
            if (s >= end and _gap_ok(doc, end, s, rules)) or (e <= start and _gap_ok(doc, e, start, rules)):
                found.append(Candidate(min(s, start), max(e, end), _dictionary_index()[name], PROXY))
    return found


def _introduced_by_agent_marker(doc: Doc, token: Token, start: int, rules: Rules) -> bool:
    """'par les États-Unis', 'by the United States': the agent of a passive verb."""
    if fold(token.head.text) in rules.agent_markers or any(fold(c.text) in rules.agent_markers for c in token.children):
        return True
    i = start - 1
    while i >= 0 and doc[i].pos_ == "DET":
        i -= 1
    return i >= 0 and fold(doc[i].text) in rules.agent_markers


def _metonymy_candidates(doc: Doc, folded: list[str], rules: Rules) -> list[Candidate]:
    found = []
    for start, end, iso in rules.countries.matches(doc, folded) + rules.capitals.matches(doc, folded):
        first = doc[start:end].root
        while first.dep_ in rules.conj_deps and first.head.i != first.i:
            first = first.head  # "les États-Unis et Israël ont frappé": Israël shares the subject's role
        first_start = start if start <= first.i < end else first.i
        if first.dep_ in rules.subject_deps or _introduced_by_agent_marker(doc, first, first_start, rules):
            found.append(Candidate(start, end, generic_actor(rules, rules.metonymy_kind, iso), METONYMY))
    for start, end, iso in rules.demonyms.matches(doc, folded):
        if doc[start].text[:1].isupper() and doc[start].pos_ in ("NOUN", "PROPN"):
            found.append(Candidate(start, end, generic_actor(rules, rules.metonymy_kind, iso), METONYMY))
    return found


def _resolve(candidates: list[Candidate]) -> list[Candidate]:
    """Keep blocking phrases, then the longest candidates (a better source on ties), without overlap."""
    taken: set[int] = set()
    kept = []
    for candidate in sorted(candidates, key=lambda c: (c.source != BLOCKED, c.start - c.end, c.source, c.start)):
        tokens = range(candidate.start, candidate.end)
        if not taken.intersection(tokens):
            taken.update(tokens)
            kept.append(candidate)
    return sorted(kept, key=lambda c: c.start)


def _absorb_members(doc: Doc, folded: list[str], kept: list[Candidate], rules: Rules) -> list[Candidate]:
    """Extend a named group over its member noun: 'combattants de l'EI', 'IS fighters'."""
    member_spans = rules.members.matches(doc, folded)
    by_end = {e: s for s, e, _ in sorted(member_spans, key=lambda m: m[1] - m[0])}  # the longest last, so kept
    by_start = {s: e for s, e, _ in member_spans}
    owner = {i: c for c in kept for i in range(c.start, c.end)}
    result = {c: c for c in kept}
    for cand in kept:
        if cand.actor.bare or cand.actor.role not in ABSORBING_ROLES:
            continue
        new_start, new_end = cand.start, cand.end
        gap = cand.start
        while gap > cand.start - 2 and gap > 0 and folded[gap - 1] in rules.of_words:
            gap -= 1
        if gap in by_end and _free(range(by_end[gap], cand.start), owner, cand):
            new_start = by_end[gap]
        if cand.end in by_start and _free(range(cand.end, by_start[cand.end]), owner, cand):
            new_end = by_start[cand.end]
        if (new_start, new_end) != (cand.start, cand.end):
            for i in range(new_start, new_end):
                result.pop(owner.get(i), None)
            result[cand] = replace(cand, start=new_start, end=new_end)
            owner.update({i: cand for i in range(new_start, new_end)})
    return sorted(result.values(), key=lambda c: c.start)


def _free(tokens: range, owner: dict[int, Candidate], cand: Candidate) -> bool:
    """Tokens are free to absorb when no other actor, or only a bare generic group, holds them."""
    return all(owner.get(i) in (None, cand) or owner[i].actor.bare for i in tokens)


def find_actor_mentions(doc: Doc, language: str) -> list[ActorMention]:
    """Return the actors named in a Doc, sorted by start and non-overlapping (longest match wins)."""
    rules = compiled_rules(language)
    folded = [fold(t.text) for t in doc]
    candidates = (
        _dictionary_candidates(doc, folded, rules)
        + _proxy_candidates(doc, folded, rules)
        + _group_candidates(doc, folded, rules)
        + _metonymy_candidates(doc, folded, rules)
    )
    resolved = [c for c in _resolve(candidates) if c.actor is not None]
    kept = _absorb_members(doc, folded, resolved, rules)
    mentions = []
    for cand in kept:
        span = doc[cand.start : cand.end]
        mentions.append(
            ActorMention(
                start=span.start_char,
                end=span.end_char,
                text=span.text,
                token_start=cand.start,
                token_end=cand.end,
                name=cand.actor.name,
                inter=cand.actor.inter,
                country=cand.actor.country,
                role_hint=cand.actor.role,
            )
        )
    return mentions


def dictionary_actors() -> list[Actor]:
    """The canonical actors of resources/actors.yaml."""
    return list(_dictionary_index().values())
