"""The claim behind an event: the chain of sources from the outlet inward, the speaker, the hedges."""

from __future__ import annotations

from veille.extract.mentions import HedgeMention, SourceMention
from veille.records import Claim, Source, Span


def _span(mention) -> Span:
    return Span(start=mention.start, end=mention.end, text=mention.text)


def _sources_for(
    sentence: tuple[int, int], paragraph: tuple[int, int], next_sentence_end: int, sources: list[SourceMention]
) -> list[SourceMention]:
    """Sources in the event's sentence; else the nearest ones before it in its paragraph; else after it."""
    in_sentence = [s for s in sources if sentence[0] <= s.start < sentence[1]]
    if in_sentence:
        return in_sentence
    before = [s for s in sources if paragraph[0] <= s.start < sentence[0]]
    if before:
        return [before[-1]]
    # "... tuant quatre officiers. Le site Avia.pro y revient": a source in the very next sentence
    after = [s for s in sources if sentence[1] <= s.start < min(paragraph[1], next_sentence_end)]
    return after[:1]


def build_claim(
    outlet: str | None,
    sentence: tuple[int, int],
    paragraph: tuple[int, int],
    sources: list[SourceMention],
    hedges: list[HedgeMention],
    next_sentence_end: int | None = None,
) -> tuple[Claim, dict[str, Span]]:
    """Build the Claim of an event whose trigger sentence spans `sentence` (character offsets)."""
    evidence: dict[str, Span] = {}
    chain: list[Source] = []
    next_sentence_end = sentence[1] if next_sentence_end is None else next_sentence_end
    if outlet:
        chain.append(Source(name=outlet, kind="outlet"))
    found = _sources_for(sentence, paragraph, next_sentence_end, sources)
    relays = [s for s in found if s.cue != "citing"] + [s for s in found if s.cue == "citing"]
    speaker = None
    for index, mention in enumerate(relays):
        if outlet and mention.name.casefold() == outlet.casefold():
            continue
        chain.append(Source(name=mention.name, kind=mention.kind, mention=_span(mention)))
        evidence[f"claim.chain.{len(chain) - 1}"] = _span(mention)
        if speaker is None and mention.speaker:
            speaker = mention.speaker
    attribution = "none"
    if relays:
        last = relays[-1]
        if last.anonymous:
            attribution = "anonymous"
        elif last.kind in {"person", "official"}:
            attribution = "direct"
        else:
            attribution = "reported"
    in_sentence_hedges = [h for h in hedges if sentence[0] <= h.start < sentence[1]]
    hedge = _span(in_sentence_hedges[0]) if in_sentence_hedges else None
    if hedge:
        evidence["claim.hedge"] = hedge
    claim = Claim(chain=chain, speaker=speaker, attribution=attribution, hedged=hedge is not None, hedge=hedge)
    return claim, evidence
