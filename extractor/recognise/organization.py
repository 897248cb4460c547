"""ORGANIZATION: named agencies, bodies, units and enterprises.

Three kinds of evidence (models/lexicons/org_*.txt): names that are the same everywhere ("Chính
phủ", "TTXVN"); a ministry or department ("Bộ"/"Sở") followed by its domain and optionally a
place; and a head word ("UBND", "Cục", "Công ty TNHH", "Cụm thi đua") followed by a place, a
capitalised name or a number. Generic and plural mentions ("các sở", "UBND các tỉnh",
"Sở Thông tin và Truyền thông 9 tỉnh") are not organisations.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_left
from functools import cache

from vnextract.extractor.recognise.base import alternation
from vnextract.extractor.resources import read_lines, read_rows
from vnextract.extractor.types import Mention, SegmentedText

_PLACE_TYPE = re.compile(
    r"[ \t]+(?P<type>tỉnh|Tỉnh|TỈNH|thành phố|Thành phố|THÀNH PHỐ|TP\.?|Tp\.?|TX\.?|huyện|Huyện|quận|Quận|thị xã|Thị xã|"
    r"xã|Xã|phường|Phường|thị trấn|đặc khu)(?=[\s.]|\Z)"
)
_PLACE_NAME = re.compile(r"[ \t]*(?:\d{1,2}(?!\w)|(?:[A-ZĐÀ-Ỹ][\wÀ-ỹ]*(?:\s?-\s?|\s+|\.)?){1,4})")
_PLURAL = re.compile(r"[ \t]+(?:các|những|\d+\s+(?:tỉnh|thành phố|huyện|xã|sở|bộ))\b", re.IGNORECASE)
_NUMBERED = re.compile(r"(?:\s+[a-zà-ỹđ]+){0,3}\s+(?:số\s+)?[A-Z]?\d+(?![\w/])")
_NOT_GOVERNMENT = re.compile(r"(?:[Tt]hủ tướng|trái phiếu|[Nn]ghị định của|[Nn]ghị quyết của)\s+\Z")
_COMPOUND_BEFORE = re.compile(r"(?:[Hh]ội|[Qq]uảng|[Tt]hị|[Cc]hiến|[Mm]ôi|[Tt]hương|[Ll]ập|[Nn]hà|[Đđ]ại) \Z")
_LOWER_CASE_HEADS = ("trường", "công ty", "cty", "đoàn", "chi đoàn", "tỉnh ủy", "ban ")
_PARTY_NOT_ORG = re.compile(r"Đảng(?=\s+(?:viên|bộ|ủy|uỷ|đoàn|phí|tịch|kỳ|sâm)\b)")


@cache
def _lexicons() -> dict:
    fixed = read_lines("org_fixed.txt")
    domains = read_lines("org_domains.txt")
    heads = read_rows("org_heads.txt")
    return {
        "fixed": re.compile(rf"(?<![\w&])(?:{alternation(fixed)})(?![\w&])"),
        "ministry": re.compile(rf"(?<![\w&])(?:Bộ|Sở|BỘ|SỞ)\s+(?:{alternation(domains)})(?![\w&])", re.IGNORECASE),
        "heads": {kind: re.compile(rf"(?<![\w&])(?:{alternation([h for h, k in heads if k == kind])})(?![\w&])",
                                   re.IGNORECASE)
                  for kind in ("local", "named", "numbered")},
        "stop": frozenset(w.casefold() for w in read_lines("name_stopwords.txt")),
    }


def place_end(text: str, position: int) -> int | None:
    """End of a place written after an organisation head: 'tỉnh Vĩnh Phúc', 'TP.HCM', 'huyện Minh Hóa',
    'quận 5', a bare province name, or a bare 'TP' meaning the city of the article."""
    from vnextract.extractor.recognise.province import province_at

    typed = _PLACE_TYPE.match(text, position)
    if typed:
        after = typed.end()
        if text.startswith(".", after) and typed.group("type").upper().startswith("TP"):
            after += 1
        province = province_at(text, after if not text[after:after + 1].isspace() else after + 1)
        if province:
            return province
        name = _place_name_end(text, after)
        if name:
            return name
        if typed.group("type").upper().startswith("TP"):
            return typed.end()
        return None
    if text.startswith(" ", position):
        return province_at(text, position + 1)
    return None


def _place_name_end(text: str, position: int) -> int | None:
    """Capitalised words of a place name (or a district number); stops where a person's name begins."""
    from vnextract.extractor.recognise.person import surnames

    m = _PLACE_NAME.match(text, position)
    if not m or not m.group(0).strip():
        return None
    words = list(re.finditer(r"[\w]+", m.group(0)))
    if words[0].group(0).isdigit():
        return position + words[0].end()
    end = None
    for k, w in enumerate(words):
        if (k and w.group(0) in surnames()) or not w.group(0)[0].isupper():
            break                                      # a name, or a lower-case word ("UBND TP đã …")
        end = position + w.end()
    if words[0].group(0) in surnames() and len(words) >= 3:
        return None
    return end


_CAPITALISED_RUN = re.compile(r"[^\W\d_]+(?: [^\W\d_]+){0,4}")


def _name_starts(text: str, position: int) -> bool:
    """A Vietnamese name starts here: a family name and one to three more capitalised syllables."""
    from vnextract.extractor.recognise.person import surnames

    run = _CAPITALISED_RUN.match(text, position)
    if not run:
        return False
    syllables = []
    for word in run.group(0).split(" "):
        if not (word[0].isupper() and not word.isupper()):
            break
        syllables.append(word)
    return 2 <= len(syllables) <= 4 and syllables[0] in surnames()


def extend_name(doc: SegmentedText, position: int, *, stop: frozenset[str], max_words: int = 10) -> int:
    """End of a capitalised name starting after `position`, over underthesea's word tokens:
    capitalised words, numbers after a capitalised word, 'và'/'-'/'&' before a capitalised word,
    and up to two lower-case words in a row that are not verbs or function words."""
    text, tokens = doc.text, doc.paragraph_words(position)
    i = bisect_left([t.start for t in tokens], position)
    end, lower_run, taken, previous_upper, previous_title = position, 0, 0, True, False
    while i < len(tokens) and taken < max_words:
        token = tokens[i]
        gap = text[end:token.start]
        if "\n" in gap or (gap.strip() and gap.strip() not in "-&") or len(gap) > 3:
            break
        word = token.text
        nxt = tokens[i + 1].text if i + 1 < len(tokens) else ""
        if taken and previous_title and _name_starts(text, token.start):
            break                                      # "… Mặt trận Tổ quốc Việt Nam Phạm Thế Duyệt"
        if word[0].isupper() or (word[0].isdigit() and previous_upper):
            end, lower_run, previous_upper = token.end, 0, True
            previous_title = not word.isupper()
        elif word in ("và", "-", "&") and nxt[:1].isupper() and taken:
            previous_upper = previous_title = False
        elif word[0].isalpha() and word.casefold() not in stop and lower_run < 2 and taken:
            lower_run += 1
            end, previous_upper, previous_title = token.end, False, False
        else:
            break
        taken += 1
        i += 1
    return _before_trailing_name(text, position, end)


def _before_trailing_name(text: str, start: int, end: int) -> int:
    """Cut a person's name off the end of an organisation ('… Việt Nam Phạm Thế Duyệt'); a name
    right after an abbreviation or a lower-case word is the organisation's own ('THPT chuyên Lê Hồng Phong')."""
    from vnextract.extractor.recognise.person import surnames

    words = list(re.finditer(r"[^\W\d_]+", text[start:end]))
    for k in range(1, len(words)):
        tail = [w.group(0) for w in words[k:]]
        previous = words[k - 1].group(0)
        if (tail[0] in surnames() and 2 <= len(tail) <= 4 and all(w[0].isupper() and not w.isupper() for w in tail)
                and previous[0].isupper() and not previous.isupper()):
            return start + words[k - 1].end()
    return end


def recognise(doc: SegmentedText) -> list[Mention]:
    text = doc.text
    lex = _lexicons()
    mentions: list[Mention] = []

    def add(start: int, end: int, why: str, score: float) -> None:
        if end > start and not _PLURAL.match(text, end):
            mentions.append(Mention("ORGANIZATION", start, end, text[start:end], score=score, explanation=why))

    for m in lex["fixed"].finditer(text):
        if m.group(0) == "Chính phủ" and _NOT_GOVERNMENT.search(text, max(0, m.start() - 20), m.start()):
            continue                                   # "Thủ tướng Chính phủ" is a title, "trái phiếu Chính phủ" a bond
        end = m.end()
        add(m.start(), place_end(text, end) or end, "organisation lexicon", 1.0)
    for m in re.finditer(r"(?<![\w])Đảng(?![\w])", text):
        if not _PARTY_NOT_ORG.match(text, m.start()):
            add(m.start(), m.end(), "the Party", 1.0)
    for m in lex["ministry"].finditer(text):
        if m.group(0)[0].islower():
            continue
        add(m.start(), place_end(text, m.end()) or m.end(), "ministry or department", 0.95)
    for m in lex["heads"]["local"].finditer(text):
        end = place_end(text, m.end())
        if end and m.group(0)[0].isupper():
            add(m.start(), end, "local body + place", 0.9)
    for m in lex["heads"]["numbered"].finditer(text):
        number = _NUMBERED.match(text, m.end())
        if number:
            end = extend_name(doc, number.end(), stop=lex["stop"], max_words=4)
            add(m.start(), max(end, number.end()), "numbered unit", 0.9)
    for m in lex["heads"]["named"].finditer(text):
        if not (m.group(0)[0].isupper() or m.group(0).casefold().startswith(_LOWER_CASE_HEADS)):
            continue
        if _COMPOUND_BEFORE.search(text, max(0, m.start() - 12), m.start()):
            continue                                   # "hội trường", "thị trường", "môi trường" are not schools
        after = m.end()
        following = text[after:after + 2]
        if not following.strip() or len(following) < 2 or not (following[1].isupper() or following[1].isdigit()):
            continue
        end = extend_name(doc, after, stop=lex["stop"])
        if end > after:
            end = place_end(text, end) or end
            add(m.start(), end, "head word + name", 0.6)
    return mentions


def head_word_at(text: str, position: int) -> bool:
    """An organisation's head word, a known organisation, or a ministry/department starts here."""
    lex = _lexicons()
    patterns = [lex["fixed"], lex["ministry"], *lex["heads"].values()]
    return text[position:position + 1].isupper() and any(p.match(text, position) for p in patterns)


def has_stopword(span: str) -> bool:
    """A verb or function word inside a span (the model ran past the organisation's name)."""
    stop = _lexicons()["stop"]
    words = re.findall(r"[^\W\d_]+", span)
    pairs = [f"{a} {b}" for a, b in itertools.pairwise(words)]
    return any(w in stop for w in words if w.islower()) or any(p in stop for p in pairs if p.islower())


def ends_with_person(text: str, start: int, end: int) -> bool:
    """The span ends with a person's name ('UBND thành phố Lê Thanh Hải'): a family name and one to
    three more capitalised syllables after something else."""
    from vnextract.extractor.recognise.person import surnames

    words = re.findall(r"[^\W\d_]+", text[start:end])
    for size in (2, 3, 4):
        tail = words[-size:]
        if (len(words) > size and tail[0] in surnames()
                and all(w[0].isupper() and not w.isupper() for w in tail)):
            return True
    return False
