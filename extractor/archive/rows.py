"""One output document (a dict as written by `extract`/`batch`) → typed rows for each archive table.

Records are read through the output schema (`extractor/schema.py`, what `vnextract schema` prints):
a title's role, organisation, province and current/former come from `positions`, a recipient's
kind and province from `recipient_details`, the issuer's office, the conferral's date and the
decision from the award record, every offset from the record's `evidence`. A record may leave its
normalised fields out (the scored fields alone, as in ANNOTATION.md): the rows then leave those
columns empty. The document date is parsed by `extractor/dates.py`, which also picks the scheme.

What the records do not carry, and is read here:
- a province's scheme and its 2025 unit's GSO code: from the PROVINCE entity inside the evidence
  span of the title, recipient or percentage (empty when PROVINCE entities were not output);
- a percentage's unit (percent or percentage point): from the PERCENT entity at its evidence span;
- the decision's year: from the LEGAL_REF entity at the decision's span;
- a yearless conferral date ("--01-25", a day written without its year): the document's year, as
  the DATE entity's `inferred` value has it;
- whether a title's organisation names a particular body, or is a bare one ("UBND tỉnh", "Tỉnh
  ủy") that the officials register must not link people on;
- the evidence sentence of each title and recipient: the record's sentence holding its first span.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, ValidationError

from vnextract.extractor.dates import DocumentDate, parse_document_date, province_scheme
from vnextract.extractor.normalise.unicode import normalised
from vnextract.extractor.resources import fold_key
from vnextract.extractor.schema import AwardRecord, OfficialRecord, PercentageRecord, Span

Row = dict[str, Any]
RECORDS: dict[str, type[BaseModel]] = {"official": OfficialRecord, "award": AwardRecord, "percentage": PercentageRecord}

# Bodies written after a title that name no particular one ("Phó Bí thư Tỉnh ủy", "Chủ tịch UBND tỉnh").
_GENERIC_BODY = re.compile(
    r"^(?:thường trực\s+)?(?:UBND|HĐND|Ủy ban nhân dân|Uỷ ban nhân dân|Hội đồng nhân dân|Tỉnh ủy|Thành ủy|Huyện ủy|"
    r"Đảng ủy|Quận ủy|Công ty|HĐQT|Hội đồng quản trị|Ban|Hội|Sở|Bộ|Trung tâm|Công đoàn|Chi bộ|Thường trực|Đoàn)"
    r"(?:\s+(?:tỉnh|thành phố|TP|huyện|quận|thị xã|xã|phường))?$", re.IGNORECASE)
_YEARLESS = re.compile(r"--\d{2}-\d{2}")

PROVINCE_ATTRS = {"name": "province_name", "code": "province_code", "scheme": "province_scheme", "type": "province_type",
                  "region": "region", "unit_2025": "unit_2025", "unit_2025_code": "unit_2025_code",
                  "scheme_basis": "province_scheme_basis", "merged_from": "merged_from", "became": "became"}
PERCENT_ATTRS = {"value": "percent_value", "min": "percent_min", "max": "percent_max", "unit": "percent_unit",
                 "qualifier": "qualifier"}
AWARD_ATTRS = {"type": "award_type", "class": "award_class", "category": "award_category", "level": "award_level"}
DATE_ATTRS = {"value": "date_value", "inferred": "date_inferred_value", "year_inferred": "date_year_inferred"}
LEGAL_ATTRS = {"type": "legal_type", "number": "legal_number", "year": "legal_year", "issuer_code": "legal_issuer_code"}
ATTR_COLUMNS = {"PROVINCE": PROVINCE_ATTRS, "PERCENT": PERCENT_ATTRS, "AWARD": AWARD_ATTRS, "DATE": DATE_ATTRS,
                "LEGAL_REF": LEGAL_ATTRS}


def _first(spans: list[Span]) -> Span | None:
    return spans[0] if spans else None


def _at(items: list[Any], k: int) -> Any:
    return items[k] if k < len(items) else None


def _columns(prefix: str, span: Span | None) -> Row:
    return {f"{prefix}_start": span[0] if span else None, f"{prefix}_end": span[1] if span else None}


def _sentence_of(sentences: list[Span], span: Span | None) -> Span | None:
    """The record's sentence that holds `span`; a part written outside them (a table row's titles on the
    next line, a recipient named the sentence before) widens the nearest sentence before it to take it in."""
    if not sentences:
        return None
    if span is None:
        return sentences[0]
    before = [s for s in sentences if s[0] <= span[0]]
    start, end = before[-1] if before else sentences[0]
    return min(start, span[0]), max(end, span[1])


class _Entities:
    """The document's entities looked up by their exact spans (what evidence spans point at)."""

    def __init__(self, entities: list[dict[str, Any]]) -> None:
        self.at = {(e["start"], e["end"], e["label"]): e.get("attrs") or {} for e in entities}
        self.provinces = sorted(((e["start"], e["end"], e.get("attrs") or {}) for e in entities if e["label"] == "PROVINCE"),
                                key=lambda p: (p[0], p[1]))
        self.province_starts = [p[0] for p in self.provinces]

    def attrs(self, label: str, span: Span | None) -> dict[str, Any]:
        return self.at.get((span[0], span[1], label), {}) if span else {}

    def province(self, name: str | None, spans: list[Span]) -> dict[str, Any]:
        """The attrs of the last PROVINCE entity named `name` inside one of `spans`."""
        found: dict[str, Any] = {}
        for start, end in spans:
            for k in range(bisect_left(self.province_starts, start), len(self.provinces)):
                p_start, p_end, attrs = self.provinces[k]
                if p_start >= end:
                    break
                if p_end <= end and attrs.get("name") == name:
                    found = attrs
        return found

    def province_columns(self, prefix: str, name: str | None, code: str | None, unit_2025: str | None,
                         spans: list[Span]) -> Row:
        """A province as the record gives it, with the scheme and 2025 code of its entity."""
        attrs = self.province(name, spans) if name else {}
        return {prefix: name, f"{prefix}_code": code, f"{prefix}_scheme": attrs.get("scheme"),
                f"{prefix}_2025": unit_2025, f"{prefix}_2025_code": attrs.get("unit_2025_code")}


def document_row(doc: dict[str, Any], doc_id: str, parsed: DocumentDate | None) -> Row:
    meta = doc.get("meta") or {}
    text = doc.get("text") or ""
    choice = province_scheme(parsed, "")                    # the date decides, or the text's cues on the shadow text,
    if choice.basis != "date":                             # as the PROVINCE recogniser read them (normalising costs
        choice = province_scheme(parsed, normalised(text))  # ~1 ms a document: only when the date does not decide)
    first_line = next((line.strip() for line in text.split("\n") if line.strip()), "")
    return {"doc_id": doc_id, "key": doc.get("key") or doc_id, "source": doc.get("source"),
            "content_hash": doc.get("content_hash"), "title": first_line[:300],
            "date": parsed.start if parsed else None, "date_end": parsed.end if parsed else None,
            "date_precision": parsed.precision if parsed else None,
            "date_approximate": parsed.approximate if parsed else None,
            "date_raw": None if meta.get("date") is None else str(meta.get("date")),
            "year": parsed.year if parsed else None, "scheme": choice.scheme, "scheme_basis": choice.basis,
            "chars": len(text), "n_entities": len(doc.get("entities") or []), "n_records": len(doc.get("records") or []),
            "text": text, "meta": json.dumps(meta, ensure_ascii=False)}


def _day(value: str | None) -> DocumentDate | None:
    return parse_document_date(value.split("/")[0]) if value else None


def entity_rows(doc: dict[str, Any], doc_id: str) -> list[Row]:
    out = []
    for k, e in enumerate(doc.get("entities") or []):
        attrs = dict(e.get("attrs") or {})
        row: Row = {"doc_id": doc_id, "entity_no": k, "start": e["start"], "end": e["end"], "label": e["label"],
                    "text": e["text"]}
        for key, column in ATTR_COLUMNS.get(e["label"], {}).items():
            if key in attrs:
                row[column] = attrs.pop(key)
        if e["label"] == "DATE":
            day = _day(row.get("date_value")) or _day(row.get("date_inferred_value"))
            row["date"] = day.start if day else None
        row["attrs"] = json.dumps(attrs, ensure_ascii=False) if attrs else None
        out.append(row)
    return out


def official_rows(record: OfficialRecord, no: int, doc_id: str, entities: _Entities) -> tuple[Row, list[Row]]:
    evidence = record.evidence
    sentences = evidence.sentences if evidence else []
    title_spans = evidence.titles if evidence else []
    official = {"doc_id": doc_id, "official_no": no, "person": record.person, "n_titles": len(record.titles),
                **_columns("person", _first(evidence.person) if evidence else None),
                **_columns("evidence", _first(sentences))}
    rows = []
    for k, title in enumerate(record.titles):
        position = _at(record.positions, k)
        spans = _at(title_spans, k) or []
        organisation = position.organisation if position else None
        rows.append({
            "doc_id": doc_id, "official_no": no, "title_no": k, "title": title,
            "role": position.role if position else None, "organisation": organisation,
            "organisation_named": bool(organisation and not _GENERIC_BODY.match(organisation)) if position else None,
            "current": position.current if position else None,
            **(entities.province_columns("province", position.province, position.province_code, position.unit_2025, spans)
               if position else {}),
            **_columns("title", _first(spans)), **_columns("evidence", _sentence_of(sentences, _first(spans)))})
    return official, rows


def _conferral_date(record: AwardRecord, document: DocumentDate | None) -> tuple[DocumentDate | None, str | None]:
    """The conferral's date and where it is from: as its sentence states it ('text'; a day written
    without its year takes the document's), else the document's ('document', as the record says
    when it states none, and also when the day it states cannot be dated: '25/1' in an article
    dated '2005-2006')."""
    if record.date_source == "text" and record.date:
        year = document.year if document else None
        parts = [f"{year:04d}{p[1:]}" if year and _YEARLESS.fullmatch(p) else p for p in record.date.split("/")]
        stated = parse_document_date("/".join(parts))
        if stated:
            return stated, "text"
    return (document, "document") if document else (None, None)


def award_rows(record: AwardRecord, no: int, doc_id: str, entities: _Entities, document: DocumentDate | None) -> list[Row]:
    evidence = record.evidence
    sentences = evidence.sentences if evidence else []
    recipient_spans = evidence.recipients if evidence else []
    day, source = _conferral_date(record, document)
    decision = record.decision
    common: Row = {
        "doc_id": doc_id, "award_no": no, "award": record.award,
        **{column: record.attrs.get(key) for key, column in AWARD_ATTRS.items()},
        "issuer": record.issuer, "issuer_normalised": record.issuer_office, "status": record.status,
        "date": day.start if day else None, "date_precision": day.precision if day else None,
        "date_source": source, "year": day.year if day else None,
        "decision": decision.text if decision else None, "decision_number": decision.number if decision else None,
        "decision_year": entities.attrs("LEGAL_REF", decision.span).get("year") if decision else None,
        **_columns("award", _first(evidence.award) if evidence else None),
    }
    rows = []
    for k, recipient in enumerate(record.recipients):
        detail = _at(record.recipient_details, k)
        spans = _at(recipient_spans, k) or []
        province = entities.province_columns("recipient_province", detail.province, detail.province_code,
                                              detail.unit_2025, spans) if detail else {}
        rows.append({**common, "recipient_no": k, "recipient": recipient, "recipient_kind": detail.kind if detail else None,
                     **province, **_columns("recipient", _first(spans)),
                     **_columns("evidence", _sentence_of(sentences, _first(spans)))})
    return rows


def percentage_row(record: PercentageRecord, no: int, doc_id: str, entities: _Entities, document: Row) -> Row:
    evidence = record.evidence
    percent = _first(evidence.percent) if evidence else None
    where = next((p for p in record.provinces if p.name == record.province), None)
    province = entities.province_columns("province", record.province, where.code if where else None,
                                         where.unit_2025 if where else None, evidence.provinces if evidence else [])
    return {"doc_id": doc_id, "percentage_no": no, "percent": record.percent, "value": record.value,
            "min": record.min, "max": record.max, "unit": entities.attrs("PERCENT", percent).get("unit"),
            "qualifier": record.qualifier, "subject": record.subject,
            "subject_key": fold_key(record.subject) if record.subject else None,
            **province, "provinces": [p.name for p in record.provinces if p.name] or None, "period": record.period,
            "year": document["year"], "date": document["date"], **_columns("percent", percent),
            **_columns("evidence", _first(evidence.sentences) if evidence else None)}


@dataclass
class DocumentRows:
    documents: list[Row] = field(default_factory=list)
    entities: list[Row] = field(default_factory=list)
    officials: list[Row] = field(default_factory=list)
    official_titles: list[Row] = field(default_factory=list)
    awards: list[Row] = field(default_factory=list)
    percentages: list[Row] = field(default_factory=list)

    def add(self, doc: dict[str, Any], doc_id: str) -> None:
        """The rows of one document; a record that does not fit the output schema is a ValueError naming it."""
        parsed = parse_document_date((doc.get("meta") or {}).get("date"))
        document = document_row(doc, doc_id, parsed)
        entities = _Entities(doc.get("entities") or [])
        counts = {kind: 0 for kind in RECORDS}
        officials: list[Row] = []
        titles: list[Row] = []
        awards: list[Row] = []
        percentages: list[Row] = []
        for n, raw in enumerate(doc.get("records") or []):
            kind = raw.get("type")
            if kind not in RECORDS:
                continue                                      # other record types may appear (ANNOTATION.md)
            try:
                record = RECORDS[kind].model_validate(raw)
            except ValidationError as exc:
                raise ValueError(f"document {doc_id}: record {n} does not fit the output schema "
                                 f"(vnextract schema prints it): {exc}") from exc
            no = counts[kind]
            counts[kind] += 1
            if isinstance(record, OfficialRecord):
                official, rows = official_rows(record, no, doc_id, entities)
                officials.append(official)
                titles += rows
            elif isinstance(record, AwardRecord):
                awards += award_rows(record, no, doc_id, entities, parsed)
            elif isinstance(record, PercentageRecord):
                percentages.append(percentage_row(record, no, doc_id, entities, document))
        self.documents.append(document)
        self.entities += entity_rows(doc, doc_id)
        self.officials += officials
        self.official_titles += titles
        self.awards += awards
        self.percentages += percentages

    def tables(self) -> dict[str, list[Row]]:
        return {"documents": self.documents, "entities": self.entities, "officials": self.officials,
                "official_titles": self.official_titles, "awards": self.awards, "percentages": self.percentages}

    def __len__(self) -> int:
        return len(self.documents)
