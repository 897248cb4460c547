"""Bytes → text: UTF-8 (with or without BOM), UTF-16, Windows-1258, and the legacy 8-bit
Vietnamese encodings TCVN3 (ABC), VNI and VISCII (read/legacy.py).

Legacy text is converted here, in read, because it is part of decoding: the text the user gave
*is* the Vietnamese the bytes stand for, and every offset points into that text. A valid Unicode
text is returned exactly as it was (a BOM aside): it is converted only when it cannot be a Unicode
Vietnamese text (see legacy.py). Bytes that are not UTF-8 are read every way (Windows-1258 and
each legacy table) and the reading that reads best as Vietnamese wins.
"""

from __future__ import annotations

import codecs
import contextlib
import logging
import re
import unicodedata

from vnextract.extractor.errors import DecodeError
from vnextract.extractor.read.legacy import is_syllable, legacy_convert, legacy_readings, score

log = logging.getLogger(__name__)

_WORD = re.compile(r"[^\W\d_]+")
_MOJIBAKE = re.compile("(?:á»|áº|Ä‘|Æ°|Æ¡|Ã[\u00a0-\u00bf])")


def _latin_script(text: str) -> bool:
    """Whether a UTF-16 reading without a byte-order mark is a Latin-script (Vietnamese) text, and
    not NUL-separated bytes read two at a time (which come out as CJK and unassigned characters)."""
    if not text or "\x00" in text:
        return False
    latin = sum(1 for c in text if c < "\u0250" or "\u0300" <= c < "\u0370" or "\u1e00" <= c < "\u1f00"
                or "\u2000" <= c < "\u20d0")
    return latin >= 0.95 * len(text)


def _fix_mojibake(text: str) -> str:
    """UTF-8 that was decoded as Windows-1252 somewhere upstream ('Cá»™ng hÃ²a'); bytes that
    Windows-1252 leaves undefined come through as C1 controls, as browsers decode them. Only a
    text that re-encodes to valid UTF-8 in full is repaired."""
    if len(_MOJIBAKE.findall(text)) < 3:
        return text
    raw = bytearray()
    for char in text:
        try:
            raw += char.encode("cp1252")
        except UnicodeEncodeError:
            if ord(char) > 0xFF:
                return text
            raw.append(ord(char))
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return text


def _eight_bit(data: bytes, name: str) -> str:
    """The best reading of non-UTF-8 bytes: Windows-1258 or a legacy table."""
    readings: list[tuple[str, str]] = []
    with contextlib.suppress(UnicodeDecodeError):
        readings.append(("cp1258", unicodedata.normalize("NFC", data.decode("cp1258"))))
    readings += legacy_readings(data)
    encoding, text = min(readings, key=lambda r: (score(r[1]), r[0] != "cp1258"))
    words = _WORD.findall(text)
    if not any(is_syllable(w) for w in words) or score(text) > len(words) // 10 + 1:
        raise DecodeError(f"{name}: not UTF-8, UTF-16, Windows-1258, TCVN3, VNI or VISCII "
                          f"(no reading of the bytes looks like Vietnamese)")
    log.info("%s: decoded as %s", name, encoding)
    return text


def decode_bytes(data: bytes, *, name: str = "input") -> str:
    """Decode `data` to text, or raise DecodeError naming `name` and the reason."""
    if not data:
        raise DecodeError(f"{name}: the input is empty")
    for bom, encoding in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                          (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise DecodeError(f"{name}: starts with a {encoding} byte-order mark but is not {encoding}") from exc
    zeros_even, zeros_odd = data[0::2].count(0), data[1::2].count(0)
    if len(data) >= 4 and max(zeros_even, zeros_odd) > len(data) // 8:
        encoding = "utf-16-le" if zeros_odd > zeros_even else "utf-16-be"
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            text = ""
        if _latin_script(text):
            return text
    if b"\x00" in data:
        raise DecodeError(f"{name}: binary data (NUL bytes), not text in any supported encoding")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return _eight_bit(data, name)
    text = _fix_mojibake(text)
    legacy = legacy_convert(text)
    if legacy:
        log.info("%s: legacy %s text inside UTF-8, converted", name, legacy[1])
        return legacy[0]
    return text
