"""Percentage records: each value with the phrase it measures and the province it concerns."""

from __future__ import annotations

import re

from extractor.types import Mention, Record, SegmentedText

_SUBJECT_AFTER = re.compile(r"\s+((?:[^\W\d][\w]*\s?){1,6}?)(?=[,.;:)\n]|\s+(?:so với|của|trên|trong|đạt|được)\b|$)")


def assemble_percentages(doc: SegmentedText, mentions: list[Mention]) -> list[Record]:
    text = doc.text
    provinces = [m for m in mentions if m.label == "PROVINCE"]
    records = []
    for m in (m for m in mentions if m.label == "PERCENT"):
        s_start = max((s for s, _ in doc.sentences if s <= m.start), default=0)
        province = next((p for p in sorted(provinces, key=lambda p: -p.end) if s_start <= p.start < m.start), None)
        after = _SUBJECT_AFTER.match(text, m.end)
        subject = doc.original(m.end + after.start(1) - m.end, m.end + after.end(1) - m.end).strip() if after else None
        fields = {"percent": doc.original(m.start, m.end), "qualifier": m.attrs.get("qualifier"),
                  "subject": subject or None, "province": province.attrs.get("name") if province else None}
        for key in ("value", "min", "max"):
            if key in m.attrs:
                fields[key] = m.attrs[key]
        records.append(Record("percentage", fields))
    return records
