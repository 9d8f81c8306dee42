"""Resource files: every lexicon entry is text (YAML turns bare no/on/yes into booleans)."""

from pathlib import Path

import pytest
import yaml

from veille.resources import resource_path

LEXICON_FILES = sorted(p for p in Path(resource_path()).rglob("*.yaml") if "sample" not in p.parts)


def _lists(node, path=""):
    if isinstance(node, dict):
        for key, value in node.items():
            yield from _lists(value, f"{path}/{key}")
    elif isinstance(node, list):
        yield path, node


@pytest.mark.parametrize("path", LEXICON_FILES, ids=lambda p: p.name if p.parent.name == "resources" else f"{p.parent.name}/{p.name}")
def test_lexicon_lists_hold_only_strings(path):
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    bad = [(where, item) for where, items in _lists(data) for item in items
           if not isinstance(item, (str, dict, list, int)) or isinstance(item, bool)]
    assert bad == []


def test_every_language_has_the_same_lexicon_files():
    names = {lang: {p.name for p in Path(resource_path(lang)).glob("*.yaml")} for lang in ("fr", "en")}
    assert names["fr"] == names["en"]
