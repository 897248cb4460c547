"""PERCENT: '91,6%', '78,6 %', '50 phần trăm', '2,5 điểm phần trăm', ranges '80-90%' and
'từ 80 đến 90%' (span from the first number), with the value and the qualifier before it."""

from __future__ import annotations

import re

from vnextract.extractor.lexicon import PERCENT_QUALIFIERS
from vnextract.extractor.recognise.base import left_context
from vnextract.extractor.types import Mention, SegmentedText

NUMBER = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:[,.]\d+)?"
_UNIT = r"(?:\s?%|\s+(?P<{}>điểm\s+)?phần\s+trăm)"
PATTERN = re.compile(
    rf"(?<![\w,.])(?P<first>{NUMBER})(?:\s?%)?"
    rf"(?:\s*(?:-|÷)\s*|\s+(?:đến|tới)\s+)(?P<second>{NUMBER}){_UNIT.format('range_points')}(?!\w)"
    rf"|(?<![\w,.])(?P<single>{NUMBER}){_UNIT.format('points')}(?!\w)",
    re.IGNORECASE,
)


def parse_number(text: str) -> float:
    """Vietnamese number: '.' groups thousands when followed by exactly three digits, ',' is decimal."""
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", text):
        return float(text.replace(".", "").replace(",", "."))
    return float(text.replace(",", "."))


def _qualifier(text: str, start: int) -> str | None:
    before = left_context(text, start, 20).rstrip()
    before = re.sub(r"\btừ$", "", before).rstrip()
    for word in PERCENT_QUALIFIERS:
        if before.endswith(word) and (len(before) == len(word) or not before[-len(word) - 1].isalnum()):
            return word
    return None


def recognise(doc: SegmentedText) -> list[Mention]:
    text = doc.text
    mentions = []
    for m in PATTERN.finditer(text):
        start, end = m.start(), m.end()
        if m.group("single"):
            attrs: dict = {"value": parse_number(m.group("single"))}
        else:
            attrs = {"min": parse_number(m.group("first")), "max": parse_number(m.group("second"))}
            if attrs["min"] > attrs["max"]:
                continue
        attrs["unit"] = "percentage_point" if m.group("points") or m.group("range_points") else "percent"
        qualifier = _qualifier(text, start)
        if qualifier:
            attrs["qualifier"] = qualifier
        mentions.append(Mention("PERCENT", start, end, text[start:end], attrs=attrs, explanation="percent pattern"))
    return mentions
