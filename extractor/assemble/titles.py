"""Position titles in running text: a title word (with its modifiers) and the organisation or body
written with it ('Giám đốc Sở Thông tin và Truyền thông tỉnh Vĩnh Phúc', 'Phó Chủ tịch UBND
tỉnh', 'nguyên Bộ trưởng Bộ Tư pháp', 'Tỉnh ủy viên')."""

from __future__ import annotations

import re
from dataclasses import dataclass

from vnextract.extractor.lexicon import place_end, record_title_words
from vnextract.extractor.types import Mention

# Bodies that follow a title without being organisations of their own in ANNOTATION.md's sense.
_BODY = re.compile(
    r"\s+(?:Thường trực\s+|thường trực\s+)?(?:(?:UBND|HĐND|Ủy ban [Nn]hân dân|Uỷ ban [Nn]hân dân|Hội đồng [Nn]hân dân)"
    r"(?:\s+(?:tỉnh|thành phố|TP|huyện|quận|thị xã|xã|phường))?|Chính phủ|Quốc hội|nước|Tỉnh ủy|Thành ủy|Huyện ủy|"
    r"Quận ủy|Đảng ủy|Trung ương Đảng|Trung ương|Bộ Chính trị|Ban Bí thư|BCH Trung ương Đảng|Thường trực|"
    r"Hội đồng quản trị|HĐQT|Công an|Trung tâm|Công ty|Công đoàn|Chi bộ|chi bộ|thành phố|tỉnh|huyện|TP)(?![\w])"
)
_LOWER_CASE_TITLES = ("thủ tướng", "bộ trưởng", "thứ trưởng", "giám đốc", "chủ tịch", "bí thư", "hiệu trưởng",
                      "trưởng đoàn", "phó trưởng đoàn", "đại biểu", "đội trưởng", "trưởng phòng", "chuyên gia",
                      "vụ trưởng", "cục trưởng", "chánh thanh tra", "ủy viên", "uỷ viên", "tổng bí thư", "tổng giám đốc",
                      "viện trưởng", "trưởng ban", "chủ nhiệm", "tổng biên tập", "quản đốc", "trưởng khoa", "thư ký")
_LOWER_CASE = re.compile(rf"(?:(?:nguyên|cựu|tân|quyền|phó)\s|(?:{'|'.join(_LOWER_CASE_TITLES)})(?!\w))")


_BAN_NAME = re.compile(r"(?:[ \t]+(?!(?:đã|là|và|cho|dự|phát|chủ|tại|với|được|cũng|vừa|thì|nhằm|để|về|kiêm|đồng)(?!\w))"
                       r"[\w&]+){1,6}")
_OFFICE_WORDS = (" ban", " phòng", " khoa")
_DELEGATED = re.compile(r"(?:(?:ủy|uỷ)\s+|TUQ\.?\s*)\Z", re.IGNORECASE)
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
    for m in record_title_words().finditer(text):
        word = m.group(0)
        if word[0].islower() and not _LOWER_CASE.match(word):
            continue                                    # lower case: only titles that news writes so
        if _DELEGATED.search(text, max(0, m.start() - 12), m.start()):
            continue                                    # "Thừa ủy quyền Chủ tịch UBND tỉnh, Phó Chủ tịch X": not X's
        end = m.end()
        while True:
            body = _BODY.match(text, end)
            org_start = end + 1 if text.startswith(" ", end) else None
            place = place_end(text, end)
            if org_start in by_start:
                end = by_start[org_start].end
            elif place and place > end:
                end = place                             # "Chánh thanh tra tỉnh Yên Bái", "Bí thư Thành ủy TP.HCM"
            elif body:
                end = body.end()
            elif end == m.end() and word.casefold().endswith(_OFFICE_WORDS) and (named := _BAN_NAME.match(text, end)):
                end = named.end()                       # "Trưởng ban Dân vận Tỉnh ủy", "Trưởng phòng Tổ chức cán bộ"
            else:
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


def split_title(title: str, word_length: int) -> tuple[str, str | None, bool]:
    """(role, organisation, current) of a title whose title word is its first `word_length` characters:
    "nguyên Phó Chủ tịch UBND tỉnh Quảng Ninh" → ("Phó Chủ tịch", "UBND tỉnh Quảng Ninh", False)."""
    head, rest = title[:word_length], title[word_length:].strip(" ,")
    role = _MODIFIER.sub("", head, count=1).strip() if _MODIFIER.match(head) else head.strip()
    return role or head.strip(), rest or None, not _FORMER.match(head)
