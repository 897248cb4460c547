"""Award records: the award, its recipients (coordinated ones split), the issuer, and whether it
was granted, proposed or something else (revoked, planned, criteria).

For each award mention, every person, organisation and province in its sentence (within a window),
and the phrases the structured rules read as recipients, are candidate recipients; a learned scorer
(features.py, models/records/) keeps those it believes. The rules (recipients after 'cho'/'tặng'
following the award or its list; right after the award; the subject before 'đón nhận' / 'được …
tặng', for 'Ông'/'Bà' the person last named) are one of its features, and the fallback when no model
is shipped. Mentions of one conferral are merged afterwards (conferrals.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from vnextract.extractor.assemble.conferrals import Conferral, merge_conferrals
from vnextract.extractor.assemble.features import award_features
from vnextract.extractor.assemble.index import WINDOW, DocumentIndex
from vnextract.extractor.assemble.scorer import Scorer
from vnextract.extractor.types import Mention, Record

_PROPOSED = re.compile(r"(?<!\w)(?:đề nghị|đề xuất|trình|kiến nghị|xét tặng|đề cử)(?!\w)", re.IGNORECASE)
_OTHER = re.compile(r"(?<!\w)(?:thu hồi|tước|hủy bỏ|huỷ bỏ|tiêu chuẩn|điều kiện|dự kiến|phấn đấu)(?!\w)",
                    re.IGNORECASE)
_GRANT_VERB = r"(?:trao tặng|tặng thưởng|truy tặng|phong tặng|tặng|trao|khen thưởng)"
_COUNT = r"(?:\s+(?:\d+|nhiều|các|những|hơn \d+))?(?:\s+(?:danh hiệu|phần thưởng)(?:\s[^:\n]{0,40}:)?)?[\s\"'“]*\Z"
_RECEIVE_VERB = re.compile(
    r"(?<!\w)(?:đã\s+|vừa\s+|vinh dự\s+|tiếp tục\s+)*(?:được\s+(?P<issuer>(?:(?!Bằng khen|Huân chương|Cờ thi đua|Giấy khen)"
    r"[^.;:\n]){0,60}?)\s*" + _GRANT_VERB +
    r"|(?:đón nhận|(?<!công )nhận|được\s+" + _GRANT_VERB + r"))" + _COUNT, re.IGNORECASE)
_GIVE_VERB = re.compile(r"(?<!\w)(?:đã\s+|vừa\s+|cũng\s+)*" + _GRANT_VERB + _COUNT, re.IGNORECASE)
_FOR = re.compile(r"(?<!\w)(?:(?:tặng\s+)?cho(?!\s+(?:biết|rằng|thấy|phép|hay|nên)\b)|tặng(?!\s+(?:theo|vì|do|năm|cho)\b)|"
                  r"đối với|là\s+(?:các\s+)?(?:đồng chí|ông|bà|tập thể|cá nhân|đơn vị)\s*:?)\s+", re.IGNORECASE)
_OF = re.compile(r"\s+(?:của|do)\s+")
_CLAUSE_END = re.compile(r"[.;:\n]|\s(?:vì|về|do|đã|đạt|có thành tích|nhân dịp|trong|tại|năm \d|giai đoạn|vào|theo|"
                         r"nhằm|để|là)\b")
_SPLIT = re.compile(r"\s*,\s*|\s+và\s+")
_GENERIC = re.compile(
    r"^(?:\d+|một số|nhiều|các|những|mỗi|hơn|có)\b|^(?:đơn vị|cá nhân|tập thể|thành phố|tỉnh|đảng viên|học sinh|"
    r"người|ông|bà|anh|chị)$", re.IGNORECASE)
_ISSUER_END = re.compile(r"[,.;:()\n]|\s(?:cho|tặng|trao|vì|về|năm|đợt|nhân|đã|theo|tại|ngày|là|và\s+(?:Bằng|Cờ|Huân))\b")
_AWARD_WORD = re.compile(r"(?:Bằng khen|Giấy khen|Huân chương|Cờ thi đua)", re.IGNORECASE)
_PRONOUN = re.compile(r"(?:^|[\s,])(?:Ông|Bà|ông|bà)\s*(?:đã\s+|cũng\s+)*\Z")
_ISSUER_WORDS = re.compile(r"(Phó Thủ tướng|Thủ tướng(?: Chính phủ)?|Chủ tịch nước|Đảng và Nhà nước|Đảng, Nhà nước|"
                           r"Nhà nước|Chính phủ)\s*(?:đã\s+|vừa\s+)*\Z")
# A count between the subject and the verb, or between the verb and the award, makes it a bare count with
# no identifiable recipient: "có 120 tập thể được tặng …", "Chủ tịch nước tặng 402 Huân chương các loại".
_BARE_COUNT = re.compile(r"(?<!\w)(?:\d[\d.,]*|hàng trăm|hàng nghìn|hàng chục|nhiều|hơn \d[\d.,]*)\s+"
                         r"(?:tập thể|cá nhân|trường hợp|đơn vị|lượt|người|hộ|gia đình|đảng viên|học sinh|giáo viên|"
                         r"cán bộ|chiến sĩ|doanh nghiệp|xã|thôn)(?!\w)", re.IGNORECASE)
_COUNTED_AWARD = re.compile(r"(?<!\w)(?:tặng|trao|trao tặng|tặng thưởng|được|có|đạt)\s+(?:hơn\s+|gần\s+)?\d[\d.,]*\s*\Z",
                            re.IGNORECASE)
_LISTED = re.compile(r"[\s,;]*(?:và)?[\s,;]*")
_STOP = re.compile(r"[.;…\n]")
_STRIP = " \"'“”()"
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
        if piece and not _GENERIC.search(piece) and len(piece.split()) <= 8 and not _AWARD_WORD.match(piece):
            out.append((s, e))
    return out


def _recipients_in(index: DocumentIndex, start: int, end: int) -> list[tuple[int, int]]:
    persons = index.top_level(("PERSON",), start, end)
    if persons:
        return [(m.start, m.end) for m in persons]
    bodies = index.top_level(("ORGANIZATION", "PROVINCE"), start, end)
    if bodies:
        return [(m.start, m.end) for m in bodies]
    return _split_phrase(index, start, end)


def _clause_after(index: DocumentIndex, position: int, limit: int) -> tuple[int, int] | None:
    """The recipient phrase after 'cho'/'tặng'/'đối với'/'là các đồng chí' following `position`, within the clause."""
    text = index.text
    limit = min(limit, position + WINDOW)
    window_end = min(limit, position + 120)
    stop = _STOP.search(text, position, window_end)
    m = _FOR.search(text, position, stop.start() if stop else window_end)
    if not m or _AWARD_WORD.search(text, position, m.start()):
        return None
    end_match = _CLAUSE_END.search(text, m.end(), limit)
    end = end_match.start() if end_match else limit
    while end > m.end() and text[end - 1] in " ,":
        end -= 1
    return (m.end(), end) if end > m.end() else None


def _subject(index: DocumentIndex, verb: int, sentence_start: int) -> list[tuple[int, int]] | None:
    """Who receives, named before 'đón nhận' / 'được … tặng' (None: a bare count stands there)."""
    text = index.text
    lower = max(sentence_start, verb - WINDOW)
    if _PRONOUN.search(text, lower, verb):
        earlier = index.last_full_person(verb)
        return [(earlier.start, earlier.end)] if earlier else []
    candidates = index.within(ENTITY_KINDS, lower, verb)
    persons = [m for m in candidates if m.label == "PERSON"]
    if persons:
        return [(persons[-1].start, persons[-1].end)]
    host = text.rfind(" tổ chức ", lower, verb)
    if host != -1 and any(m.end <= host for m in candidates):
        candidates = [m for m in candidates if m.end <= host]     # "X tổ chức lễ … và đón nhận …": X receives
    if not candidates:
        clause_start = max(text.rfind(",", lower, verb) + 1, lower)
        phrase = text[clause_start:verb].strip()
        if _BARE_COUNT.search(phrase):
            return None
        words = phrase.split()
        if 1 <= len(words) <= 6 and not words[0][0].islower() and not _GENERIC.search(phrase):
            start = verb - len(text[clause_start:verb].lstrip())
            end = start + len(phrase)
            return [(start, end)]
        return []
    last_end = max(m.end for m in candidates)
    if _BARE_COUNT.search(text, last_end, verb):
        return None
    longest = max((m for m in candidates if m.end == last_end), key=lambda m: m.end - m.start)
    best = max((m for m in candidates if m.end == last_end or m.contains(longest)), key=lambda m: m.end - m.start)
    return [(best.start, best.end)]


def _issuer(index: DocumentIndex, award: Mention, before_start: int, sentence_end: int,
            received: re.Match[str] | None) -> tuple[int, int] | None:
    text = index.text
    of = _OF.match(text, award.end)
    if of:
        stop = _ISSUER_END.search(text, of.end(), min(sentence_end, of.end() + 120))
        end = stop.start() if stop else min(sentence_end, of.end() + 120)
        if 0 < len(text[of.end():end].split()) <= 10:
            return of.end(), _rstrip(text, of.end(), end, " \t\n")
    if received and received.group("issuer"):
        return received.start("issuer"), received.end("issuer")
    given = _GIVE_VERB.search(text, before_start, award.start)
    if given:
        named = _ISSUER_WORDS.search(text, before_start, given.start())
        if named:
            return named.start(1), named.end(1)
        verb = given.start()
        organisations = [m for m in index.within(("ORGANIZATION",), before_start, verb) if not text[m.end:verb].strip(" ")]
        if organisations:
            best = max(organisations, key=lambda m: m.end - m.start)
            return best.start, best.end
    return None


def read_award(index: DocumentIndex, awards: list[Mention], k: int, chain: tuple[int, int]) -> Reading:
    """The rules' reading of award `k`: recipients, issuer, status."""
    text = index.text
    award = awards[k]
    s_start, s_end = index.sentence(award.start)
    first, last = awards[chain[0]], awards[chain[1]]
    before_start = max(s_start, first.start - WINDOW)
    recipients: list[tuple[int, int]] = []
    if _COUNTED_AWARD.search(text, max(s_start, first.start - 40), first.start):
        return Reading(award, (s_start, s_end), [], None, status_of(text[max(s_start, first.start - 160):first.start]),
                       counted=True)
    for anchor in (award.end, last.end):
        clause = _clause_after(index, anchor, s_end)
        if clause:
            recipients = _recipients_in(index, *clause)
            break
    received = _RECEIVE_VERB.search(text, before_start, first.start)
    if not recipients and received:
        subject = _subject(index, received.start(), s_start)
        if subject is None:
            return Reading(award, (s_start, s_end), [], None, status_of(text[max(s_start, first.start - 160):first.start]),
                           counted=True)
        recipients = subject
    if not recipients and award.attrs.get("category") == "state_title":
        person = index.within(("PERSON",), award.end, min(s_end, award.end + 60))
        if person and not text[award.end:person[0].start].strip():
            recipients = [(person[0].start, person[0].end)]    # "Nghệ sĩ Ưu tú Nguyễn Văn A": an honorary title held
    if (not recipients and (received or _GIVE_VERB.search(text, before_start, first.start))
            and re.match(r"\s+(?:[A-ZĐ]|(?:GS|TS|ông|bà)\b)", text[last.end:last.end + 6])):
        stop = _STOP.search(text, last.end, min(s_end, last.end + WINDOW))
        end = stop.start() if stop else min(s_end, last.end + WINDOW)
        recipients = [(m.start, m.end) for m in index.top_level(("PERSON", "ORGANIZATION"), last.end, end)]
    issuer = _issuer(index, award, before_start, s_end, received)
    if issuer is None and chain[0] != k:
        issuer = _issuer(index, first, before_start, s_end, received)   # one issuer for the list
    status_window = text[max(s_start, first.start - 160):first.start]
    return Reading(award, (s_start, s_end), recipients, issuer, status_of(status_window))


def candidates_of(index: DocumentIndex, reading: Reading) -> list[Candidate]:
    """The entities of the award's sentence (within the window) and the rules' recipients, with features;
    none for a bare count."""
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
        spans.setdefault(span, "PHRASE")
    out = []
    for (start, end), kind in spans.items():
        issuer_like = issuer is not None and issuer[0] <= start and end <= issuer[1]
        features = award_features(index, award, start, end, kind, (start, end) in ruled, issuer_like)
        out.append(Candidate(start, end, kind, features, (start, end) in ruled))
    return out


def award_readings(index: DocumentIndex) -> list[tuple[Reading, list[Candidate]]]:
    awards = index.mentions("AWARD")
    chains = _chains(awards, index)
    out = []
    for k in range(len(awards)):
        reading = read_award(index, awards, k, chains[k])
        out.append((reading, candidates_of(index, reading)))
    return out


def assemble_awards(index: DocumentIndex, scorer: Scorer | None) -> list[Record]:
    conferrals = []
    for reading, candidates in award_readings(index):
        chosen = [c for c in candidates if (scorer.accepts(c.features) if scorer else c.rule)]
        if chosen:
            conferrals.append(Conferral(reading.award, reading.sentence, sorted((c.start, c.end, c.kind) for c in chosen),
                                        reading.issuer, reading.status))
    return merge_conferrals(index, conferrals)
