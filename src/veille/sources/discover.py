"""Expand the paths given on the command line into the files to read, in a stable order."""

from __future__ import annotations

import glob
import os
from collections.abc import Iterator
from pathlib import Path

from veille.records import Failure
from veille.sources.failures import read_failure


def is_hidden(name: str) -> bool:
    """Tell whether a file or folder name is hidden (dot-prefixed)."""
    return name.startswith(".")


def discover_files(path: str | Path) -> Iterator[Path | Failure]:
    """Yield the file itself, or every non-hidden file under a folder sorted by relative path."""
    root = Path(path)
    if root.is_dir():
        yield from walk_folder(root)
    elif root.is_file():
        yield root
    elif not root.exists() and glob.has_magic(str(path)):
        yield from walk_glob(str(path))
    elif not root.exists():
        yield read_failure(str(root), "no such file or directory")
    else:
        yield read_failure(str(root), "not a regular file or folder")


def walk_folder(root: Path) -> Iterator[Path | Failure]:
    """Yield the non-hidden files under root, recursively, sorted by their path components."""
    problems: list[OSError] = []
    files: list[Path] = []
    for folder, subfolders, names in os.walk(root, onerror=problems.append):
        subfolders[:] = [name for name in subfolders if not is_hidden(name)]
        files.extend(Path(folder, name) for name in names if not is_hidden(name))
    for problem in problems:
        yield read_failure(str(problem.filename or root), (problem.strerror or str(problem)).lower())
    yield from sorted(files, key=lambda file: file.relative_to(root).parts)


def walk_glob(pattern: str) -> Iterator[Path | Failure]:
    """Yield the files (and the files under folders) a glob pattern matches, sorted; '**' recurses."""
    matches = sorted(glob.glob(pattern, recursive=True))
    if not matches:
        yield read_failure(pattern, "no file matches the pattern")
    for match in matches:
        yield from discover_files(match)
