"""Read zip and tar(.gz) archives member by member, refusing zip bombs by size, ratio and count."""

from __future__ import annotations

import bz2
import gzip
import lzma
import tarfile
import zipfile
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path, PurePosixPath

from veille.records import Article, Failure
from veille.sources.failures import read_failure
from veille.sources.limits import ReadLimits, over_limit

# Reads one member's bytes: (data, source) -> results. Given by the dispatcher, which knows the formats.
MemberReader = Callable[[bytes, str], Iterator[Article | Failure]]


def is_hidden_member(name: str) -> bool:
    """Hidden files and folders, and macOS resource forks, are not articles."""
    return any(part.startswith(".") or part == "__MACOSX" for part in PurePosixPath(name).parts)


def read_zip(path: Path, source: str, read_member: MemberReader, limits: ReadLimits) -> Iterator[Article | Failure]:
    """Yield the results of every member of a zip file, within the size, ratio and count limits."""
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        yield read_failure(source, f"not a readable zip archive: {error}")
        return
    total = 0
    with archive:
        members = [info for info in archive.infolist() if not info.is_dir() and not is_hidden_member(info.filename)]
        if len(members) > limits.max_members:
            yield read_failure(source, f"too many members: {len(members)} > limit {limits.max_members}")
            return
        for info in members:
            label = f"{source}!{info.filename}"
            problem = _zip_member_problem(info, total, limits)
            if problem:
                yield read_failure(label if not problem.endswith("rest not read") else source, problem)
                if problem.endswith("rest not read"):
                    return
                continue
            try:
                with archive.open(info) as handle:
                    data = handle.read(limits.max_bytes + 1)  # the declared size may lie
            except (zipfile.BadZipFile, OSError, zlib.error, EOFError, RuntimeError, NotImplementedError) as error:
                yield read_failure(label, f"cannot read zip member: {error}")
                continue
            total += len(data)
            if len(data) > limits.max_bytes:
                yield read_failure(label, over_limit(len(data), limits.max_bytes, "archive member"))
                continue
            yield from read_member(data, label)


def _zip_member_problem(info: zipfile.ZipInfo, total: int, limits: ReadLimits) -> str | None:
    """Why a zip member is refused before reading it (size, compression ratio, archive total), or None."""
    if info.file_size > limits.max_bytes:
        return over_limit(info.file_size, limits.max_bytes, "archive member")
    ratio = info.file_size / max(info.compress_size, 1)
    if info.file_size > 1_000_000 and ratio > limits.max_ratio:
        return f"compression ratio {ratio:.0f} > limit {limits.max_ratio} (zip bomb?)"
    if total + info.file_size > limits.max_archive_bytes:
        return over_limit(total + info.file_size, limits.max_archive_bytes, "archive") + "; rest not read"
    return None


def read_tar(path: Path, source: str, read_member: MemberReader, limits: ReadLimits) -> Iterator[Article | Failure]:
    """Yield the results of every regular file in a tar, tar.gz or tar.bz2, streamed within the limits."""
    total = 0
    count = 0
    try:
        with tarfile.open(path, mode="r|*") as archive:
            for member in archive:
                if not member.isfile() or is_hidden_member(member.name):
                    continue
                count += 1
                label = f"{source}!{member.name}"
                if count > limits.max_members:
                    yield read_failure(source, f"too many members: more than {limits.max_members}; rest not read")
                    return
                if member.size > limits.max_bytes:
                    yield read_failure(label, over_limit(member.size, limits.max_bytes, "archive member"))
                    continue
                total += member.size
                if total > limits.max_archive_bytes:
                    yield read_failure(source, over_limit(total, limits.max_archive_bytes, "archive") + "; rest not read")
                    return
                handle = archive.extractfile(member)
                data = handle.read(limits.max_bytes + 1) if handle is not None else b""
                yield from read_member(data, label)
    except (tarfile.TarError, OSError, EOFError, zlib.error, lzma.LZMAError) as error:
        yield read_failure(source, f"truncated or corrupt tar archive after {count} files: {type(error).__name__}",
                           detail=str(error))
        return
    problem = compression_problem(path)
    if problem:
        yield read_failure(source, f"truncated or corrupt tar archive after {count} files: {problem}")


COMPRESSED_OPENERS = ((b"\x1f\x8b", gzip.open), (b"BZh", bz2.open), (b"\xfd7zXZ\x00", lzma.open))


def compression_problem(path: Path) -> str | None:
    """Why a compressed file does not decompress to its end (tarfile's stream mode stops quietly), or None."""
    with path.open("rb") as handle:
        magic = handle.read(6)
    for prefix, opener in COMPRESSED_OPENERS:
        if magic.startswith(prefix):
            try:
                with opener(path, "rb") as stream:
                    while stream.read(1 << 20):
                        pass
            except (EOFError, OSError, zlib.error, lzma.LZMAError, ValueError) as error:
                return str(error) or type(error).__name__
    return None
