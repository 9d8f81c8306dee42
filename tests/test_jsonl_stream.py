"""JSON Lines files are read line by line: the size limit applies to each line, not to the file."""

from __future__ import annotations

import json

from veille.records import Article, Failure
from veille.sources import read_sources


def test_jsonl_file_larger_than_the_limit_is_read_line_by_line(tmp_path):
    lines = [json.dumps({"id": f"a{n}", "text": f"Report number {n} from the north."}) for n in range(200)]
    path = tmp_path / "many.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert path.stat().st_size > 2000
    items = list(read_sources([str(path)], max_bytes=2000))
    assert [item.id for item in items] == [f"a{n}" for n in range(200)]
    assert all(isinstance(item, Article) for item in items)


def test_overlong_line_is_a_failure_and_the_next_lines_are_read(tmp_path):
    path = tmp_path / "mixed.jsonl"
    long_line = json.dumps({"text": "x" * 500})
    path.write_text("\n".join([json.dumps({"text": "first"}), long_line, json.dumps({"text": "third"})]) + "\n",
                    encoding="utf-8")
    first, failure, third = read_sources([str(path)], max_bytes=100)
    assert (first.text, third.text) == ("first", "third")
    assert isinstance(failure, Failure) and failure.source == f"{path}:2" and "line too long" in failure.message
    assert third.source_path == f"{path}:3"


def test_nul_byte_in_a_later_line_fails_that_line_only(tmp_path):
    path = tmp_path / "late.jsonl"
    good = json.dumps({"text": "fine"}).encode()
    path.write_bytes(good + b"\n" * 9000 + b'{"text": "a\x00"}\n' + good + b"\n")
    items = list(read_sources([str(path)]))
    assert [type(item).__name__ for item in items] == ["Article", "Failure", "Article"]
    assert items[1].message == "binary line (NUL bytes)"
