"""The claim behind an event: the chain of sources from the outlet inward, the speaker, hedges, denials."""

from __future__ import annotations

from veille.extract.mentions import HedgeMention, SourceMention
from veille.records import Claim, Source, Span

# A one-sentence paragraph without a source (a headline, a lede) takes the first named source this
# many characters after it: its story is attributed in the body.
HEADLINE_SOURCE_WINDOW = 1500


def _span(mention) -> Span:
    return Span(start=mention.start, end=mention.end, text=mention.text)


def _sources_for(
    sentence: tuple[int, int], paragraph: tuple[int, int], next_sentence_end: int, sources: list[SourceMention]
) -> list[SourceMention]:
    """Sources in the event's sentence; else the nearest before it in its paragraph; else just after it."""
    in_sentence = [s for s in sources if sentence[0] <= s.start < sentence[1]]
    if in_sentence:
        return in_sentence
    before = [s for s in sources if paragraph[0] <= s.start < sentence[0]]
    if before:
        return [before[-1]]
    # "... deux gardes ont été tués. Le site Levant Info y revient": a source in the very next sentence
    after = [s for s in sources if sentence[1] <= s.start < min(paragraph[1], next_sentence_end)]
    if after:
        return after[:1]
    headline = sentence[0] <= paragraph[0] and sentence[1] >= paragraph[1] - 1
    if headline:
        named = [s for s in sources if paragraph[1] <= s.start < paragraph[1] + HEADLINE_SOURCE_WINDOW
                 and not s.anonymous and s.cue != "denial" and s.kind != "other"]
        return named[:1]
    return []


def _hedge_for(
    sentence: tuple[int, int], found: list[SourceMention], hedges: list[HedgeMention], next_sentence_end: int
) -> Span | None:
    """The first hedge of the event's sentence, or of the next sentence when that is where its source is."""
    window_end = sentence[1]
    if any(sentence[1] <= s.start < next_sentence_end for s in found):
        window_end = next_sentence_end  # "Levant Info y revient sans dire comment l'assaut a été mené"
    in_window = [h for h in hedges if sentence[0] <= h.start < window_end]
    return _span(in_window[0]) if in_window else None


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
    denials = [s for s in found if s.cue == "denial"]
    relays = [s for s in found if s.cue not in {"citing", "denial"}] + [s for s in found if s.cue == "citing"]
    speaker = None
    for mention in relays:
        if outlet and mention.name.casefold() == outlet.casefold():
            continue
        if chain and chain[-1].name == mention.name:
            continue  # "Karim Haddad ... a déclaré" then "a-t-il ajouté": one link
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
    hedge = _hedge_for(sentence, found, hedges, next_sentence_end)
    if hedge:
        evidence["claim.hedge"] = hedge
    denial = _span(denials[0]) if denials else None
    if denial:
        evidence["claim.denial"] = denial
    claim = Claim(chain=chain, speaker=speaker, attribution=attribution, hedged=hedge is not None, hedge=hedge,
                  denied=denial is not None, denial=denial)
    return claim, evidence
