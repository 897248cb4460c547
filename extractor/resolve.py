"""resolve: settle overlaps inside a label and between labels, and enforce the span-edge rules.

Attributes are normalised by the recognisers that find them (they know the parse); this stage
only decides which mentions survive.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import replace

from vnextract.extractor.lexicon import country_names, is_place_name
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
    return replace(mention, start=start + left, end=start + right, text=text[left:right])


def _overlap_groups(mentions: list[Mention]) -> list[list[Mention]]:
    """Mentions in runs that overlap one another, by a sweep over their starts: mentions in two
    different runs never overlap, so each run is settled on its own (the cost stays linear in the
    number of mentions, however long the text)."""
    groups: list[list[Mention]] = []
    reach = -1
    for m in sorted(mentions, key=lambda m: (m.start, m.end)):
        if groups and m.start < reach:
            groups[-1].append(m)
            reach = max(reach, m.end)
        else:
            groups.append([m])
            reach = m.end
    return groups


def _within_label(mentions: list[Mention]) -> list[Mention]:
    """Highest score first, then longest; a mention overlapping a kept one of its label is dropped,
    unless it is longer than, and contains, every kept one it overlaps and scores at least 0.6 (an
    open pattern, or the model when confident: recognise/model.py). Recognisers score lexicon hits
    above open-ended patterns, so a known name beats a guess; the same span found twice keeps the
    higher score's explanation."""
    kept: list[Mention] = []
    for m in sorted(mentions, key=lambda m: (-m.score, -(m.end - m.start), m.start)):
        clashes = [k for k in kept if m.overlaps(k)]
        if not clashes:
            kept.append(m)
        elif all(m.contains(k) and m.end - m.start > k.end - k.start for k in clashes) and m.score >= 0.6:
            kept = [k for k in kept if k not in clashes] + [m]     # "Ban Thường vụ Tỉnh ủy Sơn La" ⊃ "Tỉnh ủy Sơn La"
    return kept


def resolve(mentions: Iterable[Mention]) -> list[Mention]:
    trimmed = [t for m in mentions if (t := _trim(m)) is not None]
    by_label: dict[str, list[Mention]] = {}
    for m in trimmed:
        by_label.setdefault(m.label, []).append(m)
    survivors = [m for group in by_label.values() for run in _overlap_groups(group) for m in _within_label(run)]
    uncrossed = [m for run in _overlap_groups(survivors) for m in _uncross(run)]
    outcome = [m for run in _overlap_groups(uncrossed) for m in run if not _vetoed(m, run)]
    return sorted(outcome, key=lambda m: (m.start, -m.end, m.label))


def _crosses(a: Mention, b: Mention) -> bool:
    return a.overlaps(b) and not a.contains(b) and not b.contains(a)


def _uncross(run: list[Mention]) -> list[Mention]:
    """Entities of different labels nest but never cross (ANNOTATION.md). A person that begins inside
    an organisation's name loses the words the organisation holds: a name does not begin inside a
    body's name ("Công ty TNHH Nam Triệu | Đặng Ngọc Oanh", "cảnh sát Hoàng gia Thái Lan | Sriwara …");
    so does one that runs into a rule's organisation, or the model's when confident ("Phutthasone
    Xuphanuvonge-|Trường Trung học cơ sở …"). Any other crossing keeps the higher-scored
    mention: an award over an organisation cut from it ("Anh hùng Lực lượng vũ trang nhân dân" over
    "Nhân dân và Anh hùng Lao"), a rule's "John F. Kennedy" over the model's unsure "Kennedy thăm London"."""
    organisations = [m for m in run if m.label == "ORGANIZATION"]
    mended: list[Mention] = []
    for mention in run:
        m: Mention | None = mention
        if mention.label == "PERSON":
            for org in organisations:
                if m is not None and _crosses(m, org) and (org.start < m.start or org.score > MODEL_SCORE):
                    m = _outside(m, org)
        if m is not None:
            mended.append(m)
    kept: list[Mention] = []
    for m in sorted(mended, key=lambda m: (-m.score, -(m.end - m.start), m.start)):
        if not any(_crosses(m, k) for k in kept):
            kept.append(m)
    return kept


def _outside(person: Mention, org: Mention) -> Mention | None:
    """The words of `person` outside `org`, if they still read as a name (a capitalised word, no place)."""
    start, end = (org.end, person.end) if person.start > org.start else (person.start, org.start)
    cut = person.text[start - person.start:end - person.start]
    words = cut.split()
    if not words or not all(w[0].isupper() for w in words):
        return None
    name = " ".join(words)
    if is_place_name(name) or country_names().fullmatch(name):
        return None
    return _trim(replace(person, start=start, end=end, text=cut))


def _vetoed(mention: Mention, others: list[Mention]) -> bool:
    """Whether a mention of a label that yields to another overlaps one of it (`others`: the mentions
    of its overlap run)."""
    for other in others:
        if other is mention or (mention.label, other.label) not in VETOES or not mention.overlaps(other):
            continue
        if other.label == "ORGANIZATION" and not other.contains(mention):
            continue                      # an organisation only hides a person it wholly contains
        return True
    return False
