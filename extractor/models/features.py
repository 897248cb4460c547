"""Syllable features for the PERSON/ORGANIZATION CRF: form, shape and capitalisation; family
names; title and honorific context; gazetteer hits (provinces, countries, titles, organisation
heads); word clusters learned from raw news (a syllable → cluster-path table shipped beside the
model, read as prefixes like Brown clusters); and where underthesea's words begin and end.
Training and tagging use this one function."""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cache
from typing import NamedTuple

from vnextract.extractor.lexicon import (
    MIDDLE_NAMES,
    country_names,
    honorifics,
    organisation_head_words,
    province_matcher,
    surnames,
    title_phrases,
    title_words,
)

SYLLABLE = re.compile(r"\w+|[^\w\s]")


class Syllable(NamedTuple):
    start: int
    end: int
    text: str


def syllables(text: str, start: int = 0, end: int | None = None) -> list[Syllable]:
    return [Syllable(m.start(), m.end(), m.group(0)) for m in SYLLABLE.finditer(text, start, end or len(text))]


@cache
def _lexicons() -> dict[str, frozenset[str]]:
    cues = honorifics() + title_phrases()
    return {
        "surname": surnames(),
        "middle": MIDDLE_NAMES,
        "cue_last": frozenset(c.split()[-1].casefold() for c in cues),
        "cue_words": frozenset(c.casefold() for c in cues),
        "org_head": organisation_head_words()
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
    matcher = province_matcher()
    pattern, gazetteer = matcher.pattern, matcher.gazetteer
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


def _span_flags(pattern, text: str, sylls: list[Syllable]) -> list[bool]:
    """Whether each syllable lies inside a match of `pattern` (searched only over the syllables' range)."""
    flags = [False] * len(sylls)
    if not sylls:
        return flags
    starts = [s.start for s in sylls]
    for m in pattern.finditer(text, sylls[0].start, sylls[-1].end):
        k = bisect_left(starts, m.start())
        while k < len(sylls) and sylls[k].end <= m.end():
            flags[k] = True
            k += 1
    return flags


CLUSTER_PREFIXES = (1, 2, 3)        # levels of the cluster path used as features (a path is "a.b.c")


def _cluster_features(lower: list[str], clusters: dict[str, str]) -> list[list[str]]:
    out = []
    for w in lower:
        path = clusters.get(w)
        if path is None:
            out.append(["c=none"])
            continue
        parts = path.split(".")
        out.append([f"c{k}={'.'.join(parts[:k])}" for k in CLUSTER_PREFIXES if k <= len(parts)])
    return out


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


def featurise(text: str, sylls: list[Syllable], word_spans: list[tuple[int, int]],
              clusters: dict[str, str] | None = None, gazetteers: bool = False) -> list[list[str]]:
    """Feature strings for each syllable of one sentence or paragraph.

    Built column by column (one comprehension per feature template) rather than syllable by
    syllable: the strings are the same, in the same order, at about half the cost.
    """
    lex = _lexicons()
    n = len(sylls)
    if not n:
        return []
    words = [s.text for s in sylls]
    lower = [w.casefold() for w in words]
    shapes = [_shape(w) for w in words]
    province = _province_tags(text, sylls)
    segment = _word_tags(sylls, word_spans)
    surname, middle, org_head = lex["surname"], lex["middle"], lex["org_head"]
    is_surname = [w in surname for w in words]
    rows = [[f"w={lo}", f"shape={sh}", f"seg={sg}", f"prov={pv}", f"suf2={lo[-2:]}", f"len={min(len(w), 6)}"]
            for w, lo, sh, sg, pv in zip(words, lower, shapes, segment, province, strict=True)]
    for i in range(n):
        row = rows[i]
        if is_surname[i]:
            row.append("surname")
        if words[i] in middle:
            row.append("middle")
        if lower[i] in org_head and shapes[i] in ("Xx", "X", "C"):
            row.append("orghead")
    for k in (-3, -2, -1, 1, 2, 3):
        first = [f"w[{k}]={lo}" for lo in lower] if abs(k) < 3 else [f"shape[{k}]={sh}" for sh in shapes]
        second = [f"shape[{k}]={sh}" for sh in shapes]
        near = abs(k) == 1
        if near:
            seg_k = [f"seg[{k}]={sg}" for sg in segment]
            prov_k = [f"prov[{k}]={pv}" for pv in province]
            surname_k = f"surname[{k}]"
        edge = f"w[{k}]=<edge>"
        for i in range(n):
            j = i + k
            row = rows[i]
            if 0 <= j < n:
                row.append(first[j])
                row.append(second[j])
                if near:
                    row.append(seg_k[j])
                    row.append(prov_k[j])
                    if is_surname[j]:
                        row.append(surname_k)
            else:
                row.append(edge)
    if clusters:
        cluster = _cluster_features(lower, clusters)
        for i in range(n):
            rows[i] += cluster[i]
            if i > 0:
                rows[i] += [f"[-1]{f}" for f in cluster[i - 1][:2]]
            if i + 1 < n:
                rows[i] += [f"[+1]{f}" for f in cluster[i + 1][:2]]
    if gazetteers:
        country = _span_flags(country_names(), text, sylls)
        title = _span_flags(title_words(), text, sylls)
        for i in range(n):
            if country[i]:
                rows[i].append("country")
            if title[i]:
                rows[i].append("title")
            if i > 0 and title[i - 1] and not title[i]:
                rows[i].append("after_title")
    cue_words, place_type = lex["cue_words"], lex["place_type"]
    for i in range(n):
        row = rows[i]
        if i > 0:
            row.append(f"bigram-={lower[i - 1]}|{lower[i]}")
        if i + 1 < n:
            row.append(f"bigram+={lower[i]}|{lower[i + 1]}")
        if ((i >= 1 and lower[i - 1] in cue_words) or (i >= 2 and f"{lower[i - 2]} {lower[i - 1]}" in cue_words)
                or (i >= 3 and f"{lower[i - 3]} {lower[i - 2]} {lower[i - 1]}" in cue_words)):
            row.append("after_cue")
        if i > 0 and lower[i - 1] in place_type:
            row.append("after_place_type")
    return rows


ATTRIBUTES = ("shape", "seg", "prov", "surname", "middle", "orghead", "country", "title")


def syllable_attributes(text: str, sylls: list[Syllable], word_spans: list[tuple[int, int]]) -> list[tuple[str, ...]]:
    """The categorical facts about each syllable that a neural tagger embeds (ATTRIBUTES, in order):
    the same lexicons and gazetteers as the CRF's features, without the context windows, which its
    convolutions learn."""
    lex = _lexicons()
    surname, middle, org_head = lex["surname"], lex["middle"], lex["org_head"]
    words = [s.text for s in sylls]
    shapes = [_shape(w) for w in words]
    province = _province_tags(text, sylls)
    segment = _word_tags(sylls, word_spans)
    country = _span_flags(country_names(), text, sylls)
    title = _span_flags(title_words(), text, sylls)
    return [(shapes[i], segment[i], province[i], str(w in surname), str(w in middle),
             str(w.casefold() in org_head and shapes[i] in ("Xx", "X", "C")), str(country[i]), str(title[i]))
            for i, w in enumerate(words)]
