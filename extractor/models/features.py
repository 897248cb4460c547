"""Syllable features for the PERSON/ORGANIZATION CRF: form, shape and capitalisation; family
names; title and honorific context; gazetteer hits (provinces, countries, titles, organisation
heads); word clusters learned from raw news (a syllable → cluster-path table shipped beside the
model, read as prefixes like Brown clusters); where underthesea's words begin and end; and the
contexts a capitalised syllable has elsewhere in its document.
Training and tagging use this one function."""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import cache, lru_cache
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


@cache
def _province_openings() -> frozenset[str]:
    """The first syllable of every province alias (casefolded): a match can only start at one."""
    return frozenset(m.group(0) for key in province_matcher().gazetteer.aliases if (m := re.match(r"\w+", key.casefold())))


def _province_tags(text: str, sylls: list[Syllable]) -> list[str]:
    """B/I/O of the capitalised province names among the syllables: the gazetteer's pattern, tried
    only where an alias can begin (the same matches as scanning every position, several times faster)."""
    matcher = province_matcher()
    pattern, gazetteer = matcher.pattern, matcher.gazetteer
    openings = _province_openings()
    tags = ["O"] * len(sylls)
    if not sylls:
        return tags
    limit, reached = sylls[-1].end, -1
    for i, s in enumerate(sylls):
        if s.start < reached or s.text.casefold() not in openings:
            continue
        m = pattern.match(text, s.start, limit)
        if m is None:
            continue
        reached = m.end()
        if m.group(0)[0].isupper() and gazetteer.canonical(m.group(0)):
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


class _Form(NamedTuple):
    """What one written form contributes to its own row and to its neighbours' rows (cached per form)."""

    lower: str
    shape: str
    surname: bool
    own: list[str]
    to_neighbour: dict[int, list[str]]       # offset k → the strings of row i − k (this form seen at i)
    cluster_to_right: list[str]               # the right neighbour's "[-1]c…" features
    cluster_to_left: list[str]                # the left neighbour's "[+1]c…" features


_OFFSETS = (-3, -2, -1, 1, 2, 3)
_EDGES = {k: f"w[{k}]=<edge>" for k in _OFFSETS}
_FORM_CACHE_SIZE = 200_000
_forms: dict[int, tuple[dict[str, str] | None, dict[str, _Form]]] = {}


def _form(word: str, clusters: dict[str, str] | None, table: dict[str, _Form]) -> _Form:
    lex = _lexicons()
    lo = word.casefold()
    sh = _shape(word)
    surname = word in lex["surname"]
    own = [f"w={lo}", f"shape={sh}", f"suf2={lo[-2:]}", f"len={min(len(word), 6)}"]
    if surname:
        own.append("surname")
    if word in lex["middle"]:
        own.append("middle")
    if lo in lex["org_head"] and sh in ("Xx", "X", "C"):
        own.append("orghead")
    to_neighbour = {}
    for k in _OFFSETS:
        strings = [f"w[{k}]={lo}" if abs(k) < 3 else f"shape[{k}]={sh}", f"shape[{k}]={sh}"]
        if abs(k) == 1 and surname:
            strings.append(f"surname[{k}]")
        to_neighbour[k] = strings
    to_right: list[str] = []
    to_left: list[str] = []
    if clusters:
        path = clusters.get(lo)
        if path is None:
            mine = ["c=none"]
        else:
            parts = path.split(".")
            mine = [f"c{k}={'.'.join(parts[:k])}" for k in CLUSTER_PREFIXES if k <= len(parts)]
        own += mine
        to_right = [f"[-1]{f}" for f in mine[:2]]
        to_left = [f"[+1]{f}" for f in mine[:2]]
    form = _Form(lo, sh, surname, own, to_neighbour, to_right, to_left)
    if len(table) >= _FORM_CACHE_SIZE:
        table.clear()
    table[word] = form
    return form


@cache
def _context(k: int, segment: str, province: str) -> list[str]:
    """The word-position and province features a syllable gives its own row (k = 0) or its neighbour's (k = ±1)."""
    if k == 0:
        return [f"seg={segment}", f"prov={province}"]
    return [f"seg[{k}]={segment}", f"prov[{k}]={province}"]


def _form_table(clusters: dict[str, str] | None) -> dict[str, _Form]:
    key = id(clusters)
    entry = _forms.get(key)
    if entry is None or entry[0] is not clusters:
        entry = (clusters, {})
        _forms[key] = entry
    return entry[1]


_DOCUMENT_CONTEXTS = 4       # a name's commonest contexts elsewhere in its document kept as features (2, 4, 6, 8
                             # tried on the VLSP validation documents; models/ner/README.md)


@lru_cache(maxsize=2)
def _document_contexts(text: str) -> tuple[dict[int, frozenset[str]], dict[str, list[tuple[str, int]]]]:
    """The contexts of every run of capitalised words in `text` ("hãng Tesla cho biết"): the word
    before the run ("dl=hãng"), the two words before it, the word after it ("dr=cho"), and for a
    syllable inside the run, the run's first ("din=nguyễn"). Returns each run syllable's own
    contexts (by its start) and, for each casefolded syllable, its contexts in the text with how
    often it has each, commonest first.
    Training and tagging both pass the whole document as `text`, so a window sees the same."""
    found = [(m.start(), m.end(), m.group()) for m in SYLLABLE.finditer(text)]   # plain tuples: twice as fast
    names = [k for k, (_, _, word) in enumerate(found) if word[0].isupper() and word[0].isalpha()]
    own: dict[int, frozenset[str]] = {}
    counts: dict[str, dict[str, int]] = {}
    n, m = len(found), len(names)
    r = 0
    while r < m:
        i = j = names[r]                               # a run: name words one white-space character apart
        while r + 1 < m and names[r + 1] == j + 1 and found[j + 1][0] - found[j][1] <= 1:
            r += 1
            j += 1
        r += 1
        contexts = set()
        if i > 0:
            before = found[i - 1][2].casefold()
            contexts.add(f"dl={before}")
            if i > 1 and found[i - 2][2][0].isalpha():
                contexts.add(f"dl2={found[i - 2][2].casefold()} {before}")
        if j + 1 < n:
            contexts.add(f"dr={found[j + 1][2].casefold()}")
        run = frozenset(contexts)
        inside = run | {f"din={found[i][2].casefold()}"}
        for k in range(i, j + 1):
            mine = inside if k > i else run
            own[found[k][0]] = mine
            seen = counts.setdefault(found[k][2].casefold(), {})
            for f in mine:
                seen[f] = seen.get(f, 0) + 1
    ranked = {key: sorted(seen.items(), key=lambda fc: (-fc[1], fc[0])) for key, seen in counts.items()}
    return own, ranked


def _elsewhere(text: str, sylls: list[Syllable]) -> list[list[str]]:
    """For each capitalised syllable, the contexts its form has at its other occurrences in the
    document: "Tesla" after "hãng" in one sentence is likelier a company in the next, where it opens
    a clause (the non-local features of Krishnan and Manning, 2006, read without a first tagging pass)."""
    own, ranked = _document_contexts(text)
    out: list[list[str]] = []
    for s in sylls:
        mine = own.get(s.start)
        kept: list[str] = []
        if mine is not None:
            for f, c in ranked[s.text.casefold()]:
                if c > (f in mine):
                    kept.append(f"doc:{f}")
                    if len(kept) == _DOCUMENT_CONTEXTS:
                        break
        out.append(kept)
    return out


def featurise(text: str, sylls: list[Syllable], word_spans: list[tuple[int, int]],
              clusters: dict[str, str] | None = None, gazetteers: bool = False,
              document: bool = False) -> list[list[str]]:
    """Feature strings for each syllable of one sentence or paragraph.

    What depends on a syllable's written form alone (its own features, what it shows its neighbours,
    its cluster path) is built once per form and cached; the rest comes from its context.
    """
    n = len(sylls)
    if not n:
        return []
    table = _form_table(clusters)
    forms = [table.get(s.text) or _form(s.text, clusters, table) for s in sylls]
    province = _province_tags(text, sylls)
    segment = _word_tags(sylls, word_spans)
    rows = [[*f.own, *_context(0, sg, pv)] for f, sg, pv in zip(forms, segment, province, strict=True)]
    for k in _OFFSETS:                       # row i gets what the syllable at i + k shows it, or an edge
        shown = [f.to_neighbour[k] for f in forms]
        if abs(k) == 1:
            shown = [s + _context(k, sg, pv) for s, sg, pv in zip(shown, segment, province, strict=True)]
        edge = _EDGES[k]
        if k > 0:
            for row, strings in zip(rows, shown[k:], strict=False):
                row += strings
            for row in rows[max(n - k, 0):]:
                row.append(edge)
        else:
            for row in rows[:-k]:
                row.append(edge)
            for row, strings in zip(rows[-k:], shown, strict=False):
                row += strings
    if clusters:
        for row, left in zip(rows[1:], forms, strict=False):
            row += left.cluster_to_right
        for row, right in zip(rows, forms[1:], strict=False):
            row += right.cluster_to_left
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
    if document:
        for row, found in zip(rows, _elsewhere(text, sylls), strict=True):
            row += found
    lex = _lexicons()
    cue_words, cue_last, place_type = lex["cue_words"], lex["cue_last"], lex["place_type"]
    lower = [f.lower for f in forms]
    for i in range(n):
        row = rows[i]
        if i > 0:
            row.append(f"bigram-={lower[i - 1]}|{lower[i]}")
        if i + 1 < n:
            row.append(f"bigram+={lower[i]}|{lower[i + 1]}")
        if i >= 1 and lower[i - 1] in cue_last and (      # a cue can only end with a cue's last word
                lower[i - 1] in cue_words or (i >= 2 and f"{lower[i - 2]} {lower[i - 1]}" in cue_words)
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
