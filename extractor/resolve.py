"""resolve: settle overlaps inside a label and between labels, and enforce the span-edge rules.

Attributes are normalised by the recognisers that find them (they know the parse); this stage
only decides which mentions survive.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from vnextract.extractor.types import MODEL_SCORE, Mention

# (inner label, outer label): an inner mention overlapping an outer one is dropped.
VETOES = {
    ("PROVINCE", "PERSON"),      # "Trương Hòa Bình" is a person, not tỉnh Hòa Bình
    ("PROVINCE", "AWARD"),       # "Huân chương Hồ Chí Minh"
    ("PERSON", "AWARD"),
    ("PERSON", "ORGANIZATION"),  # "trường THPT Chu Văn An", "Đoàn TNCS Hồ Chí Minh"
    ("PERSON", "LEGAL_REF"),
    ("DATE", "LEGAL_REF"),
    ("PERCENT", "LEGAL_REF"),
}
_EDGE_KEEP = set("%&")


def _trim(mention: Mention) -> Mention | None:
    """Move span edges off white space and punctuation (a closing quote, comma, full stop …)."""
    text, start, _end = mention.text, mention.start, mention.end

    def bad(char: str) -> bool:
        return char.isspace() or (unicodedata.category(char).startswith("P") and char not in _EDGE_KEEP)

    left, right = 0, len(text)
    while left < right and bad(text[left]):
        left += 1
    while right > left and bad(text[right - 1]):
        right -= 1
    if left == right:
        return None
    if (left, right) == (0, len(text)):
        return mention
    mention.start, mention.end, mention.text = start + left, start + right, text[left:right]
    return mention


def _within_label(mentions: list[Mention]) -> list[Mention]:
    """Highest score first, then longest; a mention overlapping a kept one of its label is dropped.
    (Recognisers score lexicon hits above open-ended patterns, so a known name beats a guess.)"""
    kept: list[Mention] = []
    for m in sorted(mentions, key=lambda m: (-m.score, -(m.end - m.start), m.start)):
        clashes = [k for k in kept if m.overlaps(k)]
        if not clashes:
            kept.append(m)
        elif all(m.contains(k) for k in clashes) and m.score >= 0.6:
            kept = [k for k in kept if k not in clashes] + [m]     # "Ban Thường vụ Tỉnh ủy Sơn La" ⊃ "Tỉnh ủy Sơn La"
    return kept


def _plausible_model_mention(mention: Mention, text: str) -> bool:
    """The CRF only fills gaps the rules leave, and only with spans shaped like what it claims:
    a person is a family name and capitalised syllables (or a foreign name) not in a street's or a
    place's name; an organisation begins with a known head word and holds no verb."""
    from vnextract.extractor.recognise.organization import ends_with_person, has_stopword, head_word_at
    from vnextract.extractor.recognise.person import NOT_AFTER, surnames

    words = mention.text.split()
    before = text[max(0, mention.start - 30):mention.start].casefold()
    if mention.label == "PERSON":
        shaped = 2 <= len(words) <= 4 and all(w[0].isupper() and not w.isupper() for w in words)
        named = words[0] in surnames() or all(w.isascii() for w in words)
        return shaped and named and not NOT_AFTER.search(before) and not _NAMED_AFTER.search(before)
    if len(words) < 3 or len(words) > 10 or words[-1].casefold() in _GENERIC_TAIL:
        return False                                   # "Công an", "Ủy ban nhân dân tỉnh": no name of its own
    if ends_with_person(text, mention.start, mention.end):
        return False                                   # "UBND thành phố Lê Thanh Hải" swallows a person
    if _LAW_NAME_BEFORE.search(before) or _CUT_AT_PHONG_CHONG.match(text, mention.end):
        return False                                   # "Luật Tổ chức Chính phủ"; "Ban Chỉ huy Phòng|, chống …"
    return head_word_at(text, mention.start) and not has_stopword(mention.text)


_GENERIC_TAIL = {"tỉnh", "huyện", "xã", "phường", "quận", "phố", "trấn", "tp", "thông"}
_LAW_NAME_BEFORE = re.compile(r"\bluật(?:\s+\w+){0,3}\s+\Z")
_CUT_AT_PHONG_CHONG = re.compile(r",\s*chống\b")
_NAMED_AFTER = re.compile(r"(?:mang tên|đặt tên|tên là|phường|xã|quận|huyện|khu đô thị|quảng trường)\s*\Z")


def resolve(mentions: Iterable[Mention], *, text: str = "", labels: frozenset[str] | None = None) -> list[Mention]:
    mentions = [m for m in mentions if m.score > MODEL_SCORE or _plausible_model_mention(m, text)]
    trimmed = [t for m in mentions if (labels is None or m.label in labels) and (t := _trim(m)) is not None]
    by_label: dict[str, list[Mention]] = {}
    for m in trimmed:
        by_label.setdefault(m.label, []).append(m)
    survivors = [m for group in by_label.values() for m in _within_label(group)]
    outcome = [m for m in survivors if not _vetoed(m, survivors)]
    return sorted(outcome, key=lambda m: (m.start, -m.end, m.label))


def _vetoed(mention: Mention, others: list[Mention]) -> bool:
    for other in others:
        if other is mention or (mention.label, other.label) not in VETOES or not mention.overlaps(other):
            continue
        if other.label == "ORGANIZATION" and not other.contains(mention):
            continue                      # an organisation only hides a person it wholly contains
        return True
    return False
