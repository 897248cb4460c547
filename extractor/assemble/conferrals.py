"""One record per conferral: the award mentions that name the same award (the same type, 'Anh hùng Lao
động' and 'Anh hùng Lao động thời kỳ đổi mới' alike; a mention without a class, or without the quoted
name of a commemorative medal, joins the one it is given elsewhere), the same recipient (a person's
short and full names joined; a body with or without its abbreviation, 'BV Nhi Trung ương' and 'Bệnh
viện (BV) Nhi Trung ương'), a compatible issuer (unstated, or one authority: an office and the
body it heads, the State and its President) and the same status are merged, every mention kept as
evidence; then the normalised fields: type and class, each recipient's kind and province, the issuer
as a canonical office, the date and the decision cited."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from vnextract.extractor.assemble.index import DocumentIndex
from vnextract.extractor.assemble.names import NameIndex
from vnextract.extractor.types import Mention, Record

_SPACES = re.compile(r"\s+")
_CLASS_WORDS = [(re.compile(r"\bhạng\s+(?:iii|3|ba)(?!\w)"), "hạng ba"),
                (re.compile(r"\bhạng\s+(?:ii|2|hai|nhì|nhị)(?!\w)"), "hạng nhì"),
                (re.compile(r"\bhạng\s+(?:i|1|nhất)(?!\w)"), "hạng nhất")]
_CLASS = re.compile(r"\s*\bhạng (?:nhất|nhì|ba)\b")
_OFFICES = [
    (re.compile(r"^Thủ tướng(?: Chính phủ)?$", re.IGNORECASE), "Thủ tướng Chính phủ"),
    (re.compile(r"^Chủ tịch nước(?: (?:CHXHCN|Cộng hòa xã hội chủ nghĩa) Việt Nam)?$", re.IGNORECASE), "Chủ tịch nước"),
    (re.compile(r"^(?:(?:lãnh đạo )?Đảng(?:,| và) )?Nhà nước(?: (?:VN|Việt Nam))?$", re.IGNORECASE), "Nhà nước"),
    (re.compile(r"^Chính phủ$", re.IGNORECASE), "Chính phủ"),
]
_PEOPLES_COMMITTEE = re.compile(r"(?:Ủy|Uỷ) ban [Nn]hân dân")
_PEOPLES_COUNCIL = re.compile(r"Hội đồng [Nn]hân dân")
# The head of a body confers in its name: 'Chủ tịch UBND tỉnh X' and 'UBND tỉnh X', 'Bộ trưởng Bộ Y tế' and 'Bộ Y tế',
# 'Chủ tịch tỉnh' (the chairman of the provincial committee) and 'UBND tỉnh X' are one authority.
_HEAD_OF = re.compile(r"^(?:Phó\s+)?(?:Chủ tịch|Bộ trưởng|Giám đốc|Tổng Giám đốc|Chủ nhiệm|Trưởng ban|Tổng cục trưởng|"
                      r"Cục trưởng|Hiệu trưởng)\s+(?=\S)", re.IGNORECASE)
_LOCAL_HEAD = re.compile(r"^(tỉnh|thành phố|huyện|quận|thị xã|xã|phường)\b", re.IGNORECASE)
_QUOTED_NAME = re.compile(r"\s*:?\s*[\"“]([^\"”\n]{1,80})[\"”]")     # Kỷ niệm chương "Vì sự nghiệp …"
_BRACKETED = re.compile(r"\s*\([^()]{0,40}\)")
# Abbreviated heads of bodies, as news writes them ('BV Nhi Trung ương'), for comparing recipients.
_HEADS = {"bv": "bệnh viện", "ubnd": "ủy ban nhân dân", "hđnd": "hội đồng nhân dân", "đh": "đại học", "cđ": "cao đẳng",
          "cty": "công ty", "tp": "thành phố", "tp.": "thành phố", "lđlđ": "liên đoàn lao động", "htx": "hợp tác xã",
          "clb": "câu lạc bộ", "nxb": "nhà xuất bản", "thpt": "trung học phổ thông", "thcs": "trung học cơ sở",
          "tct": "tổng công ty", "uỷ": "ủy"}


@dataclass(frozen=True)
class Conferral:
    """One award mention read with its recipients (spans with their kind), issuer span and status."""

    award: Mention
    sentence: tuple[int, int]
    recipients: list[tuple[int, int, str]]
    issuer: tuple[int, int] | None
    status: str


def award_key(text: str) -> str:
    """Award text as compared: case-folded, white space collapsed, classes as words ('hạng 3' → 'hạng ba')."""
    key = _SPACES.sub(" ", text.casefold()).strip()
    for pattern, words in _CLASS_WORDS:
        key = pattern.sub(words, key)
    return key


def canonical_office(issuer: str | None) -> str | None:
    """The issuer as a canonical office: 'Thủ tướng' → 'Thủ tướng Chính phủ', 'Đảng và Nhà nước' →
    'Nhà nước', 'Chủ tịch Ủy ban nhân dân tỉnh X' → 'Chủ tịch UBND tỉnh X'; others as written."""
    if not issuer:
        return None
    text = _SPACES.sub(" ", issuer).strip(" ,;")
    for pattern, office in _OFFICES:
        if pattern.match(text):
            return office
    text = _PEOPLES_COUNCIL.sub("HĐND", _PEOPLES_COMMITTEE.sub("UBND", text))
    return text[:1].upper() + text[1:]


class _Groups:
    """Union-find over conferral indices."""

    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, i: int, j: int) -> None:
        a, b = self.find(i), self.find(j)
        if a != b:
            self.parent[max(a, b)] = min(a, b)


def merge_conferrals(index: DocumentIndex, conferrals: list[Conferral]) -> list[Record]:
    names = NameIndex(index.mentions("PERSON"))
    text = index.text

    def recipient_key(start: int, end: int, kind: str) -> str:
        written = _SPACES.sub(" ", text[start:end]).strip()
        if kind == "PERSON":
            return names.canonical(written).casefold()
        words = _BRACKETED.sub("", written).casefold().split()
        return " ".join(_HEADS.get(w, w) for w in words)

    keys = [award_key(c.award.text) for c in conferrals]
    types = [award_key(str(c.award.attrs.get("type") or _CLASS.sub("", k))) for c, k in zip(conferrals, keys, strict=True)]
    classes = [m.group(0).strip() if (m := _CLASS.search(k)) else None for k in keys]
    named = [m.group(1).casefold() if (m := _QUOTED_NAME.match(text, c.award.end)) else None for c in conferrals]
    issuers = [canonical_office(text[c.issuer[0]:c.issuer[1]]) if c.issuer else None for c in conferrals]
    groups = _Groups(len(conferrals))
    buckets: dict[tuple[str, str, str], list[int]] = {}
    for i, c in enumerate(conferrals):
        for start, end, kind in c.recipients:
            buckets.setdefault((types[i], c.status, recipient_key(start, end, kind)), []).append(i)
    for members in buckets.values():
        merged: list[tuple[int, str | None, str | None, str | None]] = []   # (root member, class, name, issuer)
        for i in sorted(members, key=lambda i: (classes[i] is None, named[i] is None, issuers[i] is None, i)):
            for n, (root, cls, name, issuer) in enumerate(merged):
                if (_compatible(cls, classes[i]) and _compatible(name, named[i])
                        and same_authority(issuer, issuers[i])):
                    groups.union(root, i)
                    merged[n] = (root, cls or classes[i], name or named[i], issuer or issuers[i])
                    break
            else:
                merged.append((i, classes[i], named[i], issuers[i]))
    by_root: dict[int, list[int]] = {}
    for i in range(len(conferrals)):
        by_root.setdefault(groups.find(i), []).append(i)
    return [_record(index, names, [conferrals[i] for i in members], [issuers[i] for i in members], recipient_key)
            for members in by_root.values()]


def _compatible(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b


def authority(office: str | None) -> str | None:
    """The body an issuer's office confers for, case-folded: 'Chủ tịch UBND tỉnh X' → 'ubnd tỉnh x', 'Chủ tịch tỉnh' →
    'ubnd tỉnh', 'Bộ trưởng Bộ Y tế' → 'bộ y tế'; the President confers the State's orders ('Nhà nước' → 'chủ tịch nước')."""
    if not office:
        return None
    if office in ("Nhà nước", "Chủ tịch nước"):
        return "chủ tịch nước"
    body = _HEAD_OF.sub("", office) if not office.casefold().startswith("chủ tịch nước") else office
    if body != office and _LOCAL_HEAD.match(body):
        body = "UBND " + body                       # 'Chủ tịch tỉnh', 'Chủ tịch huyện X': of the people's committee
    return body.casefold()


def same_authority(a: str | None, b: str | None) -> bool:
    """Issuers of one conferral: either unstated, or one authority, one named more fully ('UBND tỉnh' and 'UBND tỉnh X')."""
    if a is None or b is None:
        return True
    x, y = authority(a), authority(b)
    if x is None or y is None:
        return True
    shorter, longer = sorted((x, y), key=len)
    return longer == shorter or longer.startswith(shorter + " ")


def _record(index: DocumentIndex, names: NameIndex, mentions: list[Conferral], offices: list[str | None],
            recipient_key) -> Record:
    doc = index.doc
    main = max(mentions, key=lambda c: (c.award.attrs.get("class") is not None, len(c.award.text.split()), -c.award.start))
    recipients: dict[str, dict[str, Any]] = {}
    for c in mentions:
        for start, end, kind in c.recipients:
            key = recipient_key(start, end, kind)
            entry = recipients.setdefault(key, {"spans": [], "kind": kind, "start": start, "end": end})
            entry["spans"].append(index.original_span(start, end))
            if kind == "PERSON":
                full = names.fullest(names.canonical(_SPACES.sub(" ", index.text[start:end]).strip()))
                entry["start"], entry["end"] = full.start, full.end
            elif end - start > entry["end"] - entry["start"]:
                entry["start"], entry["end"] = start, end       # a body in its fullest form ('Bệnh viện (BV) …')
    issuer_mention = next((c for c in mentions if c.issuer), None)
    issuer = doc.original(*issuer_mention.issuer).strip() if issuer_mention and issuer_mention.issuer else None
    sentences = sorted({c.sentence for c in mentions})
    fields: dict[str, Any] = {
        "award": doc.original(main.award.start, main.award.end),
        "recipients": [doc.original(e["start"], e["end"]).strip(" \"'“”()") for e in recipients.values()],
        "issuer": issuer,
        "status": main.status,
        "attrs": {k: v for k, v in main.award.attrs.items() if k in ("type", "class", "category", "level")},
        "issuer_office": next((o for o in offices if o), None),
        "recipient_details": [_recipient(index, e) for e in recipients.values()],
    }
    fields.update(_date(index, sentences))
    decision = _decision(index, sentences)
    if decision:
        fields["decision"] = decision
    fields["evidence"] = {
        "sentences": [index.original_span(*s) for s in sentences],
        "award": [index.original_span(c.award.start, c.award.end) for c in sorted(mentions, key=lambda c: c.award.start)],
        "recipients": [e["spans"] for e in recipients.values()],
        "issuer": sorted({tuple(index.original_span(*c.issuer)) for c in mentions if c.issuer}),
    }
    fields["evidence"]["issuer"] = [list(s) for s in fields["evidence"]["issuer"]]
    return Record("award", fields)


def _recipient(index: DocumentIndex, entry: dict[str, Any]) -> dict[str, Any]:
    start, end, kind = entry["start"], entry["end"], entry["kind"]
    detail: dict[str, Any] = {"name": index.doc.original(start, end).strip(" \"'“”()"),
                              "kind": "person" if kind == "PERSON" else "collective"}
    provinces = index.within(("PROVINCE",), start, end)
    if provinces:
        attrs = provinces[-1].attrs
        detail.update({"province": attrs.get("name"), "province_code": attrs.get("code"),
                       "unit_2025": attrs.get("unit_2025")})
    return detail


def _date(index: DocumentIndex, sentences: list[tuple[int, int]]) -> dict[str, Any]:
    """The conferral's date when its sentence states one, else the document's (marked which)."""
    for start, end in sentences:
        for m in index.within(("DATE",), start, end):
            if m.attrs.get("value"):
                return {"date": m.attrs["value"], "date_source": "text"}
    date = index.doc.meta.get("date")
    return {"date": str(date), "date_source": "document"} if date else {}


def _decision(index: DocumentIndex, sentences: list[tuple[int, int]]) -> dict[str, Any] | None:
    """The decision the sentence cites ('Quyết định số 123/QĐ-TTg'), when it cites one by number."""
    for start, end in sentences:
        refs = [m for m in index.within(("LEGAL_REF",), start, end) if m.attrs.get("number")]
        if refs:
            ref = next((m for m in refs if str(m.attrs.get("type", "")).casefold() == "quyết định"), refs[0])
            return {"text": index.doc.original(ref.start, ref.end), "type": ref.attrs.get("type"),
                    "number": ref.attrs.get("number"), "span": index.original_span(ref.start, ref.end)}
    return None
