"""Unicode normalisation on a shadow copy: NFC, one tone placement, Đ/Ð, spaces and dashes, and
invisible characters skipped.

NFC turns a base letter and its combining marks into one character; an invisible character
(joiners, soft hyphen, BOM, bidi marks: common in text copied from web pages and PDFs) is
dropped, or becomes one space where it stands between two words ("Nguyễn\u200dVăn" reads as
"Nguyễn Văn", "9\u200d1,6%" as "91,6%"); every other edit replaces one character by one
character, so the offset map is built in one pass. A dropped character is covered by no shadow
character: offsets never point at it unless it lies inside an entity.
"""

from __future__ import annotations

import functools
import re
import unicodedata

from vnextract.extractor.offsets import OffsetMap
from vnextract.extractor.types import RawDocument, ShadowText

_ONE_TO_ONE = str.maketrans({
    "\u00d0": "Đ", "\u00f0": "đ", "\u0189": "Đ",          # eth and African D look-alikes
    "\u00a0": " ", "\u2007": " ", "\u2009": " ", "\u200a": " ", "\u202f": " ", "\u3000": " ",
    "\u2002": " ", "\u2003": " ", "\u2004": " ", "\u2005": " ", "\u2006": " ", "\u2008": " ",
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2212": "-",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2018": "'", "\u2019": "'",
    "\t": " ", "\u200b": " ",
})
# Zero-width joiners, word joiner and invisible operators, soft hyphen, BOM (zero-width no-break
# space), and the bidi marks, embeddings and isolates.
_INVISIBLE = "\u00ad\u061c\u180e\u200c\u200d\u200e\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff"
_IS_INVISIBLE = re.compile(f"[{_INVISIBLE}]")

# Tone marks by vowel, for moving a mark in the open syllables oa, oe, uy (hoà → hòa, thuỷ → thủy).
_TONED = {
    "a": "àáảãạ", "e": "èéẻẽẹ", "y": "ỳýỷỹỵ", "o": "òóỏõọ", "u": "ùúủũụ",
    "A": "ÀÁẢÃẠ", "E": "ÈÉẺẼẸ", "Y": "ỲÝỶỸỴ", "O": "ÒÓỎÕỌ", "U": "ÙÚỦŨỤ",
}
_TONE_OF = {c: (base, i) for base, row in _TONED.items() for i, c in enumerate(row)}
_OPEN_GLIDE = re.compile(
    r"(?<![^\W\d_])([bcdđghklmnprstvxBCDĐGHKLMNPRSTVX]*)([oOuU])([àáảãạèéẻẽẹỳýỷỹỵÀÁẢÃẠÈÉẺẼẸỲÝỶỸỴ])(?![^\W\d_])"
)
_QU_TONED = re.compile(r"(?<![^\W\d_])([qQ])([ùúủũụÙÚỦŨỤ])([yY])(?![^\W\d_])")


def _move_tone(match: re.Match[str]) -> str:
    onset, first, second = match.groups()
    base, tone = _TONE_OF[second]
    if (first.lower(), base.lower()) not in {("o", "a"), ("o", "e"), ("u", "y")}:
        return match.group(0)
    return onset + _TONED[first][tone] + base


def _qu_tone(match: re.Match[str]) -> str:
    q, u, y = match.groups()
    base, tone = _TONE_OF[u]
    return q + base + _TONED[y][tone]


def fold_tones(text: str) -> str:
    """Put tone marks on the first vowel of open oa/oe/uy syllables; length is preserved."""
    text = _OPEN_GLIDE.sub(_move_tone, text)
    return _QU_TONED.sub(_qu_tone, text)


@functools.cache
def _needs_cluster_loop() -> re.Pattern[str]:
    """Characters that the cluster loop below must see: invisible ones, combining marks of the BMP
    (found once, ~15 ms) and, not to scan 1.1 M code points, any character beyond the BMP."""
    marks = "".join(c for c in map(chr, range(0x10000)) if unicodedata.combining(c))
    return re.compile(f"[{_INVISIBLE}{re.escape(marks)}\U00010000-\U0010FFFF]")


def _between_words(before: str | None, after: str | None) -> bool:
    """Whether invisible characters between `before` and `after` stand where a space was: after a
    letter and before a capital (no Vietnamese syllable has a capital inside it). Elsewhere they
    are dropped: inside a number, a word or an abbreviation."""
    return before is not None and after is not None and before.isalpha() and after.isupper()


def _shadow(original: str) -> tuple[str, OffsetMap]:
    if unicodedata.is_normalized("NFC", original) and not _needs_cluster_loop().search(original):
        return fold_tones(original.translate(_ONE_TO_ONE)), OffsetMap.identity(len(original))   # 1 → 1
    chunks: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    i, n = 0, len(original)
    while i < n:
        if _IS_INVISIBLE.match(original, i):
            j = i + 1
            while j < n and _IS_INVISIBLE.match(original, j):
                j += 1
            if _between_words(chunks[-1] if chunks else None, original[j] if j < n else None):
                chunks.append(" ")
                starts.append(i)
                ends.append(j)
            i = j
            continue
        j = i + 1
        while j < n and unicodedata.combining(original[j]):
            j += 1
        cluster = original[i:j]
        composed = unicodedata.normalize("NFC", cluster) if j - i > 1 or not cluster.isascii() else cluster
        for char in composed:
            chunks.append(char)
            starts.append(i)
            ends.append(j)
        i = j
    return fold_tones("".join(chunks).translate(_ONE_TO_ONE)), OffsetMap(tuple(starts), tuple(ends), n)


def normalise(raw: RawDocument) -> ShadowText:
    text, offsets = _shadow(raw.text)
    return ShadowText(raw=raw, text=text, offsets=offsets)


def normalised(fragment: str) -> str:
    """The shadow text of a piece of original text, as normalise would make it: output checks a
    mention against the original span its offsets map to with this."""
    return _shadow(fragment)[0]
