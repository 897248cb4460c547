"""underthesea's word-segmentation CRF, run in Python from its own files with cached weights.

underthesea_core builds 43 feature strings per syllable (its CRFFeaturizer) and maps them back to
weights (its CRFTagger): 80% of this stage's time. Every one of those features belongs to one
syllable, pair or triple of syllables at one relative position, so the sum of their weights is
cached per syllable, pair and triple: a syllable's score is then 12 lookups, and only n-grams not
seen before build strings. The labels come from the same first-order Viterbi over the same
weights (read exactly from the CRFsuite file), so the words are underthesea's
(tests/extractor/test_words.py compares them with `word_tokenize`).

The templates are read from the model (features.bin): T[a] or T[a,b], optionally with .lower,
.isdigit, .istitle or .is_in_dict. Their semantics are underthesea_core's, found by comparing
with its featurizer: "istitle" is "the first character is its own upper case" (so digits and
punctuation are title case) and must hold for every syllable of an n-gram; "isdigit" is "parses
as a 32-bit signed integer"; "is_in_dict" looks the lower-cased n-gram up in dictionary.bin;
positions before the start read "BOS" and after the end "EOS".
"""

from __future__ import annotations

import re
from collections import defaultdict
from functools import lru_cache
from operator import itemgetter
from pathlib import Path

from vnextract.extractor.errors import ModelError
from vnextract.extractor.segment.crfsuite_file import read_crfsuite

LABELS = ("B-W", "I-W")
_TEMPLATE = re.compile(r"T\[(-?\d+)(?:,(-?\d+))?\](?:\.(lower|isdigit|istitle|is_in_dict))?")
_SIGNED_INTEGER = re.compile(r"[+-]?[0-9]+")
_INT32 = range(-2**31, 2**31)
_BOS, _EOS = "\x00BOS", "\x00EOS"                    # padding syllables; text never holds NUL


def _isdigit(syllable: str) -> str:
    return str(_SIGNED_INTEGER.fullmatch(syllable) is not None and int(syllable) in _INT32)


def _istitle(syllable: str) -> bool:
    return syllable[0].upper() == syllable[0]


def _gram_size(attribute: str) -> int | None:
    """1 for "T[0]=…" or "T[0].lower=…", 2 for "T[0,1]=…", None for flags ("T[0].istitle=…")."""
    template, _ = attribute.split("=", 1)
    match = _TEMPLATE.fullmatch(template)
    if not match or match.group(3) not in (None, "lower"):
        return None
    return int(match.group(2) or match.group(1)) - int(match.group(1)) + 1


class WordTagger:
    """B-W/I-W for a list of syllables (underthesea's regex tokens)."""

    def __init__(self, directory: Path, *, cache_sizes: tuple[int, ...] = (1 << 15, 1 << 14, 0)) -> None:
        """cache_sizes: entries kept per n-gram length (1, 2, 3…); most triples are new, so they are not
        cached (measured: syllables and pairs cached, ~10 MB, give the same speed as all three, ~40 MB)."""
        import joblib

        try:
            templates = joblib.load(directory / "features.bin")
            dictionary = frozenset(joblib.load(directory / "dictionary.bin"))
        except (OSError, ValueError, EOFError) as exc:
            raise ModelError(f"cannot read underthesea's word segmentation model in {directory}: {exc}") from exc
        weights = read_crfsuite(directory / "models.bin")
        if weights.labels != LABELS:
            raise ModelError(f"expected labels {LABELS} in {directory}, found {weights.labels}")
        self._state = weights.state
        (self._bb, self._bi), (self._ib, self._ii) = weights.transition
        self._dictionary = dictionary
        # n-gram length → [(start offset, [(attribute name, feature prefix), ...]), ...]
        roles: dict[int, dict[int, list[tuple[str, str]]]] = defaultdict(lambda: defaultdict(list))
        for template in templates:
            match = _TEMPLATE.fullmatch(template)
            if not match:
                raise ModelError(f"unknown feature template {template!r} in {directory}")
            first = int(match.group(1))
            last = int(match.group(2)) if match.group(2) else first
            roles[last - first + 1][first].append((match.group(3) or "text", template + "="))
        self._roles = {size: sorted(by_start.items()) for size, by_start in roles.items()}
        # n-gram texts the model has a weight for; any other n-gram's weights depend only on its flags
        self._known = {size: {a.split("=", 1)[1] for a in self._state if _gram_size(a) == size} for size in self._roles}
        self._by_flags: dict[tuple[int, str, str, str], tuple[float, ...]] = {}
        self._reach = max(max(abs(start), abs(start + size - 1)) for size, items in self._roles.items() for start, _ in items)
        self._weights = {size: lru_cache(cache_sizes[size - 1])(self._gram_weights)
                         if size <= len(cache_sizes) and cache_sizes[size - 1] else self._gram_weights
                         for size in self._roles}

    def tag(self, syllables: list[str]) -> list[str]:
        if not syllables:
            return []
        b_scores, i_scores = self._scores(syllables)
        return self._viterbi(b_scores, i_scores)

    def _scores(self, syllables: list[str]) -> tuple[list[float], list[float]]:
        """Per syllable, the summed weights of all its features for B-W and for I-W."""
        reach, n = self._reach, len(syllables)
        padded = [_BOS] * reach + syllables + [_EOS] * reach
        b_columns, i_columns = [], []
        for size, starts in self._roles.items():
            grams = list(map(self._weights[size], zip(*(padded[k:] for k in range(size)), strict=False)))   # each n-gram
            for k, (start, _) in enumerate(starts):
                window = grams[reach + start:reach + start + n]
                b_columns.append(list(map(itemgetter(2 * k), window)))
                i_columns.append(list(map(itemgetter(2 * k + 1), window)))
        return list(map(sum, zip(*b_columns, strict=True))), list(map(sum, zip(*i_columns, strict=True)))

    def _gram_weights(self, gram: tuple[str, ...]) -> tuple[float, ...]:
        """For each start offset this n-gram can take, (B-W, I-W) summed over its templates there.
        An n-gram whose text the model has no weight for weighs what its flags weigh: those are
        computed first, and its weights once per set of flags."""
        size = len(gram)
        if gram[0] == _BOS or gram[-1] == _EOS:
            return self._weigh(size, self._values(gram))
        text = " ".join(gram)
        lower = text.lower()
        known = self._known[size]
        if text in known or lower in known:
            return self._weigh(size, self._values(gram))
        flags = (size, _isdigit(text) if size == 1 else "False", str(all(map(_istitle, gram))),
                 str(lower in self._dictionary))
        weights = self._by_flags.get(flags)
        if weights is None:
            weights = self._by_flags[flags] = self._weigh(size, self._values(gram))
        return weights

    def _weigh(self, size: int, values: dict[str, str]) -> tuple[float, ...]:
        state = self._state
        out: list[float] = []
        for _, features in self._roles[size]:
            b = i = 0.0
            for attribute, prefix in features:
                weight = state.get(prefix + values[attribute])
                if weight:
                    b += weight[0]
                    i += weight[1]
            out += (b, i)
        return tuple(out)

    def _values(self, gram: tuple[str, ...]) -> dict[str, str]:
        if gram[0] == _BOS or gram[-1] == _EOS:
            edge = (_BOS if gram[0] == _BOS else _EOS)[1:]
            return dict.fromkeys(("text", "lower", "isdigit", "istitle", "is_in_dict"), edge)
        text = " ".join(gram)
        lower = text.lower()
        return {"text": text, "lower": lower, "isdigit": _isdigit(text) if len(gram) == 1 else "False",
                "istitle": str(all(map(_istitle, gram))), "is_in_dict": str(lower in self._dictionary)}

    def _viterbi(self, b_scores: list[float], i_scores: list[float]) -> list[str]:
        """The best label sequence (first order, no start or end weights, ties to the first label)."""
        bb, bi, ib, ii = self._bb, self._bi, self._ib, self._ii
        best_b, best_i = b_scores[0], i_scores[0]
        back: list[tuple[int, int]] = []
        for b_score, i_score in zip(b_scores[1:], i_scores[1:], strict=True):
            from_b, from_i = best_b + bb, best_i + ib          # into B-W
            to_b = (from_b, 0) if from_b >= from_i else (from_i, 1)
            from_b, from_i = best_b + bi, best_i + ii          # into I-W
            to_i = (from_b, 0) if from_b >= from_i else (from_i, 1)
            best_b, best_i = to_b[0] + b_score, to_i[0] + i_score
            back.append((to_b[1], to_i[1]))
        label = 0 if best_b >= best_i else 1
        path = [label]
        for step in reversed(back):
            label = step[label]
            path.append(label)
        return [LABELS[k] for k in reversed(path)]
