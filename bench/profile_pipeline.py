"""Profile veille's pipeline with pyinstrument on the generated benchmark corpus; prints the call tree."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from pyinstrument import Profiler

sys.path.insert(0, str(Path(__file__).resolve().parent))

from corpus import generate_records  # noqa: E402

from veille.pipeline import Pipeline  # noqa: E402
from veille.records import Article  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--depth", type=int, default=40, help="hide frames below this share (per mille)")
    parser.add_argument("--html", type=Path, help="also write the profile as HTML here")
    args = parser.parse_args()
    articles = [Article(**record) for record in generate_records(args.articles)]
    pipeline = Pipeline()
    pipeline.warm_up()
    list(pipeline.process(articles[:8]))
    profiler = Profiler(interval=0.002)
    with profiler:
        n_events = sum(len(result.events) for result in pipeline.process(articles, batch_size=32))
    print(f"articles={len(articles)} events={n_events}")
    print(profiler.output_text(unicode=True, color=False, show_all=False,
                               time="percent_of_total", flat=False))
    if args.html:
        args.html.write_text(profiler.output_html(), encoding="utf-8")


if __name__ == "__main__":
    main()
