"""Pathological and broken inputs: each is read, cut or refused with a reason; none hangs or raises."""

from __future__ import annotations

import gzip
import io
import tarfile
import time
import zipfile

import pytest

from tests.mixed_inputs import REPORTS, html_page, rss_feed, warc_gz
from veille.records import Article, Failure
from veille.sources import ReadLimits, read_sources


def read(*paths, **options):
    return list(read_sources([str(p) for p in paths], **options))


def test_ten_megabytes_of_one_token_is_refused_by_size(tmp_path):
    big = tmp_path / "token.txt"
    big.write_bytes(b"x" * 10_000_000)
    (failure,) = read(big)
    assert failure.message == "file too large: 10000000 bytes > limit 5000000"


def test_ten_megabytes_of_one_token_past_a_raised_limit_is_refused_by_the_pipeline(tmp_path):
    from veille.pipeline import MAX_ARTICLE_CHARS, Pipeline

    big = tmp_path / "token.txt"
    big.write_bytes(b"x" * 10_000_000)
    (article,) = read(big, max_bytes=20_000_000)
    started = time.perf_counter()
    (result,) = Pipeline(gazetteer=object()).process([article])  # refused before any model or gazetteer is used
    assert time.perf_counter() - started < 5
    assert result.failure.stage == "read" and f"> limit {MAX_ARTICLE_CHARS}" in result.failure.message


def test_deeply_nested_html_is_a_failure_not_a_crash(tmp_path):
    page = tmp_path / "deep.html"
    page.write_text("<html><body>" + "<div>" * 100_000 + REPORTS[0] + "</div>" * 100_000 + "</body></html>")
    started = time.perf_counter()
    results = read(page)
    assert time.perf_counter() - started < 10
    assert all(isinstance(r, (Article, Failure)) for r in results) and len(results) == 1
    if isinstance(results[0], Failure):
        assert results[0].message == "no main text found in the HTML page"


def test_zip_bomb_members_are_refused_by_size_and_ratio(tmp_path):
    bomb = tmp_path / "bomb.zip"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("huge.txt", b"0" * 60_000_000)  # 60 MB of zeros: about 60 KB compressed
        archive.writestr("dense.txt", b"a " * 1_500_000)  # 3 MB under the size limit, but a ratio near 1000
        archive.writestr("fine.txt", REPORTS[1])
    assert bomb.stat().st_size < 200_000
    huge, dense, fine = read(bomb)
    assert "archive member too large: 60000000 bytes" in huge.message
    assert "compression ratio" in dense.message and "zip bomb" in dense.message
    assert fine.text == REPORTS[1]


def test_archive_total_and_member_count_caps(tmp_path):
    many = tmp_path / "many.zip"
    with zipfile.ZipFile(many, "w") as archive:
        for n in range(30):
            archive.writestr(f"{n}.txt", f"{REPORTS[n % 8]} ({n})")
    (failure,) = read(many, limits=ReadLimits(max_members=10))
    assert failure.message == "too many members: 30 > limit 10"
    results = read(many, limits=ReadLimits(max_archive_bytes=1_000))
    assert isinstance(results[-1], Failure) and "rest not read" in results[-1].message
    assert 0 < sum(isinstance(r, Article) for r in results) < 30


def test_two_hundred_thousand_sentences_are_cut_and_the_cut_is_recorded(tmp_path):
    from veille.pipeline import MAX_PARSE_CHARS, Pipeline

    long_file = tmp_path / "long.txt"
    long_file.write_text("Il pleut. " * 200_000, encoding="utf-8")  # 2 MB, 200,000 sentences
    (article,) = read(long_file)
    (refused,) = Pipeline(gazetteer=object()).process([article])
    assert refused.failure is not None and "article too long" in refused.failure.message
    shorter = article.model_copy(update={"text": article.text[:300_000], "language": "fr"})
    started = time.perf_counter()
    (cut,) = Pipeline(max_parse_chars=2_000).process([shorter])  # the default cap, MAX_PARSE_CHARS, in the bench
    elapsed = time.perf_counter() - started
    print(f"300,000 chars (30,000 sentences) cut to 2,000 (default {MAX_PARSE_CHARS}): {elapsed:.1f}s")
    assert cut.failure is None
    assert [note.stage for note in cut.notes] == ["limit"] and "article cut" in cut.notes[0].message


def test_binary_empty_and_wrongly_encoded_inputs(tmp_path):
    (tmp_path / "photo.html").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (tmp_path / "blank.rss").write_text("   \n", encoding="utf-8")
    (tmp_path / "latin.txt").write_bytes("Trois soldats tués à Alep.".encode("latin-1"))
    lying = html_page("T", "Trois soldats ont été tués lundi près de Mossoul, selon un responsable local.",
                      charset="utf-8").encode("latin-1")  # declares UTF-8, is latin-1
    (tmp_path / "lying.html").write_bytes(lying)
    results = {(r.source if isinstance(r, Failure) else r.source_path).rsplit("/", 1)[-1]: r
               for r in read(tmp_path)}
    assert results["photo.html"].message == "binary file (NUL bytes)"
    assert results["blank.rss"].message == "empty file"
    assert results["latin.txt"].message == "invalid UTF-8 at byte 16"  # plain text stays strict UTF-8
    assert "tués lundi près de Mossoul" in results["lying.html"].text


def test_truncated_gzip_tar_and_zip(tmp_path):
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        for n in range(3):
            data = (REPORTS[n] * 50).encode("utf-8")
            info = tarfile.TarInfo(f"{n}.txt")
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    (tmp_path / "cut.tar.gz").write_bytes(buffer.getvalue()[: len(buffer.getvalue()) // 2])
    zipped = io.BytesIO()
    with zipfile.ZipFile(zipped, "w") as archive:
        archive.writestr("a.txt", REPORTS[0])
    (tmp_path / "cut.zip").write_bytes(zipped.getvalue()[:40])
    (tmp_path / "cut.warc.gz").write_bytes(gzip.compress(b"WARC/1.0\r\nWARC-Type: resp")[:-6])
    results = read(tmp_path)
    messages = [r.message for r in results if isinstance(r, Failure)]
    assert any("truncated or corrupt tar archive after 1 files" in m for m in messages)
    assert any("not a readable zip archive" in m for m in messages)
    assert any("WARC" in m for m in messages)
    assert len(messages) == 3


def test_malformed_feeds(tmp_path):
    good = rss_feed([("Kirkuk", "https://g.example/1", REPORTS[1])])
    (tmp_path / "cut.rss").write_text(good[: good.index("</item>")], encoding="utf-8")
    (tmp_path / "notafeed.xml").write_text("<?xml version='1.0'?><config><a>1</a></config>", encoding="utf-8")
    (tmp_path / "garbage.atom").write_text("<feed><entry><<<>>>&&&", encoding="utf-8")
    results = {(r.source if isinstance(r, Failure) else r.source_path).rsplit("/", 1)[-1]: r for r in read(tmp_path)}
    # A feed cut after an entry's text still gives that entry (feedparser is lenient); the others fail clearly.
    assert isinstance(results["cut.rss#1"], Article) and results["cut.rss#1"].text == REPORTS[1]
    assert results["notafeed.xml"].message == "no entries in the feed"
    garbage = [r for name, r in results.items() if name.startswith("garbage.atom")]
    assert garbage and all(isinstance(r, Failure) for r in garbage)


def test_csv_with_missing_columns_and_broken_rows(tmp_path):
    sheet = tmp_path / "s.csv"
    sheet.write_text('title,text,published\nA,"' + REPORTS[0] + '",not-a-date\nB\n"unterminated,' + REPORTS[1],
                     encoding="utf-8")
    results = read(sheet)
    assert [type(r).__name__ for r in results] == ["Failure", "Failure", "Failure"]
    assert "invalid published date" in results[0].message and results[0].source.endswith(":2")
    assert "empty text" in results[1].message  # a row with the title only
    assert "empty text" in results[2].message  # an open quote swallows the rest of the file into one cell


@pytest.mark.parametrize("content", [b"", b"\xef\xbb\xbf", b"\r\n\r\n"])
def test_empty_inputs_of_every_format(tmp_path, content):
    for suffix in (".txt", ".html", ".rss", ".csv", ".jsonl", ".warc"):
        (tmp_path / f"e{suffix}").write_bytes(content)
    results = read(tmp_path)
    assert len(results) == 6 and all(isinstance(r, Failure) and r.message for r in results)


def test_unsupported_and_missing_inputs(tmp_path):
    (tmp_path / "x.pdf").write_bytes(b"%PDF-1.4")
    (failure,) = read(tmp_path / "x.pdf")
    assert failure.message == "unsupported file type '.pdf'"
    (missing,) = read(tmp_path / "nope.html")
    assert missing.message == "no such file or directory"


def test_time_budget_records_a_timeout_and_the_next_article_goes_on():
    from veille.pipeline import Pipeline
    from veille.records import text_id

    slow_text = "Des soldats ont été tués à Alep lundi, selon une ONG. " * 60
    slow = Article(id=text_id(slow_text), text=slow_text, language="fr")
    quick = Article(id="q", text="Il pleut.", language="fr")
    first, second = Pipeline(article_seconds=0.001).process([slow, quick])
    assert first.failure.stage == "timeout" and "time budget of 0.001 s exceeded" in first.failure.message
    assert second.failure is None or second.failure.stage == "timeout"  # a tiny text may also run out
    (again,) = Pipeline().process([slow])
    assert again.failure is None and again.events
