"""Each reader on inputs we write: HTML, RSS, Atom, CSV, WARC.gz, zip, tar.gz, globs, encodings."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from tests.mixed_inputs import REPORTS, atom_feed, html_page, rss_feed, warc_gz, write_mixed_folder
from veille.records import Article, Failure
from veille.sources import read_sources
from veille.sources.tabular import parse_column_map


def read(*paths, **options):
    return list(read_sources([str(p) for p in paths], **options))


def test_html_page_gives_main_text_and_metadata(tmp_path):
    page = tmp_path / "a.html"
    page.write_text(html_page("Explosion à Mossoul", REPORTS[0], date="2024-02-01", site="Levant Wire",
                              url="https://levant.example/mossoul"), encoding="utf-8")
    (article,) = read(page)
    assert article.text.startswith("Deux policiers ont été blessés")
    assert "Home" not in article.text and "All rights reserved" not in article.text
    assert (article.title, article.outlet, article.url) == ("Explosion à Mossoul", "Levant Wire",
                                                            "https://levant.example/mossoul")
    assert article.published.date().isoformat() == "2024-02-01"


@pytest.mark.parametrize("encoding,text", [
    ("windows-1256", "قُتل ثلاثة جنود في هجوم على حاجز قرب الموصل يوم الاثنين، وفق ما قاله مسؤول أمني محلي للصحفيين."),
    ("latin-1", "Trois soldats ont été tués lundi près de Mossoul, a déclaré à la presse un responsable sécuritaire."),
])
def test_non_utf8_pages_are_decoded(tmp_path, encoding, text):
    page = tmp_path / "p.html"
    page.write_bytes(html_page("T", text, charset=encoding).encode(encoding))
    (article,) = read(page)
    assert text in article.text


def test_undeclared_windows_1256_page_is_detected(tmp_path):
    text = ("قُتل ثلاثة جنود في هجوم على حاجز قرب الموصل يوم الاثنين، وفق ما قاله مسؤول أمني محلي. "
            "وأضاف أن المهاجمين فروا باتجاه الصحراء بعد تبادل لإطلاق النار استمر ساعة.")
    page = tmp_path / "p.html"
    page.write_bytes(f"<html><body><article><p>{text}</p></article></body></html>".encode("windows-1256"))
    (article,) = read(page)
    assert "الموصل" in article.text


def test_rss_entries_become_articles_with_feed_metadata(tmp_path):
    feed = tmp_path / "f.rss"
    feed.write_text(rss_feed([("Kirkuk", "https://g.example/1", REPORTS[1]),
                              ("Basra", "https://g.example/2", REPORTS[5])]), encoding="utf-8")
    first, second = read(feed)
    assert first.text == REPORTS[1] and second.text == REPORTS[5]
    assert (first.outlet, first.title, first.url) == ("Gulf Dispatch", "Kirkuk", "https://g.example/1")
    assert first.published.isoformat() == "2024-03-10T07:00:00"
    assert second.source_path.endswith("f.rss#2")


def test_atom_entries_use_their_content(tmp_path):
    feed = tmp_path / "f.atom"
    feed.write_text(atom_feed([("Idlib", "https://s.example/1", REPORTS[3])]), encoding="utf-8")
    (article,) = read(feed)
    assert article.text == REPORTS[3] and article.outlet == "Sahel Notes"
    assert article.url == "https://s.example/1"


def test_csv_default_and_configured_columns(tmp_path):
    sheet = tmp_path / "s.csv"
    sheet.write_text(f'headline;body;date\nBasra;"{REPORTS[5]}";2024-03-11\n', encoding="utf-8")
    (article,) = read(sheet)
    assert (article.title, article.text, article.published.day) == ("Basra", REPORTS[5], 11)
    custom = tmp_path / "c.csv"
    custom.write_text(f'story,when\n"{REPORTS[1]}",2024-01-02\n', encoding="utf-8")
    (failure,) = read(custom)
    assert isinstance(failure, Failure) and "no text column" in failure.message and "story" in failure.message
    (article,) = read(custom, csv_columns=parse_column_map("text=story,published=when"))
    assert article.text == REPORTS[1] and article.published.month == 1


def test_csv_named_column_missing_and_bad_rows(tmp_path):
    sheet = tmp_path / "s.csv"
    sheet.write_text(f'text,title\n"{REPORTS[2]}",x\n,empty\nshort row only\n', encoding="utf-8")
    results = read(sheet)
    assert [type(r).__name__ for r in results] == ["Article", "Failure", "Article"]
    assert "empty text" in results[1].message and results[1].source.endswith(":3")
    (failure,) = read(sheet, csv_columns={"text": "corps"})
    assert "no column 'corps'" in failure.message
    with pytest.raises(ValueError):
        parse_column_map("body")


def test_warc_gz_html_responses_become_articles(tmp_path):
    archive = tmp_path / "c.warc.gz"
    archive.write_bytes(warc_gz([("https://c.example/1", html_page("One", REPORTS[6], url="https://c.example/1"))]))
    (article,) = read(archive)
    assert article.url == "https://c.example/1" and REPORTS[6] in article.text


def test_truncated_warc_keeps_the_records_before_the_cut(tmp_path):
    data = warc_gz([(f"https://c.example/{n}", html_page(f"P{n}", REPORTS[n], url=f"https://c.example/{n}"))
                    for n in range(4)])
    archive = tmp_path / "cut.warc.gz"
    archive.write_bytes(data[: len(data) * 2 // 3])
    results = read(archive)
    articles = [r for r in results if isinstance(r, Article)]
    assert 1 <= len(articles) < 4
    assert isinstance(results[-1], Failure) and "truncated" in results[-1].message


def test_zip_and_tar_members_are_read_by_their_suffix(tmp_path):
    expected = write_mixed_folder(tmp_path / "mix")
    zipped = [r for r in read(tmp_path / "mix" / "bundle.zip")]
    assert len(zipped) == expected["bundle.zip"] and all(isinstance(r, Article) for r in zipped)
    assert zipped[0].source_path.endswith("bundle.zip!inner/one.txt")
    (tarred,) = read(tmp_path / "mix" / "box.tar.gz")
    assert tarred.source_path.endswith("box.tar.gz!notes/a.txt")


def test_mixed_folder_and_globs(tmp_path):
    expected = write_mixed_folder(tmp_path / "mix")
    results = read(tmp_path / "mix")
    assert all(isinstance(r, Article) for r in results)
    assert len(results) == sum(expected.values()) == 11
    assert len(read(tmp_path / "mix" / "*.rss")) == 2
    assert len(read(tmp_path / "**" / "*.html")) == 1
    (failure,) = read(tmp_path / "*.nothing")
    assert failure.message == "no file matches the pattern"


def test_nested_archive_is_refused_with_a_reason(tmp_path):
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w") as archive:
        archive.writestr("a.txt", REPORTS[0])
    with zipfile.ZipFile(tmp_path / "outer.zip", "w") as archive:
        archive.writestr("inner.zip", inner.getvalue())
        archive.writestr("b.txt", REPORTS[1])
    failure, article = read(tmp_path / "outer.zip")
    assert "archive inside an archive" in failure.message and article.text == REPORTS[1]


def test_mixed_folder_in_one_veille_run(tmp_path):
    from typer.testing import CliRunner

    from veille.cli import app
    from veille.store import Store

    expected = write_mixed_folder(tmp_path / "mix")
    db = tmp_path / "mix.db"
    result = CliRunner().invoke(app, ["run", str(tmp_path / "mix"), "--db", str(db)])
    assert result.exit_code == 0, result.output
    with Store(db) as store:
        assert store.articles_count() == sum(expected.values()) == 11
        assert store.articles_count("processed") == 11 and store.failures() == []
        stored = {Path(a.source_path).name: a for a in store.articles_by_id(
            [a.id for a in read(tmp_path / "mix")]).values()}
    assert stored["gulf.rss#2"].outlet == "Gulf Dispatch" and stored["gulf.rss#2"].published.day == 11
    assert stored["export.csv:2"].outlet == "Basra Post"
    assert stored["page.html"].url == "https://levant.example/a"
    warc = [a for a in stored.values() if "crawl.warc.gz#" in a.source_path]
    assert sorted(a.url for a in warc) == ["https://crawl.example/ain", "https://crawl.example/tikrit"]
