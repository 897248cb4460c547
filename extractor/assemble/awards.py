"""Award records: the award, its recipients (coordinated ones split), the issuer, and whether it
was granted, proposed or something else (revoked, planned, criteria).

For each award mention, every person, organisation and province in its sentence (within a window), and the phrases
the structured rules read as recipients, are candidate recipients; a learned scorer (features.py, models/records/)
keeps those it believes. The rules are one of its features, and the fallback when no model is shipped. They read,
in this order: the holder named right after an honorary title ('Nghệ sĩ Ưu tú Nguyễn Văn A'); the recipients after
'cho'/'tặng' following the award or its list, up to the next award, and when these are only a count ('cho 3 tập
thể'), the list after it ('3 tập thể: A, B', the lines of a list or a table after 'sau:') or the next sentence that
names them ('Đó là …'); the list after an award that ends its sentence with a colon; the subject before 'đón nhận'
/ 'được … tặng', with those coordinated with it ('A, B và C được tặng'), for 'Ông'/'Bà'/ 'đồng chí' the person last
named; right after the award. A body's type word alone ('cho công ty', 'cho bệnh viện') is the body last named with
it, a local unit's ('…; thôn được …') the unit last named. What describes a recipient is not one: a bracket, a
title's organisation, a body after 'của'/'thuộc'/'tại', a person's unit, a place. An award described ('… là phần
thưởng cao quý'), counted ('402 Huân chương các loại') or handed back ('trả lại Bằng khen cho ban tổ chức') gives
no record. The issuer: 'của X' after the award, 'được X tặng' (or 'công nhận'), 'Thay mặt X, … trao', the office or
body right before the verb, or the one of the award before it in the clause. Mentions of one conferral are merged
afterwards (conferrals.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from vnextract.extractor.assemble.conferrals import Conferral, merge_conferrals
from vnextract.extractor.assemble.features import award_features
from vnextract.extractor.assemble.index import WINDOW, DocumentIndex
from vnextract.extractor.assemble.scorer import Scorer
from vnextract.extractor.types import Mention, Record

# 'trình' proposes only as a verb: not in "quá trình", "chương trình", "công trình", "trình độ", "trình bày" ….
_PROPOSED = re.compile(r"(?<!\w)(?:đề nghị|đề xuất|(?<!quá )(?<!chương )(?<!công )(?<!tiến )(?<!lộ )(?<!quy )(?<!hành )"
                       r"(?<!lịch )(?<!giáo )(?<!phương )(?<!đệ )(?-i:trình)(?!\s+(?:độ|bày|diễn|chiếu))|kiến nghị|xét tặng|"
                       r"đề cử)(?!\w)", re.IGNORECASE)
_OTHER = re.compile(r"(?<!\w)(?:thu hồi|tước|hủy bỏ|huỷ bỏ|(?<!đạt )tiêu chuẩn|điều kiện|dự kiến|phấn đấu)(?!\w)",
                    re.IGNORECASE)
_GRANT_VERB = r"(?:trao tặng|tặng thưởng|truy tặng|phong tặng|khen tặng|tặng|trao|khen thưởng)"
_COUNT = (r"(?:\s+(?:\d+|nhiều|các|những|hơn \d+|(?:hai|ba|bốn|năm|sáu)(?=\s+(?:danh hiệu|phần thưởng))))?"
          r"(?:\s+(?:danh hiệu|phần thưởng)(?:\s*:|\s[^:\n]{0,40}:)?)?[\s\"'“]*\Z")
_RECEIVE_VERB = re.compile(
    r"(?<!\w)(?:đã\s+|vừa\s+|vinh dự\s+|tiếp tục\s+|cũng\s+|từng\s+)*"
    r"(?:được\s+(?P<issuer>(?:(?!Bằng khen|Huân chương|Cờ thi đua|Giấy khen|được\s)[^.;:\n]){0,60}?)\s*"
    r"(?:" + _GRANT_VERB + r"|công nhận(?:\s+(?:là|đạt))?)" +
    r"|(?:đón nhận|(?<!công )nhận|được\s+" + _GRANT_VERB + r"|được\s+công nhận(?:\s+(?:là|đạt))?|(?:đạt|giành)(?:\s+được)?"
    r"(?=\s+danh hiệu)))" + _COUNT, re.IGNORECASE)
_GIVE_VERB = re.compile(r"(?<!\w)(?:đã\s+|vừa\s+|cũng\s+)*" + _GRANT_VERB + _COUNT, re.IGNORECASE)
_FOR = re.compile(r"(?<!\w)(?:(?:tặng\s+)?cho(?!\s+(?:biết|rằng|thấy|phép|hay|nên)\b)|tặng(?!\s+(?:theo|vì|do|năm|cho)\b)|"
                  r"đối với|là\s+(?:các\s+)?(?:đồng chí|ông|bà|tập thể|cá nhân|đơn vị)\s*:?)\s+", re.IGNORECASE)
_OF = re.compile(r"\s+(?:của|do)\s+")
# A closing quotation mark ends the recipients too: '"… trao bằng khen cho 2 cá nhân này", bà H. cho biết'.
_CLAUSE_END = re.compile(r"[.;:\n”]|\"(?=\s*[,.;:!?])|\s(?:vì|về|do|đã|đạt|có thành tích|nhân dịp|trong|tại|năm \d|"
                         r"giai đoạn|vào|theo|nhằm|để|là)\b")
_TRAILING_AND = re.compile(r"[\s,]+(?:và|cùng)\Z")
_SPLIT = re.compile(r"\s*,\s*|\s+và\s+")
_GENERIC = re.compile(
    r"^(?:\d+|một số|nhiều|các|những|mỗi|hơn|có)\b|^(?:đơn vị|cá nhân|tập thể|thành phố|tỉnh|đảng viên|học sinh|"
    r"người|ông|bà|anh|chị|danh hiệu|phần thưởng|giải thưởng)$", re.IGNORECASE)
# Lower-case phrases that name a defined collective ('ngành tư pháp', 'lực lượng Quản lý thị trường').
_COLLECTIVE = re.compile(r"(?:tập thể|ngành|lực lượng|ban|phòng|đội|tổ|khoa|lớp|chi bộ|đảng bộ|công an|trường|huyện|xã|"
                         r"phường|thôn|bản|ấp|khu phố|gia đình)\s", re.IGNORECASE)
_NOT_COLLECTIVE = re.compile(r"trường hợp|tổ chức|ban tổ chức|ban giám khảo|đội ngũ", re.IGNORECASE)
_HAS_PART = re.compile(r"\d|(?<!\w)(?:có|gồm|trong đó)(?!\w)", re.IGNORECASE)
# A body's type word alone refers back to the body last named with it: '… tặng Cờ thi đua cho công ty', 'cho nhà trường'.
_BACK_REFERENCE = re.compile(r"(?:nhà\s+)?(công ty|tổng công ty|bệnh viện|trường|tập đoàn|ngân hàng|hợp tác xã|viện|"
                             r"trung tâm|nhà máy|học viện)(?:\s+(?:này|nói trên|trên))?", re.IGNORECASE)
# A local unit's type word alone, as a subject, refers back to the unit last named: 'thôn Đông Yên …; thôn được …'.
_UNIT_WORD = re.compile(r"thôn|xã|bản|ấp|phường|làng|khu phố|tổ dân phố", re.IGNORECASE)
_UNIT_WORDS = re.compile(r"\s+([^\W\d_]+)")
_UNIT_NAME_WORDS = 4
_COUNTED_NOUN = re.compile(r"(?<!\w)\d[\d.,]*\s+(\w)")
# A count of recipients ('2 cá nhân', 'hai sinh viên', 'các tập thể và cá nhân sau'): no recipient by itself.
_COUNT_PHRASE = re.compile(r"(?:(?:hơn|gần|trên|khoảng|tổng cộng|tổng số)\s+)?(?:\d[\d.,]*|một|hai|ba|bốn|năm|sáu|bảy|tám|"
                           r"chín|mười|vài|mấy|hàng chục|hàng trăm|hàng nghìn|các|những|nhiều|một số)\s+(?=\w)", re.IGNORECASE)
# What introduces the list of recipients after a count: '… cho 3 tập thể: A, B, C', '… cho 2 cá nhân là …', 'gồm:'.
# 'trong đó có' names some of those counted: '… cho 12 cá nhân, trong đó có ông A và bà B' (A and B are identifiable).
_LIST_CUE = re.compile(r"\s*[,–-]?\s*(?:(?:(?:bao\s+)?gồm(?:\s+có)?|là|cụ thể(?:\s+là)?|trong đó(?:\s+có)?)\s*:?|"
                       r"(?:sau(?:\s+đây)?|như sau)?\s*:)\s*", re.IGNORECASE)
# The next sentence naming whom a count stood for: 'Đó là …', 'Theo đó, 2 sinh viên được khen thưởng gồm: …'.
_NEXT_LIST_CUE = re.compile(r"\s*(?:(?:theo đó|cụ thể|trong đó)\s*,?\s*)?(?:đó là|đây là|họ là|gồm(?:\s+có)?|bao gồm)\s*:?\s*"
                            r"|[^.;\n]{0,80}?(?:gồm(?:\s+có)?|là)\s*:\s*", re.IGNORECASE)
_ITEM = re.compile(r"\s*(?:\|\s*)?(?:\d{1,3}\s*[.)/|:-]?|[a-zđ]\s*\)|[-+•*–])?\s*(?:\|\s*)?", re.IGNORECASE)
_HEADER = re.compile(r"(?<!\w)(?:STT|TT|Họ và tên|Họ tên|Đơn vị|Chức vụ)(?!\w)")
_LIST_LINES = 60                # lines of a list (or rows of a table) read after 'sau:'
_LIST_LINE = 300                # longer lines are prose, not items
_ISSUER_END = re.compile(r"[,.;:()\n]|\s(?:cho|tặng|trao|phong|truy|vì|về|năm|đợt|nhân|đã|được|vừa|theo|tại|ngày|là|"
                         r"và\s+(?:Bằng|Cờ|Huân))\b")
_AWARD_WORD = re.compile(r"(?:Bằng khen|Giấy khen|Huân chương|Cờ thi đua)", re.IGNORECASE)
_PRONOUN = re.compile(r"(?<!\w)(?:[Ôô]ng|[Bb]à|[Đđ]ồng chí|[Aa]nh|[Cc]hị|[Ee]m|[Cc]ô|[Tt]hầy|[Cc]ụ)(?:\s+ấy)?\s*"
                      r"(?:đã\s+|cũng\s+|từng\s+|vừa\s+)*\Z")
_COUNTED_PRONOUN = re.compile(r"(?<!\w)(?:\d+(?:[.,]\d+)*|một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười|các|những|nhiều|một số)\s+\Z",
                              re.IGNORECASE)
_NAME_SYLLABLE = re.compile(r"[^\W\d_]+ \Z")
_FILLER = (r"(?:\s*(?:đã|vừa|mới|cũng|trân trọng|ký|ban hành|có|(?:[Qq]uyết định|QĐ)(?:\s+số)?(?:\s+\d[\w/.-]*)?)(?!\w))*"
           r"\s*")
_ISSUER_WORDS = re.compile(r"(Phó Thủ tướng|Thủ tướng(?: Chính phủ)?|Chủ tịch nước|Đảng và Nhà nước|Đảng, Nhà nước|"
                           r"Nhà nước|Chính phủ)" + _FILLER + r"\Z")
_ISSUER_GAP = re.compile(_FILLER)
# 'Thay mặt lãnh đạo Đảng và Nhà nước, Thủ tướng … trao …': the issuer is whom the presenter stands for.
# 'Thừa ủy quyền của Chủ tịch nước, Bí thư Tỉnh ủy X trao …' too: the issuer is who delegated.
_ON_BEHALF = re.compile(r"(?<!\w)(?:[Tt]hay mặt\s+(?:cho\s+)?(?:[Ll]ãnh đạo\s+)?|[Tt]hừa (?:ủy|uỷ) quyền\s+(?:của\s+)?)"
                        r"(?P<who>(?:Đảng, Nhà nước|[^,.;:\n]{2,60}?)(?=\s*,)|"
                        r"(?<=quyền của )(?:Chủ tịch nước|Thủ tướng Chính phủ|Thủ tướng)(?=\s+[A-ZĐ]))\s*,?")
# An award described rather than conferred: 'Huân chương … là phần thưởng cao quý …'.
_DESCRIBED = re.compile(r"\s*(?:[\"”][^\"”\n]{0,80}[\"”]\s*)?(?:là|được coi là|được xem là)\s+(?!(?:các\s+)?(?:đồng chí|ông|bà|"
                        r"anh|chị|em|tập thể|cá nhân|đơn vị|nhà giáo|nghệ sĩ)(?!\w))(?P<next>\w)")
# What may stand between an honorary title and its holder's name: a degree, a rank, a profession, a comma.
_HOLDER_GAP = re.compile(r"\s*(?:[,–-]\s*)?(?:(?:GS|PGS|TS|ThS|BS|BSCKII|BSCKI|NSƯT|KTS)\.?\s*|(?:(?:đại|thượng|trung|thiếu)\s+"
                         r"(?:tá|tướng|úy)|đạo diễn|nhạc sĩ|họa sĩ|hoạ sĩ|nhà văn|nhà thơ|nhà báo|bác sĩ|giáo sư|tiến sĩ|nghệ sĩ|"
                         r"ca sĩ|diễn viên|nghệ nhân|cố|liệt sĩ|thầy giáo|cô giáo|thầy|cô|ông|bà|đồng chí|cụ)\s+)*",
                         re.IGNORECASE)
# What joins the items of one list (a coordinated subject, recipients): 'A, B và C', 'ông A và bà B'.
_JOINER = re.compile(r"(?:[\s,;]|(?<!\w)(?:và|cùng|với|các|đồng chí|ông|bà|anh|chị|em|cháu|cô|thầy|bác sĩ|nghệ sĩ|nhà giáo|"
                     r"cố|tập thể|cá nhân|đơn vị)(?!\w))*", re.IGNORECASE)
_SEPARATOR = re.compile(r"[,;]|(?<!\w)(?:và|cùng|với)(?!\w)", re.IGNORECASE)
# Words that make a body a modifier of the recipient before it, not a recipient: 'X của Y', 'X thuộc Y', 'X tại Y'.
_MODIFIER_BEFORE = re.compile(r"(?<!\w)(?:của|thuộc|trực thuộc|tại|ở|trên địa bàn|địa bàn)\s+(?:(?:tỉnh|thành phố|TP\.?|"
                              r"huyện|quận|thị xã|xã|phường)\s+)?\Z", re.IGNORECASE)
_LOCATION_GAP = re.compile(r"\s*[,–-]?\s*(?:(?:tỉnh|thành phố|TP\.?)\s*)?", re.IGNORECASE)
# A noun before the verb makes a noun phrase with no subject: 'tại lễ đón nhận …', 'kinh phí đón nhận …'.
_LOCATIVE = re.compile(r"(?<!\w)(?:(?:buổi\s+)?lễ|kinh phí|chi phí|dự toán|kế hoạch)\s*\Z", re.IGNORECASE)
# A count between the subject and the verb, or between the verb and the award, makes it a bare count with
# no identifiable recipient: "có 120 tập thể được tặng …", "Chủ tịch nước tặng 402 Huân chương các loại".
_BARE_COUNT = re.compile(r"(?<!\w)(?:\d[\d.,]*|hàng trăm|hàng nghìn|hàng chục|nhiều|hơn \d[\d.,]*)\s+"
                         r"(?:tập thể|cá nhân|trường hợp|đơn vị|lượt|người|hộ|gia đình|đảng viên|học sinh|giáo viên|"
                         r"cán bộ|chiến sĩ|doanh nghiệp|xã|thôn|hồ sơ|tác giả|tác phẩm|công trình)(?!\w)", re.IGNORECASE)
# An award handed back ('trả lại Bằng khen cho ban tổ chức'): whom it goes back to does not receive it.
_RETURNED = re.compile(r"(?<!\w)(?:trả lại|gửi trả|gửi trả lại|hoàn trả|hoàn trả lại|nộp lại|trao trả|trả)\s+(?:cả\s+|các\s+)?\Z",
                       re.IGNORECASE)
_COUNTED_AWARD = re.compile(r"(?<!\w)(?:tặng|trao|trao tặng|tặng thưởng|được|có|đạt)\s+(?:hơn\s+|gần\s+)?\d[\d.,]*\s*\Z",
                            re.IGNORECASE)
_LISTED = re.compile(r"\s*(?::\s*)?(?:[\"“][^\"”\n]{1,100}[\"”])?[\s,;]*(?:và)?[\s,;]*")
# What may follow an award on a list before the next one, with no recipient of its own: its issuer, the year, a bracket.
_CONTINUED = re.compile(r"(?:\s+(?:của|do)\s+[^,;:()\n]{1,60}?)?(?:\s*\(?(?:năm|các năm)\s+[\d\s,–-]+\)?|\s*\([^()\n]{0,30}\))*"
                        r"\s*(?:,|và|,\s*và)\s*", re.IGNORECASE)
# What opens a new item of a ';' list that confers nothing on anyone else: nothing, or its issuer with a verb.
_SEGMENT_LEAD = re.compile(r"\s*(?:(?:(?!(?:cho|được|nhận)(?!\w))[^,;:.\n]){1,60}?\s+(?:đã\s+)?"
                           r"(?:trao tặng|tặng thưởng|tặng|trao))?\s*", re.IGNORECASE)
_GAP_VERB = re.compile(r"[;.]|(?<!\w)(?:tặng|trao|nhận|được|đề nghị|thu hồi)(?!\w)", re.IGNORECASE)
# A phrase that refers elsewhere or holds a verb is no recipient: 'các cá nhân sau', '2 cá nhân này', 'đã có …'.
_JUNK = re.compile(r"[()]|(?<!\w)(?:sau|này|trên|đó|đây)\Z|(?<!\w)(?:đã|được|đang|sẽ|là|cho biết|với)(?!\w)", re.IGNORECASE)
_PLURAL = re.compile(r"(?<!\w)(?:các|hai|ba|bốn|năm|\d+)\s+(?:đồng chí|ông|bà|anh|chị|em|cháu|học sinh|sinh viên|nghệ sĩ|"
                     r"đơn vị|tập thể|cá nhân)\s*:?\s*\Z", re.IGNORECASE)
# A count and its cue before the first of a list: '4 vận động viên là A, B, C, D được tặng …'.
_COUNTED_LIST = re.compile(r"(?<!\w)(?:\d+|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)\s+[^\W\d][^,.;:\n]{0,40}?\s+"
                           r"(?:là|gồm(?:\s+có)?)\s*:?\s*\Z", re.IGNORECASE)
_AND_COUNTED = re.compile(r"\s*,?\s*(?:và|cùng)\s+", re.IGNORECASE)
_AND = re.compile(r"(?<!\w)(?:và|cùng|với)(?!\w)", re.IGNORECASE)
_INTRODUCES_LIST = re.compile(r"[^.;\n]{0,100}:\s*\Z")
_LEAD = re.compile(r"\s*(?:(?:ông|bà|anh|chị|đồng chí|đ/c|tập thể|cá nhân|GS|PGS|TS|ThS|BS)\.?\s+)?", re.IGNORECASE)
_OWNED = re.compile(r"(?<!\w)(?:của|thuộc|tại|ở)(?!\w)", re.IGNORECASE)
_INNER_CUE = re.compile(r"(?<!\w)(?:bao\s+)?gồm(?:\s+có)?\s*:?\s*", re.IGNORECASE)
_APPOSED_WORDS = 3
_STOP = re.compile(r"[.;…\n]")
_STRIP = " \"'“”()"
_STATUS_REACH = 160
ENTITY_KINDS = ("PERSON", "ORGANIZATION", "PROVINCE")


@dataclass(frozen=True)
class Candidate:
    """A candidate recipient of one award mention."""

    start: int
    end: int
    kind: str                       # PERSON, ORGANIZATION, PROVINCE or PHRASE
    features: dict[str, float]
    rule: bool


@dataclass(frozen=True)
class Reading:
    """What the rules read around one award mention."""

    award: Mention
    sentence: tuple[int, int]
    recipients: list[tuple[int, int]]
    issuer: tuple[int, int] | None
    status: str
    counted: bool = False           # a bare count ("402 Huân chương các loại"): no recipient can be read


def _rstrip(text: str, start: int, end: int, chars: str) -> int:
    """`end` moved back over `chars`, not before `start` (without copying the text before it)."""
    while end > start and text[end - 1] in chars:
        end -= 1
    return end


def status_of(before: str) -> str:
    if _PROPOSED.search(before):
        return "proposed"
    if _OTHER.search(before):
        return "other"
    return "granted"


def _chains(awards: list[Mention], index: DocumentIndex) -> list[tuple[int, int]]:
    """For each award, the first and last award of the list it is written in ('Bằng khen, Giấy khen và …')."""
    text = index.text
    first = list(range(len(awards)))
    for k in range(1, len(awards)):
        prev, cur = awards[k - 1], awards[k]
        if index.sentence(prev.start) == index.sentence(cur.start) and _LISTED.fullmatch(text, prev.end, cur.start):
            first[k] = first[k - 1]
    last = list(range(len(awards)))
    for k in range(len(awards) - 2, -1, -1):
        if first[k + 1] == first[k]:
            last[k] = last[k + 1]
    return list(zip(first, last, strict=True))


def _split_phrase(index: DocumentIndex, start: int, end: int) -> list[tuple[int, int]]:
    """A recipient phrase split on commas and 'và' outside organisation names, without generic words."""
    text = index.text
    protected = index.within(("ORGANIZATION",), max(0, start - WINDOW), end)
    protected = [m for m in protected if m.end > start]
    parts, position = [], start
    for sep in _SPLIT.finditer(text, start, end):
        if not any(m.start <= sep.start() < m.end for m in protected):
            parts.append((position, sep.start()))
            position = sep.end()
    parts.append((position, end))
    out = []
    for s, e in parts:
        while s < e and text[s] in _STRIP + " ":
            s += 1
        while e > s and text[e - 1] in _STRIP + " ":
            e -= 1
        piece = text[s:e]
        back = _BACK_REFERENCE.fullmatch(piece)
        if back:
            body = index.last_body(back.group(1).casefold(), s)
            if body is not None:
                out.append((body.start, body.end))
            continue
        if (piece and (piece[0].isupper() or _COLLECTIVE.match(piece)) and not _GENERIC.search(piece)
                and not _is_count(text, s, e) and len(piece.split()) <= 8 and not _junk(piece) and not _AWARD_WORD.match(piece)):
            out.append((s, e))
    return out


def _junk(phrase: str) -> bool:
    """A phrase that refers elsewhere, holds a verb or a bracket, or counts ('mẹ của 1 liệt sĩ'), is no recipient."""
    counted = _COUNTED_NOUN.search(phrase)
    return bool(_JUNK.search(phrase)) or (counted is not None and counted.group(1).islower())


def _is_count(text: str, start: int, end: int) -> bool:
    """The phrase begins with a count or a plural of common nouns: '2 cá nhân', 'hai sinh viên', 'các tập thể'."""
    m = _COUNT_PHRASE.match(text, start, end)
    return m is not None and m.end() < end and text[m.end()].islower()


def _in_brackets(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The bracketed stretches of [start, end) (an unclosed one runs to `end`)."""
    spans, opened = [], None
    for k in range(start, end):
        if text[k] == "(" and opened is None:
            opened = k
        elif text[k] == ")" and opened is not None:
            spans.append((opened, k + 1))
            opened = None
    if opened is not None:
        spans.append((opened, end))
    return spans


def _entities_in(index: DocumentIndex, start: int, end: int) -> list[Mention]:
    """The persons, organisations and provinces of [start, end) that are recipients, not what describes one: not
    in brackets ('(vợ ông A)', '(NLĐ)'), not inside a title ('Hiệu trưởng Trường X'), not after 'của'/'thuộc'/'tại',
    not a body after a person ('ông A, giáo viên Trường B'), not a province placing a body ('Trường X, tỉnh Y')."""
    text = index.text
    brackets = _in_brackets(text, start, end)
    kept: list[Mention] = []
    previous: Mention | None = None
    for m in index.top_level(ENTITY_KINDS, start, end):
        if any(a <= m.start < b for a, b in brackets):
            continue
        gap_start = previous.end if previous else start
        if m.label != "PERSON":
            after_person = previous is not None and previous.label == "PERSON" and not (
                _joined(index, gap_start, m.start) and _AND.search(text, gap_start, m.start))     # 'cô A, Trường B': her school
            placing = (m.label == "PROVINCE" and previous is not None and previous.label != "PROVINCE"
                       and _LOCATION_GAP.fullmatch(text, gap_start, m.start))
            if (after_person or placing or index.title_over(m.start, m.end)
                    or _MODIFIER_BEFORE.search(text, max(gap_start, m.start - 20), m.start)):
                previous = m
                continue
        kept.append(m)
        previous = m
    return kept


def _recipients_in(index: DocumentIndex, start: int, end: int) -> list[tuple[int, int]]:
    found = _entities_in(index, start, end)
    if found:
        return [_collective_of(index, m, start) for m in found]
    if index.top_level(ENTITY_KINDS, start, end) or _is_count(index.text, start, end):
        return []                                   # only what describes someone unnamed, or a plural: "các tác giả, …"
    return _split_phrase(index, start, end)


def _collective_of(index: DocumentIndex, m: Mention, start: int) -> tuple[int, int]:
    """A province with the defined collective written before it ('lực lượng quản lý thị trường tỉnh Quảng Trị'),
    else the mention."""
    if m.label != "PROVINCE":
        return m.start, m.end
    text = index.text
    separator = max(text.rfind(",", start, m.start), text.rfind(" và ", start, m.start) + 3, text.rfind(";", start, m.start))
    piece = max(start, separator + 1)
    while piece < m.start and text[piece] == " ":
        piece += 1
    return (piece, m.end) if _COLLECTIVE.match(text, piece, m.start) else (m.start, m.end)


def _list_items(index: DocumentIndex, start: int, end: int) -> list[tuple[int, int]]:
    """Recipients of a list written in the sentence: items split at ';' and ':' ('3 tập thể: A, B; 2 cá nhân: C')."""
    text = index.text
    out: list[tuple[int, int]] = []
    position = start
    for k in range(start, end + 1):
        if k == end or text[k] in ";:":
            if not _is_count(text, *_strip_span(text, position, k)):
                out += _recipients_in(index, position, k)
            position = k + 1
    return out


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _STRIP + ",":
        start += 1
    return start, _rstrip(text, start, end, _STRIP + ",")


def _listed_after(index: DocumentIndex, position: int, sentence_end: int) -> list[tuple[int, int]]:
    """The recipients listed after a count's cue ('sau:', 'gồm:', 'là'): in the sentence, or in the lines after it."""
    text = index.text
    cue = _LIST_CUE.match(text, position, sentence_end)
    if not cue or cue.end() == position:
        return []
    if text[cue.end():sentence_end].strip():
        end = min(sentence_end, cue.end() + 4 * WINDOW)
        following = index.within(("AWARD",), cue.end(), end)
        if following:
            end = following[0].start                # '… cho 3 tập thể: A, B; tặng Cờ thi đua cho C': the next conferral's
        return _list_items(index, cue.end(), end)
    if not text[position:cue.end()].rstrip().endswith(":"):
        return []
    return _listed_lines(index, cue.end())


def _listed_lines(index: DocumentIndex, position: int) -> list[tuple[int, int]]:
    """The recipients in the lines after a colon: a list or a table, the persons of each item or, when it names
    none first, its bodies (a header row is skipped; the list ends at a line that names no one first, or at prose)."""
    text = index.text
    out: list[tuple[int, int]] = []
    for p_start, p_end in index.paragraphs_from(position, _LIST_LINES):
        if p_end - p_start > _LIST_LINE:
            break
        item = _ITEM.match(text, p_start, p_end)
        begin = item.end() if item else p_start
        found = _entities_in(index, begin, p_end)
        if not found and not out and _HEADER.search(text, p_start, p_end):
            continue
        if not found or index.within(("AWARD",), p_start, p_end) or not _LEAD.fullmatch(text, begin, found[0].start):
            break                                   # a line that names no one first, or another conferral: prose
        person = found[0].label == "PERSON"         # a row names a person and the unit, or a unit
        out += [(m.start, m.end) for m in found if (m.label == "PERSON") == person]
    return out


def _named_next(index: DocumentIndex, sentence_end: int) -> list[tuple[int, int]]:
    """Whom a count stood for, when the next sentence names them: 'Đó là …', '… gồm: A và B'."""
    following = index.next_sentence(sentence_end)
    if following is None:
        return []
    cue = _NEXT_LIST_CUE.match(index.text, *following)
    if not cue:
        return []
    return [(m.start, m.end) for m in _entities_in(index, cue.end(), following[1])]


def _named_by_count(index: DocumentIndex, start: int, end: int, sentence_end: int) -> list[tuple[int, int]]:
    """The recipients of a clause that begins with a count: named right after it ('2 học sinh Lò Văn A và …'), after
    a cue ('2 cá nhân gồm …', '3 tập thể: …', 'các cá nhân sau:' and lines), or in the next sentence ('Đó là …');
    anything else in the clause describes them ('19 đơn vị dẫn đầu … của các cụm, khối thi đua')."""
    text = index.text
    found = _entities_in(index, start, end)
    count = _COUNT_PHRASE.match(text, start, end)
    if found and count and _apposed(text, count.end(), found[0].start):
        return [(m.start, m.end) for m in found]
    cue = _INNER_CUE.search(text, start, end)
    if cue:
        return _list_items(index, cue.end(), end)
    return _listed_after(index, end, sentence_end) or _named_next(index, sentence_end)


def _apposed(text: str, start: int, end: int) -> bool:
    """Only the counted noun stands between a count and the names that follow it ('hai lão nông', 'các đồng chí'),
    not what they belong to ('12 mẹ của tỉnh …')."""
    return len(text[start:end].split()) <= _APPOSED_WORDS and not _OWNED.search(text, start, end)


def _clause_after(index: DocumentIndex, position: int, limit: int) -> tuple[int, int] | None:
    """The recipient phrase after 'cho'/'tặng'/'đối với'/'là các đồng chí' following `position`, within the clause
    and before the next award (another conferral)."""
    text = index.text
    limit = min(limit, position + WINDOW)
    window_end = min(limit, position + 120)
    stop = _STOP.search(text, position, window_end)
    m = _FOR.search(text, position, stop.start() if stop else window_end)
    if not m or index.within(("AWARD",), position, m.start()):
        return None
    following = index.within(("AWARD",), m.end(), limit)
    if following and not _holder(index, following[0], limit):
        limit = following[0].start
    end_match = _CLAUSE_END.search(text, m.end(), limit)
    end = end_match.start() if end_match else limit
    while end > m.end() and text[end - 1] in " ,":
        end -= 1
    joined = _TRAILING_AND.search(text, m.end(), end)
    if joined:
        end = joined.start()                        # 'cho công ty và Bằng khen cho …': the 'và' joins the next award
    return (m.end(), end) if end > m.end() else None


def _joined(index: DocumentIndex, start: int, end: int) -> bool:
    """[start, end) only joins two items of a list: separators, 'và', honorifics, and titles ('A, Giám đốc Sở X, và B')."""
    text = index.text
    pieces, position = [], start
    for t in index.titles_from(start):
        if t.start >= end:
            break
        if t.end <= end:
            pieces.append(text[position:t.start])
            position = t.end
    pieces.append(text[position:end])
    gap = " ".join(pieces)
    return bool(_JOINER.fullmatch(gap)) and bool(_SEPARATOR.search(gap))


def _coordinated(index: DocumentIndex, found: list[Mention]) -> list[Mention]:
    """The last of `found` with those written before it in one list: 'A, B và C' (the last joined by 'và' or
    'cùng', as a list ends) or 'Các em A, B' (a plural before the first); a comma alone may set off something
    else ('Theo UBND tỉnh, Trường X …')."""
    chosen = [found[-1]]
    for m in reversed(found[:-1]):
        if not _joined(index, m.end, chosen[0].start):
            break
        chosen.insert(0, m)
    if len(chosen) > 1 and not _AND.search(index.text, chosen[-2].end, chosen[-1].start):
        first = chosen[0]
        if not (_PLURAL.search(index.text, max(0, first.start - 30), first.start)
                or _COUNTED_LIST.search(index.text, max(0, first.start - 60), first.start)):
            return chosen[-1:]
    return chosen


def _subject(index: DocumentIndex, verb: int, sentence_start: int) -> list[tuple[int, int]] | None:
    """Who receives, named before 'đón nhận' / 'được … tặng', with those listed with it ('A, B và C được tặng …');
    None: a bare count stands there ('có 120 tập thể được tặng …', 'Hai sinh viên được tặng …')."""
    text = index.text
    lower = max(sentence_start, verb - WINDOW)
    lower = max(lower, text.rfind(":", lower, verb) + 1)    # 'X khẳng định: "… đón nhận …"': a quotation begins
    behalf = next(reversed(list(_ON_BEHALF.finditer(text, lower, verb))), None)
    if behalf:
        lower = behalf.end()                        # "Thay mặt lãnh đạo Đảng, Nhà nước, …": whom one stands for
    pronoun = _PRONOUN.search(text, lower, verb)
    if pronoun and pronoun.group(0)[0].isupper() and (name := _NAME_SYLLABLE.search(text, lower, pronoun.start())):
        pronoun = None if name.group(0)[0].isupper() else pronoun   # 'Đông Anh được …': a name's last syllable
    if pronoun and _COUNTED_PRONOUN.search(text, max(lower, pronoun.start() - 12), pronoun.start()):
        return None                                 # '01 đồng chí được … tặng …', 'hai ông được …': a bare count
    if pronoun:
        earlier = index.last_full_person(verb)
        return [(earlier.start, earlier.end)] if earlier else []
    upper = verb
    host = text.rfind(" tổ chức ", lower, verb)
    if host != -1 and index.within(ENTITY_KINDS, lower, host):
        upper = host                                # "X tổ chức lễ … và đón nhận …": X receives
    elif _LOCATIVE.search(text, lower, verb):
        return []                                   # "… phát biểu tại lễ đón nhận …": who speaks is no recipient
    kept = _entities_in(index, lower, upper)
    if not kept:
        if index.within(ENTITY_KINDS, lower, upper):
            return []
        clause_start = max(text.rfind(",", lower, verb) + 1, text.rfind(";", lower, verb) + 1, lower)
        phrase = text[clause_start:verb].strip()
        start = verb - len(text[clause_start:verb].lstrip())
        end = start + len(phrase)
        if _BARE_COUNT.search(phrase) or (phrase and _is_count(text, start, end)):
            return None
        unit = _UNIT_WORD.fullmatch(phrase)
        if unit:                                    # '…; thôn được UBND huyện công nhận …': the village last named
            last = _last_unit(index, unit.group(0).casefold(), start)
            return [last] if last else []
        head = _UNIT_WORD.match(phrase)
        if head and _name_end(text, start + head.end()) == end:
            return [(start, end)]                   # 'thôn Tân Lập được … công nhận …', as written
        words = phrase.split()
        collective = (_COLLECTIVE.match(phrase) and not _NOT_COLLECTIVE.match(phrase)     # 'lực lượng Kiểm lâm được …',
                      and not _HAS_PART.search(phrase))                                   # not 'thôn X có 96% hộ đạt …'
        if (1 <= len(words) <= 6 and (words[0][0].isupper() or collective) and not _GENERIC.search(phrase)
                and not _junk(phrase)):
            return [(start, end)]
        return []
    counted = _BARE_COUNT.search(text, kept[-1].end, verb)
    if counted and _AND_COUNTED.fullmatch(text, kept[-1].end, counted.start()):
        return [(m.start, m.end) for m in _coordinated(index, kept)]   # 'Ông A và 8 đảng viên … được tặng …': A is named
    if counted:
        return None
    count = next(reversed(list(_BARE_COUNT.finditer(text, lower, kept[-1].start))), None)
    if count:                                       # "28 tập thể … phong cách Hồ Chí Minh được tặng …": a bare count
        named = [m for m in kept if m.start >= count.end()]
        if not (_apposed(text, count.end(), named[0].start) or _INNER_CUE.search(text, count.end(), named[0].start)
                or ":" in text[count.end():named[0].start]):
            return None
        kept = named
    return [(m.start, m.end) for m in _coordinated(index, kept)]


def _issuer(index: DocumentIndex, award: Mention, before_start: int, sentence_end: int,
            received: re.Match[str] | None) -> tuple[int, int] | None:
    """Who confers: 'Bằng khen của X', 'được X tặng', 'Thay mặt X, … trao', 'X (đã ký quyết định) tặng'."""
    text = index.text
    of = _OF.match(text, award.end)
    if of:
        stop = _ISSUER_END.search(text, of.end(), min(sentence_end, of.end() + 120))
        end = stop.start() if stop else min(sentence_end, of.end() + 120)
        if 0 < len(text[of.end():end].split()) <= 10:
            return _office(index, of.end(), _rstrip(text, of.end(), end, " \t\n"))
    if received and received.group("issuer"):
        return _office(index, received.start("issuer"), received.end("issuer"))
    behalf = next(reversed(list(_ON_BEHALF.finditer(text, before_start, award.start))), None)
    if behalf and _GIVE_VERB.search(text, behalf.end(), award.start):
        return behalf.start("who"), behalf.end("who")
    given = _GIVE_VERB.search(text, before_start, award.start)
    if given:
        named = _ISSUER_WORDS.search(text, before_start, given.start())
        if named:
            return named.start(1), named.end(1)
        verb = given.start()
        titles = [t for t in index.titles_before(verb)[:1]
                  if t.start >= before_start and _ISSUER_GAP.fullmatch(text, t.end, verb)]
        if titles:
            return titles[0].start, titles[0].end       # "Ông A, Chủ tịch UBND quận B tặng …", "Nữ hoàng trao …"
        organisations = [m for m in index.within(("ORGANIZATION",), before_start, verb)
                         if _ISSUER_GAP.fullmatch(text, m.end, verb)]
        if organisations:
            best = max(organisations, key=lambda m: m.end - m.start)
            return best.start, best.end
    return None


def _office(index: DocumentIndex, start: int, end: int) -> tuple[int, int]:
    """An issuer is an office or a body: 'Bằng khen của Chủ tịch nước Nguyễn Văn A' → 'Chủ tịch nước'."""
    person = index.next_person_start(start)
    if person is not None and person < end and any(c.isupper() for c in index.text[start:person]):
        end = _rstrip(index.text, start, person, " ,-–")
    return start, end


def _last_unit(index: DocumentIndex, word: str, before: int) -> tuple[int, int] | None:
    """The last '<word> <Name>' written within WINDOW before `before` ('thôn Đông Yên'), in any case."""
    pattern = re.compile(r"(?<!\w)" + re.escape(word) + r"(?=\s)", re.IGNORECASE)
    found = None
    for m in pattern.finditer(index.text, max(0, before - WINDOW), before):
        end = _name_end(index.text, m.end())
        if end > m.end():
            found = (m.start(), end)
    return found


def _name_end(text: str, position: int) -> int:
    """End of the capitalised words right after `position` (at most four: a village's, a commune's name)."""
    end = position
    for _ in range(_UNIT_NAME_WORDS):
        m = _UNIT_WORDS.match(text, end)
        if not m or not m.group(1)[0].isupper():
            break
        end = m.end()
    return end


def _holder(index: DocumentIndex, last: Mention, sentence_end: int) -> list[tuple[int, int]]:
    """The person named right after an honorary title ('Nghệ sĩ Ưu tú Nguyễn Văn A', 'NSND, đạo diễn B')."""
    gap = _HOLDER_GAP.match(index.text, last.end, sentence_end)
    position = gap.end() if gap else last.end
    person = index.within(("PERSON",), position, min(sentence_end, position + 60))
    return [(person[0].start, person[0].end)] if person and person[0].start == position else []


def _carried_issuer(index: DocumentIndex, awards: list[Mention], k: int, issuers: dict[int, tuple[int, int] | None],
                    sentence: tuple[int, int]) -> tuple[int, int] | None:
    """The issuer of the award before, in one clause with no verb of its own between: 'Chủ tịch nước tặng Huân chương
    … cho A và Huân chương … cho B'."""
    if k == 0 or awards[k - 1].start < sentence[0]:
        return None
    earlier = awards[k - 1]
    carried = issuers.get(k - 1)
    if carried is None or carried[1] > earlier.start or _GAP_VERB.search(index.text, earlier.end, awards[k].start):
        return None
    return carried


def _carried_recipients(index: DocumentIndex, awards: list[Mention], k: int, previous: Reading,
                        reading: Reading) -> list[tuple[int, int]]:
    """The subject of the award before, for an award that goes on the same list with no recipient of its own: 'X
    nhận Huân chương … năm 2019; Cờ thi đua của Chính phủ năm 2020; UBND tỉnh tặng Bằng khen …', '… năm 2019 và Giấy
    khen năm 2021'."""
    if reading.recipients or reading.counted or previous.counted or previous.sentence != reading.sentence:
        return []
    earlier = awards[k - 1]
    if not previous.recipients or any(end > earlier.start for _, end in previous.recipients):
        return []                                   # only a subject written before the list carries over
    text = index.text
    cut = text.rfind(";", earlier.end, awards[k].start)
    if cut == -1:
        return previous.recipients if _CONTINUED.fullmatch(text, earlier.end, awards[k].start) else []
    if _GAP_VERB.search(text, earlier.end, cut) or not _SEGMENT_LEAD.fullmatch(text, cut + 1, awards[k].start):
        return []
    if index.within(("PERSON", "PROVINCE"), cut, awards[k].start):
        return []
    return previous.recipients


def read_award(index: DocumentIndex, awards: list[Mention], k: int, chain: tuple[int, int],
               issuers: dict[int, tuple[int, int] | None] | None = None) -> Reading:
    """The rules' reading of award `k`: recipients, issuer, status."""
    text = index.text
    award = awards[k]
    s_start, s_end = index.sentence(award.start)
    first, last = awards[chain[0]], awards[chain[1]]
    before_start = max(s_start, first.start - WINDOW)
    status = status_of(text[max(s_start, first.start - _STATUS_REACH):first.start])
    if (_COUNTED_AWARD.search(text, max(s_start, first.start - 40), first.start)
            or _RETURNED.search(text, max(s_start, first.start - 40), first.start)
            or ((described := _DESCRIBED.match(text, last.end, s_end)) and described.group("next").islower())):
        return Reading(award, (s_start, s_end), [], None, status, counted=True)
    recipients: list[tuple[int, int]] = []
    if award.attrs.get("category") == "state_title":
        recipients = _holder(index, last, s_end)   # "Nghệ sĩ Ưu tú Nguyễn Văn A": an honorary title held
        if recipients:
            return Reading(award, (s_start, s_end), recipients, None, "granted")
    counted = False
    if not recipients:
        for anchor in (award.end, last.end):
            clause = _clause_after(index, anchor, s_end)
            if clause:
                if _is_count(text, *clause):
                    recipients = _named_by_count(index, *clause, s_end)
                    counted = not recipients
                else:
                    recipients = _recipients_in(index, *clause)
                break
    if not recipients and _INTRODUCES_LIST.match(text, last.end, s_end):
        recipients = _listed_lines(index, s_end)    # "Danh sách … được tặng Bằng khen:" and a table after it
        counted = counted and not recipients
    received = _RECEIVE_VERB.search(text, before_start, first.start)
    if received and received.group("issuer") and _BARE_COUNT.search(received.group("issuer")):
        return Reading(award, (s_start, s_end), [], None, status, counted=True)   # "… được 31 hồ sơ đề nghị xét tặng …"
    if not recipients and received and not counted:
        subject = _subject(index, received.start(), s_start)
        if subject is None:
            subject = _named_next(index, s_end)
            if not subject:
                return Reading(award, (s_start, s_end), [], None, status, counted=True)
        recipients = subject
    if (not recipients and not counted and (received or _GIVE_VERB.search(text, before_start, first.start))
            and re.match(r"\s+(?:[A-ZĐ]|(?:GS|TS|ông|bà)\b)", text[last.end:last.end + 6])):
        stop = _STOP.search(text, last.end, min(s_end, last.end + WINDOW))
        end = stop.start() if stop else min(s_end, last.end + WINDOW)
        recipients = [(m.start, m.end) for m in _entities_in(index, last.end, end) if m.label != "PROVINCE"]
    issuer = _issuer(index, award, before_start, s_end, received)
    if issuer is None and chain[0] != k:
        issuer = _issuer(index, first, before_start, s_end, received)   # one issuer for the list
    if issuer is None and issuers is not None:
        issuer = _carried_issuer(index, awards, k, issuers, (s_start, s_end))
    if issuers is not None:
        issuers[k] = issuer
    if issuer:
        recipients = [r for r in recipients if r[1] <= issuer[0] or r[0] >= issuer[1]]   # who confers does not receive
    return Reading(award, (s_start, s_end), recipients, issuer, status, counted=counted)


def candidates_of(index: DocumentIndex, reading: Reading, with_features: bool = True) -> list[Candidate]:
    """The entities of the award's sentence (within the window) and the rules' recipients, with features (when
    a scorer will read them); none for a bare count."""
    if reading.counted:
        return []
    award = reading.award
    s_start, s_end = reading.sentence
    lower, upper = max(s_start, award.start - WINDOW), min(s_end, award.end + WINDOW)
    ruled = set(reading.recipients)
    issuer = reading.issuer
    spans: dict[tuple[int, int], str] = {}
    for m in index.top_level(ENTITY_KINDS, lower, upper):
        if not m.overlaps(award):
            spans.setdefault((m.start, m.end), m.label)
    for span in reading.recipients:
        if span not in spans:                       # read outside the window (a list's lines), or a phrase
            named = [m for m in index.within(ENTITY_KINDS, *span) if (m.start, m.end) == span]
            spans[span] = named[0].label if named else "PHRASE"
    out = []
    for (start, end), kind in spans.items():
        issuer_like = issuer is not None and issuer[0] <= start and end <= issuer[1]
        features = award_features(index, award, start, end, kind, (start, end) in ruled, issuer_like) if with_features else {}
        out.append(Candidate(start, end, kind, features, (start, end) in ruled))
    return out


def award_readings(index: DocumentIndex, with_features: bool = True) -> list[tuple[Reading, list[Candidate]]]:
    awards = index.mentions("AWARD")
    chains = _chains(awards, index)
    out = []
    issuers: dict[int, tuple[int, int] | None] = {}
    previous: Reading | None = None
    for k in range(len(awards)):
        reading = read_award(index, awards, k, chains[k], issuers)
        if previous is not None and (carried := _carried_recipients(index, awards, k, previous, reading)):
            reading = replace(reading, recipients=carried)
        previous = reading
        out.append((reading, candidates_of(index, reading, with_features)))
    return out


def assemble_awards(index: DocumentIndex, scorer: Scorer | None) -> list[Record]:
    conferrals = []
    for reading, candidates in award_readings(index, with_features=scorer is not None):
        chosen = [c for c in candidates if (scorer.accepts(c.features) if scorer else c.rule)]
        if chosen:
            conferrals.append(Conferral(reading.award, reading.sentence, sorted((c.start, c.end, c.kind) for c in chosen),
                                        reading.issuer, reading.status))
    return merge_conferrals(index, conferrals)
