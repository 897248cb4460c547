"""DATE: a day and month, or a month and year ('13/12/2019', 'ngày 13/12', 'tháng 12/2019',
'ngày 13 tháng 12 năm 2019', ranges 'ngày 1 - 9/5'). Values are ISO 8601 as far as written; a
missing year is inferred from the document date and marked so."""

from __future__ import annotations

import re

from vnextract.extractor.dates import parse_document_date
from vnextract.extractor.recognise.base import Claimed, left_context
from vnextract.extractor.types import Mention, SegmentedText

_D = r"(?P<{n}d>\d{{1,2}})"
_M = r"(?P<{n}m>\d{{1,2}})"
_Y = r"(?P<{n}y>\d{{4}})"


def _numeric(n: str, sep: str) -> str:
    return rf"{_D.format(n=n)}\s?{sep}\s?{_M.format(n=n)}(?:{sep}{_Y.format(n=n)})?"


_SLASH = _numeric("a", "/")
_SLASH_B = _numeric("b", "/")
_DASH = _numeric("a", "-")
_DOT = _numeric("a", r"\.")
_WORDS = r"(?P<ad>\d{1,2})\s+tháng\s+(?P<am>\d{1,2})(?:(?:\s+năm\s+|\s?/\s?|[.-])(?P<ay>\d{4}))?"
_PREFIX = r"(?P<prefix>(?:ngày|Ngày|NGÀY)\s+)?"


def _full(n: str, sep: str) -> str:
    return rf"{_D.format(n=n)}{sep}{_M.format(n=n)}{sep}{_Y.format(n=n)}"


PATTERNS = [
    # a range with one month: "ngày 1 - 9/5", "13 - 19/5/2017", "ngày 6 đến ngày 8/7/2017"
    re.compile(rf"{_PREFIX}(?P<from>\d{{1,2}})(?:\s*-\s*|(?P<to>\s+đến\s+(?:ngày\s+)?)){_SLASH}(?![\d/])"),
    # two full dates joined: "3/7/1957-3/7/2017", "27-7-1947 / 27-7-2017", "3.1.1986 - 3.1.2006" (but the gold
    # corpora keep "22-5-1927 - 22-5-2017" as two dates)
    re.compile(rf"{_PREFIX}{_SLASH}\s*-\s*{_SLASH_B}(?![\d/])"),
    re.compile(_PREFIX + _full("a", "-") + r"\s*/\s*" + _full("b", "-") + r"(?![\w/-])"),
    re.compile(_PREFIX + _full("a", r"\.") + r"\s*-\s*" + _full("b", r"\.") + r"(?!\w|\.\d)"),
    re.compile(rf"{_PREFIX}{_WORDS}(?!\d)", re.IGNORECASE),
    # a month and a year: "tháng 6/2017", "tháng 12 năm 2019", and in news "tháng 9.2018", "tháng 3-2019"
    re.compile(r"(?P<prefix>)(?<!\w)[Tt]háng\s+(?P<mm>\d{1,2})(?:\s?/\s?|\s+năm\s+|[.-])(?P<my>\d{4})(?![\d/]|[.-]\d)"),
    re.compile(rf"{_PREFIX}{_SLASH}(?![\d/]|\s?/)"),
    re.compile(rf"{_PREFIX}{_DASH}(?![\w\-/])"),
    re.compile(rf"{_PREFIX}{_DOT}(?!\w|\.\d)"),
]
_SLASH_KIND = next(k for k, p in enumerate(PATTERNS) if p.pattern.startswith(f"{_PREFIX}{_SLASH}(?!"))
# Every date starts with "ngày", "tháng" or a digit: a look-ahead lets the engine skip the other positions (the
# same matches, in 60% of the time).
PATTERNS = [re.compile(r"(?=[NnTt\d])" + p.pattern, p.flags) for p in PATTERNS]
_DOT_KIND = len(PATTERNS) - 1
# A fraction, not a date: "2/3 số hộ", "chiếm 1/4", "chỉ bằng 1/10 so với …", a war invalid's grade "thương binh
# hạng 1/4" (a day below its month, no year, no cue).
_FRACTION_BEFORE = re.compile(r"(?:chiếm|gần|hơn|khoảng|bằng|xấp xỉ|trên|dưới|hạng|tỷ lệ|tỉ lệ)\s*\Z")
_FRACTION_AFTER = re.compile(r"\s+(?:số|tổng|dân số|diện tích|lượng|khối lượng|thời gian|kinh phí|trong số|còn lại|so với)(?!\w)")
_TIME_CUE = re.compile(r"(?:ngày|sáng|chiều|tối|trưa|đêm|hôm|nay|qua|vào)\s*\Z")
_NOT_DATE_BEFORE = re.compile(r"(?:số\s*|[/\d,.-])\Z")


def _valid(day: int | None, month: int, year: int | None) -> bool:
    return 1 <= month <= 12 and (day is None or 1 <= day <= 31) and (year is None or 1800 <= year <= 2100)


def _iso(day: int | None, month: int, year: int | None) -> str:
    if day is None:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}-{month:02d}-{day:02d}" if year else f"--{month:02d}-{day:02d}"


def _doc_year(meta: dict) -> int | None:
    date = parse_document_date(meta.get("date"))
    return date.year if date else None


def _value(m: re.Match[str]) -> tuple[str, list[tuple[int | None, int, int | None]]] | None:
    g = m.groupdict()
    parts: list[tuple[int | None, int, int | None]]
    if g.get("mm"):
        parts = [(None, int(g["mm"]), int(g["my"]))]
    elif g.get("from"):
        month, year = int(g["am"]), int(g["ay"]) if g.get("ay") else None
        parts = [(int(g["from"]), month, year), (int(g["ad"]), month, year)]
    else:
        parts = [(int(g["ad"]), int(g["am"]), int(g["ay"]) if g.get("ay") else None)]
        if g.get("bd"):
            parts.append((int(g["bd"]), int(g["bm"]), int(g["by"]) if g.get("by") else None))
    if not all(_valid(*p) for p in parts):
        return None
    return "/".join(_iso(*p) for p in parts), parts


def _in_brackets(text: str, start: int, end: int) -> bool:
    """The match alone in round brackets, as news dates an event: "(14.5)"."""
    return text[start - 1:start] == "(" and text[end:end + 1] == ")"


def _fraction(text: str, m: re.Match[str]) -> bool:
    """A day/month with no year and no "ngày" that reads as a fraction: a day below its month and
    a quantity word after it or a qualifier before it."""
    if m.group("prefix") or m.group("ay") or int(m.group("ad")) >= int(m.group("am")):
        return False
    before = left_context(text, m.start(), 12)
    if _TIME_CUE.search(before):
        return False
    return bool(_FRACTION_BEFORE.search(before) or _FRACTION_AFTER.match(text, m.end()))


def recognise(doc: SegmentedText) -> list[Mention]:
    text = doc.text
    year = _doc_year(doc.meta)
    claimed = Claimed(len(text))
    mentions = []
    for kind, pattern in enumerate(PATTERNS):
        for m in pattern.finditer(text):
            start, end = m.start(), m.end()
            if not claimed.free(start, end):
                continue
            if not m.group("prefix") and _NOT_DATE_BEFORE.search(text[max(0, start - 6):start]):
                continue
            if kind == 0 and m.group("to") and not m.group("prefix"):
                continue                                  # "từ 6 đến 8/7" is a date range only as "ngày 6 đến 8/7"
            if kind == _DOT_KIND and not (m.group("ay") or m.group("prefix") or _in_brackets(text, start, end)
                                          or _TIME_CUE.search(left_context(text, start, 12))):
                continue                                  # "27.6" is a decimal unless cued or in brackets
            if kind == _SLASH_KIND and _fraction(text, m):
                continue
            parsed = _value(m)
            if parsed is None:
                continue
            value, parts = parsed
            attrs: dict = {"value": value}
            if any(p[2] is None and p[0] is not None for p in parts) and year:
                attrs["inferred"] = "/".join(_iso(d, mo, y or year) for d, mo, y in parts)
                attrs["year_inferred"] = True
            claimed.claim(start, end)
            mentions.append(Mention("DATE", start, end, text[start:end], attrs=attrs, explanation=f"date pattern {kind}"))
    return mentions
