"""`vnextract corpus validate`: check every rule of ANNOTATION.md on a document file.

Each finding names the document id and the character position it concerns.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from vnextract.extractor.read.documents import DocumentFileError, iter_documents
from vnextract.extractor.recognise import REGISTRY

STATUSES = {"granted", "proposed", "other"}
_ISO_DATE = re.compile(r"^(?:\d{4}(?:-\d{2}(?:-\d{2})?)?|--\d{2}-\d{2})(?:/(?:\d{4}(?:-\d{2}(?:-\d{2})?)?|--\d{2}-\d{2}))?$")
_EDGE_ALLOWED = set("%&")


@dataclass(frozen=True)
class Finding:
    level: str          # "error" or "warning"
    doc_id: str
    position: int | None
    message: str

    def __str__(self) -> str:
        where = f" at char {self.position}" if self.position is not None else ""
        return f"{self.level}: {self.doc_id}{where}: {self.message}"


def _bad_edge(char: str) -> bool:
    if char.isspace():
        return True
    return unicodedata.category(char).startswith("P") and char not in _EDGE_ALLOWED


def validate_document(doc: dict[str, Any]) -> list[Finding]:
    found: list[Finding] = []
    doc_id = str(doc.get("id"))

    def add(position: int | None, message: str, level: str = "error") -> None:
        found.append(Finding(level, doc_id, position, message))

    text = doc.get("text")
    if not isinstance(text, str):
        add(None, "'text' must be a string")
        return found
    if "meta" in doc and not isinstance(doc["meta"], dict):
        add(None, "'meta' must be an object")
    entities = doc.get("entities", [])
    if not isinstance(entities, list):
        add(None, "'entities' must be a list")
        entities = []
    valid: list[dict[str, Any]] = []
    for k, e in enumerate(entities):
        start, end = e.get("start"), e.get("end")
        if not isinstance(start, int) or not isinstance(end, int) or isinstance(start, bool):
            add(None, f"entity {k}: start and end must be integers")
            continue
        if not 0 <= start < end <= len(text):
            add(start, f"entity {k}: span [{start}, {end}) is outside the text (length {len(text)}) or empty")
            continue
        label = e.get("label")
        if label not in REGISTRY.label_names():
            add(start, f"entity {k}: unknown label {label!r}")
        surface = text[start:end]
        if e.get("text") != surface:
            add(start, f"entity {k}: text {e.get('text')!r} differs from text[start:end] {surface!r}")
        if _bad_edge(surface[0]):
            add(start, f"entity {k} ({label}): span begins with white space or punctuation: {surface!r}")
        if _bad_edge(surface[-1]):
            add(end - 1, f"entity {k} ({label}): span ends with white space or punctuation: {surface!r}")
        found += [Finding("error", doc_id, start, f"entity {k} ({label}): {msg}") for msg in _attr_problems(e)]
        valid.append(e)

    by_label: dict[str, list[dict[str, Any]]] = {}
    for e in valid:
        by_label.setdefault(e.get("label"), []).append(e)
    for label, items in by_label.items():
        items.sort(key=lambda e: (e["start"], e["end"]))
        for a, b in itertools.pairwise(items):
            if b["start"] < a["end"]:
                add(b["start"], f"{label} entities overlap: {a['text']!r} [{a['start']}, {a['end']}) "
                                f"and {b['text']!r} [{b['start']}, {b['end']})")

    records = doc.get("records", [])
    if not isinstance(records, list):
        add(None, "'records' must be a list")
        records = []
    texts_by_label = {label: {e["text"] for e in items} for label, items in by_label.items()}
    for k, r in enumerate(records):
        for msg, level in _record_problems(r, texts_by_label):
            add(None, f"record {k} ({r.get('type')}): {msg}", level)
    return found


def _attr_problems(e: dict[str, Any]) -> Iterable[str]:
    attrs = e.get("attrs")
    if attrs is None:
        return
    if not isinstance(attrs, dict):
        yield "attrs must be an object"
        return
    label = e.get("label")
    if label == "PERCENT":
        has_value = "value" in attrs
        has_range = "min" in attrs and "max" in attrs
        if not has_value and not has_range:
            yield "PERCENT attrs need 'value', or 'min' and 'max'"
        for key in ("value", "min", "max"):
            if key in attrs and (not isinstance(attrs[key], int | float) or isinstance(attrs[key], bool)):
                yield f"attrs.{key} must be a number"
    elif label == "DATE" and "value" in attrs:
        if not isinstance(attrs["value"], str) or not _ISO_DATE.match(attrs["value"]):
            yield f"attrs.value {attrs['value']!r} is not ISO 8601 as far as written"
    elif label == "AWARD" and "class" in attrs and attrs["class"] not in (1, 2, 3):
        yield f"attrs.class must be 1, 2 or 3, not {attrs['class']!r}"
    elif label == "PROVINCE" and "name" in attrs and not isinstance(attrs["name"], str):
        yield "attrs.name must be a string"


def _record_problems(r: dict[str, Any], texts: dict[str, set[str]]) -> Iterable[tuple[str, str]]:
    kind = r.get("type")
    if kind == "official":
        if not isinstance(r.get("person"), str) or not r["person"].strip():
            yield "'person' must be a non-empty string", "error"
        elif r["person"] not in texts.get("PERSON", set()):
            yield f"person {r['person']!r} is not the text of any PERSON entity", "warning"
        titles = r.get("titles")
        if not isinstance(titles, list) or not titles or not all(isinstance(t, str) and t.strip() for t in titles):
            yield "'titles' must be a non-empty list of strings", "error"
    elif kind == "award":
        if not isinstance(r.get("award"), str) or not r["award"].strip():
            yield "'award' must be a non-empty string", "error"
        elif r["award"] not in texts.get("AWARD", set()):
            yield f"award {r['award']!r} is not the text of any AWARD entity", "warning"
        recipients = r.get("recipients")
        if not isinstance(recipients, list) or not recipients or not all(isinstance(x, str) and x.strip()
                                                                          for x in recipients):
            yield "'recipients' must be a non-empty list of strings", "error"
        if r.get("issuer") is not None and not isinstance(r.get("issuer"), str):
            yield "'issuer' must be a string or null", "error"
        if r.get("status") not in STATUSES:
            yield f"'status' must be one of {sorted(STATUSES)}, not {r.get('status')!r}", "error"
    elif not isinstance(kind, str):
        yield "'type' must be a string", "error"


def validate_file(path: str | Path) -> list[Finding]:
    findings: list[Finding] = []
    seen: set[str] = set()
    try:
        for doc in iter_documents(path):
            doc_id = str(doc["id"])
            if doc_id in seen:
                findings.append(Finding("error", doc_id, None, "document id appears twice"))
            seen.add(doc_id)
            findings += validate_document(doc)
    except DocumentFileError as exc:
        findings.append(Finding("error", str(path), None, str(exc)))
    return findings
