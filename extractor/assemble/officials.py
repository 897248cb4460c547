"""Official records: a person with the positions the text gives them, in apposition
('X, Giám đốc Sở Y') or before the name ('Giám đốc Sở Y X'), merged per document."""

from __future__ import annotations

import re

from vnextract.extractor.assemble.titles import Title, find_titles
from vnextract.extractor.types import Mention, Record, SegmentedText

_APPOSITION = re.compile(r"\s*(?:,|-|–|\(|:)\s*\Z|\s+\Z")
_CHAIN = re.compile(r"\s*(?:,|;|và|kiêm|-|–)\s*\Z")
_BEFORE_NAME = re.compile(
    r"\s+(?:(?:đồng chí|Đồng chí|ông|bà|Ông|Bà|đ/c|Đ/c)\s+)?(?:(?:Đại|Thượng|Trung|Thiếu)\s+(?:tướng|tá|úy|uý)\s+)?"
    r"(?:(?:GS|PGS|TS|ThS|GS\.TS|PGS\.TS)\.?\s+)?\Z"
)
_RANKS = re.compile(r"^(?:(?:Đại|Thượng|Trung|Thiếu)\s+(?:tướng|tá|úy|uý)\s*,?\s*)")


def _clean(title: str) -> str:
    return _RANKS.sub("", title).strip(" ,;-–")


def assemble_officials(doc: SegmentedText, mentions: list[Mention]) -> list[Record]:
    text = doc.text
    persons = [m for m in mentions if m.label == "PERSON"]
    organisations = [m for m in mentions if m.label == "ORGANIZATION"]
    titles = find_titles(text, organisations)
    person_starts = {p.start for p in persons}
    titles_of: dict[int, list[Title]] = {}

    for p in persons:
        found: list[Title] = []
        # titles written after the name: "Trần Gia Long, Tỉnh ủy viên, Giám đốc Sở …"
        position = p.end
        for t in (t for t in titles if t.start >= p.end):
            gap = text[position:t.start]
            pattern = _APPOSITION if position == p.end else _CHAIN
            if "\n" in gap or not pattern.fullmatch(gap) or len(gap) > 6:
                break
            if text[t.end:t.end + 1] == " " and t.end + 1 in person_starts:
                break                                   # "…, Chủ tịch UBND tỉnh Nguyễn Văn B": the next person's
            found.append(t)
            position = t.end
        # titles written before the name: "Ủy viên Bộ Chính trị, Thủ tướng Chính phủ Nguyễn Xuân Phúc"
        position = p.start
        for t in sorted((t for t in titles if t.end <= p.start), key=lambda t: -t.start):
            gap = text[t.end:position]
            pattern = _BEFORE_NAME if position == p.start else _CHAIN
            if "\n" in gap or not pattern.fullmatch(gap) or len(gap) > 30:
                break
            if position != p.start and any(q.end <= position and q.end > t.end for q in persons):
                break
            found.append(t)
            position = t.start
        if found:
            titles_of[p.start] = found

    return _merge(doc, persons, titles_of)


def _merge(doc: SegmentedText, persons: list[Mention], titles_of: dict[int, list[Title]]) -> list[Record]:
    """One record per person: short mentions ('ông Long') join the fullest name that ends with them."""
    full_names: list[str] = []
    for p in persons:
        if len(p.text.split()) >= 2 and p.text not in full_names:
            full_names.append(p.text)
    canonical: dict[str, str] = {}
    for p in persons:
        name = p.text
        longer = [f for f in full_names if f != name and f.endswith(" " + name)]
        canonical[name] = max(longer, key=len) if len(longer) == 1 else name
    merged: dict[str, list[str]] = {}
    for p in persons:
        for t in titles_of.get(p.start, []):
            title = _clean(doc.original(t.start, t.end))
            if title:
                key = canonical[p.text]
                merged.setdefault(key, [])
                if title not in merged[key]:
                    merged[key].append(title)
    records = []
    for p_text, titles in merged.items():
        person = doc.original(*_span_of(persons, p_text))
        folded = [t.casefold() for t in titles]
        kept = [t for t, f in zip(titles, folded, strict=True)
                if not any(f != g and f in g for g in folded)]
        records.append(Record("official", {"person": person, "titles": kept}))
    return records


def _span_of(persons: list[Mention], text: str) -> tuple[int, int]:
    for p in persons:
        if p.text == text:
            return p.start, p.end
    raise KeyError(text)
