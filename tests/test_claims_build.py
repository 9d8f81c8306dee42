"""build_claim on hand-made mentions: chain order, headlines, hedges of the attribution sentence, denials."""

from __future__ import annotations

from veille.coding.claims import build_claim
from veille.extract.mentions import HedgeMention, SourceMention


def source(start: int, name: str, kind: str = "outlet", cue: str = "verb", anonymous: bool = False,
           speaker: str | None = None) -> SourceMention:
    return SourceMention(start=start, end=start + len(name), text=name, token_start=0, token_end=1, name=name,
                         kind=kind, anonymous=anonymous, speaker=speaker, cue=cue)


def hedge(start: int, text: str) -> HedgeMention:
    return HedgeMention(start=start, end=start + len(text), text=text, token_start=0, token_end=1)


def test_chain_runs_from_the_outlet_inward_and_citing_comes_last():
    sources = [source(10, "local sources", "anonymous", cue="citing", anonymous=True), source(40, "Tigris Monitor", "monitor")]
    claim, evidence = build_claim("Levant Wire", (0, 100), (0, 100), sources, [])
    assert [s.name for s in claim.chain] == ["Levant Wire", "Tigris Monitor", "local sources"]
    assert claim.attribution == "anonymous"
    assert evidence["claim.chain.1"].text == "Tigris Monitor"


def test_named_official_is_a_direct_claim_with_speaker_and_a_repeated_speaker_is_one_link():
    sources = [source(5, "Samir Khoury", "official", speaker="Samir Khoury, gouverneur"),
               source(60, "Samir Khoury", "official", speaker="Samir Khoury, gouverneur")]
    claim, _ = build_claim("Agence Orient", (0, 100), (0, 100), sources, [])
    assert [s.name for s in claim.chain] == ["Agence Orient", "Samir Khoury"]
    assert (claim.attribution, claim.speaker) == ("direct", "Samir Khoury, gouverneur")


def test_no_source_is_the_outlet_own_claim():
    claim, _ = build_claim("Levant Wire", (0, 50), (0, 200), [source(300, "SANA", "outlet")], [])
    assert [s.name for s in claim.chain] == ["Levant Wire"] and claim.attribution == "none"


def test_a_headline_takes_the_first_named_source_of_the_body():
    sources = [source(120, "sources locales", "anonymous", anonymous=True), source(200, "Radio Oronte", "outlet")]
    claim, _ = build_claim("Agence Orient", (0, 60), (0, 61), sources, [], next_sentence_end=60)
    assert [s.name for s in claim.chain] == ["Agence Orient", "Radio Oronte"]
    far = [source(5000, "Radio Oronte", "outlet")]
    assert build_claim("Agence Orient", (0, 60), (0, 61), far, [])[0].chain[1:] == []


def test_hedge_of_the_next_sentence_counts_when_the_source_is_there():
    sources = [source(120, "Avia.pro", "outlet")]
    hedges = [hedge(140, "sans préciser")]
    claim, evidence = build_claim("Press TV", (0, 100), (0, 300), sources, hedges, next_sentence_end=200)
    assert claim.hedged and claim.hedge.text == "sans préciser" and evidence["claim.hedge"].start == 140
    unrelated, _ = build_claim("Press TV", (0, 100), (0, 300), [], hedges, next_sentence_end=200)
    assert not unrelated.hedged


def test_a_denial_is_recorded_with_who_denies():
    sources = [source(10, "Syrian Democratic Forces", "official", cue="denial")]
    claim, evidence = build_claim("Daily Crescent", (0, 100), (0, 100), sources, [])
    assert claim.denied and claim.denial.text == "Syrian Democratic Forces"
    assert [s.name for s in claim.chain] == ["Daily Crescent"] and "claim.denial" in evidence
