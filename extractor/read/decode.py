"""Bytes → text: UTF-8 (with or without BOM), UTF-16, Windows-1258, and the legacy 8-bit
Vietnamese encodings TCVN3 (ABC), VNI and VISCII, which are converted to Unicode with viparse's
tables.

Legacy text is converted here, in read, because it is part of decoding: the text the user gave
*is* the Vietnamese the bytes stand for, and every offset points into that text. When bytes are
not UTF-8, every reading (Windows-1258 and each legacy table) is tried and the one that reads as
Vietnamese wins: no legacy marks left behind, no capital letters inside words, no syllable with
two tone marks.
"""

from __future__ import annotations

import codecs
import contextlib
import itertools
import logging
import re
import unicodedata

from vnextract.extractor.errors import DecodeError

log = logging.getLogger(__name__)

# Characters that legacy fonts put where Vietnamese letters should be (numbers.md §5).
_LEGACY_MARKS = set("©µ¸¶·¹¨®¦§¬«¡¢£¤¥ÖÕÑ¾½¼»ºøùûõïäåëñÎÈÍÌÊÔÒÓÏ")
_TONE_MARKS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
_WORD = re.compile(r"[^\W\d_]+")
_MOJIBAKE = re.compile("(?:á»|áº|Ä‘|Æ°|Æ¡|Ã[\u00a0-\u00bf])")


def oddities(text: str) -> int:
    """How badly `text` reads as Vietnamese: legacy marks left behind, capitals inside words,
    and words with two tone marks (a wrong table's signature)."""
    marks = sum(ch in _LEGACY_MARKS for ch in text)
    capitals = sum(1 for a, b in itertools.pairwise(text) if a.islower() and b.isupper())
    double_tones = sum(1 for w in _WORD.findall(text)
                       if sum(c in _TONE_MARKS for c in unicodedata.normalize("NFD", w)) > 1)
    return marks + capitals + 2 * double_tones


def _legacy_readings(text: str) -> list[tuple[str, str]]:
    from viparse.normalize.encodings import AUTO_DETECT_CHARMAPS
    from viparse.normalize.tables import convert

    return [(name, convert(text, charmap)) for name, charmap in AUTO_DETECT_CHARMAPS.items()]


def _looks_legacy(text: str) -> bool:
    return sum(ch in _LEGACY_MARKS for ch in text) >= max(3, len(text) // 200)


def legacy_convert(text: str) -> tuple[str, str] | None:
    """(converted text, table name) when `text` is legacy-encoded Vietnamese read as Unicode code
    points (TCVN3 'Céng hoµ', VNI 'Coäng hoøa'); None when it already reads as Vietnamese."""
    if not _looks_legacy(text):
        return None
    base = oddities(text)
    name, converted = min(_legacy_readings(text), key=lambda r: oddities(r[1]))
    if oddities(converted) + 3 <= base:
        return converted, name
    return None


def _fix_mojibake(text: str) -> str:
    """UTF-8 that was decoded as Windows-1252 somewhere upstream ('Cá»™ng hÃ²a'); bytes that
    Windows-1252 leaves undefined come through as C1 controls, as browsers decode them."""
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
    readings += _legacy_readings(data.decode("latin-1"))
    encoding, text = min(readings, key=lambda r: (oddities(r[1]), r[0] != "cp1258"))
    words = len(_WORD.findall(text))
    controls = sum(1 for c in text if unicodedata.category(c) == "Cc" and c not in "\n\r\t")
    if not words or controls or oddities(text) > words // 10 + 1:
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
            return data.decode(encoding)
        except UnicodeDecodeError:
            pass
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
