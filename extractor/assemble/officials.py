"""Official records: a person with the positions the text gives them, one record per person per
document.

Every person × every title in its sentence (within a window) is a candidate link; a learned scorer
(features.py, models/records/) keeps the links it believes, and the structured rules (apposition
'X, Giám đốc Sở Y'; title before the name 'Giám đốc Sở Y X'; chains joined by ',', 'kiêm', 'và')
are one of its features, and the fallback when no model is shipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from vnextract.extractor.assemble.features import official_features
from vnextract.extractor.assemble.index import WINDOW, DocumentIndex
from vnextract.extractor.assemble.names import NameIndex
from vnextract.extractor.assemble.scorer import Scorer
from vnextract.extractor.assemble.titles import Title, split_title
from vnextract.extractor.lexicon import UPPER
from vnextract.extractor.types import Mention, Record

_APPOSITION = re.compile(r"\s*(?:,|-|–|\(|:)\s*\Z|\s+\Z|\s*,?\s*(?:kiêm(?: nhiệm)?|đồng thời là)\s+\Z")
# Between two titles of one person: a list, a second post ('kiêm', 'đồng thời là') or the post an
# appointment gives ('ông A, Vụ trưởng Vụ X làm Thứ trưởng Bộ Y').
_CHAIN = re.compile(r"\s*(?:,|và|kiêm|-|–)\s*(?:(?:kiêm(?: nhiệm)?(?: giữ chức(?: vụ)?)?|đồng thời là|đồng thời|và là)\s+)?\Z"
                    r"|\s*,?\s+(?:(?:sang |được bổ nhiệm |được bầu )?(?:làm|giữ chức(?: vụ)?)|nay là|hiện là)\s+\Z")
# What may stand between a name and its titles: a birth year, a home town ("X (SN 1975), Phó Giám đốc …",
# "X, sinh năm 1975, quê Hà Tĩnh, hiện giữ chức vụ …").
_ASIDE = re.compile(r"\s*\((?:SN|sinh năm|sinh)?\s*\d{4}[^()\n]{0,40}\)"
                    r"|\s*,\s*(?:sinh năm|SN|sinh ngày)\s+[\d/.-]+(?:\s*,\s*quê(?: quán)?[^,.;\n]{1,40})?(?=\s*,)")
_PRONOUN_SUBJECT = re.compile(r"(?:Ông|Bà|Đồng chí)(?=\s+(?:hiện|từng|nguyên|trước đây|trước đó|nay|là|được|giữ)\s)")
_HONORIFIC_BEFORE = re.compile(r"(?<!\w)(ông|bà|Ông|Bà)\s+\Z")
# "Giám đốc Sở Y tế, ông Nguyễn Văn A cho biết": a title, then the honorific and the name.
_TITLE_THEN_HONORIFIC = re.compile(r"\s*(?:,|-|–)\s*(?:đồng chí|ông|bà)\s+\Z")
_CLAUSE_OPENING = re.compile(r"[\s\"“'‘(]*(?:(?:Theo|Đích thân|Còn|Trong khi đó|Tuy nhiên)[\s,]+)?")
# An organisation's name as words: capitalised first, then words, '&', '.', and dashes.
_BODY_WORDS = re.compile(rf"[ \t]+[{UPPER}](?:[\w&]|\.(?=\w))*(?:(?:[ \t]+|[ \t]*[-–][ \t]*)(?:[\w&]|\.(?=\w))+){{0,9}}[ \t]+")
_NOT_IN_BODY = frozenset({"là", "và", "cho", "với", "đã", "được", "cùng", "tại", "khi", "thì", "để", "về", "sẽ", "đang",
                          "vừa", "gặp", "tặng", "trao", "chúc", "thăm", "làm", "giữ", "thay", "ông", "bà", "anh",
                          "chị", "em", "các", "những", "của"})
_APPOINTED = re.compile(r"\s*,?\s+(?:sang |được bổ nhiệm |được bầu )?(?:làm|giữ chức(?: vụ)?)\s+\Z")
_PLURAL = re.compile(r"(?<!\w)(?:các|những|nhiều|hai|ba|\d+)\s+\Z", re.IGNORECASE)
_COPULA_AFTER = re.compile(r"\s*,?\s+(?:(?:người )?(?:hiện|nay|từng|đang|trước đây|trước đó|nguyên) "
                           r"(?:là|giữ chức(?: vụ)?|giữ các chức vụ:?)|"
                           r"(?:với|trên) (?:cương vị|tư cách)(?: là)?|"
                           r"là|làm|giữ chức(?: vụ)?|"
                           r"được bổ nhiệm (?:làm |giữ chức(?: vụ)? )?|được bầu (?:làm |giữ chức(?: vụ)? )?|"
                           r"được bầu giữ chức|nhận nhiệm vụ)\s*\Z")
_LIST_OPEN = re.compile(r"\s*:\s*(?:(?:ông|bà|đồng chí|Ông|Bà|Đồng chí)\s+)?\Z")
_BARE_NEXT = re.compile(r"(?:\s*\([^()\n]{1,30}\))?\s*(?:,|và)\s*\Z")
_BARE_BEFORE_NAME = re.compile(r"\s+\Z")
_HONOUR_GAP = re.compile(r"\s*,?\s+\Z")
_LIST_NEXT = re.compile(r"(?:\s*\([^()\n]{1,30}\))?\s*(?:,|và|;)\s*(?:(?:ông|bà|đồng chí|Ông|Bà|Đồng chí)\s+)?\Z")
_BEFORE_NAME = re.compile(
    r"(?:\s+\([A-ZĐ][A-ZĐ&.-]{1,11}\))?"              # an acronym defined between: "Bộ trưởng Bộ NN và PTNT (NN&PTNT) X"
    r"\s+(?:là\s+)?(?:(?:đồng chí|Đồng chí|ông|bà|Ông|Bà|đ/c|Đ/c)\s+)?(?:(?:Đại|Thượng|Trung|Thiếu)\s+(?:tướng|tá|úy|uý)\s+)?"
    r"(?:(?:GS|PGS|TS|ThS|GS\.TS|PGS\.TS)\.?\s+)?\Z"
)
_RANKS = re.compile(r"^(?:(?:Đại|Thượng|Trung|Thiếu)\s+(?:tướng|tá|úy|uý)\s*,?\s*)")
_PAST = re.compile(r"(?<!\w)(?:từng|trước đây là|trước đó là|nguyên là)(?!\w)[^.;\n]*\Z", re.IGNORECASE)
_NAME_LINE = re.compile(r"[\s\d.)-]*(?:Họ (?:và )?tên\s*:\s*)?"
                        r"(?:(?:GS|PGS|TS|ThS|BS|KS|CN|Ông|Bà|ông|bà|Đồng chí|đồng chí)[.\s]+)*")
_NAME_LINE_END = re.compile(r"[\s:,.;-]*")
_DASH_SPACING = re.compile(r"\s*[-–]\s*")
_NEXT_LINE = re.compile(r"[ \t:,.;-]*\n[\s\d.)-]*(?:Chức (?:vụ|danh)\s*:\s*)?")   # "Họ tên: X⏎Chức vụ: …": a form
CANDIDATES_EACH_SIDE = 6


@dataclass(frozen=True)
class Link:
    """A candidate (person, title) pair, with its features and whether the rules make it."""

    person: Mention
    title: Title
    features: dict[str, float]
    rule: bool


def clean_title(title: str) -> str:
    return _RANKS.sub("", title).strip(" ,;-–")


def rule_titles(index: DocumentIndex, p: Mention) -> list[Title]:
    """The titles the structured rules give person `p` (after the name, then before it)."""
    text = index.text
    found, appointed, position = _titles_after(index, p)
    if appointed is None and found:
        found += _appointed_with_list(index, position)
    after = list(found)
    position = name_start = _honours_start(index, p)
    for t in index.titles_before(name_start):           # "Ủy viên Bộ Chính trị, Thủ tướng Chính phủ Nguyễn Xuân Phúc"
        gap = text[t.end:position]
        if position != name_start:
            pattern = _CHAIN
        elif name_start != p.start and _HONOUR_GAP.fullmatch(gap):
            pattern = _HONOUR_GAP
        elif _TITLE_THEN_HONORIFIC.fullmatch(gap) and _opens_clause(index, t):
            pattern = _TITLE_THEN_HONORIFIC                 # "Chánh Thanh tra Bộ, ông Nguyễn Văn A, cho biết"
        else:
            honoured = name_start != p.start              # "Giám đốc Nhà hát X, Nghệ sĩ Ưu tú Y": a comma before the honour
            pattern = _HONOUR_GAP if honoured else _BEFORE_NAME
            if not pattern.fullmatch(gap) and (body := _unnamed_body(index, t.end, position, honoured)) is not None:
                t = Title(t.start, body, text[t.start:body], t.word_end)   # "Chủ tịch Hội luật gia TP Hà Nội X"
                gap = text[t.end:position]
        if "\n" in gap or len(gap) > 30 or not pattern.fullmatch(gap):
            break
        if position != name_start and (index.person_ends_between(t.end, position)
                                       or _PLURAL.search(text, max(0, t.start - 8), t.start)):
            break                                       # "Trò chuyện với các đại biểu, Phó Thủ tướng X": not X's
        found.append(t)
        position = t.start
    before_name = len(found) > len(after)
    if not before_name:
        shared = _listed_title(index, p, opened_only=bool(found))
        if shared:
            found.append(shared)
    return found


def _opens_clause(index: DocumentIndex, t: Title) -> bool:
    """The title begins its sentence, or follows 'Theo' or 'Đích thân' there."""
    s_start, _ = index.sentence(t.start)
    return bool(_CLAUSE_OPENING.fullmatch(index.text, s_start, t.start))


def _unnamed_body(index: DocumentIndex, start: int, name_start: int, comma: bool = False) -> int | None:
    """Where an organisation that the recognisers left out ends, written between a title and the name
    after it ('Chủ tịch Hội luật gia TP Hà Nội Nguyễn Văn A', 'Tổng Giám đốc Tổ chức Thương mại Thế
    giới X'): capitalised words and a few lower-case ones, none a verb, no punctuation but a dash."""
    text = index.text
    gap = text[start:name_start]
    if comma:
        gap = re.sub(r",([ \t]+)\Z", r"\1", gap)        # the name of the body ends at the comma before the honour
    if len(gap) > 70 or not _BODY_WORDS.fullmatch(gap) or index.person_starts_between(start, name_start):
        return None
    words = gap.split()
    lower_run = 0
    for word in words:
        if word[0].islower():
            lower_run += 1
            if lower_run > 3 or word in _NOT_IN_BODY:
                return None
        else:
            lower_run = 0
    end = start + len(gap.rstrip(" \t,"))
    return end if end > start else None


def _titles_after(index: DocumentIndex, p: Mention) -> tuple[list[Title], Title | None, int]:
    """The titles written after the name ("Trần Gia Long, Tỉnh ủy viên, Giám đốc Sở …"), the one an
    appointment gives among them ("…, Vụ trưởng Vụ X làm Thứ trưởng Bộ Y"), and where they end."""
    return _titles_from(index, p.end, on_name_line(index, p))


def _titles_from(index: DocumentIndex, name_end: int, row: bool = False) -> tuple[list[Title], Title | None, int]:
    """The titles after a name (or a pronoun) that ends at `name_end`; `row`: the name is alone on its line."""
    text = index.text
    found: list[Title] = []
    appointed: Title | None = None
    aside = _ASIDE.match(text, name_end)
    first = position = aside.end() if aside else name_end   # "X (SN 1975), Phó Giám đốc Sở …"
    for t in index.titles_from(first):
        gap = text[position:t.start]
        if position == first and _COPULA_AFTER.fullmatch(gap) and len(gap) <= 40:
            pass                                        # "ông X là Giám đốc Sở …", "X được bổ nhiệm làm …"
        elif row and position == first and _NEXT_LINE.fullmatch(gap):
            pass                                        # a table row: the name on its line, the titles on the next
        elif row and position != first and _NEXT_LINE.fullmatch(gap) and not index.person_starts_between(position, t.start):
            pass
        elif "\n" in gap or len(gap) > 6 + 20 * (position != first) or not (
                _APPOSITION if position == first else _CHAIN).fullmatch(gap):
            break
        if position != first and _PLURAL.search(text, max(0, t.start - 8), t.start):
            break                                       # "X, Giám đốc Sở, cùng các Phó Giám đốc": not X's
        if text[t.end:t.end + 1] == " " and t.end + 1 in index.person_starts:
            break                                       # "…, Chủ tịch UBND tỉnh Nguyễn Văn B": the next person's
        if position != first and _APPOINTED.fullmatch(gap):
            appointed = t
        found.append(t)
        position = t.end
    return found, appointed, position


def pronoun_titles(index: DocumentIndex) -> list[tuple[Mention, Title]]:
    """Titles given to 'Ông'/'Bà'/'Đồng chí' opening a sentence with no name ('Ông từng giữ các chức
    vụ: Bí thư Huyện ủy …'): they are the person named last before it, in the same paragraph, when no
    one else was named in between and not called the other of 'ông'/'bà'."""
    text = index.text
    found: list[tuple[Mention, Title]] = []
    for m in _PRONOUN_SUBJECT.finditer(text):
        if index.sentence(m.start())[0] != m.start():
            continue
        person = index.last_full_person(m.start())
        latest = index.last_person(m.start())
        if person is None or latest is None or m.start() - person.end > WINDOW or "\n" in text[person.end:m.start()]:
            continue
        if latest is not person and not person.text.endswith(latest.text):
            continue
        called = _HONORIFIC_BEFORE.search(text, max(0, person.start - 10), person.start)
        if called and m.group(0) != "Đồng chí" and called.group(1).casefold() != m.group(0).casefold():
            continue                                    # "… bà Trần Thị Hoa. Ông hiện là …": someone else
        found += [(person, t) for t in _titles_from(index, m.end())[0]]
    return found


def _appointed_with_list(index: DocumentIndex, position: int) -> list[Title]:
    """The post an appointment gives a list of persons, each with their present title, written once after
    the last: 'bổ nhiệm ông A - Vụ trưởng Vụ X, ông B - Giám đốc Sở Y làm Thứ trưởng Bộ Z' gives A and B."""
    for _ in range(8):
        following = index.next_person_start(position)
        if following is None or following - position > 20 or not _LIST_NEXT.fullmatch(index.text, position, following):
            return []
        person = index.starting_at("PERSON", following)
        if person is None:
            return []
        titles, appointed, position = _titles_after(index, person)
        if appointed is not None:
            return [appointed]
        if not titles:
            return []
    return []


def _listed_title(index: DocumentIndex, p: Mention, opened_only: bool = False) -> Title | None:
    """The title a list of persons shares: 'các Phó Chủ tịch UBND tỉnh: A, B và C' gives each of them
    (also when some have titles of their own: 'các Phó Bí thư: A – Chủ tịch UBND tỉnh; B, C'), and so
    does a title written before a list of bare names ('nguyên Chủ tịch Quốc hội A và B'; not 'Bộ
    trưởng A và ông B', whose honorific makes B someone else). `opened_only`: only the first kind."""
    text = index.text
    start = p.start
    bare = not opened_only                              # no honorific nor title between the names so far
    for _ in range(50):
        previous = index.last_person(start - 1)
        if previous is not None:
            titled_end = _titles_after(index, previous)[2]
            if previous.end < titled_end <= start and start - titled_end <= 40 and _LIST_NEXT.fullmatch(
                    text, titled_end, start):
                bare = False                            # "A – Chủ tịch UBND tỉnh; B": A's own title, then B
                start = previous.start
                continue
        before = index.titles_before(start)[:1]
        if before and (previous is None or before[0].end > previous.end):
            gap = text[before[0].end:start]
            if _LIST_OPEN.fullmatch(gap) or (start != p.start and bare and _BARE_BEFORE_NAME.fullmatch(gap)):
                return before[0]
            return None
        if previous is None or start - previous.end > 40:
            return None
        gap = text[previous.end:start]
        if not _LIST_NEXT.fullmatch(gap):
            return None
        bare = bare and _BARE_NEXT.fullmatch(gap) is not None
        start = previous.start
    return None


def _honours_start(index: DocumentIndex, p: Mention) -> int:
    """Where the name and the honorary titles right before it begin: 'Giám đốc Nhà hát X, Nghệ sĩ Ưu tú
    Nguyễn Văn A' gives A the post written before the honour."""
    start = p.start
    for _ in range(3):
        award = index.last_award(start)
        if award is None or award.attrs.get("category") != "state_title" or not _HONOUR_GAP.fullmatch(
                index.text, award.end, start):
            break
        start = award.start
    return start


def on_name_line(index: DocumentIndex, p: Mention) -> bool:
    """The person's line (sentence) holds nothing but the name, with a number or an honorific."""
    s_start, s_end = index.sentence(p.start)
    return bool(_NAME_LINE.fullmatch(index.text, s_start, p.start) and _NAME_LINE_END.fullmatch(index.text, p.end, s_end))


def candidate_links(index: DocumentIndex) -> list[Link]:
    """Every person × the nearest titles on each side within its sentence."""
    links: list[Link] = []
    for p in index.mentions("PERSON"):
        s_start, s_end = index.sentence(p.start)
        rules = {(t.start, t.end) for t in rule_titles(index, p)}
        limit, row = s_end, False
        if on_name_line(index, p):
            following = index.next_person_start(p.end)          # a table row: the titles are on the next lines
            limit = min(index.next_sentence_end(p.start, 2), following if following is not None else len(index.text))
            row = True
        after = [t for t in index.titles_from(p.end) if t.end <= limit][:CANDIDATES_EACH_SIDE]
        before = [t for t in index.titles_before(p.start) if t.start >= s_start][:CANDIDATES_EACH_SIDE]
        for rank, t in enumerate(after):
            links.append(Link(p, t, official_features(index, p, t, "after", rank, (t.start, t.end) in rules,
                                                      row and t.start >= s_end),
                              (t.start, t.end) in rules))
        for rank, t in enumerate(before):
            links.append(Link(p, t, official_features(index, p, t, "before", rank, (t.start, t.end) in rules),
                              (t.start, t.end) in rules))
    return links


def assemble_officials(index: DocumentIndex, scorer: Scorer | None) -> list[Record]:
    """One record per person: the links the scorer keeps (the rules' links without a scorer)."""
    if scorer is None:
        kept = [Link(p, t, {}, True) for p in index.mentions("PERSON") for t in rule_titles(index, p)]
    else:
        kept = [link for link in candidate_links(index) if scorer.accepts(link.features)]
    kept += [Link(p, t, {}, True) for p, t in pronoun_titles(index)]
    return officials_from_links(index, kept)


def officials_from_links(index: DocumentIndex, links: list[Link]) -> list[Record]:
    """Links → records: short mentions ('ông Long') join the fullest name that ends with them; titles
    from all mentions are merged; a title inside another of the same person is dropped."""
    names = NameIndex(index.mentions("PERSON"))
    merged: dict[str, dict] = {}
    for link in sorted(links, key=lambda k: (k.person.start, k.title.start)):
        title = clean_title(index.doc.original(link.title.start, link.title.end))
        if not title:
            continue
        key = names.canonical(link.person.text, link.person.start)
        record = merged.setdefault(key, {"titles": {}, "persons": {}, "sentences": {}})
        record["persons"][link.person.start, link.person.end] = None
        entry = record["titles"].setdefault(_title_key(title), [title, link.title, {}])
        if title == entry[0]:                           # evidence of a title is where it is written so
            entry[2][link.title.start, link.title.end] = None
        record["sentences"][index.sentence(link.person.start)] = None
        record["sentences"][index.sentence(link.title.start)] = None   # a table's next line, the next sentence
    records = []
    for key, record in merged.items():
        folded = list(record["titles"])
        kept = [record["titles"][f] for f in _outermost(folded)]
        full = names.fullest(key)
        person = index.doc.original(full.start, full.end)
        positions = [_position(index, title, span) for title, span, _ in kept]
        evidence = {
            "sentences": [index.original_span(*s) for s in sorted(record["sentences"])],
            "person": _spans(index, record["persons"]),
            "titles": [_spans(index, spans) for _, _, spans in kept],
        }
        records.append(Record("official", {"person": person, "titles": [t for t, _, _ in kept],
                                           "positions": positions, "evidence": evidence}))
    return records


def _title_key(title: str) -> str:
    """A title compared as words: case-folded, white space collapsed, none around dashes
    ('Tiêu chuẩn- Đo lường' and 'Tiêu chuẩn - Đo lường' are one title)."""
    return _DASH_SPACING.sub("-", " ".join(title.casefold().split()))


def _spans(index: DocumentIndex, spans: dict[tuple[int, int], None]) -> list[list[int]]:
    return [index.original_span(start, end) for start, end in sorted(spans)]


def _outermost(folded: list[str]) -> list[str]:
    """The titles not contained in another title of the same person (a person has few; past 64, all are kept)."""
    if len(folded) > 64:
        return folded
    return [f for f in folded if not any(f != g and f in g for g in folded)]


def _position(index: DocumentIndex, title: str, span: Title) -> dict:
    """A title split into role, organisation and the province it names (canonical, with its 2025 unit);
    former when written 'nguyên'/'cựu' or after 'từng' ('ông từng giữ các chức vụ: …')."""
    word_length = len(index.doc.original(span.start, span.word_end)) if span.word_end > span.start else len(title)
    role, organisation, current = split_title(title, word_length)
    s_start, _ = index.sentence(span.start)
    if current and _PAST.search(index.text, max(s_start, span.start - 80), span.start):
        current = False
    position: dict = {"title": title, "role": role, "organisation": organisation, "current": current}
    provinces = index.within(("PROVINCE",), span.start, span.end)
    if provinces:
        attrs = provinces[-1].attrs
        position.update({"province": attrs.get("name"), "province_code": attrs.get("code"),
                         "unit_2025": attrs.get("unit_2025")})
    return position
