"""Matching rules of ANNOTATION.md's Scoring section: entity spans and record pairs.

Every gold and every predicted item is used at most once. Where several pairings are possible,
a maximum bipartite matching is taken (exact entity matches first), so the counts never depend
on the order in which documents list their items.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from typing import Any

_SPACES = re.compile(r"\s+")
_CLASS_WORDS = [
    (re.compile(r"\bhạng\s+(?:iii|3)(?![\w])"), "hạng ba"),
    (re.compile(r"\bhạng\s+(?:ii|2|hai)(?![\w])"), "hạng nhì"),
    (re.compile(r"\bhạng\s+(?:i|1)(?![\w])"), "hạng nhất"),
]


def normalize_record_text(text: str | None) -> str:
    """NFC, casefold and collapse white space, as records are compared."""
    if not text:
        return ""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", text).casefold()).strip()


def normalize_award_text(text: str | None) -> str:
    """Record text with classes written as words: 'hạng III' and 'hạng 3' → 'hạng ba'."""
    text = normalize_record_text(text)
    for pattern, words in _CLASS_WORDS:
        text = pattern.sub(words, text)
    return text


def contains_either(a: str, b: str) -> bool:
    """One (already normalised) text contains the other."""
    return bool(a) and bool(b) and (a in b or b in a)


def contains_words_either(a: str, b: str) -> bool:
    """One text contains the other as whole words ('công' in 'nguyễn văn công')."""
    if not a or not b:
        return False
    wa, wb = f" {a} ", f" {b} "
    return wa in wb or wb in wa


def max_bipartite_matching(n_left: int, n_right: int, edge: Callable[[int, int], bool]) -> list[tuple[int, int]]:
    """Maximum matching by augmenting paths (Kuhn's algorithm); small inputs, so O(VE) is fine."""
    adjacency = [[j for j in range(n_right) if edge(i, j)] for i in range(n_left)]
    match_right: list[int] = [-1] * n_right

    def augment(i: int, seen: list[bool]) -> bool:
        for j in adjacency[i]:
            if seen[j]:
                continue
            seen[j] = True
            if match_right[j] == -1 or augment(match_right[j], seen):
                match_right[j] = i
                return True
        return False

    for i in range(n_left):
        if adjacency[i]:
            augment(i, [False] * n_right)
    return sorted((i, j) for j, i in enumerate(match_right) if i != -1)


def _span(entity: dict[str, Any]) -> tuple[int, int]:
    return int(entity["start"]), int(entity["end"])


def match_strict(gold: Sequence[dict[str, Any]], pred: Sequence[dict[str, Any]]) -> list[tuple[int, int]]:
    """Pairs (gold index, pred index) with equal label, start and end."""
    free: dict[tuple[str, int, int], list[int]] = {}
    for j, p in enumerate(pred):
        free.setdefault((p["label"], *_span(p)), []).append(j)
    pairs = []
    for i, g in enumerate(gold):
        candidates = free.get((g["label"], *_span(g)))
        if candidates:
            pairs.append((i, candidates.pop(0)))
    return pairs


def spans_overlap(a: dict[str, Any], b: dict[str, Any]) -> bool:
    (s1, e1), (s2, e2) = _span(a), _span(b)
    return s1 < e2 and s2 < e1


def match_partial(gold: Sequence[dict[str, Any]], pred: Sequence[dict[str, Any]]) -> list[tuple[int, int]]:
    """Pairs with equal label and overlapping spans; exact matches are kept, the rest maximised."""
    exact = match_strict(gold, pred)
    used_g = {i for i, _ in exact}
    used_p = {j for _, j in exact}
    rest_g = [i for i in range(len(gold)) if i not in used_g]
    rest_p = [j for j in range(len(pred)) if j not in used_p]

    def edge(a: int, b: int) -> bool:
        g, p = gold[rest_g[a]], pred[rest_p[b]]
        return g["label"] == p["label"] and spans_overlap(g, p)

    more = max_bipartite_matching(len(rest_g), len(rest_p), edge)
    return sorted(exact + [(rest_g[a], rest_p[b]) for a, b in more])


def official_pairs(records: Sequence[dict[str, Any]]) -> list[tuple[str, str]]:
    """(person, title) pairs of the official records, normalised for comparison."""
    pairs = []
    for record in records:
        if record.get("type") != "official":
            continue
        person = normalize_record_text(record.get("person"))
        for title in record.get("titles") or []:
            pairs.append((person, normalize_record_text(title)))
    return pairs


def award_pairs(records: Sequence[dict[str, Any]]) -> list[tuple[str, str]]:
    """(award, recipient) pairs of the award records, normalised for comparison."""
    pairs = []
    for record in records:
        if record.get("type") != "award":
            continue
        award = normalize_award_text(record.get("award"))
        for recipient in record.get("recipients") or []:
            pairs.append((award, normalize_record_text(recipient)))
    return pairs


def official_pair_matches(g: tuple[str, str], p: tuple[str, str]) -> bool:
    return contains_words_either(g[0], p[0]) and contains_either(g[1], p[1])


def award_pair_matches(g: tuple[str, str], p: tuple[str, str]) -> bool:
    return contains_either(g[0], p[0]) and contains_either(g[1], p[1])


def match_pairs(
    gold: Sequence[tuple[str, str]],
    pred: Sequence[tuple[str, str]],
    matches: Callable[[tuple[str, str], tuple[str, str]], bool],
) -> list[tuple[int, int]]:
    return max_bipartite_matching(len(gold), len(pred), lambda i, j: matches(gold[i], pred[j]))
