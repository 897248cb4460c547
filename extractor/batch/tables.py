"""Three tables from the output documents (documents, entities, records), as Arrow tables, written
as Parquet files that DuckDB or pandas can query."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

DOCUMENT_COLUMNS = ("doc_id", "source", "content_hash", "chars", "date", "n_entities", "n_records", "meta_json")
ENTITY_COLUMNS = ("doc_id", "start", "end", "label", "text", "name", "code", "unit_2025", "value", "attrs_json")
RECORD_COLUMNS = ("doc_id", "type", "person", "titles", "award", "recipients", "issuer", "status", "percent",
                  "value", "subject", "province", "award_type", "award_class", "issuer_office", "recipient_kinds",
                  "date", "date_source", "decision", "positions_json", "provinces", "period", "evidence_json")


def rows(documents: Iterable[dict[str, Any]]) -> tuple[list[dict], list[dict], list[dict]]:
    docs, entities, records = [], [], []
    for d in documents:
        doc_id = d.get("id") or d.get("key")
        docs.append({"doc_id": doc_id, "source": d.get("source"), "content_hash": d.get("content_hash"),
                     "chars": len(d.get("text", "")), "date": str((d.get("meta") or {}).get("date") or "") or None,
                     "n_entities": len(d.get("entities") or []), "n_records": len(d.get("records") or []),
                     "meta_json": json.dumps(d.get("meta") or {}, ensure_ascii=False)})
        for e in d.get("entities") or []:
            attrs = e.get("attrs") or {}
            value = attrs.get("value")
            entities.append({"doc_id": doc_id, "start": e["start"], "end": e["end"], "label": e["label"],
                             "text": e["text"], "name": attrs.get("name") or attrs.get("type"),
                             "code": attrs.get("code"), "unit_2025": attrs.get("unit_2025"),
                             "value": str(value) if value is not None else None,
                             "attrs_json": json.dumps(attrs, ensure_ascii=False)})
        for r in d.get("records") or []:
            records.append({"doc_id": doc_id, "type": r.get("type"), "person": r.get("person"),
                            "titles": r.get("titles"), "award": r.get("award"), "recipients": r.get("recipients"),
                            "issuer": r.get("issuer"), "status": r.get("status"), "percent": r.get("percent"),
                            "value": r.get("value") if isinstance(r.get("value"), int | float) else None,
                            "subject": r.get("subject"), "province": r.get("province"), **_normalised(r)})
    return docs, entities, records


def _normalised(r: dict[str, Any]) -> dict[str, Any]:
    """The records' normalised fields and evidence (see schema.py), flattened for the records table."""
    attrs = r.get("attrs") or {}
    award_class = attrs.get("class")
    return {"award_type": attrs.get("type"), "award_class": int(award_class) if isinstance(award_class, int | float) else None,
            "issuer_office": r.get("issuer_office"),
            "recipient_kinds": [d.get("kind") for d in r["recipient_details"]] if r.get("recipient_details") else None,
            "date": r.get("date"), "date_source": r.get("date_source"),
            "decision": (r.get("decision") or {}).get("text"),
            "positions_json": json.dumps(r["positions"], ensure_ascii=False) if r.get("positions") else None,
            "provinces": [p.get("name") for p in r["provinces"] if p.get("name")] if r.get("provinces") else None,
            "period": r.get("period"),
            "evidence_json": json.dumps(r["evidence"], ensure_ascii=False) if r.get("evidence") else None}


def arrow_tables(documents: Iterable[dict[str, Any]]):
    import pyarrow as pa

    docs, entities, records = rows(documents)
    schemas = {
        "documents": pa.schema([("doc_id", pa.string()), ("source", pa.string()), ("content_hash", pa.string()),
                                ("chars", pa.int64()), ("date", pa.string()), ("n_entities", pa.int64()),
                                ("n_records", pa.int64()), ("meta_json", pa.string())]),
        "entities": pa.schema([("doc_id", pa.string()), ("start", pa.int64()), ("end", pa.int64()),
                               ("label", pa.string()), ("text", pa.string()), ("name", pa.string()),
                               ("code", pa.string()), ("unit_2025", pa.string()), ("value", pa.string()),
                               ("attrs_json", pa.string())]),
        "records": pa.schema([("doc_id", pa.string()), ("type", pa.string()), ("person", pa.string()),
                              ("titles", pa.list_(pa.string())), ("award", pa.string()),
                              ("recipients", pa.list_(pa.string())), ("issuer", pa.string()),
                              ("status", pa.string()), ("percent", pa.string()), ("value", pa.float64()),
                              ("subject", pa.string()), ("province", pa.string()), ("award_type", pa.string()),
                              ("award_class", pa.int64()), ("issuer_office", pa.string()),
                              ("recipient_kinds", pa.list_(pa.string())), ("date", pa.string()),
                              ("date_source", pa.string()), ("decision", pa.string()), ("positions_json", pa.string()),
                              ("provinces", pa.list_(pa.string())), ("period", pa.string()),
                              ("evidence_json", pa.string())]),
    }
    data = {"documents": docs, "entities": entities, "records": records}
    return {name: pa.Table.from_pylist(data[name], schema=schema) for name, schema in schemas.items()}


def read_jsonl(path: Path) -> Iterable[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def write_parquet(jsonl_path: Path, folder: Path) -> None:
    import pyarrow.parquet as pq

    folder.mkdir(parents=True, exist_ok=True)
    for name, table in arrow_tables(read_jsonl(jsonl_path)).items():
        pq.write_table(table, folder / f"{name}.parquet")
