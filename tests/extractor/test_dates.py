"""The document date means what it says: parsed with its precision, and the province scheme follows
from a precise date, else from the text's own cues, and says which."""

from __future__ import annotations

import datetime as dt

import pytest

from vnextract.extractor.dates import parse_document_date, province_scheme

D = dt.date


@pytest.mark.parametrize("value, start, end, precision, approximate", [
    ("2019-12-13", D(2019, 12, 13), D(2019, 12, 13), "day", False),
    ("2019-12-13T08:30:00+07:00", D(2019, 12, 13), D(2019, 12, 13), "day", False),
    ("20210427", D(2021, 4, 27), D(2021, 4, 27), "day", False),
    ("13/12/2019", D(2019, 12, 13), D(2019, 12, 13), "day", False),
    ("ngày 5 tháng 7 năm 2025", D(2025, 7, 5), D(2025, 7, 5), "day", False),
    ("2019-12", D(2019, 12, 1), D(2019, 12, 31), "month", False),
    ("202402", D(2024, 2, 1), D(2024, 2, 29), "month", False),
    ("tháng 6/2025", D(2025, 6, 1), D(2025, 6, 30), "month", False),
    ("2025", D(2025, 1, 1), D(2025, 12, 31), "year", False),
    ("năm 2024", D(2024, 1, 1), D(2024, 12, 31), "year", False),
    ("c. 2005", D(2005, 1, 1), D(2005, 12, 31), "year", True),
    ("~2005-2006", D(2005, 1, 1), D(2006, 12, 31), "range", True),
    ("2005–2006", D(2005, 1, 1), D(2006, 12, 31), "range", False),
    ("2025-03-01/2025-09-30", D(2025, 3, 1), D(2025, 9, 30), "range", False),
    (dt.date(2020, 1, 2), D(2020, 1, 2), D(2020, 1, 2), "day", False),
])
def test_dates_are_parsed_with_their_precision(value, start, end, precision, approximate):
    date = parse_document_date(value)
    assert (date.start, date.end, date.precision, date.approximate) == (start, end, precision, approximate)


@pytest.mark.parametrize("value", [None, "", "không rõ", "2021-02-30", "13/13/2019", "2006-2005", True])
def test_what_is_not_a_date_is_none(value):
    assert parse_document_date(value) is None


NEUTRAL = "UBND tỉnh Gia Lai tổ chức hội nghị tổng kết công tác thi đua, khen thưởng."
AFTER = "UBND tỉnh Gia Lai (mới) tổ chức hội nghị; sau sáp nhập, tỉnh có 135 xã, phường."
BEFORE = "Theo đề án, tỉnh Gia Lai và tỉnh Bình Định dự kiến sáp nhập; cả nước hiện có 63 tỉnh, thành phố."


@pytest.mark.parametrize("date, text, scheme, basis", [
    ("2024-12-18", AFTER, "legacy63", "date"),              # a precise date wins over the text
    ("2025-06-30", AFTER, "legacy63", "date"),
    ("2025-07-01", NEUTRAL, "y2025", "date"),
    ("~2005-2006", NEUTRAL, "legacy63", "date"),
    ("20210427", NEUTRAL, "legacy63", "date"),
    ("c. 2005", NEUTRAL, "legacy63", "date"),
    ("2025", AFTER, "y2025", "text"),                      # a year across 1 July 2025: the text decides
    ("2025", BEFORE, "legacy63", "text"),
    ("2025", NEUTRAL, "legacy63", "unknown"),
    ("~2025", AFTER, "y2025", "text"),
    ("~2026", NEUTRAL, "legacy63", "unknown"),             # an approximate year this close does not decide
    (None, AFTER, "y2025", "text"),
    (None, "Tỉnh Phú Thọ mới, nay là đơn vị hợp nhất từ ba tỉnh.", "y2025", "text"),
    (None, NEUTRAL, "legacy63", "unknown"),
])
def test_the_province_scheme_and_its_basis(date, text, scheme, basis):
    choice = province_scheme(parse_document_date(date), text)
    assert (choice.scheme, choice.basis) == (scheme, basis)


def _provinces(extractor, text, date):
    meta = {"date": date} if date is not None else {}
    return [(e.text, e.attrs.get("code"), e.attrs.get("scheme"), e.attrs.get("scheme_basis"))
            for e in extractor.extract(text, meta).entities if e.label == "PROVINCE"]


def test_province_codes_follow_the_date_not_its_spelling(extractor):
    assert _provinces(extractor, NEUTRAL, "~2005-2006") == [("Gia Lai", "64", "legacy63", "date")]
    assert _provinces(extractor, NEUTRAL, "20210427") == [("Gia Lai", "64", "legacy63", "date")]
    assert _provinces(extractor, NEUTRAL, "2025-08-15") == [("Gia Lai", "52", "y2025", "date")]


def test_province_codes_from_the_text_when_the_date_does_not_decide(extractor):
    assert _provinces(extractor, AFTER, "2025")[0] == ("Gia Lai", "52", "y2025", "text")
    assert _provinces(extractor, NEUTRAL, None) == [("Gia Lai", "64", "legacy63", "unknown")]
    old = "Sau sáp nhập, tỉnh Phú Thọ gồm tỉnh Vĩnh Phúc, tỉnh Hòa Bình và tỉnh Phú Thọ (cũ)."
    found = _provinces(extractor, old, None)
    assert found[0] == ("Phú Thọ", "25", "y2025", "text") and found[-1] == ("Phú Thọ", "25", "legacy63", "text")


def test_a_missing_year_is_inferred_only_from_a_date_within_one_year(extractor):
    def inferred(date):
        entities = extractor.extract("Hội nghị diễn ra ngày 18/12 tại Hà Nội.", {"date": date}).entities
        return [e.attrs.get("inferred") for e in entities if e.label == "DATE"]

    assert inferred("20191218") == ["2019-12-18"]
    assert inferred("c. 2005") == ["2005-12-18"]
    assert inferred("~2005-2006") == [None]
