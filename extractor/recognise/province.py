"""PROVINCE: every province-level name across eras and its variants (gazetteer from
vietnamadminunits plus models/lexicons/province_aliases.tsv), spanned without the type word, and
kept apart from persons, awards, streets, lower-level units and organisations named after people."""

from __future__ import annotations

import re

from vnextract.extractor.dates import HUE_CITY, parse_document_date, province_scheme
from vnextract.extractor.lexicon import province_matcher
from vnextract.extractor.recognise.base import left_context
from vnextract.extractor.types import Mention, SegmentedText

_TYPE_CUE = re.compile(r"(?<!\w)(?:tỉnh|thành phố|tp\.?|thủ đô)\s*\Z")
_CITY_CUE = re.compile(r"(?<!\w)(?:thành phố|tp\.?)\s*\Z")
_LOWER_UNIT = re.compile(
    r"(?<!\w)(?:huyện|quận|thị xã|tx\.?|xã|phường|thị trấn|đường|(?<!thành )phố|sông|chợ|bến xe|ga|sân bay|đại lộ|"
    r"thôn|làng|ấp|bản|đặc khu|núi|hồ|nhà hát|khách sạn|quảng trường|chiến dịch)\s*\Z"
)
_NAME_WORD_BEFORE = re.compile(r"(?<!\w)(\w+) $")
_HONORIFICS = {"ông", "bà", "anh", "chị", "em", "cô", "chú", "bác", "cháu", "cụ", "đồng", "chí", "thầy", "cậu", "mẹ"}
_WORD = re.compile(r"\w+")
_ERA_MARK = re.compile(r"\s*\((cũ|mới)\)")
CENTRAL_CITIES = {"Hà Nội", "Hải Phòng", "Đà Nẵng", "Hồ Chí Minh", "Cần Thơ"}


def _alone_on_its_line(text: str, start: int, end: int) -> bool:
    """Only white space before the span on its line, and only spaces and full stops after it (read
    outwards from the span, so the cost does not grow with the line's length)."""
    k = start - 1
    while k >= 0 and text[k] != "\n" and text[k].isspace():
        k -= 1
    if k >= 0 and text[k] != "\n":
        return False
    k = end
    while k < len(text) and text[k] in " .":
        k += 1
    return k == len(text) or text[k] == "\n"


def recognise(doc: SegmentedText) -> list[Mention]:
    text = doc.text
    matcher = province_matcher()
    pattern, gazetteer, name_words = matcher.pattern, matcher.gazetteer, matcher.name_words
    doc_date = parse_document_date(doc.meta.get("date"))
    hue_city = doc_date is not None and doc_date.on_or_after(HUE_CITY)      # Huế a city of its own
    choice = province_scheme(doc_date, text)
    mentions = []
    for m in pattern.finditer(text):
        start, end = m.start(), m.end()
        surface = text[start:end]
        if not all(w[0].isupper() or w[0].isdigit() for w in _WORD.findall(surface)):
            continue                                   # "giải Nobel Hòa bình", "vì hòa bình": peace, not the province
        found = gazetteer.canonical(surface)
        if found is None:
            continue
        name, needs_cue = found
        before = left_context(text, start, 30)
        has_cue = bool(_TYPE_CUE.search(before))
        if _LOWER_UNIT.search(before):
            continue
        if _CITY_CUE.search(before) and name not in CENTRAL_CITIES and not (name == "Huế" and hue_city):
            continue                                   # "thành phố Vĩnh Yên", "TP Thái Bình": a city inside a province
        if name == "Huế" and not hue_city:
            continue                                   # before 2025 Huế is a city inside Thừa Thiên Huế
        if needs_cue and not has_cue and not (name == "Huế" and hue_city):
            continue
        previous = _NAME_WORD_BEFORE.search(text, max(0, start - 20), start)
        if not has_cue and previous and (previous.group(1).casefold() in _HONORIFICS
                                         or (previous.group(1)[0].isupper()
                                             and previous.group(1).casefold() in name_words)):
            continue                                   # "ông Thái Bình", "Nguyễn Văn Huế": a person
        if (name, text[end:end + 6]) in {("Thái Bình", " Dương"), ("Điện Biên", " Phủ")}:
            continue                                   # Thái Bình Dương (the Pacific), the city of Điện Biên Phủ
        if not has_cue and _alone_on_its_line(text, start, end):
            continue                                   # a name alone on its line is a byline, not a place
        marked = _ERA_MARK.match(text, end)                 # "Phú Thọ (cũ)", "Phú Thọ (mới)"
        scheme = ("legacy63" if marked.group(1) == "cũ" else "y2025") if marked else choice.scheme
        unit = gazetteer.unit(name, scheme=scheme)
        attrs: dict = {"name": name}
        if unit:
            attrs.update({"code": unit.code, "scheme": unit.scheme, "type": unit.type, "region": unit.region,
                          "unit_2025": unit.unit_2025, "unit_2025_code": unit.unit_2025_code})
            if unit.merged_from:
                attrs["merged_from"] = list(unit.merged_from)
            if unit.became:
                attrs["became"] = list(unit.became)
            attrs["scheme_basis"] = "text" if marked else choice.basis
        mentions.append(Mention("PROVINCE", start, end, surface, attrs={k: v for k, v in attrs.items() if v},
                                explanation="gazetteer" + (" + type word" if has_cue else "")))
    return mentions
