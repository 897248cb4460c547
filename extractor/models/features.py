"""Syllable features for the PERSON/ORGANIZATION CRF: form, shape and capitalisation; family
names; title and honorific context; gazetteer hits (provinces, organisation heads); and where
underthesea's words begin and end. Training and tagging use this one function."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from extractor.resources import read_lines, read_rows

SYLLABLE = re.compile(r"\w+|[^\w\s]")


@dataclass(frozen=True)
class Syllable:
    start: int
    end: int
    text: str


def syllables(text: str, start: int = 0, end: int | None = None) -> list[Syllable]:
    return [Syllable(m.start(), m.end(), m.group(0)) for m in SYLLABLE.finditer(text, start, end or len(text))]


@cache
def _lexicons() -> dict[str, frozenset[str]]:
    cues = read_lines("honorifics.txt") + read_lines("titles.txt")
    return {
        "surname": frozenset(read_lines("surnames.txt")),
        "middle": frozenset({"Văn", "Thị", "Đức", "Hữu", "Ngọc", "Minh", "Thanh", "Quang", "Xuân", "Công", "Đình",
                             "Quốc", "Thành", "Hồng", "Kim", "Anh", "Bá", "Trọng", "Duy", "Mạnh", "Tiến", "Hoàng"}),
        "cue_last": frozenset(c.split()[-1].casefold() for c in cues),
        "cue_words": frozenset(c.casefold() for c in cues),
        "org_head": frozenset(h.split()[0].casefold() for h, _ in read_rows("org_heads.txt"))
        | frozenset({"bộ", "sở", "ubnd", "hđnd", "ủy", "uỷ", "ban", "cục", "tổng", "viện", "trường", "công",
                     "tập", "ngân", "hội", "đài", "báo", "tỉnh", "thành", "huyện", "đảng", "chính", "quốc"}),
        "place_type": frozenset({"tỉnh", "thành", "tp", "huyện", "quận", "xã", "phường", "thị"}),
    }


def _shape(word: str) -> str:
    if word.isdigit():
        return "d"
    if not word[0].isalnum():
        return "p"
    if word.isupper():
        return "X" if len(word) > 1 else "C"
    if word[0].isupper():
        return "Xx"
    return "x"


def _province_tags(text: str, sylls: list[Syllable]) -> list[str]:
    from extractor.recognise.province import _matcher

    pattern, gazetteer, _ = _matcher()
    tags = ["O"] * len(sylls)
    starts = {s.start: i for i, s in enumerate(sylls)}
    if not sylls:
        return tags
    for m in pattern.finditer(text, sylls[0].start, sylls[-1].end):
        if m.start() in starts and m.group(0)[0].isupper() and gazetteer.canonical(m.group(0)):
            i = starts[m.start()]
            tags[i] = "B"
            while i + 1 < len(sylls) and sylls[i + 1].end <= m.end():
                i += 1
                tags[i] = "I"
    return tags


def _word_tags(sylls: list[Syllable], word_spans: list[tuple[int, int]]) -> list[str]:
    """Where each syllable sits in underthesea's word: S(ingle), B(egin), I(nside), E(nd)."""
    tags = ["S"] * len(sylls)
    index = 0
    for start, end in word_spans:
        inside = []
        while index < len(sylls) and sylls[index].start < end:
            if sylls[index].start >= start:
                inside.append(index)
            index += 1
        if len(inside) > 1:
            tags[inside[0]], tags[inside[-1]] = "B", "E"
            for k in inside[1:-1]:
                tags[k] = "I"
    return tags


def featurise(text: str, sylls: list[Syllable], word_spans: list[tuple[int, int]]) -> list[list[str]]:
    """Feature strings for each syllable of one sentence or paragraph."""
    lex = _lexicons()
    words = [s.text for s in sylls]
    lower = [w.casefold() for w in words]
    shapes = [_shape(w) for w in words]
    province = _province_tags(text, sylls)
    segment = _word_tags(sylls, word_spans)
    n = len(words)
    out = []
    for i, w in enumerate(words):
        f = [f"w={lower[i]}", f"shape={shapes[i]}", f"seg={segment[i]}", f"prov={province[i]}",
             f"suf2={lower[i][-2:]}", f"len={min(len(w), 6)}"]
        if w in lex["surname"]:
            f.append("surname")
        if w in lex["middle"]:
            f.append("middle")
        if lower[i] in lex["org_head"] and shapes[i] in ("Xx", "X", "C"):
            f.append("orghead")
        for k in (-3, -2, -1, 1, 2, 3):
            j = i + k
            if 0 <= j < n:
                f.append(f"w[{k}]={lower[j]}" if abs(k) < 3 else f"shape[{k}]={shapes[j]}")
                f.append(f"shape[{k}]={shapes[j]}")
                if abs(k) == 1:
                    f.append(f"seg[{k}]={segment[j]}")
                    f.append(f"prov[{k}]={province[j]}")
                    if words[j] in lex["surname"]:
                        f.append(f"surname[{k}]")
            else:
                f.append(f"w[{k}]=<edge>")
        if i > 0:
            f.append(f"bigram-={lower[i - 1]}|{lower[i]}")
        if i + 1 < n:
            f.append(f"bigram+={lower[i]}|{lower[i + 1]}")
        if any(" ".join(lower[i - k:i]) in lex["cue_words"] for k in (1, 2, 3) if i - k >= 0):
            f.append("after_cue")
        if i > 0 and lower[i - 1] in lex["place_type"]:
            f.append("after_place_type")
        out.append(f)
    return out
