"""Award records: the award, its recipients (coordinated ones split), the issuer, and whether it
was granted, proposed or something else (revoked, planned, criteria).

Recipients are looked for, in order: after 'cho'/'tặng' following the award (or the list of
awards it belongs to); right after the award ('nhận Bằng khen Hội AREBCO, GS Lương Văn Hy …');
before 'đón nhận' / 'được … tặng' (the subject, and for 'Ông'/'Bà' the person last named).
Within a recipient phrase, persons are preferred, then organisations and provinces, then the
phrase itself split on commas and 'và' that are not inside an organisation's name.
"""

from __future__ import annotations

import re

from vnextract.extractor.types import Mention, Record, SegmentedText

_PROPOSED = re.compile(r"(?<!\w)(?:đề nghị|đề xuất|trình|kiến nghị|xét tặng|đề cử)(?!\w)", re.IGNORECASE)
_OTHER = re.compile(r"(?<!\w)(?:thu hồi|tước|hủy bỏ|huỷ bỏ|tiêu chuẩn|điều kiện|dự kiến|phấn đấu)(?!\w)",
                    re.IGNORECASE)
_GRANT_VERB = r"(?:trao tặng|tặng thưởng|truy tặng|phong tặng|tặng|trao|khen thưởng)"
_COUNT = r"(?:\s+(?:\d+|nhiều|các|những|hơn \d+))?(?:\s+(?:danh hiệu|phần thưởng)(?:\s[^:\n]{0,40}:)?)?[\s\"'“]*\Z"
_RECEIVE_VERB = re.compile(
    r"(?<!\w)(?:đã\s+|vừa\s+|vinh dự\s+|tiếp tục\s+)*(?:được\s+(?P<issuer>[^.;:\n]{0,60}?)\s*" + _GRANT_VERB +
    r"|(?:đón nhận|(?<!công )nhận|được\s+" + _GRANT_VERB + r"))" + _COUNT, re.IGNORECASE)
_GIVE_VERB = re.compile(r"(?<!\w)(?:đã\s+|vừa\s+|cũng\s+)*" + _GRANT_VERB + _COUNT, re.IGNORECASE)
_FOR = re.compile(r"(?<!\w)(?:(?:tặng\s+)?cho(?!\s+(?:biết|rằng|thấy|phép|hay|nên)\b)|tặng(?!\s+(?:theo|vì|do|năm|cho)\b))\s+",
                  re.IGNORECASE)
_OF = re.compile(r"\s+của\s+")
_CLAUSE_END = re.compile(r"[.;:\n]|\s(?:vì|về|do|đã|đạt|có thành tích|nhân dịp|trong|tại|năm \d|giai đoạn|vào|theo|"
                         r"nhằm|để|là)\b")
_SPLIT = re.compile(r"\s*,\s*|\s+và\s+")
_GENERIC = re.compile(
    r"^(?:\d+|một số|nhiều|các|những|mỗi|hơn)\b|^(?:đơn vị|cá nhân|tập thể|thành phố|tỉnh|đảng viên|học sinh|"
    r"người|ông|bà|anh|chị)$", re.IGNORECASE)
_ISSUER_END = re.compile(r"[,.;:()\n]|\s(?:cho|tặng|vì|về|năm|đợt|nhân|đã|và\s+(?:Bằng|Cờ|Huân))\b")
_AWARD_WORD = re.compile(r"(?:Bằng khen|Giấy khen|Huân chương|Cờ thi đua)", re.IGNORECASE)
_PRONOUN = re.compile(r"(?:^|[\s,])(?:Ông|Bà|ông|bà)\s*(?:đã\s+|cũng\s+)*\Z")
_ISSUER_WORDS = re.compile(r"(Thủ tướng(?: Chính phủ)?|Chủ tịch nước|Đảng và Nhà nước|Đảng, Nhà nước|Nhà nước|"
                           r"Chính phủ)\s*(?:đã\s+|vừa\s+)*\Z")


def _sentence(doc: SegmentedText, position: int) -> tuple[int, int]:
    for start, end in doc.sentences:
        if start <= position < end:
            return start, end
    return position, position + 1


def _status(before: str) -> str:
    if _PROPOSED.search(before):
        return "proposed"
    if _OTHER.search(before):
        return "other"
    return "granted"


def _top_level(mentions: list[Mention], labels: tuple[str, ...], start: int, end: int) -> list[Mention]:
    inside = [m for m in mentions if m.label in labels and start <= m.start and m.end <= end]
    return [m for m in inside if not any(o is not m and o.contains(m) and (o.start, o.end) != (m.start, m.end)
                                         for o in inside)]


def _recipients_in(doc: SegmentedText, start: int, end: int, mentions: list[Mention]) -> list[str]:
    persons = _top_level(mentions, ("PERSON",), start, end)
    if persons:
        return [doc.original(m.start, m.end) for m in sorted(persons, key=lambda m: m.start)]
    bodies = _top_level(mentions, ("ORGANIZATION", "PROVINCE"), start, end)
    if bodies:
        return [doc.original(m.start, m.end) for m in sorted(bodies, key=lambda m: m.start)]
    text = doc.text
    protected = [(m.start, m.end) for m in mentions if m.label == "ORGANIZATION" and m.start < end and m.end > start]
    parts, position = [], start
    for sep in _SPLIT.finditer(text, start, end):
        if not any(s <= sep.start() < e for s, e in protected):
            parts.append((position, sep.start()))
            position = sep.end()
    parts.append((position, end))
    pieces = [doc.original(s, e).strip(" \"'“”()") for s, e in parts]
    return [p for p in pieces if p and not _GENERIC.search(p) and len(p.split()) <= 8 and not _AWARD_WORD.match(p)]


def _clause_after(doc: SegmentedText, position: int, limit: int) -> tuple[int, int] | None:
    """The recipient phrase after 'cho'/'tặng' following `position`, within the clause."""
    text = doc.text
    window_end = min(limit, position + 120)
    stop = re.compile(r"[.;…\n]").search(text, position, window_end)
    m = _FOR.search(text, position, stop.start() if stop else window_end)
    if not m or re.search(r"(?:Huân chương|Bằng khen|Cờ thi đua|Giấy khen)", text[position:m.start()]):
        return None
    end_match = _CLAUSE_END.search(text, m.end(), limit)
    end = end_match.start() if end_match else limit
    end = len(text[:end].rstrip(" ,"))
    return (m.end(), end) if end > m.end() else None


def _subject(doc: SegmentedText, verb: int, sentence_start: int, mentions: list[Mention]) -> list[str]:
    """Who receives, named before 'đón nhận' / 'được … tặng'."""
    text = doc.text
    if _PRONOUN.search(text[sentence_start:verb]):
        earlier = [m for m in mentions if m.label == "PERSON" and m.end <= verb and len(m.text.split()) >= 2]
        return [doc.original(earlier[-1].start, earlier[-1].end)] if earlier else []
    candidates = [m for m in mentions if m.label in ("PERSON", "ORGANIZATION", "PROVINCE")
                  and sentence_start <= m.start and m.end <= verb]
    persons = [m for m in candidates if m.label == "PERSON"]
    if persons:
        return [doc.original(persons[-1].start, persons[-1].end)]
    host = text.rfind(" tổ chức ", sentence_start, verb)
    if host != -1 and any(m.end <= host for m in candidates):
        candidates = [m for m in candidates if m.end <= host]     # "X tổ chức lễ … và đón nhận …": X receives
    if not candidates:
        clause_start = max(text.rfind(",", sentence_start, verb) + 1, sentence_start)
        phrase = text[clause_start:verb].strip()
        words = phrase.split()
        if 1 <= len(words) <= 6 and words[0][0].islower() is False and not _GENERIC.search(phrase):
            return [doc.original(verb - len(text[clause_start:verb].lstrip()), verb).strip()]
        return []
    last_end = max(m.end for m in candidates)
    best = max((m for m in candidates if m.end == last_end or m.contains(max(candidates, key=lambda c: c.end))),
               key=lambda m: m.end - m.start)
    return [doc.original(best.start, best.end)]


def _issuer(doc: SegmentedText, award: Mention, before: str, before_start: int, sentence_end: int,
            received: re.Match[str] | None, mentions: list[Mention]) -> str | None:
    text = doc.text
    of = _OF.match(text, award.end)
    if of:
        stop = _ISSUER_END.search(text, of.end(), sentence_end)
        end = stop.start() if stop else sentence_end
        issuer = doc.original(of.end(), end).strip()
        if 0 < len(issuer.split()) <= 10:
            return issuer
    if received and received.group("issuer"):
        return doc.original(before_start + received.start("issuer"), before_start + received.end("issuer")).strip()
    given = _GIVE_VERB.search(before)
    if given:
        head = before[:given.start()]
        named = _ISSUER_WORDS.search(head)
        if named:
            return doc.original(before_start + named.start(1), before_start + named.end(1))
        verb = before_start + given.start()
        organisations = [m for m in mentions if m.label == "ORGANIZATION" and before_start <= m.start
                         and m.end <= verb and not text[m.end:verb].strip(" ")]
        if organisations:
            best = max(organisations, key=lambda m: m.end - m.start)
            return doc.original(best.start, best.end)
    return None


def assemble_awards(doc: SegmentedText, mentions: list[Mention]) -> list[Record]:
    text = doc.text
    awards = sorted((m for m in mentions if m.label == "AWARD"), key=lambda m: m.start)
    listed = re.compile(r"[\s,;]*(?:và)?[\s,;]*")
    records: list[Record] = []
    for k, award in enumerate(awards):
        s_start, s_end = _sentence(doc, award.start)
        first = award                                  # awards listed together share one verb and one recipient
        for prev in reversed(awards[:k]):
            if prev.start >= s_start and listed.fullmatch(text, prev.end, first.start):
                first = prev
            else:
                break
        last = award
        for nxt in awards[k + 1:]:
            if nxt.start < s_end and listed.fullmatch(text, last.end, nxt.start):
                last = nxt
            else:
                break
        before = text[s_start:first.start]
        recipients: list[str] = []
        for anchor in (award.end, last.end):
            clause = _clause_after(doc, anchor, s_end)
            if clause:
                recipients = _recipients_in(doc, *clause, mentions)
                break
        received = _RECEIVE_VERB.search(before)
        if not recipients and received:
            recipients = _subject(doc, s_start + received.start(), s_start, mentions)
        if (not recipients and (received or _GIVE_VERB.search(before))
                and re.match(r"\s+(?:[A-ZĐ]|(?:GS|TS|ông|bà)\b)", text[last.end:last.end + 6])):
            stop = re.compile(r"[.;\n]").search(text, last.end, s_end)
            end = stop.start() if stop else s_end
            named = _top_level(mentions, ("PERSON", "ORGANIZATION"), last.end, end)
            recipients = [doc.original(m.start, m.end) for m in sorted(named, key=lambda m: m.start)]
        if not recipients:
            continue
        records.append(Record("award", {
            "award": doc.original(award.start, award.end),
            "recipients": list(dict.fromkeys(recipients)),
            "issuer": _issuer(doc, award, before, s_start, s_end, received, mentions),
            "status": _status(before),
            "attrs": {k: v for k, v in award.attrs.items() if k in ("type", "class", "category", "level")},
        }))
    return records
