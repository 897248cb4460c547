"""CoNLL BIO with nesting levels (as VLSP 2018): one token per line, one BIO column per level.

Comment lines carry what BIO cannot: `# id`, `# text` (JSON-escaped, for the exact white space),
`# meta` and `# records` (JSON). Entity attributes are not carried. An entity whose edges are not
on the token grid cannot be written and is reported.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from vnextract.corpora.convert.tokens import nesting_levels, token_range, tokenize


def to_conll(docs: Iterable[dict[str, Any]], skipped: list[str] | None = None) -> str:
    blocks = []
    for doc in docs:
        text = doc["text"]
        tokens = tokenize(text)
        levels = nesting_levels(doc.get("entities") or [])
        columns = [["O"] * len(tokens) for _ in range(max(1, len(levels)))]
        for depth, level in enumerate(levels):
            for e in level:
                covered = token_range(tokens, e["start"], e["end"])
                if covered is None:
                    if skipped is not None:
                        skipped.append(f"{doc['id']}: {e['label']} {e['text']!r} at {e['start']} is not on token edges")
                    continue
                first, last = covered
                columns[depth][first] = f"B-{e['label']}"
                for i in range(first + 1, last + 1):
                    columns[depth][i] = f"I-{e['label']}"
        lines = [f"# id = {doc['id']}", f"# text = {json.dumps(text, ensure_ascii=False)}"]
        if doc.get("meta"):
            lines.append(f"# meta = {json.dumps(doc['meta'], ensure_ascii=False)}")
        if doc.get("records"):
            lines.append(f"# records = {json.dumps(doc['records'], ensure_ascii=False)}")
        for i, (s, e) in enumerate(tokens):
            lines.append("\t".join([text[s:e], *(col[i] for col in columns)]))
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n"


def from_conll(data: str) -> list[dict[str, Any]]:
    docs = []
    for block in data.strip().split("\n\n"):
        header: dict[str, str] = {}
        rows = []
        for line in block.splitlines():
            if line.startswith("# ") and " = " in line:
                key, value = line[2:].split(" = ", 1)
                header[key] = value
            elif line.strip():
                rows.append(line.split("\t"))
        text = json.loads(header["text"])
        tokens = tokenize(text)
        if len(tokens) != len(rows) or any(text[s:e] != row[0] for (s, e), row in zip(tokens, rows, strict=True)):
            raise ValueError(f"document {header.get('id')}: tokens do not match its text")
        entities = []
        for depth in range(1, max((len(r) for r in rows), default=1)):
            current = None
            for (s, e), row in zip(tokens, rows, strict=True):
                tag = row[depth] if depth < len(row) else "O"
                if tag.startswith("B-") or (tag.startswith("I-") and (current is None or current["label"] != tag[2:])):
                    current = {"start": s, "end": e, "label": tag[2:]}
                    entities.append(current)
                elif tag.startswith("I-"):
                    current["end"] = e
                else:
                    current = None
        for ent in entities:
            ent["text"] = text[ent["start"]:ent["end"]]
        doc: dict[str, Any] = {"id": header["id"], "text": text}
        if "meta" in header:
            doc["meta"] = json.loads(header["meta"])
        doc["entities"] = sorted(entities, key=lambda x: (x["start"], -x["end"]))
        doc["records"] = json.loads(header["records"]) if "records" in header else []
        docs.append(doc)
    return docs
