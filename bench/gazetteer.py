"""Benchmark: gazetteer build time, cached load time and lookups per second, measured in one run.

Prints each figure and the ratios against the issue's targets (load < 1 s, >= 20,000 lookups/s):
a ratio >= 1.0 meets the target.
"""

from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

from veille.geo.gazetteer import Gazetteer

LOAD_TARGET_S = 1.0
LOOKUP_TARGET_PER_S = 20_000
# Spellings a conflict report uses: transliterations, French forms, articles, provinces, misses.
NAMES = ["Idlib", "Idleb", "al-Hawija", "Al Hawijah", "Qamichli", "Hassaké", "Deir ez-Zor", "Dar'a", "Deraa",
         "Kirkouk", "Baghdad", "Homs", "Raqqa", "Alep", "Mosul", "Erbil", "Tikrit", "Saraqib", "Maarat al-Numan",
         "Damas", "Beyrouth", "Sanaa", "Aden", "Marib", "Hodeidah", "Russia", "Syrie", "Middle East", "Xyzzyville"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--lookups", type=int, default=200_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        cache = Path(scratch)
        start = time.perf_counter()
        Gazetteer.load(cache)
        build_s = time.perf_counter() - start
        start = time.perf_counter()
        gazetteer = Gazetteer.load(cache)
        load_s = time.perf_counter() - start
    names = random.Random(4).choices(NAMES, k=args.lookups)
    start = time.perf_counter()
    for name in names:
        gazetteer.lookup(name)
    lookups_per_s = args.lookups / (time.perf_counter() - start)
    print(f"entries={len(gazetteer)} build_s={build_s:.1f} load_s={load_s:.2f} lookups_per_s={lookups_per_s:,.0f}")
    print(f"load_ratio={LOAD_TARGET_S / load_s:.2f} lookup_ratio={lookups_per_s / LOOKUP_TARGET_PER_S:.2f}")


if __name__ == "__main__":
    main()
