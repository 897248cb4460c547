"""PERSON: Vietnamese names (a family name and one to three more capitalised syllables), names
after an honorific, a rank or a title ('ông Long', 'Chủ tịch Pany Yathotou'), bylines and photo
credits. Titles, honorifics, degrees and ranks stay outside the span; a name inside an award,
an organisation, a school or a street is not a person."""

from __future__ import annotations

import re
from functools import cache

from vnextract.extractor.recognise.base import alternation, country_names
from vnextract.extractor.recognise.province import province_at
from vnextract.extractor.resources import province_gazetteer, read_lines
from vnextract.extractor.types import Mention, SegmentedText

_TOKEN = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
NOT_AFTER = re.compile(
    r"(?<!\w)(?:đường|(?<!thành )phố|đại lộ|trường|thpt|thcs|chuyên|huân chương|huy chương|giải thưởng|giải|lăng|bảo tàng|cầu|"
    r"tncs|quỹ|công ty|tàu|sân bay|thôn|nhà hát|bệnh viện|khu|hẻm|ngõ|"
    r"chung cư|cảng|chợ|tập đoàn|làng|bến|sông|núi|đèo|hồ|vịnh|đảo|di tích|đền|chùa|nhà thờ|ga|mỏ|"
    r"đoàn thanh niên|thành phố mang tên|tên)\s*\Z"
)
_PLACE_TYPE_BEFORE = re.compile(r"(?:tỉnh|thành phố|tp\.?|thủ đô)\s*\Z")
_DISTRICT_BEFORE = re.compile(r"(?:quận|huyện|thị xã|xã|phường|thị trấn)\s*\Z")
_NOT_NAME_WORDS = frozenset({"Sáng", "Chiều", "Tối", "Trưa", "Ngày", "Hôm", "Theo", "Tại", "Trong", "Wiki", "TN", "Kênh",
                             "Video", "Clip", "Ảnh", "Nguồn", "Báo", "Bằng", "Việc", "Chưa", "Nhưng", "Khi", "Sau",
                             "Đây", "Đó", "Với", "Trước", "Tuy", "Nếu", "Để", "Còn", "Cũng", "Các", "Những", "Một",
                             "Hiện", "Tháng", "Ông", "Bà", "Do", "Vì", "Ngoài", "Bên"})
_HEADINGS = frozenset({"BÁO CÁO", "QUYẾT ĐỊNH", "THÔNG BÁO", "KẾ HOẠCH", "TỜ TRÌNH", "CÔNG VĂN", "NGHỊ QUYẾT",
                       "CHỈ THỊ", "THÔNG TƯ", "NGHỊ ĐỊNH", "GIẤY MỜI", "BIÊN BẢN", "TIN TỨC", "THỜI SỰ"})
_BYLINE_CUE = re.compile(r"(?:ảnh|nguồn|tin|bài|bài và ảnh|clip)\s*:\s*\Z|(?:\(ảnh|\bẢnh):?\s*\Z", re.IGNORECASE)


@cache
def surnames() -> frozenset[str]:
    return frozenset(read_lines("surnames.txt"))


@cache
def _lexicons() -> dict:
    # What comes right before a name, matched on the reversed text: a search for "… title\s*\Z"
    # tries every start in the window, a match on the reversed window tries one (same language).
    honorifics = alternation([h[::-1] for h in read_lines("honorifics.txt")])
    titles = alternation([t[::-1] for t in read_lines("titles.txt")])
    direct = re.compile(rf"\s*(?:{honorifics})(?!\w)", re.IGNORECASE)                 # "ông ", "GS.TS "
    title = re.compile(rf"\s*(?:{titles})(?!\w)", re.IGNORECASE)                      # "Chủ tịch "
    near = re.compile(rf"\s*(?:[\w&.-]+\s+){{1,6}}(?:{titles})(?!\w)", re.IGNORECASE)  # "Giám đốc Sở Y tế "
    return {
        "direct": direct,
        "title": title,
        "near": near,
        "honorific": frozenset(w.casefold() for w in read_lines("honorifics.txt")),
        "not_person": frozenset(read_lines("not_person_names.txt")),
    }


def _is_name_token(word: str) -> bool:
    head = word.split("-")[0]                          # "Lê-nin" → "Lê"; "-" → "" (not a name)
    return bool(head) and head[0].isupper() and (head[1:].islower() or len(head) == 1 or head.isupper())


def _caps_style(word: str) -> bool:
    """True for an all-capitals word of two letters or more ('LÊ', 'THOA'); runs do not mix styles."""
    return len(word) > 1 and word.isupper()


def _runs(text: str, start: int, end: int) -> list[list[re.Match[str]]]:
    """Runs of capitalised tokens separated by one space, within [start, end)."""
    runs: list[list[re.Match[str]]] = []
    current: list[re.Match[str]] = []
    for m in _TOKEN.finditer(text, start, end):
        word = m.group(0)
        if (_is_name_token(word) and current and text[current[-1].end():m.start()] == " "
                and _caps_style(word) == _caps_style(current[-1].group(0))):
            current.append(m)
            continue
        if current:
            runs.append(current)
        current = [m] if _is_name_token(word) else []
    if current:
        runs.append(current)
    return runs


def _credit(text: str, run: list[re.Match[str]], para_end: int) -> str | None:
    """A byline or photo credit: 'Nguyên Lý/TTXVN', 'Thu Hằng-TTXVN', or a name ending the paragraph."""
    end = run[-1].end()
    if 2 <= len(run) <= 3 and (re.match(r"\s?/\s?[A-ZĐ]|-[A-ZĐ]", text[end:end + 4]) or not text[end:para_end].strip()):
        return "direct"
    return None


def _cue(text: str, position: int) -> str | None:
    """'direct' when a title, an honorific, a rank or a degree ends right before `position`;
    'near' when a title and a few words of its organisation do (same line)."""
    line_start = text.rfind("\n", 0, position) + 1
    window = text[max(line_start, position - 80):position]
    if _BYLINE_CUE.search(window):
        return "direct"
    if not window.endswith(" "):
        return None
    backwards = window[::-1]
    lex = _lexicons()
    if lex["direct"].match(backwards):
        return "direct"
    if lex["title"].match(backwards) or lex["near"].match(backwards):
        return "near"                                  # a title is followed by names and by organisations alike
    return None


def _usable(tokens: list[re.Match[str]]) -> list[re.Match[str]]:
    """Tokens up to the first word that cannot be part of a name ("… Thiện Chiều nay")."""
    for k, t in enumerate(tokens):
        if k and t.group(0) in _NOT_NAME_WORDS:
            return tokens[:k]
    return tokens


def _shrink_to_word_end(doc: SegmentedText, tokens: list[re.Match[str]], minimum: int) -> list[re.Match[str]]:
    """Drop tokens from the right until the name ends where an underthesea word ends
    ("Quang Hùng Tham" → "Quang Hùng" when the text goes on "… Tham dự")."""
    ends = {t.end for t in doc.paragraph_words(tokens[0].start())} if tokens else set()
    if not ends:
        return tokens
    for size in range(len(tokens), minimum - 1, -1):
        if tokens[size - 1].end() in ends:
            return tokens[:size]
    return []


def _split(doc: SegmentedText, tokens: list[re.Match[str]], cue: str | None) -> tuple[list[re.Match[str]] | None, str | None]:
    """The part of a capitalised run that is a person's name, if any, and the cue it had."""
    lex = _lexicons()
    gazetteer = province_gazetteer()
    # a province name at the front belongs to the organisation before the name ("… tỉnh Bắc Ninh Vương Quốc Tuấn")
    place_end = province_at(doc.text, tokens[0].start())
    if place_end:
        place = gazetteer.canonical(doc.text[tokens[0].start():place_end])
        rest = [t for t in tokens if t.start() >= place_end]
        if rest or (place and not place[1]):
            tokens = rest
    while len(tokens) > 1 and tokens[0].group(0).casefold() in lex["honorific"]:
        tokens = tokens[1:]                            # "Ông Nguyễn Văn A", "Bác Hồ"
        cue = "direct"
    if not tokens:
        return None, cue
    family = surnames()
    for i, token in enumerate(tokens):
        if token.group(0).capitalize() in family and len(tokens) - i >= 2:
            name = _usable(tokens[i:])
            if len(name) in (3, 4):
                return name, cue                       # three or four capitalised syllables after a family name
            name = _shrink_to_word_end(doc, name[:4], 2)
            if len(name) >= 2:
                return name, cue
    if cue == "direct" and len(tokens) <= 4:
        name = _shrink_to_word_end(doc, _usable(tokens), 1)
        return (name or None), cue                     # "ông Quý", "GS Báo", "bà T"
    foreign = [t for t in tokens if t.group(0).isascii()]
    if cue == "near" and 2 <= len(foreign) <= 4 and foreign == tokens[len(tokens) - len(foreign):]:
        return foreign, cue                            # a foreign name after a title and its organisation
    return None, cue


def recognise(doc: SegmentedText) -> list[Mention]:
    text = doc.text
    lex = _lexicons()
    gazetteer = province_gazetteer()
    mentions = []
    countries = [m.span() for m in country_names().finditer(text)]
    for para_start, para_end in doc.paragraphs:
        for run in _runs(text, para_start, para_end):
            doc.deadline.check("recognition (PERSON)")
            cue = _cue(text, run[0].start()) or _credit(text, run, para_end)
            name, cue = _split(doc, run, cue)
            if not name:
                continue
            start, end = name[0].start(), name[-1].end()
            surface = text[start:end]
            all_caps = surface.isupper()
            if all_caps and (surface in _HEADINGS or len(name) < 2 or not (cue == "direct" or end == para_end)):
                continue
            if len(name) == 1 and cue != "direct":
                continue
            if any(t.group(0) in _NOT_NAME_WORDS for t in name):
                continue
            if any(s <= start and end <= e and e - s > end - start for s, e in countries):
                continue                                   # "Tây Ban Nha" holds no "Ban Nha" (but "ông Đức" is a man)
            place = gazetteer.canonical(surface)
            if surface in lex["not_person"] or (place and not place[1] and not cue):
                continue                                   # "Hà Nội"; but "Hồ Chí Minh" alone is the person
            before = text[max(para_start, start - 30):start].casefold()
            if NOT_AFTER.search(before) or (place and _PLACE_TYPE_BEFORE.search(before)):
                continue                                   # "đường Lê Lợi", "TP Hồ Chí Minh"
            if _DISTRICT_BEFORE.search(before) and (len(name) < 3 or name[0].group(0) not in surnames()):
                continue                                   # "phường Nguyễn Du" is a ward; "UBND huyện Đinh Hữu Niên" is not
            why = ("family name + capitalised syllables" if name[0].group(0).capitalize() in surnames()
                   else "after a title or honorific")
            mentions.append(Mention("PERSON", start, end, surface, score=0.9 if cue else 0.7, explanation=why))
        mentions += _byline(doc, para_start, para_end, mentions)
    return mentions


def _byline(doc: SegmentedText, start: int, end: int, found: list[Mention]) -> list[Mention]:
    """A short line of two to four capitalised words is a byline (or a photo credit)."""
    text = doc.text
    line = text[start:end]
    words = line.split()
    if not 2 <= len(words) <= 4 or not all(_is_name_token(w) for w in words) or any(m.start >= start for m in found):
        return []
    if not all(w.isalpha() for w in words) or province_gazetteer().canonical(line):
        return []
    return [Mention("PERSON", start, end, line, score=0.6, explanation="byline")]
