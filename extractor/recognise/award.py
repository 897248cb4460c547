"""AWARD: orders, medals, state honorary titles, state prizes, commemorative medals, certificates
of merit, emulation flags and titles (lexicon models/lexicons/awards.tsv), with the class written
after them, and coordinated classes ('… hạng Nhất và hạng Nhì') as separate spans. A foreign
state's order is spanned with its name ('Huân chương Bắc Đẩu Bội tinh'); an order or medal of a
federation or a club, and a contest's honours, are not awards."""

from __future__ import annotations

import re
from functools import cache

from vnextract.extractor.lexicon import head_word_at, organisation_lexicon, title_words
from vnextract.extractor.resources import read_rows
from vnextract.extractor.types import Mention, SegmentedText

CLASS = r"hạng\s+(?P<cls>nhất|nhì|hai|ba|iii|ii|i|1|2|3)(?!\w)"
CLASS_VALUES = {"nhất": 1, "i": 1, "1": 1, "nhì": 2, "hai": 2, "ii": 2, "2": 2, "ba": 3, "iii": 3, "3": 3}
_MORE_CLASS = re.compile(rf"(?:\s*,\s*|\s+và\s+){CLASS}", re.IGNORECASE)
# Sports medals, party badges and contest prizes look like awards and are not (ANNOTATION.md).
_NOT_AFTER = re.compile(r"\s+(?:vàng|bạc|đồng)\b", re.IGNORECASE)
_GENERIC_STARTS = ("thành phố", "tỉnh", "đơn vị", "chiến sĩ", "lao động", "gia đình", "thôn", "làng", "tập thể")
_TITLE_CUE = re.compile(r"danh hiệu\s*[\"']?\s*$", re.IGNORECASE)
# Bodies that are neither a state nor part of one: their orders and medals are not state awards. The
# trade unions' confederation and federations (Tổng Liên đoàn Lao động, Liên đoàn Lao động tỉnh …) are
# socio-political organisations that confer awards under the law (reference/awards.md A18).
_NON_STATE = (r"(?:(?<!Tổng )Liên đoàn(?!\s+Lao động)|Hiệp hội|Câu lạc bộ|CLB|Ủy ban Olympic|Liên minh|FIFA|AFC|AFF|UEFA|"
              r"IOC|OCA|FIVB|FIBA|Tổ chức phi chính phủ|Hội đồng Olympic)")
_NON_STATE_BEFORE = re.compile(rf"{_NON_STATE}(?!\w)[^.;!?\n]{{0,60}}?(?:trao tặng|tặng|trao|truy tặng)\s+\Z")
_NON_STATE_AFTER = re.compile(rf"\s+(?:của|do)\s+{_NON_STATE}(?!\w)")
# A contest's honours: "Bằng khen" of an organising board or a contest, or listed with contest medals and prizes.
_CONTEST = (r"(?:[Bb]an [Tt]ổ chức|BTC|[Bb]an [Gg]iám khảo|[Hh]ội đồng [Gg]iám khảo|[Kk]ỳ thi|[Cc]uộc thi|[Hh]ội thi|"
            r"[Ll]iên hoan|[Hh]ội diễn|[Gg]iải thưởng|[Gg]iải\s|Olympic)")
_CONTEST_AFTER = re.compile(rf"\s+(?:của|do)\s+{_CONTEST}|\s*\(hạng mục")
_CONTEST_BEFORE = re.compile(
    rf"{_CONTEST}[^.;!?\n]{{0,40}}?(?:trao tặng|tặng|trao)\s+(?:\d+\s+)?\Z"
    rf"|(?:HC[VBĐ]|[Hh]uy chương (?:[Vv]àng|[Bb]ạc|[Đđ]ồng)|[Gg]iải (?:[Nn]hất|[Nn]hì|[Bb]a|[Kk]huyến khích|[Đđ]ặc biệt))"
    rf"[^.;!?\n]{{0,40}}?(?:,|\s+và|\s+cùng)\s*(?:\d+\s+)?\Z")
_WINDOW = 80
_FOREIGN_NAME_STOP = frozenset({"hạng", "cho", "của", "do", "vì", "từ", "năm", "và", "tại", "lần"})


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


def _foreign_order_end(doc: SegmentedText, position: int) -> int | None:
    """End of the name after a bare "Huân chương" that the lexicon does not know (a foreign
    state's order, "Huân chương Công trạng danh dự"): a capitalised word that is not an
    organisation or a title, then up to four more words, stopping at a function word or punctuation."""
    text = doc.text
    tokens, i = doc.word_at_or_after(position)
    if i >= len(tokens) or text[position:tokens[i].start] != " " or not tokens[i].text[0].isupper():
        return None
    if head_word_at(text, tokens[i].start) or title_words().match(text, tokens[i].start):
        return None                                    # "Huân chương Chủ tịch nước trao", "Huân chương UBND tỉnh …"
    stop = organisation_lexicon().stop
    end, taken = None, 0
    while i < len(tokens) and taken < 5:
        token = tokens[i]
        if end is not None and text[end:token.start] != " ":
            break
        word = token.text
        if not word[0].isalpha() or word.casefold() in stop or word.casefold() in _FOREIGN_NAME_STOP:
            break
        end, taken, i = token.end, taken + 1, i + 1
    return end


def recognise(doc: SegmentedText) -> list[Mention]:
    text = doc.text
    pattern, _ = _lexicon()
    mentions = []
    for m in pattern.finditer(text):
        start, end = m.start(), m.end()
        surface = text[start:end]
        folded = surface.casefold()
        if folded.startswith("huy chương") and _NOT_AFTER.match(text, end - 0):
            continue
        before = text[max(0, start - _WINDOW):start]
        if folded.startswith(("huân chương", "huy chương", "kỷ niệm chương")) and (
                _NON_STATE_BEFORE.search(before) or _NON_STATE_AFTER.match(text, end)):
            continue                                   # a federation's or a club's "huân chương" is not a state award
        if folded.startswith(("bằng khen", "giấy khen")) and (
                _CONTEST_AFTER.match(text, end) or _CONTEST_BEFORE.search(before)):
            continue                                   # a contest's honourable mention
        if folded == "huân chương" and not m.group("cls"):
            named = _foreign_order_end(doc, end)
            if named:
                end, surface = named, text[start:named]
                more = re.compile(rf"\s+{CLASS}(?!\w)", re.IGNORECASE).match(text, end)
                named_attrs: dict = {"type": surface, "category": "order", "level": "foreign"}
                if more:
                    named_attrs["class"] = CLASS_VALUES[more.group("cls").casefold()]
                    end, surface = more.end(), text[start:more.end()]
                mentions.append(Mention("AWARD", start, end, surface, attrs=named_attrs, explanation="order with its name"))
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
