"""Position titles in running text: a title word (with its modifiers) and the organisation or body
written with it ('Giám đốc Sở Thông tin và Truyền thông tỉnh Vĩnh Phúc', 'Phó Chủ tịch UBND
tỉnh', 'nguyên Bộ trưởng Bộ Tư pháp', 'Tỉnh ủy viên')."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from vnextract.extractor.lexicon import CENTRAL, UPPER, country_names, is_name_shaped, place_end, record_title_words
from vnextract.extractor.types import Mention

# Bodies that follow a title without being organisations of their own in ANNOTATION.md's sense.
_BODY = re.compile(
    r"\s+(?:Thường trực\s+|thường trực\s+)?(?:(?:UBND|HĐND|Ủy ban [Nn]hân dân|Uỷ ban [Nn]hân dân|Hội đồng [Nn]hân dân)"
    r"(?:\s+(?:tỉnh|thành phố|TP|huyện|quận|thị xã|xã|phường))?|Chính phủ|Quốc hội|nước|Tỉnh ủy|Thành ủy|Huyện ủy|"
    rf"Quận ủy|Đảng ủy|{CENTRAL} Đảng|{CENTRAL}|Bộ Chính trị|Ban Bí thư|BCH {CENTRAL} Đảng|Thường trực|"
    r"Hội đồng quản trị|HĐQT|QH|Công an|Trung tâm|Công ty|Công đoàn|Chi bộ|chi bộ|thành phố|tỉnh|huyện|TP)(?![\w])"
)
_LOWER_CASE_TITLES = ("thủ tướng", "bộ trưởng", "thứ trưởng", "giám đốc", "chủ tịch", "bí thư", "hiệu trưởng",
                      "trưởng đoàn", "phó trưởng đoàn", "đại biểu", "đội trưởng", "trưởng phòng", "chuyên gia",
                      "vụ trưởng", "cục trưởng", "chánh thanh tra", "ủy viên", "uỷ viên", "tổng bí thư", "tổng giám đốc",
                      "viện trưởng", "trưởng ban", "chủ nhiệm", "tổng biên tập", "quản đốc", "trưởng khoa", "thư ký",
                      "chi ủy viên", "chi uỷ viên", "đảng ủy viên", "đảng uỷ viên", "tỉnh ủy viên", "tỉnh uỷ viên",
                      "thành ủy viên", "thành uỷ viên", "huyện ủy viên", "huyện uỷ viên", "chuyên viên", "tổ trưởng",
                      "tổ phó", "hiệu phó", "trưởng thôn", "chánh án", "chánh văn phòng", "tổng thư ký", "đại sứ",
                      "chỉ huy trưởng", "tư lệnh", "chính ủy", "chính uỷ", "tham mưu trưởng", "trưởng công an", "đội phó",
                      "tổng cục trưởng", "chi cục trưởng", "cục phó", "trưởng bộ môn", "tổng lãnh sự")
_LOWER_CASE = re.compile(rf"(?:(?:nguyên|cựu|tân|quyền|phó)\s|(?:{'|'.join(_LOWER_CASE_TITLES)})(?!\w))")


_BAN_NAME = re.compile(r"(?:[ \t]+(?!(?:đã|là|và|cho|dự|phát|chủ|tại|với|được|cũng|vừa|thì|nhằm|để|về|kiêm|đồng|làm|"
                       r"giữ|thay|nay|sang|từ|ở|trong|cùng|khi|ông|bà|chúc|nói|nhấn|khẳng|yêu|trao|tặng|thăm|gửi|trả|"
                       r"mong|tiếp|đón|đến|nêu|cảm|lưu|chia|đánh|bày|tới|tham|đều|thừa|ra|lên|vào|"
                       r"huyện|tỉnh|quận|xã|phường|thị xã|thành phố)(?!\w))"
                       rf"[\w&]+|[ \t]+(?:và|-|–)[ \t]+(?=[{UPPER}])[\w&]+){{1,6}}")
_OFFICE_WORDS = (" ban", " phòng", " khoa")
# Heads of a unit that news names after the title without its type word ("Vụ trưởng Địa phương").
_UNIT_HEADS = ("vụ trưởng", "vụ phó", "cục trưởng", "cục phó", "viện trưởng", "bộ trưởng", "thứ trưởng")
# A rank within the post, written right after the title word ("Phó Chủ tịch thường trực", "Phó Chủ tịch thứ nhất").
_RANK_IN_POST = re.compile(r"[ \t]+(?:thường trực|thứ nhất|thứ hai)(?!\w)")
# The body an office's name ends with ("Ban Kinh tế Trung ương", "Ban Dân vận Tỉnh ủy").
_PARTY_BODY = re.compile(rf"[ \t](?:{CENTRAL}|Tỉnh ủy|Tỉnh uỷ|Thành ủy|Thành uỷ|Huyện ủy|Huyện uỷ|Quận ủy|Quận uỷ|Đảng ủy|"
                         r"Đảng uỷ)(?!\w)")
_AT_COUNTRY = re.compile(r"[ \t]+tại(?=[ \t])")
_DELEGATED = re.compile(r"(?:(?<!\w)(?:ủy|uỷ)\s+|(?<!\w)TUQ\.?\s*)\Z", re.IGNORECASE)
_MODIFIER = re.compile(r"(?:(?:nguyên|cựu|tân|quyền)\s+)", re.IGNORECASE)
_FORMER = re.compile(r"(?:nguyên|cựu)\s", re.IGNORECASE)


@dataclass(frozen=True)
class Title:
    start: int
    end: int
    text: str
    word_end: int = -1         # where the title word ends and its organisation begins ("Giám đốc|Sở Y tế")


def find_titles(text: str, organisations: list[Mention], person_starts: frozenset[int] = frozenset()) -> list[Title]:
    """Every title phrase, extended over the organisations and bodies written right after it, and
    never over the start of a person's name ('Cục trưởng Cục X Phạm Văn A' ends before 'Phạm')."""
    by_start = {m.start: m for m in organisations}
    titles: list[Title] = []
    for m in _title_words_in(text):
        word = m.group(0)
        end = m.end()
        rank = _RANK_IN_POST.match(text, end)
        if rank:
            end = rank.end()
        while True:
            reached = end
            body = _BODY.match(text, end)
            org_start = end + 1 if text.startswith(" ", end) else None
            place = place_end(text, end)
            if org_start in by_start:
                end = by_start[org_start].end
            elif place and place > end:
                end = place                             # "Chánh thanh tra tỉnh Yên Bái", "Bí thư Thành ủy TP.HCM"
            elif org_start is not None and (country := country_names().match(text, org_start)):
                end = country.end()                     # "Tổng thống Mỹ", "Đại sứ Nga"
                at = _AT_COUNTRY.match(text, end)
                if at and (there := country_names().match(text, at.end() + 1)):
                    end = there.end()                   # "Đại sứ Nga tại Việt Nam"
            elif body:
                end = body.end()
            elif end == m.end() and _names_its_office(word, text, end) and (named := _BAN_NAME.match(text, end)):
                end = _before_a_name(text, m.end(), named.end())   # "Trưởng ban Dân vận Tỉnh ủy", "Trưởng phòng Tổ chức cán bộ"
                if (party := _PARTY_BODY.search(text, m.end(), end)) is not None:
                    end = party.end()                   # "Trưởng ban Kinh tế Trung ương | chúc mừng …"
                other = record_title_words().search(text, m.end(), end)
                if other is not None and other.group(0)[0].isupper() and (
                        other.start() > m.end() + 1 or not word.casefold().endswith(_OFFICE_WORDS)):
                    end = other.start()                 # "… Ban Thời sự | làm Phó Tổng giám đốc …": a second title
                    while end > m.end() and text[end - 1] in " ,-–(":
                        end -= 1
            if end <= reached:
                end = reached
                break
        cut = next((k for k in range(m.end(), end) if k in person_starts), None) if person_starts else None
        if cut is not None:
            end = cut
            while end > m.end() and text[end - 1] in " ,-–(":
                end -= 1
        titles.append(Title(m.start(), end, text[m.start():end], m.end()))
    # a title inside a longer one ("Bí thư" in "Phó Bí thư") is not a title of its own
    titles.sort(key=lambda t: (t.start, -t.end))
    kept: list[Title] = []
    for t in titles:
        if kept and t.start < kept[-1].end:
            continue
        kept.append(t)
    return kept


def _title_words_in(text: str) -> Iterator[re.Match[str]]:
    """The title words of the text, left to right; a match that is no title ('chức vụ Phó …' read as
    'Vụ phó') does not hide the one that starts inside it ('Phó Giám đốc')."""
    pattern, position = record_title_words(), 0
    while (m := pattern.search(text, position)) is not None:
        word = m.group(0)
        if word[0].islower() and not _LOWER_CASE.match(word):
            position = m.start() + 1                    # lower case: only titles that news writes so
        elif _DELEGATED.search(text, max(0, m.start() - 12), m.start()):
            position = m.start() + 1                    # "Thừa ủy quyền Chủ tịch UBND tỉnh, Phó Chủ tịch X": not X's
        else:
            yield m
            position = m.end()


_CAPITALISED_WORDS = re.compile(rf"[{UPPER}][^\W\d_]*(?:[ \t][{UPPER}][^\W\d_]*)+")


def _before_a_name(text: str, start: int, end: int) -> int:
    """An office's name ends before a person's name written after it ('Bộ trưởng Tài nguyên và Môi
    trường | Mai Ái Trực'), even one the recognisers missed."""
    for run in _CAPITALISED_WORDS.finditer(text, start, end):
        words = run.group(0).split()
        for k in range(len(words) - 1):
            if any(is_name_shaped(words[k:k + size]) for size in (4, 3, 2)):
                cut = run.start() + len(" ".join(words[:k]))
                while cut > start and text[cut - 1] in " \t-–,":
                    cut -= 1
                return cut
    return end


def _names_its_office(word: str, text: str, end: int) -> bool:
    """The title word is followed by the name of its office: 'Trưởng ban Dân vận', 'Vụ trưởng Địa phương'."""
    folded = word.casefold()
    if folded.endswith(_OFFICE_WORDS):
        return True
    return folded.endswith(_UNIT_HEADS) and text[end:end + 1] == " " and text[end + 1:end + 2].isupper()


def split_title(title: str, word_length: int) -> tuple[str, str | None, bool]:
    """(role, organisation, current) of a title whose title word is its first `word_length` characters:
    "nguyên Phó Chủ tịch UBND tỉnh Quảng Ninh" → ("Phó Chủ tịch", "UBND tỉnh Quảng Ninh", False)."""
    head, rest = title[:word_length], title[word_length:].strip(" ,")
    role = _MODIFIER.sub("", head, count=1).strip() if _MODIFIER.match(head) else head.strip()
    return role or head.strip(), rest or None, not _FORMER.match(head)
