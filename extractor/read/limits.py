"""The bounds that keep a hostile file from taking a worker: sizes once decompressed (per member and
in total, for DOCX zips and PDF streams), page counts, HTML nesting, and a time budget checked
between steps. A file over a bound is refused with InputTooLarge (or DeadlineExceeded for time),
never read halfway."""

from __future__ import annotations

import re
import time
import zipfile
import zlib
from dataclasses import dataclass
from typing import Protocol

from vnextract.extractor.errors import DeadlineExceeded, DecodeError, InputTooLarge

MB = 1024 * 1024


@dataclass(frozen=True)
class ReadLimits:
    max_bytes: int = 50 * MB                 # the file itself
    max_member_bytes: int = 64 * MB          # one zip member (a DOCX part), decompressed
    max_unzipped_bytes: int = 256 * MB       # all members of one DOCX, decompressed
    max_stream_bytes: int = 256 * MB         # one PDF stream, decompressed
    max_stream_ratio: int = 200              # decompressed / compressed, for PDF streams over 8 MB decompressed
    max_inflated_bytes: int = 512 * MB       # all PDF streams, decompressed
    max_pages: int = 2000                    # PDF pages, TIFF frames
    max_ocr_pages: int = 100                 # pages sent to OCR
    max_pixels: int = 120_000_000            # one image or rendered page (about A3 at 600 dpi)
    max_html_depth: int = 256                # nesting of HTML elements kept (deeper content is flattened)
    seconds: float | None = 60.0             # the reader's own time budget, whatever deadline it is given


DEFAULT_LIMITS = ReadLimits()


class _Checks(Protocol):
    def check(self, where: str) -> None: ...


class Budget:
    """The earlier of the reader's time budget and the caller's deadline (an object with
    `.check(where)`, such as `types.Deadline`, or a time.monotonic() value)."""

    def __init__(self, limits: ReadLimits, deadline: _Checks | float | None = None) -> None:
        self._at = time.monotonic() + limits.seconds if limits.seconds is not None else None
        self._outer: _Checks | None = None
        if isinstance(deadline, int | float):
            self._at = deadline if self._at is None else min(self._at, float(deadline))
        elif deadline is not None:
            self._outer = deadline
            at = getattr(deadline, "at", None)
            if isinstance(at, int | float):
                self._at = at if self._at is None else min(self._at, float(at))

    def check(self, where: str) -> None:
        if self._outer is not None:
            self._outer.check(where)
        if self._at is not None and time.monotonic() > self._at:
            raise DeadlineExceeded(f"the time limit was reached during {where}")

    def remaining(self) -> float | None:
        return None if self._at is None else max(0.0, self._at - time.monotonic())


def read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, cap: int, *, name: str) -> bytes:
    """A zip member's bytes, reading no more than `cap` of them whatever its header claims."""
    try:
        with archive.open(info) as member:
            data = member.read(cap + 1)
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError, RuntimeError) as exc:
        raise DecodeError(f"{name}: member {info.filename} is unreadable ({exc})") from exc
    if len(data) > cap:
        raise InputTooLarge(f"{name}: member {info.filename} is over {cap:,} bytes once decompressed")
    return data


def unzip_capped(data: bytes, limits: ReadLimits, *, name: str, kind: str) -> dict[str, bytes]:
    """Every member of a zip container (DOCX, XLSX…) in memory, within the per-member and total
    caps; a corrupt or over-large container is refused before any parser sees it."""
    import io

    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise DecodeError(f"{name}: not a readable {kind} file ({exc})") from exc
    members: dict[str, bytes] = {}
    total = 0
    with archive:
        infos = archive.infolist()
        if len(infos) > 10_000:
            raise InputTooLarge(f"{name}: {len(infos):,} parts in the {kind} container")
        for info in infos:
            if info.is_dir():
                continue
            if info.file_size > limits.max_member_bytes:
                raise InputTooLarge(f"{name}: part {info.filename} is {info.file_size:,} bytes once decompressed; "
                                    f"the limit is {limits.max_member_bytes:,}")
            content = read_member(archive, info, limits.max_member_bytes, name=name)
            total += len(content)
            if total > limits.max_unzipped_bytes:
                raise InputTooLarge(f"{name}: over {limits.max_unzipped_bytes:,} bytes once decompressed")
            members[info.filename] = content
    return members


_DOCTYPE = re.compile(rb"<!DOCTYPE|<!ENTITY", re.IGNORECASE)


def refuse_dtd(xml: bytes, *, name: str, part: str) -> None:
    """Office XML never declares a DTD: one that does is refused (external entities, entity bombs)."""
    if _DOCTYPE.search(xml[:4096]) or _DOCTYPE.search(xml):
        raise DecodeError(f"{name}: {part} declares a DTD or entities, which Office files never do; refused")


_STREAM = re.compile(rb"stream\r?\n")


def check_pdf_streams(data: bytes, limits: ReadLimits, budget: Budget, *, name: str) -> None:
    """Inflate every Flate stream of a PDF into nothing, counting: a stream or a file that would
    decompress past its cap (a Flate bomb) is refused before the PDF reader decodes it."""
    total = 0
    position = 0
    while (m := _STREAM.search(data, position)) is not None:
        start = m.end()
        end = data.find(b"endstream", start)
        end = len(data) if end < 0 else end
        position = end
        inflater = zlib.decompressobj()
        inflated = 0
        chunk = data[start:end]
        try:
            while chunk and not inflater.eof:
                out = inflater.decompress(chunk, 4 * MB)
                inflated += len(out)
                chunk = inflater.unconsumed_tail
                if inflated > limits.max_stream_bytes or (
                        inflated > 8 * MB and inflated > limits.max_stream_ratio * max(1, end - start)):
                    raise InputTooLarge(f"{name}: a PDF stream of {end - start:,} bytes decompresses past "
                                        f"{inflated:,} bytes (a decompression bomb); refused")
                if inflated > 64 * MB:
                    budget.check("reading the PDF's streams")
        except zlib.error:
            pass                                          # not Flate data (or broken): the reader decides
        total += inflated
        if total > limits.max_inflated_bytes:
            raise InputTooLarge(f"{name}: the PDF's streams decompress past {limits.max_inflated_bytes:,} bytes; refused")
