"""Input items from folders (walked recursively, in sorted order), .zip and .tar(.gz) archives and
.jsonl(.gz) files, with the limits that keep hostile archives out.

Every member is accounted for: read, skipped (a type that is not read), or reported with what was
wrong (members that would escape: absolute paths, '..', links; decompression bombs; corrupt,
encrypted or unsupported compression; bad JSON lines). A member's problem never stops the rest of
its archive, and a corrupt region of an archive is reported with how many members it held.
Archives inside archives are read with the same limits, to MAX_NESTING levels.

Keys are canonical: the input's resolved path, then each member's path inside it, so the same
input named another way (relative, through a symlink) is the same input on resume.
"""

from __future__ import annotations

import gzip
import io
import json
import stat
import tarfile
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath
from typing import IO, Any, ClassVar, cast

from vnextract.extractor.read import SUPPORTED_SUFFIXES
from vnextract.extractor.read.ocr import IMAGE_SUFFIXES

MAX_MEMBER_BYTES = 50 * 1024 * 1024        # one file, uncompressed
MAX_RATIO = 100                             # uncompressed / compressed, for members over 1 MB
MAX_ARCHIVE_BYTES = 4 * 1024 ** 3           # all members of one archive that are read, uncompressed
MAX_NESTING = 2                             # an archive in an archive is read; one more level is reported

# Error codes, from the library's vocabulary (extractor/errors.py).
UNSAFE = BAD_INPUT = "invalid_input"       # a path that would escape, a link; a JSON line of the wrong shape
TOO_LARGE = "too_large"                    # a bomb, a member or line over the limits, nesting too deep
CORRUPT = "undecodable"                    # corrupt or encrypted data, a corrupt region of an archive
UNSUPPORTED = "unsupported_type"           # a compression method that is not supported
_STREAM_ERRORS = (tarfile.TarError, OSError, EOFError, zlib.error, gzip.BadGzipFile)


@dataclass(frozen=True)
class Item:
    """One document to process, or one input that was refused or skipped before processing."""

    key: str                                 # stable and unique: the resume key
    source: str                              # file, or "archive!member", or "file#line"
    name: str                                # decides the format (suffix)
    data: bytes | None = None
    record: dict[str, Any] | None = None     # a JSON Lines object, checked by the extractor
    error: str | None = None
    code: str | None = None                  # the error's code
    skipped: str | None = None               # why it is not read (not an error)


def _refused(source: str, name: str, code: str, error: str) -> Item:
    return Item(key=source, source=source, name=name, error=error, code=code)


def _unsafe(name: str) -> str | None:
    if name.startswith(("/", "\\")) or (len(name) > 1 and name[1] == ":"):
        return "absolute path"
    if ".." in PurePosixPath(name.replace("\\", "/")).parts:
        return "path escapes the archive ('..')"
    return None


def _wanted(name: str, *, named: bool = False) -> bool:
    """Whether a file is read. Images (OCR) only when the file is named as an input itself: found in
    a folder or an archive, a photo is far more likely than a scanned page, and OCR costs seconds."""
    suffix = PurePosixPath(name).suffix.casefold()
    return suffix in SUPPORTED_SUFFIXES and (named or suffix not in IMAGE_SUFFIXES)


def _archive_kind(name: str) -> str | None:
    lowered = name.casefold()
    if lowered.endswith(".zip"):
        return "zip"
    if lowered.endswith((".tar", ".tar.gz", ".tgz")):
        return "tar"
    if lowered.endswith((".jsonl", ".jsonl.gz")):
        return "jsonl"
    return None


def _read_capped(handle: IO[bytes], limit: int) -> bytes:
    data = handle.read(limit + 1)
    if len(data) > limit:
        raise ValueError(f"member is larger than {limit:,} bytes once decompressed")
    return data


def _member(label: str, name: str, data: bytes, depth: int) -> Iterator[Item]:
    """A member read from an archive: a document, or an archive read in turn (or refused, too deep)."""
    source = f"{label}!{name}"
    kind = _archive_kind(name)
    if kind is None:
        yield Item(key=source, source=source, name=name, data=data)
    elif depth >= MAX_NESTING:
        yield _refused(source, name, TOO_LARGE, f"refused: an archive nested more than {MAX_NESTING} levels deep")
    else:
        yield from archive_items(source, io.BytesIO(data), kind, name, compressed=len(data), depth=depth + 1)


def archive_items(label: str, handle: IO[bytes] | Path, kind: str, name: str, *, compressed: int,
                  depth: int = 1) -> Iterator[Item]:
    if kind == "zip":
        yield from zip_items(label, handle, depth)
    elif kind == "tar":
        yield from tar_items(label, handle, compressed, depth)
    else:
        yield from jsonl_items(label, handle, gzipped=name.casefold().endswith(".gz"))


def zip_items(label: str, handle: IO[bytes] | Path, depth: int = 1) -> Iterator[Item]:
    name = PurePosixPath(label).name
    try:
        archive = zipfile.ZipFile(handle)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError) as exc:
        yield _refused(label, name, CORRUPT, f"not a readable zip archive: {exc}")
        return
    total = 0
    with archive:
        for info in archive.infolist():
            if info.is_dir():
                continue
            source = f"{label}!{info.filename}"
            mode = info.external_attr >> 16
            problem = _unsafe(info.filename) or ("symbolic link" if stat.S_ISLNK(mode) else None)
            if problem:
                yield _refused(source, info.filename, UNSAFE, f"refused: {problem}")
                continue
            if not _wanted(info.filename) and not _archive_kind(info.filename):
                yield Item(key=source, source=source, name=info.filename, skipped="unsupported type")
                continue
            if info.file_size > MAX_MEMBER_BYTES or (
                    info.file_size > 1024 * 1024 and info.file_size > MAX_RATIO * max(1, info.compress_size)):
                yield _refused(source, info.filename, TOO_LARGE, f"refused: {info.file_size:,} bytes from "
                               f"{info.compress_size:,} compressed (archive bomb limits)")
                continue
            if total + info.file_size > MAX_ARCHIVE_BYTES:
                yield _refused(source, info.filename, TOO_LARGE, f"refused: the archive's members read so far and "
                               f"this one exceed {MAX_ARCHIVE_BYTES:,} bytes")
                continue
            total += info.file_size
            try:
                with archive.open(info) as member:
                    data = _read_capped(member, MAX_MEMBER_BYTES)
            except NotImplementedError as exc:              # Deflate64, and other methods zipfile lacks
                yield _refused(source, info.filename, UNSUPPORTED, f"unsupported compression: {exc}")
                continue
            except Exception as exc:                         # corrupt stream, CRC, encrypted (RuntimeError), …
                yield _refused(source, info.filename, CORRUPT, f"unreadable member: {type(exc).__name__}: {exc}")
                continue
            yield from _member(label, info.filename, data, depth)


class _WatchedTarInfo(tarfile.TarInfo):
    """Notes each block that fails to parse as a header while the archive skips a corrupt region:
    whether it was meant to be a header (it carries the ustar magic), and a header cut short by the
    end of the file."""

    failed: ClassVar[list[str]]

    @classmethod
    def frombuf(cls, buf: bytes, encoding: str, errors: str) -> tarfile.TarInfo:  # type: ignore[override]
        try:
            return super().frombuf(buf, encoding, errors)
        except tarfile.TruncatedHeaderError:  # type: ignore[attr-defined]  # undocumented, stable since 3.2
            cls.failed.append("truncated")
            raise
        except tarfile.InvalidHeaderError:  # type: ignore[attr-defined]  # not zeros nor the file's end
            cls.failed.append("header" if buf[257:262] == b"ustar" else "data")
            raise


def _region(failed: list[str], last: str) -> str:
    if failed == ["truncated"]:
        return f"the archive ends in the middle of a header, after {last}: at least one member is missing"
    lost = max(1, failed.count("header"))
    return (f"a corrupt region of {len(failed) * tarfile.BLOCKSIZE:,} bytes after {last} was skipped: "
            f"{lost} member(s) in it could not be read")


def tar_items(label: str, handle: IO[bytes] | Path, compressed: int, depth: int = 1) -> Iterator[Item]:
    name = PurePosixPath(label).name
    class Watched(_WatchedTarInfo):              # a class of its own for each archive, with its own list
        failed: ClassVar[list[str]] = []

    try:
        opened = {"name": handle} if isinstance(handle, Path) else {"fileobj": handle}
        archive = tarfile.open(**opened, tarinfo=Watched, ignore_zeros=True)  # noqa: SIM115 (closed by the with below)
    except (*_STREAM_ERRORS, ValueError) as exc:
        yield _refused(label, name, CORRUPT, f"not a readable tar archive: {exc}")
        return
    accepted, last = 0, "the start"
    with archive:
        while True:
            try:
                info = archive.next()
            except (*_STREAM_ERRORS, ValueError) as exc:
                yield _refused(f"{label}!<after {last}>", name, CORRUPT, f"the archive is corrupt after {last}: the rest "
                               f"of it could not be read, members included (how many is unknown): {exc}")
                return
            if Watched.failed:
                yield _refused(f"{label}!<before {info.name if info else 'the end'}>", name, CORRUPT,
                               _region(Watched.failed, last))
                Watched.failed.clear()
            if info is None:
                return
            archive.members.clear()  # type: ignore[attr-defined]  # tarfile keeps every header read
            last = info.name
            if info.isdir():
                continue
            source = f"{label}!{info.name}"
            problem = _unsafe(info.name) or (
                "link" if info.issym() or info.islnk() else "special file" if not info.isfile() else None)
            if problem:
                yield _refused(source, info.name, UNSAFE, f"refused: {problem}")
                continue
            if not _wanted(info.name) and not _archive_kind(info.name):
                yield Item(key=source, source=source, name=info.name, skipped="unsupported type")
                continue
            if info.size > MAX_MEMBER_BYTES or accepted + info.size > max(MAX_RATIO * compressed, 1024 * 1024) \
                    or accepted + info.size > MAX_ARCHIVE_BYTES:
                yield _refused(source, info.name, TOO_LARGE, f"refused: {info.size:,} bytes (archive bomb limits)")
                continue
            accepted += info.size
            try:
                member = archive.extractfile(info)
                data = _read_capped(member, MAX_MEMBER_BYTES) if member else b""
            except (*_STREAM_ERRORS, ValueError) as exc:
                yield _refused(source, info.name, CORRUPT, f"unreadable member: {type(exc).__name__}: {exc}")
                continue
            yield from _member(label, info.name, data, depth)


def _lines(handle: IO[bytes], limit: int) -> Iterator[tuple[int, bytes | None]]:
    """(line number, bytes) for each line, or None for a line over `limit` bytes (skipped unread)."""
    line_no = 0
    while True:
        line = handle.readline(limit + 1)
        if not line:
            return
        line_no += 1
        if len(line) > limit and not line.endswith(b"\n"):
            while (rest := handle.readline(limit + 1)) and not rest.endswith(b"\n"):
                pass
            yield line_no, None
        else:
            yield line_no, line


def jsonl_items(label: str, handle: IO[bytes] | Path, *, gzipped: bool) -> Iterator[Item]:
    """One item per non-blank line; a bad line (bytes, JSON, shape) is reported and the rest go on."""
    name = PurePosixPath(label).name
    line_no = 0
    try:
        with _open_binary(handle, gzipped) as stream:
            for line_no, line in _lines(stream, MAX_MEMBER_BYTES):
                source = f"{label}#{line_no}"
                if line is None:
                    yield _refused(source, name, TOO_LARGE, f"refused: a line over {MAX_MEMBER_BYTES:,} bytes")
                    continue
                try:
                    doc = json.loads(line.decode("utf-8"))
                except UnicodeDecodeError as exc:
                    yield _refused(source, name, CORRUPT, f"line {line_no} is not UTF-8: {exc}")
                    continue
                except (ValueError, RecursionError) as exc:
                    if line.strip():
                        yield _refused(source, name, BAD_INPUT, f"bad JSON document: {exc}")
                    continue
                if not isinstance(doc, dict):
                    yield _refused(source, name, BAD_INPUT, f"bad JSON document: an object is needed, not "
                                   f"{type(doc).__name__}")
                    continue
                doc_id = doc.get("id")
                named = isinstance(doc_id, str | int) and not isinstance(doc_id, bool)
                key = f"{label}#id:{doc_id}" if named else source          # by id: lines may move
                yield Item(key=key, source=source, name=name, record=doc)
    except (*_STREAM_ERRORS, ValueError) as exc:
        yield _refused(f"{label}#<after {line_no}>", name, CORRUPT,
                       f"unreadable after line {line_no}: the rest of the file could not be read: {exc}")


def _open_binary(handle: IO[bytes] | Path, gzipped: bool) -> IO[bytes]:
    if isinstance(handle, Path):
        return cast(IO[bytes], gzip.open(handle, "rb") if gzipped else handle.open("rb"))
    return cast(IO[bytes], gzip.GzipFile(fileobj=handle, mode="rb")) if gzipped else handle


def file_item(path: Path) -> Item:
    key = str(path)
    try:
        data = path.read_bytes() if path.stat().st_size <= MAX_MEMBER_BYTES else None
    except OSError as exc:
        return _refused(key, path.name, CORRUPT, f"unreadable file: {exc}")
    if data is None:
        return _refused(key, path.name, TOO_LARGE, f"refused: larger than {MAX_MEMBER_BYTES:,} bytes")
    return Item(key=key, source=key, name=path.name, data=data)


def items_of(path: Path) -> Iterator[Item]:
    """The items of one input; `path` is already resolved (runner.canonical_inputs)."""
    kind = _archive_kind(path.name)
    if path.is_dir():
        for child in sorted(p for p in path.rglob("*") if p.is_file() or p.is_symlink()):
            if child.is_symlink():
                yield _refused(str(child), child.name, UNSAFE, "refused: symbolic link")
            elif _archive_kind(child.name):
                yield from items_of(child)
            elif _wanted(child.name):
                yield file_item(child)
            else:
                yield Item(key=str(child), source=str(child), name=child.name, skipped="unsupported type")
    elif kind is not None and path.is_file():
        try:
            size = path.stat().st_size
        except OSError as exc:
            yield _refused(str(path), path.name, CORRUPT, f"unreadable file: {exc}")
            return
        yield from archive_items(str(path), path, kind, path.name, compressed=size)
    elif path.is_file():
        if _wanted(path.name, named=True):
            yield file_item(path)
        else:
            yield replace(file_item(path), data=None, skipped="unsupported type")
    else:
        yield _refused(str(path), path.name, BAD_INPUT, "no such file or folder")


def iter_items(inputs: list[Path]) -> Iterator[Item]:
    for path in inputs:
        yield from items_of(path)


def count_items(inputs: list[Path]) -> int:
    """How many items `iter_items` will yield, roughly, without reading any member's data (for the
    progress bar)."""
    total = 0
    for path in inputs:
        name = path.name.casefold()
        try:
            if path.is_dir():
                total += sum(count_items([p]) for p in sorted(path.rglob("*")) if p.is_file())
            elif name.endswith(".zip"):
                with zipfile.ZipFile(path) as archive:
                    total += sum(1 for i in archive.infolist() if not i.is_dir())
            elif name.endswith((".tar", ".tar.gz", ".tgz")):
                with tarfile.open(path) as archive:
                    total += sum(1 for i in archive if not i.isdir())
            elif name.endswith((".jsonl", ".jsonl.gz")):
                with _open_binary(path, name.endswith(".gz")) as handle:
                    total += sum(1 for line in handle if line.strip())
            else:
                total += 1
        except (*_STREAM_ERRORS, zipfile.BadZipFile, ValueError):
            total += 1
    return total

