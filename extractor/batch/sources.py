"""Input items from folders (walked recursively, in sorted order), .zip and .tar(.gz) archives and
.jsonl(.gz) files, with the limits that keep hostile archives out: members that would escape
(absolute paths, '..', links) and decompression bombs are refused and reported, never read."""

from __future__ import annotations

import gzip
import json
import stat
import tarfile
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from vnextract.extractor.read import SUPPORTED_SUFFIXES

MAX_MEMBER_BYTES = 50 * 1024 * 1024        # one file, uncompressed
MAX_RATIO = 100                             # uncompressed / compressed, for members over 1 MB
MAX_ARCHIVE_BYTES = 4 * 1024 ** 3           # all members of one archive, uncompressed


@dataclass(frozen=True)
class Item:
    """One document to process, or one input that was refused before processing."""

    key: str                                 # stable and unique: the resume key
    source: str                              # file, or "archive!member", or "file#line"
    name: str                                # decides the format (suffix)
    data: bytes | None = None
    text: str | None = None
    doc_id: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)
    error: str | None = None


def _unsafe(name: str) -> str | None:
    if name.startswith(("/", "\\")) or (len(name) > 1 and name[1] == ":"):
        return "absolute path"
    if ".." in PurePosixPath(name.replace("\\", "/")).parts:
        return "path escapes the archive ('..')"
    return None


def _wanted(name: str) -> bool:
    return PurePosixPath(name).suffix.casefold() in SUPPORTED_SUFFIXES


def _read_capped(handle, limit: int) -> bytes:
    data = handle.read(limit + 1)
    if len(data) > limit:
        raise ValueError(f"member is larger than {limit:,} bytes once decompressed")
    return data


def zip_items(path: Path) -> Iterator[Item]:
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        yield Item(key=str(path), source=str(path), name=path.name, error=f"not a readable zip archive: {exc}")
        return
    total = 0
    with archive:
        for info in archive.infolist():
            if info.is_dir():
                continue
            source = f"{path}!{info.filename}"
            base = Item(key=source, source=source, name=info.filename)
            mode = info.external_attr >> 16
            problem = _unsafe(info.filename) or ("symbolic link" if stat.S_ISLNK(mode) else None)
            if problem:
                yield Item(**{**base.__dict__, "error": f"refused: {problem}"})
                continue
            if not _wanted(info.filename):
                continue
            if info.file_size > MAX_MEMBER_BYTES or (
                    info.file_size > 1024 * 1024 and info.file_size > MAX_RATIO * max(1, info.compress_size)):
                yield Item(**{**base.__dict__, "error": f"refused: {info.file_size:,} bytes from "
                                                      f"{info.compress_size:,} compressed (archive bomb limits)"})
                continue
            total += info.file_size
            if total > MAX_ARCHIVE_BYTES:
                yield Item(**{**base.__dict__, "error": "refused: the archive exceeds the total size limit"})
                return
            try:
                with archive.open(info) as member:
                    data = _read_capped(member, MAX_MEMBER_BYTES)
            except (zipfile.BadZipFile, ValueError, OSError, EOFError) as exc:
                yield Item(**{**base.__dict__, "error": f"unreadable member: {exc}"})
                continue
            yield Item(**{**base.__dict__, "data": data})


def tar_items(path: Path) -> Iterator[Item]:
    try:
        archive = tarfile.open(path)  # noqa: SIM115 (closed by the with below; opening errors are reported)
    except (tarfile.TarError, OSError) as exc:
        yield Item(key=str(path), source=str(path), name=path.name, error=f"not a readable tar archive: {exc}")
        return
    compressed = max(1, path.stat().st_size)
    total = 0
    with archive:
        try:
            for info in archive:
                if info.isdir():
                    continue
                source = f"{path}!{info.name}"
                base = Item(key=source, source=source, name=info.name)
                problem = _unsafe(info.name) or (
                    "link" if info.issym() or info.islnk() else "special file" if not info.isfile() else None)
                if problem:
                    yield Item(**{**base.__dict__, "error": f"refused: {problem}"})
                    continue
                if not _wanted(info.name):
                    continue
                total += info.size
                if info.size > MAX_MEMBER_BYTES or total > max(MAX_RATIO * compressed, 1024 * 1024) \
                        or total > MAX_ARCHIVE_BYTES:
                    yield Item(**{**base.__dict__, "error": f"refused: {info.size:,} bytes (archive bomb limits)"})
                    continue
                handle = archive.extractfile(info)
                data = _read_capped(handle, MAX_MEMBER_BYTES) if handle else b""
                yield Item(**{**base.__dict__, "data": data})
        except (tarfile.TarError, OSError, EOFError, zlib.error, gzip.BadGzipFile) as exc:
            yield Item(key=f"{path}!<rest>", source=str(path), name=path.name,
                       error=f"archive is corrupt after this point: {exc}")


def jsonl_items(path: Path) -> Iterator[Item]:
    opener = gzip.open if path.suffix == ".gz" else open
    try:
        with opener(path, "rt", encoding="utf-8") as handle:
            for line_no, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                source = f"{path}#{line_no}"
                try:
                    doc = json.loads(line)
                    text, doc_id = doc["text"], str(doc.get("id", line_no))
                    if not isinstance(text, str):
                        raise TypeError("'text' is not a string")
                except (ValueError, KeyError, TypeError) as exc:
                    yield Item(key=source, source=source, name=path.name, error=f"bad JSON document: {exc}")
                    continue
                yield Item(key=f"{path}#{doc_id}", source=source, name=path.name, text=text, doc_id=doc_id,
                           meta=dict(doc.get("meta") or {}))
    except (OSError, EOFError, UnicodeDecodeError) as exc:
        yield Item(key=f"{path}#<rest>", source=str(path), name=path.name, error=f"unreadable file: {exc}")


def file_item(path: Path) -> Item:
    key = str(path)
    try:
        data = path.read_bytes() if path.stat().st_size <= MAX_MEMBER_BYTES else None
    except OSError as exc:
        return Item(key=key, source=key, name=path.name, error=f"unreadable file: {exc}")
    if data is None:
        return Item(key=key, source=key, name=path.name, error=f"refused: larger than {MAX_MEMBER_BYTES:,} bytes")
    return Item(key=key, source=key, name=path.name, data=data)


def items_of(path: Path) -> Iterator[Item]:
    name = path.name.casefold()
    if path.is_dir():
        for child in sorted(p for p in path.rglob("*") if p.is_file() or p.is_symlink()):
            if child.is_symlink():
                yield Item(key=str(child), source=str(child), name=child.name, error="refused: symbolic link")
            elif child.name.casefold().endswith((".zip", ".tar", ".tar.gz", ".tgz", ".jsonl", ".jsonl.gz")):
                yield from items_of(child)
            elif _wanted(child.name):
                yield file_item(child)
    elif name.endswith(".zip"):
        yield from zip_items(path)
    elif name.endswith((".tar", ".tar.gz", ".tgz")):
        yield from tar_items(path)
    elif name.endswith((".jsonl", ".jsonl.gz")):
        yield from jsonl_items(path)
    elif path.is_file():
        yield file_item(path)
    else:
        yield Item(key=str(path), source=str(path), name=path.name, error="no such file or folder")


def iter_items(inputs: list[Path]) -> Iterator[Item]:
    for path in inputs:
        yield from items_of(path)


def count_items(inputs: list[Path]) -> int:
    """How many items `iter_items` will yield, roughly, without reading any member's data."""
    total = 0
    for path in inputs:
        name = path.name.casefold()
        try:
            if path.is_dir():
                total += sum(count_items([p]) for p in sorted(path.rglob("*")) if p.is_file())
            elif name.endswith(".zip"):
                with zipfile.ZipFile(path) as archive:
                    total += sum(1 for i in archive.infolist() if not i.is_dir() and _wanted(i.filename))
            elif name.endswith((".tar", ".tar.gz", ".tgz")):
                with tarfile.open(path) as archive:
                    total += sum(1 for i in archive if i.isfile() and _wanted(i.name))
            elif name.endswith((".jsonl", ".jsonl.gz")):
                opener = gzip.open if name.endswith(".gz") else open
                with opener(path, "rt", encoding="utf-8") as handle:
                    total += sum(1 for line in handle if line.strip())
            elif _wanted(path.name):
                total += 1
        except (OSError, zipfile.BadZipFile, tarfile.TarError, EOFError, zlib.error, UnicodeDecodeError):
            total += 1
    return total
