"""Bytes → text: UTF-8 (with or without BOM), UTF-16, Windows-1258, and the legacy 8-bit
Vietnamese encodings TCVN3 (ABC) and VNI, which are converted to Unicode with viparse's tables.

Legacy text is converted here, in read, because it is part of decoding: the text the user
gave *is* the Vietnamese the bytes stand for, and every offset points into that text.
"""

from __future__ import annotations

import codecs
import logging
import re

from extractor.errors import DecodeError

log = logging.getLogger(__name__)

# Characters that legacy fonts put where Vietnamese letters should be (numbers.md §5).
_LEGACY_MARKS = set("©µ¸¶·¹¨®¦§¬«¡¢£¤¥ÖÕÑ¾½¼»ºøùûõïäåëñÎÈÍÌÊÔÒÓÏ")
_VIETNAMESE = re.compile(r"[ăâđêôơưĂÂĐÊÔƠƯàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]")
_MOJIBAKE = re.compile("(?:á»|áº|Ä‘|Æ°|Æ¡|Ã[\u00a0-\u00bf])")


def _legacy_convert(text: str) -> tuple[str, str] | None:
    """(converted text, encoding name) when the text reads as TCVN3 or VNI; else None."""
    marks = sum(ch in _LEGACY_MARKS for ch in text)
    if marks < max(3, len(text) // 200):
        return None
    from viparse.normalize.detector import detect_encoding_by_content
    from viparse.normalize.encodings import AUTO_DETECT_CHARMAPS
    from viparse.normalize.tables import convert

    detection = detect_encoding_by_content(text, AUTO_DETECT_CHARMAPS)
    if detection.encoding is None:
        return None
    return convert(text, AUTO_DETECT_CHARMAPS[detection.encoding]), detection.encoding


def _fix_mojibake(text: str) -> str:
    """UTF-8 that was decoded as Windows-1252 somewhere upstream ('Cá»™ng hÃ²a')."""
    if len(_MOJIBAKE.findall(text)) < 3:
        return text
    try:
        return text.encode("cp1252").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
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
        text = None
    if text is not None:
        text = _fix_mojibake(text)
        legacy = _legacy_convert(text)
        if legacy:
            log.info("%s: legacy %s text inside UTF-8, converted", name, legacy[1])
            return legacy[0]
        return text
    latin = data.decode("latin-1")
    legacy = _legacy_convert(latin)
    if legacy:
        log.info("%s: decoded as legacy %s", name, legacy[1])
        return legacy[0]
    try:
        text = data.decode("cp1258")
    except UnicodeDecodeError as exc:
        raise DecodeError(f"{name}: not UTF-8, UTF-16, Windows-1258, TCVN3 or VNI "
                          f"(undecodable byte 0x{data[exc.start]:02x} at {exc.start})") from exc
    if _VIETNAMESE.search(text) or text.isascii():
        return text
    raise DecodeError(f"{name}: bytes decode as Windows-1258 but do not read as Vietnamese")
