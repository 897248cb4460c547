"""Persons named several ways in one document: a short mention ('ông Long', 'Gia Long') joins the one
full name that ends with it ('Trần Gia Long'); with two such full names it stays as written."""

from __future__ import annotations

from vnextract.extractor.types import Mention


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

    def canonical(self, name: str) -> str:
        longer = self._longer.get(name, set()) - {name}
        return next(iter(longer)) if len(longer) == 1 else name

    def fullest(self, name: str) -> Mention:
        """The first mention written as `name` (a canonical name)."""
        return self._first[name]
