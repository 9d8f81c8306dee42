"""Which casualty cue a number counts for, read from the parse, and victims named without a number."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from veille.extract.lexicon_match import LexiconHit, fold

MAX_STEPS = 5  # number -> noun -> preposition -> noun -> verb is as far as a count travels


class _Stop:
    """The number belongs to a clause with another verb: it counts something else."""


STOP = _Stop()


@dataclass(frozen=True)
class SyntaxRules:
    """Dependency labels of a language's parser that the casualty rules read (from quantities.yaml)."""

    complement_deps: frozenset[str]  # verb -> predicate: "were reported [killed]", "leaving 3 [dead]"
    modifier_deps: frozenset[str]  # noun -> cue: "8 farmers [killed]", "3 militants [dead]"
    transparent_verbs: frozenset[str]  # verbs a count passes through: "12 were [reported] killed"
    agent_deps: frozenset[str]  # the killers, not the killed: "[5 gunmen] killed 2 farmers"
    description_deps: frozenset[str]  # a noun that renames another: no new victims
    shared_deps: frozenset[str]  # verb -> coordinated verb
    shared_from: frozenset[str]  # ... that shares this role of the first verb
    counted_links: frozenset[str]  # number -> link -> counted cue noun: "dozens [of] deaths"
    counted_deps: frozenset[str]
    intransitive: frozenset[str]  # fatality verbs whose subject is the victim: "8 people [died]"
    subject_deps: frozenset[str]  # the agent roles that are grammatical subjects ...
    participle_tags: frozenset[str]  # ... which are the victims of a bare participle: "1 [killed], 7 injured"
    object_deps: frozenset[str]  # (a participle with an object is active: "2 men [executed] 2 others")
    agent_preps: frozenset[str]  # "by" however the parser attaches it
    clause_deps: frozenset[str]  # a coordinated clause holds its own count


def syntax_rules(table: dict) -> SyntaxRules:
    """The parse rules of a language's quantities resource."""
    rule = table.get("syntax") or {}
    return SyntaxRules(
        complement_deps=frozenset(rule.get("complement_deps", [])),
        modifier_deps=frozenset(rule.get("modifier_deps", [])),
        transparent_verbs=frozenset(fold(w) for w in rule.get("transparent_verbs", [])),
        agent_deps=frozenset(rule.get("agent_deps", [])),
        description_deps=frozenset(rule.get("description_deps", [])),
        shared_deps=frozenset(rule.get("shared_deps", [])),
        shared_from=frozenset(rule.get("shared_from", [])),
        counted_links=frozenset(rule.get("counted_links", [])),
        counted_deps=frozenset(rule.get("counted_deps", [])),
        intransitive=frozenset(fold(w) for w in (table.get("single_victim") or {}).get("intransitive", [])),
        subject_deps=frozenset(rule.get("subject_deps", [])),
        participle_tags=frozenset(rule.get("participle_tags", [])),
        object_deps=frozenset(rule.get("object_deps", [])),
        agent_preps=frozenset(fold(w) for w in rule.get("agent_preps", [])),
        clause_deps=frozenset(rule.get("clause_deps", [])),
    )


def cue_by_token(cues: list[LexiconHit]) -> dict[int, LexiconHit]:
    """Every token index covered by a cue, mapped to its cue."""
    return {i: cue for cue in cues for i in range(cue.token_start, cue.token_end)}


CLAUSE_HEADS = {"VERB", "AUX", "ADJ"}


def _is_agent(came_from: Token, cue: Token, rules: SyntaxRules) -> bool:
    """True when the count reaches the cue as its doer: "[5 gunmen] killed", "killed [by] 4 men"."""
    if {fold(cue.text), fold(cue.lemma_)} & rules.intransitive:
        return False
    if came_from.dep_ in rules.subject_deps and cue.tag_ in rules.participle_tags and not any(
            c.dep_ in rules.object_deps for c in cue.children):
        return False  # "1 killed, 7 injured": a bare participle's subject is its victim
    return came_from.dep_ in rules.agent_deps or fold(came_from.text) in rules.agent_preps


def syntactic_cue(doc: Doc, start: int, end: int, cue_at: dict[int, LexiconHit], rules: SyntaxRules):
    """The cue the number doc[start:end] counts for by the parse; STOP when it counts for another verb;
    None when the parse says nothing (no verb on the way up)."""
    token = doc[start:end].root
    for link in token.children:
        if link.dep_ in rules.counted_deps and link.i in cue_at:  # "des dizaines de [morts]"
            return cue_at[link.i]
        if link.dep_ in rules.counted_links:
            for noun in link.children:
                if noun.dep_ in rules.counted_deps and noun.i in cue_at:
                    return cue_at[noun.i]
    came_from: Token | None = None
    for _ in range(MAX_STEPS):
        if token.i in cue_at and not start <= token.i < end:
            if came_from is not None and _is_agent(came_from, token, rules):
                return STOP
            if came_from is not None and came_from.dep_ in rules.clause_deps and came_from.pos_ in CLAUSE_HEADS:
                return STOP  # "1 killed and 40 went missing": another predicate, another count
            return cue_at[token.i]
        for child in token.children:
            if child is came_from or child.i not in cue_at:
                continue
            if child.dep_ in rules.modifier_deps or (token.pos_ in {"VERB", "AUX"} and child.dep_ in
                                                     rules.complement_deps):
                return cue_at[child.i]
            if child.dep_ in rules.shared_deps and came_from is not None and came_from.dep_ in rules.shared_from:
                return cue_at[child.i]  # "1 guard was shot and killed": the passive subject is shared
        if token.dep_ in rules.description_deps:
            return STOP  # "5 fighters, [a coalition] of groups, were killed": the apposition describes them
        if token.pos_ == "VERB" and token.i != start and not (
                {fold(token.text), fold(token.lemma_)} & rules.transparent_verbs):
            return STOP
        if token.head is token:
            return None
        came_from, token = token, token.head
    return None


def attempted(token: Token, attempt_words: frozenset[str]) -> bool:
    """True when the cue is only tried: "attempted to assassinate", "an attempt to kill"."""
    for ancestor in (token.head, token.head.head):
        if {fold(ancestor.text), fold(ancestor.lemma_)} & attempt_words:
            return True
    return False


def negated(token: Token, negations: frozenset[str] | set[str]) -> bool:
    """True when the word is denied: "no fatalities", "no injuries or fatalities", "could not be identified"."""
    window = token.doc[max(token.sent.start, token.i - 5) : token.i]
    if any(fold(t.text) in negations for t in window):
        return True
    for ancestor in [token, *list(token.ancestors)[:3]]:
        if any(c.dep_ == "neg" or (c.dep_ == "det" and fold(c.text) in negations) for c in ancestor.children):
            return True
    return False


def natural_death(doc: Doc, cue: LexiconHit, causes: frozenset[str]) -> bool:
    """True when the death is told as illness or accident ("died from coronavirus", "coronavirus deaths")."""
    if not causes:
        return False
    token = doc[cue.token_start:cue.token_end].root
    near = list(token.children) + [g for c in token.children for g in c.children]
    return any(fold(t.text) in causes or fold(t.lemma_) in causes for t in near)


def coordinated_cues(doc: Doc, cue: LexiconHit, cues: list[LexiconHit], joiners: set[str]) -> list[LexiconHit]:
    """The cues listed together with `cue` ("killed and wounded", "killed, injured or captured")."""
    ordered = sorted(cues, key=lambda c: c.token_start)
    index = next(i for i, c in enumerate(ordered) if c is cue)

    def linked(a: LexiconHit, b: LexiconHit) -> bool:
        between = doc[a.token_end : b.token_start]
        return all(t.is_punct or fold(t.text) in joiners for t in between) and len(between) <= 3

    chain = [cue]
    i = index
    while i > 0 and linked(ordered[i - 1], ordered[i]):
        i -= 1
        chain.insert(0, ordered[i])
    i = index
    while i + 1 < len(ordered) and linked(ordered[i], ordered[i + 1]):
        i += 1
        chain.append(ordered[i])
    return chain


@dataclass(frozen=True)
class VictimRules:
    """How a language names one victim without a number (from quantities.yaml `single_victim`)."""

    deps: frozenset[str]
    subject_deps: frozenset[str]
    intransitive: frozenset[str]
    noun_links: frozenset[str]
    noun_deps: frozenset[str]
    tags: frozenset[str]
    pronouns: frozenset[str]
    conj_dep: str
    predicate_deps: frozenset[str]
    not_people: frozenset[str]
    remains: frozenset[str]  # nouns that are one dead person each: "a body was found"
    aux_deps: frozenset[str]  # auxiliaries ...
    passive_aux_deps: frozenset[str]  # ... of which these make a passive
    singular_nouns: bool  # read the number from the morphology (parsers whose tags do not carry it)


def victim_rules(table: dict) -> VictimRules:
    """The single-victim rules of a language's quantities resource."""
    rule = table.get("single_victim") or {}
    return VictimRules(
        deps=frozenset(rule.get("deps", [])),
        subject_deps=frozenset(rule.get("subject_deps", [])),
        intransitive=frozenset(fold(w) for w in rule.get("intransitive", [])),
        noun_links=frozenset(rule.get("noun_links", [])),
        noun_deps=frozenset(rule.get("noun_deps", [])),
        tags=frozenset(rule.get("noun_tags", [])),
        pronouns=frozenset(fold(w) for w in rule.get("pronouns", [])),
        conj_dep=rule.get("conj_dep", "conj"),
        predicate_deps=frozenset(rule.get("predicate_deps", [])),
        not_people=frozenset(fold(w) for w in table.get("not_people", [])),
        remains=frozenset(fold(w) for w in rule.get("remains", [])),
        singular_nouns=bool(rule.get("singular_from_morphology", False)),
        aux_deps=frozenset(rule.get("aux_deps", [])),
        passive_aux_deps=frozenset(rule.get("passive_aux_deps", [])),
    )


def _victims_of(token: Token, rules: VictimRules) -> list[Token]:
    """Tokens that name the victims of a fatality cue token, by its role in the parse."""
    keys = {fold(token.text), fold(token.lemma_)}
    deps = set(rules.deps) | (set(rules.subject_deps) if keys & rules.intransitive else set())
    if token.pos_ == "NOUN":
        found = [c for c in token.children if c.dep_ in rules.noun_deps]
        found += [g for c in token.children if c.dep_ in rules.noun_links for g in c.children
                  if g.dep_ in rules.noun_deps]
        return found
    found = [c for c in token.children if c.dep_ in deps]
    auxiliaries = [c for c in token.children if c.dep_ in rules.aux_deps and c.i < token.i]
    if not found and any(c.dep_ in rules.passive_aux_deps for c in auxiliaries):
        # "in Manaus, a man was beaten to death": the parser hung "man" on the town; take the noun before "was"
        before = token.doc[min(c.i for c in auxiliaries) - 1]
        while before.dep_ == rules.conj_dep and before.head.pos_ == "NOUN":  # "a farmer and [a teenager] were"
            before = before.head
        found = [before] if before.pos_ == "NOUN" else []
    if not found and token.dep_ in rules.predicate_deps and token.head is not token:
        # "was found dead", "leaving him dead": the victim hangs on the verb the predicate completes
        found = [c for c in token.head.children if c.dep_ in rules.deps]
    return found


def _counted(noun: Token, rules: VictimRules) -> int:
    """1 for a singular victim named without a number, 0 otherwise (nor for livestock or buildings)."""
    if {fold(noun.text), fold(noun.lemma_)} & rules.not_people:
        return 0
    numbered = any(c.pos_ == "NUM" or c.dep_ == "nummod" for c in noun.children)
    singular = noun.tag_ in rules.tags or (rules.singular_nouns and noun.pos_ == "NOUN"
                                            and noun.morph.get("Number") == ["Sing"])
    return int((singular and not numbered) or fold(noun.text) in rules.pronouns)


def single_victims(doc: Doc, cues: list[LexiconHit], rules: VictimRules) -> tuple[int, int, int, int] | None:
    """(value, token_start, token_end, head) of victims named one by one ("killing a farmer and his brother")."""
    for cue in cues:
        if cue.label != "fatalities":
            continue
        token = doc[cue.token_start:cue.token_end].root
        if {fold(token.text)} & rules.remains and _counted(token, rules):
            victims = [v for v in _victims_of(token, rules) if _counted(v, rules)]
            if not victims:
                return 1, min(token.left_edge.i, cue.token_start), cue.token_end, cue.token_start
        for victim in _victims_of(token, rules):
            first = _counted(victim, rules)
            if not first:
                continue
            others = [c for c in victim.children if c.dep_ == rules.conj_dep]
            value = first + sum(_counted(c, rules) for c in others)
            last = max([victim] + others, key=lambda t: t.i)
            start, end = min(victim.left_edge.i, cue.token_start), max(last.i + 1, cue.token_end)
            return value, start, end, cue.token_start
    return None


def unnumbered_partners(doc: Doc, number_starts: list[int], rules: VictimRules, taken: set[int]) -> int:
    """Single victims listed with counted ones: "three guards [and a driver] were killed" adds 1 (`taken`: tokens
    that are numbers or cues themselves, as in "3 dead [and a dozen] wounded")."""
    extra = 0
    for start in number_starts:
        noun = doc[start].head
        if doc[start].dep_ != "nummod":
            continue
        extra += sum(_counted(c, rules) for c in noun.children if c.dep_ == rules.conj_dep and c.i not in taken
                     and not any(g.i in taken for g in c.children))
    return extra
