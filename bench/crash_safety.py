"""Bench: kill -9 a real `veille run` at a random moment, rerun it, compare with an uninterrupted run; N times.

Prints one line per trial and `passed=<k>/<n>`; exits non-zero when any trial differs from the reference.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.crash_harness import kill_and_resume, processing_window, snapshot, write_corpus  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--trials", type=int, default=20)
    parser.add_argument("--seed", type=int, default=None)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        corpus = write_corpus(root / "corpus")
        window = processing_window(corpus, root / "reference.db")
        reference = snapshot(root / "reference.db")
        print(f"reference: {len(reference['articles'])} articles, {len(reference['events'])} events, "
              f"{len(reference['failures'])} failures; kill window {window:.1f}s after the first article")
        passed = 0
        for trial in range(1, args.trials + 1):
            db = root / f"trial{trial}.db"
            outcome, delay = kill_and_resume(corpus, db, window, rng)
            same = snapshot(db) == reference
            passed += same
            print(f"trial {trial}: {outcome} at +{delay:.2f}s -> {'same as reference' if same else 'DIFFERENT'}",
                  flush=True)
    print(f"passed={passed}/{args.trials}")
    return 0 if passed == args.trials else 1


if __name__ == "__main__":
    sys.exit(main())
