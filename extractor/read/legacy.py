"""Legacy 8-bit Vietnamese (TCVN3/ABC, VNI-Windows, VISCII) → Unicode, with viparse's tables.

The rule that keeps a Unicode text intact: a text is converted only when it holds characters that
Vietnamese never uses (µ ¸ ¶ « ® ä ø …: the glyphs legacy fonts put where Vietnamese letters
should be), no Vietnamese letter outside Latin-1 (ạ, ư, ơ, đ…: bytes read one per character can
never produce one), and its conversion turns more words into Vietnamese syllables. Letters that
Vietnamese uses (õ, ù, È, Ê…) are never evidence: "Cha cõng con" stays as written.

Word-era files hold Windows-1252 punctuation in 0x80–0x9F (“ ” – … •): those bytes are read as
Windows-1252 before the TCVN3 and VNI tables, which never use them (VISCII puts letters there).
TCVN3 has no accented capitals: headings set in its capitals font (.VnTimeH) are typed as ASCII
capitals plus the lowercase accented bytes, so an all-capital word comes back all capitals.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

_TONES = "\u0300\u0301\u0303\u0309\u0323"
_BASES = "aăâeêioôơuưy"


@cache
def vietnamese_letters() -> frozenset[str]:
    """Every letter of the Vietnamese alphabet, toned or not, both cases, in NFC."""
    letters = set("abcdefghijklmnopqrstuvwxyzđ")
    for base in _BASES:
        letters.add(base)
        letters.update(unicodedata.normalize("NFC", base + tone) for tone in _TONES)
    return frozenset(letters | {c.upper() for c in letters})


# viparse 0.1.31's VNI table lacks ẳ/Ẳ (a + the breve-hook mark ú); tests/extractor/test_read_legacy.py
# checks every table writes every Vietnamese letter.
_MISSING = {"vni": [("aú", "ẳ"), ("AÚ", "Ẳ")]}


@cache
def _charmaps() -> dict[str, tuple[tuple[str, str], ...]]:
    from viparse.normalize.encodings import AUTO_DETECT_CHARMAPS
    from viparse.normalize.tables import build_charmap

    return {name: build_charmap(name, [*charmap.pairs, *_MISSING.get(name, [])]).pairs
            for name, charmap in AUTO_DETECT_CHARMAPS.items()}


def table(name: str) -> tuple[tuple[str, str], ...]:
    """The (legacy sequence, Unicode) pairs of a legacy table, longest sequence first."""
    return _charmaps()[name]


@cache
def foreign_letters() -> frozenset[str]:
    """Non-ASCII characters that a legacy table reads as a letter and Vietnamese never uses."""
    sources = {c for pairs in _charmaps().values() for legacy, _ in pairs for c in legacy}
    return frozenset(c for c in sources if ord(c) > 0x7F and c not in vietnamese_letters())


_ONSET = "(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|b|c|d|đ|g|h|k|l|m|n|p|r|s|t|v|x)?"
_NUCLEUS = ("(?:uyê|uya|uyu|iêu|yêu|oai|oay|oao|oeo|uây|uôi|ươi|ươu|ai|ao|au|ay|âu|ây|eo|êu|ia|iê|iu|oa|oă|oe|oi|"
            "oo|ôi|ơi|ua|uâ|uê|ui|uô|uơ|uy|ưa|ưi|ươ|ưu|yê|a|ă|â|e|ê|i|o|ô|ơ|u|ư|y)")
_SYLLABLE = re.compile(f"{_ONSET}{_NUCLEUS}(?:ch|nh|ng|c|m|n|p|t)?")
_WORD = re.compile(r"[^\W\d_]+")


def is_syllable(word: str) -> bool:
    """Whether `word` is shaped like one Vietnamese syllable (onset, rhyme, at most one tone)."""
    decomposed = unicodedata.normalize("NFD", word.casefold())
    if sum(c in _TONES for c in decomposed) > 1:
        return False
    bare = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONES))
    return _SYLLABLE.fullmatch(bare) is not None


def _syllables(text: str) -> int:
    return sum(1 for w in _WORD.findall(text) if is_syllable(w))


def _beyond_latin1(text: str) -> int:
    letters = vietnamese_letters()
    return sum(1 for c in text if ord(c) > 0xFF and c in letters)


def _foreign(text: str) -> int:
    foreign = foreign_letters()
    return sum(c in foreign for c in text)


def _table_convert(text: str, pairs: tuple[tuple[str, str], ...]) -> str:
    from viparse.normalize.tables import Charmap, convert

    return convert(text, Charmap(name="", pairs=pairs))


_SENTENCE_START = re.compile(r"(?:\A|[.!?…]\s+|[.!?…:]\s*\n\s*|\n\s*\n\s*)[“\"'(]?(?=[^\W\d_])")


def _tcvn3_capitals(text: str) -> str:
    """TCVN3 has no accented capitals (its capitals font, .VnTimeH, draws the lowercase bytes as
    capitals), so they come back lowercase: an all-capital word is set back in capitals ('CộNG HOà'
    → 'CỘNG HOÀ': no lowercase ASCII letter and two capitals, or one capital beside such a word), and
    so is the first letter of a sentence ('ở cấp tỉnh' after a full stop → 'Ở cấp tỉnh')."""
    words = list(_WORD.finditer(text))

    def caps(w: str) -> int:
        return sum(c.isupper() for c in w) if not any("a" <= c <= "z" for c in w) else -1

    marked = [caps(m.group()) >= 2 and not m.group().isupper() for m in words]     # 'CộNG', not 'UBND'
    for k, m in enumerate(words):
        if not marked[k] and caps(m.group()) == 1 and m.group()[0].isupper() and (
                (k and marked[k - 1]) or (k + 1 < len(words) and marked[k + 1])):
            marked[k] = True                                                        # 'Hà' in 'Hà NộI'
    chars = list(text)
    for k, m in enumerate(words):
        if marked[k]:
            chars[m.start():m.end()] = m.group().upper()
    for m in _SENTENCE_START.finditer(text):
        first = chars[m.end()]
        if not first.isascii() and first.islower():
            chars[m.end()] = first.upper()
    return "".join(chars)


def _convert_with(name: str, text: str, pairs: tuple[tuple[str, str], ...]) -> str:
    converted = _table_convert(text, pairs)
    return _tcvn3_capitals(converted) if name == "tcvn3" else converted


def readings(text: str) -> list[tuple[str, str]]:
    """(table name, converted text) for every legacy table."""
    return [(name, _convert_with(name, text, pairs)) for name, pairs in _charmaps().items()]


def score(text: str) -> int:
    """How badly `text` reads as Vietnamese: foreign letters and control characters left, and
    words that are not syllables (each wrong table leaves its own)."""
    controls = sum(1 for c in text if unicodedata.category(c) == "Cc" and c not in "\n\r\t")
    words = _WORD.findall(text)
    return _foreign(text) + controls + sum(1 for w in words if not w.isascii() and not is_syllable(w))


def _convertible(line: str) -> bool:
    return _beyond_latin1(line) == 0 and _foreign(line) > 0


def legacy_convert(text: str) -> tuple[str, str] | None:
    """(converted text, table name) when `text` is legacy-encoded Vietnamese read as Unicode code
    points (TCVN3 'Céng hoµ', VNI 'Coäng hoøa'); None when it is already a Unicode text. Lines that
    are already Unicode (a document typed partly in a Unicode font) are kept as they are."""
    lines = text.split("\n")
    candidates = [k for k, line in enumerate(lines) if _convertible(line)]
    legacy = "\n".join(lines[k] for k in candidates)
    foreign = _foreign(legacy)
    letters = sum(1 for c in legacy if c.isalpha())
    if foreign < 3 or foreign * 50 < letters:
        return None
    name, converted = min(readings(legacy), key=lambda r: score(r[1]))
    if score(converted) * 2 > score(legacy) or _syllables(converted) <= _syllables(legacy):
        return None
    for k, line in zip(candidates, converted.split("\n"), strict=True):
        lines[k] = line
    return "\n".join(lines), name


_CP1252_C1 = {b: bytes([b]).decode("cp1252", errors="replace") for b in range(0x80, 0xA0)}


def bytes_as_latin(data: bytes, *, punctuation: bool) -> str:
    """One character per byte, as a legacy table expects; with `punctuation`, 0x80–0x9F are read as
    Windows-1252's quotes, dashes and ellipsis (the bytes Word wrote into TCVN3 and VNI files)."""
    text = data.decode("latin-1")
    if not punctuation:
        return text
    return text.translate({b: c for b, c in _CP1252_C1.items() if c != "\ufffd"})


def legacy_readings(data: bytes) -> list[tuple[str, str]]:
    """(table name, text) for every legacy table applied to bytes."""
    uses_c1 = {name for name, pairs in _charmaps().items() if any(0x80 <= ord(c) < 0xA0 for s, _ in pairs for c in s)}
    out = []
    for name, pairs in _charmaps().items():
        latin = bytes_as_latin(data, punctuation=name not in uses_c1)
        out.append((name, _convert_with(name, latin, pairs)))
    return out
