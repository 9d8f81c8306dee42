"""A word whose form and lemma open two entries of one lexicon matches the same entry whatever the hash seed."""

import os
import subprocess
import sys

PROBE = """
import spacy
from spacy.tokens import Doc
from veille.extract.lexicon_match import PhraseLexicon
doc = Doc(spacy.blank("en").vocab, words=["the", "shots", "rang"], lemmas=["the", "shot", "ring"])
lexicon = PhraseLexicon({"by_form": ["shots"], "by_lemma": ["shot"]}, lambda text: text.split())
print(lexicon.find(doc)[0].label)
"""


def test_form_and_lemma_ties_resolve_the_same_way_under_every_hash_seed():
    labels = set()
    for seed in ("0", "1", "2", "3", "4", "5"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        result = subprocess.run([sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, check=True)
        labels.add(result.stdout.strip())
    assert len(labels) == 1, labels
