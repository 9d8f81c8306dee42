"""Property tests: readers and the whole pipeline never raise on any input, and every failure says where and why."""

from __future__ import annotations

import io
import json
import tarfile
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from veille.records import Article, Failure
from veille.sources import READERS, ArticleDefaults, ReadLimits, read_bytes
from veille.sources.warc import read_warc_stream

DEFAULTS = ArticleDefaults()
LIMITS = ReadLimits(max_bytes=200_000)
FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SLOW = settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Any Unicode (control characters, right-to-left marks, surrogates excluded since they cannot be encoded),
# weighted towards the characters real inputs mix: Arabic, French accents, markup and bidi controls.
ARABIC = st.characters(min_codepoint=0x0600, max_codepoint=0x06FF)
SPECIAL = st.sampled_from(["\u200f", "\u200e", "\u202e", "\u2066", "\ufeff", "\x00", "\x1b", "\r", "\n", "<", ">",
                           "&", '"', ",", ";", "é", "ç", "{", "}", "-", "\t"])
TEXT = st.text(st.one_of(st.characters(exclude_categories=("Cs",)), ARABIC, SPECIAL), max_size=400)
MARKUP = st.lists(st.one_of(TEXT, st.sampled_from(["<p>", "</p>", "<div>", "</div>", "<html>", "<body>", "<title>",
                                                   "<article>", "<script>", "<![CDATA[", "]]>", "<item>", "</item>",
                                                   "<rss>", "<channel>", "<entry>", "<feed>", "<?xml ?>"])),
                  max_size=30).map("".join)
ENCODINGS = st.sampled_from(["utf-8", "utf-16", "latin-1", "windows-1256", "utf-8-sig"])


def encoded(text_strategy):
    """Texts encoded in one of the encodings real inputs come in (lossy ones replace what they cannot hold)."""
    return st.tuples(text_strategy, ENCODINGS).map(lambda pair: pair[0].encode(pair[1], errors="replace"))


ANY_BYTES = st.one_of(st.binary(max_size=600), encoded(TEXT), encoded(MARKUP))


def check_results(results) -> None:
    """Every result is an Article with text, or a Failure with a stage, a source and a message."""
    for item in results:
        assert isinstance(item, (Article, Failure))
        if isinstance(item, Failure):
            assert item.stage and item.message and item.source
        else:
            assert item.text.strip() and item.id


@pytest.mark.parametrize("suffix", sorted(READERS))
@FAST
@given(data=ANY_BYTES)
def test_readers_never_raise(suffix, data):
    check_results(list(READERS[suffix](data, f"input{suffix}", DEFAULTS)))


@SLOW
@given(data=ANY_BYTES, kind=st.sampled_from([".warc", ".warc.gz", ".zip", ".tar.gz"]))
def test_archive_readers_never_raise_on_garbage(data, kind):
    if kind.startswith(".warc"):
        results = list(read_warc_stream(io.BytesIO(data), "x" + kind, DEFAULTS, LIMITS))
    else:
        results = list(read_bytes(data, "x" + kind, DEFAULTS, LIMITS))
    check_results(results)
    assert results  # garbage is reported, never silently dropped


@SLOW
@given(members=st.lists(st.tuples(st.sampled_from(["a.txt", "b.html", "c.jsonl", "d.csv", "e.rss", "f.bin", ".h"]),
                                  ANY_BYTES), max_size=5),
       kind=st.sampled_from(["zip", "tar.gz"]))
def test_archives_of_anything_never_raise(tmp_path_factory, members, kind):
    from veille.sources import read_file

    path = tmp_path_factory.mktemp("a") / f"x.{kind}"
    if kind == "zip":
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            for n, (name, data) in enumerate(members):
                archive.writestr(f"{n}/{name}", data)
    else:
        with tarfile.open(path, "w:gz") as archive:
            for n, (name, data) in enumerate(members):
                info = tarfile.TarInfo(f"{n}/{name}")
                info.size = len(data)
                archive.addfile(info, io.BytesIO(data))
    results = list(read_file(path, DEFAULTS, LIMITS))
    check_results(results)
    visible = [name for name, _ in members if not name.startswith(".")]
    assert len({r.source_path if isinstance(r, Article) else r.source for r in results}) >= min(len(visible), 1) or not visible


@FAST
@given(records=st.lists(st.one_of(st.dictionaries(st.sampled_from(["text", "title", "published", "id", "outlet",
                                                                    "language", "url"]),
                                                   st.one_of(TEXT, st.integers(), st.none(), st.booleans(),
                                                             st.lists(st.integers(), max_size=2))),
                                  TEXT), max_size=6))
def test_jsonl_records_of_any_shape(records):
    data = "\n".join(json.dumps(r, ensure_ascii=False) for r in records).encode("utf-8", errors="replace")
    results = list(READERS[".jsonl"](data, "x.jsonl", DEFAULTS))
    check_results(results)


@pytest.fixture(scope="module")
def pipeline():
    from veille.pipeline import Pipeline

    pipe = Pipeline()
    pipe.warm_up()
    return pipe


SENTENCE_BITS = st.sampled_from(["Trois soldats ont été tués", "near Kirkuk", "à Alep", "on Monday", "lundi",
                                 "selon une ONG", "said police", "aucune victime", "dozens", "\u200f", "قتل",
                                 ".", ",", "\n\n", "2024-03-14", "12", "Islamic State", "l'armée syrienne"])
PIPELINE_TEXT = st.one_of(TEXT.filter(str.strip), st.lists(st.one_of(SENTENCE_BITS, TEXT.map(lambda t: t[:20])),
                                                           min_size=1, max_size=25).map(" ".join))


@pytest.mark.slow
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
@given(text=PIPELINE_TEXT, language=st.sampled_from([None, "fr", "en", "xx"]))
def test_pipeline_never_raises_and_spans_point_into_the_text(pipeline, text, language):
    from veille.records import normalise_text, text_id

    body = normalise_text(text)
    if not body:
        return
    article = Article(id=text_id(body), text=body, language=language)
    (result,) = list(pipeline.process([article]))
    if result.failure is not None:
        assert result.failure.stage and result.failure.message and result.failure.article_id == article.id
        return
    for event in result.events:
        for span in event.evidence.values():
            assert result.article.text[span.start:span.end] == span.text
