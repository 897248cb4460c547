"""The document date (`meta.date`) as a span of days with its precision, and the province scheme it
implies: nothing compares dates as strings ("~2005-2006" >= "2025-07-01" is true as strings).

`parse_document_date` reads what archives write: ISO dates, months and years ("2019-12-13",
"2019-12", "2019"), compact ones ("20210427", "202104"), Vietnamese day-first ones ("13/12/2019",
"ngày 13 tháng 12 năm 2019", "tháng 12/2019"), ranges of years ("2005-2006", "~2005–2006") and
approximate years ("c. 2005", "khoảng 2005"). `province_scheme` picks the 63-unit or the 34-unit
scheme: from the date when it falls wholly before or after 1 July 2025, else from the text's own
cues ("(cũ)", "sau sáp nhập", "nay là", …), else `unknown` (the 63-unit scheme, as before).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any, Literal

Precision = Literal["day", "month", "year", "range"]
Basis = Literal["date", "text", "unknown"]

MERGER = dt.date(2025, 7, 1)          # the 34 provincial units (Resolution 202/2025/QH15) from this day
HUE_CITY = dt.date(2025, 1, 1)        # Huế a centrally-run city (Resolution 1314/NQ-UBTVQH15) from this day


@dataclass(frozen=True)
class DocumentDate:
    """The days a document date may denote, first and last inclusive."""

    start: dt.date
    end: dt.date
    precision: Precision
    approximate: bool = False

    @property
    def year(self) -> int | None:
        """The year, when the date lies within one."""
        return self.start.year if self.start.year == self.end.year else None

    def before(self, day: dt.date) -> bool:
        return self.end < day

    def on_or_after(self, day: dt.date) -> bool:
        return self.start >= day


def _month_end(year: int, month: int) -> dt.date:
    return (dt.date(year + month // 12, month % 12 + 1, 1)) - dt.timedelta(days=1)


def _day(year: int, month: int, day: int) -> DocumentDate | None:
    try:
        value = dt.date(year, month, day)
    except ValueError:
        return None
    return DocumentDate(value, value, "day")


def _month(year: int, month: int) -> DocumentDate | None:
    if not (1 <= month <= 12 and 1 <= year <= 9999):
        return None
    return DocumentDate(dt.date(year, month, 1), _month_end(year, month), "month")


def _years(first: int, last: int) -> DocumentDate | None:
    if not (1 <= first <= last <= 9999):
        return None
    return DocumentDate(dt.date(first, 1, 1), dt.date(last, 12, 31), "year" if first == last else "range")


_APPROXIMATE = re.compile(r"^(?:~|≈|c\.|ca\.|circa|khoảng|about|around)\s*|\s*\?$", re.IGNORECASE)
_YEAR_WORD = re.compile(r"^(?:năm|year)\s+", re.IGNORECASE)
_PATTERNS: list[tuple[re.Pattern[str], Any]] = [
    (re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?"), lambda m: _day(*map(int, m.groups()))),
    (re.compile(r"(\d{4})(\d{2})(\d{2})"), lambda m: _day(*map(int, m.groups()))),
    (re.compile(r"(\d{4})[-/.](\d{1,2})"), lambda m: _month(int(m[1]), int(m[2]))),
    (re.compile(r"(\d{4})(\d{2})"), lambda m: _month(int(m[1]), int(m[2]))),
    (re.compile(r"(\d{4})"), lambda m: _years(int(m[1]), int(m[1]))),
    (re.compile(r"(\d{4})\s*(?:-|–|—|/|đến|to)\s*(\d{4})"), lambda m: _years(int(m[1]), int(m[2]))),
    (re.compile(r"(?:ngày\s+)?(\d{1,2})\s*(?:[/.-]|\s+tháng\s+)(\d{1,2})\s*(?:[/.-]|\s+năm\s+)(\d{4})", re.IGNORECASE),
     lambda m: _day(int(m[3]), int(m[2]), int(m[1]))),
    (re.compile(r"(?:tháng\s+)?(\d{1,2})\s*(?:[/.-]|\s+năm\s+)(\d{4})", re.IGNORECASE), lambda m: _month(int(m[2]), int(m[1]))),
]


def parse_document_date(value: object) -> DocumentDate | None:
    """`meta.date` as a DocumentDate, or None when it is missing or not a date."""
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return DocumentDate(value, value, "day")
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str):
        return None
    text = _APPROXIMATE.sub("", value.strip())
    approximate = text != value.strip()
    text = _YEAR_WORD.sub("", text)
    for pattern, build in _PATTERNS:
        m = pattern.fullmatch(text)
        if m:
            parsed = build(m)
            if parsed is None:
                return None
            return DocumentDate(parsed.start, parsed.end, parsed.precision, approximate)
    parts = _RANGE.split(text)            # "2019-12-01/2020-01-31", "03/2019 – 06/2019"
    if len(parts) == 2:
        first, last = parse_document_date(parts[0]), parse_document_date(parts[1])
        if first and last and first.start <= last.end:
            return DocumentDate(first.start, last.end, "range", approximate or first.approximate or last.approximate)
    return None


_RANGE = re.compile(r"\s*(?:/|–|—|\s-\s|\sđến\s)\s*")


@dataclass(frozen=True)
class SchemeChoice:
    scheme: Literal["legacy63", "y2025"]
    basis: Basis


# Cues that the text was written after 1 July 2025 (it speaks of the old units as old) or before it.
_AFTER = re.compile(r"\((?:cũ|mới)\)|\b(?:sau|khi)\s+(?:khi\s+)?(?:sáp nhập|hợp nhất)|\bnay là\b|\btỉnh\s+mới\b|"
                    r"\b34\s+tỉnh|chính quyền địa phương (?:hai|2) cấp|\bđã sáp nhập\b", re.IGNORECASE)
_BEFORE = re.compile(r"\b63\s+tỉnh|\b(?:dự kiến|sẽ|trước khi|chưa)\s+(?:sáp nhập|hợp nhất)", re.IGNORECASE)
_UNCERTAIN_DAYS = 366                 # an approximate date this close to the merger does not decide


def province_scheme(date: DocumentDate | None, text: str) -> SchemeChoice:
    """The province scheme a document uses, and what decided it."""
    if date is not None:
        margin = dt.timedelta(days=_UNCERTAIN_DAYS if date.approximate else 0)
        if date.end + margin < MERGER:
            return SchemeChoice("legacy63", "date")
        if date.start - margin >= MERGER:
            return SchemeChoice("y2025", "date")
    after, before = len(_AFTER.findall(text)), len(_BEFORE.findall(text))
    if after > before:
        return SchemeChoice("y2025", "text")
    if before > after:
        return SchemeChoice("legacy63", "text")
    return SchemeChoice("legacy63", "unknown")
