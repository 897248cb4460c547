"""ORGANIZATION: named agencies, bodies, units and enterprises.

Three kinds of evidence (models/lexicons/org_*.txt): names that are the same everywhere ("Chính
phủ", "TTXVN"); a ministry or department ("Bộ"/"Sở") followed by its domain and optionally a
place; and a head word ("UBND", "Cục", "Công ty TNHH", "Cụm thi đua") followed by a place, a
capitalised name or a number. Generic and plural mentions ("các sở", "UBND các tỉnh",
"Sở Thông tin và Truyền thông 9 tỉnh") are not organisations.
"""

from __future__ import annotations

import re
from dataclasses import replace

from vnextract.extractor.lexicon import (
    LOWER,
    UPPER,
    OrganisationLexicon,
    common_acronyms,
    country_names,
    district_names,
    exam_before,
    generic_before,
    head_word_at,
    honorific_words,
    is_name_shaped,
    is_news_tag,
    is_vietnamese_syllable,
    lower_case_acronyms,
    organisation_lexicon,
    party_years_before,
    place_end,
    province_at,
    title_spans,
    title_starts,
    type_acronyms,
)
from vnextract.extractor.types import Mention, SegmentedText

_PLURAL = re.compile(r"[ \t]+(?:các|những|\d+\s+(?:tỉnh|thành phố|huyện|xã|sở|bộ))\b", re.IGNORECASE)
_NUMBERED = re.compile(rf"(?P<words>(?:\s+(?!số\s)[{LOWER}]+){{0,3}})\s+(?:số\s+)?[A-Z]?\d+(?![\w/])"
                       r"(?![ \t]*(?:%|năm|tháng|ngày|tuổi|giờ|phút|lần|người|chiếc|triệu|tỷ|nghìn|ngàn|km)(?!\w))")
_NOT_GOVERNMENT = re.compile(r"(?:[Tt]hủ tướng(?:\s+[Tt]hường trực)?|trái phiếu|[Pp]hi)\s+\Z")
_COMPOUND_BEFORE = re.compile(r"(?:[Hh]ội|[Qq]uảng|[Tt]hị|[Cc]hiến|[Mm]ôi|[Tt]hương|[Ll]ập|[Nn]hà|[Đđ]ại) \Z")
_LOWER_CASE_HEADS = ("trường", "công ty", "cty", "đoàn", "chi đoàn", "tỉnh ủy", "ban ")
# A function word that is part of a fixed phrase in a body's name: 'Văn phòng Điều phối nông thôn mới tỉnh X'.
_FIXED_PAIRS = frozenset({("nông thôn", "mới")})
_PLACE_WORDS = frozenset({"tỉnh", "thành phố", "huyện", "quận", "thị xã", "xã", "phường"})


def _fixed_pair(previous: str, word: str, nxt: str) -> bool:
    """`word` ends a fixed phrase of a name, before a place, a capital or punctuation ('nông thôn mới tỉnh X', not
    'nông thôn mới mở …' where 'mới' is an adverb)."""
    return ((previous.casefold(), word.casefold()) in _FIXED_PAIRS
            and (not nxt[:1].isalpha() or nxt[:1].isupper() or nxt.casefold() in _PLACE_WORDS))


_PARTY_NOT_ORG = re.compile(r"Đảng(?=\s+(?:viên|bộ|ủy|uỷ|đoàn|phí|tịch|kỳ|sâm)\b)")
# "tổ chức Đảng", "cấp ủy Đảng", "các cấp Đảng": the party's organisations in general, not the Party named.
_PARTY_GENERIC_BEFORE = re.compile(r"(?<!\w)(?:tổ chức|cấp ủy|cấp uỷ|cấp)[ \t]+\Z")


def extend_name(doc: SegmentedText, position: int, *, stop: frozenset[str], max_words: int = 10,
                joined_head: bool = False) -> int:
    """End of a capitalised name starting after `position`, over underthesea's word tokens:
    capitalised words, numbers after a capitalised word, 'và'/'-'/'&' before a capitalised word,
    and up to two lower-case words in a row that are not verbs or function words ('và' may join two
    such runs)."""
    text = doc.text
    tokens, i = doc.word_at_or_after(position)
    limit = doc.sentence_end(position)                 # a name never runs into the next sentence
    school = _SCHOOL_HEAD.search(text, max(0, position - 12), position) is not None
    end, lower_run, taken, previous_upper, previous_title = position, 0, 0, True, False
    previous_place = acronym = closed = False
    proper = 0                                         # capitalised syllables in a row ("Nguyễn Trãi", "Việt Nam")
    last = position                                    # the end of the last token read ('và' is read, not taken)
    if (i and tokens[i - 1].end > position and (joined_head or text[tokens[i - 1].start:position].isupper())
            and text[position:tokens[i - 1].end].strip().lstrip("-&")[:1].isupper()):
        end = last = tokens[i - 1].end                 # an abbreviated head (or a classifier) and the name's first
        taken = 1                                      # word are one token: "CĐ Sư phạm", "trang Statista", and
                                                       # two school levels joined: "Trường THCS-THPT Lê Lợi"
        rest = text[position:end].split()
        proper = len(rest) if all(_title_case(w) for w in rest) else 0
        if len(rest) == 1 and not is_vietnamese_syllable(rest[0]):
            proper = 2                                 # a foreign or brand name: "trang Statista"
    while i < len(tokens) and taken < max_words:
        token = tokens[i]
        gap = text[last:token.start]
        if gap.strip() == "," and text[max(0, last - 5):last].casefold() == "phòng" and token.text.casefold().startswith("chống"):
            pass                                       # "Tổng cục Phòng, chống thiên tai": "phòng, chống" (prevent
                                                       # and fight) is written with its comma in names
        elif "\n" in gap or (gap.strip() and gap.strip() not in "-&") or len(gap) > 3 or token.start >= limit:
            break
        if token.end > limit:                          # the segmenter joined words across the sentence's end:
            inside = text[token.start:limit].rstrip(" .")    # "Thành ủy TP.HCM. Bà …"
            if inside[:1].isupper():
                end = token.start + len(inside)
            break
        word = token.text
        nxt = tokens[i + 1].text if i + 1 < len(tokens) else ""
        if taken and (previous_title or previous_place) and _name_starts(text, token.start) and not school:
            break                                      # "… Mặt trận Tổ quốc Việt Nam Phạm Thế Duyệt", "… TP.HCM Lê Thanh Hải"
                                                       # (a school's name may be a person's: "Tiểu học Hoàng Hoa Thám")
        if word[0].isupper() and (cut := _proper_then_lower(word)) and not _REGION_WORD.search(word):
            end = token.start + cut                    # "Nguyễn Kim khai trương" read as one word: the name, not the verb
            break
        if _YEAR.fullmatch(word):
            break                                      # "Hội đồng Bảo an Liên hợp quốc | 2018": a year, not a number
        if word[0].isdigit() and _AMOUNT.match(text, token.start):
            break                                      # "Công ty CP Hoàng Gia | 35 triệu đồng", "công ty | 100% vốn": an amount
        if word[0].isupper() or (word[0].isdigit() and previous_upper):
            end, lower_run, previous_upper = token.end, 0, True
            previous_title = not word.isupper()
            previous_place = word.isupper() and province_at(text, token.start) is not None
            syllables = word.split()
            proper = proper + len(syllables) if all(_title_case(w) for w in syllables) else 0
            if len(syllables) == 1 and word[1:].islower() and not is_vietnamese_syllable(word):
                proper = 2                             # a foreign or brand name: "Hãng Boeing | bàn giao …"
            acronym = _name_acronym(syllables[-1])     # an acronym ends a name: "Ủy ban Thường vụ QH | dự kiến"
            closed = word[0].isdigit() or _PARTY_COMMITTEE.fullmatch(word) is not None   # so does a unit's number
                                                       # or a party committee: "Bệnh viện 115 | cấp cứu", "Ban Thường
                                                       # vụ Thành ủy | chỉ đạo"
        elif word in ("và", "-", "&") and nxt[:1].isupper() and taken and not (
                word == "và" and _starts_another(text, tokens[i + 1].start)):
            previous_upper = previous_title = previous_place = acronym = closed = False   # not "Sở Y tế và | Trung tâm …"
            proper = 0
        elif (word == "và" and lower_run and nxt[:1].islower() and nxt.casefold() not in stop
              and nxt.casefold() not in _PLACE_WORDS and tokens[i - 1].text.casefold() not in _PLACE_WORDS):
            lower_run = 0                              # "Cục Quản lý thực phẩm và dược phẩm …": one domain, two nouns
            previous_upper = previous_title = previous_place = acronym = closed = False
        elif word == "bộ" and _REGION_BEFORE.search(text, max(0, token.start - 12), token.start):
            end = token.end                            # "Ban Chỉ đạo Tây Nam bộ": a region, written with a small "bộ"
        elif (proper >= 2 or acronym or closed) and word.casefold() not in _AFTER_PROPER and not (
                acronym and nxt[:1].isupper()) and not (closed and word.casefold() in _PLACE_WORDS):
            break                                      # "Trường THPT Nguyễn Trãi | đạt chuẩn", "Báo Thanh Niên | luôn …",
                                                       # "… QH | dự kiến" (but "Viện KHXH vùng Nam Bộ"), "… 115 | cấp cứu"
        elif word.casefold() in _PLACE_WORDS and place_end(text, last) is not None:
            break                                      # the place after the name is read whole by place_end ("… quận 3")
        elif word[0].isalpha() and lower_run < 2 and taken and (
                word.casefold() not in stop or _fixed_pair(tokens[i - 1].text, word, nxt)):
            lower_run += 1
            end, previous_upper, previous_title, previous_place, acronym = token.end, False, False, False, False
            closed = word.casefold() in _PLACE_WORDS       # a bare place word is the body's own level: "Văn phòng
                                                           # UBND huyện | lưu giữ", "Trung tâm Y tế huyện | tổ chức"
            proper = 0
        else:
            break
        taken += 1
        i += 1
        last = token.end
    return _before_trailing_name(text, position, end)


_WORD = re.compile(r"[^\W\d_]+")
_PREVIOUS_WORD = re.compile(r"(?<!\w)[^\W\d_]+[ \t]\Z")
_YEAR = re.compile(r"(?:19|20)\d\d")
_REGION_BEFORE = re.compile(r"(?<!\w)(?:Nam|Bắc|Trung)[ \t]\Z")      # "Nam bộ", "Tây Nam bộ", "Bắc Trung bộ"
_REGION_WORD = re.compile(r"(?<!\w)(?:Nam|Bắc|Trung)[ \t]bộ\Z")         # … read as one word
_AMOUNT = re.compile(r"\d[\d.,]*[ \t]*(?:%|phần trăm|triệu|tỷ|tỉ|nghìn|ngàn|trăm|đồng|USD|km|ha|tấn)(?!\w)")
# The number of one unit of a named kind, not a house number before its street ("… số 12 Lê Lợi").
_UNIT_NUMBER = re.compile(rf"[ \t]+số[ \t]+\d+(?![\w/.,-])(?![ \t]+[{UPPER}])")
_SCHOOL_HEAD = re.compile(r"(?<!\w)(?:[Tt]rường|THPT|THCS|PTTH|PTCS|[Tt]iểu học|[Mm]ầm non|[Đđ]ại học|ĐH|[Hh]ọc viện)\Z")


def _starts_another(text: str, position: int) -> bool:
    """Another body, a person or a title starts here: 'và' before it joins two things, not two words of a name."""
    return (head_word_at(text, position) or _name_starts(text, position)
            or position in title_starts(text))


def _name_acronym(word: str) -> bool:
    """An acronym that names (QH, VCCI, RIT), not one that is a body's type (TNHH, THPT: `lexicon.type_acronyms`)."""
    return (len(word) >= 2 and word.isupper() and word.isalpha() and word not in type_acronyms()
            and not is_vietnamese_syllable(word))


def _proper_then_lower(word: str) -> int:
    """Where the proper name ends in a word of two or more capitalised syllables and then small ones
    (the word segmenter's "Nguyễn Kim khai trương"), or 0; "Quản lý", "Y tế" are one capital and a small one."""
    syllables = list(re.finditer(r"\S+", word))
    lead = 0
    while lead < len(syllables) and _title_case(syllables[lead].group(0)):
        lead += 1
    return syllables[lead - 1].end() if 2 <= lead < len(syllables) and syllables[lead].group(0).islower() else 0


_PARTY_COMMITTEE = re.compile(r"(?:Tỉnh|Thành|Huyện|Quận|Thị|Đảng)\s+(?:ủy|uỷ)")


def _person_not_place(text: str, position: int) -> bool:
    """A person's name starts here, and no province or district does ('Hà Nội', 'Hoàng Mai' hold family names)."""
    return (_name_starts(text, position) and province_at(text, position) is None
            and district_names().match(text, position) is None)


def _title_case(syllable: str) -> bool:
    return syllable[0].isupper() and (len(syllable) == 1 or not syllable.isupper())


# Lower-case words that may still follow a proper name inside an organisation's name.
_AFTER_PROPER = frozenset({"chi nhánh"})


def _name_starts(text: str, position: int) -> bool:
    """A Vietnamese name starts here: a family name and one to three more capitalised syllables."""
    run = _CAPITALISED_RUN.match(text, position)
    if not run:
        return False
    syllables = []
    for word in run.group(0).split(" "):
        if not (word[0].isupper() and not word.isupper()):
            break
        syllables.append(word)
    return is_name_shaped(syllables)


_CAPITALISED_RUN = re.compile(r"[^\W\d_]+(?: [^\W\d_]+){0,4}")


# Heads of administrative bodies, which are never named after a person: a name after their lower-case words
# is the title holder's ("Cục trưởng Cục Y dược cổ truyền | Phạm Vũ Khánh"), where a school's, a company's
# or a club's may be its own ("Trường THPT chuyên Lê Hồng Phong", "Công ty TNHH Trần Anh").
_ADMINISTRATIVE_HEAD = re.compile(r"(?<!\w)(?:Bộ|Sở|Cục|Tổng cục|Chi cục|Vụ|Ban|Ủy ban|Uỷ ban|Văn phòng|Phòng|Viện|"
                                  r"Trung tâm|Tòa án|Toà án|Thanh tra|UBND|HĐND|Hội|Hiệp hội|Liên đoàn|Liên hiệp)\Z")


def _before_trailing_name(text: str, start: int, end: int) -> int:
    """Cut a person's name off the end of an organisation ('… Việt Nam Phạm Thế Duyệt', 'Ủy ban TDTT
    Hoàng Vĩnh Giang', 'Cục Y dược cổ truyền Phạm Vũ Khánh'); a name right after a lower-case word of
    a body that is not administrative, or after a school's or club's abbreviated head, is the
    organisation's own ('THPT chuyên Lê Hồng Phong', 'Trường tiểu học Hoàng Hoa Thám', 'FC Nguyễn
    Trãi'), and a country's name holds none ('Đại sứ quán Bồ Đào Nha')."""
    words = list(re.finditer(r"[^\W\d_]+", text[start:end]))
    named_head = organisation_lexicon().heads["named"]
    administrative = _ADMINISTRATIVE_HEAD.search(text, max(0, start - 12), start) is not None
    for k in range(1, len(words)):
        tail = [w.group(0) for w in words[k:]]
        previous = words[k - 1].group(0)
        if not is_name_shaped(tail):
            continue
        if not previous[0].isupper():
            if not administrative:
                break                                  # the whole name is the body's own
            if _person_not_place(text, start + words[k].start()):
                return start + words[k - 1].end()
            continue                                   # "Trung tâm Y tế huyện Cao Lộc": a place's name
        if previous.isupper() and named_head.fullmatch(previous):
            continue
        if is_name_shaped([previous, *tail]) and (k == 1 or not words[k - 2].group(0)[0].isupper()):
            continue                                   # the name began a word earlier: "Tiểu học | Hoàng Hoa Thám"
        country = country_names().match(text, start + words[k - 1].start())
        if country and country.end() > start + words[k].start():
            continue
        return start + words[k - 1].end()
    return end


# A national or club side by its age group: "U23 Việt Nam", "U15 Đài Bắc Trung Hoa" (a named team is an
# organisation, ANNOTATION.md's Clarifications).
_AGE_TEAM = re.compile(rf"(?<![\w-])U\.?\d{{2}}[ \t]+[{UPPER}][^\W\d_]*(?:[ \t][{UPPER}][^\W\d_]*){{0,3}}")
_TOURNAMENT_BEFORE = re.compile(r"(?:giải|giải đấu|giải bóng đá|vòng loại|vòng chung kết|VCK|cúp|sân chơi)[ \t]+\Z",
                                re.IGNORECASE)
_REGION = re.compile(r"U\.?\d{2}[ \t]+(?:Quốc gia|Quốc tế|Đông Nam Á|Châu Á|Châu Âu|Thế giới)(?!\w)")
_EVENT_AFTER = re.compile(r"[ \t]+(?:Suzuki[ \t]+)?(?:Cup|Championship|Games|Awards|(?:19|20)\d\d(?!\w))")
_CHIEF_BEFORE = re.compile(r"(?<!\w)[Cc]hánh[ \t]+\Z")
_GENERIC_BEFORE = re.compile(r"(?:các|những|mọi|nhiều|một số|mấy|\d+)\s+\Z", re.IGNORECASE)


_CITY_WORD = re.compile(r"[ \t]+(?:TP\.?|[Tt]hành phố)(?!\w)")


def _bare_city(text: str, position: int) -> bool:
    """"UBND TP", "Thành ủy thành phố": the city's type word without its name makes a bare type word,
    which ANNOTATION.md does not count as an organisation ("UBND huyện"); "UBND TP Đông Hà" is one."""
    city = _CITY_WORD.match(text, position)
    if city is None:
        return False
    end = place_end(text, position)
    return end is None or end <= city.end()


def _lower_case_ministry(text: str, m: re.Match[str]) -> bool:
    """"bộ Y tế", "sở GD&ĐT" written with a lower-case head: a ministry when its domain is
    capitalised and no plural or count comes before it ("các sở Y tế" is not one), and "bộ" is no
    part of "cán bộ" (an official: "cán bộ Tư pháp xã" is a commune's justice officer)."""
    domain = text[m.start() + 3:m.end()].lstrip()
    return (domain[:1].isupper() and not _GENERIC_BEFORE.search(text, max(0, m.start() - 10), m.start())
            and not _OFFICIAL_BEFORE.search(text, max(0, m.start() - 5), m.start()))


_OFFICIAL_BEFORE = re.compile(r"(?<!\w)[Cc]án[ \t]\Z")


def _ends_compound(doc: SegmentedText, m: re.Match[str], previous: re.Match[str] | None,
                   lex: OrganisationLexicon) -> bool:
    """A lower-case head word of one syllable that the word segmenter reads as the end of one word
    with the word before it (`previous`): "hiện trường", "nghị trường", "phái đoàn" are a scene, a
    parliament's floor, a delegation, not a school or a team. Not when that word is itself a body's
    head ("chi đoàn", "tiểu ban"), nor after a preposition ("giấy báo từ trường …")."""
    if not m.group(0)[0].islower() or " " in m.group(0):
        return False
    if previous is None or not previous.group(0).islower() or previous.group(0).strip() in _NOT_COMPOUNDING:
        return False
    return any(w.start < m.start() < w.end and not lex.is_head(w.text) for w in doc.words_in(previous.start(), m.end()))


# Prepositions and quantifiers, which come before a noun: "từ trường" is a magnetic field in the
# dictionary, but "giấy báo từ trường Đại học …" comes from the university.
_NOT_COMPOUNDING = frozenset({"từ", "của", "ở", "tại", "cho", "với", "về", "và", "các", "như", "là",
                              "do", "bởi", "trong", "ngoài", "sang", "đến", "tới", "vào", "ra", "lên", "qua", "theo",
                              "những", "mọi", "mỗi"})


def recognise(doc: SegmentedText) -> list[Mention]:
    text = doc.text
    lex = organisation_lexicon()
    mentions: list[Mention] = []

    def add(start: int, end: int, why: str, score: float) -> None:
        doc.deadline.check("ORGANIZATION")
        if end > start and not _PLURAL.match(text, end) and not generic_before(text, start):
            mentions.append(Mention("ORGANIZATION", start, end, text[start:end], score=score, explanation=why))

    for m in _AGE_TEAM.finditer(text):
        if _TOURNAMENT_BEFORE.search(text, max(0, m.start() - 25), m.start()) or _REGION.match(text, m.start()):
            continue                                   # "giải U19 Quốc gia", "VCK U23 châu Á": tournaments
        add(m.start(), m.end(), "age-group team", 0.9)
    for m in _PARLIAMENT_BODY.finditer(text):
        add(m.start(), m.end(), "committee of the National Assembly", 1.0)
    common_nouns = lower_case_acronyms(text)
    for m in lex.fixed.finditer(text):
        if m.group(0) == "Chính phủ" and _NOT_GOVERNMENT.search(text, max(0, m.start() - 32), m.start()):
            continue                                   # "(Phó) Thủ tướng (Thường trực) Chính phủ" is a title,
                                                       # "trái phiếu Chính phủ" a bond,
                                                       # "tổ chức phi Chính phủ" a non-governmental one
        if m.group(0) in common_nouns:
            continue                                   # "người lao động (NLĐ)": not the newspaper NLĐ
        end = _place_or_country_end(text, m.end())
        if _EVENT_AFTER.match(text, m.end()) or _EVENT_AFTER.match(text, end):
            continue                                   # "AFF Cup", "APEC (Việt Nam) 2017": an event named after a body
        head = _TYPE_WORD_BEFORE.search(text, max(0, m.start() - 20), m.start())
        add(head.start() if head else m.start(), end, "organisation lexicon", 1.0)
    for m in re.finditer(r"(?<![\w])Đảng(?![\w])", text):
        if not (_PARTY_NOT_ORG.match(text, m.start()) or party_years_before(text, m.start())
                or _PARTY_GENERIC_BEFORE.search(text, max(0, m.start() - 12), m.start())):
            add(m.start(), m.end(), "the Party", 1.0)
    for m in lex.ministry.finditer(text):
        if m.group(0)[0].islower() and not _lower_case_ministry(text, m):
            continue
        add(m.start(), _place_or_country_end(text, m.end()), "ministry or department", 0.95)
    for m in lex.heads["local"].finditer(text):
        if _CHIEF_BEFORE.search(text, max(0, m.start() - 8), m.start()):
            inner = lex.heads["local"].search(text, m.start() + 1, m.end())
            if inner and inner.start() < m.end():
                m = inner                              # "Chánh Văn phòng UBND tỉnh …": a title, then the UBND
        place = place_end(text, m.end())
        if place and m.group(0)[0].isupper() and not _bare_city(text, m.end()):
            add(m.start(), place, "local body + place", 0.9)
    for m in lex.heads["numbered"].finditer(text):
        number = _NUMBERED.match(text, m.end())
        if number and m.group(0)[0].isupper() and not any(w in lex.stop for w in number.group("words").split()):
            end = extend_name(doc, number.end(), stop=lex.stop, max_words=4)
            add(m.start(), max(end, number.end()), "numbered unit", 0.9)
    for m in lex.heads["named"].finditer(text):
        if not (m.group(0)[0].isupper() or m.group(0).casefold().startswith(_LOWER_CASE_HEADS)):
            continue
        previous = _PREVIOUS_WORD.search(text, max(0, m.start() - 12), m.start())
        if _COMPOUND_BEFORE.search(text, max(0, m.start() - 12), m.start()) or _ends_compound(doc, m, previous, lex):
            continue                                   # "hội trường", "thị trường", "môi trường" are not schools
        if previous and (province_at(text, previous.start()) or 0) >= m.end():
            continue                                   # "Hải Phòng": a province, not a "Phòng"
        if _CHIEF_BEFORE.search(text, max(0, m.start() - 8), m.start()):
            continue                                   # "Chánh Văn phòng UBND tỉnh": a title, then the UBND
        if m.group(0).isupper() and exam_before(text, m.start()):
            continue                                   # "kỳ thi THPT Quốc gia" is an exam
        after = m.end()
        if m.group(0).casefold() == "đội" and _AGE_TEAM.match(text, after + 1):
            continue                                   # "đội U15 Việt Nam": the team is "U15 Việt Nam"
        following = text[after:after + 2]
        if not following.strip() or len(following) < 2 or not (following[1].isupper() or following[1].isdigit()):
            continue
        if m.group(0) == "Vụ" and (_name_starts(text, after + 1) or after + 1 in title_starts(text) or not (
                (word := _WORD.match(text, after + 1)) and is_vietnamese_syllable(word.group(0)))):
            continue                                   # "Vụ OceanBank", "Vụ Trịnh Xuân Thanh", "Vụ Giám đốc sở …":
                                                           # a case, not a department
        if _PARTY_COMMITTEE.fullmatch(m.group(0)) and (_person_not_place(text, after + 1) or _bare_city(text, after)):
            continue                                   # "… Thành ủy Võ Thị Dung": a committee is named by its place
        end = extend_name(doc, after, stop=lex.stop)
        if end > after and not lex.is_head(text[after + 1:end]) and not lex.is_head(text[m.start():end]):
            if number := _UNIT_NUMBER.match(text, end):
                end = number.end()                     # "Đội Quản lý thị trường số 4", "Công ty CP DAP số 2"
            add(m.start(), _place_or_country_end(text, end), "head word + name", 0.6)
    for m in _BYLINE_TAG.finditer(text):
        if is_news_tag(m.group("tag")):
            add(m.start("tag"), m.end("tag"), "newspaper's tag before the lead", 0.9)
    for m in _CLASSIFIER.finditer(text):
        end = extend_name(doc, m.end() - 1, stop=lex.stop, max_words=6, joined_head=True)
        if tail := _LOWER_TAIL.search(text, m.end(), end):
            end = tail.start()                         # "hãng tin KCNA | dẫn lời": a name of capitals
        if end > m.end() and not _GENERIC_NAME.fullmatch(text, m.end(), end):
            add(m.end(), end, "a newspaper's, site's or brand's name after its classifier", 0.7)
    for m in _SCORE_LINE.finditer(text):
        if not {m.group("a").split()[0], m.group("b").split()[0]} & _NOT_TEAM_WORDS:
            add(m.start("a"), m.end("a"), "a side of a match result", 0.8)
            add(m.start("b"), m.end("b"), "a side of a match result", 0.8)
    for m in _FOREIGN_AFTER_KIND.finditer(text):
        if any(w in lex.stop for w in m.group("kind").split()):
            continue                                   # "hãng xe như Toyota": an example, not the kind's words
        end = extend_name(doc, m.start("name") - 1, stop=lex.stop, max_words=5, joined_head=True)
        end = min(end, _before_and(text, m.start("name"), end))
        if tail := _LOWER_TAIL.search(text, m.start("name"), end):
            end = tail.start()
        name = text[m.start("name"):end].split()
        if name and any(not is_vietnamese_syllable(w) for w in name) and not country_names().fullmatch(" ".join(name)):
            add(m.start("name"), end, "a foreign name after the kind of body it is", 0.7)
    for m in _SOURCE.finditer(text):
        acronym = m.group("acronym")
        if not (lex.is_head(acronym) or acronym.casefold() in honorific_words() or acronym in common_acronyms()
                or province_at(text, m.start("acronym"))):
            add(m.start("acronym"), m.end("acronym"), "an acronym given as the source", 0.7)
    mentions = [_across_brackets(doc, m, lex) for m in mentions]
    mentions += _acronyms(text, mentions, lex)
    return _with_prefixes(text, mentions)


# A type word written before a name the lexicon knows is part of the name as written: "Báo Lao Động", "Tập đoàn
# Viettel" (ANNOTATION.md: span the whole name as written).
_TYPE_WORD_BEFORE = re.compile(r"(?<!\w)(?:Báo|Tạp chí|Đài|Hãng|Tập đoàn|Tổng công ty|Công ty|Ngân hàng)[ \t]+\Z")


# Classifiers written before the name of a newspaper, a website, a brand or a network, which are not part of it:
# "tờ Asahi Shimbun", "trang Statista", "thương hiệu Kenzo", "nhà mạng Viettel".
_CLASSIFIER = re.compile(rf"(?<!\w)(?:tờ|(?<![Nn]ghĩa )(?<![Tt]hời )(?<![Cc]ổ )(?<![Vv]ũ )trang|thương hiệu|nhà mạng|hãng tin"
                         rf"|hãng thông tấn)[ \t]+(?=[{UPPER}])")   # not "nghĩa trang" (a cemetery), "thời trang",
                                                                     # "cổ trang", "lực lượng vũ trang" (armed forces)
_LOWER_TAIL = re.compile(rf"(?:[ \t]+[{LOWER}]\S*)+\Z")
_GENERIC_NAME = re.compile(r"(?:Web|Website|Facebook|Fanpage|Youtube|Tin|Chủ|Thông tin|Ảnh|Video)", re.IGNORECASE)
# A foreign name after the kind of body and what it does in lower case: "hãng mỹ phẩm Lancôme", "công ty dầu khí
# Chevron Texaco", "Quỹ đầu tư mạo hiểm Sequoia Capital": the name is the organisation.
_FOREIGN_AFTER_KIND = re.compile(
    rf"(?<!\w)(?:[Cc]ông ty|[Hh]ãng|[Tt]ập đoàn|[Nn]gân hàng|[Qq]uỹ)(?P<kind>(?:[ \t]+[{LOWER}]+){{1,4}})"
    rf"[ \t]+(?P<name>[{UPPER}])")


def _before_and(text: str, start: int, end: int) -> int:
    """Where " và " first cuts [start, end) ("Toyota và Ford" are two), or `end`."""
    cut = text.find(" và ", start, end)
    return cut if cut >= 0 else end


# An acronym given as a text's or a photo's source: "(Theo CNN)", "Nguồn: AFP", "Nguồn ảnh: CNN"; not "theo" inside
# a sentence ("xuôi theo QL1").
_SOURCE = re.compile(rf"(?:(?<=\()(?:theo|nguồn)|(?<![\w])(?:Theo|Nguồn))(?: ảnh)?[ \t]*:?[ \t]+"
                     rf"(?P<acronym>[{UPPER}][{UPPER}0-9&]{{1,7}})(?![\w&.])")


# A match result on a line of its own or after "Tỷ số": "Hải Dương 0-0 Quảng Nam", "Đông Anh 2-1 Hoài Đức":
# both sides are teams (ANNOTATION.md: a named team is an ORGANIZATION).
_TEAM = rf"[{UPPER}][\w.&]*(?:[ \t][{UPPER}][\w.&]*){{0,4}}"
_SCORE_LINE = re.compile(rf"(?:^|(?:[Tt]ỷ số|[Kk]ết quả)[^\n:]{{0,20}}:)[ \t]*(?P<a>{_TEAM})"
                         rf"[ \t]+\d{{1,2}}[ \t]*[-–][ \t]*\d{{1,2}}[ \t]+(?P<b>{_TEAM})(?=[ \t]*(?:$|[,.;(]))", re.MULTILINE)
_NOT_TEAM_WORDS = frozenset({"Ngày", "Tháng", "Năm", "Từ", "Đến", "Sáng", "Chiều", "Tối", "Hiệp", "Phút", "Vòng"})


def _place_or_country_end(text: str, end: int) -> int:
    """The end of the place or the country written after a body's name ("Sở Y tế tỉnh Nam Định", "Bộ
    Quốc phòng Nga", "Chính phủ Thụy Điển": the place is part of the name), or `end`."""
    place = place_end(text, end)
    if place:
        return place
    country = country_names().match(text, end + 1) if text.startswith(" ", end) else None
    return country.end() if country and country.group(0)[0].isupper() else end


# A newspaper's tag opening the lead, before a dash: "TPO - Sáng 3/4, …", "(QĐND) – …" (ANNOTATION.md: a
# tag in a byline is an ORGANIZATION; lexicon.is_news_tag tells it from a dateline's place).
_BYLINE_TAG = re.compile(r"^[ \t]*\(?(?P<tag>[^\W\d_][\w&.]*\w)\)?[ \t]*[-–—]", re.MULTILINE)
_NAME_GOES_ON = re.compile(r"[ \t]+[A-ZĐ]")         # "Công ty Cổ phần Du lịch (CPDL) Công đoàn": inside a name
_ACRONYM_DEFINED = re.compile(r"[ \t]*\((?P<acronym>[A-ZĐ][A-ZĐ0-9&]{1,9})\)")


def _across_brackets(doc: SegmentedText, mention: Mention, lex: OrganisationLexicon) -> Mention:
    """A name that goes on after its acronym in brackets is one name: "Ủy ban Trung ương Mặt trận Tổ quốc
    (MTTQ) Việt Nam", "Công ty Cổ phần Du lịch (CPDL) Công đoàn"; not when a person's name follows."""
    text = doc.text
    found = _ACRONYM_DEFINED.match(text, mention.end)
    if not found or not _NAME_GOES_ON.match(text, found.end()) or _name_starts(text, found.end() + 1):
        return mention
    end = extend_name(doc, found.end(), stop=lex.stop, max_words=4)
    if end <= found.end():
        return mention
    return replace(mention, end=end, text=text[mention.start:end])


def _domain_acronym(name: str, acronym: str) -> bool:
    """The acronym spells the last three or more words of the name, a common phrase with one capital,
    its first (the body's domain, not the body): "Ban Chỉ đạo Vệ sinh an toàn thực phẩm (VSATTP)",
    "Trung tâm Công nghệ thông tin (CNTT)"; not "Công ty CP Dược Hậu Giang (DHG)", "Hội Liên hiệp
    Phụ nữ (LHPN)"."""
    syllables = _WORD.findall(name)
    if not acronym.isalpha() or not 3 <= len(acronym) < len(syllables):
        return False                                   # "Văn phòng Quốc hội (QH)": two words may be a name
    tail = syllables[-len(acronym):]
    return ("".join(w[0] for w in tail).upper() == acronym and tail[0][0].isupper()
            and not any(w[0].isupper() for w in tail[1:]))


def _acronyms(text: str, mentions: list[Mention], lex: OrganisationLexicon) -> list[Mention]:
    """An acronym defined in brackets right after an organisation ("Công ty CP Dược Hậu Giang (DHG)")
    names it wherever it recurs in the document: definitions are collected in one pass over the
    mentions, then all their uses are found in one pass over the text. A bare type word ("(UBND)")
    defines nothing."""
    defined = set()
    for m in mentions:
        found = _ACRONYM_DEFINED.match(text, m.end)
        if found and not _NAME_GOES_ON.match(text, found.end()):
            acronym = found.group("acronym")
            if sum(c.isupper() for c in acronym) >= 2 and not lex.is_head(acronym) and not _domain_acronym(m.text, acronym):
                defined.add(acronym)
    if not defined:
        return []
    uses = re.compile(rf"(?<![\w&])(?:{'|'.join(re.escape(a) for a in sorted(defined, key=len, reverse=True))})(?![\w&])")
    return [Mention("ORGANIZATION", u.start(), u.end(), u.group(0), score=0.9, explanation="acronym defined in the text")
            for u in uses.finditer(text)]


# A committee of the National Assembly: "Ủy ban Văn hóa, Giáo dục của Quốc hội", "Hội đồng Dân tộc của Quốc hội"
# (officials.md §3.1), its domains joined by commas, "và" or a dash.
_DOMAIN = rf"[{UPPER}][^\W\d_]*(?:[ \t](?!của\b)[{LOWER}]+){{0,4}}"
_PARLIAMENT_BODY = re.compile(
    rf"(?<!\w)(?:Ủy ban|Uỷ ban|UB|Hội đồng)[ \t]+{_DOMAIN}(?:(?:,[ \t]*|[ \t]+và[ \t]+|[ \t]*-[ \t]*){_DOMAIN}){{0,5}}"
    r"[ \t]+của[ \t]+Quốc hội(?!\w)")
# Sub-units written before an organisation's name, which they belong to: "Đoàn đại biểu Quốc hội tỉnh …",
# "Thanh tra Bộ Xây dựng", "Văn phòng Tỉnh ủy …", "Đảng bộ Cơ quan LĐLĐ …" (officials.md §2–§3).
_PREFIX = re.compile(
    r"(?<!\w)(?:Đoàn đại biểu|Đoàn ĐBQH|Thanh tra|Văn phòng|Đảng bộ|Đảng ủy|Công đoàn|Chi bộ|Đoàn Thanh niên|"
    r"Cơ quan|Ban Thường vụ|Ban Chấp hành|Ban Tuyên giáo|Ban Tổ chức|Ban Dân vận|Ủy ban Kiểm tra)[ \t]+(?=[A-ZĐ])")


def _with_prefixes(text: str, mentions: list[Mention]) -> list[Mention]:
    """Each mention with the sub-unit written before it, as a longer mention of the same score;
    not when the sub-unit ends a title ("Chánh Văn phòng UBND tỉnh": the organisation is the UBND).
    One pass over the text for the prefixes, one lookup per mention."""
    titles = title_spans(text)
    title_ends = {end for _, end in titles}
    title_reach = {start: end for start, end in titles}
    before = {}
    for prefix in _PREFIX.finditer(text):
        word_end = prefix.start() + len(prefix.group(0).rstrip())
        if word_end in title_ends or title_reach.get(prefix.start(), 0) > word_end:
            continue                                   # "Chánh Văn phòng", "Trưởng Ban Tổ chức …": titles
        before[prefix.end()] = prefix.start()
    extended = []
    for mention in mentions:
        start = mention.start
        for _ in range(3):                             # "Đảng bộ Cơ quan LĐLĐ …": prefixes chain
            if start not in before:
                break
            start = before[start]
        if start != mention.start:
            extended.append(Mention("ORGANIZATION", start, mention.end, text[start:mention.end], score=mention.score,
                                    explanation=mention.explanation + " + sub-unit"))
    return mentions + extended
