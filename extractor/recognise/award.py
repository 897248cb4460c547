"""AWARD: orders, medals, state honorary titles, state prizes, commemorative medals, certificates
of merit, emulation flags and titles (lexicon models/lexicons/awards.tsv), with the class written
after them, and coordinated classes ('… hạng Nhất và hạng Nhì') as separate spans."""

from __future__ import annotations

import re
from functools import cache

from vnextract.extractor.resources import read_rows
from vnextract.extractor.types import Mention, SegmentedText

CLASS = r"hạng\s+(?P<cls>nhất|nhì|hai|ba|iii|ii|i|1|2|3)(?!\w)"
CLASS_VALUES = {"nhất": 1, "i": 1, "1": 1, "nhì": 2, "hai": 2, "ii": 2, "2": 2, "ba": 3, "iii": 3, "3": 3}
_MORE_CLASS = re.compile(rf"(?:\s*,\s*|\s+và\s+){CLASS}", re.IGNORECASE)
# Sports medals, party badges and contest prizes look like awards and are not (ANNOTATION.md).
_NOT_AFTER = re.compile(r"\s+(?:vàng|bạc|đồng)\b", re.IGNORECASE)
_GENERIC_STARTS = ("thành phố", "tỉnh", "đơn vị", "chiến sĩ", "lao động", "gia đình", "thôn", "làng", "tập thể")
_TITLE_CUE = re.compile(r"danh hiệu\s*[\"']?\s*$", re.IGNORECASE)


@cache
def _lexicon() -> tuple[re.Pattern[str], list[tuple[re.Pattern[str], str, str, str]]]:
    rows = []
    for pattern, canonical, category, level in read_rows("awards.tsv"):
        regex = pattern.replace(" ", r"\s+")
        rows.append((re.compile(rf"(?:{regex})", re.IGNORECASE), canonical, category, level))
    combined = "|".join(f"(?:{p.pattern})" for p, *_ in sorted(rows, key=lambda r: -len(r[0].pattern)))
    return re.compile(rf"(?<!\w)(?:{combined})(?:\s+{CLASS})?(?!\w)", re.IGNORECASE), rows


def _describe(surface: str) -> tuple[str, str, str]:
    _, rows = _lexicon()
    matched = [(m.end(), r) for r in rows if (m := r[0].match(surface))]
    best = max(matched, key=lambda pair: pair[0])[1]
    return best[1], best[2], best[3]


def recognise(doc: SegmentedText) -> list[Mention]:
    text = doc.text
    pattern, _ = _lexicon()
    mentions = []
    for m in pattern.finditer(text):
        start, end = m.start(), m.end()
        surface = text[start:end]
        if surface.casefold().startswith("huy chương") and _NOT_AFTER.match(text, end - 0):
            continue
        if (surface[0].islower() and surface.casefold().startswith(_GENERIC_STARTS)
                and not _TITLE_CUE.search(text, max(0, start - 15), start)):
            continue                                   # "gia đình văn hóa" in running text, not as a title
        kind, category, level = _describe(surface)
        attrs: dict = {"type": kind, "category": category}
        if level:
            attrs["level"] = level
        if m.group("cls"):
            attrs["class"] = CLASS_VALUES[m.group("cls").casefold()]
        mentions.append(Mention("AWARD", start, end, surface, attrs=attrs, explanation="award lexicon"))
        position = end
        while attrs.get("class") and (more := _MORE_CLASS.match(text, position)):
            cls_start = more.start() + more.group(0).casefold().index("hạng")
            extra = {**attrs, "class": CLASS_VALUES[more.group("cls").casefold()]}
            mentions.append(Mention("AWARD", cls_start, more.end(), text[cls_start:more.end()], attrs=extra,
                                    explanation="coordinated class"))
            position = more.end()
    return mentions
