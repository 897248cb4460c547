"""Features of candidate links for the learned scorer: the words and punctuation between the two
spans, the direction, the distance, what else lies between (persons, titles, awards, clause
boundaries), the verb, count words, what places a candidate (in a title, owned by a body, in another
sentence than the award), and whether the structured rules make the link. Names of
features are strings; values are 1.0 unless a count."""

from __future__ import annotations

import re

from vnextract.extractor.assemble.index import DocumentIndex
from vnextract.extractor.assemble.titles import Title
from vnextract.extractor.types import Mention

_WORD = re.compile(r"[^\W\d_]+")
_DIGITS = re.compile(r"\d+")
_PUNCTUATION = {",": "comma", ";": "semicolon", ":": "colon", "(": "paren", ")": "paren", "-": "dash", "–": "dash",
                "\n": "newline", ".": "stop"}
_COUNT = re.compile(r"(?:^|\s)(?:\d[\d.]*|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười|nhiều|các|những|một số|hơn|gần|trên)"
                    r"\s+(?:\w+\s+)?\Z", re.IGNORECASE)
_CUE_BEFORE = ("cho", "tặng", "là", "với", "của", "do", "và", "nhận", "trao", "được", "ông", "bà", "đồng chí", "đối với",
               "tập thể", "cá nhân", "đơn vị", "cố", "anh", "chị", "em")
_VERBS = re.compile(r"(?<!\w)(?:trao tặng|tặng thưởng|truy tặng|phong tặng|tặng|trao|đón nhận|nhận|được|đề nghị|"
                    r"đề xuất|trình|khen thưởng|công nhận|thu hồi|hủy bỏ|huỷ bỏ|tước)(?!\w)", re.IGNORECASE)


def _bucket(n: int, edges: tuple[int, ...]) -> str:
    for edge in edges:
        if n <= edge:
            return f"<={edge}"
    return f">{edges[-1]}"


def _shape(gap: str, limit: int = 24) -> str:
    """A short gap as written, lower-cased, digits as 0; a long one as 'long'."""
    if len(gap) > limit:
        return "long"
    return _DIGITS.sub("0", gap.casefold())


def _gap_features(f: dict[str, float], prefix: str, gap: str) -> None:
    f[f"{prefix}gap={_shape(gap)}"] = 1.0
    f[f"{prefix}len{_bucket(len(gap), (0, 2, 6, 15, 40, 100))}"] = 1.0
    if len(gap) <= 60:
        for w in {w.casefold() for w in _WORD.findall(gap) if w.islower()}:
            f[f"{prefix}w={w}"] = 1.0
    for ch, name in _PUNCTUATION.items():
        n = gap.count(ch)
        if n:
            f[f"{prefix}p={name}"] = min(n, 3)
    for v in {v.group(0).casefold() for v in _VERBS.finditer(gap)}:
        f[f"{prefix}verb={v}"] = 1.0


_OWNER_BEFORE = re.compile(r"(?<!\w)(?:của|thuộc|trực thuộc|tại|ở)\s+(?:(?:tỉnh|thành phố|TP|huyện|quận|xã)\s+)?\Z",
                           re.IGNORECASE)
_OWNER_GAP = re.compile(r"\s*(?:,|-|–|\(|:)?\s*")


def official_features(index: DocumentIndex, p: Mention, t: Title, direction: str, rank: int, rule: bool,
                      row: bool = False) -> dict[str, float]:
    text = index.text
    gap_start, gap_end = (p.end, t.start) if direction == "after" else (t.end, p.start)
    gap = text[gap_start:gap_end]
    f: dict[str, float] = {f"dir={direction}": 1.0, f"rank={direction}{min(rank, 3)}": 1.0}
    if rule:
        f["rule"] = 1.0
        f[f"rule|{direction}"] = 1.0
    _gap_features(f, f"{direction}:", gap)
    between = len(index.within(("PERSON",), gap_start, gap_end))
    f[f"persons_between={min(between, 2)}"] = 1.0
    f[f"pwords={min(len(p.text.split()), 4)}"] = 1.0
    if t.text[:1].islower():
        f["title_lower"] = 1.0
    head = text[t.start:t.word_end].casefold() if t.word_end > t.start else t.text.casefold()
    f[f"head={head}"] = 1.0
    f[f"title_words{_bucket(len(t.text.split()), (1, 2, 4, 8))}"] = 1.0
    if text[t.end:t.end + 1] == " " and t.end + 1 in index.person_starts:
        f["title_then_person"] = 1.0                    # "…, Chủ tịch UBND tỉnh Nguyễn Văn B"
        if direction == "after":
            f["after|title_then_other_person"] = 1.0
    owner = index.last_person(t.start)
    if owner is not None and owner is not p and t.start - owner.end <= 4 and _OWNER_GAP.fullmatch(text, owner.end, t.start):
        f[f"{direction}|title_follows_other_person"] = 1.0   # "X, Phó hiệu trưởng …; ông Y": X's title, not Y's
    if row:
        f["table_row"] = 1.0
    before_p = text[max(0, p.start - 12):p.start].casefold()
    if re.search(r"(?:ông|bà|đồng chí|đ/c)\s*\Z", before_p):
        f["honorific_before_person"] = 1.0
    return f


def award_features(index: DocumentIndex, award: Mention, c_start: int, c_end: int, kind: str, rule: bool,
                   issuer_like: bool) -> dict[str, float]:
    """Features of (award, recipient candidate) where the candidate spans [c_start, c_end) and is a
    PERSON, ORGANIZATION, PROVINCE or PHRASE (a stretch of text the rules read as a recipient)."""
    text = index.text
    direction = "after" if c_start >= award.end else "before"
    gap_start, gap_end = (award.end, c_start) if direction == "after" else (c_end, award.start)
    gap = text[gap_start:gap_end] if gap_end >= gap_start else ""
    f: dict[str, float] = {f"dir={direction}": 1.0, f"kind={kind}": 1.0, f"kind|dir={kind}|{direction}": 1.0}
    if rule:
        f["rule"] = 1.0
        f[f"rule|{kind}"] = 1.0
    if issuer_like:
        f["issuer_like"] = 1.0
    _gap_features(f, f"{direction}:", gap)
    others = len(index.within(("AWARD",), gap_start, gap_end))
    f[f"awards_between={min(others, 2)}"] = 1.0
    same = len(index.top_level((kind,), gap_start, gap_end)) if kind != "PHRASE" else 0
    f[f"same_between={min(same, 3)}"] = 1.0
    left = text[max(0, c_start - 20):c_start]
    left_words = [w.casefold() for w in _WORD.findall(left)]
    for cue in _CUE_BEFORE:
        if left.casefold().rstrip().endswith(cue):
            f[f"left={cue}"] = 1.0
    if left_words:
        f[f"left1={left_words[-1]}"] = 1.0
    if _COUNT.search(left):
        f["count_before"] = 1.0
    right = text[c_end:c_end + 20]
    right_words = [w.casefold() for w in _WORD.findall(right)]
    if right_words:
        f[f"right1={right_words[0]}"] = 1.0
    if re.match(r"\s*(?:đã\s+|vừa\s+)?(?:trao|tặng|trao tặng|ký|đề nghị)\b", right, re.IGNORECASE):
        f["presenter_shape"] = 1.0                      # "Phó Thủ tướng X trao Huân chương … cho Y": X presents
    if text[max(0, c_start - 1):c_start] == "(" or re.match(r"\s*\)", right):
        f["in_parens"] = 1.0
    if kind != "PERSON" and index.title_over(c_start, c_end) is not None:
        f["in_title"] = 1.0                             # "Hiệu trưởng Trường X": the title's organisation
    if _OWNER_BEFORE.search(left):
        f["owned"] = 1.0                                # "… của Hội X", "… thuộc Công an tỉnh Y"
    s_start, s_end = index.sentence(award.start)
    if not (s_start <= c_start < s_end):
        f["other_sentence"] = 1.0                       # a list's lines, the next sentence
    before_award = text[max(s_start, award.start - 40):award.start]
    if _COUNT.search(before_award):
        f["award_counted"] = 1.0                        # "Chủ tịch nước tặng 402 Huân chương các loại"
    return f
