"""One output document (a dict as written by `extract`/`batch`) → typed rows for each archive table.

Records do not point at their entities yet, nor carry their evidence: until they do (issue 14 adds
`evidence`, structured titles, award dates and recipients' kinds), the rows link a record to the
entity with the same text in the sentence that best fits it, and derive a title's role,
organisation and province from the entities written inside it. Every new field is read from the
record when present, so it reaches the tables without a change here.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from datetime import date
from functools import cache, cached_property
from typing import Any

from vnextract.extractor.resources import fold_key, read_lines
from vnextract.extractor.segment.sentences import paragraphs, sentences

Row = dict[str, Any]


# --- meta.date ------------------------------------------------------------------------------------------------
# A stand-in for extractor/dates.py (issue 11), which will parse dates with their precision: replace
# parse_meta_date by it when it lands.

_ISO = re.compile(r"~?\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?\b")
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})$")
_DMY = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")


@dataclass(frozen=True)
class MetaDate:
    value: date | None          # the first day of what is written (a year → 1 January)
    precision: str | None       # "day", "month" or "year"


def parse_meta_date(raw: Any) -> MetaDate:
    text = str(raw or "").strip()
    parts: tuple[str | None, ...] = ()
    if m := _COMPACT.match(text):
        parts = m.groups()
    elif m := _DMY.match(text):
        parts = (m.group(3), m.group(2), m.group(1))
    elif m := _ISO.match(text):
        parts = m.groups()
    if not parts:
        return MetaDate(None, None)
    year, month, day = (int(p) if p else None for p in parts)
    try:
        return MetaDate(date(year or 1, month or 1, day or 1), "day" if day else "month" if month else "year")
    except ValueError:
        return MetaDate(date(year or 1, 1, 1), "year") if year else MetaDate(None, None)


def scheme_of(value: date | None) -> str:
    """The province scheme the extractor applied: the 34 units from 1 July 2025."""
    return "y2025" if value and value >= date(2025, 7, 1) else "legacy63"


# --- the document and what is looked up in it -------------------------------------------------------------------

_ROLE_MODIFIER = r"(?:(?:nguyên|cựu|tân|quyền)\s+)?(?:phó\s+)?"
_FORMER = re.compile(r"^(?:nguyên|cựu)\s", re.IGNORECASE)
# Bodies written after a title that name no particular one ("Phó Bí thư Tỉnh ủy", "Chủ tịch UBND tỉnh").
_GENERIC_BODY = re.compile(
    r"^(?:thường trực\s+)?(?:UBND|HĐND|Ủy ban nhân dân|Uỷ ban nhân dân|Hội đồng nhân dân|Tỉnh ủy|Thành ủy|Huyện ủy|"
    r"Đảng ủy|Quận ủy|Công ty|HĐQT|Hội đồng quản trị|Ban|Hội|Sở|Bộ|Trung tâm|Công đoàn|Chi bộ|Thường trực|Đoàn)"
    r"(?:\s+(?:tỉnh|thành phố|TP|huyện|quận|thị xã|xã|phường))?$", re.IGNORECASE)


@cache
def _role() -> re.Pattern[str]:
    words = sorted(read_lines("titles.txt"), key=len, reverse=True)
    return re.compile(rf"^{_ROLE_MODIFIER}(?:{'|'.join(re.escape(w) for w in words)})(?!\w)", re.IGNORECASE)


def _span(value: Any) -> tuple[int, int] | None:
    """[start, end] or {"start", "end"} (how evidence spans may be written)."""
    if isinstance(value, list | tuple) and len(value) == 2 and all(isinstance(v, int) for v in value):
        return int(value[0]), int(value[1])
    if isinstance(value, dict) and isinstance(value.get("start"), int) and isinstance(value.get("end"), int):
        return value["start"], value["end"]
    return None


@dataclass
class DocContext:
    """One document's text and entities, with the sentences and lookups that link records to spans."""

    doc_id: str
    text: str
    entities: list[dict[str, Any]]
    used: set[int] = field(default_factory=set)

    @cached_property
    def sentences(self) -> list[tuple[int, int]]:
        return [s for p in paragraphs(self.text) for s in sentences(self.text, p)]

    @cached_property
    def _starts(self) -> list[int]:
        return [s for s, _ in self.sentences]

    def sentence(self, position: int) -> tuple[int, int]:
        k = bisect_right(self._starts, position) - 1
        if k < 0:
            return (position, position)
        return self.sentences[k]

    @cached_property
    def provinces(self) -> list[dict[str, Any]]:
        """PROVINCE entities, longest text first (so "Bà Rịa - Vũng Tàu" is tried before "Vũng Tàu")."""
        seen: dict[str, dict[str, Any]] = {}
        for e in self.entities:
            if e["label"] == "PROVINCE" and e.get("attrs", {}).get("name"):
                seen.setdefault(e["text"], e)
        return sorted(seen.values(), key=lambda e: -len(e["text"]))

    @cached_property
    def organisations(self) -> list[str]:
        return sorted({e["text"] for e in self.entities if e["label"] == "ORGANIZATION"}, key=len, reverse=True)

    @cached_property
    def persons(self) -> set[str]:
        return {e["text"] for e in self.entities if e["label"] == "PERSON"}

    def province_in(self, phrase: str | None) -> dict[str, Any] | None:
        """The attrs of the first PROVINCE of this document written inside `phrase`."""
        if not phrase:
            return None
        for e in self.provinces:
            if e["attrs"]["name"] == phrase:
                return e["attrs"]
        for e in self.provinces:
            if re.search(rf"(?<!\w){re.escape(e['text'])}(?!\w)", phrase):
                return e["attrs"]
        return None

    def find(self, label: str, text: str, near: list[str]) -> dict[str, Any] | None:
        """The entity of `label` with this text, not yet linked, preferring one whose sentence holds `near`."""
        candidates = [(k, e) for k, e in enumerate(self.entities) if e["label"] == label and e["text"] == text]
        if not candidates:
            return None
        fresh = [(k, e) for k, e in candidates if k not in self.used] or candidates
        for k, e in fresh:
            s, t = self.sentence(e["start"])
            if any(n and n in self.text[s:t] for n in near):
                self.used.add(k)
                return e
        self.used.add(fresh[0][0])
        return fresh[0][1]

    def evidence(self, record: dict[str, Any], anchor: dict[str, Any] | None) -> tuple[int | None, int | None]:
        ev = record.get("evidence")
        if isinstance(ev, dict):
            span = _span(ev.get("sentence")) or _span(ev)
            if span:
                return span
        if anchor is None:
            return None, None
        return self.sentence(anchor["start"])

    def evidence_span(self, record: dict[str, Any], part: str) -> tuple[int, int] | None:
        ev = record.get("evidence")
        if isinstance(ev, dict):
            return _span(ev.get(part)) or _span((ev.get("spans") or {}).get(part))
        return None


# --- rows per table ------------------------------------------------------------------------------------------------

PROVINCE_ATTRS = {"name": "province_name", "code": "province_code", "scheme": "province_scheme", "type": "province_type",
                  "region": "region", "unit_2025": "unit_2025", "unit_2025_code": "unit_2025_code"}
PERCENT_ATTRS = {"value": "percent_value", "min": "percent_min", "max": "percent_max", "unit": "percent_unit",
                 "qualifier": "qualifier"}
AWARD_ATTRS = {"type": "award_type", "class": "award_class", "category": "award_category", "level": "award_level"}
DATE_ATTRS = {"value": "date_value", "inferred": "date_inferred_value", "year_inferred": "date_year_inferred"}
LEGAL_ATTRS = {"type": "legal_type", "number": "legal_number", "year": "legal_year", "issuer_code": "legal_issuer_code"}
ATTR_COLUMNS = {"PROVINCE": PROVINCE_ATTRS, "PERCENT": PERCENT_ATTRS, "AWARD": AWARD_ATTRS, "DATE": DATE_ATTRS,
                "LEGAL_REF": LEGAL_ATTRS}


def _iso_date(value: Any) -> date | None:
    """The first day of an ISO date written with its year ('2019-12-13', '2019-12', '2019'); None otherwise."""
    if not isinstance(value, str):
        return None
    m = re.match(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?(?:$|/)", value)
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))
    except ValueError:
        return None


def _precision(value: str) -> str:
    return "day" if len(value) >= 10 else "month" if len(value) >= 7 else "year"


def document_row(doc: dict[str, Any], doc_id: str) -> Row:
    meta = doc.get("meta") or {}
    parsed = parse_meta_date(meta.get("date"))
    text = doc.get("text") or ""
    first_line = next((line.strip() for line in text.split("\n") if line.strip()), "")
    return {"doc_id": doc_id, "key": doc.get("key") or doc_id, "source": doc.get("source") or meta.get("source"),
            "content_hash": doc.get("content_hash"), "title": first_line[:300],
            "date": parsed.value, "date_precision": parsed.precision,
            "date_raw": None if meta.get("date") is None else str(meta.get("date")),
            "year": parsed.value.year if parsed.value else None, "scheme": scheme_of(parsed.value),
            "chars": len(text), "n_entities": len(doc.get("entities") or []), "n_records": len(doc.get("records") or []),
            "text": text, "meta": json.dumps(meta, ensure_ascii=False)}


def entity_rows(doc: dict[str, Any], doc_id: str) -> list[Row]:
    out = []
    for k, e in enumerate(doc.get("entities") or []):
        attrs = dict(e.get("attrs") or {})
        row: Row = {"doc_id": doc_id, "entity_no": k, "start": e["start"], "end": e["end"], "label": e["label"],
                    "text": e["text"]}
        for key, column in ATTR_COLUMNS.get(e["label"], {}).items():
            if key in attrs:
                row[column] = attrs.pop(key)
        if e["label"] == "PROVINCE":
            row["merged_from"] = attrs.pop("merged_from", None)
            row["became"] = attrs.pop("became", None)
        if e["label"] == "DATE":
            row["date"] = _iso_date(row.get("date_value")) or _iso_date(row.get("date_inferred_value"))
        if isinstance(row.get("legal_year"), str) and row["legal_year"].isdigit():
            row["legal_year"] = int(row["legal_year"])
        if isinstance(row.get("award_class"), str) and row["award_class"].isdigit():
            row["award_class"] = int(row["award_class"])
        row["attrs"] = json.dumps(attrs, ensure_ascii=False) if attrs else None
        out.append(row)
    return out


def _province_columns(attrs: dict[str, Any] | None, prefix: str) -> Row:
    attrs = attrs or {}
    return {f"{prefix}": attrs.get("name"), f"{prefix}_code": attrs.get("code"),
            f"{prefix}_scheme": attrs.get("scheme"), f"{prefix}_2025": attrs.get("unit_2025"),
            f"{prefix}_2025_code": attrs.get("unit_2025_code")}


def split_title(title: str, ctx: DocContext) -> Row:
    """A title as written → role, organisation, province, current (read from the record when it says)."""
    role_match = _role().match(title)
    role = role_match.group(0) if role_match else None
    rest = title[role_match.end():].strip(" ,") if role_match else title
    organisation = next((o for o in ctx.organisations if o in title and o != title), None) or (rest or None)
    province = ctx.province_in(title)
    return {"role": role, "organisation": organisation, "organisation_named": bool(organisation and not
            _GENERIC_BODY.match(organisation)), "current": not _FORMER.match(title), **_province_columns(province, "province")}


def official_rows(record: dict[str, Any], no: int, ctx: DocContext) -> tuple[Row, list[Row]]:
    person = record.get("person") or ""
    titles = record.get("titles") or []
    written = [t if isinstance(t, str) else str(t.get("title") or t.get("text") or "") for t in titles]
    span = ctx.evidence_span(record, "person")
    anchor = {"start": span[0], "end": span[1]} if span else ctx.find("PERSON", person, written)
    ev_start, ev_end = ctx.evidence(record, anchor)
    official = {"doc_id": ctx.doc_id, "official_no": no, "person": person,
                "person_start": anchor["start"] if anchor else None, "person_end": anchor["end"] if anchor else None,
                "n_titles": len(titles), "evidence_start": ev_start, "evidence_end": ev_end}
    rows = []
    for k, (item, text) in enumerate(zip(titles, written, strict=True)):
        row: Row = {"doc_id": ctx.doc_id, "official_no": no, "title_no": k, "title": text, **split_title(text, ctx)}
        if isinstance(item, dict):                   # structured titles (issue 14) win over what is derived here
            for key in ("role", "organisation", "current"):
                if item.get(key) is not None:
                    row[key] = item[key]
            if item.get("province"):
                province = item["province"]
                row.update(_province_columns(province if isinstance(province, dict) else
                                             ctx.province_in(str(province)) or {"name": province}, "province"))
            span = _span(item.get("evidence"))
            row["evidence_start"], row["evidence_end"] = span if span else (ev_start, ev_end)
        else:
            row["evidence_start"], row["evidence_end"] = ev_start, ev_end
        rows.append(row)
    return official, rows


def _recipient_kind(recipient: str, ctx: DocContext) -> str:
    if recipient in ctx.persons:
        return "person"
    if recipient in ctx.organisations:
        return "organisation"
    if any(e["text"] == recipient for e in ctx.provinces):
        return "province"
    return "other"


def _decision(ctx: DocContext, start: int | None, end: int | None, record: dict[str, Any]) -> Row:
    """The decision a conferral cites: the record's own when given, else a Quyết định in the evidence sentence."""
    given = record.get("decision") or record.get("legal_ref")
    if isinstance(given, dict):
        return {"decision": given.get("text"), "decision_number": given.get("number"), "decision_year": given.get("year")}
    if isinstance(given, str):
        return {"decision": given, "decision_number": None, "decision_year": None}
    if start is None or end is None:
        return {}
    for e in ctx.entities:
        attrs = e.get("attrs") or {}
        if e["label"] == "LEGAL_REF" and start <= e["start"] < end and attrs.get("type") == "Quyết định" \
                and attrs.get("number"):
            year = attrs.get("year")
            return {"decision": e["text"], "decision_number": attrs.get("number"),
                    "decision_year": int(str(year)) if str(year or "").isdigit() else None}
    return {}


def award_rows(record: dict[str, Any], no: int, ctx: DocContext, document: Row) -> list[Row]:
    award = record.get("award") or ""
    recipients = record.get("recipients") or []
    names = [r if isinstance(r, str) else str(r.get("text") or r.get("name") or "") for r in recipients]
    span = ctx.evidence_span(record, "award")
    anchor = {"start": span[0], "end": span[1]} if span else ctx.find("AWARD", award, names)
    ev_start, ev_end = ctx.evidence(record, anchor)
    attrs = record.get("attrs") or {}
    conferral = record.get("date")
    when = conferral.get("value") if isinstance(conferral, dict) else conferral
    conferred = _iso_date(when)
    date_source = (conferral.get("source") if isinstance(conferral, dict) else None) or record.get("date_source") \
        or ("conferral" if conferred else "document" if document["date"] else None)
    day = conferred or document["date"]
    precision = _precision(str(when)) if conferred else document["date_precision"]
    issuer = record.get("issuer")
    common: Row = {
        "doc_id": ctx.doc_id, "award_no": no, "award": award, "award_type": attrs.get("type") or record.get("award_type"),
        "award_class": attrs.get("class") or record.get("class"), "award_category": attrs.get("category"),
        "award_level": attrs.get("level"),
        "issuer": issuer if isinstance(issuer, str) else (issuer or {}).get("text") if isinstance(issuer, dict) else None,
        "issuer_normalised": record.get("issuer_normalised") or (issuer.get("name") if isinstance(issuer, dict) else None),
        "status": record.get("status"), "date": day, "date_precision": precision, "date_source": date_source,
        "year": day.year if day else None, "award_start": anchor["start"] if anchor else None,
        "award_end": anchor["end"] if anchor else None, "evidence_start": ev_start, "evidence_end": ev_end,
        **_decision(ctx, ev_start, ev_end, record),
    }
    rows = []
    for k, (item, name) in enumerate(zip(recipients, names, strict=True)):
        given = item if isinstance(item, dict) else {}
        province = given.get("province")
        province_attrs = (province if isinstance(province, dict) else ctx.province_in(str(province)) or {"name": province}) \
            if province else ctx.province_in(name)
        rows.append({**common, "recipient_no": k, "recipient": name,
                     "recipient_kind": given.get("kind") or record.get("recipient_kind") or _recipient_kind(name, ctx),
                     **_province_columns(province_attrs, "recipient_province")})
    return rows


def percentage_row(record: dict[str, Any], no: int, ctx: DocContext, document: Row) -> Row:
    percent = record.get("percent") or ""
    span = ctx.evidence_span(record, "percent")
    subject = record.get("subject")
    anchor = {"start": span[0], "end": span[1]} if span else ctx.find("PERCENT", percent, [subject or ""])
    ev_start, ev_end = ctx.evidence(record, anchor)
    given = record.get("provinces")
    names = [p if isinstance(p, str) else p.get("name") for p in given] if isinstance(given, list) else \
        [record["province"]] if record.get("province") else []
    first = ctx.province_in(names[0]) if names else None
    if names and not first:
        first = {"name": names[0]}
    unit = None
    if anchor and "start" in anchor:
        unit = next((e.get("attrs", {}).get("unit") for e in ctx.entities if e["label"] == "PERCENT"
                     and e["start"] == anchor["start"]), None)
    period = record.get("period")
    return {"doc_id": ctx.doc_id, "percentage_no": no, "percent": percent, "value": record.get("value"),
            "min": record.get("min"), "max": record.get("max"), "unit": unit, "qualifier": record.get("qualifier"),
            "subject": subject, "subject_key": fold_key(subject) if subject else None,
            **_province_columns(first, "province"), "provinces": [n for n in names if n] or None,
            "period": period if isinstance(period, str) else json.dumps(period, ensure_ascii=False) if period else None,
            "year": document["year"], "date": document["date"],
            "percent_start": anchor["start"] if anchor else None, "percent_end": anchor["end"] if anchor else None,
            "evidence_start": ev_start, "evidence_end": ev_end}


@dataclass
class DocumentRows:
    documents: list[Row] = field(default_factory=list)
    entities: list[Row] = field(default_factory=list)
    officials: list[Row] = field(default_factory=list)
    official_titles: list[Row] = field(default_factory=list)
    awards: list[Row] = field(default_factory=list)
    percentages: list[Row] = field(default_factory=list)

    def add(self, doc: dict[str, Any], doc_id: str) -> None:
        document = document_row(doc, doc_id)
        self.documents.append(document)
        self.entities.extend(entity_rows(doc, doc_id))
        ctx = DocContext(doc_id, doc.get("text") or "", doc.get("entities") or [])
        counts = {"official": 0, "award": 0, "percentage": 0}
        for record in doc.get("records") or []:
            kind = record.get("type")
            if kind not in counts:
                continue
            no = counts[kind]
            counts[kind] += 1
            if kind == "official":
                official, titles = official_rows(record, no, ctx)
                self.officials.append(official)
                self.official_titles.extend(titles)
            elif kind == "award":
                self.awards.extend(award_rows(record, no, ctx, document))
            else:
                self.percentages.append(percentage_row(record, no, ctx, document))

    def tables(self) -> dict[str, list[Row]]:
        return {"documents": self.documents, "entities": self.entities, "officials": self.officials,
                "official_titles": self.official_titles, "awards": self.awards, "percentages": self.percentages}

    def __len__(self) -> int:
        return len(self.documents)
