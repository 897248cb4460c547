"""Percentage records: each value with the phrase it measures and the province it concerns.

The subject is the phrase right after the value when one follows ("100% xã đạt chuẩn"), else the
clause before it up to the qualifier ("tỷ lệ hộ nghèo giảm còn 1,75%" → "tỷ lệ hộ nghèo").
"""

from __future__ import annotations

import re

from vnextract.extractor.lexicon import PERCENT_QUALIFIERS
from vnextract.extractor.types import Mention, Record, SegmentedText

_AFTER = re.compile(
    r"[ \t]+((?!so\b|và\b|trong\b|của\b)(?:[a-zà-ỹđ][\w]*)(?:[ \t][\w]+){0,6}?)"
    r"(?=[,.;:)\n]|[ \t](?:so với|của|trên|trong|được)\b|$)"
)
_DELIMITER = re.compile(r"[,;:.(\n]")
_QUALIFIER_TAIL = re.compile(rf"(?:\s+(?:{'|'.join(PERCENT_QUALIFIERS)}|bằng|còn|là|lên|xuống|ở mức|khoảng))+\s*\Z")


def _subject_before(text: str, start: int) -> str | None:
    clause_start = max((m.end() for m in _DELIMITER.finditer(text, max(0, start - 120), start)), default=start - 120)
    phrase = _QUALIFIER_TAIL.sub("", text[max(0, clause_start):start]).strip()
    words = phrase.split()
    return " ".join(words[-12:]) if words else None


def assemble_percentages(doc: SegmentedText, mentions: list[Mention]) -> list[Record]:
    text = doc.text
    provinces = sorted((m for m in mentions if m.label == "PROVINCE"), key=lambda m: m.start)
    records = []
    for m in (m for m in mentions if m.label == "PERCENT"):
        s_start = max((s for s, _ in doc.sentences if s <= m.start), default=0)
        province = next((p for p in reversed(provinces) if s_start <= p.start < m.start), None)
        after = _AFTER.match(text, m.end)
        subject = doc.original(after.start(1), after.end(1)) if after else _subject_before(text, m.start)
        fields = {"percent": doc.original(m.start, m.end), "qualifier": m.attrs.get("qualifier"),
                  "subject": subject or None, "province": province.attrs.get("name") if province else None}
        for key in ("value", "min", "max"):
            if key in m.attrs:
                fields[key] = m.attrs[key]
        records.append(Record("percentage", fields))
    return records
