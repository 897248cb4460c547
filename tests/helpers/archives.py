"""Hostile archives, made here byte by byte: members with corrupt deflate data, encrypted or
Deflate64 members, corrupt tar headers and gzip streams, bombs, and archives inside archives."""

from __future__ import annotations

import gzip
import io
import json
import struct
import tarfile
import zipfile

from tests.helpers.documents import make_docx


def zip_bytes(members: list[tuple[str, bytes]], compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, data in members:
            archive.writestr(name, data)
    return buffer.getvalue()


def _patch_member(data: bytes, name: str, *, flags: int | None = None, method: int | None = None) -> bytes:
    """Set a member's general-purpose flags and/or compression method in both of its headers."""
    out = bytearray(data)
    encoded = name.encode()
    for signature, flags_at, method_at, name_at in ((b"PK\x03\x04", 6, 8, 30), (b"PK\x01\x02", 8, 10, 46)):
        start = 0
        while (start := out.find(signature, start)) != -1:
            if out[start + name_at:start + name_at + len(encoded)] == encoded:
                if flags is not None:
                    struct.pack_into("<H", out, start + flags_at, struct.unpack_from("<H", out, start + flags_at)[0] | flags)
                if method is not None:
                    struct.pack_into("<H", out, start + method_at, method)
            start += 4
    return bytes(out)


def zip_with_corrupt_member(good: list[tuple[str, bytes]], bad_name: str, bad_text: bytes) -> bytes:
    """The bad member's deflate stream is overwritten in the middle (its CRC no longer matches either)."""
    data = bytearray(zip_bytes([*good[:1], (bad_name, bad_text), *good[1:]]))
    local = data.find(b"PK\x03\x04")
    while local != -1:
        name_length, extra_length = struct.unpack_from("<HH", data, local + 26)
        if data[local + 30:local + 30 + name_length] == bad_name.encode():
            size = struct.unpack_from("<I", data, local + 18)[0]
            start = local + 30 + name_length + extra_length
            data[start + size // 3:start + 2 * size // 3] = b"\xff" * (2 * size // 3 - size // 3)
            break
        local = data.find(b"PK\x03\x04", local + 4)
    return bytes(data)


def zip_with_encrypted_member(good: list[tuple[str, bytes]], name: str) -> bytes:
    return _patch_member(zip_bytes([*good, (name, b"ciphertext, as far as anyone can tell")]), name, flags=0x1)


def zip_with_deflate64_member(good: list[tuple[str, bytes]], name: str) -> bytes:
    return _patch_member(zip_bytes([*good, (name, b"compressed with Deflate64")], zipfile.ZIP_STORED), name, method=9)


def malformed_docx(text: str) -> bytes:
    """A DOCX whose document.xml is cut in the middle of a tag."""
    source = zipfile.ZipFile(io.BytesIO(make_docx([text])))
    members = [(info.filename, source.read(info)) for info in source.infolist()]
    return zip_bytes([(n, d[:len(d) // 2] if n == "word/document.xml" else d) for n, d in members])


def tar_bytes(members: list[tuple[str, bytes]], mode: str = "w") -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode=mode) as archive:
        for name, data in members:
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return buffer.getvalue()


def tar_with_corrupt_header(members: list[tuple[str, bytes]], index: int) -> bytes:
    """The header of member `index` has its checksum field overwritten."""
    data = bytearray(tar_bytes(members))
    offset = 0
    for n, (_, content) in enumerate(members):
        if n == index:
            data[offset + 148:offset + 156] = b"XXXXXXXX"
            break
        offset += 512 + (len(content) + 511) // 512 * 512
    return bytes(data)


def tar_gz_corrupt_in_the_middle(members: list[tuple[str, bytes]]) -> bytes:
    data = bytearray(gzip.compress(tar_bytes(members), mtime=0))
    middle = len(data) // 2
    data[middle:middle + 64] = b"\x00\xff" * 32
    return bytes(data)


def tar_gz_with_bomb(before: list[tuple[str, bytes]], bomb_bytes: int, after: list[tuple[str, bytes]]) -> bytes:
    """A member of `bomb_bytes` zeros between good ones, streamed so the zeros never sit in memory."""
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as archive:
        for name, data in before:
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
        bomb = tarfile.TarInfo("bom.txt")
        bomb.size = bomb_bytes
        archive.addfile(bomb, _Zeros(bomb_bytes))
        for name, data in after:
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return buffer.getvalue()


class _Zeros(io.RawIOBase):
    def __init__(self, size: int) -> None:
        self.left = size

    def read(self, n: int = -1) -> bytes:
        n = self.left if n < 0 else min(n, self.left)
        self.left -= n
        return bytes(n)


def jsonl(*lines: object) -> bytes:
    """Lines given as objects are written as JSON; bytes are written as they are."""
    return b"\n".join(line if isinstance(line, bytes) else json.dumps(line).encode() for line in lines)
