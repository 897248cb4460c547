"""Shared lexical knowledge, beside resources.py (which loads the files): family names, honorifics,
title words, the shape of a Vietnamese name, countries, province names in running text, places
written after an organisation's head word, organisation heads and the words that end a name, and
the qualifiers of a percentage. Recognisers, assemblers and the model's features all read them
from here, each list loaded once.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from vnextract.extractor.normalise.unicode import fold_tones
from vnextract.extractor.resources import ProvinceGazetteer, province_gazetteer, read_lines, read_rows

# Letter classes for regexes. A range such as "À-Ỹ" is not the capitals: Unicode puts the Vietnamese
# letters in alternating capital / small pairs (U+1EA0 Ạ, U+1EA1 ạ, …), so that range also holds
# "ở", "đã"'s "đ" and every small accented letter; these classes list the letters one by one.
_LATIN = [chr(c) for c in range(0xC0, 0x1F00) if chr(c).isalpha() and unicodedata.name(chr(c), "").startswith("LATIN")]
UPPER = "A-Z" + "".join(c for c in _LATIN if c.isupper())
LOWER = "a-z" + "".join(c for c in _LATIN if c.islower())


def alternation(phrases: list[str]) -> str:
    """A regex alternation of literal phrases, longest first, white space matching any run. A look-ahead
    for the phrases' first letters comes first: the engine then tries the branches only where one can
    begin (3× faster on the organisation lexicon's phrases, the same matches)."""
    parts = sorted({p for p in phrases if p}, key=len, reverse=True)
    if not parts:
        return ""
    firsts = "".join(sorted({re.escape(p[0]) for p in parts}))
    return f"(?=[{firsts}])(?:" + "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in parts) + ")"


# --- persons -----------------------------------------------------------------------------------

@cache
def surnames() -> frozenset[str]:
    """Vietnamese family names, capitalised as written ("Nguyễn", "Trần"): models/lexicons/surnames.txt."""
    return frozenset(read_lines("surnames.txt"))


@cache
def honorific_words() -> frozenset[str]:
    """The honorifics, casefolded, for lookups ("ông", "pv", "đồng chí")."""
    return frozenset(h.casefold() for h in honorifics())


@cache
def honorifics() -> tuple[str, ...]:
    """Words written right before a name: honorifics, degrees, ranks ("ông", "đồng chí", "PGS.TS")."""
    return tuple(read_lines("honorifics.txt"))


@cache
def foreign_titles() -> tuple[str, ...]:
    """Titles of foreign heads of state and royals ("Tổng thống", "Nữ hoàng"): models/lexicons/foreign_titles.txt."""
    return tuple(read_lines("foreign_titles.txt"))


# "Trung ương" abbreviated (../shared/reference/officials.md §9: TW / TƯ / T.Ư / T.W).
CENTRAL_ABBREVIATIONS = ("TƯ", "T.Ư", "TW", "T.W")
CENTRAL = f"(?:{'|'.join(re.escape(form) for form in ('Trung ương', *CENTRAL_ABBREVIATIONS))})"


@cache
def title_phrases() -> tuple[str, ...]:
    """Position titles as written ("Chủ tịch", "Giám đốc", "Tỉnh ủy viên"): models/lexicons/titles.txt, each
    with "Trung ương" also abbreviated ("Ủy viên BCH T.Ư Đảng")."""
    return with_central_abbreviated(read_lines("titles.txt"))


def with_central_abbreviated(phrases: Sequence[str]) -> tuple[str, ...]:
    """The phrases, then each one holding "Trung ương" written with each abbreviation ("BCH T.Ư Đảng")."""
    return (*phrases, *(p.replace("Trung ương", short) for p in phrases if "Trung ương" in p
                        for short in CENTRAL_ABBREVIATIONS))


MIDDLE_NAMES = frozenset({"Văn", "Thị", "Đức", "Hữu", "Ngọc", "Minh", "Thanh", "Quang", "Xuân", "Công", "Đình",
                          "Quốc", "Thành", "Hồng", "Kim", "Anh", "Bá", "Trọng", "Duy", "Mạnh", "Tiến", "Hoàng"})


def is_name_shaped(words: Sequence[str]) -> bool:
    """The shape of a Vietnamese name: a family name and one to three more capitalised syllables
    ("Nguyễn Văn An"; not "NGUYỄN VĂN AN", not "Nguyễn văn")."""
    return 2 <= len(words) <= 4 and words[0] in surnames() and all(w[0].isupper() and not w.isupper() for w in words)


_ONSET = re.compile(r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?")
_CODA = ("ch", "ng", "nh", "c", "m", "n", "p", "t", "")
# Vowel nuclei of Vietnamese syllables, tone marks removed (a syllable's vowels and glides before its coda).
_NUCLEI = frozenset({"a", "ă", "â", "e", "ê", "i", "y", "o", "ô", "ơ", "u", "ư", "ai", "ao", "au", "ay", "âu", "ây",
                     "eo", "êu", "ia", "iê", "iu", "oa", "oă", "oe", "oi", "ôi", "ơi", "ua", "uâ", "uê", "ui", "uô",
                     "uơ", "ưa", "ưi", "ươ", "ưu", "uy", "yê", "oai", "oay", "oao", "oeo", "uây", "uôi", "ươi", "ươu",
                     "uya", "uyê", "iêu", "yêu", "uyu"})
_TONE_MARKS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def is_vietnamese_syllable(word: str) -> bool:
    """One syllable of Vietnamese spelling ("Dũng", "nghiêng"); not "Agribank", "Boeing", "Putin"."""
    bare = unicodedata.normalize("NFC", "".join(c for c in unicodedata.normalize("NFD", word.casefold())
                                                if c not in _TONE_MARKS))
    onset = _ONSET.match(bare)
    rest = bare[onset.end():] if onset else bare
    if onset and onset.group(0) == "gi" and rest in _CODA:
        return True                                    # "gì", "gìn": the i of "gi" is the vowel
    return any(rest.endswith(coda) and rest[:len(rest) - len(coda)] in _NUCLEI for coda in _CODA)


# The sexagenary cycle names years ("Tết Đinh Dậu", "năm Canh Tý"); several stems are family names.
_STEMS = frozenset({"Giáp", "Ất", "Bính", "Đinh", "Mậu", "Kỷ", "Canh", "Tân", "Nhâm", "Quý"})
_BRANCHES = frozenset({"Tý", "Sửu", "Dần", "Mão", "Mẹo", "Thìn", "Tỵ", "Tị", "Ngọ", "Mùi", "Thân", "Dậu", "Tuất", "Hợi"})


@cache
def not_person_names() -> frozenset[str]:
    """Capitalised phrases that begin with a family name but are places or things (models/lexicons/not_person_names.txt)."""
    return frozenset(read_lines("not_person_names.txt"))


def is_lunar_year(name: str) -> bool:
    """A year of the sexagenary cycle: a stem and a branch ("Đinh Dậu", "Giáp Thân")."""
    words = name.split()
    return len(words) == 2 and words[0] in _STEMS and words[1] in _BRANCHES


def lunar_year_after(text: str, end: int) -> bool:
    """A lunar year's name follows `end` ("mừng Xuân | Ất Dậu": the spring of a year, not a person)."""
    year = _LUNAR_AFTER.match(text, end)
    return year is not None and is_lunar_year(year.group(1))


_LUNAR_AFTER = re.compile(r"[ \t]+(\w+[ \t]+\w+)")


# Words right before a capitalised run that make it the name of something else: a street, a school,
# an award, a company, a ship, a place ("đường Lê Lợi", "trường THPT Chu Văn An"); not the compounds that
# end with such a word ("môi trường", "thị trường", "yêu cầu").
NOT_PERSON_CONTEXT = re.compile(
    r"(?<!\w)(?:đường|(?<!thành )phố|đại lộ|(?<!môi )(?<!thị )(?<!hội )(?<!chiến )(?<!quảng )(?<!lập )(?<!thương )trường|"
    r"thpt|thcs|ptth|ptcs|chuyên|huân chương|huy chương|giải thưởng|giải|lăng|bảo tàng|(?<!yêu )(?<!nhu )(?<!toàn )cầu|"
    r"tncs|quỹ|công ty|tàu|sân bay|thôn|nhà hát|bệnh viện|khu|hẻm|ngõ|"
    r"chung cư|cảng|chợ|tập đoàn|làng|bến|sông|núi|đèo|hồ|vịnh|đảo|di tích|đền|chùa|nhà thờ|ga|mỏ|"
    r"đoàn thanh niên|thành phố mang tên|tên|nhà xuất bản|nxb|thư viện|câu lạc bộ|clb|hãng|"
    r"cửa khẩu|cao tốc|trạm|(?<!trực )tuyến|công viên|xóm|kênh|rạch|khách sạn|nhà máy|xí nghiệp|ngã ba|ngã tư|"
    r"nhà hàng|cửa hàng|siêu thị|vòng xoay|bùng binh|nút giao|giao lộ|doanh nghiệp tư nhân|dntn|"
    r"hợp tác xã|htx|nhà thi đấu|sân vận động|svđ|nhà văn hóa|nhà văn hoá|cung văn hóa|cung văn hoá|quảng trường)\s*\Z"
)


def in_place_list(text: str, start: int) -> bool:
    """The name at `start` continues a list of streets or communes ("đường Lý Thường Kiệt, Nguyễn Chí
    Thanh (quận 10) và Lê Văn Sỹ", "nút giao Lê Văn Lương - Hoàng Minh Giám", "các tuyến phố như Hàng
    Bông, Hàng Gai", "ở 4 xã: Tân Lập, Hòa Bình và Xuân Sơn"): each earlier member is a capitalised
    name or a number ("3/2"), with its district in brackets at most, and the first follows a street's
    or a commune's word. A person named after such a list takes a cue ("…, ông Lê Văn A")."""
    if not _LIST_SEPARATOR_BEFORE.search(text, max(0, start - 6), start):
        return False
    return _PLACE_LIST.search(text, max(0, start - 240), start) is not None


_PLACE_MEMBER = rf"(?:[{UPPER}][\w'’.]*|\d+(?:/\d+)?)(?:[ \t]+(?:[{UPPER}][\w'’.]*|\d+(?:/\d+)?)){{0,4}}"
_LIST_SEPARATOR_BEFORE = re.compile(r"(?:[,;/–-]|(?<!\w)và)[ \t]*\Z")
_PLACE_LIST = re.compile(
    rf"(?<!\w)(?i:đường|(?<!thành )phố|đại lộ|hẻm|ngõ|nút giao|giao lộ|ngã ba|ngã tư|vòng xoay|"
    rf"(?<!ông )xã|phường|thị trấn|thôn|xóm|ấp|bản)"
    r"(?:[ \t]+(?:như|gồm|là))?[ \t]*:?[ \t]+"
    rf"(?:{_PLACE_MEMBER}(?:[ \t]*\([^()\n]{{1,40}}\))?[ \t]*(?:[,;/–-]|(?<!\w)và)[ \t]*)+\Z")

_DATELINE_TAIL = re.compile(r"[ \t]*(?:\([^()\n]{1,30}\)[ \t]*)?[-–—]")


def is_dateline(text: str, start: int, end: int) -> bool:
    """A news dateline: the place in capitals that opens its line, before a dash ("HẢI CHÂU -",
    "ĐÀ NẴNG (TTXVN) –"). A place, not a person's or a body's name; a newspaper's tag in the same
    place ("TPO -") is not a dateline (`is_news_tag`)."""
    reach = max(0, start - 200)
    newline = text.rfind("\n", reach, start)
    if newline == -1 and reach > 0:
        return False                                   # 200 characters of its line come before it
    span = text[start:end]
    return (not text[newline + 1:start].strip() and span.upper() == span and any(c.isalpha() for c in span)
            and _DATELINE_TAIL.match(text, end) is not None and not is_news_tag(span))


_VOWELS = frozenset("aăâeêioôơuưy")


def is_news_tag(word: str) -> bool:
    """A newspaper's or agency's tag written in capitals ("TPO", "PLO", "QĐND", "TTXVN", "VOV.VN"):
    one token of two to eight capitals, digits, '&' or '.', with at most one vowel and not a
    Vietnamese syllable. A place in capitals has the vowels of its syllables ("HUẾ", "PARIS")."""
    if not (2 <= len(word) <= 8 and re.fullmatch(r"[^\W\d_][\w&.]*\w", word) and word.upper() == word):
        return False
    bare = unicodedata.normalize("NFD", word.casefold())
    vowels = sum(unicodedata.normalize("NFC", c) in _VOWELS for c in bare)
    return vowels <= 1 and not is_vietnamese_syllable(word)


# A count or quantifier right before a head word makes a generic or plural mention: "các Sở GD-ĐT",
# "đại diện 5 Sở Y tế", "hai Đảng" (ANNOTATION.md: "các sở, ban, ngành" is no organisation). A number is a count
# after a verb or a function word (the words that end a name); after a noun it is the noun's own ("lớp 7
# trường THCS …", "Quân khu 7 Bộ Quốc phòng").
_QUANTIFIER_BEFORE = re.compile(r"(?<!\w)(?:các|những|mọi|nhiều|một số|mấy|hai)\s+\Z", re.IGNORECASE)
_COUNT_BEFORE = re.compile(r"(?<!\w)([^\W\d_]+)\s+(\d+)\s+\Z")
_NUMBER_WORDS = frozenset({"số", "khóa", "khoá", "lần", "thứ", "đợt"})   # "số 3", "khóa 12": a number's own noun


def generic_before(text: str, start: int) -> bool:
    """A quantifier or a count comes right before `start`: what follows is not one named body. A ministry
    is: there is one of each, so "các Bộ Tài chính, Bộ Công Thương" lists named bodies."""
    if text.startswith(("Bộ ", "BỘ "), start):
        return False
    before = text[max(0, start - 40):start]
    if _QUANTIFIER_BEFORE.search(before):
        return True
    count = _COUNT_BEFORE.search(before)
    if not count or count.group(2) == "1":
        return False
    words = re.findall(r"[^\W\d_]+", before[:count.start(2)])
    stop = organisation_lexicon().stop
    return bool(words) and words[-1] not in _NUMBER_WORDS and (words[-1] in stop or " ".join(words[-2:]) in stop)


_PARTY_YEARS = re.compile(r"(?:tuổi|[Hh]uy hiệu)[ \t]+\Z")


def party_years_before(text: str, start: int) -> bool:
    """"Đảng" here counts a member's years or names a badge ("Huy hiệu 40 năm tuổi Đảng"), not the Party."""
    return bool(_PARTY_YEARS.search(text, max(0, start - 12), start))


@cache
def common_acronyms() -> frozenset[str]:
    """Acronyms of common nouns ("HSSV", "ANTT", "GDP"): models/lexicons/common_acronyms.txt."""
    return frozenset(read_lines("common_acronyms.txt"))


@lru_cache(maxsize=4)                                  # the ORGANIZATION rules and the model ask for the same text
def lower_case_acronyms(text: str) -> frozenset[str]:
    """Acronyms the text defines for lower-case phrases by their initials: "doanh nghiệp nhà nước
    (DNNN)", "Học sinh, sinh viên (HSSV)" (the first word may open a sentence). They abbreviate
    common nouns, not a body's name."""
    found = set()
    for m in _BRACKETED_ACRONYM.finditer(text):
        acronym = m.group("acronym")
        words = re.findall(r"[^\W\d_]+", text[max(0, m.start() - 80):m.start()])[-len(acronym):]
        if (len(words) == len(acronym) and all(w.islower() for w in words[1:])
                and "".join(w[0] for w in words).casefold() == acronym.casefold()):
            found.add(acronym)
    return frozenset(found)


_BRACKETED_ACRONYM = re.compile(rf"[ \t]\((?P<acronym>[{UPPER}]{{2,8}})\)")


_TITLE_MODIFIER = r"(?:(?:nguyên|cựu|tân|quyền|Nguyên|Cựu|Tân|Quyền|NGUYÊN)\s+)?(?:(?:Phó|phó|PHÓ)\s+)?"


@cache
def title_words() -> re.Pattern[str]:
    """Position titles with their modifiers ("nguyên Phó Chủ tịch", "Giám đốc"), in any case."""
    return re.compile(rf"(?<![\w]){_TITLE_MODIFIER}(?:{alternation(list(title_phrases()))})(?![\w])", re.IGNORECASE)


# Positions that records read as titles but that the recognisers' title list leaves out (it shapes
# the PERSON rules and the model's features, so it is not extended for records' sake).
RECORD_TITLES = ("Tổng Biên tập", "Phó Ban", "Đảng ủy viên", "Đảng uỷ viên", "Chi ủy viên", "Quản đốc", "Vụ phó",
                 "Cục phó", "Trưởng bộ môn", "Thư ký", "Tổ phó", "Tổng thống", "Nữ hoàng", "Chủ nhiệm", "Phó trưởng",
                 "Chuyên viên", "Hiệu phó", "Giám đốc điều hành", "ĐBQH", "ĐB")

_BIRTH_RANKS = frozenset({"Hoàng hậu", "Hoàng tử", "Công chúa", "Thái tử", "Hoàng thân", "Công tước", "Nữ công tước"})


@cache
def record_title_words() -> re.Pattern[str]:
    """Title words with their modifiers, as title_words(), with RECORD_TITLES and the foreign offices
    ("Tổng thống", "Vua", "Quốc vương") added; a royal's birth rank ("Hoàng tử", "Công chúa") is no post."""
    phrases = [*title_phrases(), *RECORD_TITLES, *(t for t in foreign_titles() if t not in _BIRTH_RANKS)]
    return re.compile(rf"(?<![\w]){_TITLE_MODIFIER}(?:{alternation(phrases)})(?![\w])", re.IGNORECASE)


@lru_cache(maxsize=4)
def title_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Where the title words alone are ("Phó Chủ tịch", "Giám đốc"). Two recognisers ask for the same
    document's (ORGANIZATION and the model): the last few texts' answers are kept."""
    return tuple(m.span() for m in title_words().finditer(text))


@lru_cache(maxsize=4)
def title_starts(text: str) -> frozenset[int]:
    """Where the title words of `text` begin (title_spans), for lookups in constant time."""
    return frozenset(start for start, _ in title_spans(text))


_EXAM_BEFORE = re.compile(r"(?:kỳ thi|thi|tuyển sinh)\s+\Z", re.IGNORECASE)


def exam_before(text: str, start: int) -> bool:
    """An exam's word ends right before `start`: "kỳ thi THPT Quốc gia" is an exam, not a school."""
    return _EXAM_BEFORE.search(text, max(0, start - 20), start) is not None


def overlaps_title(text: str, start: int, end: int) -> bool:
    """A title's words ("Phó Chủ nhiệm", "Chủ tịch Nước") overlap text[start:end]: no name there."""
    return any(a < end and start < b for a, b in title_spans(text))


@cache
def country_names() -> re.Pattern[str]:
    """Country and region names (models/lexicons/countries.txt): places, never a person's name
    ("Đại sứ Tây Ban Nha" holds no person "Ban Nha")."""
    return re.compile(rf"(?<!\w)(?:{alternation(read_lines('countries.txt'))})(?!\w)")


# --- provinces ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class ProvinceMatcher:
    pattern: re.Pattern[str]               # every alias of every era, case-insensitive, on word edges
    gazetteer: ProvinceGazetteer
    name_words: frozenset[str]             # casefolded family and middle names ("ông Thái Bình" is a person)


@cache
def province_matcher() -> ProvinceMatcher:
    gazetteer = province_gazetteer()
    surfaces = {re.escape(key).replace(r"\ ", r"\s+").replace(r"\-", r"\s*-\s*") for key in gazetteer.aliases}
    firsts = "".join(sorted({re.escape(key[0]) for key in gazetteer.aliases}))   # a look-ahead, as in alternation()
    pattern = re.compile(rf"(?<!\w)(?=[{firsts}])(?:{'|'.join(sorted(surfaces, key=len, reverse=True))})(?!\w)",
                         re.IGNORECASE)
    given_names = frozenset({"văn", "thị", "đức", "hữu", "ngọc", "minh", "thanh", "quang", "xuân", "công"})
    return ProvinceMatcher(pattern, gazetteer, frozenset(s.casefold() for s in surnames()) | given_names)


def province_at(text: str, position: int) -> int | None:
    """End of a province name (any alias) that starts exactly at `position`, or None."""
    matcher = province_matcher()
    m = matcher.pattern.match(text, position)
    if m and m.group(0)[0].isupper() and matcher.gazetteer.canonical(m.group(0)):
        return m.end()
    return None


_PLACE_TYPE = re.compile(
    r"[ \t]+(?P<type>tỉnh|Tỉnh|TỈNH|thành phố|Thành phố|THÀNH PHỐ|TP\.?|Tp\.?|TX\.?|huyện|Huyện|quận|Quận|thị xã|Thị xã|"
    r"xã|Xã|phường|Phường|thị trấn|đặc khu)(?=[\s.]|\Z)"
)
_PLACE_NAME = re.compile(rf"[ \t]*(?:\d{{1,2}}(?!\w)|(?:[{UPPER}]\w*(?:\s?-\s?|\s+|\.)?){{1,4}})")


@cache
def district_names() -> re.Pattern[str]:
    """Names of district-level units of 2008–June 2025 (models/lexicons/districts.txt), matched as
    written (capitalised) on word edges: "Bắc Từ Liêm", "Hải Châu" hold family names and are places."""
    return re.compile(rf"(?:{alternation([fold_tones(n) for n in read_lines('districts.txt')])})(?!\w)")


_DISTRICT_TYPES = frozenset({"huyện", "quận", "thị xã", "tx", "thành phố", "tp"})


@cache
def _district_after_type() -> re.Pattern[str]:
    types = r"(?:[Qq]uận|[Hh]uyện|[Tt]hị xã|TX\.?|[Tt]hành phố|TP\.?)"
    return re.compile(rf"(?<!\w){types}[ \t]*(?P<name>{district_names().pattern})")


_HOUSE_NUMBER_BEFORE = re.compile(r"(?:\bsố\s*)?\d+[A-Za-z]?(?:/\d+[A-Za-z]?)*\s+\Z")


_UNIT_NUMBERED = re.compile(r"(?<!\w)(?:quận|phường|khu|đoàn|khóa|khoá|lớp)[ \t]+\Z", re.IGNORECASE)


def after_house_number(text: str, position: int) -> bool:
    """A house number right before `position`: what follows is a street's name ("607 Lê Duẩn", "số 1A
    Trần Phú"). A number after a unit's noun is the unit's, and what follows it is not a street ("Bí
    thư Quận ủy Quận 12 Võ Văn Thưởng", "Tư lệnh Quân khu 7 Nguyễn Văn A")."""
    number = _HOUSE_NUMBER_BEFORE.search(text, max(0, position - 20), position)
    return number is not None and not _UNIT_NUMBERED.search(text, max(0, number.start() - 20), number.start())


_LOCAL_UNIT_BEFORE = re.compile(r"(?<!\w)(?:tỉnh|thành phố|tp\.?|quận|huyện|thị xã|(?<!ông )xã|phường|thị trấn)\s*\Z")


def names_local_unit(text: str, start: int, end: int) -> bool:
    """A name right after the type word of a province, a district, a commune or a ward is the unit's
    ("phường Nguyễn Du", "TP. Cao Lãnh", "tỉnh Liêu Ninh"), unless it is a full name of three syllables or more that starts
    with a family name: the holder of a title that ends with the type word ("Chủ tịch UBND huyện
    Đinh Hữu Niên"), or one syllable after a province's or a city's ("UBND tỉnh Công": a short name).
    ("ông xã", a husband, is not a commune.)"""
    unit = _LOCAL_UNIT_BEFORE.search(text[max(0, start - 30):start].casefold())
    if unit is None:
        return False
    words = text[start:end].split()
    if len(words) == 1 and not unit.group(0).startswith(("quận", "huyện", "thị", "xã", "phường")):
        return False                                   # a province's or a city's name has two syllables or more
    return not _title_holder(words)


def _title_holder(words: Sequence[str]) -> bool:
    """Three syllables or more after a family name: a person's full name, not a unit's."""
    return len(words) >= 3 and words[0] in surnames()


_PLACE_KIND = re.compile(
    r"(?<!\w)(?:cửa khẩu|cao tốc|sân bay|cảng|bến|sông|núi|đèo|hồ|vịnh|đảo|thôn|làng|ấp|ga|"
    r"quận|huyện|thị xã|(?<!ông )xã|phường|thị trấn)[ \t]+"
    rf"(?P<name>[{UPPER}][{LOWER}]*(?:[ \t][{UPPER}][{LOWER}]*){{0,3}})(?![\w.])")


@lru_cache(maxsize=4)                                  # the PERSON rules and the model ask for the same text
def places_named(text: str) -> frozenset[str]:
    """The names the text gives a place by its kind ("cửa khẩu Trà Lĩnh", "huyện Kiến Xương"): written
    bare elsewhere in the same text, without a cue, they still name the place, not a person ("từ
    Đồng Đăng (Lạng Sơn)" after "cửa khẩu Đồng Đăng"). A full name after a unit's type word is a
    title holder's, not the unit's (`names_local_unit`)."""
    return frozenset(m.group("name") for m in _PLACE_KIND.finditer(text) if not _title_holder(m.group("name").split()))


def is_place_name(name: str) -> bool:
    """A province (any era, any alias that needs no cue) or a district-level unit, written whole."""
    province = province_gazetteer().canonical(name)
    return bool((province and not province[1]) or district_names().fullmatch(fold_tones(name)))


@cache
def _cue_words() -> frozenset[str]:
    return frozenset(w.casefold() for w in (*honorifics(), *title_phrases(), *foreign_titles()))


# Compounds that end with an honorific's word but are no honorific: "con cháu" (descendants), "trẻ em" (children),
# "đàn ông" (men).
_NOT_A_CUE = frozenset({"con cháu", "trẻ em", "đàn ông", "đàn bà"})


def compound_before(text: str, position: int) -> bool:
    """One of the compounds that end with an honorific's word ends right before `position` ("trẻ em ")."""
    return " ".join(text[max(0, position - 20):position].split()[-2:]).casefold() in _NOT_A_CUE


def cue_before(text: str, position: int) -> bool:
    """An honorific, a title or a foreign title ends right before `position` ("ông ", "Bộ trưởng ")."""
    if compound_before(text, position):
        return False
    words = text[max(0, position - 40):position].split()
    return any(" ".join(words[-n:]).casefold() in _cue_words() for n in (1, 2, 3) if len(words) >= n)


def district_spans(text: str) -> list[tuple[int, int]]:
    """Where a district's name follows its type word ("quận Bắc Từ Liêm" → the span of "Bắc Từ Liêm"),
    in one pass over the text; the spans do not overlap and come in order."""
    return [m.span("name") for m in _district_after_type().finditer(text)]


def place_end(text: str, position: int) -> int | None:
    """End of a place written after an organisation head or a title: 'tỉnh Vĩnh Phúc', 'TP.HCM',
    'huyện Minh Hóa', 'quận 5', a bare province name, or a bare 'TP' meaning the city of the article."""
    typed = _PLACE_TYPE.match(text, position)
    if typed:
        after = typed.end()
        if text.startswith(".", after) and typed.group("type").upper().startswith("TP"):
            after += 1
        name_start = after if not text[after:after + 1].isspace() else after + 1
        province = province_at(text, name_start)
        if province:
            return province
        if typed.group("type").casefold().rstrip(".") in _DISTRICT_TYPES:
            district = district_names().match(text, name_start)
            if district:
                return district.end()
        name = _place_name_end(text, after)
        if name and typed.group("type").casefold() == "tỉnh" and len(text[name_start:name].split()) < 2:
            return None                                # a province has two syllables or more: "tỉnh Công" is a man
        if name:
            return name
        if typed.group("type").upper().startswith("TP"):
            return typed.end()
        return None
    if text.startswith(" ", position):
        return province_at(text, position + 1)
    return None


def _place_name_end(text: str, position: int) -> int | None:
    """Capitalised words of a place name (or a district number); stops where a person's name begins
    (a family name and one or more capitalised syllables: "Sơn" alone ends "Thái Sơn")."""
    m = _PLACE_NAME.match(text, position)
    if not m or not m.group(0).strip():
        return None
    words = list(re.finditer(r"[\w]+", m.group(0)))
    if words[0].group(0).isdigit():
        return position + words[0].end()
    if words[0].group(0) in surnames() and len(words) >= 3:
        return None
    names = [w.group(0) for w in words]
    person = next((k for k in range(len(names) - 1, 0, -1) if is_name_shaped(names[k:])), len(names))
    return position + words[person - 1].end()        # "xã Thái Sơn", but "tỉnh Hà Giang | Nguyễn Văn An"


# --- organisations -----------------------------------------------------------------------------

@dataclass(frozen=True)
class OrganisationLexicon:
    fixed: re.Pattern[str]                 # names that are the same everywhere ("Chính phủ", "TTXVN")
    ministry: re.Pattern[str]              # "Bộ"/"Sở" + a domain ("Sở Y tế")
    heads: dict[str, re.Pattern[str]]      # head words by kind: local (+ place), named (+ name), numbered (+ number)
    stop: frozenset[str]                   # verbs and function words that end a name

    def is_head(self, phrase: str) -> bool:
        """`phrase` is a head word and nothing more ("UBND", "Công ty"): a type word that names no one."""
        return any(p.fullmatch(phrase) for p in self.heads.values())


def _written_forms(domains: Sequence[str]) -> list[str]:
    """Each domain as news also writes it: the dash without its spaces, "&" for "và" ("Lao động-Thương binh
    và Xã hội", "Giáo dục & Đào tạo")."""
    forms = dict.fromkeys(domains)
    for d in domains:
        for form in (d.replace(" - ", "-"), d.replace(" và ", " & "), d.replace(" - ", "-").replace(" và ", " & ")):
            forms.setdefault(form)
    return list(forms)


@cache
def organisation_lexicon() -> OrganisationLexicon:
    heads = read_rows("org_heads.txt")
    fixed = list(with_central_abbreviated(read_lines("org_fixed.txt")))
    return OrganisationLexicon(
        fixed=re.compile(rf"(?<![\w&])(?:{alternation(fixed)})(?![\w&])"),
        ministry=re.compile(rf"(?<![\w&])(?:Bộ|Sở|BỘ|SỞ)\s+(?:{alternation(_written_forms(read_lines('org_domains.txt')))})"
                            r"(?![\w&])", re.IGNORECASE),
        heads={kind: re.compile(rf"(?<![\w&])(?:{alternation([h for h, k in heads if k == kind])})(?![\w&])",
                                re.IGNORECASE)
               for kind in ("local", "named", "numbered")},
        stop=frozenset(w.casefold() for w in read_lines("name_stopwords.txt")),
    )


@cache
def organisation_head_words() -> frozenset[str]:
    """The first word of every organisation head, casefolded ("ủy", "công", "trường")."""
    return frozenset(h.split()[0].casefold() for h, _ in read_rows("org_heads.txt"))


@cache
def type_acronyms() -> frozenset[str]:
    """The acronyms inside organisation heads, which say a body's type, not its name ("TNHH", "THPT", "QLDA")."""
    return frozenset(w for head, _ in read_rows("org_heads.txt") for w in head.split() if w.isupper())


def head_word_at(text: str, position: int) -> bool:
    """An organisation's head word, a known organisation, or a ministry/department starts here."""
    lex = organisation_lexicon()
    patterns = [lex.fixed, lex.ministry, *lex.heads.values()]
    return text[position:position + 1].isupper() and any(p.match(text, position) for p in patterns)


# --- percentages -------------------------------------------------------------------------------

# Words before a percentage that qualify it ("gần 100%", "tăng 12,5%"), longest first where one holds another.
PERCENT_QUALIFIERS = ("lên tới", "xấp xỉ", "ít nhất", "tối thiểu", "tối đa", "ước đạt", "ước tính", "khoảng", "gần",
                      "hơn", "trên", "dưới", "chừng", "ước", "đạt", "chiếm", "tăng", "giảm", "tới", "vượt", "bằng")
