"""Build the shipped gold corpus from its annotated sources: `python -m corpora.build`.

A source file (corpora/sources/*.txt) is one document written by the vnextract authors:

    id: vnx-001
    date: 2024-12-18
    split: train
    ---
    Sáng [18/12]{DAT:--12-18}, [UBND tỉnh [Ninh Bình]{PRO}]{ORG} …
    ---
    @official Phạm Quang Ngọc | Phó Bí thư Tỉnh ủy | Chủ tịch UBND tỉnh Ninh Bình
    @award Bằng khen | Sở Nội vụ tỉnh Hà Nam; Vĩnh Phúc | Thủ tướng Chính phủ | proposed

`[span]{LAB}` marks an entity (spans nest); attributes follow the label after colons:
DAT:value, AWD:type[:class], LEG:type[:number], PRO[:name] (default: the gazetteer's canonical
name of the span), PCT (value or min/max parsed from the span). Labels: PRO PER ORG PCT AWD DAT
LEG. `\\[` and `\\]` are literal brackets.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

from vnextract.corpora import CORPORA_DIR, GOLD_DIR

SOURCES = CORPORA_DIR / "sources"
LABELS = {"PRO": "PROVINCE", "PER": "PERSON", "ORG": "ORGANIZATION", "PCT": "PERCENT", "AWD": "AWARD",
          "DAT": "DATE", "LEG": "LEGAL_REF"}
SPLITS = ("train", "dev", "test")
_NUMBER = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:[,.]\d+)?")


def _number(text: str) -> float:
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", text):
        return float(text.replace(".", "").replace(",", "."))
    return float(text.replace(",", "."))


def _attrs(label: str, args: list[str], surface: str, source: str) -> dict[str, Any]:
    if label == "PROVINCE":
        if args:
            return {"name": args[0]}
        from vnextract.extractor.resources import province_gazetteer

        found = province_gazetteer().canonical(surface)
        if not found:
            raise ValueError(f"{source}: {surface!r} is not a province name; give it as PRO:name")
        return {"name": found[0]}
    if label == "PERCENT":
        numbers = [_number(n) for n in _NUMBER.findall(surface)]
        return {"value": numbers[0]} if len(numbers) == 1 else {"min": numbers[0], "max": numbers[-1]}
    if label == "DATE":
        return {"value": args[0]}
    if label == "AWARD":
        attrs: dict[str, Any] = {"type": args[0]}
        if len(args) > 1:
            attrs["class"] = int(args[1])
        return attrs
    if label == "LEGAL_REF":
        attrs = {"type": args[0]}
        if len(args) > 1:
            attrs["number"] = args[1]
        return attrs
    return {}


def parse_markup(markup: str, source: str) -> tuple[str, list[dict[str, Any]]]:
    """Plain text and entities from `[span]{LAB:args}` markup."""
    out: list[str] = []
    length = 0
    stack: list[int] = []
    entities = []
    i = 0
    while i < len(markup):
        char = markup[i]
        if char == "\\" and markup[i + 1:i + 2] in ("[", "]"):
            out.append(markup[i + 1])
            length += 1
            i += 2
        elif char == "[":
            stack.append(length)
            i += 1
        elif char == "]" and markup[i + 1:i + 2] == "{":
            close = markup.index("}", i)
            code, *args = markup[i + 2:close].split(":")
            if code not in LABELS or not stack:
                raise ValueError(f"{source}: bad entity close {markup[i:close + 1]!r}")
            start = stack.pop()
            surface = "".join(out)[start:length]
            label = LABELS[code]
            entity = {"start": start, "end": length, "label": label, "text": surface}
            attrs = _attrs(label, args, surface, source)
            if attrs:
                entity["attrs"] = attrs
            entities.append(entity)
            i = close + 1
        else:
            out.append(char)
            length += 1
            i += 1
    if stack:
        raise ValueError(f"{source}: unclosed '[' at {stack}")
    entities.sort(key=lambda e: (e["start"], -e["end"], e["label"]))
    return "".join(out), entities


def _records(lines: list[str], source: str) -> list[dict[str, Any]]:
    records = []
    for line in lines:
        if not line.strip():
            continue
        kind, _, rest = line.partition(" ")
        parts = [p.strip() for p in rest.split("|")]
        if kind == "@official":
            records.append({"type": "official", "person": parts[0], "titles": parts[1:]})
        elif kind == "@award":
            award, recipients, issuer, status = parts
            records.append({"type": "award", "award": award, "recipients": [r.strip() for r in recipients.split(";")],
                            "issuer": issuer or None, "status": status})
        else:
            raise ValueError(f"{source}: unknown record line {line!r}")
    return records


def build_document(path: Path) -> tuple[str, dict[str, Any]]:
    header, body, *rest = path.read_text(encoding="utf-8").split("\n---\n")
    fields = dict(line.split(": ", 1) for line in header.strip().splitlines())
    text, entities = parse_markup(body.strip("\n"), path.name)
    meta = {"date": fields["date"], "source": "vnextract authors (written for this corpus)"}
    document = {"id": fields["id"], "text": text, "meta": meta, "entities": entities,
                "records": _records(rest[0].splitlines() if rest else [], path.name)}
    return fields["split"], document


def build(sources: Path = SOURCES) -> dict[str, list[dict[str, Any]]]:
    splits: dict[str, list[dict[str, Any]]] = {s: [] for s in SPLITS}
    for path in sorted(sources.glob("*.txt")):
        split, document = build_document(path)
        splits[split].append(document)
    return splits


def main() -> int:
    from vnextract.corpora.validate import validate_document

    splits = build()
    errors = 0
    for split, documents in splits.items():
        for document in documents:
            for finding in validate_document(document):
                print(finding, file=sys.stderr)
                errors += finding.level == "error"
        path = GOLD_DIR / f"{split}.jsonl"
        path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in documents), encoding="utf-8")
        chars = sum(len(d["text"]) for d in documents)
        ents = sum(len(d["entities"]) for d in documents)
        recs = sum(len(d["records"]) for d in documents)
        print(f"{split}: {len(documents)} documents, {chars} characters, {ents} entities, {recs} records")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
