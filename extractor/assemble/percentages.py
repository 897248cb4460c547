"""Percentage records: each value with the noun phrase it measures, the provinces it is stated for,
and the period when one is written.

The subject is the phrase right after the value when one follows ("100% xã đạt chuẩn"), else the
clause before it up to the qualifier ("tỷ lệ hộ nghèo giảm còn 1,75%" → "tỷ lệ hộ nghèo"); filler
words ("tương đương", "chiếm", "đạt") are never a subject. The provinces are those named in the
value's clause before it ("2 tỉnh Hà Nam, Vĩnh Phúc có 100% xã …" → both), else the last one named
earlier in its sentence.
"""

from __future__ import annotations

import re

from vnextract.extractor.assemble.index import DocumentIndex
from vnextract.extractor.lexicon import LOWER, PERCENT_QUALIFIERS
from vnextract.extractor.types import Record

_AFTER = re.compile(
    r"[ \t]+((?!so\b|và\b|trong\b|của\b|tương đương\b|tức là\b|tức\b|trở lên\b|kế hoạch\b)"
    rf"(?:[{LOWER}][\w]*)(?:[ \t][\w]+){{0,6}}?)"
    r"(?=[,.;:)\n]|[ \t](?:so với|của|trên|trong|được|và|tăng|giảm)\b|$)"
)
_DELIMITER = re.compile(r"[,;:.(\n]")
_FILLER = ("tương đương", "tức là", "tức", "chiếm", "đạt", "bằng", "còn", "là", "lên", "xuống", "ở mức", "khoảng",
           "với", "có", "được", "và", "thì", "nay", "hiện")
_QUALIFIER_TAIL = re.compile(rf"(?:\s+(?:{'|'.join(sorted({*PERCENT_QUALIFIERS, *_FILLER}, key=len, reverse=True))}))+\s*\Z")
_FILLER_ONLY = re.compile(rf"^(?:(?:{'|'.join(sorted({*PERCENT_QUALIFIERS, *_FILLER}, key=len, reverse=True))})\s*)+$")
_LEADING = re.compile(r"^(?:(?:đạt|chiếm|có|với|và|trong đó|trong|riêng|còn|nâng)\s+)+", re.IGNORECASE)
_PERIOD = re.compile(r"(?:giai đoạn|nhiệm kỳ|thời kỳ)\s+\d{4}\s*[-–]\s*\d{4}|(?:năm|cuối năm|đầu năm|quý [IV]+/?)\s*\d{4}|"
                     r"\d{1,2}\s+tháng(?:\s+đầu)?\s+năm\s+\d{4}|tháng\s+\d{1,2}[/-]\d{4}", re.IGNORECASE)
WINDOW = 120


def _subject_before(text: str, start: int, lower: int) -> tuple[int, int] | None:
    lower = max(lower, start - WINDOW)
    clause_start = max((m.end() for m in _DELIMITER.finditer(text, lower, start)), default=lower)
    phrase = _QUALIFIER_TAIL.sub("", " " + text[clause_start:start])[1:]
    stripped = phrase.strip()
    lead = _LEADING.match(stripped)
    if lead:
        stripped = stripped[lead.end():]
    if not stripped or _FILLER_ONLY.match(stripped.casefold()) or re.fullmatch(r"[\d\s,.]+", stripped):
        return None
    words = stripped.split()
    kept = " ".join(words[-12:])
    end = clause_start + len(phrase.rstrip())
    begin = text.rfind(kept.split()[0], clause_start, end)
    return (begin, end) if begin >= 0 else None


def assemble_percentages(index: DocumentIndex) -> list[Record]:
    text = index.text
    doc = index.doc
    records = []
    for m in index.mentions("PERCENT"):
        s_start, s_end = index.sentence(m.start)
        clause_start = max((d.end() for d in _DELIMITER.finditer(text, max(s_start, m.start - 200), m.start)
                            if d.group(0) != ","), default=max(s_start, m.start - 200))
        provinces = index.within(("PROVINCE",), clause_start, m.start)
        if not provinces:
            earlier = index.within(("PROVINCE",), max(s_start, m.start - 400), m.start)
            provinces = earlier[-1:]
        after = _AFTER.match(text, m.end)
        if after and not _FILLER_ONLY.match(after.group(1).casefold()):
            span: tuple[int, int] | None = (after.start(1), after.end(1))
        else:
            span = _subject_before(text, m.start, s_start)
        period = _PERIOD.search(text, s_start, min(s_end, s_start + 600))
        names = list(dict.fromkeys(p.attrs.get("name") for p in provinces if p.attrs.get("name")))
        fields = {"percent": doc.original(m.start, m.end), "qualifier": m.attrs.get("qualifier"),
                  "subject": doc.original(*span).strip() if span else None,
                  "province": names[-1] if names else None}
        for key in ("value", "min", "max"):
            if key in m.attrs:
                fields[key] = m.attrs[key]
        fields["provinces"] = [{"name": p.attrs.get("name"), "code": p.attrs.get("code"),
                                "unit_2025": p.attrs.get("unit_2025")} for p in _unique(provinces)]
        if period:
            fields["period"] = doc.original(period.start(), period.end())
        fields["evidence"] = {"sentences": [index.original_span(s_start, s_end)],
                              "percent": [index.original_span(m.start, m.end)],
                              "subject": [index.original_span(*span)] if span else [],
                              "provinces": [index.original_span(p.start, p.end) for p in provinces]}
        records.append(Record("percentage", fields))
    return records


def _unique(provinces: list) -> list:
    seen, out = set(), []
    for p in provinces:
        name = p.attrs.get("name")
        if name and name not in seen:
            seen.add(name)
            out.append(p)
    return out
