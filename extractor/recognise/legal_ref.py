"""LEGAL_REF: documents cited by number ('Quyết định số 28/2018/QĐ-TTg', 'Nghị định 98',
'Chỉ thị 05-CT/TW', 'Giấy phép xuất bản số: 23/GP-TTĐT'), laws cited by name ('Luật Thi đua,
khen thưởng'), and bare number symbols ('98/2023/NĐ-CP'). Patterns follow reference/numbers.md §3."""

from __future__ import annotations

import re
from functools import cache

from vnextract.extractor.recognise.base import Claimed
from vnextract.extractor.resources import read_lines
from vnextract.extractor.types import Mention, SegmentedText

NORMATIVE = (r"\d{1,4}/(?:19|20)\d{2}/(?:[A-ZĐ][A-Za-zĐđ]{0,5}(?:[-/][A-ZĐa-z0-9&]{1,12})+|QH\d{1,2}|UBTVQH\d{1,2})")
ADMIN = r"\d{1,5}/(?:[A-ZĐ][A-Za-zĐđ]{0,5}(?:-[A-ZĐa-z0-9&]{1,12})+|[A-ZĐ][A-Za-zĐđ]{1,7}(?:-[A-ZĐ0-9]{1,8})*)"
PARTY = r"\d{1,4}-[A-ZĐ][A-Za-zĐ]{0,4}/[A-ZĐ]{1,8}"
SYMBOL = rf"(?:{NORMATIVE}|{PARTY}|{ADMIN})"
# After a document type word only: a police unit's code ("12/C01", "05/PC45-Đ2") and a number with its
# year alone ("Nghị định 15/2020"); by themselves these read as ratios or dates.
POLICE = r"\d{1,5}/[A-Z]{1,3}\d{1,3}(?:-[A-ZĐ0-9]{1,8})*(?![\w/])"
YEAR_ONLY = r"\d{1,4}/(?:19|20)\d{2}(?![\w/])"
NUMBER = rf"(?:{POLICE}|{SYMBOL}|{YEAR_ONLY}|\d{{1,5}}(?![\d/]))"

TYPES = {
    "bộ luật": "Bộ luật", "luật": "Luật", "nghị định": "Nghị định", "nghị quyết": "Nghị quyết",
    "quyết định": "Quyết định", "thông tư liên tịch": "Thông tư liên tịch", "thông tư": "Thông tư",
    "chỉ thị": "Chỉ thị", "kết luận": "Kết luận", "quy định": "Quy định", "hướng dẫn": "Hướng dẫn",
    "kế hoạch": "Kế hoạch", "công văn": "Công văn", "thông báo": "Thông báo", "công điện": "Công điện",
    "pháp lệnh": "Pháp lệnh", "lệnh": "Lệnh", "giấy phép": "Giấy phép", "tờ trình": "Tờ trình",
    "bản án": "Bản án", "cáo trạng": "Cáo trạng",
    "nđ": "Nghị định", "nq": "Nghị quyết", "qđ": "Quyết định", "ct": "Chỉ thị", "tt": "Thông tư",
}
CODE_TYPES = {"NĐ": "Nghị định", "NQ": "Nghị quyết", "QĐ": "Quyết định", "TT": "Thông tư", "CT": "Chỉ thị",
              "KL": "Kết luận", "QyĐ": "Quy định", "HD": "Hướng dẫn", "KH": "Kế hoạch", "TB": "Thông báo",
              "CĐ": "Công điện", "GP": "Giấy phép", "TTLT": "Thông tư liên tịch"}
_STRONG_TYPES = {"Quyết định", "Nghị định", "Nghị quyết", "Thông tư", "Chỉ thị", "Công văn", "Công điện"}
_TYPE_WORDS = "|".join(k.replace(" ", r"\s+") for k in sorted((k for k in TYPES if len(k) > 2), key=len, reverse=True))
_TYPE_ABBR = r"NĐ|NQ|QĐ|CT|TT"

BY_NUMBER = re.compile(
    rf"(?<!\w)(?<!kỷ )(?<!Pháp )(?P<type>(?i:{_TYPE_WORDS})|{_TYPE_ABBR})"
    rf"(?P<between>(?:\s+(?!số\b)(?!(?i:{_TYPE_WORDS})\b)[^\W\d][\w]*){{0,6}}?)"
    rf"(?:\s+|\s*(?P<so>số)\s*:?\s*)(?P<number>{NUMBER})"
)
FOLLOWING = re.compile(rf"(?:\s*,\s*|\s+và\s+)(?P<number>\d{{1,5}}(?![\d/])|{SYMBOL})")
BARE = re.compile(rf"(?<![\w/]){SYMBOL}(?![\w/])")
LAW_NAME = re.compile(r"(?<!\w)(?<!kỷ )(?<![Pp]háp )(?P<type>Bộ luật|Luật|luật)\s+(?=[^\W\d])")
CONSTITUTION = re.compile(r"(?<!\w)Hiến pháp(?!\w)")     # the fundamental law, cited by name: "Hiến pháp năm 2013"


@cache
def _law_names() -> re.Pattern[str]:
    names = sorted(read_lines("law_names.txt"), key=len, reverse=True)
    alternation = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in names)
    return re.compile(rf"(?:{alternation})(?!\w)", re.IGNORECASE)
_LAW_STOP = {"năm", "số", "của", "ngày", "đã", "được", "thì", "là", "có", "này", "và", "hoặc", "để", "theo", "cho",
             "với", "về", "tại", "trong", "khi", "mà", "do", "như", "vào", "cũng", "sẽ", "đang", "bị", "nhưng",
             "hay", "không", "các", "những", "sửa", "mới", "hiện", "hành", "quy", "nêu", "trên", "đó",
             "sáng", "chiều", "tối", "trưa", "hôm"}   # a time opening the next sentence: "… Luật Thủ đô Chiều nay, …"
_NOT_LAW = {"sư", "pháp", "lệ", "chơi", "rừng", "này", "nào", "đó", "sư,", "gia", "học"}


def _code_type(number: str) -> str | None:
    match = re.search(r"/(?:\d{4}/)?([A-Za-zĐđ]+)[-/]", number) or re.search(r"-([A-Za-zĐ]+)/", number)
    return CODE_TYPES.get(match.group(1)) if match else None


def _attrs(kind: str | None, number: str | None) -> dict:
    attrs: dict = {}
    if kind:
        attrs["type"] = kind
    if number:
        attrs["number"] = number
        year = re.search(r"/((?:19|20)\d{2})(?:/|$)", number)
        if year:
            attrs["year"] = int(year.group(1))
        issuer = re.search(r"[-/]([A-Za-zĐđ0-9&]+)$", number)
        if issuer and "/" in number and not issuer.group(1).isdigit():
            attrs["issuer_code"] = issuer.group(1)
    return attrs


def _law_name_end(doc: SegmentedText, m: re.Match[str]) -> int | None:
    """End of a law's name: a known name if one starts here, else the first compound word
    (underthesea's segmentation) and any capitalised words right after it."""
    start = m.end()
    words = list(re.finditer(r"[\w&]+", doc.text[start:start + 80].split("\n", 1)[0]))
    if not words or words[0].group(0).casefold() in _NOT_LAW:
        return None
    if m.group("type") == "luật" and not words[0].group(0)[0].isupper():
        return None
    known = _law_names().match(doc.text, start)
    if known:
        numbered = re.compile(rf"\s+số\s+{NUMBER}").match(doc.text, known.end())
        return numbered.end() if numbered else known.end()
    paragraph_words, first = doc.word_at_or_after(start)
    following = paragraph_words[first:]
    if following and following[0].start == start and " " in following[0].text:
        end = following[0].end
        for token in following[1:]:
            if not token.text[0].isupper() or token.text.split()[0].casefold() in _LAW_STOP:
                break
            end = token.end
        return end
    last: int | None = None
    for k, w in enumerate(words[:3]):
        if w.group(0).casefold() in _LAW_STOP or (k and doc.text[last:start + w.start()].strip(" \t-/")):
            break                                      # a comma or a bracket ends the name: "Luật BHYT, chất lượng …"
        last = start + w.end()
    return last


def recognise(doc: SegmentedText) -> list[Mention]:
    text = doc.text
    mentions: list[Mention] = []
    claimed = Claimed(len(text))

    def add(start: int, end: int, attrs: dict, why: str) -> None:
        if not claimed.free(start, end):
            return
        claimed.claim(start, end)
        mentions.append(Mention("LEGAL_REF", start, end, text[start:end], attrs=attrs, explanation=why))

    for m in BY_NUMBER.finditer(text):
        raw_type = m.group("type")
        kind = TYPES.get(re.sub(r"\s+", " ", raw_type.casefold()))
        if raw_type.isupper() and raw_type.casefold() in ("ct", "tt") and "/" not in m.group("number"):
            continue                                   # "CT 12" or "TT 5" with a bare number is too ambiguous
        if (raw_type[0].islower() and not m.group("so") and "/" not in m.group("number")
                and kind not in _STRONG_TYPES):
            continue                                   # "kế hoạch 30-40%", "thông báo 2 lần"
        between = m.group("between")
        if between and not m.group("so"):
            continue                                   # extra words are allowed only before "số"
        number = m.group("number")
        if re.fullmatch(YEAR_ONLY, number) and raw_type[0].islower() and not m.group("so"):
            continue                                   # "kế hoạch 5/2020" may be a month; "Nghị định 15/2020" is not
        add(m.start(), m.end(), _attrs(kind, number), "document type + number")
        position = m.end()
        while follow := FOLLOWING.match(text, position):
            add(follow.start("number"), follow.end(), _attrs(kind, follow.group("number")), "listed number")
            position = follow.end()
    for m in LAW_NAME.finditer(text):
        end = _law_name_end(doc, m)
        if end:
            add(m.start(), end, {"type": TYPES[m.group("type").casefold()]}, "law by name")
    for m in CONSTITUTION.finditer(text):
        add(m.start(), m.end(), {"type": "Hiến pháp"}, "law by name")
    for m in BARE.finditer(text):
        number = m.group(0)
        add(m.start(), m.end(), _attrs(_code_type(number), number), "number symbol")
    return mentions
