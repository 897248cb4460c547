"""Persons named several ways in one document: a short mention ('ông Long', 'Gia Long') joins the
full name that ends with it ('Trần Gia Long'), and a monarch's name its regnal number ('Elizabeth' →
'Elizabeth II'). With two such full names ('Lê Minh Hưng', 'Nguyễn Văn Hưng'), the one named last
before the short mention is meant; with none before it, the name stays as written."""

from __future__ import annotations

import re
from bisect import bisect_right

from vnextract.extractor.types import Mention

_REGNAL = re.compile(r"[IVX]{1,5}")


class NameIndex:
    """Built once per document: each name's canonical form, by the suffixes of the full names."""

    def __init__(self, persons: list[Mention]) -> None:
        self._first: dict[str, Mention] = {}
        self._longer: dict[str, set[str]] = {}
        self._starts: dict[str, list[int]] = {}
        for p in sorted(persons, key=lambda m: m.start):
            self._first.setdefault(p.text, p)
            self._starts.setdefault(p.text, []).append(p.start)
            words = p.text.split()
            if len(words) >= 2:
                for k in range(1, len(words)):
                    self._longer.setdefault(" ".join(words[-k:]), set()).add(p.text)
                if _REGNAL.fullmatch(words[-1]):
                    self._longer.setdefault(" ".join(words[:-1]), set()).add(p.text)   # "Elizabeth" of "Elizabeth II"

    def canonical(self, name: str, at: int | None = None) -> str:
        """The full name that `name` (written at `at`, when given) stands for."""
        longer = self._longer.get(name, set()) - {name}
        # "Văn Thành" and "Nguyễn Văn Thành" both end with "Thành": the fullest is meant
        fullest = [n for n in longer if not any(n != m and m.endswith(" " + n) for m in longer)]
        if len(fullest) == 1:
            return fullest[0]
        if at is None or not fullest:
            return name
        named_before = {n: k for n in fullest if (k := self._last_before(n, at)) is not None}
        return max(named_before, key=named_before.__getitem__) if named_before else name

    def _last_before(self, name: str, at: int) -> int | None:
        starts = self._starts.get(name, [])
        k = bisect_right(starts, at) - 1
        return starts[k] if k >= 0 and starts[k] < at else None

    def fullest(self, name: str) -> Mention:
        """The first mention written as `name` (a canonical name)."""
        return self._first[name]
