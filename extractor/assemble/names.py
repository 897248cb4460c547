"""Persons named several ways in one document: a short mention ('ông Long', 'Gia Long') joins the one
full name that ends with it ('Trần Gia Long'), and a monarch's name its regnal number ('Elizabeth' →
'Elizabeth II'); with two such full names it stays as written."""

from __future__ import annotations

import re

from vnextract.extractor.types import Mention

_REGNAL = re.compile(r"[IVX]{1,5}")


class NameIndex:
    """Built once per document: each name's canonical form, by the suffixes of the full names."""

    def __init__(self, persons: list[Mention]) -> None:
        self._first: dict[str, Mention] = {}
        self._longer: dict[str, set[str]] = {}
        for p in persons:
            self._first.setdefault(p.text, p)
            words = p.text.split()
            if len(words) >= 2:
                for k in range(1, len(words)):
                    self._longer.setdefault(" ".join(words[-k:]), set()).add(p.text)
                if _REGNAL.fullmatch(words[-1]):
                    self._longer.setdefault(" ".join(words[:-1]), set()).add(p.text)   # "Elizabeth" of "Elizabeth II"

    def canonical(self, name: str) -> str:
        longer = self._longer.get(name, set()) - {name}
        return next(iter(longer)) if len(longer) == 1 else name

    def fullest(self, name: str) -> Mention:
        """The first mention written as `name` (a canonical name)."""
        return self._first[name]
