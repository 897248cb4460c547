"""PERSON: Vietnamese names (a family name and one to three more capitalised syllables), names
after an honorific, a rank or a title ('ông Long', 'Chủ tịch Pany Yathotou'), bylines and photo
credits. Titles, honorifics, degrees and ranks stay outside the span; a name inside an award,
an organisation, a school or a street is not a person."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from functools import cache

from vnextract.extractor.lexicon import (
    LOWER,
    MIDDLE_NAMES,
    NOT_PERSON_CONTEXT,
    UPPER,
    after_house_number,
    alternation,
    compound_before,
    country_names,
    district_spans,
    foreign_titles,
    head_word_at,
    honorifics,
    in_place_list,
    is_lunar_year,
    is_name_shaped,
    is_place_name,
    is_vietnamese_syllable,
    lunar_year_after,
    names_local_unit,
    not_person_names,
    organisation_head_words,
    overlaps_title,
    places_named,
    province_at,
    surnames,
    title_phrases,
    title_words,
)
from vnextract.extractor.resources import province_gazetteer
from vnextract.extractor.types import Mention, SegmentedText

_TOKEN = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_PLACE_TYPE_BEFORE = re.compile(r"(?:tỉnh|thành phố|tp\.?|thủ đô)\s*\Z")
_NOT_NAME_WORDS = frozenset({"Sáng", "Chiều", "Tối", "Trưa", "Ngày", "Hôm", "Theo", "Tại", "Trong", "Wiki", "TN", "Kênh",
                             "Video", "Clip", "Ảnh", "Nguồn", "Báo", "Bằng", "Việc", "Chưa", "Nhưng", "Khi", "Sau",
                             "Đây", "Đó", "Với", "Trước", "Tuy", "Nếu", "Để", "Còn", "Cũng", "Các", "Những", "Một",
                             "Hiện", "Tháng", "Ông", "Bà", "Do", "Vì", "Ngoài", "Bên"})
_HEADINGS = frozenset({"BÁO CÁO", "QUYẾT ĐỊNH", "THÔNG BÁO", "KẾ HOẠCH", "TỜ TRÌNH", "CÔNG VĂN", "NGHỊ QUYẾT",
                       "CHỈ THỊ", "THÔNG TƯ", "NGHỊ ĐỊNH", "GIẤY MỜI", "BIÊN BẢN", "TIN TỨC", "THỜI SỰ"})
# The honorifics that a given name may follow even when it is also a country's ("ông Đức", "chị Mỹ"); after a
# profession or a rank, a country's name is a nationality ("đạo diễn Mỹ", "doanh nhân Scotland").
_PERSONAL_BEFORE = re.compile(r"(?<!\w)(?:ông|bà|anh|chị|em|cô|chú|bác|cụ|cháu|thầy|mẹ|đồng chí|Mr\.|Ms\.)\s+\Z",
                              re.IGNORECASE)
_MEDIA_WORD = re.compile(r"(?<!\w)(?:The|News|Post|Times|Insider|Today|Maps|Daily|Herald|Journal|Magazine|TV|Online)(?!\w)")
_KIN_TAIL = re.compile(r"(?<!\w)(?:bà|ông|cô|chú|bác|cụ)\s+\Z")      # a street or a place named "Bà Triệu"
_BYLINE_CUE = re.compile(r"(?:ảnh|nguồn|tin|bài|bài và ảnh|clip)\s*:\s*\Z|(?:\(ảnh|\bẢnh):?\s*\Z", re.IGNORECASE)


@cache
def _lexicons() -> dict:
    # What comes right before a name, matched on the reversed text: a search for "… title\s*\Z"
    # tries every start in the window, a match on the reversed window tries one (same language).
    honorific_words = honorifics()
    honorific = alternation([h[::-1] for h in honorific_words + foreign_titles()])
    titles = alternation([t[::-1] for t in title_phrases()])
    direct = re.compile(rf"\s*(?:{honorific})(?!\w)", re.IGNORECASE)                  # "ông ", "GS.TS "
    title = re.compile(rf"\s*(?:{titles})(?!\w)", re.IGNORECASE)                      # "Chủ tịch "
    near = re.compile(rf"\s*(?:[\w&.-]+\s+){{1,6}}(?:{titles})(?!\w)", re.IGNORECASE)  # "Giám đốc Sở Y tế "
    foreign = re.compile(rf"\s*(?:{alternation([t[::-1] for t in foreign_titles()])})(?!\w)", re.IGNORECASE)
    return {
        "direct": direct,
        "foreign": foreign,
        "title": title,
        "near": near,
        "honorific": frozenset(w.casefold() for w in honorific_words + foreign_titles()),
    }


def _is_name_token(word: str) -> bool:
    head = word.split("-")[0]                          # "Lê-nin" → "Lê"; "-" → "" (not a name)
    return bool(head) and head[0].isupper() and (head[1:].islower() or len(head) == 1 or head.isupper())


def surface_is_caps(text: str, start: int, end: int) -> bool:
    return text[start:end].isupper()


def _caps_style(word: str) -> bool:
    """True for an all-capitals word of two letters or more ('LÊ', 'THOA'); runs do not mix styles."""
    return len(word) > 1 and word.isupper()


_INITIAL = re.compile(r"[A-ZĐ]{1,2}|Ch|Gi|Kh|Ngh|Ng|Nh|Ph|Qu|Th|Tr")   # "B.T.N", "Tr.Th.Ng": a syllable's first letters
_CAPITALISED_NEXT = re.compile(rf" [{UPPER}]")
_PARTICLE = re.compile(r" (?:da|de|dos|do|van der|van|von der|von|bin|al|de la|del) [A-Z][a-z]+(?!\w)")
_ROMAN = re.compile(r" (?:II|III|IV|VI|VII|VIII)(?![\w.])")


def _joined(text: str, previous: re.Match[str], word: re.Match[str]) -> bool:
    """Two capitalised tokens of one name: one space between them, or a full stop after an initial
    ("A.Ivanov", "John F. Kennedy", "T.Lê")."""
    gap = text[previous.end():word.start()]
    if gap == " ":
        return _caps_style(word.group(0)) == _caps_style(previous.group(0))
    if gap == ". " and previous.group(0) == "PV":
        return False                                   # "… trả lời PV. Đến với …": the reporter ends the sentence
    return gap in (".", ". ") and bool(_INITIAL.fullmatch(previous.group(0)))


# The tokens of _TOKEN that begin with a capital, found by the regex engine rather than by testing every word
# (the same tokens: a token starts where no letter, and no letter with a joiner, comes before it).
_CAPITAL = "".join(sorted(c for c in map(chr, range(0x10000)) if c.isupper()))
_CAPITALISED_TOKEN = re.compile(rf"(?<![^\W\d_])(?<![^\W\d_]['’-])[{re.escape(_CAPITAL)}][^\W\d_]*(?:['’-][^\W\d_]+)*")


def _runs(text: str, start: int, end: int) -> list[list[re.Match[str]]]:
    """Runs of capitalised tokens separated by one space (or joined by an initial's full stop), within [start, end);
    any other word between two of them ends a run (it leaves more than a space or a full stop between them)."""
    runs: list[list[re.Match[str]]] = []
    current: list[re.Match[str]] = []
    for m in _CAPITALISED_TOKEN.finditer(text, start, end):
        name = _is_name_token(m.group(0))
        if name and current and _joined(text, current[-1], m):
            current.append(m)
            continue
        if current:
            runs.append(current)
        current = [m] if name else []
    if current:
        runs.append(current)
    return [part for run in runs for part in _split_at_hyphens(text, run)]


_LETTERS = re.compile(r"[^\W\d_]+")


def _split_at_hyphens(text: str, run: list[re.Match[str]]) -> list[list[re.Match[str]]]:
    """Two names (or a name and a rank) that a hyphen joins are two runs: "Ảnh: Nguyễn Tuyến-Thành Hữu",
    "Hoàng Đăng Nhiễu-Thượng tá …"; a name of the left side must be whole (a family name and one more
    syllable), so "Lê-nin", "Jean-Pierre" and "Zeta-Jones" stay one token."""
    for k, token in enumerate(run):
        hyphen = token.group(0).find("-")
        if hyphen < 1 or not token.group(0)[hyphen + 1:hyphen + 2].isupper():
            continue
        left = _LETTERS.match(text, token.start(), token.start() + hyphen)
        right = _LETTERS.match(text, token.start() + hyphen + 1, token.end())
        if left and right and is_name_shaped([t.group(0) for t in run[:k]] + [left.group(0)]):
            return [[*run[:k], left], *_split_at_hyphens(text, [right, *run[k + 1:]])]
    return [run]


def _credit(text: str, run: list[re.Match[str]], para_end: int) -> str | None:
    """A byline or photo credit: 'Nguyên Lý/TTXVN', 'Thu Hằng-TTXVN', or a name ending the paragraph."""
    end = run[-1].end()
    if 2 <= len(run) <= 3 and (re.match(r"\s?/\s?[A-ZĐ]|-[A-ZĐ]", text[end:end + 4]) or end >= para_end):
        return "direct"
    return None


def _cue(text: str, position: int) -> str | None:
    """'direct' when a title, an honorific, a rank or a degree ends right before `position`;
    'near' when a title and a few words of its organisation do (same line)."""
    line_start = text.rfind("\n", max(0, position - 80), position) + 1
    window = text[max(line_start, position - 80):position]
    if _BYLINE_CUE.search(window, max(0, len(window) - 30)):
        return "direct"                                # a credit's cue ends the window: its last 30 characters hold it
    if not window.endswith(" "):
        return None
    backwards = window[::-1]
    lex = _lexicons()
    if lex["direct"].match(backwards):
        return "direct"
    if lex["title"].match(backwards):
        return "title"                                 # a title is followed by names and by organisations alike
    if lex["near"].match(backwards):
        return "near"
    return None


def _usable(tokens: list[re.Match[str]]) -> list[re.Match[str]]:
    """Tokens up to the first word that cannot be part of a name ("… Thiện Chiều nay"), or that begins
    a title ("Nguyễn Văn An⇥Chủ tịch UBND tỉnh" in a table)."""
    for k, t in enumerate(tokens):
        if k and (t.group(0) in _NOT_NAME_WORDS or title_words().match(t.string, t.start())):
            return tokens[:k]
    return tokens


def _shrink_to_word_end(doc: SegmentedText, tokens: list[re.Match[str]], minimum: int) -> list[re.Match[str]]:
    """Drop tokens from the right until the name ends where an underthesea word ends, or at a hyphen
    before the next name ("Quang Hùng Tham" → "Quang Hùng" when the text goes on "… Tham dự")."""
    ends = doc.word_ends(tokens[0].start()) if tokens else frozenset()
    if not ends:
        return tokens
    for size in range(len(tokens), minimum - 1, -1):
        end = tokens[size - 1].end()
        if end in ends or doc.text.startswith("-", end) or _glued_to_small_words(doc, tokens[size - 1]):
            return tokens[:size]
    return []


_SMALL_WORDS = re.compile(rf"(?: [{LOWER}][^\W\d_]*)+")


def _glued_to_small_words(doc: SegmentedText, token: re.Match[str]) -> bool:
    """The word segmenter made one word of a foreign name's last syllable and the small words after it
    ("Pep | Guardiola chả | nói"): the name still ends with the syllable. (A Vietnamese syllable so joined
    may begin a compound: "Tiến sĩ", "Nhà hát".)"""
    if is_vietnamese_syllable(token.group(0)):
        return False
    words, i = doc.word_at_or_after(token.start())
    if i >= len(words) or words[i].start != token.start() or words[i].end <= token.end():
        return False
    return _SMALL_WORDS.fullmatch(doc.text, token.end(), words[i].end) is not None


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
    while len(tokens) > 1 and tokens[0].group(0).casefold() in lex["honorific"] and cue != "direct":
        tokens = tokens[1:]                            # "Ông Nguyễn Văn A", "Bác Hồ"; after a cue it is the name's:
        cue = "direct"                                 # "NSND Anh Tú"
    if not tokens:
        return None, cue
    if _unaccented_name([t.group(0) for t in tokens[:4]]):
        return tokens[:4], cue                         # "Nguyen Thi Minh Chau": a name written without its marks
    family = surnames()
    for i, token in enumerate(tokens):
        if i == 1 and cue is None and _title_case_inside_sentence(doc.text, tokens[0]):
            break                                      # "sân bay Tân Sơn Nhất": one proper name, not "Tân" + a person
        if token.group(0).capitalize() in family and len(tokens) - i >= 2:
            name = _usable(tokens[i:])
            if len(name) in (3, 4):
                return name, cue                       # three or four capitalised syllables after a family name
            name = _shrink_to_word_end(doc, name[:4], 2)
            if len(name) >= 2:
                return name, cue
    if cue == "direct" and _after_foreign_title(doc.text, tokens[0].start()):
        country = country_names().match(doc.text, tokens[0].start())
        if country:                                    # "Nữ hoàng Anh Elizabeth"; "Tổng thống Mỹ" is no one
            tokens = [t for t in tokens if t.start() >= country.end()]
            if not tokens:
                return None, cue
    if cue == "direct" and len(tokens) <= 4:
        if title_words().match(doc.text, tokens[0].start()):
            return None, cue                           # "các đồng chí Phó Bí thư Tỉnh ủy": a title, no name
        name = _shrink_to_word_end(doc, _usable(tokens), 1)
        return (name or None), cue                     # "ông Quý", "GS Báo", "bà T"
    if cue == "title" and len(tokens) == 1 and _given_name(doc, tokens[0]):
        return tokens, cue                             # "Bộ trưởng Dũng cho biết"
    country = country_names().match(doc.text, tokens[0].start())
    if country and cue in ("near", "title"):
        tokens = [t for t in tokens if t.start() >= country.end()]   # "Bộ trưởng Nội vụ Croatia | Davor Bozinovic"
    foreign = [t for t in tokens if t.group(0).isascii()]
    if cue in ("near", "title") and 2 <= len(foreign) <= 4 and foreign == tokens[len(tokens) - len(foreign):]:
        return foreign, cue                            # a foreign name after a title and its organisation
    return None, cue


def _without_marks(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", word.replace("Đ", "D").replace("đ", "d"))
                   if not unicodedata.combining(c))


@cache
def _unaccented_names() -> tuple[frozenset[str], frozenset[str]]:
    return frozenset(map(_without_marks, surnames())), frozenset(map(_without_marks, MIDDLE_NAMES))


def _unaccented_name(words: list[str]) -> bool:
    """Three or four capitalised words without tone marks, a family name and a middle name first
    ("Tran Thi My Dung", "Nguyen Van An"): a Vietnamese name as donor lists and foreign press write it."""
    family, middle = _unaccented_names()
    return (len(words) >= 3 and all(w.isascii() and w.isalpha() and w[0].isupper() and w[1:].islower() for w in words)
            and words[0] in family and words[1] in middle)


def _title_case_inside_sentence(text: str, token: re.Match[str]) -> bool:
    """A capitalised word that does not open its sentence (nor a quotation or a bracket): its capital is
    a proper name's."""
    word = token.group(0)
    before = text[max(0, token.start() - 3):token.start()].rstrip(" \t")
    return (word[0].isupper() and not word.isupper() and bool(before)
            and before[-1] not in ".!?:;…\"'“‘(-–\n")


def _after_foreign_title(text: str, position: int) -> bool:
    window = text[max(0, position - 30):position]
    return window.endswith(" ") and bool(_lexicons()["foreign"].match(window[::-1]))


def _given_name(doc: SegmentedText, token: re.Match[str]) -> bool:
    """A single capitalised word right after a Vietnamese title is a given name when it is one
    Vietnamese syllable ("Dũng", not "Agribank") and a whole word of its own (not the first syllable
    of "Quốc hội", "Tư pháp"), and not an organisation's head word, a place, a country or a title."""
    text, word = doc.text, token.group(0)
    if len(word) < 2 or not word[1:].islower() or word in _NOT_NAME_WORDS or not is_vietnamese_syllable(word):
        return False
    if word.casefold() in organisation_head_words() or word in ("Bộ", "Sở") or province_at(text, token.start()):
        return False
    if country_names().fullmatch(word) or token.end() not in doc.word_ends(token.start()):
        return False
    return not title_words().match(text, token.start())


def _foreign_surname(doc: SegmentedText, token: re.Match[str]) -> bool:
    """A foreign person's last name alone ("Trump" after "Donald Trump"): a capitalised word that is no
    Vietnamese syllable, a whole word, and no country's or organisation's name."""
    word = token.group(0)
    return (len(word) > 2 and word[1:].islower() and not is_vietnamese_syllable(word)
            and not country_names().fullmatch(word) and word.casefold() not in organisation_head_words()
            and token.end() in doc.word_ends(token.start()))


# Verbs of saying and doing that the word segmenter glues to a given name before them ("Công nhấn mạnh").
_VERB_AFTER_NAME = re.compile(r" (?:nhấn mạnh|cho biết|cho rằng|khẳng định|phát biểu|đề nghị|yêu cầu|nói|chỉ đạo|"
                              r"kết luận|lưu ý|chia sẻ|thông tin|trả lời|báo cáo|giải thích|hiện là|hiện|là|đã|vừa|cũng)(?!\w)")


def _known_given_name(doc: SegmentedText, token: re.Match[str]) -> bool:
    """A given name already written with its family name, after an honorific or a title and its
    organisation: a word of its own, or glued by the segmenter to the verb after it ("Hưng hiện")."""
    if _given_name(doc, token):
        return True
    return bool(_VERB_AFTER_NAME.match(doc.text, token.end())) and is_vietnamese_syllable(token.group(0)) and not (
        title_words().match(doc.text, token.start()) or province_at(doc.text, token.start()))


def recognise(doc: SegmentedText) -> list[Mention]:
    text = doc.text
    gazetteer = province_gazetteer()
    mentions: list[Mention] = []
    countries = [m.span() for m in country_names().finditer(text)]
    country_starts = [s for s, _ in countries]
    districts = district_spans(text)
    district_starts = [s for s, _ in districts]
    given: set[str] = set()                            # the given names of the full names found so far
    foreign_surnames: set[str] = set()                 # the last words of the foreign full names found so far
    places = places_named(text)
    for para_start, para_end in doc.paragraphs:
        before_paragraph = len(mentions)
        for run in _runs(text, para_start, para_end):
            doc.deadline.check("recognition (PERSON)")
            spoken = _cue(text, run[0].start())               # a cue written before the name, not a line's end
            cue = spoken or _credit(text, run, para_end)
            name, cue = _split(doc, run, cue)
            if not name and cue in ("near", "direct") and len(run) == 1 and run[0].group(0) in given and _known_given_name(
                    doc, run[0]):
                name, cue = run, "title"                   # "Phó Chủ tịch UBND tỉnh Công nhấn mạnh", after "Nguyễn Văn Công"
            elif not name and not cue and len(run) == 1 and (
                    (run[0].group(0) in given and _given_name(doc, run[0]))
                    or (run[0].group(0) in foreign_surnames and _foreign_surname(doc, run[0]))):
                name, cue = run, "given"                   # "… VĐV Văn Ngọc Tú … Tú cười": the given name of a person
                                                           # the text has named in full, alone
            if not name:
                continue
            name = _after_country(countries, country_starts, name, cued=spoken is not None)
            if not name:
                continue                                   # "Đại sứ Lào tại Việt Nam Thongsavanh …": "Nam" is the country's
            start, end = name[0].start(), name[-1].end()
            if (roman := _ROMAN.match(text, end)) and not surface_is_caps(text, start, end):
                end = roman.end()                          # "Elizabeth II"
            elif (particle := _PARTICLE.match(text, end)) and text[start:end].isascii():
                end = particle.end()                       # "Lula da Silva", "Ursula von der Leyen"
            surface = text[start:end]
            all_caps = surface.isupper()
            if all_caps and (surface in _HEADINGS or len(name) < 2 or not (cue == "direct" or end == para_end)):
                continue
            if len(name) == 1 and cue not in ("direct", "title", "given"):
                continue
            if len(name) == 1 and head_word_at(text, start) and _CAPITALISED_NEXT.match(text, end):
                continue                                   # "học sinh Trường CĐ …": a school, not a man named Trường
            if any(t.group(0) in _NOT_NAME_WORDS for t in name):
                continue
            if len(name) == 1 and overlaps_title(text, start, end):
                continue                                   # "được Chủ tịch Nước tặng …": the title "Chủ tịch nước"
            personal = (cue == "direct" and _PERSONAL_BEFORE.search(text, max(0, start - 12), start) is not None
                        and not compound_before(text, start))     # not "trẻ em", "đàn ông"
            if _inside_country(countries, country_starts, start, end, whole=not personal):
                continue                                   # "Tây Ban Nha" holds no "Ban Nha", "Hà Lan" is a country,
                                                           # "đạo diễn Mỹ" a nationality (but "ông Đức" is a man)
            if _BYLINE_CUE.search(text, max(para_start, start - 12), start) and (
                    (len(name) == 1 and not is_vietnamese_syllable(surface)) or _MEDIA_WORD.search(surface)):
                continue                                   # "Ảnh: Getty", "Ảnh: Business Insider": a source
            if _overlaps(districts, district_starts, start, end):
                continue                                   # "quận Bắc Từ Liêm", "huyện Hoàng Su Phì": places
            if is_lunar_year(surface) and cue != "direct":
                continue                                   # "Tết Đinh Dậu", "năm Canh Tý": years
            if len(name) == 1 and lunar_year_after(text, end):
                continue                                   # "mừng Xuân Ất Dậu": the spring of a year
            if any(len(t.group(0)) > 2 and t.group(0).isupper() and not is_vietnamese_syllable(t.group(0)) for t in name):
                continue                                   # "VOV-TP HCM": an acronym is no syllable of a name
            place = gazetteer.canonical(surface)
            byline = not text[text.rfind("\n", para_start, start) + 1:start].strip()
            if surface in not_person_names() or (not (spoken or byline) and (is_place_name(surface) or surface in places)):
                continue                                   # "Hà Nội", "Kiến Xương", a place the text names by its
                                                           # kind, also ending a headline; but a byline alone on
                                                           # its line and "Hồ Chí Minh" alone are persons
            if after_house_number(text, start):
                continue                                   # "607 Lê Duẩn", "số 1 Trần Phú": streets
            if _BYLINE_CUE.search(text, max(para_start, start - 12), start) and _LOWER_NEXT.match(text, end):
                continue                                   # "(Ảnh: Đoàn làm phim cung cấp)": a credit, but no name
            before = text[max(para_start, start - 30):start].casefold()
            if (NOT_PERSON_CONTEXT.search(before) or NOT_PERSON_CONTEXT.search(_KIN_TAIL.sub("", before))
                    or (place and _PLACE_TYPE_BEFORE.search(before)) or (not cue and in_place_list(text, start))):
                continue                                   # "đường Lê Lợi", "phố Bà Triệu", "TP Hồ Chí Minh",
                                                           # "đường Lý Thường Kiệt, Nguyễn Chí Thanh": streets
            if names_local_unit(text, start, end):
                continue                                   # "phường Nguyễn Du" is a ward; "UBND huyện Đinh Hữu Niên" is not
            why = ("the last word of a name written in full earlier" if cue == "given"
                   else "family name + capitalised syllables" if name[0].group(0).capitalize() in surnames()
                   or _unaccented_name([t.group(0) for t in name]) else "after a title or honorific")
            mentions.append(Mention("PERSON", start, end, surface, score=0.9 if cue else 0.7, explanation=why))
            if len(name) >= 2:
                given.add(name[-1].group(0))
                if not any(is_vietnamese_syllable(t.group(0)) for t in name):
                    foreign_surnames.add(name[-1].group(0))     # "Donald Trump"; not "Thái Lan Willendrof"
        mentions += _byline(doc, para_start, para_end, found_here=len(mentions) > before_paragraph)
    return mentions


_LOWER_NEXT = re.compile(rf" [{LOWER}]")


def _after_country(countries: list[tuple[int, int]], starts: list[int], name: list[re.Match[str]], *,
                   cued: bool = False) -> list[re.Match[str]]:
    """The name without the tail of a country's name it begins with; nothing when one word is left of a
    longer name. After a title or an honorific (`cued`), or where a word after it is foreign, a name
    that opens with a whole country's name and goes on for two words or more is those words ("Tổng
    thống Hàn Quốc Moon Jae-in"); with one ("ca sĩ Mỹ Linh") it stays whole, and so does a Vietnamese
    one without a cue ("cao tốc Pháp Vân-Cầu Giẽ": the road's name, which other rules judge whole)."""
    k = bisect_right(starts, name[0].start()) - 1
    if k < 0 or not countries[k][0] <= name[0].start() < countries[k][1]:
        return name
    rest = [t for t in name if t.start() >= countries[k][1]]
    if countries[k][0] == name[0].start():
        foreign = any(not is_vietnamese_syllable(part) for t in rest for part in t.group(0).split("-") if part)
        return rest if (cued or foreign) and len(rest) >= 2 else name
    return rest if len(rest) >= 2 else []


def _inside_country(countries: list[tuple[int, int]], starts: list[int], start: int, end: int, *,
                    whole: bool = False) -> bool:
    """The span lies strictly inside a country's name, or is the whole of it when `whole` (the matches
    do not overlap, so only the last one starting at or before the span can hold it)."""
    k = bisect_right(starts, start) - 1
    if k < 0 or countries[k][1] < end:
        return False
    return countries[k][1] - countries[k][0] > end - start or (whole and countries[k] == (start, end))


def _overlaps(spans: list[tuple[int, int]], starts: list[int], start: int, end: int) -> bool:
    """[start, end) overlaps one of `spans` (ordered, not overlapping; `starts` their starts)."""
    k = bisect_right(starts, start) - 1
    if k >= 0 and spans[k][1] > start:
        return True
    return k + 1 < len(spans) and spans[k + 1][0] < end


def _byline(doc: SegmentedText, start: int, end: int, *, found_here: bool) -> list[Mention]:
    """A short line of two to four capitalised words is a byline (or a photo credit)."""
    text = doc.text
    line = text[start:end]
    words = line.split()
    if not 2 <= len(words) <= 4 or not all(_is_name_token(w) for w in words) or found_here:
        return []
    if not all(w.isalpha() for w in words) or province_gazetteer().canonical(line):
        return []
    return [Mention("PERSON", start, end, line, score=0.6, explanation="byline")]
