"""Tests for veille.sources: text and JSONL readers, folders, stdin, and bad input as Failures."""

from __future__ import annotations

import io
import json
import sys
from datetime import datetime, timezone
from pathlib import Path

import pytest

from veille.records import Article, Failure, text_id
from veille.sources import READERS, read_sources

BODY = "Deux civils ont été blessés jeudi par un obus tombé sur un marché, selon la défense civile."


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def read_all(*paths, **options) -> list[Article | Failure]:
    return list(read_sources([str(path) for path in paths], **options))


def read_one(path, **options):
    (result,) = read_all(path, **options)
    return result


# --- plain text and front matter -----------------------------------------------------------


def test_front_matter_fields_are_read_and_unknown_keys_ignored(tmp_path):
    path = write(
        tmp_path / "a.md",
        "---\nurl: https://example.org/a\noutlet: Le Veilleur\npublished: 2020-01-20T10:30:00+02:00\n"
        "title: Un obus sur le marché\nlanguage: FR\nid: abc-1\nauthor: someone\n---\n\n" + BODY + "\n",
    )
    article = read_one(path)
    assert isinstance(article, Article)
    assert article.id == "abc-1"
    assert article.url == "https://example.org/a"
    assert article.outlet == "Le Veilleur"
    assert article.published == datetime(2020, 1, 20, 8, 30)  # converted to naive UTC
    assert article.title == "Un obus sur le marché"
    assert article.language == "fr"
    assert article.text == BODY
    assert article.source_path == str(path)


def test_yaml_date_and_numeric_id(tmp_path):
    article = read_one(write(tmp_path / "a.txt", f"---\npublished: 2020-01-20\nid: 42\n---\n{BODY}"))
    assert article.published == datetime(2020, 1, 20)
    assert article.id == "42"


def test_no_front_matter_uses_text_id_and_defaults(tmp_path):
    path = write(tmp_path / "plain", "\r\n  " + BODY + "  \r\n")
    default_date = datetime(2021, 5, 1, 12, tzinfo=timezone.utc)
    article = read_one(path, outlet="Radio X", published=default_date)
    assert article.text == BODY
    assert article.id == text_id(BODY)
    assert article.outlet == "Radio X"
    assert article.published == datetime(2021, 5, 1, 12)
    assert article.title is None and article.language is None


def test_file_values_win_over_defaults(tmp_path):
    path = write(tmp_path / "a.txt", f"---\noutlet: Gazette\npublished: 2019-03-02\n---\n{BODY}")
    article = read_one(path, outlet="Radio X", published=datetime(2021, 5, 1))
    assert (article.outlet, article.published) == ("Gazette", datetime(2019, 3, 2))


def test_rule_in_the_body_is_not_front_matter(tmp_path):
    article = read_one(write(tmp_path / "a.md", f"Titre\n---\n{BODY}"))
    assert article.text == f"Titre\n---\n{BODY}"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (f"---\ntitle: [unclosed\n---\n{BODY}", "malformed front matter"),
        (f"---\ntitle: a\n{BODY}", "no closing '---' line"),
        (f"---\n- just\n- a list\n---\n{BODY}", "expected 'key: value' lines"),
        (f"---\npublished: next tuesday-ish\n---\n{BODY}", "invalid published date"),
        (f"---\ntitle:\n  nested: map\n---\n{BODY}", "field 'title' must be a string"),
        ("---\ntitle: nothing below\n---\n\n  \n", "empty article text"),
    ],
)
def test_bad_front_matter_is_a_failure(tmp_path, content, message):
    failure = read_one(write(tmp_path / "a.txt", content))
    assert isinstance(failure, Failure)
    assert failure.stage == "read"
    assert message in failure.message


def test_yaml_error_names_the_file_line(tmp_path):
    failure = read_one(write(tmp_path / "a.txt", f"---\nurl: x\ntitle: a: b\n---\n{BODY}"))
    assert "line 3 of the file" in failure.message


def test_rfc_2822_date_is_accepted(tmp_path):
    content = f"---\npublished: 'Mon, 20 Jan 2020 10:00:00 +0100'\n---\n{BODY}"
    article = read_one(write(tmp_path / "a.txt", content))
    assert article.published == datetime(2020, 1, 20, 9)


# --- JSON Lines ------------------------------------------------------------------------------


def test_jsonl_good_and_bad_lines_are_reported_by_line_number(tmp_path):
    lines = [
        json.dumps({"text": BODY, "url": "https://example.org/1", "published": "2020-02-03"}),
        "{not json",
        json.dumps({"title": "no text"}),
        json.dumps({"text": "   "}),
        json.dumps({"text": ["a", "list"]}),
        "",
        json.dumps({"text": "Second article text.", "id": 7, "outlet": "Agence", "extra": 1}),
        json.dumps(["an", "array"]),
    ]
    path = write(tmp_path / "batch.jsonl", "\n".join(lines) + "\n")
    results = read_all(path)
    assert [type(result).__name__ for result in results] == [
        "Article", "Failure", "Failure", "Failure", "Failure", "Article", "Failure"
    ]
    first, bad_json, missing, empty, not_string, second, array = results
    assert first.id == text_id(BODY) and first.published == datetime(2020, 2, 3)
    assert first.source_path == f"{path}:1"
    assert (bad_json.source, missing.source, empty.source, not_string.source) == tuple(
        f"{path}:{number}" for number in (2, 3, 4, 5)
    )
    assert "invalid JSON" in bad_json.message
    assert "missing 'text'" in missing.message
    assert "empty article text" in empty.message
    assert "must be a string" in not_string.message
    assert (second.id, second.outlet, second.source_path) == ("7", "Agence", f"{path}:7")
    assert array.source == f"{path}:8" and "JSON object" in array.message


def test_jsonl_invalid_utf8_line_does_not_stop_the_others(tmp_path):
    good = json.dumps({"text": BODY}).encode()
    path = write(tmp_path / "a.ndjson", good + b"\n" + b'{"text": "caf\xe9"}\n' + good + b"\n")
    results = read_all(path)
    assert [isinstance(result, Article) for result in results] == [True, False, True]
    assert results[1].source == f"{path}:2"
    assert results[1].message == f"invalid UTF-8 at byte {len(good) + 1 + 13}"


# --- folders and standard input --------------------------------------------------------------


def test_folder_is_read_recursively_in_sorted_order_skipping_hidden(tmp_path):
    names = ["b.txt", "a/z.txt", "a/b/c.md", "c.txt", ".secret.txt", ".git/HEAD", "a/.cache/x.txt"]
    for name in names:
        write(tmp_path / name, f"{name} {BODY}")
    results = read_all(tmp_path)
    assert [Path(result.source_path).relative_to(tmp_path).as_posix() for result in results] == [
        "a/b/c.md", "a/z.txt", "b.txt", "c.txt"
    ]


def test_unsupported_files_in_a_folder_are_reported(tmp_path):
    write(tmp_path / "a.txt", BODY)
    write(tmp_path / "photo.PNG", b"\x89PNG\r\n")
    results = read_all(tmp_path)
    assert isinstance(results[0], Article)
    assert results[1].message == "unsupported file type '.png'"
    assert results[1].source == str(tmp_path / "photo.PNG")


def test_stdin_plain_text(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO(f"---\ntitle: T\n---\n{BODY}\n"))
    (article,) = read_sources(["-"], outlet="Radio X")
    assert (article.title, article.text) == ("T", BODY)
    assert (article.outlet, article.source_path) == ("Radio X", "<stdin>")


def test_stdin_json_lines(monkeypatch):
    stream = "\n" + json.dumps({"text": BODY}) + "\n" + json.dumps({"text": "Autre texte."}) + "\n"
    monkeypatch.setattr(sys, "stdin", io.StringIO(stream))
    results = list(read_sources(["-"]))
    assert [result.text for result in results] == [BODY, "Autre texte."]
    assert results[1].source_path == "<stdin>:3"


def test_binary_stdin_is_a_failure(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"GIF89a\x00\x01")))
    (failure,) = read_sources(["-"])
    assert failure.source == "<stdin>" and failure.message == "binary file (NUL bytes)"


def test_oversize_stdin_is_a_failure(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO(BODY))
    (failure,) = read_sources(["-"], max_bytes=10)
    assert isinstance(failure, Failure) and "more than 10 bytes" in failure.message


# --- bad input never raises ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("bin.txt", b"abc\x00def", "binary file (NUL bytes)"),
        ("utf16.txt", BODY.encode("utf-16"), "UTF-16 encoded file; save it as UTF-8"),
        ("empty.txt", b"", "empty file"),
        ("blank.md", b" \n\t\n", "empty file"),
        ("latin1.txt", b"Caf\xe9 au lait", "invalid UTF-8 at byte 3"),
        ("empty.jsonl", b"\n\n", "empty file"),
        ("bin.jsonl", b'{"text": "a\x00"}', "binary file (NUL bytes)"),
        ("doc.pdf", b"%PDF-1.4", "unsupported file type '.pdf'"),
    ],
)
def test_bad_files_are_failures(tmp_path, name, content, message):
    path = write(tmp_path / name, content)
    failure = read_one(path)
    assert isinstance(failure, Failure)
    assert (failure.source, failure.stage, failure.message) == (str(path), "read", message)


def test_oversize_file_is_refused_before_reading(tmp_path, monkeypatch):
    path = write(tmp_path / "big.txt", "x" * 101)
    def refuse(*args, **kwargs):
        pytest.fail("oversize file was opened")

    monkeypatch.setattr(Path, "open", refuse)
    failure = read_one(path, max_bytes=100)
    assert failure.message == "file too large: 101 bytes > limit 100"


def test_file_at_the_limit_is_read(tmp_path):
    path = write(tmp_path / "ok.txt", "x" * 100)
    assert isinstance(read_one(path, max_bytes=100), Article)


def test_missing_path_is_a_failure(tmp_path):
    failure = read_one(tmp_path / "nowhere.txt")
    assert (failure.source, failure.message) == (str(tmp_path / "nowhere.txt"), "no such file or directory")


def test_bom_is_dropped(tmp_path):
    article = read_one(write(tmp_path / "a.txt", b"\xef\xbb\xbf---\ntitle: T\n---\n" + BODY.encode()))
    assert (article.title, article.text) == ("T", BODY)


# --- ids and reader table --------------------------------------------------------------------


def test_same_text_gets_same_id_whatever_the_layout(tmp_path):
    one = read_one(write(tmp_path / "one.txt", "Un  deux\ntrois"))
    two = read_one(write(tmp_path / "two.txt", "Un deux trois\n"))
    other = read_one(write(tmp_path / "three.txt", "Un deux quatre"))
    assert one.id == two.id != other.id


def test_reader_table_is_extensible(tmp_path, monkeypatch):
    def read_upper(data, source, defaults):
        yield Article(id="u", text=data.decode().upper(), source_path=source)

    monkeypatch.setitem(READERS, ".up", read_upper)
    assert read_one(write(tmp_path / "a.up", "abc")).text == "ABC"
