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
                  "value", "subject", "province")


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
                            "subject": r.get("subject"), "province": r.get("province")})
    return docs, entities, records


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
                              ("subject", pa.string()), ("province", pa.string())]),
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
